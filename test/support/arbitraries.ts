// fast-check arbitraries for AWS::Connect::User models, as CloudFormation JSON (PascalCase).
import fc from 'fast-check';

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
