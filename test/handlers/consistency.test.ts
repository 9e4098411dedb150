// Connect is eventually consistent and shares one quota. Through the bundle's entrypoint against
// an emulator whose reads of a user lag 1, 2 or 4 reads behind each change (the change itself
// applied): a write Connect accepted is done, so no write is repeated because a read lagged, the
// update answers the template, and Connect holds it. READ and LIST ride out throttling.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { CONNECT_DEFAULT_QUOTA } from '../../local/connect-emulator/server';
import { useEmulator } from '../support/emulator';
import { actualState, expectedState, stateOf } from '../../scripts/harness/expectations';
import { drive, freshBeforeEach, handlerRequest, invokeRaw, Properties } from '../support/lambda';
import { typicalUser } from '../support/typical-user';

const emulator = useEmulator();
const seed = seedArns();
freshBeforeEach(emulator);
afterEach(() => {
    emulator().setConsistency({});
    emulator().setQuota(undefined);
});

const READS = new Set(['DescribeUser', 'ListUserProficiencies', 'ListUsers', 'ListInstances', 'ListTagsForResource']);
/** The writes Connect accepted since the journal was last cleared, by operation. */
const writes = () => emulator().journal.filter((e) => e.status === 200 && !READS.has(e.operation)).map((e) => e.operation);

const template = (overrides: Properties = {}) => typicalUser('lagging', { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'env', Value: 'x' }], ...overrides });

/** Every step of the plan: identity, phone, routing profile, security profiles, hierarchy, a proficiency, tags (one removed, one changed). */
const everyStep = (good: Properties): Properties => ({
    ...good,
    IdentityInfo: { FirstName: 'Ada', LastName: 'King' },
    PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30 },
    RoutingProfileArn: seed.routingProfiles.Sales,
    SecurityProfileArns: [seed.securityProfiles.Agent, seed.securityProfiles.Admin],
    HierarchyGroupArn: seed.hierarchyGroups.Europe,
    UserProficiencies: [...good.UserProficiencies, { AttributeName: 'Language', AttributeValue: 'Spanish', Level: 4 }],
    Tags: [{ Key: 'team', Value: 'b' }],
});
const EVERY_STEP_WRITES = ['UpdateUserIdentityInfo', 'UpdateUserPhoneConfig', 'UpdateUserRoutingProfile', 'UpdateUserSecurityProfiles', 'UpdateUserHierarchy', 'AssociateUserProficiencies', 'UntagResource', 'TagResource'];

/** One pair added, one removed, one re-levelled. */
const proficienciesOnly = (good: Properties): Properties => ({
    ...good,
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'German', Level: 1 }],
});
const PROFICIENCY_WRITES = ['DisassociateUserProficiencies', 'UpdateUserProficiencies', 'AssociateUserProficiencies'];

async function create(properties: Properties): Promise<Properties> {
    const { event } = await drive('CREATE', properties);
    assert.equal(event.status, 'SUCCESS', event.message);
    return { ...properties, UserArn: event.resourceModel!.UserArn as string };
}

/** Connect holds the template, and the model answered is the template's, not a stale read's. */
function assertHolds(properties: Properties, answered: Record<string, unknown> | undefined) {
    assert.deepEqual(actualState(emulator().service, properties.UserArn), expectedState(properties), 'Connect holds the template');
    assert.deepEqual(stateOf(answered!), expectedState(properties), 'the model answered is the template');
}

