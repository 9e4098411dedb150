import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { ConnectService, operations } from '../../local/connect-emulator/service';
import type { UserProperties } from '../../src/generated/properties';

/** A template's properties, as the handlers work with them once validated. */
const asProperties = (json: Record<string, any>) => json as UserProperties;
import { mergeTags } from '../../src/tags';
import { toCreateUserRequest } from '../../src/translate';
import { immutableChange, NOTHING_WRITTEN, planCreate, planUpdate, recordWritten, Step, unwritten, withinRead, Written } from '../../src/update-plan';
import { seededUserModel } from '../../scripts/harness/arbitraries';
import { actualState, expectedState } from '../../scripts/harness/expectations';

const seed = seedArns();
const USER_ARN = `${seed.instanceArn}/agent/00000000-0000-4000-8000-0000000000aa`;
const base = {
    InstanceArn: seed.instanceArn,
    Username: 'ada',
    Password: 'Passw0rdExample',
    UserArn: USER_ARN,
    IdentityInfo: { FirstName: 'Ada', LastName: 'Lovelace' },
    PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false },
    SecurityProfileArns: [seed.securityProfiles.Agent],
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    HierarchyGroupArn: seed.hierarchyGroups.Europe,
    Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'env', Value: 'dev' }],
    UserProficiencies: [
        { AttributeName: 'Language', AttributeValue: 'English', Level: 3 },
        { AttributeName: 'Technology', AttributeValue: 'Billing', Level: 2 },
    ],
};
type Json = Record<string, any>;

function plan(previous: Json | undefined, desired: Json, stackTags: [Record<string, string>, Record<string, string>] = [{}, {}]): Step[] {
    const prev = previous && asProperties(previous);
    const next = asProperties(desired);
    return planUpdate({
        previous: prev,
        desired: next,
        previousTags: mergeTags(prev?.Tags, stackTags[0]),
        desiredTags: mergeTags(next.Tags, stackTags[1]),
        instanceArn: seed.instanceArn,
        userArn: USER_ARN,
    });
}
const change = (patch: (m: Json) => void): Json => {
    const copy = structuredClone(base) as Json;
    patch(copy);
    return copy;
};

