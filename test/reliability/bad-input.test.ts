// The bad-input corpus (test/fixtures/bad-inputs.json) through CREATE and UPDATE: every case
// FAILED InvalidRequest, naming the property, with no Connect call and no password echoed;
// malformed Lambda events a FAILED event, never a crash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { useEmulator } from '../support/emulator';
import { captured, handlerRequest, invokeRaw, loadBundle, Properties } from '../support/lambda';

const corpus = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/bad-inputs.json'), 'utf8'));
const emulator = useEmulator();
const seed = seedArns();
const PASSWORD = 'Corpus!Distinct1vePassword';
const USER_ARN = `${seed.instanceArn}/agent/00000000-0000-4000-8000-00000000c0de`;
const valid = (): Properties => ({
    InstanceArn: seed.instanceArn,
    Username: 'corpus-agent',
    Password: PASSWORD,
    IdentityInfo: { FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' },
    PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false },
    SecurityProfileArns: [seed.securityProfiles.Agent],
    RoutingProfileArn: seed.routingProfiles.Sales,
    HierarchyGroupArn: seed.hierarchyGroups.Europe,
    Tags: [{ Key: 'team', Value: 'blue' }],
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 2 }],
});

/** Turns the corpus's markers into the values JSON cannot hold. */
function materialize(value: any): any {
    if (Array.isArray(value)) return value.map(materialize);
    if (value === null || typeof value !== 'object') return value;
    if ('$repeat' in value) return String(value.$repeat).repeat(value.times);
    if ('$number' in value) return Number(value.$number);
    if ('$tags' in value) return Array.from({ length: value.$tags }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    if ('$securityProfiles' in value) return Array.from({ length: value.$securityProfiles }, (_, i) => `${seed.instanceArn}/security-profile/sp-${i}`);
    if ('$nest' in value) return Array.from({ length: value.$nest }).reduce((inner) => ({ a: inner }), 'bottom');
    if ('$nestList' in value) return Array.from({ length: value.$nestList }).reduce((inner) => [inner], []);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v)]));
}

/** Applies a set/remove at a JSON pointer; keys such as __proto__ become plain own properties. */
function patch(target: any, operation: { set?: string; remove?: string; value?: unknown }) {
    const path = (operation.set ?? operation.remove)!.split('/').slice(1);
    const last = path.pop()!;
    const parent = path.reduce((node, key) => node[key], target);
    if (operation.remove !== undefined) delete parent[last];
    else Object.defineProperty(parent, last, { value: materialize(operation.value), enumerable: true, writable: true, configurable: true });
    return target;
}

beforeEach(() => {
    loadBundle(emulator().endpoint);
    emulator().journal.length = 0;
});

test('the corpus holds at least 60 cases in every category the issue names', () => {
    assert.ok(corpus.cases.length >= 60, `${corpus.cases.length} cases`);
    const categories = new Set(corpus.cases.map((c: any) => c.category));
    for (const category of ['wrong type', 'missing required', 'unknown property', 'oversized', 'bad pattern', 'nested garbage', 'not text', 'huge', 'prototype pollution', 'not a number', 'deep']) {
        assert.ok(categories.has(category), category);
    }
});

for (const action of ['CREATE', 'UPDATE'] as const) {
    describe(`${action} refuses bad input`, () => {
        for (const entry of corpus.cases) {
            test(`${entry.category}: ${entry.name}`, async () => {
                const properties = patch(valid(), entry.patch);
                const event = action === 'CREATE'
                    ? handlerRequest('CREATE', properties)
                    : handlerRequest('UPDATE', Object.assign(properties, { UserArn: USER_ARN }), { previous: { ...valid(), UserArn: USER_ARN } });
                const result = await invokeRaw(event);
                assert.equal(result.status, 'FAILED', JSON.stringify(result).slice(0, 300));
                assert.equal(result.errorCode, 'InvalidRequest', result.message);
                assert.ok(result.message!.includes(entry.property), `the message names ${entry.property}: ${result.message!.slice(0, 300)}`);
                assert.equal(result.resourceModel, undefined);
                assert.equal(result.message!.includes(PASSWORD), false, 'the password is not echoed');
                assert.ok(result.message!.length < 2000, 'a message a person can read');
                assert.deepEqual(emulator().journal.map((e) => e.operation), [], 'no Connect call');
                assert.equal(({} as any).polluted, undefined, 'no prototype was polluted');
            });
        }
    });
}

describe('malformed Lambda events are a FAILED event, not a crash', () => {
    for (const entry of corpus.events) {
        test(entry.name, async () => {
            // A copy: patches must not reach the shared credentials object the next case uses.
            let event: any = structuredClone(handlerRequest('READ', { UserArn: USER_ARN }));
            if ('replace' in entry) event = entry.replace;
            else patch(event, entry);
            const result = await invokeRaw(event);
            assert.equal(result.status, 'FAILED');
            assert.equal(result.errorCode, 'InvalidRequest');
            assert.match(result.message!, new RegExp(entry.message));
            assert.deepEqual(emulator().journal, []);
        });
    }
});

test('nothing secret in any log line or event of the corpus run', () => {
    const everything = JSON.stringify(captured.events) + captured.logs.join('\n');
    assert.equal(everything.includes(PASSWORD), false);
});

describe('hostile sizes: refused cheaply, and no message or log line over 4 kB', () => {
    const cases: [string, () => Record<string, unknown>, RegExp][] = [
        ['a property name of 1 MB', () => ({ ...valid(), ['N'.repeat(1_000_000)]: 1 }), /is not a property of/],
        ['1,000 unknown property names of 5 kB', () => ({ ...valid(), ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [String(i).padEnd(5000, 'y'), i])) }), /is not a property of/],
        [
            '100,000 proficiencies',
            () => ({ ...valid(), UserProficiencies: Array.from({ length: 100_000 }, (_, i) => ({ AttributeName: 'Language', AttributeValue: `v${i}`, Level: 1 })) }),
            /UserProficiencies has 100000 items; at most 100 are allowed/,
        ],
    ];
    for (const [name, properties, expected] of cases) {
        test(name, async (t) => {
            captured.logs.length = 0;
            const started = performance.now();
            const result = await invokeRaw(handlerRequest('CREATE', properties()));
            const ms = performance.now() - started;
            assert.equal(result.errorCode, 'InvalidRequest', result.message?.slice(0, 300));
            assert.match(result.message!, expected);
            assert.ok(result.message!.length <= 4000, `${result.message!.length} characters`);
            assert.ok(captured.logs.every((line) => line.length <= 4096), 'every log line within 4 kB');
            assert.deepEqual(emulator().journal, [], 'no Connect call');
            t.diagnostic(`${name}: InvalidRequest in ${ms.toFixed(0)} ms, a message of ${result.message!.length} characters`);
        });
    }

    test('a UserArn of 5 MB is NotFound, named by its length, not echoed', async () => {
        captured.logs.length = 0;
        const result = await invokeRaw(handlerRequest('READ', { UserArn: `arn:${'x'.repeat(5_000_000)}` }));
        assert.equal(result.errorCode, 'NotFound');
        assert.match(result.message!, /with a UserArn of 5000004 characters was not found/);
        assert.ok(captured.logs.every((line) => line.length <= 4096), 'every log line within 4 kB');
    });
});
