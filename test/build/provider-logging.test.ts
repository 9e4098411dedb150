// Provider logging as every registered type runs it: requests carrying providerCredentials and
// providerLogGroupName, through the built bundle, with CloudWatch Logs and CloudWatch answered by
// the emulator's stand-in (monitoring.ts) through the SDK v3 clients and the standard endpoint
// variables. What a type's owner would notice: the lines, in order, in the group; the metrics;
// no secret in any delivered byte; nothing sent to S3; the answer never held back by delivery.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { after, beforeEach, test } from 'node:test';
import { ensureBuiltSync, BUNDLE } from '../../scripts/build';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { seedArns } from '../../local/connect-emulator/seed';
import { useEmulator } from '../support/emulator';
import { CALLER_CREDENTIALS, captured, drive, handlerRequest, invokeRaw, loadBundle, Properties } from '../support/lambda';
import { TYPE_NAME } from '../support/type-name';

// These read dist/: it is built from the current src/ first, whatever ran before.
ensureBuiltSync();

const emulator = useEmulator();
const seed = seedArns();
const PROVIDER = { accessKeyId: 'AKIDPROVIDERLOGS001', secretAccessKey: 'provider/secret+Key987654', sessionToken: 'provider-session-token-42' };
const GROUP = 'aws-connect-user-logs';
const PASSWORD = 'Zq9!Provider-Log-Pa55';
const STREAM = 'arn__aws__cloudformation__us-east-1__123456789012__stack/local/00000000-0000-4000-8000-000000000000/ConnectUser';
const withLogging = (event: any) => {
    event.requestData.providerCredentials = PROVIDER;
    event.requestData.providerLogGroupName = GROUP;
    return event;
};
let counter = 0;
const model = (): Properties => ({
    InstanceArn: seed.instanceArn, Username: `logged-${++counter}`, Password: PASSWORD,
    IdentityInfo: { FirstName: 'Log', LastName: 'Ged' }, PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
});
const delivered = () => JSON.stringify({ logs: [...emulator().monitoring.logs].map(([g, s]) => [g, [...s]]), metrics: emulator().monitoring.metrics });
const bundle = () => require(BUNDLE);

beforeEach(() => {
    loadBundle(emulator().endpoint);
    // Everything else the bundle could call (S3 among them) would land on the emulator too, and show in its journal.
    process.env.AWS_ENDPOINT_URL = emulator().endpoint;
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = emulator().endpoint;
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH = emulator().endpoint;
});
after(() => {
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS;
    delete process.env.AWS_ENDPOINT_URL_CLOUDWATCH;
});

test('no aws-sdk v2 anywhere: package.json names only the local stub, and the Lambda code carries none of v2', () => {
    const manifest = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8'));
    assert.equal({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies }['aws-sdk'], 'file:src/runtime/aws-sdk-v2-absent');
    const code = readFileSync(BUNDLE, 'utf8');
    // v2's core (aws-sdk/lib) defines AWS.util and its service loader; none of it is in the bundle.
    for (const mark of ['AWS.util', 'apiLoader', 'AWS.Request', 'aws-sdk/lib']) assert.ok(!code.includes(mark), `the bundle carries ${mark}`);
    assert.throws(() => new (require('aws-sdk/clients/cloudwatchlogs'))(), /aws-sdk v2 is not part of this provider/);
});

