// The five handlers through the built bundle's entrypoint (HandlerRequest, as CloudFormation sends
// it), against the emulator through the real SDK. The emulator's journal witnesses every call.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { operations } from '../../local/connect-emulator/service';
import { CALLER_CREDENTIALS, captured, drive, freshBeforeEach, invoke, invokeRaw, loadBundle, Properties } from '../support/lambda';
import { useEmulator } from '../support/emulator';

const emulator = useEmulator();
const seed = seedArns();
const PASSWORD = 'Zq9!Distinctive-Pa55word';
const MUTATING = /^(Create|Delete|Update|Associate|Disassociate|Tag|Untag)/;

let counter = 0;
const model = (overrides: Properties = {}): Properties => ({
    InstanceArn: seed.instanceArn,
    Username: `handler-user-${++counter}`,
    Password: PASSWORD,
    IdentityInfo: { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' },
    PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 30 },
    SecurityProfileArns: [seed.securityProfiles.Agent],
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    HierarchyGroupArn: seed.hierarchyGroups.Europe,
    Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'env', Value: 'dev' }],
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 3 }],
    ...overrides,
});
const calls = () => emulator().journal.map((e) => e.operation);
const mutatingCalls = () => calls().filter((op) => MUTATING.test(op));

async function created(overrides: Properties = {}) {
    const desired = model(overrides);
    const { event } = await drive('CREATE', desired);
    assert.equal(event.status, 'SUCCESS', event.message);
    emulator().journal.length = 0;
    return { desired, output: event.resourceModel!, userArn: event.resourceModel!.UserArn as string };
}
async function updated(previous: Properties, userArn: string, patch: (m: Properties) => void) {
    const desired = structuredClone({ ...previous, UserArn: userArn });
    patch(desired);
    emulator().journal.length = 0;
    const { event } = await drive('UPDATE', desired, { previous });
    return event;
}

freshBeforeEach(emulator);

