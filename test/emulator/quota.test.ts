// The API quota: a token bucket per operation shared by every caller, as Amazon Connect enforces
// 2 requests/s, burst 5, per account and Region; through the real SDK and the admin API.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DescribeUserCommand, ListUsersCommand } from '@aws-sdk/client-connect';
import { seedArns } from '../../local/connect-emulator/seed';
import { CONNECT_DEFAULT_QUOTA, parseQuota } from '../../local/connect-emulator/server';
import { connectClient, useEmulator } from '../support/emulator';

const emulator = useEmulator();
const seed = seedArns();
const outcome = (promise: Promise<unknown>) =>
    promise.then(
        () => 'ok',
        (error) => `${error.name} ${error.$metadata?.httpStatusCode} ${error.message}`,
    );

test('off by default; with 2/5 the sixth call at once is 429 ThrottlingException, per operation, and the bucket refills at the rate', async () => {
    const clients = [connectClient(emulator()), connectClient(emulator())];
    const list = (i: number) => clients[i % 2].send(new ListUsersCommand({ InstanceId: seed.instanceArn }));
    assert.deepEqual(await Promise.all(Array.from({ length: 20 }, (_, i) => outcome(list(i)))), Array(20).fill('ok'));

    emulator().setQuota(CONNECT_DEFAULT_QUOTA);
    try {
        // Two callers share one bucket: 5 pass, the rest are throttled.
        const burst = await Promise.all(Array.from({ length: 7 }, (_, i) => outcome(list(i))));
        assert.deepEqual(burst.filter((r) => r === 'ok').length, 5);
        assert.deepEqual(burst.filter((r) => r !== 'ok'), ['ThrottlingException 429 Rate exceeded', 'ThrottlingException 429 Rate exceeded']);
        assert.equal(emulator().journal.filter((e) => e.fault === 'quota').length, 2);
        // Another operation has a bucket of its own.
        const describe = await outcome(clients[0].send(new DescribeUserCommand({ InstanceId: seed.instanceArn, UserId: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000000` })));
        assert.match(describe, /^ResourceNotFoundException 404/);
        // 2 a second: after 600 ms one more call passes, the next does not.
        await new Promise((resolve) => setTimeout(resolve, 600));
        assert.deepEqual([await outcome(list(0)), await outcome(list(1))], ['ok', 'ThrottlingException 429 Rate exceeded']);
    } finally {
        emulator().setQuota(undefined);
    }
});

test('the admin API sets, reads and clears the quota; --quota parses RATE/BURST', async () => {
    const admin = (method: string, body?: unknown) =>
        fetch(`${emulator().endpoint}/__emulator/quota`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());
    assert.deepEqual(await admin('GET'), { quota: null });
    assert.deepEqual(await admin('PUT', { quota: { rate: 2, burst: 5 } }), { quota: { rate: 2, burst: 5 } });
    assert.deepEqual(emulator().getQuota(), CONNECT_DEFAULT_QUOTA);
    assert.deepEqual(await admin('PUT', { quota: null }), { quota: null });
    assert.deepEqual(parseQuota('2/5'), { rate: 2, burst: 5 });
    assert.deepEqual(parseQuota('0.5/1'), { rate: 0.5, burst: 1 });
    for (const bad of ['2', '2/0', '0/5', 'two/five']) assert.throws(() => parseQuota(bad), /--quota must be RATE\/BURST/);
});