test('without provider credentials nothing is delivered', async () => {
    emulator().reset();
    const result = await invokeRaw(handlerRequest('READ', { UserArn: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000001` }));
    assert.equal(result.errorCode, 'NotFound');
    assert.deepEqual(emulator().monitoring.calls, []);
});

test('a CREATE with provider logging: its lines land in the group in order, one PutLogEvents and one PutMetricData per invocation, with the provider credentials, no S3', async () => {
    emulator().reset();
    const answer = await invokeRaw(withLogging(handlerRequest('CREATE', model())));
    assert.equal(answer.status, 'SUCCESS', answer.message);
    const calls = emulator().monitoring.calls;
    // The group did not exist: PutLogEvents, then the stream (then the group) on ResourceNotFound, then PutLogEvents again.
    assert.deepEqual(calls.filter((c) => c.operation !== 'PutMetricData').map((c) => `${c.operation} ${c.status}`), ['PutLogEvents 400', 'CreateLogStream 400', 'CreateLogGroup 200', 'CreateLogStream 200', 'PutLogEvents 200']);
    assert.equal(calls.filter((c) => c.operation === 'PutMetricData').length, 1);
    assert.ok(calls.every((c) => c.accessKeyId === PROVIDER.accessKeyId), 'signed with the provider credentials, never the caller credentials');
    const lines = emulator().monitoring.logs.get(GROUP)!.get(STREAM)!.map((e) => e.message);
    const order = ['START RequestId', '[CREATE] invoking handler', '[CREATE] handler invoked', 'Handler returned', 'END RequestId', 'REPORT RequestId'];
    const positions = order.map((prefix) => lines.findIndex((line) => line.startsWith(prefix)));
    assert.ok(positions.every((p) => p >= 0), JSON.stringify(lines));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in the order they were logged');
    assert.deepEqual(emulator().journal.filter((e) => e.operation === 'Unknown'), [], 'no call to anything but Connect, CloudWatch Logs and CloudWatch (no S3)');

    // A warm second invocation: the stream exists, so exactly one PutLogEvents.
    calls.length = 0;
    await invokeRaw(withLogging(handlerRequest('READ', { UserArn: answer.resourceModel!.UserArn })));
    assert.deepEqual(calls.map((c) => `${c.operation} ${c.status}`).sort(), ['PutLogEvents 200', 'PutMetricData 200']);
});

test('metrics as the official plugins name them, and no HandlerException for invocations that succeed', async () => {
    emulator().reset();
    const { event } = await drive('CREATE', model());
    const userArn = event.resourceModel!.UserArn as string;
    emulator().monitoring.reset();
    const answer = await invokeRaw(withLogging(handlerRequest('READ', { UserArn: userArn })));
    assert.equal(answer.status, 'SUCCESS');
    const metrics = emulator().monitoring.metrics;
    assert.ok(metrics.every((m) => m.namespace === `AWS/CloudFormation/${TYPE_NAME.replace(/::/g, '/')}`));
    const named = (name: string) => metrics.filter((m) => m.datum.MetricName === name);
    assert.equal(named('HandlerInvocationCount').length, 1);
    assert.deepEqual(named('HandlerInvocationCount')[0].datum.Dimensions, [{ Name: 'Action', Value: 'READ' }, { Name: 'ResourceType', Value: TYPE_NAME }]);
    assert.equal(named('HandlerInvocationDuration').length, 1);
    assert.equal(named('HandlerException').length, 0);
    assert.ok(named('HandlerExceptionByErrorCode').every((m) => m.datum.Value === 0));
    assert.equal(named('HandlerExceptionByExceptionCount')[0].datum.Value, 0);

    // A NotFound answer counts once under its code.
    emulator().monitoring.reset();
    await invokeRaw(withLogging(handlerRequest('READ', { UserArn: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000009` })));
    const byCode = emulator().monitoring.metrics.filter((m) => m.datum.MetricName === 'HandlerExceptionByErrorCode' && m.datum.Value === 1);
    assert.deepEqual(byCode.map((m) => m.datum.Dimensions), [[{ Name: 'Action', Value: 'READ' }, { Name: 'HandlerErrorCode', Value: 'NotFound' }]]);
});

