// The per-channel settings' pure logic: the record of declared entries, the update lists, and,
// as properties over random templates, that create and the update plan leave Connect holding
// what the template decides on every channel while read returns exactly what it declared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { ConnectService, operations } from '../../local/connect-emulator/service';
import { decided, decodeDeclared, Declared, encodeDeclared, SETTINGS, userConfigChanges } from '../../src/channel-settings';
import type { UserProperties } from '../../src/generated/properties';

/** A template's properties, as the handlers work with them once validated. */
const asProperties = (json: Record<string, any>) => json as UserProperties;
import { mergeTags } from '../../src/tags';
import { toCreateUserRequest } from '../../src/translate';
import { planUpdate } from '../../src/update-plan';
import { validateProperties } from '../../src/validate';
import { seededUserModelWithChannels } from '../../scripts/harness/arbitraries';
import { actualState, expectedState } from '../../scripts/harness/expectations';

type Json = Record<string, any>;
const seed = seedArns();
const NO_QUERY = new URLSearchParams();

const declaredArb: fc.Arbitrary<Declared> = fc.record(
    Object.fromEntries(
        SETTINGS.map((s) => [s.property, fc.subarray([...s.channels]).chain((channels) => fc.tuple(...channels.map((channel) => fc.record({ channel: fc.constant(channel), callback: s.callback && channel === 'VOICE' ? fc.boolean() : fc.constant(false) }))))]),
    ),
    { requiredKeys: [] },
).map((d) => JSON.parse(JSON.stringify(d))) as fc.Arbitrary<Declared>;

test('record of declared entries: decode(encode(d)) is d in channel order, fits a tag value, and any text decodes without throwing', () => {
    fc.assert(
        fc.property(declaredArb, (declared) => {
            const value = encodeDeclared(declared);
            if (Object.keys(declared).length === 0) return assert.equal(value, undefined);
            assert.ok(value!.length <= 256, value);
            assert.match(value!, /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, 'only characters Connect takes in a tag value');
            const order = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];
            const sorted = Object.fromEntries(Object.entries(declared).map(([k, v]) => [k, [...v!].sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel))]));
            assert.deepEqual(decodeDeclared(value), sorted);
        }),
        { seed: 20261122, numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void decodeDeclared(text)), { numRuns: 300 });
    assert.deepEqual(decodeDeclared('PhoneNumberConfigs=CHAT+VOICE+VOICE Bogus=VOICE AutoAcceptConfigs'), { PhoneNumberConfigs: [{ channel: 'VOICE', callback: false }] });
});

test('UpdateUserConfig lists: only changed channels; settings the template does not list change only where PhoneConfig cannot reach', () => {
    const phone = { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 };
    const previous = { PhoneConfig: phone, AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }], AfterContactWorkConfigs: [{ Channel: 'TASK', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 5 } }] };
    assert.deepEqual(userConfigChanges(previous, previous), {});
    assert.deepEqual(userConfigChanges(previous, { ...previous, AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }, { Channel: 'EMAIL', AutoAccept: true }] }), {
        AutoAcceptConfigs: [{ Channel: 'EMAIL', AutoAccept: true }],
    });
    // Lists removed: CHAT's auto-accept needs UpdateUserConfig; TASK's ACW comes back through PhoneConfig's step.
    assert.deepEqual(userConfigChanges(previous, { PhoneConfig: phone }), { AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: false }] });
    // PhoneConfig's ACW moves the channels the ACW list leaves out.
    assert.deepEqual(userConfigChanges(previous, { ...previous, PhoneConfig: { ...phone, AfterContactWorkTimeLimit: 60 } }), {
        AfterContactWorkConfigs: ['VOICE', 'CHAT', 'EMAIL'].map((Channel) => ({ Channel, AfterContactWorkConfig: { AfterContactWorkTimeLimit: 60 } })),
    });
    // Without a previous state every listed setting is written whole, nothing else.
    assert.deepEqual(Object.keys(userConfigChanges(undefined, previous)), ['AutoAcceptConfigs', 'AfterContactWorkConfigs']);
    assert.equal(userConfigChanges(undefined, previous).AutoAcceptConfigs!.length, 4);
});