for (const lag of [1, 2, 4]) {
    describe(`reads that lag ${lag} behind each change`, () => {
        test('an update that touches every step: SUCCESS with 8 writes, none repeated', async () => {
            const good = await create(template());
            const desired = everyStep(good);
            emulator().setConsistency({ staleReads: lag });
            emulator().journal.length = 0;
            const { event } = await drive('UPDATE', desired, { previous: good });
            assert.equal(event.status, 'SUCCESS', event.message);
            assert.deepEqual(writes(), EVERY_STEP_WRITES);
            emulator().lagging.settle();
            assertHolds(desired, event.resourceModel);
        });

        test('a proficiency-only update (one added, one removed, one re-levelled): SUCCESS with 3 writes', async () => {
            const good = await create(template());
            const desired = proficienciesOnly(good);
            emulator().setConsistency({ staleReads: lag });
            emulator().journal.length = 0;
            const { event } = await drive('UPDATE', desired, { previous: good });
            assert.equal(event.status, 'SUCCESS', event.message);
            assert.deepEqual(writes(), PROFICIENCY_WRITES);
            assertHolds(desired, event.resourceModel);
        });

        test('a create with proficiencies and tags, then a failed update and its rollback: SUCCESS', async () => {
            emulator().setConsistency({ staleReads: lag });
            const good = await create(template());
            assertHolds(good, (await drive('READ', { UserArn: good.UserArn })).event.resourceModel);
            const bad = { ...everyStep(good), HierarchyGroupArn: `${seed.instanceArn}/agent-group/00000000-0000-4000-8000-0000000000ff` };
            const forward = await drive('UPDATE', bad, { previous: good });
            assert.equal(forward.event.errorCode, 'InvalidRequest', forward.event.message);
            // CloudFormation rolls back at once: the forward update's changes still lag.
            const rollback = await drive('UPDATE', good, { previous: bad, rollback: true });
            assert.equal(rollback.event.status, 'SUCCESS', rollback.event.message);
            assertHolds(good, rollback.event.resourceModel);
        });

        test('an update delivered twice while its first delivery\'s changes lag: both SUCCESS, no proficiency conflict left', async () => {
            const good = await create(template());
            const desired = proficienciesOnly(everyStep(good));
            emulator().setConsistency({ staleReads: lag });
            const request = handlerRequest('UPDATE', desired, { previous: good });
            const first = await drive('UPDATE', desired, { previous: good });
            assert.equal(first.event.status, 'SUCCESS', first.event.message);
            const second = await invokeRaw(structuredClone(request)).then(async (round) => (round.status === 'IN_PROGRESS' ? (await drive('UPDATE', desired, { previous: good, context: round.callbackContext, token: request.bearerToken })).event : round));
            assert.equal(second.status, 'SUCCESS', second.message);
            assertHolds(desired, second.resourceModel);
        });
    });
}

test('with lag off, the same updates make the same writes', async () => {
    const good = await create(template());
    emulator().journal.length = 0;
    const { event } = await drive('UPDATE', everyStep(good), { previous: good });
    assert.equal(event.status, 'SUCCESS', event.message);
    assert.deepEqual(writes(), EVERY_STEP_WRITES);
});

test('25 READs and 5 LISTs at once under Connect\'s quota (2/s, burst 5): all SUCCESS', async (t) => {
    const users: string[] = [];
    for (let i = 0; i < 25; i++) users.push((await create(template({ Username: `quota-${i}`, UserProficiencies: [], Tags: [] }))).UserArn);
    emulator().setQuota(CONNECT_DEFAULT_QUOTA);
    emulator().journal.length = 0;
    const started = performance.now();
    const events = await Promise.all([
        ...users.map((UserArn) => invokeRaw(handlerRequest('READ', { UserArn }))),
        ...Array.from({ length: 5 }, () => invokeRaw(handlerRequest('LIST', { InstanceArn: seed.instanceArn }))),
    ]);
    const seconds = (performance.now() - started) / 1000;
    assert.deepEqual(events.map((e) => `${e.status} ${e.errorCode ?? ''}`.trim()), Array(30).fill('SUCCESS'));
    assert.deepEqual(events.slice(0, 25).map((e) => e.resourceModel!.UserArn), users);
    const throttled = emulator().journal.filter((e) => e.fault === 'quota').length;
    // Each READ made one successful DescribeUser and one ListUserProficiencies; nothing that succeeded was sent again.
    const succeeded = emulator().journal.filter((e) => e.status === 200).map((e) => e.operation);
    assert.equal(succeeded.filter((o) => o === 'DescribeUser').length, 25);
    assert.equal(succeeded.filter((o) => o === 'ListUserProficiencies').length, 25);
    t.diagnostic(`25 READs and 5 LISTs at once under 2/s, burst 5: all SUCCESS in ${seconds.toFixed(1)} s, ${throttled} throttled calls ridden out`);
});
