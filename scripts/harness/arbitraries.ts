// fast-check arbitraries for AWS::Connect::User models, as CloudFormation JSON (PascalCase).
import fc from 'fast-check';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';

const id = fc.uuid();
const instanceId = fc.constantFrom('11111111-2222-3333-4444-555555555555', 'a1b2c3d4-0000-4000-8000-000000000001');
const instanceArn = instanceId.map((i) => `arn:aws:connect:us-east-1:123456789012:instance/${i}`);
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/);

/** Any structurally valid model: optional members appear or not, arrays vary in length. */
export const userModelJson = fc
    .record(
        {
            InstanceArn: instanceArn,
            Username: fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/),
            Password: fc.constant('Passw0rd!Example'),
            DirectoryUserId: id,
            RoutingProfileArn: id.map((i) => `arn:aws:connect:us-east-1:123456789012:instance/x/routing-profile/${i}`),
            HierarchyGroupArn: id.map((i) => `arn:aws:connect:us-east-1:123456789012:instance/x/agent-group/${i}`),
            UserArn: id.map((i) => `arn:aws:connect:us-east-1:123456789012:instance/x/agent/${i}`),
            SecurityProfileArns: fc.uniqueArray(
                id.map((i) => `arn:aws:connect:us-east-1:123456789012:instance/x/security-profile/${i}`),
                { minLength: 1, maxLength: 10 },
            ),
            IdentityInfo: fc.record(
                { FirstName: word, LastName: word, Email: word.map((w) => `${w}@example.com`), SecondaryEmail: word.map((w) => `${w}@example.org`), Mobile: fc.constant('+14155550100') },
                { requiredKeys: [] },
            ),
            PhoneConfig: fc.record(
                {
                    PhoneType: fc.constantFrom('SOFT_PHONE', 'DESK_PHONE'),
                    AutoAccept: fc.boolean(),
                    AfterContactWorkTimeLimit: fc.integer({ min: 0, max: 2_000_000 }),
                    DeskPhoneNumber: fc.constant('+14155550101'),
                    PersistentConnection: fc.boolean(),
                },
                { requiredKeys: ['PhoneType'] },
            ),
            Tags: fc.uniqueArray(fc.record({ Key: word, Value: fc.string({ maxLength: 20 }) }), { maxLength: 5, selector: (t) => t.Key }),
            UserProficiencies: fc.array(
                fc.record({ AttributeName: word, AttributeValue: word, Level: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 1, max: 5, noNaN: true })) }),
                { maxLength: 4 },
            ),
        },
        { requiredKeys: ['InstanceArn', 'Username', 'RoutingProfileArn', 'SecurityProfileArns', 'PhoneConfig'] },
    )
    // Plain JSON objects, as a Lambda event holds them (fast-check may build null-prototype records).
    .map((model) => JSON.parse(JSON.stringify(model)));


const seeded = seedArns();
const attributeValues = DEFAULT_SEED.instances[0].predefinedAttributes.flatMap((a) => a.values.map((value) => ({ AttributeName: a.name, AttributeValue: value })));
const personName = fc.stringMatching(/^[A-Z][a-z]{1,10}$/);

/** Valid models that the emulator's default seed accepts as they are (Username made unique by the caller). */
export const seededUserModel = fc
    .record(
        {
            InstanceArn: fc.constant(seeded.instanceArn),
            Username: fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/),
            Password: fc.constant('Passw0rdExample'),
            IdentityInfo: fc.record(
                {
                    FirstName: personName,
                    LastName: personName,
                    Email: personName.map((n) => `${n.toLowerCase()}@example.com`),
                    SecondaryEmail: personName.map((n) => `${n.toLowerCase()}@example.org`),
                    Mobile: fc.constantFrom('+14155550100', '+442079460000'),
                },
                { requiredKeys: ['FirstName', 'LastName'] },
            ),
            PhoneConfig: fc.oneof(
                fc.record({ PhoneType: fc.constant('SOFT_PHONE'), AutoAccept: fc.boolean(), AfterContactWorkTimeLimit: fc.integer({ min: 0, max: 2_000_000 }), PersistentConnection: fc.boolean() }, { requiredKeys: ['PhoneType'] }),
                fc.record(
                    { PhoneType: fc.constant('DESK_PHONE'), DeskPhoneNumber: fc.constantFrom('+14155550101', '+14155550102'), AutoAccept: fc.boolean(), AfterContactWorkTimeLimit: fc.integer({ min: 0, max: 600 }) },
                    { requiredKeys: ['PhoneType', 'DeskPhoneNumber'] },
                ),
            ),
            SecurityProfileArns: fc.subarray(Object.values(seeded.securityProfiles), { minLength: 1 }),
            RoutingProfileArn: fc.constantFrom(...Object.values(seeded.routingProfiles)),
            HierarchyGroupArn: fc.constantFrom(...Object.values(seeded.hierarchyGroups)),
            Tags: fc.uniqueArray(fc.record({ Key: fc.constantFrom('team', 'env', 'cost-center', 'owner', 'app'), Value: fc.stringMatching(/^[a-z0-9]{0,8}$/) }), {
                selector: (t) => t.Key,
                maxLength: 5,
            }),
            UserProficiencies: fc.uniqueArray(
                fc.record({ pair: fc.constantFrom(...attributeValues), Level: fc.constantFrom(1, 2, 2.5, 3, 4, 5) }).map(({ pair, Level }) => ({ ...pair, Level })),
                { selector: (p) => `${p.AttributeName}=${p.AttributeValue}`, maxLength: 4 },
            ),
        },
        { requiredKeys: ['InstanceArn', 'Username', 'Password', 'IdentityInfo', 'PhoneConfig', 'SecurityProfileArns', 'RoutingProfileArn'] },
    )
    .map((model) => JSON.parse(JSON.stringify(model)));

