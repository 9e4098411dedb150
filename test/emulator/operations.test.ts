// The emulator through the unmodified @aws-sdk/client-connect: every operation, its errors,
// ID/ARN equivalence, referential checks and limits.
import * as connect from '@aws-sdk/client-connect';
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { connectClient, useEmulator } from '../support/emulator';

const emulator = useEmulator();
const seed = seedArns();
const instanceId = DEFAULT_SEED.instances[0].id;
const samlArns = seedArns(DEFAULT_SEED.instances[1]);
const client = () => connectClient(emulator());

let counter = 0;
function newUser(overrides: Partial<connect.CreateUserCommandInput> = {}): connect.CreateUserCommandInput {
    return {
        InstanceId: seed.instanceArn,
        Username: `agent${++counter}`,
        Password: 'Passw0rdExample',
        IdentityInfo: { FirstName: 'Ada', LastName: 'Lovelace' },
        PhoneConfig: { PhoneType: 'SOFT_PHONE' },
        SecurityProfileIds: [seed.securityProfiles.Agent],
        RoutingProfileId: seed.routingProfiles['Basic Routing Profile'],
        ...overrides,
    };
}
const create = async (overrides: Partial<connect.CreateUserCommandInput> = {}) => client().send(new connect.CreateUserCommand(newUser(overrides)));
const describeUser = async (userId: string) => (await client().send(new connect.DescribeUserCommand({ InstanceId: seed.instanceArn, UserId: userId }))).User!;

async function rejects(promise: Promise<unknown>, name: string, message?: RegExp) {
    await assert.rejects(promise, (error: any) => {
        assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
        assert.ok(error instanceof connect.ConnectServiceException);
        if (message) assert.match(error.message, message);
        return true;
    });
}

beforeEach(() => emulator().reset());

describe('Connect\'s documented rules for a new user (CreateUser and UserIdentityInfo references)', () => {
    test('a Username of at most 20 characters without SAML; 21 is refused', async () => {
        await create({ Username: 'a'.repeat(20) });
        await rejects(create({ Username: 'b'.repeat(21) }), 'InvalidParameterException', /up to 20 characters/);
        await rejects(create({ Username: 'ada lovelace' }), 'InvalidParameterException');
    });

    test('with SAML, up to 64 characters of [a-zA-Z0-9_-.@]: 40 are taken, 65 are not', async () => {
        const saml = (Username: string) =>
            client().send(new connect.CreateUserCommand({ InstanceId: samlArns.instanceArn, Username, IdentityInfo: { FirstName: 'S', LastName: 'U' }, SecurityProfileIds: [samlArns.securityProfiles.Agent], RoutingProfileId: samlArns.routingProfiles['Basic Routing Profile'] }));
        await saml(`${'s'.repeat(28)}@example.com`);
        await rejects(saml('t'.repeat(65)), 'InvalidParameterException', /up to 64 characters/);
    });

    test('FirstName and LastName are required where Connect or SAML manages identities', async () => {
        await rejects(create({ IdentityInfo: undefined }), 'InvalidParameterException', /IdentityInfo.FirstName is required/);
        await rejects(create({ IdentityInfo: { FirstName: 'Ada' } }), 'InvalidParameterException', /IdentityInfo.LastName is required/);
        await rejects(
            client().send(new connect.CreateUserCommand({ InstanceId: samlArns.instanceArn, Username: 'nameless', SecurityProfileIds: [samlArns.securityProfiles.Agent], RoutingProfileId: samlArns.routingProfiles['Basic Routing Profile'] })),
            'InvalidParameterException',
            /FirstName is required/,
        );
    });

    test('an instance ARN longer than InstanceId\'s 100 characters is a 400, not a 404; error bodies carry Message alone', async () => {
        const long = `${seed.instanceArn}${'0'.repeat(20)}`;
        await rejects(client().send(new connect.ListUsersCommand({ InstanceId: long })), 'InvalidParameterException', /length less than or equal to 100/);
        const response = await fetch(`${emulator().endpoint}/users/${encodeURIComponent(seed.instanceArn)}/00000000-0000-4000-8000-000000000000`, {
            headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=0' },
        });
        assert.equal(response.status, 404);
        assert.deepEqual(Object.keys((await response.json()) as object).sort(), ['Message', '__type']);
    });
});

