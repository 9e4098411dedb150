// The local Cloud Control endpoint, driven by the real @aws-sdk/client-cloudcontrol (its waiter
// included) as Terraform awscc, Pulumi, StackQL and Alchemy drive the service: the whole
// lifecycle, a refused create-only patch, a model the schema refuses, lists with and without a
// model, idempotency by ClientToken, and the signature checked.
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import {
    CancelResourceRequestCommand,
    CloudControlClient,
    CreateResourceCommand,
    DeleteResourceCommand,
    GetResourceCommand,
    GetResourceRequestStatusCommand,
    ListResourceRequestsCommand,
    ListResourcesCommand,
    UpdateResourceCommand,
    waitUntilResourceRequestSuccess,
} from '@aws-sdk/client-cloudcontrol';
import { startLocalCloudControl } from '../../local/cloudcontrol/local';
import type { CloudControlServer } from '../../local/cloudcontrol/server';
import { seedArns } from '../../local/connect-emulator/seed';
import { EMULATOR_CREDENTIALS } from '../../local/lambda-runtime/backend';
import { ensureBuiltSync } from '../../scripts/build';
import { useEmulator } from '../support/emulator';
import { TYPE_NAME } from '../support/type-name';
import { typicalUser } from '../support/typical-user';

ensureBuiltSync();
const emulator = useEmulator();
const seed = seedArns();
let server: CloudControlServer;
let client: CloudControlClient;
// The handler's Connect calls go to the emulator; delays are scaled down a hundredfold.
beforeEach(async () => {
    if (server) return;
    process.env.AWS_ENDPOINT_URL_CONNECT = emulator().endpoint;
    server = await startLocalCloudControl({ region: 'us-east-1', credentials: EMULATOR_CREDENTIALS, delayScale: 0.01 });
    client = new CloudControlClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 });
});
after(() => server?.close());

