// The throttling budget the README states: the SDK's attempts times our IN_PROGRESS rounds, and
// then Throttling, not a storm.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { SDK_MAX_ATTEMPTS } from '../../src/client';
import { MAX_TRANSIENT_RETRIES, backoffSeconds } from '../../src/progress';
import { useEmulator } from '../support/emulator';
import { drive, loadBundle } from '../support/lambda';

const emulator = useEmulator();
const seed = seedArns();

test('a step Connect always throttles costs at most SDK attempts x (rounds + 1) calls, then fails Throttling', async () => {
    loadBundle(emulator().endpoint);
    const desired = {
        InstanceArn: seed.instanceArn, Username: 'throttled', Password: 'Thr0ttled-Passw0rd',
        IdentityInfo: { FirstName: 'T', LastName: 'R' }, PhoneConfig: { PhoneType: 'SOFT_PHONE' },
        SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles.Sales,
    };
    const { event: made } = await drive('CREATE', desired);
    emulator().setFaults({ throttle: 1, operations: ['UpdateUserRoutingProfile'] });
    emulator().journal.length = 0;
    const delays: number[] = [];
    const { event, rounds } = await drive('UPDATE', { ...desired, UserArn: made.resourceModel!.UserArn, RoutingProfileArn: seed.routingProfiles.Support }, { previous: desired, maxRounds: 50 });
    for (const round of rounds.slice(0, -1)) delays.push(round.callbackDelaySeconds!);
    assert.equal(event.status, 'FAILED');
    assert.equal(event.errorCode, 'Throttling');
    assert.equal(rounds.length, MAX_TRANSIENT_RETRIES + 1);
    assert.deepEqual(delays, Array.from({ length: MAX_TRANSIENT_RETRIES }, (_, i) => backoffSeconds(i + 1)));
    assert.equal(emulator().journal.filter((e) => e.operation === 'UpdateUserRoutingProfile').length, SDK_MAX_ATTEMPTS * (MAX_TRANSIENT_RETRIES + 1));
    assert.equal(SDK_MAX_ATTEMPTS * (MAX_TRANSIENT_RETRIES + 1), 27, 'the worst case the README states');
});
