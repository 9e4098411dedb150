// The emulator's default seed: one CONNECT_MANAGED instance in us-east-1 of account
// 123456789012 as a new Connect instance comes (Admin, Agent, CallCenterManager,
// QualityAnalyst security profiles; Basic Routing Profile), plus a few extras, and a second
// SAML instance for the identity-management rules. IDs are stable: sam-tests/, inputs/ and the
// demo name them.
import { readFileSync } from 'node:fs';
import type { Seed, SeedInstance } from './service';

export const DEFAULT_SEED: Seed = {
    instances: [
        {
            id: '5f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
            region: 'us-east-1',
            accountId: '123456789012',
            alias: 'local-connect',
            identityManagementType: 'CONNECT_MANAGED',
            routingProfiles: [
                { id: 'c0a80001-0000-4000-8000-000000000001', name: 'Basic Routing Profile' },
                { id: 'c0a80001-0000-4000-8000-000000000002', name: 'Sales' },
                { id: 'c0a80001-0000-4000-8000-000000000003', name: 'Support' },
            ],
            securityProfiles: [
                { id: 'c0a80001-0000-4000-8000-000000000101', name: 'Admin' },
                { id: 'c0a80001-0000-4000-8000-000000000102', name: 'Agent' },
                { id: 'c0a80001-0000-4000-8000-000000000103', name: 'CallCenterManager' },
                { id: 'c0a80001-0000-4000-8000-000000000104', name: 'QualityAnalyst' },
            ],
            hierarchyGroups: [
                { id: 'c0a80001-0000-4000-8000-000000000201', name: 'Europe' },
                { id: 'c0a80001-0000-4000-8000-000000000202', name: 'North America' },
            ],
            predefinedAttributes: [
                { name: 'Language', values: ['English', 'Spanish', 'French', 'German'] },
                { name: 'Technology', values: ['Billing', 'Networking', 'Hardware'] },
            ],
        },
        {
            id: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
            region: 'us-east-1',
            accountId: '123456789012',
            alias: 'local-connect-saml',
            identityManagementType: 'SAML',
            routingProfiles: [{ id: 'd0a80001-0000-4000-8000-000000000001', name: 'Basic Routing Profile' }],
            securityProfiles: [{ id: 'd0a80001-0000-4000-8000-000000000102', name: 'Agent' }],
            hierarchyGroups: [],
            predefinedAttributes: [],
        },
    ],
};

/** ARNs of a seeded instance's things, by name, as templates and tests refer to them. */
export function seedArns(instance: SeedInstance = DEFAULT_SEED.instances[0]) {
    const instanceArn = `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.id}`;
    const byName = (kind: string, items: { id: string; name: string }[]) =>
        Object.fromEntries(items.map((item) => [item.name, `${instanceArn}/${kind}/${item.id}`]));
    return {
        instanceArn,
        routingProfiles: byName('routing-profile', instance.routingProfiles),
        securityProfiles: byName('security-profile', instance.securityProfiles),
        hierarchyGroups: byName('agent-group', instance.hierarchyGroups),
    };
}

/** Reads a seed file, checking the shape enough to give a clear error instead of a crash later. */
export function loadSeed(file: string): Seed {
    const seed = JSON.parse(readFileSync(file, 'utf8')) as Seed;
    if (!Array.isArray(seed?.instances) || seed.instances.length === 0) throw new Error(`${file}: a seed needs an "instances" array`);
    for (const [index, instance] of seed.instances.entries()) {
        for (const key of ['id', 'region', 'accountId', 'alias', 'identityManagementType'] as const) {
            if (typeof instance[key] !== 'string') throw new Error(`${file}: instances[${index}].${key} must be a string`);
        }
        for (const key of ['routingProfiles', 'securityProfiles', 'hierarchyGroups', 'predefinedAttributes'] as const) {
            instance[key] ??= [];
            if (!Array.isArray(instance[key])) throw new Error(`${file}: instances[${index}].${key} must be an array`);
        }
    }
    return seed;
}