/** The user as the emulator holds it, every channel of every setting (DescribeUser's lists). */
function described(service: ConnectService, userArn: string): Json {
    return (operations.DescribeUser(service, { labels: [seed.instanceArn, userArn], query: NO_QUERY, body: {} }) as any).User;
}

/** Connect holds, on every channel, what the template decides (callbacks: where declared). */
function assertHoldsDecided(user: Json, desired: Json) {
    for (const setting of SETTINGS) {
        for (const entry of decided(setting, desired)) {
            const held = user[setting.property].find((e: Json) => e.Channel === entry.Channel);
            const comparable = Object.fromEntries(Object.keys(entry).map((k) => [k, held[k]]));
            assert.deepEqual(comparable, entry, `${setting.property} ${entry.Channel}`);
        }
    }
}

function createIn(service: ConnectService, properties: Json): string {
    const model = asProperties(properties);
    return (operations.CreateUser(service, { labels: [seed.instanceArn], query: NO_QUERY, body: toCreateUserRequest(model, mergeTags(model.Tags, {})) }) as any).UserArn;
}

test('property: generated templates are valid, CreateUser takes them, and read returns them without drift', () => {
    fc.assert(
        fc.property(seededUserModelWithChannels, (properties: Json) => {
            const checked = validateProperties(properties);
            assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problems));
            const service = new ConnectService(DEFAULT_SEED);
            const userArn = createIn(service, properties);
            assertHoldsDecided(described(service, userArn), properties);
            // Proficiencies are a later call of create, not CreateUser's.
            const { UserProficiencies: _a, ...actual } = actualState(service, userArn);
            const { UserProficiencies: _b, ...expected } = expectedState(properties);
            assert.deepEqual(actual, expected);
        }),
        { seed: 20261122, numRuns: 200 },
    );
});

test('property: for random (previous, desired) with per-channel lists, the plan turns previous into desired on every channel', () => {
    fc.assert(
        fc.property(seededUserModelWithChannels, seededUserModelWithChannels, (previous: Json, desiredRaw: Json) => {
            const desired = { ...desiredRaw, Username: previous.Username };
            const service = new ConnectService(DEFAULT_SEED);
            const userArn = createIn(service, previous);
            const prev = asProperties(previous);
            const next = asProperties(desired);
            const steps = planUpdate({ previous: prev, desired: next, previousTags: mergeTags(prev.Tags, {}), desiredTags: mergeTags(next.Tags, {}), instanceArn: seed.instanceArn, userArn });
            const ids = steps.map((s) => s.id);
            if (ids.includes('UpdateUserConfig') && ids.includes('UpdateUserPhoneConfig')) assert.ok(ids.indexOf('UpdateUserPhoneConfig') < ids.indexOf('UpdateUserConfig'));
            for (const step of steps) {
                if (step.id === 'AssociateUserProficiencies' || step.id === 'DisassociateUserProficiencies' || step.id === 'UpdateUserProficiencies') continue;
                const { InstanceId, UserId, resourceArn, tagKeys, ...body } = step.input as Json;
                operations[step.id](service, { labels: resourceArn ? [resourceArn] : [InstanceId, UserId], query: new URLSearchParams((tagKeys ?? []).map((k: string) => ['tagKeys', k])), body });
            }
            assertHoldsDecided(described(service, userArn), desired);
            const { UserProficiencies: _a, ...actual } = actualState(service, userArn);
            const { UserProficiencies: _b, ...expected } = expectedState(desired);
            assert.deepEqual(actual, expected);
            // Planning again from the state reached is no change at all.
            assert.deepEqual(planUpdate({ previous: next, desired: next, previousTags: mergeTags(next.Tags, {}), desiredTags: mergeTags(next.Tags, {}), instanceArn: seed.instanceArn, userArn }), []);
        }),
        { seed: 20261122, numRuns: 200 },
    );
});
