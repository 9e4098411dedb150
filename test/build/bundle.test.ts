// The built bundle, driven the way Lambda drives it: both entrypoints answer a ProgressEvent.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { BUNDLE } from '../../scripts/build';

const USER_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/agent/00000000-0000-4000-8000-000000000000';
const credentials = { accessKeyId: 'AKIDBUNDLETEST', secretAccessKey: 'bundle-secret', sessionToken: 'bundle-token' };

function loadBundle() {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: npm test builds it first`);
    return require(BUNDLE);
}

test('the bundle exports entrypoint and testEntrypoint', () => {
    const bundle = loadBundle();
    assert.equal(typeof bundle.entrypoint, 'function');
    assert.equal(typeof bundle.testEntrypoint, 'function');
});

test('testEntrypoint takes a sam-tests event and answers a ProgressEvent with an error code', async () => {
    const event = {
        credentials,
        action: 'READ',
        request: { clientRequestToken: 'token-1', desiredResourceState: { UserArn: USER_ARN }, logicalResourceIdentifier: 'User' },
        callbackContext: null,
        region: 'us-east-1',
    };
    const progress = await loadBundle().testEntrypoint(event, {});
    assert.ok(['SUCCESS', 'FAILED'].includes(progress.status));
    if (progress.status === 'FAILED') assert.ok(progress.errorCode, 'a FAILED event carries an error code');
});

test('entrypoint takes a CloudFormation HandlerRequest and answers serialized JSON', async () => {
    const request = {
        action: 'READ',
        awsAccountId: '123456789012',
        bearerToken: 'bearer',
        region: 'us-east-1',
        resourceType: 'AWS::Connect::User',
        requestData: { callerCredentials: credentials, resourceProperties: { UserArn: USER_ARN }, logicalResourceId: 'User' },
        callbackContext: null,
    };
    const progress = await loadBundle().entrypoint(request, {});
    assert.equal(Object.getPrototypeOf(progress), Object.prototype, 'a plain JSON object, as Lambda returns it');
    assert.ok(progress.status === 'SUCCESS' || progress.errorCode);
});