test('a refused CREATE is in the provider log and counted, with no Password in it', async () => {
    emulator().reset();
    const answer = await invokeRaw(withLogging(handlerRequest('CREATE', { ...model(), Usernme: 'typo' })));
    assert.equal(answer.errorCode, 'InvalidRequest');
    const lines = [...emulator().monitoring.logs.get(GROUP)!.values()].flat().map((e) => e.message);
    assert.ok(lines.some((line) => line.startsWith('[CREATE] refused: InvalidRequest:') && line.includes('Usernme')), JSON.stringify(lines));
    assert.ok(!delivered().includes(PASSWORD));
});

test('the Password, the credentials and the bearer token are in no delivered byte, even on a line that carries each', async () => {
    emulator().reset();
    const token = 'bearer-secret-token-7f3a9c';
    const event = withLogging(handlerRequest('CREATE', model(), { token }));
    // The handler never logs these; a line that does is made here, through the logger the library hands out.
    const resource = bundle().resource;
    const original = resource.invokeHandler;
    resource.invokeHandler = async (...args: any[]) => {
        resource.loggerProxy.log('carrying %s %s %s %s %s %s %s', PASSWORD, token, PROVIDER.secretAccessKey, PROVIDER.sessionToken, CALLER_CREDENTIALS.secretAccessKey, CALLER_CREDENTIALS.sessionToken, JSON.stringify({ Password: PASSWORD }));
        return original(...args);
    };
    try {
        await invokeRaw(event);
    } finally {
        resource.invokeHandler = original;
    }
    const bytes = delivered();
    assert.ok(bytes.includes('carrying <REDACTED>'), 'the line was delivered');
    for (const secret of [PASSWORD, token, PROVIDER.secretAccessKey, PROVIDER.sessionToken, PROVIDER.accessKeyId, CALLER_CREDENTIALS.secretAccessKey, CALLER_CREDENTIALS.sessionToken, CALLER_CREDENTIALS.accessKeyId]) {
        assert.ok(!bytes.includes(secret), `${secret} was delivered`);
    }
});

test('log filters stay constant over 3,000 invocations', async () => {
    emulator().reset();
    const resource = bundle().resource;
    const filters = () => [resource.platformLambdaLogger.logFilters.length, ...resource.loggerProxy.logPublishers.map((p: any) => (p.logFilters ?? p.filters).length)];
    const read = () => invokeRaw(withLogging(handlerRequest('READ', { UserArn: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000002` })));
    await read();
    const first = filters();
    for (let i = 1; i < 3000; i++) await read();
    assert.deepEqual(filters(), first);
    assert.equal(emulator().monitoring.calls.filter((c) => c.operation === 'PutLogEvents' && c.status === 200).length, 3000, 'one PutLogEvents per invocation (the first also made the stream)');
});

test('a delivery that fails is one line in the platform log, and the answer is as always', async () => {
    emulator().reset();
    emulator().setFaults({ deny: ['PutLogEvents', 'PutMetricData'] });
    captured.logs.length = 0;
    const answer = await invokeRaw(withLogging(handlerRequest('READ', { UserArn: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000003` })));
    emulator().setFaults({});
    assert.equal(answer.errorCode, 'NotFound');
    const failures = captured.logs.filter((line) => line.includes('Provider log delivery failed'));
    assert.equal(failures.length, 1, captured.logs.join('\n'));
    assert.match(failures[0], /AccessDeniedException/);
});

test('a CloudWatch Logs endpoint that never answers holds the answer back no longer than the bound', async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    try {
        captured.logs.length = 0;
        const started = performance.now();
        const answer = await invokeRaw(withLogging(handlerRequest('READ', { UserArn: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000004` })));
        const took = performance.now() - started;
        assert.equal(answer.errorCode, 'NotFound');
        assert.ok(took < 1_500, `answered after ${took.toFixed(0)} ms`);
        assert.equal(captured.logs.filter((line) => line.includes('Provider log delivery failed')).length, 1);
    } finally {
        process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = emulator().endpoint;
        hanging.closeAllConnections();
        hanging.close();
    }
});