describe('create', () => {
    test('creates the user with tags and proficiencies, and returns exactly what read returns', async () => {
        const desired = model();
        const { event } = await drive('CREATE', desired, { stackTags: { stack: 'level', 'aws:cloudformation:stack-name': 'test' } });
        assert.equal(event.status, 'SUCCESS', event.message);
        const out = event.resourceModel!;
        assert.match(out.UserArn, new RegExp(`^${seed.instanceArn}/agent/[0-9a-f-]{36}$`));
        assert.equal(out.Password, undefined);
        assert.deepEqual(out.Tags, [{ Key: 'env', Value: 'dev' }, { Key: 'stack', Value: 'level' }, { Key: 'team', Value: 'blue' }]);
        assert.deepEqual(out.UserProficiencies, desired.UserProficiencies);
        assert.deepEqual(out.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 30, PersistentConnection: false });
        assert.deepEqual(calls().filter((op) => MUTATING.test(op)), ['CreateUser', 'AssociateUserProficiencies']);
        const read = await invoke('READ', { UserArn: out.UserArn });
        assert.deepEqual(read.resourceModel, out);
        const stored = emulator().users().find((u) => u.arn === out.UserArn)!;
        assert.equal(Object.keys(stored.tags).some((k) => k.startsWith('aws:')), false, 'no aws: tag is ever sent');
    });

    test('a second user with the same Username is AlreadyExists, and no second user is made', async () => {
        const { desired } = await created();
        const before = emulator().users().length;
        const { event } = await drive('CREATE', { ...desired });
        assert.equal(event.status, 'FAILED');
        assert.equal(event.errorCode, 'AlreadyExists');
        assert.match(event.message!, new RegExp(desired.Username));
        assert.equal(event.resourceModel, undefined);
        assert.equal(emulator().users().length, before);
    });

    test('Connect\'s read-after-create lag: IN_PROGRESS with a delay until the user shows, one CreateUser', async () => {
        emulator().setFaults({ readAfterCreateLag: 1, lagMs: 400 });
        const desired = model();
        const { event, rounds } = await drive('CREATE', desired, { wait: (s) => new Promise((r) => setTimeout(r, Math.min(s, 1) * 250)) });
        assert.equal(event.status, 'SUCCESS', event.message);
        assert.ok(rounds.length > 1, 'at least one IN_PROGRESS round');
        for (const round of rounds.slice(0, -1)) {
            assert.equal(round.status, 'IN_PROGRESS');
            assert.ok(round.callbackContext?.userArn, 'the context holds the user');
            assert.ok(round.resourceModel?.UserArn, 'IN_PROGRESS carries the primary identifier');
            assert.ok(Number.isInteger(round.callbackDelaySeconds) && round.callbackDelaySeconds! >= 1);
        }
        assert.equal(calls().filter((op) => op === 'CreateUser').length, 1);
        assert.equal(emulator().users().filter((u) => u.username === desired.Username).length, 1);
    });

    test('CreateUser answered but the answer lost: the retry adopts the user it made, not a second one', async () => {
        emulator().setFaults({ dropResponse: 1, operations: ['CreateUser'], maxFaults: 1 });
        const desired = model();
        const { event } = await drive('CREATE', desired);
        assert.equal(event.status, 'SUCCESS', event.message);
        assert.equal(emulator().users().filter((u) => u.username === desired.Username).length, 1);
    });

    test('a re-sent create with the same request token adopts its user; another request is AlreadyExists', async () => {
        const desired = model();
        const first = await drive('CREATE', desired, { token: 'token-resent' });
        assert.equal(first.event.status, 'SUCCESS');
        // As if the first invocation had died before CloudFormation heard its answer.
        const again = await drive('CREATE', desired, { token: 'token-resent' });
        assert.equal(again.event.status, 'SUCCESS', again.event.message);
        assert.equal(again.event.resourceModel!.UserArn, first.event.resourceModel!.UserArn);
        const other = await drive('CREATE', desired, { token: 'token-other' });
        assert.equal(other.event.errorCode, 'AlreadyExists');
        assert.equal(emulator().users().filter((u) => u.username === desired.Username).length, 1);
    });

    test('a resumed create never calls CreateUser again', async () => {
        const desired = model();
        // The read that ends the create is throttled: the next round resumes after CreateUser.
        emulator().setFaults({ throttle: 1, operations: ['DescribeUser'], maxFaults: 1 });
        const first = await invoke('CREATE', desired, { token: 'resumed-create' });
        assert.equal(first.status, 'IN_PROGRESS', first.message);
        emulator().journal.length = 0;
        const { event: resumed } = await drive('CREATE', first.resourceModel!, { token: 'resumed-create', context: first.callbackContext });
        assert.equal(resumed.status, 'SUCCESS', resumed.message);
        assert.equal(calls().includes('CreateUser'), false);
    });

    test('a later step that fails for good returns the UserArn so CloudFormation can delete the user', async () => {
        const { event } = await drive('CREATE', model({ UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'Klingon', Level: 2 }] }));
        assert.equal(event.status, 'FAILED');
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, /Klingon/);
        assert.match(event.resourceModel?.UserArn, /\/agent\//);
        assert.equal(event.resourceModel?.Password, undefined);
    });

    test('a predefined attribute that does not exist: one more round to be sure, then InvalidRequest with the UserArn', async () => {
        const { event, rounds } = await drive('CREATE', model({ UserProficiencies: [{ AttributeName: 'Cooking', AttributeValue: 'Pasta', Level: 2 }] }));
        assert.deepEqual(rounds.map((r) => r.status), ['IN_PROGRESS', 'FAILED']);
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, /Cooking.*does not exist in the instance/);
        assert.match(event.resourceModel?.UserArn, /\/agent\//);
    });

    test('a profile that does not exist is InvalidRequest, not NotFound, and nothing is created', async () => {
        const before = emulator().users().length;
        const { event } = await drive('CREATE', model({ RoutingProfileArn: `${seed.instanceArn}/routing-profile/00000000-0000-4000-8000-000000000999` }));
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, /does not exist/);
        assert.equal(emulator().users().length, before);
    });

    test('invalid input fails InvalidRequest naming the property, before any Connect call', async () => {
        emulator().journal.length = 0;
        const cases: [Properties, RegExp][] = [
            [model({ Bogus: 1 }), /Bogus is not a property/],
            [model({ SecurityProfileArns: ['arn:aws:connect:us-east-1:123456789012:instance/other/security-profile/x'] }), /SecurityProfileArns\[0\] must belong/],
            [model({ PhoneConfig: { PhoneType: 'DESK_PHONE' } }), /DeskPhoneNumber is required/],
            [model({ Tags: [{ Key: 'aws:x', Value: '1' }] }), /Tags\[0\]\.Key/],
            [model({ UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 9 }] }), /Level must be <= 5/],
            [model({ Password: 'weak' }), /Password must be 8 to 64 characters/],
        ];
        for (const [desired, message] of cases) {
            const event = await invoke('CREATE', desired);
            assert.equal(event.status, 'FAILED');
            assert.equal(event.errorCode, 'InvalidRequest');
            assert.match(event.message!, message);
        }
        const tooMany = await invoke('CREATE', model({ Tags: Array.from({ length: 45 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }), { stackTags: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, 'v'])) });
        assert.equal(tooMany.errorCode, 'InvalidRequest');
        assert.match(tooMany.message!, /55 tags; Amazon Connect allows 50/);
        assert.deepEqual(calls(), []);
    });
});

