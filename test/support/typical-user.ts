// One typical user template on the emulator's default seed, for handler tests: a fresh Username
// on every call (`prefix-N`, within Connect's 20 characters), anything else overridable.
import { seedArns } from '../../local/connect-emulator/seed';
import type { Properties } from './lambda';

const seed = seedArns();
let counter = 0;

export function typicalUser(prefix: string, overrides: Properties = {}): Properties {
    return {
        InstanceArn: seed.instanceArn,
        Username: `${prefix}-${++counter}`,
        Password: 'Typical-Passw0rd',
        IdentityInfo: { FirstName: 'Ada', LastName: 'Lovelace' },
        PhoneConfig: { PhoneType: 'SOFT_PHONE' },
        SecurityProfileArns: [seed.securityProfiles.Agent],
        RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
        UserProficiencies: [
            { AttributeName: 'Language', AttributeValue: 'English', Level: 2 },
            { AttributeName: 'Technology', AttributeValue: 'Billing', Level: 3 },
        ],
        ...overrides,
    };
}