const cases: [string, (m: Json) => void, string[]][] = [
    ['nothing changes', () => {}, []],
    ['the order of security profiles, tags and proficiencies', (m) => {
        m.Tags.reverse();
        m.UserProficiencies.reverse();
    }, []],
    ['PhoneConfig members set to their defaults', (m) => Object.assign(m.PhoneConfig, { AfterContactWorkTimeLimit: 0, PersistentConnection: false }), []],
    ['a desk number on a soft phone (it does nothing)', (m) => (m.PhoneConfig.DeskPhoneNumber = '+14155550100'), []],
    ['the first name', (m) => (m.IdentityInfo.FirstName = 'Augusta'), ['UpdateUserIdentityInfo']],
    ['an email added', (m) => (m.IdentityInfo.Email = 'ada@example.com'), ['UpdateUserIdentityInfo']],
    ['the identity removed', (m) => delete (m as any).IdentityInfo, ['UpdateUserIdentityInfo']],
    ['the phone type', (m) => (m.PhoneConfig = { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550100' } as any), ['UpdateUserPhoneConfig']],
    ['auto-accept', (m) => (m.PhoneConfig.AutoAccept = true), ['UpdateUserPhoneConfig']],
    ['the after-contact-work limit', (m) => ((m.PhoneConfig as any).AfterContactWorkTimeLimit = 60), ['UpdateUserPhoneConfig']],
    ['the routing profile', (m) => (m.RoutingProfileArn = seed.routingProfiles.Sales), ['UpdateUserRoutingProfile']],
    ['one security profile added', (m) => m.SecurityProfileArns.push(seed.securityProfiles.Admin), ['UpdateUserSecurityProfiles']],
    ['one security profile swapped', (m) => (m.SecurityProfileArns = [seed.securityProfiles.Admin]), ['UpdateUserSecurityProfiles']],
    ['the hierarchy group', (m) => (m.HierarchyGroupArn = seed.hierarchyGroups['North America']), ['UpdateUserHierarchy']],
    ['the hierarchy group removed', (m) => delete (m as any).HierarchyGroupArn, ['UpdateUserHierarchy']],
    ['a proficiency removed', (m) => m.UserProficiencies.pop(), ['DisassociateUserProficiencies']],
    ['a proficiency level', (m) => (m.UserProficiencies[0].Level = 5), ['UpdateUserProficiencies']],
    ['a proficiency added', (m) => m.UserProficiencies.push({ AttributeName: 'Language', AttributeValue: 'French', Level: 1 }), ['AssociateUserProficiencies']],
    ['a proficiency added, one changed, one removed', (m) => {
        m.UserProficiencies = [{ AttributeName: 'Language', AttributeValue: 'English', Level: 4 }, { AttributeName: 'Language', AttributeValue: 'German', Level: 2 }];
    }, ['DisassociateUserProficiencies', 'UpdateUserProficiencies', 'AssociateUserProficiencies']],
    ['a tag value', (m) => (m.Tags[0].Value = 'green'), ['TagResource']],
    ['a tag removed', (m) => m.Tags.pop(), ['UntagResource']],
    ['a tag added and one removed', (m) => (m.Tags = [{ Key: 'team', Value: 'blue' }, { Key: 'owner', Value: 'me' }]), ['UntagResource', 'TagResource']],
    ['everything at once', (m) => {
        m.IdentityInfo.LastName = 'Byron';
        m.PhoneConfig.AutoAccept = true;
        m.RoutingProfileArn = seed.routingProfiles.Support;
        m.SecurityProfileArns = [seed.securityProfiles.Admin, seed.securityProfiles.Agent];
        delete (m as any).HierarchyGroupArn;
        m.UserProficiencies = [{ AttributeName: 'Language', AttributeValue: 'English', Level: 1 }, { AttributeName: 'Language', AttributeValue: 'Spanish', Level: 1 }];
        m.Tags = [{ Key: 'team', Value: 'red' }];
    }, ['UpdateUserIdentityInfo', 'UpdateUserPhoneConfig', 'UpdateUserRoutingProfile', 'UpdateUserSecurityProfiles', 'UpdateUserHierarchy',
        'DisassociateUserProficiencies', 'UpdateUserProficiencies', 'AssociateUserProficiencies', 'UntagResource', 'TagResource']],
];
for (const [name, patch, expected] of cases) {
    test(`plan: ${name} -> ${expected.join(', ') || 'no call'}`, () => {
        assert.deepEqual(plan(base, change(patch)).map((s) => s.id), expected);
    });
}

test('plan: requests carry exactly the change', () => {
    const [tag] = plan(base, change((m) => (m.Tags[0].Value = 'green')));
    assert.deepEqual(tag.input, { resourceArn: USER_ARN, tags: { team: 'green' } });
    const [hierarchy] = plan(base, change((m) => delete (m as any).HierarchyGroupArn));
    assert.deepEqual(hierarchy.input, { InstanceId: seed.instanceArn, UserId: USER_ARN }, 'no HierarchyGroupId: the call clears the group');
    const steps = plan(base, change((m) => (m.UserProficiencies = [{ AttributeName: 'Language', AttributeValue: 'English', Level: 4 }])));
    assert.deepEqual(steps.map((s) => s.input.UserProficiencies), [
        [{ AttributeName: 'Technology', AttributeValue: 'Billing' }],
        [{ AttributeName: 'Language', AttributeValue: 'English', Level: 4 }],
    ]);
    const [phone] = plan(base, change((m) => (m.PhoneConfig.AutoAccept = true)));
    assert.deepEqual(phone.input.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 0, PersistentConnection: false });
});

test('plan: stack-level tags are merged, the resource wins, aws: keys never planned', () => {
    const steps = plan(base, base, [{ stack: 'a', 'aws:cloudformation:stack-name': 's' }, { stack: 'b', team: 'ignored', 'aws:cloudformation:stack-name': 't' }]);
    assert.deepEqual(steps, [{ id: 'TagResource', input: { resourceArn: USER_ARN, tags: { stack: 'b' } } }]);
});

test('plan: without a previous state every group is written (a full sync)', () => {
    assert.deepEqual(plan(undefined, base).map((s) => s.id), ['UpdateUserIdentityInfo', 'UpdateUserPhoneConfig', 'UpdateUserRoutingProfile', 'UpdateUserSecurityProfiles', 'UpdateUserHierarchy', 'AssociateUserProficiencies', 'TagResource']);
});

test('what an operation wrote: a set-style step whole, a proficiency or tag step by pair and key', () => {
    const desired = { ...base, IdentityInfo: { FirstName: 'Ada', LastName: 'King' }, Tags: [{ Key: 'team', Value: 'red' }], UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'German', Level: 1 }] };
    const steps = plan(base, desired);
    const written = steps.reduce<Written>((w, step) => recordWritten(w, step), NOTHING_WRITTEN);
    assert.deepEqual(written, { steps: ['UpdateUserIdentityInfo'], pairs: ['Technology\u0000Billing', 'Language\u0000English', 'Language\u0000German'], tags: ['env', 'team'], channels: [] });
    // Part of a step (the pairs a conflict settled) records just those.
    const associate = steps.find((s) => s.id === 'AssociateUserProficiencies')!;
    assert.deepEqual(recordWritten(NOTHING_WRITTEN, associate, []).pairs, []);
});

