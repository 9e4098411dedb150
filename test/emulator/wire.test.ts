// The emulator at the wire: AWS's error encoding, refusals of bad requests, fault injection seen
// through the SDK (with its retries), the journal, the admin API and the state file.
import * as connect from '@aws-sdk/client-connect';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { startEmulator } from '../../local/connect-emulator/server';
import { operations } from '../../local/connect-emulator/service';
import { connectClient, TEST_CREDENTIALS, useEmulator } from '../support/emulator';
import { tempDir } from '../support/temp-dir';

const emulator = useEmulator();
const seed = seedArns();
const signed = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20261122/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=abc' };
const createInput = (username: string): connect.CreateUserCommandInput => ({
    InstanceId: seed.instanceArn,
    Username: username,
    Password: 'Passw0rdExample',
    IdentityInfo: { FirstName: 'Ada', LastName: 'Lovelace' },
    SecurityProfileIds: [seed.securityProfiles.Agent],
    RoutingProfileId: seed.routingProfiles['Basic Routing Profile'],
});

async function raw(method: string, path: string, body?: string, headers: Record<string, string> = signed) {
    const response = await fetch(emulator().endpoint + path, { method, body, headers });
    return { status: response.status, type: response.headers.get('x-amzn-errortype'), requestId: response.headers.get('x-amzn-requestid'), body: (await response.json()) as any };
}

beforeEach(() => emulator().reset());

describe('errors on the wire', () => {
    test('an unsigned request is refused with 403 MissingAuthenticationTokenException', async () => {
        const response = await raw('GET', `/users-summary/${DEFAULT_SEED.instances[0].id}`, undefined, {});
        assert.equal(response.status, 403);
        assert.equal(response.type, 'MissingAuthenticationTokenException');
        assert.equal(response.body.__type, 'MissingAuthenticationTokenException');
        const unsignedClient = new connect.ConnectClient({ endpoint: emulator().endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS, maxAttempts: 1 });
        unsignedClient.middlewareStack.addRelativeTo((next: any) => (args: any) => {
            delete args.request.headers.authorization;
            return next(args);
        }, { relation: 'after', toMiddleware: 'awsAuthMiddleware', name: 'strip-auth', override: true });
        await assert.rejects(unsignedClient.send(new connect.ListUsersCommand({ InstanceId: seed.instanceArn })), { name: 'MissingAuthenticationTokenException' });
    });

    test('errors carry the type in the header and the body, a message, and a request id', async () => {
        const response = await raw('GET', `/users/${encodeURIComponent(seed.instanceArn)}/nobody`);
        assert.equal(response.status, 404);
        assert.equal(response.type, 'ResourceNotFoundException');
        assert.equal(response.body.__type, 'ResourceNotFoundException');
        assert.match(response.body.Message, /nobody/);
        assert.ok(response.requestId);
    });

    test('malformed JSON, a member of the wrong type, an unknown path and a wrong method get the service answers', async () => {
        const path = `/users/${encodeURIComponent(seed.instanceArn)}`;
        assert.deepEqual((await raw('PUT', path, '{"Username": ')).type, 'SerializationException');
        assert.deepEqual((await raw('PUT', path, '[1,2]')).type, 'SerializationException');
        assert.deepEqual((await raw('PUT', path, JSON.stringify({ ...createInput('x'), Username: 42 }))).type, 'SerializationException');
        const unknown = await raw('GET', '/no-such-operation');
        assert.equal(unknown.status, 404);
        assert.equal(unknown.type, 'UnknownOperationException');
        assert.equal((await raw('PATCH', path)).type, 'UnknownOperationException');
        assert.equal((await raw('GET', `/users/%E0%A4%A/x`)).type, 'SerializationException');
        // And the server is still fine afterwards.
        assert.equal((await raw('GET', `/users-summary/${DEFAULT_SEED.instances[0].id}`)).status, 200);
    });

    test('a client that hangs up mid-request does not hurt the server', async () => {
        await new Promise<void>((resolve) => {
            const url = new URL(emulator().endpoint);
            const req = httpRequest({ host: url.hostname, port: url.port, method: 'PUT', path: '/users/x', headers: { ...signed, 'content-length': '1000' } });
            req.on('error', () => resolve());
            req.write('{"Username":');
            setTimeout(() => {
                req.destroy();
                resolve();
            }, 20);
        });
        assert.equal((await raw('GET', `/users-summary/${DEFAULT_SEED.instances[0].id}`)).status, 200);
    });

    test('LimitExceededException when the instance is full', async () => {
        const small = await startEmulator({ seed: { instances: [{ ...DEFAULT_SEED.instances[0], userLimit: 1 }] } });
        try {
            const client = connectClient(small);
            await client.send(new connect.CreateUserCommand(createInput('first')));
            await assert.rejects(client.send(new connect.CreateUserCommand(createInput('second'))), { name: 'LimitExceededException' });
        } finally {
            await small.close();
        }
    });
});

