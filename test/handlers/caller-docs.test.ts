// The examples users copy from their tools' documentation. Alchemy's AWS::Connect::User page
// (alchemy.run, providers/aws-control/connect/user): its minimal example verbatim, and its
// advanced one as far as the stored copy of the page shows it, with the UserProficiencies the
// page gives; ARNs swapped for the emulator's. Neither is the type's shape: the messages must
// say what was meant, in one FAILED InvalidRequest, before any Connect call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { useEmulator } from '../support/emulator';
import { freshBeforeEach, invoke } from '../support/lambda';
import { TYPE_NAME_PATTERN } from '../support/type-name';

const emulator = useEmulator();
const seed = seedArns();
freshBeforeEach(emulator);

const minimal = {
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    Username: 'john.doe',
    PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 0, PhoneNumber: '+15555551234' },
    InstanceArn: seed.instanceArn,
    SecurityProfileArns: [seed.securityProfiles.Agent],
    Tags: [
        { Key: 'Department', Value: 'Sales' },
        { Key: 'Location', Value: 'New York' },
    ],
};

const advanced = {
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    Username: 'jane.smith',
    PhoneConfig: { PhoneType: 'DESK_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 0, PhoneNumber: '+15555559876' },
    InstanceArn: seed.instanceArn,
    SecurityProfileArns: [seed.securityProfiles.Agent],
    IdentityInfo: { FirstName: 'Jane', LastName: 'Smith', Email: 'jane.smith@example.com' },
    UserProficiencies: [{ Language: 'English', Proficiency: 'Fluent' }],
};

test('Alchemy\'s minimal example: PhoneConfig.PhoneNumber, did you mean DeskPhoneNumber', async () => {
    const event = await invoke('CREATE', minimal);
    assert.equal(event.status, 'FAILED');
    assert.equal(event.errorCode, 'InvalidRequest');
    assert.match(event.message!, /PhoneConfig\.PhoneNumber is not a property of PhoneConfig; did you mean DeskPhoneNumber\? PhoneConfig takes [A-Za-z, ]*DeskPhoneNumber/);
    assert.deepEqual(emulator().journal, [], 'no Connect call');
});

test('Alchemy\'s advanced example: one message with the proficiency item it should be, and the phone number', async () => {
    const event = await invoke('CREATE', advanced);
    assert.equal(event.status, 'FAILED');
    assert.equal(event.errorCode, 'InvalidRequest');
    const message = event.message!;
    assert.match(message, /UserProficiencies\[0\] must be \{ AttributeName, AttributeValue, Level 1–5 \}; it has Language, Proficiency/);
    assert.match(message, /did you mean DeskPhoneNumber/);
    // One problem for the item, not one per member.
    assert.equal(message.match(/UserProficiencies\[0\]/g)!.length, 1, message);
    assert.deepEqual(emulator().journal, [], 'no Connect call');
});

test('a slip of case, a name from Connect\'s API, a property that is nowhere near', async () => {
    const base = { ...minimal, PhoneConfig: { PhoneType: 'SOFT_PHONE' } };
    const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...base, routingProfileArn: base.RoutingProfileArn }, new RegExp(`routingProfileArn is not a property of ${TYPE_NAME_PATTERN}; did you mean RoutingProfileArn\\?`)],
        [{ ...base, SecurityProfileIds: ['x'] }, new RegExp(`SecurityProfileIds is not a property of ${TYPE_NAME_PATTERN}; did you mean SecurityProfileArns\\?`)],
        [{ ...base, IdentityInfo: { FirstName: 'A', LastName: 'B', Emial: 'a@example.com' } }, /IdentityInfo\.Emial is not a property of IdentityInfo; did you mean Email\?/],
        [{ ...base, Nickname: 'x' }, new RegExp(`Nickname is not a property of ${TYPE_NAME_PATTERN}; remove it\\. It takes InstanceArn, `)],
    ];
    for (const [properties, expected] of cases) {
        const event = await invoke('CREATE', properties);
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, expected);
    }
});
