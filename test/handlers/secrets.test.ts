// No secret in any byte the handler answers or logs, when Connect's error text quotes the signed
// request (the caller's credentials and session token) and its body (the Password): the emulator's
// `echo` fault answers such an error. Through the bundle's entrypoint and its test entrypoint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useEmulator } from '../support/emulator';
import { CALLER_CREDENTIALS, captured, drive, freshBeforeEach, handlerRequest, invokeRaw, loadBundle } from '../support/lambda';
import { typicalUser } from '../support/typical-user';

const emulator = useEmulator();
freshBeforeEach(emulator);

const PASSWORD = 'Echoed!Distinctive-Passw0rd';
const SECRETS = [PASSWORD, CALLER_CREDENTIALS.accessKeyId, CALLER_CREDENTIALS.secretAccessKey, CALLER_CREDENTIALS.sessionToken];
const leaked = (text: string) => SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 6)}…`);

test('a CreateUser error that quotes the signed request and its body: FAILED InvalidRequest, no secret in the message or the logs', async () => {
    captured.logs.length = 0;
    emulator().setFaults({ echo: ['CreateUser'] });
    const { event } = await drive('CREATE', typicalUser('echo', { Password: PASSWORD }));
    assert.equal(event.status, 'FAILED');
    assert.equal(event.errorCode, 'InvalidRequest');
    assert.match(event.message!, /^CreateUser failed: The request signature we calculated does not match\..*left out/s);
    assert.deepEqual(leaked(JSON.stringify(event)), []);
    assert.doesNotMatch(event.message!, /AWS4-HMAC-SHA256|Signature=/);
    assert.deepEqual(leaked(captured.logs.join('\n')), []);
});

test('the same on an update step, and on a create round whose Password came unsealed from the context', async () => {
    const { event: made } = await drive('CREATE', typicalUser('echo', { Password: PASSWORD }));
    assert.equal(made.status, 'SUCCESS', made.message);
    emulator().setFaults({ echo: ['UpdateUserIdentityInfo'] });
    const previous = { ...typicalUser('unused'), Username: made.resourceModel!.Username, Password: PASSWORD, UserArn: made.resourceModel!.UserArn };
    const { event: updated } = await drive('UPDATE', { ...previous, IdentityInfo: { FirstName: 'Ada', LastName: 'King' } }, { previous });
    assert.equal(updated.errorCode, 'InvalidRequest');
    assert.deepEqual(leaked(JSON.stringify(updated)), []);

    // A throttled CreateUser: the next round's model has no Password, the context has it sealed.
    emulator().setFaults({ throttle: 1, operations: ['CreateUser'], maxFaults: 1 });
    const properties = typicalUser('sealed', { Password: PASSWORD });
    const request = handlerRequest('CREATE', properties, { token: 'sealed-round-token' });
    const first = await invokeRaw(request);
    assert.equal(first.status, 'IN_PROGRESS', first.message);
    emulator().setFaults({ echo: ['CreateUser'] });
    const next = await invokeRaw({ ...request, callbackContext: first.callbackContext, requestData: { ...request.requestData, resourceProperties: first.resourceModel } });
    assert.equal(next.errorCode, 'InvalidRequest');
    assert.deepEqual(leaked(JSON.stringify(next)), []);
});

test('the test entrypoint answers no secret either', async () => {
    const bundle = loadBundle(emulator().endpoint);
    emulator().setFaults({ echo: ['CreateUser'] });
    const event = await bundle.testEntrypoint({ credentials: CALLER_CREDENTIALS, action: 'CREATE', region: 'us-east-1', request: { clientRequestToken: 'echo-token', desiredResourceState: typicalUser('echo', { Password: PASSWORD }), logicalResourceIdentifier: 'U' }, callbackContext: null });
    const json = event.serialize();
    assert.equal(json.status, 'FAILED');
    assert.deepEqual(leaked(JSON.stringify(json)), []);
});