test('unwritten: a plan without what was written, and whether it wanted any of that again (its read lags)', () => {
    const desired = { ...base, IdentityInfo: { FirstName: 'Ada', LastName: 'King' }, Tags: [{ Key: 'team', Value: 'red' }], UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }] };
    const written = plan(base, desired).reduce<Written>((w, step) => recordWritten(w, step), NOTHING_WRITTEN);
    // A read that still shows the previous state: everything it plans was written, so it lags.
    assert.deepEqual(unwritten(plan(base, desired), written), { steps: [], again: ['UpdateUserIdentityInfo', 'DisassociateUserProficiencies', 'UpdateUserProficiencies', 'UntagResource', 'TagResource'] });
    // A read that shows every write: nothing left, nothing contradicted.
    assert.deepEqual(unwritten(plan(desired, desired), written), { steps: [], again: [] });
    // A read that shows every write and an edit made elsewhere (a routing profile, a tag, a pair): only the edit is left.
    const edited = { ...desired, RoutingProfileArn: seed.routingProfiles.Sales, Tags: [...desired.Tags, { Key: 'console', Value: 'x' }], UserProficiencies: [...desired.UserProficiencies, { AttributeName: 'Language', AttributeValue: 'Spanish', Level: 1 }] };
    const { steps, again } = unwritten(plan(edited, desired), written);
    assert.deepEqual(again, []);
    assert.deepEqual(steps.map((s) => [s.id, s.input.RoutingProfileId ?? s.input.UserProficiencies ?? s.input.tagKeys]), [
        ['UpdateUserRoutingProfile', seed.routingProfiles['Basic Routing Profile']],
        ['DisassociateUserProficiencies', [{ AttributeName: 'Language', AttributeValue: 'Spanish' }]],
        ['UntagResource', ['console']],
    ]);
    // A read that lags on one written pair and shows an edit: the edit is left, and the lag is seen.
    const lagging = { ...edited, UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 3 }] };
    const mixed = unwritten(plan(lagging, desired), written);
    assert.deepEqual(mixed.again, ['UpdateUserProficiencies']);
    assert.deepEqual(mixed.steps.map((s) => s.id), ['UpdateUserRoutingProfile', 'UntagResource']);
});

test('unwritten: per-channel entries are recorded one by one, so an edit on another channel is drift, not lag', () => {
    const lists = { ...base, AutoAcceptConfigs: [{ Channel: 'TASK', AutoAccept: true }] };
    const desired = { ...lists, AutoAcceptConfigs: [{ Channel: 'TASK', AutoAccept: false }] };
    const steps = plan(lists, desired);
    assert.deepEqual(steps.map((s) => s.id), ['UpdateUserConfig']);
    const written = recordWritten(NOTHING_WRITTEN, steps[0]);
    assert.deepEqual(written.channels, ['AutoAcceptConfigs:TASK']);
    // The console turned auto-accept on for VOICE, which the template leaves to PhoneConfig (false).
    const edited = { ...desired, PhoneConfig: { ...base.PhoneConfig, AutoAccept: true } };
    const drift = unwritten(plan(edited, desired), written);
    assert.deepEqual(drift.again, []);
    assert.deepEqual(drift.steps.map((s) => s.input.AutoAcceptConfigs), [[{ Channel: 'VOICE', AutoAccept: false }]]);
    // A read that still shows TASK as it was lags.
    assert.deepEqual(unwritten(plan(lists, desired), written).again, ['UpdateUserConfig']);
});

