// `npm run bench:policy`: the stack benchmark as a model that runs in seconds, to weigh throttle
// retry policies against each other before spending a 15-minute `bench:stack` run on one.
//
// The model: one token bucket per operation (Connect's default quota, as the emulator enforces it); N handlers start
// within half a second of each other and run their phase's calls in order; a throttled call ends
// the invocation, which CloudFormation calls back after the policy's whole-second delay plus a
// little latency. Its figures for the shipped policy sit close to the measured ones (guide/benchmarks.md).
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { CONNECT_DEFAULT_QUOTA } from '../../local/connect-emulator/server';
import { HANDLER_TIMEOUT_MS } from '../../src/generated/handler-timeouts';
import { DEADLINE_MARGIN_MS, retryDelaySeconds } from '../../src/retry';

type Policy = (round: number, random: () => number) => number;

/** The calls each phase of `bench:stack` makes per resource, in order. */
const PHASES: Record<string, string[]> = {
    CREATE: ['CreateUser', 'DescribeUser'],
    UPDATE: ['UpdateUserSecurityProfiles', 'TagResource', 'DescribeUser', 'ListUserProficiencies'],
    DELETE: ['DeleteUser'],
};
const { rate: RATE, burst: BURST } = CONNECT_DEFAULT_QUOTA;

/** A seeded generator, so every policy meets the same stacks. */
function generator(seed: number) {
    let state = seed >>> 0 || 1;
    return () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state / 2 ** 32;
    };
}

interface Waiting {
    at: number;
    step: number;
    round: number;
    /** When the handler gives up: a wait that would end later fails the resource (retry.ts afterFailure). */
    deadline: number;
}

/** A binary min-heap on `at`: 5,000 handlers retrying for an hour are ~10^6 events. */
class Queue {
    private items: Waiting[] = [];
    get size() { return this.items.length; }
    push(item: Waiting) {
        const items = this.items;
        items.push(item);
        for (let i = items.length - 1; i > 0; ) {
            const parent = (i - 1) >> 1;
            if (items[parent].at <= items[i].at) break;
            [items[parent], items[i]] = [items[i], items[parent]];
            i = parent;
        }
    }
    pop(): Waiting {
        const items = this.items;
        const top = items[0];
        const last = items.pop()!;
        if (items.length > 0) {
            items[0] = last;
            for (let i = 0; ; ) {
                const [l, r] = [2 * i + 1, 2 * i + 2];
                let least = i;
                if (l < items.length && items[l].at < items[least].at) least = l;
                if (r < items.length && items[r].at < items[least].at) least = r;
                if (least === i) break;
                [items[least], items[i]] = [items[i], items[least]];
                i = least;
            }
        }
        return top;
    }
}

/** One phase: `users` handlers start within half a second; `timeoutSeconds` is the handler's budget (none when absent). */
function runPhase(users: number, calls: string[], policy: Policy, seed: number, timeoutSeconds = Infinity) {
    const random = generator(seed);
    const buckets = new Map(calls.map((call) => [call, { tokens: BURST, at: 0 }]));
    const succeeded = new Map<string, number>();
    const queue = new Queue();
    for (let i = 0; i < users; i++) {
        const at = random() * 0.5;
        queue.push({ at, step: 0, round: 0, deadline: at + timeoutSeconds - DEADLINE_MARGIN_MS / 1000 });
    }
    let throttled = 0;
    let failed = 0;
    let end = 0;
    while (queue.size > 0) {
        const handler = queue.pop();
        const call = calls[handler.step];
        const bucket = buckets.get(call)!;
        bucket.tokens = Math.min(BURST, bucket.tokens + (handler.at - bucket.at) * RATE);
        bucket.at = handler.at;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            succeeded.set(call, (succeeded.get(call) ?? 0) + 1);
            handler.step += 1;
            handler.round = 0;
            handler.at += 0.005;
            if (handler.step === calls.length) end = Math.max(end, handler.at);
            else queue.push(handler);
        } else {
            throttled += 1;
            handler.round += 1;
            const delay = policy(handler.round, random);
            // The handler answers FAILED Throttling rather than wait past its budget.
            if (handler.at + delay > handler.deadline) {
                failed += 1;
                end = Math.max(end, handler.at);
                continue;
            }
            handler.at += delay + 0.05 + random() * 0.1;
            queue.push(handler);
        }
    }
    const successful = [...succeeded.values()].reduce((a, b) => a + b, 0);
    const floor = (Math.max(...succeeded.values()) - BURST) / RATE;
    return { timeOverFloor: floor > 0 ? end / floor : 1, seconds: end, throttled, successful, failed };
}

