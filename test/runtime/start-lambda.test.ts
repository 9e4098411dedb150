// start-lambda through the AWS SDK's own Lambda client: the Invoke API as cfn test calls it.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { Emulator, startEmulator } from '../../local/connect-emulator/server';
import { LambdaServer, startLambdaServer } from '../../local/lambda-runtime/server';
import { readFunctions } from '../../local/lambda-runtime/template';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { handlerRequest } from '../support/lambda';
// Every emulator of this process is held to Connect's service model (conformance.ts).
import { checkConformanceAtEnd } from '../support/conformance';

const seed = seedArns();
let emulator: Emulator;
let server: LambdaServer;
let lambda: LambdaClient;
const lines: string[] = [];

before(async () => {
    emulator = await startEmulator();
    process.env.AWS_ENDPOINT_URL_CONNECT = emulator.endpoint;
    const functions = readFunctions(join(REPO_ROOT, 'template.yml'));
    const dir = mkdtempSync(join(tmpdir(), 'lambda-'));
    const crashing = join(dir, 'template.yml');
    writeFileSync(crashing, `Resources:\n  Crashing:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: crashing-handler.handler\n      CodeUri: ${join(REPO_ROOT, 'test', 'fixtures')}\n`);
    for (const [name, definition] of readFunctions(crashing)) functions.set(name, definition);
    rmSync(dir, { recursive: true, force: true });
    server = await startLambdaServer(functions, { port: 0, log: (line) => lines.push(line) });
    lambda = new LambdaClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLAMBDATEST', secretAccessKey: 'lambda-test' }, maxAttempts: 1 });
});
after(async () => {
    await server?.close();
    await emulator?.close();
});
checkConformanceAtEnd();

async function call(functionName: string, payload: unknown) {
    const response = await lambda.send(new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)) }));
    return { ...response, body: JSON.parse(Buffer.from(response.Payload ?? []).toString('utf8') || 'null') };
}

test('a whole lifecycle through TypeFunction, with an IN_PROGRESS round trip', async () => {
    const desired = {
        InstanceArn: seed.instanceArn, Username: 'lambda-user', Password: 'Lambda-Passw0rd',
        IdentityInfo: { FirstName: 'L', LastName: 'U' }, PhoneConfig: { PhoneType: 'SOFT_PHONE' },
        SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles.Sales,
    };
    emulator.setFaults({ readAfterCreateLag: 1, lagMs: 300 });
    const request = handlerRequest('CREATE', desired);
    const first = await call('TypeFunction', request);
    assert.equal(first.StatusCode, 200);
    assert.equal(first.FunctionError, undefined);
    assert.equal(first.body.status, 'IN_PROGRESS');
    assert.ok(first.body.callbackContext.userArn);
    await new Promise((resolve) => setTimeout(resolve, 350));
    // The next round as CloudFormation sends it: the same request, the returned model and context.
    const done = await call('TypeFunction', { ...request, requestData: { ...request.requestData, resourceProperties: first.body.resourceModel }, callbackContext: first.body.callbackContext });
    assert.equal(done.body.status, 'SUCCESS', done.body.message);
    const userArn = done.body.resourceModel.UserArn;
    emulator.setFaults({});
    assert.equal((await call('TypeFunction', handlerRequest('READ', { UserArn: userArn }))).body.status, 'SUCCESS');
    const updated = await call('TypeFunction', handlerRequest('UPDATE', { ...desired, UserArn: userArn, RoutingProfileArn: seed.routingProfiles.Support }, { previous: desired }));
    assert.equal(updated.body.resourceModel.RoutingProfileArn, seed.routingProfiles.Support);
    const listed = await call('TypeFunction', handlerRequest('LIST', { InstanceArn: seed.instanceArn }));
    assert.ok(listed.body.resourceModels.some((m: any) => m.UserArn === userArn));
    assert.equal((await call('TypeFunction', handlerRequest('DELETE', { UserArn: userArn }))).body.status, 'SUCCESS');
    assert.equal((await call('TypeFunction', handlerRequest('READ', { UserArn: userArn }))).body.errorCode, 'NotFound');
    assert.ok(lines.some((line) => line.startsWith('[TypeFunction] ')), 'handler logs are printed with the function name');
});

test('TestEntrypoint takes the sam-tests shape; a function ARN works as the name', async () => {
    const response = await call('arn:aws:lambda:us-east-1:123456789012:function:TestEntrypoint', {
        credentials: { accessKeyId: 'AKIDX', secretAccessKey: 'secret-x', sessionToken: 'token-x' }, action: 'LIST', region: 'us-east-1',
        request: { clientRequestToken: 't', desiredResourceState: { InstanceArn: seed.instanceArn } }, callbackContext: null,
    });
    assert.equal(response.body.status, 'SUCCESS');
});

test('an unknown function is ResourceNotFoundException', async () => {
    await assert.rejects(call('NoSuchFunction', {}), (error: any) => error.name === 'ResourceNotFoundException' && /Function not found/.test(error.message));
});

test('a payload that is not JSON is InvalidRequestContentException, and the server keeps serving', async () => {
    await assert.rejects(call('TypeFunction', '{"action": '), (error: any) => error.name === 'InvalidRequestContentException');
    const after = await call('TypeFunction', handlerRequest('READ', { UserArn: 'not-an-arn' }));
    assert.equal(after.body.errorCode, 'NotFound');
});

test('a handler that throws answers 200 with FunctionError Unhandled and the error', async () => {
    const response = await call('Crashing', {});
    assert.equal(response.StatusCode, 200);
    assert.equal(response.FunctionError, 'Unhandled');
    assert.equal(response.body.errorType, 'TypeError');
    assert.equal(response.body.errorMessage, 'the handler fell over');
    assert.ok(Array.isArray(response.body.stackTrace));
});
