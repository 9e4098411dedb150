// The local Cloud Control endpoint, driven by the AWS CLI v2 (Debian's awscli) as users run it:
// `aws cloudcontrol … --endpoint-url`, its waiter included.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { after, beforeEach, test } from 'node:test';
import { promisify } from 'node:util';
import { startLocalCloudControl } from '../../local/cloudcontrol/local';
import type { CloudControlServer } from '../../local/cloudcontrol/server';
import { seedArns } from '../../local/connect-emulator/seed';
import { EMULATOR_CREDENTIALS } from '../../local/lambda-runtime/backend';
import { ensureBuiltSync } from '../../scripts/build';
import { useEmulator } from '../support/emulator';
import { TYPE_NAME } from '../support/type-name';
import { typicalUser } from '../support/typical-user';

/** The AWS CLI v2: Debian's /usr/bin/aws, or an `aws` on the PATH that is version 2. */
function awsCliV2(): string | undefined {
    return ['/usr/bin/aws', 'aws'].find((cli) => /^aws-cli\/2\./.test(spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout ?? ''));
}

ensureBuiltSync();
const cli = awsCliV2();
const emulator = useEmulator();
const seed = seedArns();
let server: CloudControlServer;
beforeEach(async () => {
    if (server || !cli) return;
    process.env.AWS_ENDPOINT_URL_CONNECT = emulator().endpoint;
    server = await startLocalCloudControl({ region: 'us-east-1', credentials: EMULATOR_CREDENTIALS, delayScale: 0.01 });
});
after(() => server?.close());

/** One `aws cloudcontrol` command as a user runs it: its JSON output, or its exit code and error text. */
async function aws(...args: string[]): Promise<{ ok: true; json: any } | { ok: false; code: number; stderr: string }> {
    const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
        AWS_SESSION_TOKEN: EMULATOR_CREDENTIALS.sessionToken,
        AWS_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
    };
    try {
        const { stdout } = await promisify(execFile)(cli!, ['cloudcontrol', ...args, '--endpoint-url', server.endpoint, '--output', 'json'], { env, timeout: 120_000 });
        return { ok: true, json: stdout.trim() ? JSON.parse(stdout) : {} };
    } catch (error: any) {
        return { ok: false, code: error.code, stderr: String(error.stderr) };
    }
}
const json = async (...args: string[]) => {
    const result = await aws(...args);
    assert.ok(result.ok, result.ok ? '' : `aws cloudcontrol ${args[0]}: ${result.stderr}`);
    return result.json;
};

test('aws cloudcontrol: the whole lifecycle, a refused create-only patch, a refused model, lists with and without a model', async (t) => {
    if (!cli) return t.skip('no AWS CLI v2 here: apt-get install awscli (Debian 12 packages 2.9)');
    const desired = typicalUser('cli');
    const created = await json('create-resource', '--type-name', TYPE_NAME, '--desired-state', JSON.stringify(desired));
    assert.equal(created.ProgressEvent.OperationStatus, 'IN_PROGRESS');
    await json('wait', 'resource-request-success', '--request-token', created.ProgressEvent.RequestToken);
    const status = await json('get-resource-request-status', '--request-token', created.ProgressEvent.RequestToken);
    assert.equal(status.ProgressEvent.OperationStatus, 'SUCCESS');
    const id = status.ProgressEvent.Identifier;

    const read = JSON.parse((await json('get-resource', '--type-name', TYPE_NAME, '--identifier', id)).ResourceDescription.Properties);
    assert.equal(read.Username, desired.Username);

    const updated = await json('update-resource', '--type-name', TYPE_NAME, '--identifier', id, '--patch-document', JSON.stringify([{ op: 'replace', path: '/RoutingProfileArn', value: seed.routingProfiles.Support }]));
    await json('wait', 'resource-request-success', '--request-token', updated.ProgressEvent.RequestToken);
    assert.equal(JSON.parse((await json('get-resource', '--type-name', TYPE_NAME, '--identifier', id)).ResourceDescription.Properties).RoutingProfileArn, seed.routingProfiles.Support);

    const renamed = await aws('update-resource', '--type-name', TYPE_NAME, '--identifier', id, '--patch-document', JSON.stringify([{ op: 'replace', path: '/Username', value: 'other' }]));
    assert.ok(!renamed.ok && /NotUpdatableException/.test(renamed.stderr), JSON.stringify(renamed));
    const refused = await aws('create-resource', '--type-name', TYPE_NAME, '--desired-state', JSON.stringify({ ...typicalUser('clibad'), Nickname: 'x' }));
    assert.ok(!refused.ok && /InvalidRequestException.*Model validation failed \(#: extraneous key \[Nickname\] is not permitted\)/.test(refused.stderr), JSON.stringify(refused));

    const scoped = await json('list-resources', '--type-name', TYPE_NAME, '--resource-model', JSON.stringify({ InstanceArn: seed.instanceArn }));
    assert.ok(scoped.ResourceDescriptions.some((d: any) => d.Identifier === id));
    const region = await json('list-resources', '--type-name', TYPE_NAME);
    assert.ok(region.ResourceDescriptions.some((d: any) => d.Identifier === id));

    const deleted = await json('delete-resource', '--type-name', TYPE_NAME, '--identifier', id);
    await json('wait', 'resource-request-success', '--request-token', deleted.ProgressEvent.RequestToken);
    const gone = await aws('get-resource', '--type-name', TYPE_NAME, '--identifier', id);
    assert.ok(!gone.ok && /ResourceNotFoundException/.test(gone.stderr), JSON.stringify(gone));
});
