// The built bundle, driven the way Lambda drives it, against the emulator: both entrypoints
// answer a ProgressEvent, each in its own shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { useEmulator } from '../support/emulator';
import { drive, freshBeforeEach, handlerRequest, invokeRaw, loadBundle } from '../support/lambda';
import { typicalUser } from '../support/typical-user';

const emulator = useEmulator();
freshBeforeEach(emulator);
const missingUser = `${seedArns().instanceArn}/agent/00000000-0000-4000-8000-000000000000`;
const credentials = { accessKeyId: 'AKIDBUNDLETEST', secretAccessKey: 'bundle-secret', sessionToken: 'bundle-token' };

test('the bundle exports entrypoint and testEntrypoint', () => {
    const bundle = loadBundle(emulator().endpoint);
    assert.equal(typeof bundle.entrypoint, 'function');
    assert.equal(typeof bundle.testEntrypoint, 'function');
});

test('entrypoint takes a CloudFormation HandlerRequest and answers serialized JSON', async () => {
    const { event } = await drive('CREATE', typicalUser('bundle'));
    assert.equal(event.status, 'SUCCESS', event.message);
    const found = await invokeRaw(handlerRequest('READ', { UserArn: event.resourceModel!.UserArn }));
    assert.equal(Object.getPrototypeOf(found), Object.prototype, 'a plain JSON object, as Lambda returns it');
    assert.equal(found.status, 'SUCCESS');
    assert.equal(found.resourceModel!.Username, event.resourceModel!.Username);
    const missing = await invokeRaw(handlerRequest('READ', { UserArn: missingUser }));
    assert.equal(missing.status, 'FAILED');
    assert.equal(missing.errorCode, 'NotFound');
});

test('testEntrypoint takes a sam-tests event and answers a ProgressEvent of models', async () => {
    const event = {
        credentials,
        action: 'READ',
        request: { clientRequestToken: 'token-1', desiredResourceState: { UserArn: missingUser }, logicalResourceIdentifier: 'User' },
        callbackContext: null,
        region: 'us-east-1',
    };
    const progress = await loadBundle(emulator().endpoint).testEntrypoint(event, {});
    assert.equal(progress.status, 'FAILED');
    assert.equal(progress.errorCode, 'NotFound');
    assert.match(progress.message, /not found/i);
});
