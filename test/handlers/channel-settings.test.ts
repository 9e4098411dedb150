// The per-channel settings (AutoAcceptConfigs, AfterContactWorkConfigs, PhoneNumberConfigs,
// PersistentConnectionConfigs, VoiceEnhancementConfigs) through the built bundle, against the
// emulator: each alone and combined, their relation to PhoneConfig, the conflict rules, and
// read returning exactly what the template declared (no drift either way).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UpdateUserConfigCommand } from '@aws-sdk/client-connect';
import { seedArns } from '../../local/connect-emulator/seed';
import { drive, freshBeforeEach, invoke, Properties } from '../support/lambda';
import { connectClient, useEmulator } from '../support/emulator';

const emulator = useEmulator();
const seed = seedArns();
const MUTATING = /^(Create|Delete|Update|Associate|Disassociate|Tag|Untag)/;
const CHANNEL_ORDER = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];
const LISTS = ['AutoAcceptConfigs', 'AfterContactWorkConfigs', 'PhoneNumberConfigs', 'PersistentConnectionConfigs', 'VoiceEnhancementConfigs'];

let counter = 0;
const model = (overrides: Properties = {}): Properties => ({
    InstanceArn: seed.instanceArn,
    Username: `channel-user-${++counter}`,
    Password: 'Zq9!Distinctive-Pa55word',
    IdentityInfo: { FirstName: 'Grace', LastName: 'Hopper' },
    PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    SecurityProfileArns: [seed.securityProfiles.Agent],
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    ...overrides,
});
const mutatingCalls = () => emulator().journal.map((e) => e.operation).filter((op) => MUTATING.test(op));
const stored = (userArn: string) => emulator().users().find((u) => u.arn === userArn)!;
const lists = (out: Properties) => Object.fromEntries(LISTS.filter((name) => name in out).map((name) => [name, out[name]]));

async function created(overrides: Properties = {}) {
    const desired = model(overrides);
    const { event } = await drive('CREATE', desired);
    assert.equal(event.status, 'SUCCESS', event.message);
    const userArn = event.resourceModel!.UserArn as string;
    const read = await invoke('READ', { UserArn: userArn });
    assert.deepEqual(read.resourceModel, event.resourceModel, 'create returns what read returns');
    return { desired, output: event.resourceModel!, userArn };
}
async function updated(previous: Properties, userArn: string, patch: (m: Properties) => void) {
    const desired = structuredClone({ ...previous, UserArn: userArn });
    patch(desired);
    emulator().journal.length = 0;
    const { event } = await drive('UPDATE', desired, { previous });
    assert.equal(event.status, 'SUCCESS', event.message);
    return { desired, output: event.resourceModel! };
}

freshBeforeEach(emulator);

describe('each setting alone: created, stored and read back exactly as declared', () => {
    const cases: [string, Properties, (user: any) => void][] = [
        ['AutoAcceptConfigs', { AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }, { Channel: 'VOICE', AutoAccept: true, AgentFirstCallbackAutoAccept: true }] }, (u) => {
            assert.equal(u.channels.CHAT.autoAccept, true);
            assert.equal(u.channels.VOICE.autoAccept, true);
            assert.equal(u.channels.VOICE.agentFirstCallbackAutoAccept, true);
            assert.equal(u.channels.TASK.autoAccept, false);
        }],
        ['AfterContactWorkConfigs', { AfterContactWorkConfigs: [{ Channel: 'TASK', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 600 } }, { Channel: 'VOICE', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 45 }, AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 90 } }] }, (u) => {
            assert.equal(u.channels.TASK.afterContactWorkTimeLimit, 600);
            assert.equal(u.channels.VOICE.afterContactWorkTimeLimit, 45);
            assert.equal(u.channels.VOICE.agentFirstCallbackAfterContactWorkTimeLimit, 90);
            assert.equal(u.channels.CHAT.afterContactWorkTimeLimit, 0);
        }],
        ['PhoneNumberConfigs', { PhoneConfig: { PhoneType: 'DESK_PHONE' }, PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'DESK_PHONE', PhoneNumber: '+14155550123' }] }, (u) => {
            assert.equal(u.phoneType, 'DESK_PHONE');
            assert.equal(u.deskPhoneNumber, '+14155550123');
        }],
        ['PersistentConnectionConfigs', { PersistentConnectionConfigs: [{ Channel: 'VOICE', PersistentConnection: true }] }, (u) => assert.equal(u.persistentConnection, true)],
        ['VoiceEnhancementConfigs', { VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'NOISE_SUPPRESSION' }] }, (u) => assert.equal(u.voiceEnhancementMode, 'NOISE_SUPPRESSION')],
    ];
    for (const [name, overrides, check] of cases) {
        test(name, async () => {
            const { desired, output, userArn } = await created(overrides);
            const only = Object.fromEntries(LISTS.filter((l) => l in overrides).map((l) => [l, desired[l]]));
            const sorted = (entries: any[]) => [...entries].sort((a, b) => CHANNEL_ORDER.indexOf(a.Channel) - CHANNEL_ORDER.indexOf(b.Channel));
            assert.deepEqual(lists(output), Object.fromEntries(Object.entries(only).map(([k, v]) => [k, sorted(v)])), 'only the declared list, only the declared channels');
            check(stored(userArn));
            assert.deepEqual(mutatingCalls(), ['CreateUser'], 'the lists go out in CreateUser');
        });
    }
});

