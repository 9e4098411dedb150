// READ and LIST ride out throttling inside the invocation (src/client.ts `patient`): time and
// chance are injected, so the policy is checked without waiting and without patching globals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Connect, patient, PATIENCE_MS } from '../../src/client';
import type { Clock } from '../../src/clock';

/** A clock that moves only when slept on, and a Connect that throttles the first `throttles` calls of each operation. */
function fixture(throttles: number, random = () => 0.5) {
    const sleeps: number[] = [];
    let now = 1_000_000;
    const clock: Clock = { now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)), random };
    const calls: string[] = [];
    const seen = new Map<string, number>();
    const connect: Connect = {
        call: async (operation) => {
            calls.push(operation);
            const count = (seen.get(operation) ?? 0) + 1;
            seen.set(operation, count);
            if (count <= throttles) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });
            return {} as never;
        },
    };
    return { clock, connect, sleeps, calls, elapsed: () => now - 1_000_000 };
}

test('a throttled call is tried again after jittered, doubling waits up to a 4 s cap, and nothing else is sent twice', async () => {
    const { clock, connect, sleeps, calls } = fixture(6);
    const reader = patient(connect, PATIENCE_MS, clock);
    await reader.call('DescribeUser', {} as never);
    await reader.call('ListUserProficiencies', {} as never);
    // Full jitter at 0.5: half of 250, 500, 1000, 2000, 4000, 4000 ms.
    assert.deepEqual(sleeps.slice(0, 6), [125, 250, 500, 1000, 2000, 2000]);
    assert.deepEqual(calls.filter((c) => c === 'DescribeUser').length, 7);
    assert.deepEqual(calls.filter((c) => c === 'ListUserProficiencies').length, 7);
});

test('the budget is time since the handler began: past it, the throttle is the answer; other errors are never retried', async () => {
    const { clock, connect, elapsed, calls } = fixture(1_000, () => 0.999);
    await assert.rejects(patient(connect, PATIENCE_MS, clock).call('DescribeUser', {} as never), { name: 'ThrottlingException' });
    assert.ok(elapsed() < PATIENCE_MS && elapsed() > PATIENCE_MS - 4_000, `${elapsed()} ms`);
    assert.ok(calls.length < 20, `${calls.length} calls`);

    const notFound: Connect = { call: async () => { throw Object.assign(new Error('no'), { name: 'ResourceNotFoundException' }); } };
    const once = fixture(0);
    await assert.rejects(patient(notFound, PATIENCE_MS, once.clock).call('DescribeUser', {} as never), { name: 'ResourceNotFoundException' });
    assert.deepEqual(once.sleeps, []);
});