type Json = Record<string, any>;
const CHANNELS = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];
/** A list with at most one entry per channel (maybe empty), or no list at all. */
const perChannel = (channels: string[], entry: (channel: string) => fc.Arbitrary<Json>) =>
    fc.option(fc.subarray(channels).chain((picked) => fc.tuple(...picked.map(entry))), { nil: undefined });
const limit = fc.record({ AfterContactWorkTimeLimit: fc.integer({ min: 0, max: 2_000_000 }) });

/**
 * seededUserModel plus per-channel lists, made consistent with PhoneConfig the way a template
 * author would: where PhoneConfig and a VOICE entry both speak, PhoneConfig says the same.
 */
export const seededUserModelWithChannels = fc
    .record({
        base: seededUserModel,
        AutoAcceptConfigs: perChannel(CHANNELS, (Channel) =>
            fc.record({ Channel: fc.constant(Channel), AutoAccept: fc.boolean(), ...(Channel === 'VOICE' ? { AgentFirstCallbackAutoAccept: fc.boolean() } : {}) }, { requiredKeys: ['Channel', 'AutoAccept'] }),
        ),
        AfterContactWorkConfigs: perChannel(CHANNELS, (Channel) =>
            fc.record({ Channel: fc.constant(Channel), AfterContactWorkConfig: limit, ...(Channel === 'VOICE' ? { AgentFirstCallbackAfterContactWorkConfig: limit } : {}) }, { requiredKeys: ['Channel', 'AfterContactWorkConfig'] }),
        ),
        PhoneNumberConfigs: perChannel(['VOICE'], (Channel) =>
            fc.oneof(
                fc.record({ Channel: fc.constant(Channel), PhoneType: fc.constant('SOFT_PHONE') }),
                fc.record({ Channel: fc.constant(Channel), PhoneType: fc.constant('DESK_PHONE'), PhoneNumber: fc.constantFrom('+14155550103', '+14155550104') }),
            ),
        ),
        PersistentConnectionConfigs: perChannel(['VOICE'], (Channel) => fc.record({ Channel: fc.constant(Channel), PersistentConnection: fc.boolean() })),
        VoiceEnhancementConfigs: perChannel(['VOICE'], (Channel) => fc.record({ Channel: fc.constant(Channel), VoiceEnhancementMode: fc.constantFrom('VOICE_ISOLATION', 'NOISE_SUPPRESSION', 'NONE') })),
    })
    .map(({ base, ...lists }) => {
        const model: Json = structuredClone(base);
        const phone = model.PhoneConfig;
        const voice = (list: Json[] | undefined) => list?.find((e) => e.Channel === 'VOICE');
        for (const [name, list] of Object.entries(lists)) if (list) model[name] = list;
        const autoAccept = voice(lists.AutoAcceptConfigs);
        if (autoAccept && phone.AutoAccept !== undefined) phone.AutoAccept = autoAccept.AutoAccept;
        const acw = voice(lists.AfterContactWorkConfigs);
        if (acw && phone.AfterContactWorkTimeLimit !== undefined) phone.AfterContactWorkTimeLimit = acw.AfterContactWorkConfig.AfterContactWorkTimeLimit;
        const persistent = voice(lists.PersistentConnectionConfigs);
        if (persistent && phone.PersistentConnection !== undefined) phone.PersistentConnection = persistent.PersistentConnection;
        const number = voice(lists.PhoneNumberConfigs);
        if (number) {
            phone.PhoneType = number.PhoneType;
            if (number.PhoneType === 'DESK_PHONE' && phone.DeskPhoneNumber !== undefined) phone.DeskPhoneNumber = number.PhoneNumber;
            if (number.PhoneType === 'SOFT_PHONE') delete phone.DeskPhoneNumber;
        }
        return JSON.parse(JSON.stringify(model));
    });