describe('read: no drift from what the template never said, real drift still seen', () => {
    test('PhoneConfig alone: Connect holds entries for every channel, read shows no list', async () => {
        const { output, userArn } = await created({ PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30 } });
        assert.deepEqual(lists(output), {});
        assert.deepEqual(output.PhoneConfig, { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30, PersistentConnection: false });
        assert.equal(stored(userArn).channels.EMAIL.afterContactWorkTimeLimit, 30, 'PhoneConfig set every channel');
        assert.equal('cfn-connect-user:channel-settings' in stored(userArn).tags, false, 'no record tag without lists');
    });

    test('entries at Connect\'s defaults are read back, not dropped', async () => {
        const declared = {
            AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: false }, { Channel: 'EMAIL', AutoAccept: false }],
            AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 0 } }],
            VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'NONE' }],
        };
        const { output } = await created(declared);
        assert.deepEqual(lists(output), declared);
    });

    test('a change made outside CloudFormation to a declared channel shows on read; other channels do not appear', async () => {
        const { userArn } = await created({ AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: false }] });
        await connectClient(emulator()).send(new UpdateUserConfigCommand({
            InstanceId: seed.instanceArn,
            UserId: userArn,
            AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }, { Channel: 'TASK', AutoAccept: true }],
        }));
        const read = await invoke('READ', { UserArn: userArn });
        assert.deepEqual(read.resourceModel!.AutoAcceptConfigs, [{ Channel: 'CHAT', AutoAccept: true }]);
    });

    test('the record of declared entries is not one of the template\'s Tags, and counts toward Connect\'s 50', async () => {
        const { output, userArn } = await created({ Tags: [{ Key: 'team', Value: 'blue' }], PersistentConnectionConfigs: [{ Channel: 'VOICE', PersistentConnection: true }] });
        assert.deepEqual(output.Tags, [{ Key: 'team', Value: 'blue' }]);
        assert.equal(Object.keys(stored(userArn).tags).length, 3, 'team, the create marker and the record');
        emulator().journal.length = 0;
        const full = await invoke('CREATE', model({ Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })), VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'NONE' }] }));
        assert.equal(full.errorCode, 'InvalidRequest');
        assert.match(full.message!, /51 tags; Amazon Connect allows 50/);
        assert.deepEqual(mutatingCalls(), []);
    });
});

describe('PhoneConfig and VOICE entries', () => {
    test('both set and agreeing: accepted; PhoneConfig and the entry read back the same VOICE values', async () => {
        const { output } = await created({
            PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550199', AutoAccept: true, AfterContactWorkTimeLimit: 20, PersistentConnection: true },
            AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: true }, { Channel: 'CHAT', AutoAccept: false }],
            AfterContactWorkConfigs: [{ Channel: 'VOICE', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 20 } }],
            PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'DESK_PHONE', PhoneNumber: '+14155550199' }],
            PersistentConnectionConfigs: [{ Channel: 'VOICE', PersistentConnection: true }],
        });
        assert.deepEqual(output.PhoneConfig, { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550199', AutoAccept: true, AfterContactWorkTimeLimit: 20, PersistentConnection: true });
    });

    test('PhoneConfig.AfterContactWorkTimeLimit covers the channels the list leaves out, as Connect applies it', async () => {
        const { output, userArn } = await created({
            PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 },
            AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 120 } }],
        });
        const channels = stored(userArn).channels;
        assert.deepEqual([channels.VOICE, channels.CHAT, channels.TASK, channels.EMAIL].map((c) => c.afterContactWorkTimeLimit), [30, 120, 30, 30]);
        assert.equal(output.PhoneConfig.AfterContactWorkTimeLimit, 30);
    });

    test('a VOICE entry decides VOICE when PhoneConfig leaves the member out', async () => {
        const { output, userArn } = await created({ AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: true }] });
        assert.equal(stored(userArn).channels.VOICE.autoAccept, true);
        assert.equal(output.PhoneConfig.AutoAccept, true, 'PhoneConfig shows the same VOICE setting');
    });
});

