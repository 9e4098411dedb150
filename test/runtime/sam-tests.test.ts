// The sam-tests events as `sam local invoke TestEntrypoint --event FILE --env-vars
// sam-tests/env.json` runs them: the event passed to the handler as it is (SAM fills no
// placeholder), the endpoint from the environment. create and list run as committed; the events
// that name the user run as `npm run sam-tests` writes them, with the UserArn Connect assigned.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { ensureBuiltSync, BUNDLE } from '../../scripts/build';
import { runnableEvents } from '../../scripts/sam-tests';
import { useEmulator } from '../support/emulator';

// These read dist/: it is built from the current src/ first, whatever ran before.
ensureBuiltSync();

const emulator = useEmulator();
const committed = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'sam-tests', `${name}.json`), 'utf8'));

/** One `sam local invoke`: a fresh process with the function's environment, the event as it is (async: the emulator runs in this process). */
async function samInvoke(event: unknown) {
    const run = await promisify(execFile)(process.execPath, ['-e', `require(${JSON.stringify(BUNDLE)}).testEntrypoint(JSON.parse(process.argv[1]), {}).then((r) => { process.stdout.write('\\n@@RESULT ' + JSON.stringify(r)); process.exit(0); })`, JSON.stringify(event)], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, AWS_ENDPOINT_URL_CONNECT: emulator().endpoint },
    });
    // The library logs the event and its progress to stdout first, as in a Lambda's log.
    return JSON.parse(run.stdout.split('\n@@RESULT ').pop()!);
}

test('the sam-tests events run under SAM\'s event handling: create and list as committed, the rest as npm run sam-tests writes them', async () => {
    for (const name of ['create', 'list']) assert.deepEqual(JSON.stringify(committed(name)).match(/\{\{\w+\}\}/g), null, `${name}.json has no placeholder`);
    const created = await samInvoke(committed('create'));
    assert.equal(created.status, 'SUCCESS', created.message);
    assert.equal((await samInvoke(committed('list'))).status, 'SUCCESS');
    const events = await runnableEvents({ endpoint: emulator().endpoint });
    assert.equal(JSON.stringify([...events.values()]).includes(created.resourceModel.UserArn), true);
    for (const name of ['read', 'update', 'delete']) {
        const event = events.get(`${name}.json`)!;
        assert.equal(JSON.stringify(event).match(/\{\{\w+\}\}/g), null);
        const result = await samInvoke(event);
        assert.equal(result.status, 'SUCCESS', `${name}: ${result.message}`);
    }
    assert.equal((await samInvoke(events.get('read.json'))).errorCode, 'NotFound', 'the delete took effect');
});

test('npm run sam-tests says what to do when the emulator is not running or has no such user', async () => {
    await assert.rejects(runnableEvents({ endpoint: 'http://127.0.0.1:9' }), /no emulator answers at http:\/\/127\.0\.0\.1:9 .*npm run emulator, or pass --user-arn/);
    emulator().reset();
    await assert.rejects(runnableEvents({ endpoint: emulator().endpoint }), /the emulator has no user sam-tests-agent: run sam-tests\/create\.json first/);
    const events = await runnableEvents({ userArn: 'arn:aws:connect:us-east-1:123456789012:instance/x/agent/y' });
    assert.equal((events.get('read.json') as any).request.desiredResourceState.UserArn, 'arn:aws:connect:us-east-1:123456789012:instance/x/agent/y');
});