describe('CreateUser and DescribeUser', () => {
    test('DescribeUser returns IDs (not ARNs), tags, service defaults and a filled DirectoryUserId', async () => {
        const { UserId, UserArn } = await create({ Tags: { team: 'blue' }, HierarchyGroupId: seed.hierarchyGroups.Europe });
        assert.match(UserId!, /^[0-9a-f-]{36}$/);
        assert.equal(UserArn, `${seed.instanceArn}/agent/${UserId}`);
        const user = await describeUser(UserArn!);
        assert.equal(user.RoutingProfileId, DEFAULT_SEED.instances[0].routingProfiles[0].id);
        assert.deepEqual(user.SecurityProfileIds, [DEFAULT_SEED.instances[0].securityProfiles[1].id]);
        assert.equal(user.HierarchyGroupId, DEFAULT_SEED.instances[0].hierarchyGroups[0].id);
        assert.deepEqual(user.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false });
        assert.deepEqual(user.Tags, { team: 'blue' });
        assert.match(user.DirectoryUserId!, /^[0-9a-f-]{36}$/);
        assert.ok(user.LastModifiedTime instanceof Date);
        assert.equal(user.LastModifiedRegion, 'us-east-1');
        assert.equal(JSON.stringify(user).includes('Passw0rd'), false, 'the password is never returned');
    });

    test('a user without a hierarchy group has no HierarchyGroupId at all', async () => {
        const { UserId } = await create();
        assert.equal('HierarchyGroupId' in (await describeUser(UserId!)), false);
    });

    test('IDs and ARNs are interchangeable for instance, user and every referenced profile', async () => {
        const ids = DEFAULT_SEED.instances[0];
        const { UserId, UserArn } = await create({
            InstanceId: instanceId,
            SecurityProfileIds: [ids.securityProfiles[0].id, seed.securityProfiles.Agent],
            RoutingProfileId: ids.routingProfiles[1].id,
            HierarchyGroupId: seed.hierarchyGroups['North America'],
        });
        const byId = await client().send(new connect.DescribeUserCommand({ InstanceId: instanceId, UserId }));
        const byArn = await describeUser(UserArn!);
        assert.deepEqual(byId.User, byArn);
        assert.deepEqual(new Set(byArn.SecurityProfileIds), new Set([ids.securityProfiles[0].id, ids.securityProfiles[1].id]));
    });

    test('a Username is unique per instance', async () => {
        await create({ Username: 'same.name' });
        await rejects(create({ Username: 'same.name' }), 'DuplicateResourceException', /already associated/);
    });

    test('referenced profiles, groups and instances must exist in that instance', async () => {
        const missing = `${seed.instanceArn}/routing-profile/00000000-0000-4000-8000-00000000dead`;
        await rejects(create({ RoutingProfileId: missing }), 'ResourceNotFoundException');
        await rejects(create({ SecurityProfileIds: [samlArns.securityProfiles.Agent] }), 'ResourceNotFoundException', /does not belong/);
        await rejects(create({ HierarchyGroupId: `${seed.instanceArn}/agent-group/nope` }), 'ResourceNotFoundException');
        await rejects(create({ InstanceId: 'arn:aws:connect:us-west-2:123456789012:instance/' + instanceId }), 'ResourceNotFoundException');
        await rejects(create({ InstanceId: 'not an id!' }), 'InvalidParameterException');
    });

    const invalid: [string, Partial<connect.CreateUserCommandInput>, string, RegExp][] = [
        ['11 security profiles', { SecurityProfileIds: Array(11).fill(seed.securityProfiles.Agent) }, 'InvalidParameterException', /SecurityProfileIds/],
        ['no security profile', { SecurityProfileIds: [] }, 'InvalidParameterException', /SecurityProfileIds/],
        ['a 101-character username', { Username: 'u'.repeat(101) }, 'InvalidParameterException', /Username/],
        ['an @ outside an email address', { Username: 'user@host' }, 'InvalidParameterException', /@/],
        ['51 tags', { Tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'InvalidParameterException', /Tags/],
        ['an aws: tag key', { Tags: { 'aws:owner': 'me' } }, 'InvalidParameterException', /Tags\.key/],
        ['a 257-character tag value', { Tags: { k: 'v'.repeat(257) } }, 'InvalidParameterException', /Tags\.k/],
        ['DESK_PHONE without a number', { PhoneConfig: { PhoneType: 'DESK_PHONE' } }, 'InvalidParameterException', /DeskPhoneNumber/],
        ['a desk number that is not E.164', { PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '555-0100' } }, 'InvalidParameterException', /DeskPhoneNumber/],
        ['an ACW over 2,000,000 seconds', { PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 2_000_001 } }, 'InvalidParameterException', /AfterContactWorkTimeLimit/],
        ['an unknown phone type', { PhoneConfig: { PhoneType: 'CELL' as connect.PhoneType } }, 'InvalidParameterException', /PhoneType/],
        ['a mobile number that is not E.164', { IdentityInfo: { FirstName: 'a', LastName: 'b', Mobile: '0800' } }, 'InvalidParameterException', /Mobile/],
        ['a weak password', { Password: 'password' }, 'InvalidParameterException', /password/],
        ['no password on a CONNECT_MANAGED instance', { Password: undefined }, 'InvalidParameterException', /Password is required/],
        ['PhoneConfig.AutoAccept with AutoAcceptConfigs', { PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true }, AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }] }, 'InvalidParameterException', /cannot be set together/],
        ['two entries for one channel', { AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }, { Channel: 'CHAT', AutoAccept: false }], PhoneConfig: undefined }, 'InvalidParameterException', /more than one entry/],
        ['a VOICE-only setting on CHAT', { PersistentConnectionConfigs: [{ Channel: 'CHAT', PersistentConnection: true }], PhoneConfig: undefined }, 'InvalidParameterException', /VOICE channel only/],
    ];
    for (const [name, overrides, error, message] of invalid) {
        test(`CreateUser refuses ${name}`, async () => {
            await rejects(create(overrides), error, message);
            assert.equal(emulator().users().length, 0, 'nothing was created');
        });
    }

    test('the service never echoes a password in an error', async () => {
        await assert.rejects(create({ Password: 'weakpassword' }), (error: any) => !error.message.includes('weakpassword'));
    });

    test('a SAML instance refuses a password and a directory user id', async () => {
        const saml = { InstanceId: samlArns.instanceArn, SecurityProfileIds: [samlArns.securityProfiles.Agent], RoutingProfileId: samlArns.routingProfiles['Basic Routing Profile'] };
        await rejects(create({ ...saml }), 'InvalidRequestException', /Password must not be set/);
        await rejects(create({ ...saml, Password: undefined, DirectoryUserId: 'dir-1' }), 'InvalidRequestException', /DirectoryUserId/);
        const { UserId } = await create({ ...saml, Password: undefined });
        assert.ok(UserId);
    });

    test('per-channel settings are created, and PhoneConfig is the VOICE view of them', async () => {
        const { UserId } = await create({
            PhoneConfig: undefined,
            AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: true, AgentFirstCallbackAutoAccept: true }, { Channel: 'CHAT', AutoAccept: true }],
            AfterContactWorkConfigs: [{ Channel: 'TASK', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 90 } }],
            PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'DESK_PHONE', PhoneNumber: '+14155550100' }],
            VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'NOISE_SUPPRESSION' }],
        });
        const user = await describeUser(UserId!);
        assert.deepEqual(user.PhoneConfig, { PhoneType: 'DESK_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 0, PersistentConnection: false, DeskPhoneNumber: '+14155550100' });
        assert.deepEqual(user.AutoAcceptConfigs?.find((c) => c.Channel === 'CHAT'), { Channel: 'CHAT', AutoAccept: true });
        assert.equal(user.AfterContactWorkConfigs?.find((c) => c.Channel === 'TASK')?.AfterContactWorkConfig?.AfterContactWorkTimeLimit, 90);
        assert.deepEqual(user.VoiceEnhancementConfigs, [{ Channel: 'VOICE', VoiceEnhancementMode: 'NOISE_SUPPRESSION' }]);
    });
});

