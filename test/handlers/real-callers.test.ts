// Requests as the real callers send them, through the bundle's Lambda entrypoint against the
// emulator: templates written for the type AWS publishes in 2026-08, and updates whose previous
// state comes from an output (cfn test, Cloud Control), so it never carries the Password.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { drive, freshBeforeEach, Properties } from '../support/lambda';
import { useEmulator } from '../support/emulator';

const emulator = useEmulator();
const seed = seedArns();
const PASSWORD = 'Real-Caller-Passw0rd';
let counter = 0;
const template = (overrides: Properties = {}): Properties => ({
    InstanceArn: seed.instanceArn,
    Username: `real-caller-${++counter}`,
    Password: PASSWORD,
    IdentityInfo: { FirstName: 'Grace', LastName: 'Hopper' },
    SecurityProfileArns: [seed.securityProfiles.Agent],
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    ...overrides,
});
const operations = () => emulator().journal.map((entry) => entry.operation);
const stored = (userArn: string) => emulator().users().find((user) => user.arn === userArn)!;

async function create(properties: Properties) {
    const { event } = await drive('CREATE', properties);
    assert.equal(event.status, 'SUCCESS', event.message);
    return event.resourceModel!;
}

freshBeforeEach(emulator);

describe('templates for the type AWS publishes in 2026-08', () => {
    test('no PhoneConfig: created with Connect defaults, read returns the live VOICE settings, an update leaves the phone alone', async () => {
        const properties = template();
        const output = await create(properties);
        assert.deepEqual(output.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false });
        emulator().journal.length = 0;
        const { event } = await drive('UPDATE', { ...properties, UserArn: output.UserArn, IdentityInfo: { FirstName: 'Grace', LastName: 'Murray' } }, { previous: properties });
        assert.equal(event.status, 'SUCCESS', event.message);
        assert.deepEqual(operations().filter((op) => op.startsWith('Update')), ['UpdateUserIdentityInfo']);
    });

    test('PhoneConfig without PhoneType: the other members apply, the phone stays a soft phone', async () => {
        const output = await create(template({ PhoneConfig: { AutoAccept: true, AfterContactWorkTimeLimit: 45 } }));
        assert.deepEqual(output.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 45, PersistentConnection: false });
    });

    test('removing PhoneConfig in an update sets the VOICE settings back to the defaults', async () => {
        const properties = template({ PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550100', AutoAccept: true, AfterContactWorkTimeLimit: 60 } });
        const output = await create(properties);
        const { PhoneConfig: _removed, ...rest } = properties;
        const { event } = await drive('UPDATE', { ...rest, UserArn: output.UserArn }, { previous: properties });
        assert.equal(event.status, 'SUCCESS', event.message);
        assert.deepEqual(event.resourceModel!.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false });
    });

    for (const key of ['cost center', 'owner@team', 'Kostenstelle-ü', 'a+b-c=d']) {
        test(`tag key ${JSON.stringify(key)} is accepted, stored and read back`, async () => {
            const output = await create(template({ Tags: [{ Key: key, Value: 'x' }] }));
            assert.deepEqual(output.Tags, [{ Key: key, Value: 'x' }]);
            assert.equal(stored(output.UserArn).tags[key], 'x');
        });
    }

    test('a tag key Connect refuses gets Connect\'s own error, as InvalidRequest, and leaves no user', async () => {
        const properties = template({ Tags: [{ Key: 'cost;center', Value: 'x' }] });
        const { event } = await drive('CREATE', properties);
        assert.equal(event.status, 'FAILED');
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, /^CreateUser failed: .*Tags/);
        assert.equal(emulator().users().some((user) => user.username === properties.Username), false);
    });

    test('what Connect refuses is refused before any call, by name and with the reason', async () => {
        const cases: [Properties, RegExp][] = [
            [{ UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 0 }] }, /UserProficiencies\[0\]\.Level must be >= 1: Amazon Connect accepts proficiency levels 1 to 5 only/],
            [{ UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 10 }] }, /UserProficiencies\[0\]\.Level must be <= 5: Amazon Connect accepts proficiency levels 1 to 5 only/],
            [
                { AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30, AfterContactWorkMode: 'ON' } }] },
                /AfterContactWorkConfigs\[0\]\.AfterContactWorkConfig\.AfterContactWorkMode cannot be set: no Amazon Connect API takes an after contact work mode/,
            ],
            [{ Tags: [{ Key: 'aws:owner', Value: 'x' }] }, /Tags\[0\]\.Key must be a key that does not start with aws:/],
        ];
        for (const [overrides, message] of cases) {
            emulator().journal.length = 0;
            const { event } = await drive('CREATE', template(overrides));
            assert.equal(event.status, 'FAILED');
            assert.equal(event.errorCode, 'InvalidRequest');
            assert.match(event.message!, message);
            assert.doesNotMatch(event.message!, /is not a property/);
            assert.deepEqual(operations(), []);
        }
    });
});

describe('updates whose previous state never carries the Password', () => {
    test('Password in desired, absent from previous (cfn test, Cloud Control): SUCCESS, and no call for it', async () => {
        const properties = template({ Tags: [{ Key: 'team', Value: 'blue' }] });
        const output = await create(properties);
        emulator().journal.length = 0;
        const desired = { ...properties, UserArn: output.UserArn, Tags: [{ Key: 'team', Value: 'green' }] };
        const { event } = await drive('UPDATE', desired, { previous: output });
        assert.equal(event.status, 'SUCCESS', event.message);
        assert.deepEqual(operations().filter((op) => /^(Update|Tag|Untag)/.test(op)), ['TagResource']);
        assert.equal(event.resourceModel!.Password, undefined);
    });

    test('a Password that differs from the one previous carries is still NotUpdatable', async () => {
        const properties = template();
        const output = await create(properties);
        const { event } = await drive('UPDATE', { ...properties, UserArn: output.UserArn, Password: 'Another-Passw0rd' }, { previous: properties });
        assert.equal(event.status, 'FAILED');
        assert.equal(event.errorCode, 'NotUpdatable');
        assert.doesNotMatch(event.message!, /Another-Passw0rd|Real-Caller-Passw0rd/);
    });

    test('an update of a deleted user is NotFound, even when it also asks for what cannot change', async () => {
        const properties = template();
        const output = await create(properties);
        assert.equal((await drive('DELETE', { UserArn: output.UserArn })).event.status, 'SUCCESS');
        for (const desired of [{ ...properties, UserArn: output.UserArn }, { ...properties, UserArn: output.UserArn, Password: 'Another-Passw0rd' }]) {
            const { event } = await drive('UPDATE', desired, { previous: properties });
            assert.equal(event.status, 'FAILED');
            assert.equal(event.errorCode, 'NotFound', event.message);
        }
    });
});