describe('conflicts and per-list rules: InvalidRequest naming the property, no Connect call', () => {
    const cases: [string, Properties, RegExp][] = [
        ['auto-accept disagrees', { PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true }, AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: false }] }, /PhoneConfig\.AutoAccept \(true\) and AutoAcceptConfigs\[0\]\.AutoAccept \(false\) both set the VOICE channel and disagree/],
        ['ACW disagrees', { PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 10 }, AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 5 } }, { Channel: 'VOICE', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 20 } }] }, /PhoneConfig\.AfterContactWorkTimeLimit \(10\) and AfterContactWorkConfigs\[1\]\.AfterContactWorkConfig\.AfterContactWorkTimeLimit \(20\)/],
        ['phone type disagrees', { PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'DESK_PHONE', PhoneNumber: '+14155550100' }] }, /PhoneConfig\.PhoneType \(SOFT_PHONE\) and PhoneNumberConfigs\[0\]\.PhoneType \(DESK_PHONE\)/],
        ['desk numbers differ', { PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550100' }, PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'DESK_PHONE', PhoneNumber: '+14155550111' }] }, /PhoneConfig\.DeskPhoneNumber and PhoneNumberConfigs\[0\]\.PhoneNumber both set the VOICE desk phone and differ/],
        ['persistent connection disagrees', { PhoneConfig: { PhoneType: 'SOFT_PHONE', PersistentConnection: false }, PersistentConnectionConfigs: [{ Channel: 'VOICE', PersistentConnection: true }] }, /PhoneConfig\.PersistentConnection \(false\) and PersistentConnectionConfigs\[0\]\.PersistentConnection \(true\)/],
        ['a channel twice', { AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }, { Channel: 'CHAT', AutoAccept: false }] }, /AutoAcceptConfigs has more than one entry for channel CHAT; keep one entry per channel/],
        ['a callback on another channel', { AfterContactWorkConfigs: [{ Channel: 'EMAIL', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 1 }, AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 2 } }] }, /AfterContactWorkConfigs\[0\]\.AgentFirstCallbackAfterContactWorkConfig applies to the VOICE channel only/],
        ['a VOICE-only setting on CHAT', { VoiceEnhancementConfigs: [{ Channel: 'CHAT', VoiceEnhancementMode: 'NONE' }] }, /VoiceEnhancementConfigs\[0\]\.Channel must be one of VOICE/],
        ['a desk phone without its number', { PhoneConfig: { PhoneType: 'DESK_PHONE' }, PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'DESK_PHONE' }] }, /PhoneNumberConfigs\[0\]\.PhoneNumber is required when its PhoneType is DESK_PHONE/],
        ['a soft phone with a number', { PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'SOFT_PHONE', PhoneNumber: '+14155550100' }] }, /PhoneNumberConfigs\[0\]\.PhoneNumber applies to DESK_PHONE only/],
        ['ACW over the limit', { AfterContactWorkConfigs: [{ Channel: 'TASK', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 2_000_001 } }] }, /AfterContactWorkConfigs\[0\]\.AfterContactWorkConfig\.AfterContactWorkTimeLimit must be <= 2000000/],
        ['an unknown mode', { VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'LOUD' }] }, /VoiceEnhancementMode must be one of VOICE_ISOLATION, NOISE_SUPPRESSION, NONE/],
        ['five auto-accept entries', { AutoAcceptConfigs: ['VOICE', 'CHAT', 'TASK', 'EMAIL', 'VOICE'].map((Channel) => ({ Channel, AutoAccept: true })) }, /AutoAcceptConfigs has 5 items; at most 4 are allowed/],
    ];
    for (const [name, overrides, message] of cases) {
        test(name, async () => {
            for (const action of ['CREATE', 'UPDATE']) {
                const properties = model(overrides);
                const event = await invoke(action, action === 'UPDATE' ? { ...properties, UserArn: `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000001` } : properties, action === 'UPDATE' ? { previous: model() } : {});
                assert.equal(event.status, 'FAILED', action);
                assert.equal(event.errorCode, 'InvalidRequest', action);
                assert.match(event.message!, message);
                assert.doesNotMatch(event.message!, /\+1415555/, 'desk numbers are not echoed');
            }
            assert.deepEqual(emulator().journal, []);
        });
    }
});

