// The retry policy guide/retries.md states: a throttled call gets one attempt, the handler comes back
// after a jittered whole-second delay, for as long as its timeoutInMinutes allows, then fails
// Throttling. Time is simulated: each callback delay moves the clock, as CloudFormation's wait would.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { HANDLER_TIMEOUT_MS } from '../../src/generated/handler-timeouts';
import { DEADLINE_MARGIN_MS, retryDelaySeconds, THROTTLE_CAP_SECONDS, THROTTLE_FIRST_WINDOW_SECONDS } from '../../src/retry';
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { useEmulator } from '../support/emulator';
import { drive, loadBundle } from '../support/lambda';

const emulator = useEmulator();
const seed = seedArns();
// The handler's clock, handed to the bundle: it runs `offset` ahead of the real one.
let offset = 0;
const now = () => Date.now() + offset;
const bundle = () => {
    const loaded = loadBundle(emulator().endpoint) as ReturnType<typeof loadBundle> & { useClock(clock: object): void; REAL_CLOCK: { now(): number } };
    loaded.useClock({ ...loaded.REAL_CLOCK, now });
    return loaded;
};
after(() => {
    const loaded = loadBundle(emulator().endpoint) as any;
    loaded.useClock(loaded.REAL_CLOCK);
});
const simulatedWait = async (seconds: number) => {
    offset += seconds * 1000;
};
const throttling = { code: HandlerErrorCode.Throttling, message: '', transient: true };

test('the delay policy: whole seconds, the first throttles spread over 1..32 and 1..60 s, later ones 30 to 60 s', () => {
    const rounds = Array.from({ length: 8 }, (_, i) => i + 1);
    for (const round of rounds) {
        const window = Math.min(THROTTLE_CAP_SECONDS, THROTTLE_FIRST_WINDOW_SECONDS * 2 ** (round - 1));
        const low = round <= 2 ? 1 : window / 2;
        assert.equal(retryDelaySeconds(throttling, round, () => 0), Math.ceil(low));
        assert.equal(retryDelaySeconds(throttling, round, () => 0.999999), window);
        for (let i = 0; i < 50; i++) assert.ok(Number.isInteger(retryDelaySeconds(throttling, round)));
    }
    const serverError = { ...throttling, code: HandlerErrorCode.ServiceInternalError };
    assert.deepEqual(rounds.map((round) => retryDelaySeconds(serverError, round, () => 0.999999)), [1, 2, 4, 8, 16, 32, 60, 60]);
    // Handlers throttled together spread out: 100 first retries take many different seconds.
    assert.ok(new Set(Array.from({ length: 100 }, () => retryDelaySeconds(throttling, 1))).size >= 20);
});

test('a step Connect always throttles: one call a round, rounds until the update timeout, then FAILED Throttling', async () => {
    bundle();
    const desired = {
        InstanceArn: seed.instanceArn, Username: 'throttled', Password: 'Thr0ttled-Passw0rd',
        IdentityInfo: { FirstName: 'T', LastName: 'R' }, PhoneConfig: { PhoneType: 'SOFT_PHONE' },
        SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles.Sales,
    };
    const { event: made } = await drive('CREATE', desired);
    emulator().setFaults({ throttle: 1, operations: ['UpdateUserRoutingProfile'] });
    emulator().journal.length = 0;
    const started = now();
    const { event, rounds } = await drive('UPDATE', { ...desired, UserArn: made.resourceModel!.UserArn, RoutingProfileArn: seed.routingProfiles.Support }, { previous: desired, maxRounds: 500, wait: simulatedWait });
    const elapsed = now() - started;
    assert.equal(event.status, 'FAILED');
    assert.equal(event.errorCode, 'Throttling');
    assert.match(event.message!, /the next wait would pass the handler's timeout/);
    assert.ok(elapsed <= HANDLER_TIMEOUT_MS.UPDATE - DEADLINE_MARGIN_MS, `gave up within the budget (${elapsed} ms)`);
    assert.ok(elapsed >= HANDLER_TIMEOUT_MS.UPDATE - DEADLINE_MARGIN_MS - THROTTLE_CAP_SECONDS * 1000, `used the budget (${elapsed} ms)`);
    const calls = emulator().journal.filter((e) => e.operation === 'UpdateUserRoutingProfile').length;
    assert.equal(calls, rounds.length, 'a throttled call gets one attempt per round');
    // The worst case guide/retries.md states: after the first rounds, at most one call every 30 s.
    assert.ok(calls <= 3 + Math.ceil(HANDLER_TIMEOUT_MS.UPDATE / 30_000), `${calls} calls`);
});

test('a throttled CreateUser answers IN_PROGRESS without an identifier and creates exactly one user, its Password sealed, never shown', async () => {
    bundle();
    const password = 'Sealed-Passw0rd-42';
    const desired = {
        InstanceArn: seed.instanceArn, Username: 'throttled-create', Password: password,
        IdentityInfo: { FirstName: 'T', LastName: 'C' }, SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles.Sales,
    };
    emulator().setFaults({ throttle: 1, operations: ['CreateUser'], maxFaults: 3 });
    const { event, rounds } = await drive('CREATE', desired, { wait: simulatedWait });
    assert.equal(event.status, 'SUCCESS', event.message);
    assert.deepEqual(rounds.slice(0, 3).map((r) => [r.status, r.resourceModel?.UserArn, r.resourceModel?.Password]), Array(3).fill(['IN_PROGRESS', undefined, undefined]));
    assert.ok(rounds.slice(0, 3).every((r) => typeof r.callbackContext?.sealedPassword === 'string' && !JSON.stringify(r).includes(password)));
    assert.equal(emulator().users().filter((u) => u.username === 'throttled-create').length, 1);
    assert.equal(emulator().journal.filter((e) => e.operation === 'CreateUser' && e.status === 200).length, 1);
});
