import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { recast, validateProperties } from '../../src/validate';
import { TYPE_NAME_PATTERN } from '../support/type-name';

const seed = seedArns();
const valid = () => ({
    InstanceArn: seed.instanceArn,
    Username: 'ada.lovelace',
    Password: 'Passw0rdSecret',
    PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    SecurityProfileArns: [seed.securityProfiles.Agent],
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
}) as Record<string, any>;

test('a valid model passes, and CloudFormation strings come back as the schema types', () => {
    const result = validateProperties({ ...valid(), PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: 'TRUE', AfterContactWorkTimeLimit: '30', PersistentConnection: 'false' }, UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: '2.5' }] });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.properties.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30, PersistentConnection: false });
    assert.equal((result.properties.UserProficiencies as any)[0].Level, 2.5);
});

test('recast leaves what it cannot read for the schema to refuse, and never follows __proto__', () => {
    assert.deepEqual(recast({ PhoneConfig: { AutoAccept: 'yes', AfterContactWorkTimeLimit: '1.5' } }), { PhoneConfig: { AutoAccept: 'yes', AfterContactWorkTimeLimit: '1.5' } });
    const polluted = recast(JSON.parse('{"__proto__": {"polluted": true}, "Username": "a"}')) as any;
    assert.equal(({} as any).polluted, undefined);
    assert.ok(Object.prototype.hasOwnProperty.call(polluted, '__proto__'));
});

const invalid: [string, (m: Record<string, any>) => void, RegExp][] = [
    ['an unknown property', (m) => (m.Nickname = 'x'), new RegExp(`Nickname is not a property of ${TYPE_NAME_PATTERN}; remove it`)],
    ['an unknown nested property', (m) => (m.PhoneConfig.Ringtone = 'x'), /PhoneConfig\.Ringtone is not a property of PhoneConfig/],
    ['a missing required property', (m) => delete m.RoutingProfileArn, /RoutingProfileArn is required/],
    ['a wrong type', (m) => (m.SecurityProfileArns = seed.securityProfiles.Agent), /SecurityProfileArns must be of type array/],
    ['a bad boolean string', (m) => (m.PhoneConfig.AutoAccept = 'yes'), /PhoneConfig\.AutoAccept must be of type boolean/],
    ['a fractional ACW', (m) => (m.PhoneConfig.AfterContactWorkTimeLimit = 1.5), /PhoneConfig\.AfterContactWorkTimeLimit must be a whole number/],
    ['a negative ACW', (m) => (m.PhoneConfig.AfterContactWorkTimeLimit = -1), /AfterContactWorkTimeLimit must be >= 0/],
    ['a bad ARN', (m) => (m.RoutingProfileArn = 'routing-profile-1'), /RoutingProfileArn must be a routing profile ARN/],
    ['an ARN of another instance', (m) => (m.RoutingProfileArn = 'arn:aws:connect:us-east-1:123456789012:instance/other/routing-profile/r'), /RoutingProfileArn must belong to the instance in InstanceArn/],
    ['a security profile of another instance', (m) => m.SecurityProfileArns.push('arn:aws:connect:us-east-1:123456789012:instance/other/security-profile/s'), /SecurityProfileArns\[1\] must belong/],
    ['11 security profiles', (m) => (m.SecurityProfileArns = Array.from({ length: 11 }, (_, i) => `${seed.instanceArn}/security-profile/${i}`)), /SecurityProfileArns has 11 items; at most 10 are allowed/],
    ['the same security profile twice', (m) => m.SecurityProfileArns.push(m.SecurityProfileArns[0]), /SecurityProfileArns must not list the same item twice/],
    ['51 tags', (m) => (m.Tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }))), /Tags has 51 items; at most 50 are allowed/],
    ['an aws: tag key', (m) => (m.Tags = [{ Key: 'aws:owner', Value: 'me' }]), /Tags\[0\]\.Key must be a key that does not start with aws:/],
    ['a duplicate tag key', (m) => (m.Tags = [{ Key: 'team', Value: 'a' }, { Key: 'team', Value: 'b' }]), /Tags must not repeat a key: team/],
    ['101 proficiencies', (m) => (m.UserProficiencies = Array.from({ length: 101 }, (_, i) => ({ AttributeName: 'L', AttributeValue: `v${i}`, Level: 1 }))), /UserProficiencies has 101 items; at most 100 are allowed/],
    ['a duplicate proficiency', (m) => (m.UserProficiencies = [{ AttributeName: 'L', AttributeValue: 'E', Level: 1 }, { AttributeName: 'L', AttributeValue: 'E', Level: 2 }]), /UserProficiencies must not repeat an attribute value: L=E/],
    ['a level of 6', (m) => (m.UserProficiencies = [{ AttributeName: 'L', AttributeValue: 'E', Level: 6 }]), /UserProficiencies\[0\]\.Level must be <= 5/],
    ['a level of 0', (m) => (m.UserProficiencies = [{ AttributeName: 'L', AttributeValue: 'E', Level: 0 }]), /Level must be >= 1/],
    ['DESK_PHONE without a number', (m) => (m.PhoneConfig = { PhoneType: 'DESK_PHONE' }), /PhoneConfig\.DeskPhoneNumber is required when PhoneConfig\.PhoneType is DESK_PHONE/],
    ['a desk number not in E.164', (m) => (m.PhoneConfig = { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '555-0100' }), /DeskPhoneNumber must be an E\.164 phone number/],
    ['an unknown phone type', (m) => (m.PhoneConfig.PhoneType = 'CELL'), /PhoneType must be one of SOFT_PHONE, DESK_PHONE/],
    ['a weak password', (m) => (m.Password = 'password'), /Password must be 8 to 64 characters with at least one lower-case letter/],
    ['a username with a space', (m) => (m.Username = 'ada lovelace'), /Username must be letters, digits and _ - \. @ only/],
    ['a 65-character username', (m) => (m.Username = 'a'.repeat(65)), /Username must NOT have more than 64 characters/],
    ['a control character', (m) => (m.IdentityInfo = { FirstName: 'Ada\u0007', LastName: 'L' }), /IdentityInfo\.FirstName must not contain control characters/],
    ['a lone surrogate', (m) => (m.IdentityInfo = { FirstName: 'Ada\ud800', LastName: 'L' }), /IdentityInfo\.FirstName is not valid Unicode text/],
    ['NaN', (m) => (m.UserProficiencies = [{ AttributeName: 'L', AttributeValue: 'E', Level: NaN }]), /UserProficiencies\[0\]\.Level must be (of type number|a finite number)/],
    ['properties that are not an object', (m) => Object.keys(m).forEach((k) => delete m[k]), /InstanceArn is required/],
];
for (const [name, breakIt, message] of invalid) {
    test(`refused with the property named: ${name}`, () => {
        const model = valid();
        breakIt(model);
        const result = validateProperties(model);
        assert.equal(result.ok, false);
        if (!result.ok) {
            assert.ok(result.problems.some((p) => message.test(p)), result.problems.join(' | '));
            assert.equal(result.problems.join(' ').includes('Passw0rdSecret'), false);
        }
    });
}

test('the password is never in a message, whatever is wrong with it', () => {
    for (const password of ['short1A', 'x'.repeat(100), 'nouppercase1', 12345678]) {
        const result = validateProperties({ ...valid(), Password: password });
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.problems.join(' ').includes(String(password)), false, String(password));
    }
});

test('a non-object is refused without a crash', () => {
    for (const value of [null, 'x', 42, [], undefined]) assert.equal(validateProperties(value).ok, false);
});