describe('update: one UpdateUserConfig, after the PhoneConfig step, only what changed', () => {
    test('one channel changed: one UpdateUserConfig carrying that channel only', async () => {
        const { desired, userArn } = await created({ AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }, { Channel: 'TASK', AutoAccept: true }] });
        const { output } = await updated(desired, userArn, (m) => (m.AutoAcceptConfigs[1].AutoAccept = false));
        assert.deepEqual(mutatingCalls(), ['UpdateUserConfig']);
        assert.deepEqual(output.AutoAcceptConfigs, [{ Channel: 'CHAT', AutoAccept: true }, { Channel: 'TASK', AutoAccept: false }]);
        assert.equal(stored(userArn).channels.TASK.autoAccept, false);
    });

    test('no change: no call; a reordered list is no change', async () => {
        const { desired, userArn } = await created({ AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 5 } }, { Channel: 'EMAIL', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 6 } }] });
        await updated(desired, userArn, (m) => m.AfterContactWorkConfigs.reverse());
        assert.deepEqual(mutatingCalls(), []);
    });

    test('PhoneConfig and a list change together: UpdateUserPhoneConfig first, then UpdateUserConfig', async () => {
        const { desired, userArn } = await created({ PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 }, AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 120 } }] });
        const { output } = await updated(desired, userArn, (m) => {
            m.PhoneConfig.PhoneType = 'DESK_PHONE';
            m.PhoneConfig.DeskPhoneNumber = '+14155550142';
            m.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit = 240;
        });
        assert.deepEqual(mutatingCalls(), ['UpdateUserPhoneConfig', 'UpdateUserConfig']);
        const channels = stored(userArn).channels;
        assert.deepEqual([channels.VOICE, channels.CHAT, channels.TASK, channels.EMAIL].map((c) => c.afterContactWorkTimeLimit), [30, 240, 30, 30]);
        assert.equal(output.PhoneConfig.PhoneType, 'DESK_PHONE');
    });

    test('PhoneConfig\'s ACW changed beside an ACW list: the channels it covers change through UpdateUserConfig, the listed one keeps its value', async () => {
        const { desired, userArn } = await created({ PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 }, AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 120 } }] });
        await updated(desired, userArn, (m) => (m.PhoneConfig.AfterContactWorkTimeLimit = 60));
        assert.deepEqual(mutatingCalls(), ['UpdateUserConfig']);
        const channels = stored(userArn).channels;
        assert.deepEqual([channels.VOICE, channels.CHAT, channels.TASK, channels.EMAIL].map((c) => c.afterContactWorkTimeLimit), [60, 120, 60, 60]);
    });

    test('adding lists to a user made without them: UpdateUserConfig, and the record tagged', async () => {
        const { desired, userArn } = await created();
        const { output } = await updated(desired, userArn, (m) => {
            m.VoiceEnhancementConfigs = [{ Channel: 'VOICE', VoiceEnhancementMode: 'VOICE_ISOLATION' }];
            m.AutoAcceptConfigs = [{ Channel: 'EMAIL', AutoAccept: true }];
        });
        assert.deepEqual(mutatingCalls(), ['UpdateUserConfig', 'TagResource']);
        assert.deepEqual(lists(output), { AutoAcceptConfigs: [{ Channel: 'EMAIL', AutoAccept: true }], VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'VOICE_ISOLATION' }] });
    });

    test('removing a list sets its channels back (PhoneConfig\'s value or Connect\'s default) and drops it from read', async () => {
        const { desired, userArn } = await created({
            PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 },
            AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }],
            AfterContactWorkConfigs: [{ Channel: 'TASK', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 300 } }],
            VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'VOICE_ISOLATION' }],
        });
        const { output } = await updated(desired, userArn, (m) => {
            delete m.AutoAcceptConfigs;
            delete m.AfterContactWorkConfigs;
            delete m.VoiceEnhancementConfigs;
        });
        assert.deepEqual(mutatingCalls(), ['UpdateUserPhoneConfig', 'UpdateUserConfig', 'UntagResource']);
        const user = stored(userArn);
        assert.equal(user.channels.CHAT.autoAccept, false);
        assert.equal(user.channels.TASK.afterContactWorkTimeLimit, 30);
        assert.equal(user.voiceEnhancementMode, 'NONE');
        assert.deepEqual(lists(output), {});
    });

    test('removing a callback member leaves Connect\'s value (the API cannot unset it) and read stops showing it', async () => {
        const { desired, userArn } = await created({ AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: true, AgentFirstCallbackAutoAccept: true }] });
        const { output } = await updated(desired, userArn, (m) => delete m.AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept);
        assert.deepEqual(output.AutoAcceptConfigs, [{ Channel: 'VOICE', AutoAccept: true }]);
        assert.deepEqual(mutatingCalls(), ['TagResource'], 'only the record changes');
    });
});