describe('updates', () => {
    const path = async () => {
        const { UserArn } = await create({ Tags: { a: '1' } });
        return { InstanceId: seed.instanceArn, UserId: UserArn! };
    };

    test('UpdateUserIdentityInfo replaces the whole identity', async () => {
        const ids = await path();
        await client().send(new connect.UpdateUserIdentityInfoCommand({ ...ids, IdentityInfo: { FirstName: 'Grace', LastName: 'Hopper', Email: 'g@example.com' } }));
        assert.deepEqual((await describeUser(ids.UserId)).IdentityInfo, { FirstName: 'Grace', LastName: 'Hopper', Email: 'g@example.com' });
        // Connect manages identities here: the names cannot be taken away.
        await rejects(client().send(new connect.UpdateUserIdentityInfoCommand({ ...ids, IdentityInfo: { Email: 'g@example.com' } })), 'InvalidParameterException', /FirstName is required/);
    });

    test('UpdateUserPhoneConfig sets the ACW on every channel and keeps a desk number after a switch to SOFT_PHONE', async () => {
        const ids = await path();
        await client().send(new connect.UpdateUserPhoneConfigCommand({ ...ids, PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550199', AfterContactWorkTimeLimit: 30, AutoAccept: true } }));
        await client().send(new connect.UpdateUserPhoneConfigCommand({ ...ids, PhoneConfig: { PhoneType: 'SOFT_PHONE' } }));
        const user = await describeUser(ids.UserId);
        assert.deepEqual(user.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30, PersistentConnection: false, DeskPhoneNumber: '+14155550199' });
        assert.ok(user.AfterContactWorkConfigs?.every((c) => c.AfterContactWorkConfig?.AfterContactWorkTimeLimit === 30));
        await rejects(client().send(new connect.UpdateUserPhoneConfigCommand({ ...ids, PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: 'x' } })), 'InvalidParameterException');
    });

    test('routing profile, security profiles (replaced) and hierarchy (set, then cleared two ways)', async () => {
        const ids = await path();
        const seedIds = DEFAULT_SEED.instances[0];
        await client().send(new connect.UpdateUserRoutingProfileCommand({ ...ids, RoutingProfileId: seed.routingProfiles.Sales }));
        await client().send(new connect.UpdateUserSecurityProfilesCommand({ ...ids, SecurityProfileIds: [seed.securityProfiles.Admin, seedIds.securityProfiles[3].id] }));
        await client().send(new connect.UpdateUserHierarchyCommand({ ...ids, HierarchyGroupId: seed.hierarchyGroups.Europe }));
        let user = await describeUser(ids.UserId);
        assert.equal(user.RoutingProfileId, seedIds.routingProfiles[1].id);
        assert.deepEqual(user.SecurityProfileIds, [seedIds.securityProfiles[0].id, seedIds.securityProfiles[3].id]);
        assert.equal(user.HierarchyGroupId, seedIds.hierarchyGroups[0].id);
        await client().send(new connect.UpdateUserHierarchyCommand({ ...ids }));
        assert.equal((await describeUser(ids.UserId)).HierarchyGroupId, undefined);
        await client().send(new connect.UpdateUserHierarchyCommand({ ...ids, HierarchyGroupId: seed.hierarchyGroups.Europe }));
        await client().send(new connect.UpdateUserHierarchyCommand({ ...ids, HierarchyGroupId: '' }));
        user = await describeUser(ids.UserId);
        assert.equal(user.HierarchyGroupId, undefined);
        await rejects(client().send(new connect.UpdateUserSecurityProfilesCommand({ ...ids, SecurityProfileIds: [] })), 'InvalidParameterException');
        await rejects(client().send(new connect.UpdateUserRoutingProfileCommand({ ...ids, RoutingProfileId: 'missing' })), 'ResourceNotFoundException');
    });

    test('UpdateUserConfig changes only the channels it names, with the service rules', async () => {
        const ids = await path();
        await client().send(new connect.UpdateUserConfigCommand({ ...ids, AutoAcceptConfigs: [{ Channel: 'EMAIL', AutoAccept: true }], PersistentConnectionConfigs: [{ Channel: 'VOICE', PersistentConnection: true }] }));
        const user = await describeUser(ids.UserId);
        assert.equal(user.AutoAcceptConfigs?.find((c) => c.Channel === 'EMAIL')?.AutoAccept, true);
        assert.equal(user.AutoAcceptConfigs?.find((c) => c.Channel === 'VOICE')?.AutoAccept, false);
        assert.equal(user.PhoneConfig?.PersistentConnection, true);
        await rejects(client().send(new connect.UpdateUserConfigCommand({ ...ids, VoiceEnhancementConfigs: [{ Channel: 'TASK', VoiceEnhancementMode: 'NONE' }] })), 'InvalidParameterException', /VOICE/);
        await rejects(client().send(new connect.UpdateUserConfigCommand({ ...ids, AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: -1 } }] })), 'InvalidParameterException');
    });

    test('every per-user operation on a missing user is ResourceNotFoundException', async () => {
        const ids = { InstanceId: seed.instanceArn, UserId: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000000` };
        await rejects(client().send(new connect.UpdateUserIdentityInfoCommand({ ...ids, IdentityInfo: {} })), 'ResourceNotFoundException');
        await rejects(client().send(new connect.UpdateUserRoutingProfileCommand({ ...ids, RoutingProfileId: seed.routingProfiles.Sales })), 'ResourceNotFoundException');
        await rejects(client().send(new connect.DeleteUserCommand(ids)), 'ResourceNotFoundException');
        await rejects(client().send(new connect.ListUserProficienciesCommand(ids)), 'ResourceNotFoundException');
        await rejects(client().send(new connect.TagResourceCommand({ resourceArn: ids.UserId, tags: { a: 'b' } })), 'ResourceNotFoundException');
    });

    test('DeleteUser removes the user; a second delete is ResourceNotFoundException', async () => {
        const ids = await path();
        await client().send(new connect.DeleteUserCommand(ids));
        await rejects(client().send(new connect.DescribeUserCommand(ids)), 'ResourceNotFoundException');
        await rejects(client().send(new connect.DeleteUserCommand(ids)), 'ResourceNotFoundException');
    });
});

describe('proficiencies', () => {
    test('associate, update and disassociate, keyed by name and value; list pages through them', async () => {
        const { UserArn } = await create();
        const ids = { InstanceId: seed.instanceArn, UserId: UserArn! };
        await client().send(new connect.AssociateUserProficienciesCommand({
            ...ids,
            UserProficiencies: [
                { AttributeName: 'Language', AttributeValue: 'English', Level: 5 },
                { AttributeName: 'Language', AttributeValue: 'French', Level: 2.5 },
                { AttributeName: 'Technology', AttributeValue: 'Billing', Level: 1 },
            ],
        }));
        await client().send(new connect.UpdateUserProficienciesCommand({ ...ids, UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'French', Level: 4 }] }));
        await client().send(new connect.DisassociateUserProficienciesCommand({ ...ids, UserProficiencies: [{ AttributeName: 'Technology', AttributeValue: 'Billing' }] }));
        const first = await client().send(new connect.ListUserProficienciesCommand({ ...ids, MaxResults: 1 }));
        assert.ok(first.NextToken);
        const second = await client().send(new connect.ListUserProficienciesCommand({ ...ids, MaxResults: 1, NextToken: first.NextToken }));
        assert.equal(second.NextToken, undefined);
        assert.deepEqual([...first.UserProficiencyList!, ...second.UserProficiencyList!], [
            { AttributeName: 'Language', AttributeValue: 'English', Level: 5 },
            { AttributeName: 'Language', AttributeValue: 'French', Level: 4 },
        ]);
    });

    test('levels are 1.0 to 5.0, attributes and values must be predefined, updates need an association', async () => {
        const { UserArn } = await create();
        const ids = { InstanceId: seed.instanceArn, UserId: UserArn! };
        const associate = (p: connect.UserProficiency) => client().send(new connect.AssociateUserProficienciesCommand({ ...ids, UserProficiencies: [p] }));
        await rejects(associate({ AttributeName: 'Language', AttributeValue: 'English', Level: 6 }), 'InvalidParameterException', /Level/);
        await rejects(associate({ AttributeName: 'Language', AttributeValue: 'English', Level: 0.5 }), 'InvalidParameterException', /Level/);
        await rejects(associate({ AttributeName: 'Cooking', AttributeValue: 'Pasta', Level: 3 }), 'ResourceNotFoundException', /Cooking/);
        await rejects(associate({ AttributeName: 'Language', AttributeValue: 'Klingon', Level: 3 }), 'InvalidParameterException', /Klingon/);
        await rejects(
            client().send(new connect.UpdateUserProficienciesCommand({ ...ids, UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'German', Level: 3 }] })),
            'InvalidParameterException',
            /associate it first/,
        );
    });
});

describe('tags', () => {
    test('TagResource merges, UntagResource removes, ListTagsForResource and DescribeUser agree', async () => {
        const { UserArn } = await create({ Tags: { keep: '1', change: 'old', drop: 'x' } });
        await client().send(new connect.TagResourceCommand({ resourceArn: UserArn, tags: { change: 'new', add: 'y' } }));
        await client().send(new connect.UntagResourceCommand({ resourceArn: UserArn, tagKeys: ['drop', 'not-there'] }));
        const expected = { keep: '1', change: 'new', add: 'y' };
        assert.deepEqual((await client().send(new connect.ListTagsForResourceCommand({ resourceArn: UserArn }))).tags, expected);
        assert.deepEqual((await describeUser(UserArn!)).Tags, expected);
    });

    test('tag limits: aws: keys, no keys to remove, more than 50 in all, a resource that is not an ARN', async () => {
        const { UserArn } = await create({ Tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) });
        await rejects(client().send(new connect.TagResourceCommand({ resourceArn: UserArn, tags: { 'aws:cloudformation:stack-name': 's' } })), 'InvalidParameterException');
        await rejects(client().send(new connect.TagResourceCommand({ resourceArn: UserArn, tags: { extra: 'v' } })), 'InvalidParameterException', /at most 50/);
        await rejects(client().send(new connect.UntagResourceCommand({ resourceArn: UserArn, tagKeys: [] })), 'InvalidParameterException', /tagKeys/);
        await rejects(client().send(new connect.ListTagsForResourceCommand({ resourceArn: 'user-id' })), 'InvalidParameterException');
    });
});

describe('lists and look-ups', () => {
    test('ListUsers pages with MaxResults and NextToken, in a stable order, with no token on the last page', async () => {
        const names = [];
        for (let i = 0; i < 5; i++) names.push((await create()).UserId);
        const seen: string[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
            const page = await client().send(new connect.ListUsersCommand({ InstanceId: seed.instanceArn, MaxResults: 2, NextToken: token }));
            seen.push(...page.UserSummaryList!.map((u) => u.Id!));
            token = page.NextToken;
            pages++;
        } while (token);
        assert.deepEqual(seen, names);
        assert.equal(pages, 3);
        const paginated = [];
        for await (const page of connect.paginateListUsers({ client: client(), pageSize: 3 }, { InstanceId: instanceId })) paginated.push(...page.UserSummaryList!);
        assert.equal(paginated.length, 5);
    });

    test('a bad NextToken or MaxResults is InvalidParameterException', async () => {
        await rejects(client().send(new connect.ListUsersCommand({ InstanceId: seed.instanceArn, NextToken: 'garbage' })), 'InvalidParameterException', /NextToken/);
        await rejects(client().send(new connect.ListUsersCommand({ InstanceId: seed.instanceArn, MaxResults: 1001 })), 'InvalidParameterException', /maxResults/);
        await rejects(client().send(new connect.ListUserProficienciesCommand({ InstanceId: seed.instanceArn, UserId: 'x', MaxResults: 101 })), 'InvalidParameterException');
    });

    test('DescribeInstance and the summary lists show the seed', async () => {
        const { Instance } = await client().send(new connect.DescribeInstanceCommand({ InstanceId: seed.instanceArn }));
        assert.equal(Instance?.IdentityManagementType, 'CONNECT_MANAGED');
        assert.ok(Instance?.CreatedTime instanceof Date);
        const profiles = await client().send(new connect.ListSecurityProfilesCommand({ InstanceId: instanceId, MaxResults: 2 }));
        assert.equal(profiles.SecurityProfileSummaryList?.length, 2);
        assert.ok(profiles.NextToken);
        const routing = await client().send(new connect.ListRoutingProfilesCommand({ InstanceId: instanceId }));
        assert.deepEqual(routing.RoutingProfileSummaryList?.map((r) => r.Arn), Object.values(seed.routingProfiles));
        const groups = await client().send(new connect.ListUserHierarchyGroupsCommand({ InstanceId: instanceId }));
        assert.deepEqual(groups.UserHierarchyGroupSummaryList?.map((g) => g.Name), ['Europe', 'North America']);
        const attributes = await client().send(new connect.ListPredefinedAttributesCommand({ InstanceId: instanceId }));
        assert.deepEqual(attributes.PredefinedAttributeSummaryList?.map((a) => a.Name), ['Language', 'Technology']);
        await rejects(client().send(new connect.DescribeInstanceCommand({ InstanceId: '00000000-0000-4000-8000-000000000000' })), 'ResourceNotFoundException');
    });
});