test('withinRead: a plan from a read keeps only the channel entries the read carries (declared ones, and VOICE)', () => {
    // The template lists VOICE's ACW only: the other channels take PhoneConfig's (absent: 0).
    const desired = { ...base, AfterContactWorkConfigs: [{ Channel: 'VOICE', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 } }] };
    // What read returns for a user that holds exactly that: PhoneConfig shows VOICE's live 30, which a plan would take for every channel.
    const read = asProperties({ ...desired, PhoneConfig: { ...base.PhoneConfig, AfterContactWorkTimeLimit: 30 } });
    const planned = plan(read, desired);
    assert.deepEqual(planned.map((s) => s.id), ['UpdateUserConfig']);
    assert.deepEqual(withinRead(planned, read), []);
    // A declared channel the read shows otherwise is still planned.
    const edited = asProperties({ ...read, AfterContactWorkConfigs: [{ Channel: 'VOICE', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 5 } }] });
    assert.deepEqual(withinRead(plan(edited, desired), edited).map((s) => s.input.AfterContactWorkConfigs), [[{ Channel: 'VOICE', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 } }]]);
});

test('immutable properties: a change is NotUpdatable with the reason, removing one is allowed', () => {
    const model = (patch: (m: Json) => void) => asProperties(change(patch));
    const prev = asProperties({ ...base, DirectoryUserId: 'dir-1' });
    const refusal = immutableChange(prev, model((m) => ((m as any).DirectoryUserId = 'dir-2')));
    assert.equal(refusal?.code, 'NotUpdatable');
    assert.match(refusal!.message, /DirectoryUserId cannot be updated: Amazon Connect has no API/);
    const password = immutableChange(asProperties(base), model((m) => (m.Password = 'N3wPassword')));
    assert.match(password!.message, /^Password cannot be updated/);
    assert.equal(password!.message.includes('N3wPassword'), false, 'the message never holds the password');
    assert.equal(immutableChange(prev, model(() => {})), undefined, 'DirectoryUserId removed from the template');
    assert.equal(immutableChange(asProperties(base), model((m) => delete (m as any).Password)), undefined);
    assert.match(immutableChange(asProperties(base), model((m) => (m.Username = 'bob')))!.message, /^Username cannot be updated/);
});

// ---- property: the plan, applied to a user that starts as `previous`, yields `desired` ----

/** Sends a step to the emulator's service in-process: the fake user has Connect's own semantics. */
function apply(service: ConnectService, step: Step) {
    const { InstanceId, UserId, resourceArn, tagKeys, ...body } = step.input as Record<string, any>;
    const labels = resourceArn ? [resourceArn] : [InstanceId, UserId];
    const query = new URLSearchParams((tagKeys ?? []).map((key: string) => ['tagKeys', key]));
    operations[step.id](service, { labels, query, body });
}

test('property: for random (previous, desired), the plan turns previous into desired', () => {
    fc.assert(
        fc.property(seededUserModel, seededUserModel, (previous: Json, desiredRaw: Json) => {
            const desired = { ...desiredRaw, Username: previous.Username };
            const service = new ConnectService(DEFAULT_SEED);
            const prev = asProperties(previous);
            const { UserArn } = operations.CreateUser(service, { labels: [seed.instanceArn], query: new URLSearchParams(), body: toCreateUserRequest(prev, mergeTags(prev.Tags, {})) }) as any;
            if (previous.UserProficiencies?.length) {
                operations.AssociateUserProficiencies(service, { labels: [seed.instanceArn, UserArn], query: new URLSearchParams(), body: { UserProficiencies: previous.UserProficiencies } });
            }
            const next = asProperties(desired);
            const steps = planUpdate({ previous: prev, desired: next, previousTags: mergeTags(prev.Tags, {}), desiredTags: mergeTags(next.Tags, {}), instanceArn: seed.instanceArn, userArn: UserArn });
            assert.equal(new Set(steps.map((s) => s.id)).size, steps.length, 'each step at most once');
            for (const step of steps) apply(service, step);
            assert.deepEqual(actualState(service, UserArn), expectedState(desired));
        }),
        { seed: 20261122, numRuns: 150 },
    );
});

test('CREATE\'s plan: CreateUser with the merged tags, then the proficiencies once the user exists, and nothing else', () => {
    const desired = asProperties({ ...base, Password: 'Passw0rdExample' });
    const plan = planCreate(desired);
    assert.deepEqual(plan.createUser({ team: 'a' }), toCreateUserRequest(desired, { team: 'a' }));
    assert.deepEqual(plan.after(USER_ARN), [{ id: 'AssociateUserProficiencies', input: { InstanceId: base.InstanceArn, UserId: USER_ARN, UserProficiencies: base.UserProficiencies } }]);
    assert.deepEqual(planCreate(asProperties({ ...base, UserProficiencies: [] })).after(USER_ARN), []);
});