const succeeded = async (RequestToken: string | undefined) => {
    const { state, reason } = await waitUntilResourceRequestSuccess({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { RequestToken });
    assert.equal(state, 'SUCCESS', JSON.stringify(reason?.ProgressEvent));
    return reason!.ProgressEvent!;
};
const refusal = async (send: Promise<unknown>) => {
    try {
        await send;
    } catch (error) {
        return error as Error;
    }
    assert.fail('the call was not refused');
};

test('the whole lifecycle: create, read, update by JSON Patch, list with and without a model, delete', async () => {
    const desired = typicalUser('cc');
    const created = await client.send(new CreateResourceCommand({ TypeName: TYPE_NAME, DesiredState: JSON.stringify(desired) }));
    assert.equal(created.ProgressEvent?.OperationStatus, 'IN_PROGRESS');
    const done = await succeeded(created.ProgressEvent?.RequestToken);
    const id = done.Identifier!;
    assert.match(id, /\/agent\//);
    const read = JSON.parse((await client.send(new GetResourceCommand({ TypeName: TYPE_NAME, Identifier: id }))).ResourceDescription!.Properties!);
    assert.equal(read.Username, desired.Username);
    assert.equal('Password' in read, false, 'write-only');

    const patched = await client.send(new UpdateResourceCommand({ TypeName: TYPE_NAME, Identifier: id, PatchDocument: JSON.stringify([{ op: 'replace', path: '/RoutingProfileArn', value: seed.routingProfiles.Support }, { op: 'add', path: '/Tags', value: [{ Key: 'team', Value: 'cc' }] }]) }));
    await succeeded(patched.ProgressEvent?.RequestToken);
    const after = JSON.parse((await client.send(new GetResourceCommand({ TypeName: TYPE_NAME, Identifier: id }))).ResourceDescription!.Properties!);
    assert.equal(after.RoutingProfileArn, seed.routingProfiles.Support);
    assert.deepEqual(after.Tags, [{ Key: 'team', Value: 'cc' }]);
    assert.equal(emulator().users().find((u) => u.username === desired.Username)?.routingProfileId, seed.routingProfiles.Support.split('/').pop());

    const scoped = await client.send(new ListResourcesCommand({ TypeName: TYPE_NAME, ResourceModel: JSON.stringify({ InstanceArn: seed.instanceArn }) }));
    assert.ok(scoped.ResourceDescriptions?.some((d) => d.Identifier === id));
    const region = await client.send(new ListResourcesCommand({ TypeName: TYPE_NAME }));
    assert.ok(region.ResourceDescriptions?.some((d) => d.Identifier === id), 'no model: the Region\'s listing');

    const deleted = await client.send(new DeleteResourceCommand({ TypeName: TYPE_NAME, Identifier: id }));
    await succeeded(deleted.ProgressEvent?.RequestToken);
    assert.equal((await refusal(client.send(new GetResourceCommand({ TypeName: TYPE_NAME, Identifier: id })))).name, 'ResourceNotFoundException');
    const requests = await client.send(new ListResourceRequestsCommand({ ResourceRequestStatusFilter: { OperationStatuses: ['SUCCESS'] } }));
    assert.deepEqual(requests.ResourceRequestStatusSummaries?.slice(0, 3).map((r) => r.Operation), ['DELETE', 'UPDATE', 'CREATE']);
});

test('a create-only path in a patch is NotUpdatable, and a model the schema refuses is InvalidRequest, before any handler call', async () => {
    const created = await client.send(new CreateResourceCommand({ TypeName: TYPE_NAME, DesiredState: JSON.stringify(typicalUser('ccro')) }));
    const id = (await succeeded(created.ProgressEvent?.RequestToken)).Identifier!;
    emulator().journal.length = 0;
    const renamed = await refusal(client.send(new UpdateResourceCommand({ TypeName: TYPE_NAME, Identifier: id, PatchDocument: JSON.stringify([{ op: 'replace', path: '/Username', value: 'other' }]) })));
    assert.equal(renamed.name, 'NotUpdatableException');
    assert.match(renamed.message, /createOnlyProperties \[\/properties\/Username\]/);
    const wrong = await refusal(client.send(new CreateResourceCommand({ TypeName: TYPE_NAME, DesiredState: JSON.stringify({ ...typicalUser('ccbad'), PhoneConfig: { PhoneType: 'SOFT_PHONE', PhoneNumber: '+14155550100' } }) })));
    assert.equal(wrong.name, 'InvalidRequestException');
    assert.equal(wrong.message, 'Model validation failed (#/PhoneConfig: extraneous key [PhoneNumber] is not permitted)');
    assert.deepEqual(emulator().journal.filter((e) => e.operation !== 'DescribeUser' && e.operation !== 'ListUserProficiencies').map((e) => e.operation), [], 'only the READ the update starts with reached Connect');
    assert.equal((await refusal(client.send(new GetResourceCommand({ TypeName: 'Other::Connect::User', Identifier: id })))).name, 'TypeNotFoundException');
});

test('a ClientToken used again answers the same request; used for another request, it conflicts', async () => {
    const desired = typicalUser('cctok');
    const input = { TypeName: TYPE_NAME, DesiredState: JSON.stringify(desired), ClientToken: 'token-1' };
    const first = await client.send(new CreateResourceCommand(input));
    const again = await client.send(new CreateResourceCommand(input));
    assert.equal(again.ProgressEvent?.RequestToken, first.ProgressEvent?.RequestToken);
    await succeeded(first.ProgressEvent?.RequestToken);
    assert.equal(emulator().users().filter((u) => u.username === desired.Username).length, 1, 'one user');
    assert.equal((await refusal(client.send(new CreateResourceCommand({ ...input, DesiredState: JSON.stringify(typicalUser('cctok2')) })))).name, 'ClientTokenConflictException');
});

test('RetryAfter while the handler waits, and a cancelled request ends CANCEL_COMPLETE without another handler call', async () => {
    emulator().setFaults({ readAfterCreateLag: 1, lagMs: 5_000 });
    try {
        const slow = await startLocalCloudControl({ region: 'us-east-1', credentials: EMULATOR_CREDENTIALS, delayScale: 1 });
        const slowClient = new CloudControlClient({ endpoint: slow.endpoint, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
        const created = await slowClient.send(new CreateResourceCommand({ TypeName: TYPE_NAME, DesiredState: JSON.stringify(typicalUser('cccancel')) }));
        let status = created.ProgressEvent!;
        for (let i = 0; i < 50 && !status.RetryAfter; i++) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            status = (await slowClient.send(new GetResourceRequestStatusCommand({ RequestToken: created.ProgressEvent!.RequestToken }))).ProgressEvent!;
        }
        assert.ok(status.RetryAfter instanceof Date && status.RetryAfter.getTime() > Date.now(), 'the handler asked for a callback');
        const cancelled = await slowClient.send(new CancelResourceRequestCommand({ RequestToken: created.ProgressEvent!.RequestToken }));
        assert.equal(cancelled.ProgressEvent?.OperationStatus, 'CANCEL_IN_PROGRESS');
        const calls = emulator().journal.length;
        let ended = cancelled.ProgressEvent!;
        for (let i = 0; i < 100 && ended.OperationStatus === 'CANCEL_IN_PROGRESS'; i++) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            ended = (await slowClient.send(new GetResourceRequestStatusCommand({ RequestToken: created.ProgressEvent!.RequestToken }))).ProgressEvent!;
        }
        assert.equal(ended.OperationStatus, 'CANCEL_COMPLETE');
        assert.equal(emulator().journal.length, calls, 'no handler call after the cancel');
        await slow.close();
    } finally {
        emulator().setFaults({});
    }
});

test('the signature is checked: unsigned, another service\'s scope, and a wrong secret are refused', async () => {
    const unsigned = await fetch(server.endpoint, { method: 'POST', headers: { 'X-Amz-Target': 'CloudApiService.ListResources', 'Content-Type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ TypeName: TYPE_NAME }) });
    assert.equal(unsigned.status, 403);
    assert.equal(((await unsigned.json()) as { __type: string }).__type.split('#').pop(), 'MissingAuthenticationTokenException');
    const wrongSecret = new CloudControlClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { ...EMULATOR_CREDENTIALS, secretAccessKey: 'not-the-secret' }, maxAttempts: 1 });
    assert.equal((await refusal(wrongSecret.send(new ListResourcesCommand({ TypeName: TYPE_NAME })))).name, 'InvalidSignatureException');
    const otherRegion = new CloudControlClient({ endpoint: server.endpoint, region: 'eu-west-1', credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 });
    assert.equal((await refusal(otherRegion.send(new ListResourcesCommand({ TypeName: TYPE_NAME })))).name, 'InvalidSignatureException');
});