/** A jittered window per round: uniform over [low, window] seconds, the window growing from `first` by `growth` up to `cap`. */
const windowed = (first: number, growth: number, cap: number, lowFraction: number, lowFromRound: number): Policy => (round, random) => {
    const window = Math.min(cap, first * growth ** (round - 1));
    const low = round >= lowFromRound ? Math.max(1, Math.ceil(lowFraction * window)) : 1;
    return low + Math.floor(random() * (window - low + 1));
};

const throttling = { code: HandlerErrorCode.Throttling, message: 'Rate exceeded', transient: true };
const POLICIES: [string, Policy][] = [
    ['shipped: 1-32 s, 1-60 s, then 30-60 s', (round, random) => retryDelaySeconds(throttling, round, random)],
    ['1-32 s, 1-64 s, then 45-90 s', windowed(32, 2, 90, 0.5, 3)],
    ['1-45 s, then 45-90 s', windowed(45, 2, 90, 0.5, 2)],
    ['1-60 s, then 45-90 s', windowed(60, 2, 90, 0.5, 2)],
    ['1-75 s, then 45-90 s', windowed(75, 2, 90, 0.5, 2)],
    ['1-60 s, 1-120 s, then 1-120 s', windowed(60, 2, 120, 0, 2)],
    ['1-90 s, then 1-120 s', windowed(90, 2, 120, 0, 2)],
];
const STACKS = [40, 150, 500];
const SEEDS = [1, 2, 3, 4];

function main() {
    console.log(`A model of bench:stack (quota ${RATE}/s burst ${BURST}, ${SEEDS.length} seeded stacks per size), policy by policy:`);
    console.log('  time/floor: the worst phase of the worst stack; throttled/successful: per phase (CREATE UPDATE DELETE) and over the three\n');
    for (const [name, policy] of POLICIES) {
        console.log(name);
        for (const users of STACKS) {
            let worst = 0;
            let longest = 0;
            const totals = Object.keys(PHASES).map(() => ({ throttled: 0, successful: 0 }));
            for (const seed of SEEDS) {
                Object.values(PHASES).forEach((calls, i) => {
                    const phase = runPhase(users, calls, policy, seed * 7919 + users);
                    worst = Math.max(worst, phase.timeOverFloor);
                    longest = Math.max(longest, phase.seconds);
                    totals[i].throttled += phase.throttled;
                    totals[i].successful += phase.successful;
                });
            }
            const perPhase = totals.map((t) => (t.throttled / t.successful).toFixed(2)).join(' ');
            const overall = totals.reduce((a, t) => a + t.throttled, 0) / totals.reduce((a, t) => a + t.successful, 0);
            console.log(`  ${String(users).padStart(3)} users: time/floor ${worst.toFixed(2)} (longest phase ${longest.toFixed(0)} s)  throttled/successful ${perPhase}, over the run ${overall.toFixed(2)}`);
        }
    }
    const collision = STACKS.map((users) => `${users} users: ${users - BURST} of ${users}`).join(', ');
    console.log(`\nThe first collision of a phase alone throttles N - ${BURST} of the first calls (${collision}), whatever the policy.`);

    // Stacks share the account's quota: ten 500-resource stacks deployed at once.
    const [shipped] = POLICIES;
    const many = 5000;
    console.log(`\n${many} resources at once (ten 500-resource stacks), ${shipped[0]}, each handler within its timeoutInMinutes:`);
    for (const [phase, calls] of Object.entries(PHASES)) {
        const budget = HANDLER_TIMEOUT_MS[phase as keyof typeof HANDLER_TIMEOUT_MS] / 1000;
        const run = runPhase(many, calls, shipped[1], 11 + calls.length, budget);
        console.log(
            `  ${phase.padEnd(6)} SUCCESS ${many - run.failed}/${many}, failed for lack of time ${run.failed}; last resource done at ${(run.seconds / 60).toFixed(1)} min ` +
                `of ${budget / 60} min; throttled per resource ${(run.throttled / many).toFixed(1)}`,
        );
    }
}

main();