describe('fault injection', () => {
    test('throttling and 500s become ThrottlingException and InternalServiceException; the SDK retries them 3 times', async () => {
        emulator().setFaults({ throttle: 1 });
        await assert.rejects(connectClient(emulator()).send(new connect.ListUsersCommand({ InstanceId: seed.instanceArn })), { name: 'ThrottlingException' });
        emulator().journal.length = 0;
        emulator().setFaults({ internalError: 1 });
        await assert.rejects(connectClient(emulator(), 3).send(new connect.ListUsersCommand({ InstanceId: seed.instanceArn })), { name: 'InternalServiceException' });
        assert.deepEqual(emulator().journal.map((e) => `${e.operation} ${e.status} ${e.fault}`), Array(3).fill('ListUsers 500 internalError'));
    });

    test('a dropped connection is a network error before the operation runs; a dropped response after it ran', async () => {
        emulator().setFaults({ dropConnection: 1 });
        await assert.rejects(connectClient(emulator()).send(new connect.CreateUserCommand(createInput('dropped'))), (e: any) => !e.$metadata?.httpStatusCode);
        assert.equal(emulator().users().length, 0);
        emulator().setFaults({ dropResponse: 1 });
        await assert.rejects(connectClient(emulator()).send(new connect.CreateUserCommand(createInput('lost-answer'))));
        assert.equal(emulator().users().length, 1, 'the user exists though the caller never heard so');
    });

    test('read-after-create lag: the new user is NotFound for lagMs, then visible', async () => {
        emulator().setFaults({ readAfterCreateLag: 1, lagMs: 300 });
        const client = connectClient(emulator());
        const { UserArn } = await client.send(new connect.CreateUserCommand(createInput('lagging')));
        await assert.rejects(client.send(new connect.DescribeUserCommand({ InstanceId: seed.instanceArn, UserId: UserArn })), { name: 'ResourceNotFoundException' });
        await new Promise((resolve) => setTimeout(resolve, 350));
        const { User } = await client.send(new connect.DescribeUserCommand({ InstanceId: seed.instanceArn, UserId: UserArn }));
        assert.equal(User?.Username, 'lagging');
    });

    test('AccessDeniedException for a denied operation, latency, and everything normal again with faults off', async () => {
        emulator().setFaults({ deny: ['DeleteUser'], latencyMs: 80 });
        const client = connectClient(emulator());
        const started = Date.now();
        const { UserArn } = await client.send(new connect.CreateUserCommand(createInput('denied')));
        assert.ok(Date.now() - started >= 75);
        await assert.rejects(client.send(new connect.DeleteUserCommand({ InstanceId: seed.instanceArn, UserId: UserArn })), (e: any) => e.name === 'AccessDeniedException' && e instanceof connect.AccessDeniedException);
        emulator().setFaults({});
        await client.send(new connect.DeleteUserCommand({ InstanceId: seed.instanceArn, UserId: UserArn }));
    });

    test('the same fault seed gives the same faults', async () => {
        const run = async () => {
            emulator().reset();
            emulator().setFaults({ throttle: 0.5, seed: 7 });
            const client = connectClient(emulator());
            for (let i = 0; i < 20; i++) await client.send(new connect.ListUsersCommand({ InstanceId: seed.instanceArn })).catch(() => undefined);
            return emulator().journal.map((e) => e.status).join(',');
        };
        const first = await run();
        assert.equal(await run(), first);
        assert.match(first, /429/);
        assert.match(first, /200/);
    });
});

describe('operability', () => {
    test('the admin API reads the journal, sets faults, lists users and resets', async () => {
        const admin = async (method: string, path: string, body?: unknown) =>
            (await (await fetch(`${emulator().endpoint}/__emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) })).json()) as any;
        await connectClient(emulator()).send(new connect.CreateUserCommand(createInput('journaled')));
        const { entries } = await admin('GET', 'journal');
        assert.deepEqual(entries.map((e: any) => [e.operation, e.status]), [['CreateUser', 200]]);
        assert.equal((await admin('GET', `journal?since=${entries[0].seq}`)).entries.length, 0);
        assert.equal((await admin('PUT', 'faults', { throttle: 0.25, seed: 3 })).throttle, 0.25);
        assert.equal((await admin('GET', 'users')).users[0].username, 'journaled');
        await admin('POST', 'reset');
        assert.equal((await admin('GET', 'users')).users.length, 0);
        assert.equal((await admin('GET', 'faults')).throttle, 0);
        assert.equal((await admin('GET', 'health')).ok, true);
    });

    test('it holds 10,000 users and ListUsers pages through all of them', async () => {
        for (let i = 0; i < 10_000; i++) {
            operations.CreateUser(emulator().service, { labels: [seed.instanceArn], query: new URLSearchParams(), body: createInput(`many-${i}`) });
        }
        const ids = new Set<string>();
        let pages = 0;
        for await (const page of connect.paginateListUsers({ client: connectClient(emulator()), pageSize: 1000 }, { InstanceId: seed.instanceArn })) {
            for (const user of page.UserSummaryList ?? []) ids.add(user.Id!);
            pages++;
        }
        assert.equal(ids.size, 10_000);
        assert.equal(pages, 10);
    });

    test('with a state file, a second emulator process sees the users of the first', async () => {
        const stateFile = join(tempDir('emulator'), 'state.json');
        const first = await startEmulator({ stateFile });
        const { UserArn } = await connectClient(first).send(new connect.CreateUserCommand(createInput('persisted')));
        await first.close();
        const second = await startEmulator({ stateFile });
        try {
            const { User } = await connectClient(second).send(new connect.DescribeUserCommand({ InstanceId: seed.instanceArn, UserId: UserArn }));
            assert.equal(User?.Username, 'persisted');
            await assert.rejects(connectClient(second).send(new connect.CreateUserCommand(createInput('persisted'))), { name: 'DuplicateResourceException' });
        } finally {
            await second.close();
        }
    });
});