describe('read', () => {
    test('a missing user and a malformed UserArn are NotFound', async () => {
        const missing = await invoke('READ', { UserArn: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000000` });
        assert.equal(missing.errorCode, 'NotFound');
        for (const arn of ['not-an-arn', `${seed.instanceArn}/routing-profile/x`, undefined]) {
            const event = await invoke('READ', { UserArn: arn });
            assert.equal(event.errorCode, 'NotFound', String(arn));
            assert.ok(event.message);
        }
    });

    test('omits what the service did not return: no hierarchy group, no empty identity, no desk number of a soft phone', async () => {
        const { desired, userArn } = await created({ HierarchyGroupArn: undefined, IdentityInfo: { FirstName: 'A', LastName: 'B' }, PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550100' } });
        assert.equal((await updated(desired, userArn, (m) => (m.PhoneConfig = { PhoneType: 'SOFT_PHONE' }))).status, 'SUCCESS');
        const event = await invoke('READ', { UserArn: userArn });
        const out = event.resourceModel!;
        assert.equal('HierarchyGroupArn' in out, false);
        assert.deepEqual(out.IdentityInfo, { FirstName: 'A', LastName: 'B' });
        assert.deepEqual(out.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false });
        assert.equal(emulator().users().find((u) => u.arn === userArn)!.deskPhoneNumber, '+14155550100', 'Connect still holds the old number');
    });
});

describe('update', () => {
    test('adding one security profile is exactly one UpdateUserSecurityProfiles', async () => {
        const { desired, userArn } = await created();
        const event = await updated(desired, userArn, (m) => m.SecurityProfileArns.push(seed.securityProfiles.Admin));
        assert.equal(event.status, 'SUCCESS', event.message);
        assert.deepEqual(mutatingCalls(), ['UpdateUserSecurityProfiles']);
        assert.deepEqual(new Set(event.resourceModel!.SecurityProfileArns), new Set([seed.securityProfiles.Agent, seed.securityProfiles.Admin]));
    });

    test('a tag value change is one TagResource and no UntagResource', async () => {
        const { desired, userArn } = await created();
        const event = await updated(desired, userArn, (m) => (m.Tags[0].Value = 'green'));
        assert.deepEqual(mutatingCalls(), ['TagResource']);
        assert.deepEqual(event.resourceModel!.Tags, [{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: 'green' }]);
    });

    test('removing the hierarchy group clears it, and read omits HierarchyGroupArn', async () => {
        const { desired, userArn } = await created();
        const event = await updated(desired, userArn, (m) => delete m.HierarchyGroupArn);
        assert.deepEqual(mutatingCalls(), ['UpdateUserHierarchy']);
        assert.equal('HierarchyGroupArn' in event.resourceModel!, false);
        assert.equal(emulator().users().find((u) => u.arn === userArn)!.hierarchyGroupId, undefined);
    });

    test('proficiencies added, changed and removed in one update: at most the three proficiency calls', async () => {
        const { desired, userArn } = await created({ UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 3 }, { AttributeName: 'Technology', AttributeValue: 'Billing', Level: 1 }] });
        const event = await updated(desired, userArn, (m) => (m.UserProficiencies = [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'French', Level: 2 }]));
        assert.deepEqual(mutatingCalls(), ['DisassociateUserProficiencies', 'UpdateUserProficiencies', 'AssociateUserProficiencies']);
        assert.deepEqual(event.resourceModel!.UserProficiencies, [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'French', Level: 2 }]);
    });

    test('a no-op update makes no mutating call', async () => {
        const { desired, userArn } = await created();
        const event = await updated(desired, userArn, (m) => {
            m.Tags.reverse();
            m.PhoneConfig.PersistentConnection = false;
        });
        assert.equal(event.status, 'SUCCESS');
        assert.deepEqual(mutatingCalls(), []);
        assert.deepEqual(calls().sort(), ['DescribeUser', 'ListUserProficiencies']);
    });

    test('a throttled step resumes there, without repeating the steps already done', async () => {
        const { desired, userArn } = await created();
        emulator().setFaults({ throttle: 1, operations: ['UpdateUserRoutingProfile'], maxFaults: 3 });
        const change: Properties = structuredClone({ ...desired, UserArn: userArn });
        change.IdentityInfo.FirstName = 'Augusta';
        change.RoutingProfileArn = seed.routingProfiles.Sales;
        change.Tags[0].Value = 'red';
        emulator().journal.length = 0;
        const first = await invoke('UPDATE', change, { previous: desired, token: 'throttled-step' });
        assert.equal(first.status, 'IN_PROGRESS');
        assert.deepEqual(first.callbackContext?.written, { steps: ['UpdateUserIdentityInfo'], pairs: [], tags: [], channels: [] });
        // One attempt per throttled call; the herd's first retry is spread over 1..32 s.
        assert.ok(Number.isInteger(first.callbackDelaySeconds) && first.callbackDelaySeconds! >= 1 && first.callbackDelaySeconds! <= 32);
        assert.equal(first.resourceModel?.UserArn, userArn);
        const { event: second, rounds } = await drive('UPDATE', first.resourceModel!, { previous: desired, context: first.callbackContext, token: 'throttled-step' });
        assert.equal(second.status, 'SUCCESS', second.message);
        assert.equal(rounds.length, 3, 'two more throttled rounds, then the rest');
        assert.deepEqual(mutatingCalls(), ['UpdateUserIdentityInfo', 'UpdateUserRoutingProfile', 'UpdateUserRoutingProfile', 'UpdateUserRoutingProfile', 'UpdateUserRoutingProfile', 'TagResource']);
        assert.equal(second.resourceModel!.IdentityInfo.FirstName, 'Augusta');
    });

    test('a user that does not exist is NotFound', async () => {
        const ghost = `${seed.instanceArn}/agent/00000000-0000-4000-8000-00000000beef`;
        const desired = model({ UserArn: ghost });
        const changed = await drive('UPDATE', { ...desired, RoutingProfileArn: seed.routingProfiles.Sales }, { previous: desired });
        assert.equal(changed.event.errorCode, 'NotFound');
        assert.match(changed.event.message!, /not found/);
        const same = await drive('UPDATE', desired, { previous: desired });
        assert.equal(same.event.errorCode, 'NotFound', 'a no-op update still checks the user');
    });

    test('DirectoryUserId and Password changes are NotUpdatable, with the reason, and no call', async () => {
        const { desired, userArn } = await created();
        const directory = await updated({ ...desired, DirectoryUserId: 'dir-1' }, userArn, (m) => (m.DirectoryUserId = 'dir-2'));
        assert.equal(directory.errorCode, 'NotUpdatable');
        assert.match(directory.message!, /DirectoryUserId cannot be updated: Amazon Connect has no API/);
        const password = await updated(desired, userArn, (m) => (m.Password = 'An0therPassword'));
        assert.equal(password.errorCode, 'NotUpdatable');
        assert.equal(password.message!.includes('An0therPassword'), false);
        // Each refusal first makes sure the user exists (a deleted user is NotFound), and changes nothing.
        assert.deepEqual(calls(), ['DescribeUser']);
    });

    test('AccessDenied from Connect is AccessDenied, with the missing permission named', async () => {
        const { desired, userArn } = await created();
        emulator().setFaults({ deny: ['UpdateUserRoutingProfile'] });
        const event = await updated(desired, userArn, (m) => (m.RoutingProfileArn = seed.routingProfiles.Support));
        assert.equal(event.errorCode, 'AccessDenied');
        assert.match(event.message!, /connect:UpdateUserRoutingProfile/);
    });
});

describe('delete and list', () => {
    test('delete, then read, update and delete are NotFound', async () => {
        const { desired, userArn } = await created();
        const deleted = await drive('DELETE', { ...desired, UserArn: userArn });
        assert.equal(deleted.event.status, 'SUCCESS');
        assert.equal(deleted.event.resourceModel, undefined);
        assert.equal((await invoke('READ', { UserArn: userArn })).errorCode, 'NotFound');
        assert.equal((await drive('UPDATE', { ...desired, UserArn: userArn }, { previous: desired })).event.errorCode, 'NotFound');
        assert.equal((await drive('DELETE', { UserArn: userArn })).event.errorCode, 'NotFound');
        assert.equal((await drive('DELETE', { UserArn: 'garbage' })).event.errorCode, 'NotFound');
    });

    test('a DeleteUser whose answer was lost, retried by the SDK into NotFound, is still a successful delete', async () => {
        const { userArn } = await created();
        emulator().setFaults({ dropResponse: 1, operations: ['DeleteUser'], maxFaults: 1 });
        const { event } = await drive('DELETE', { UserArn: userArn });
        assert.equal(event.status, 'SUCCESS', event.message);
        assert.deepEqual(calls(), ['DeleteUser', 'DeleteUser']);
    });

    test('a DeleteUser whose answer was lost, then throttled into another round, is still a successful delete', async () => {
        const { userArn } = await created();
        emulator().setFaults({ dropResponse: 1, operations: ['DeleteUser'], maxFaults: 1 });
        const lost = await invoke('DELETE', { UserArn: userArn }, { context: {} });
        // The SDK retried into NotFound: success at once. Now the same loss, answered by a throttle:
        assert.equal(lost.status, 'SUCCESS');
        const again = await created();
        emulator().setFaults({ throttle: 1, operations: ['DeleteUser'] });
        const throttled = await invoke('DELETE', { UserArn: again.userArn }, { token: 'delete-resumed' });
        assert.equal(throttled.status, 'IN_PROGRESS');
        assert.equal(throttled.callbackContext?.deleteSent, true);
        emulator().setFaults({});
        operations.DeleteUser(emulator().service, { labels: [seed.instanceArn, again.userArn], query: new URLSearchParams(), body: {} });
        const resumed = await invoke('DELETE', { UserArn: again.userArn }, { context: throttled.callbackContext, token: 'delete-resumed' });
        assert.equal(resumed.status, 'SUCCESS', resumed.message);
    });

    test('list with InstanceArn returns one page of identifiers per invocation and follows nextToken; a malformed InstanceArn is InvalidRequest', async () => {
        const malformed = await invoke('LIST', { InstanceArn: 'arn:aws:connect:us-east-1:123456789012:instance' });
        assert.equal(malformed.errorCode, 'InvalidRequest');
        assert.match(malformed.message!, /InstanceArn/);
        emulator().reset();
        for (let i = 0; i < 130; i++) {
            operations.CreateUser(emulator().service, { labels: [seed.instanceArn], query: new URLSearchParams(), body: { Username: `listed-${i}`, Password: PASSWORD, IdentityInfo: { FirstName: 'L', LastName: 'U' }, SecurityProfileIds: [seed.securityProfiles.Agent], RoutingProfileId: seed.routingProfiles.Sales } });
        }
        const first = await invoke('LIST', { InstanceArn: seed.instanceArn });
        assert.equal(first.status, 'SUCCESS');
        assert.equal(first.resourceModels!.length, 100);
        assert.ok(first.nextToken);
        assert.deepEqual(Object.keys(first.resourceModels![0]).sort(), ['InstanceArn', 'UserArn', 'Username']);
        emulator().journal.length = 0;
        const second = await invoke('LIST', { InstanceArn: seed.instanceArn }, { nextToken: first.nextToken });
        assert.equal(second.resourceModels!.length, 30);
        assert.equal(second.nextToken, undefined);
        assert.deepEqual(calls(), ['ListUsers'], 'no call per user');
        const all = new Set([...first.resourceModels!, ...second.resourceModels!].map((m) => m.UserArn));
        assert.equal(all.size, 130);
    });
});

describe('the Lambda envelope', () => {
    test('malformed events are a FAILED InvalidRequest, not a crash', async () => {
        const cases: [unknown, RegExp][] = [
            [{ ...JSON.parse(JSON.stringify({ action: undefined })), requestData: { callerCredentials: CALLER_CREDENTIALS } }, /action must be one of/],
            [{ action: 'PATCH', requestData: { callerCredentials: CALLER_CREDENTIALS } }, /action must be one of CREATE/],
            [{ action: 'READ', awsAccountId: '123456789012', region: 'us-east-1', requestData: { resourceProperties: {} } }, /no caller credentials/],
            ['not an object', /not a JSON object/],
        ];
        for (const [event, message] of cases) {
            const result = await invokeRaw(event);
            assert.equal(result.status, 'FAILED');
            assert.equal(result.errorCode, 'InvalidRequest');
            assert.match(result.message!, message);
        }
    });

    test('testEntrypoint takes the sam-tests shape', async () => {
        const bundle = loadBundle(emulator().endpoint);
        const event = await bundle.testEntrypoint({ credentials: CALLER_CREDENTIALS, action: 'CREATE', region: 'us-east-1', request: { clientRequestToken: 't', desiredResourceState: model(), logicalResourceIdentifier: 'U' }, callbackContext: null });
        const json = event.serialize();
        assert.equal(json.status, 'SUCCESS', json.message);
        assert.equal(json.resourceModel.Password, undefined);
    });

    test('testEntrypoint: a sealed Password in the callback context never sits beside its request token in the log', async () => {
        const bundle = loadBundle(emulator().endpoint);
        const token = 'sam-tests-token-0123456789';
        emulator().setFaults({ throttle: 1, operations: ['CreateUser'], maxFaults: 1 });
        const request = { clientRequestToken: token, desiredResourceState: model(), logicalResourceIdentifier: 'U' };
        const logged: string[] = [];
        const original = console.log;
        console.log = (...parts: unknown[]) => void logged.push(parts.map(String).join(' '));
        try {
            const first = (await bundle.testEntrypoint({ credentials: CALLER_CREDENTIALS, action: 'CREATE', region: 'us-east-1', request, callbackContext: null })).serialize();
            assert.equal(first.status, 'IN_PROGRESS', first.message);
            assert.equal(typeof first.callbackContext.sealedPassword, 'string');
            // The next round, as sam local and cfn test send it: the library logs the whole event.
            const second = (await bundle.testEntrypoint({ credentials: CALLER_CREDENTIALS, action: 'CREATE', region: 'us-east-1', request, callbackContext: first.callbackContext })).serialize();
            assert.equal(second.status, 'SUCCESS', second.message);
        } finally {
            console.log = original;
        }
        const text = logged.join('\n');
        assert.ok(text.includes('sealedPassword'), 'the library logged the event with its context');
        assert.equal(text.includes(token), false, 'the request token is redacted');
        assert.equal(text.includes(PASSWORD), false);
    });
});

after(() => {
    // Nothing secret anywhere: not the password, not the caller's credentials.
    const everything = JSON.stringify(captured.events) + captured.logs.join('\n');
    for (const secret of [PASSWORD, CALLER_CREDENTIALS.secretAccessKey, CALLER_CREDENTIALS.sessionToken, CALLER_CREDENTIALS.accessKeyId]) {
        assert.equal(everything.includes(secret), false, `a secret leaked into logs or events: ${secret.slice(0, 4)}…`);
    }
    assert.ok(captured.logs.length > 0, 'logs were captured');
});
