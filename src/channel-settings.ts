// The per-channel settings (AutoAcceptConfigs, AfterContactWorkConfigs, PhoneNumberConfigs,
// PersistentConnectionConfigs, VoiceEnhancementConfigs) and how they share the VOICE channel
// with PhoneConfig. Pure: no I/O. The CloudFormation entries and Connect's have the same shape
// and member names, so entries pass through as they are.
//
// The rules, as the schema and docs state them:
// - A template that lists a setting decides it for every channel the setting allows: a listed
//   channel takes its entry; a channel left out takes what PhoneConfig says for it (VOICE's
//   auto-accept, every channel's ACW, as Connect itself applies PhoneConfig), or else Connect's
//   default. Where PhoneConfig and a VOICE entry both speak they must agree (validate.ts).
// - Connect refuses a PhoneConfig member together with its list, so a listed setting goes out
//   only in its list, and its PhoneConfig member stays out of the request.
// - Read sees only the user, so which entries the template declared is kept on the user in a
//   tag (DECLARED_TAG). Read returns exactly those entries, with their live values: no drift from
//   the service's defaults for channels a template never named, and real drift still shows.
import type { UpdateUserConfigRequest, User } from '@aws-sdk/client-connect';
import { RESERVED_TAG_PREFIX } from './tags';

export const CHANNELS = ['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];
type Json = Record<string, any>;
/** The source of a setting's values: template properties or a DescribeUser User (same shape). */
type Source = { PhoneConfig?: Json | null } & Partial<Record<Property, Json[] | null>>;

export type Property = 'AutoAcceptConfigs' | 'AfterContactWorkConfigs' | 'PhoneNumberConfigs' | 'PersistentConnectionConfigs' | 'VoiceEnhancementConfigs';
/** The lists as CreateUser and UpdateUserConfig take them. */
export type Lists = Pick<UpdateUserConfigRequest, Property>;

interface Setting {
    property: Property;
    channels: readonly Channel[];
    /** PhoneConfig members that say the same thing; Connect refuses them next to the list. */
    phoneMembers: string[];
    /** The channels PhoneConfig sets when the list is absent (UpdateUserPhoneConfig covers them). */
    phoneSets: readonly Channel[];
    /** The optional VOICE-only member, kept only where declared. */
    callback?: string;
    /** The entry for a channel: the listed one, or what PhoneConfig and Connect's defaults give. */
    entry(channel: Channel, listed: Json | undefined, phone: Json): Json;
}

const ALL = CHANNELS;
const VOICE = ['VOICE'] as const;

export const SETTINGS: readonly Setting[] = [
    {
        property: 'AutoAcceptConfigs',
        channels: ALL,
        phoneMembers: ['AutoAccept'],
        phoneSets: VOICE,
        callback: 'AgentFirstCallbackAutoAccept',
        entry: (Channel, listed, phone) => ({ Channel, AutoAccept: listed?.AutoAccept ?? (Channel === 'VOICE' ? phone.AutoAccept : undefined) ?? false }),
    },
    {
        property: 'AfterContactWorkConfigs',
        channels: ALL,
        phoneMembers: ['AfterContactWorkTimeLimit'],
        phoneSets: ALL,
        callback: 'AgentFirstCallbackAfterContactWorkConfig',
        entry: (Channel, listed, phone) => ({
            Channel,
            AfterContactWorkConfig: { AfterContactWorkTimeLimit: listed?.AfterContactWorkConfig?.AfterContactWorkTimeLimit ?? phone.AfterContactWorkTimeLimit ?? 0 },
        }),
    },
    {
        property: 'PhoneNumberConfigs',
        channels: VOICE,
        phoneMembers: ['PhoneType', 'DeskPhoneNumber'],
        phoneSets: VOICE,
        entry: (Channel, listed, phone) => {
            const PhoneType = listed?.PhoneType ?? phone.PhoneType ?? 'SOFT_PHONE';
            const PhoneNumber = listed?.PhoneNumber ?? phone.DeskPhoneNumber;
            // A soft phone keeps its old desk number in Connect; it is not part of the setting.
            return { Channel, PhoneType, ...(PhoneType === 'DESK_PHONE' && PhoneNumber ? { PhoneNumber } : {}) };
        },
    },
    {
        property: 'PersistentConnectionConfigs',
        channels: VOICE,
        phoneMembers: ['PersistentConnection'],
        phoneSets: VOICE,
        entry: (Channel, listed, phone) => ({ Channel, PersistentConnection: listed?.PersistentConnection ?? phone.PersistentConnection ?? false }),
    },
    {
        property: 'VoiceEnhancementConfigs',
        channels: VOICE,
        phoneMembers: [],
        phoneSets: [],
        entry: (Channel, listed) => ({ Channel, VoiceEnhancementMode: listed?.VoiceEnhancementMode ?? 'NONE' }),
    },
];

// ---- what a template declares ----

/** Per listed property, the channels it names and whether each names the callback member. */
export type Declared = Partial<Record<Property, { channel: Channel; callback: boolean }[]>>;

export function declaredBy(properties: Source): Declared {
    const declared: Declared = {};
    for (const setting of SETTINGS) {
        const list = properties[setting.property];
        if (!Array.isArray(list)) continue;
        declared[setting.property] = list.map((entry) => ({ channel: entry.Channel, callback: setting.callback !== undefined && entry[setting.callback] != null }));
    }
    return declared;
}

const byChannel = <T extends { channel: Channel }>(items: T[]) => [...items].sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));

/** Kept on the user so read knows what the template declared; read hides it from Tags. */
export const DECLARED_TAG = `${RESERVED_TAG_PREFIX}channel-settings`;

/** "AutoAcceptConfigs=VOICE:callback+CHAT AfterContactWorkConfigs=TASK": letters Connect takes in a tag value. */
export function encodeDeclared(declared: Declared): string | undefined {
    const parts = SETTINGS.filter((s) => declared[s.property]).map(
        // Channel order, not the template's: a reordered list is no change.
        (s) => `${s.property}=${byChannel(declared[s.property]!).map((d) => (d.callback ? `${d.channel}:callback` : d.channel)).join('+')}`,
    );
    return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The inverse of encodeDeclared; anything it does not recognise is left out, never thrown. */
export function decodeDeclared(value: string | undefined): Declared {
    const declared: Declared = {};
    for (const part of (value ?? '').split(' ')) {
        const [name, channels = ''] = part.split('=');
        const setting = SETTINGS.find((s) => s.property === name);
        if (!setting || part.indexOf('=') < 0) continue;
        declared[setting.property] = channels
            .split('+')
            .filter(Boolean)
            .map((item) => ({ channel: item.split(':')[0] as Channel, callback: item.endsWith(':callback') }))
            .filter((d, i, all) => setting.channels.includes(d.channel) && all.findIndex((e) => e.channel === d.channel) === i);
    }
    return declared;
}

/** The tag that records what a template declares: none when it lists no setting. */
export function declarationTag(properties: Source | undefined): Record<string, string> {
    const value = properties && encodeDeclared(declaredBy(properties));
    return value === undefined ? {} : { [DECLARED_TAG]: value };
}

// ---- entries ----

/** The entry a source gives a channel, with the callback member only where it is declared. */
function entryOf(setting: Setting, source: Source, channel: Channel, withCallback: boolean): Json {
    const listed = source[setting.property]?.find((e) => e?.Channel === channel);
    const entry = setting.entry(channel, listed ?? undefined, source.PhoneConfig ?? {});
    if (withCallback && setting.callback && listed?.[setting.callback] != null) entry[setting.callback] = listed[setting.callback];
    return entry;
}

/** Every channel of a setting as the template decides it; a callback only where its entry has one. */
export function decided(setting: Setting, properties: Source): Json[] {
    return setting.channels.map((channel) => entryOf(setting, properties, channel, true));
}

/** The settings a template lists, as CreateUser takes them: every channel of each listed setting. */
export function createUserLists(properties: Source): Lists {
    return Object.fromEntries(SETTINGS.filter((s) => Array.isArray(properties[s.property])).map((s) => [s.property, decided(s, properties)]));
}

/** PhoneConfig members a template's lists take over: they must not go out beside the lists. */
export function coveredPhoneMembers(properties: Source): Set<string> {
    return new Set(SETTINGS.filter((s) => Array.isArray(properties[s.property])).flatMap((s) => s.phoneMembers));
}

/** The declared entries of a DescribeUser answer, as a template writes them (read). */
export function fromUser(user: User): Partial<Record<Property, Json[]>> {
    const declared = decodeDeclared(user.Tags?.[DECLARED_TAG]);
    const lists: Partial<Record<Property, Json[]>> = {};
    for (const setting of SETTINGS) {
        const names = declared[setting.property];
        if (!names) continue;
        lists[setting.property] = byChannel(names).map((d) => entryOf(setting, user as Source, d.channel, d.callback));
    }
    return lists;
}

// ---- update ----

/** Equal as Connect would hold them: a callback the desired entry leaves out is left as it is. */
function unchanged(setting: Setting, after: Json, before: Json): boolean {
    const was = { ...before };
    if (setting.callback && !(setting.callback in after)) delete was[setting.callback];
    return JSON.stringify(after) === JSON.stringify(was);
}

/**
 * The UpdateUserConfig lists that turn previous into desired, given that the PhoneConfig step
 * (which runs first) sets what PhoneConfig covers for settings the desired template does not
 * list. Only changed channels go out. Without a previous state, every listed setting is written.
 */
export function userConfigChanges(previous: Source | undefined, desired: Source): Lists {
    const changes: Partial<Record<Property, Json[]>> = {};
    for (const setting of SETTINGS) {
        const listed = Array.isArray(desired[setting.property]);
        const after = decided(setting, desired);
        const before = previous && decided(setting, previous);
        const entries = after.filter((entry, i) => {
            if (!before) return listed;
            if (unchanged(setting, entry, before[i])) return false;
            return listed || !setting.phoneSets.includes(entry.Channel);
        });
        if (entries.length > 0) changes[setting.property] = entries;
    }
    return changes as Lists;
}

/** Did anything PhoneConfig sets change, for the settings the desired template does not list? */
export function phoneSettingsChanged(previous: Source, desired: Source): boolean {
    return SETTINGS.some((setting) => {
        if (Array.isArray(desired[setting.property])) return false;
        const before = decided(setting, previous);
        return decided(setting, desired).some((entry, i) => setting.phoneSets.includes(entry.Channel) && !unchanged(setting, entry, before[i]));
    });
}

// ---- validation ----

/** The rules of the lists and of their overlap with PhoneConfig, in words a template author can act on. */
export function channelSettingProblems(p: Json): string[] {
    const problems: string[] = [];
    for (const setting of SETTINGS) {
        const list: Json[] | undefined = p[setting.property];
        if (!Array.isArray(list)) continue;
        const seen = new Set<string>();
        list.forEach((entry, i) => {
            if (seen.has(entry.Channel)) problems.push(`${setting.property} has more than one entry for channel ${entry.Channel}; keep one entry per channel`);
            seen.add(entry.Channel);
            if (setting.callback && entry[setting.callback] != null && entry.Channel !== 'VOICE') {
                problems.push(`${setting.property}[${i}].${setting.callback} applies to the VOICE channel only; remove it from the ${entry.Channel} entry`);
            }
        });
    }
    const phone: Json = p.PhoneConfig ?? {};
    const voice = (property: Property) => {
        const index = (p[property] as Json[] | undefined)?.findIndex((e) => e.Channel === 'VOICE') ?? -1;
        return index < 0 ? undefined : { entry: p[property][index] as Json, at: `${property}[${index}]` };
    };
    const agree = (phoneMember: string, phoneValue: unknown, property: Property, member: string, value: unknown) => {
        if (phoneValue == null || value == null || phoneValue === value) return;
        problems.push(
            `PhoneConfig.${phoneMember} (${phoneValue}) and ${member} (${value}) both set the VOICE channel and disagree; ` +
                `set it in one of them, or give both the same value (the ${property} entry decides VOICE)`,
        );
    };
    const autoAccept = voice('AutoAcceptConfigs');
    if (autoAccept) agree('AutoAccept', phone.AutoAccept, 'AutoAcceptConfigs', `${autoAccept.at}.AutoAccept`, autoAccept.entry.AutoAccept);
    const acw = voice('AfterContactWorkConfigs');
    if (acw) {
        const limit = acw.entry.AfterContactWorkConfig?.AfterContactWorkTimeLimit;
        agree('AfterContactWorkTimeLimit', phone.AfterContactWorkTimeLimit, 'AfterContactWorkConfigs', `${acw.at}.AfterContactWorkConfig.AfterContactWorkTimeLimit`, limit);
    }
    const persistent = voice('PersistentConnectionConfigs');
    if (persistent) agree('PersistentConnection', phone.PersistentConnection, 'PersistentConnectionConfigs', `${persistent.at}.PersistentConnection`, persistent.entry.PersistentConnection);
    const number = voice('PhoneNumberConfigs');
    if (number) {
        const { PhoneType, PhoneNumber } = number.entry;
        agree('PhoneType', phone.PhoneType, 'PhoneNumberConfigs', `${number.at}.PhoneType`, PhoneType);
        if (PhoneType === 'DESK_PHONE' && !PhoneNumber) problems.push(`${number.at}.PhoneNumber is required when its PhoneType is DESK_PHONE`);
        if (PhoneType === 'SOFT_PHONE' && PhoneNumber) problems.push(`${number.at}.PhoneNumber applies to DESK_PHONE only; remove it or set PhoneType to DESK_PHONE`);
        // Desk numbers are sensitive in Connect: say that they differ, not what they are.
        if (PhoneType === 'DESK_PHONE' && phone.DeskPhoneNumber && PhoneNumber && phone.DeskPhoneNumber !== PhoneNumber) {
            problems.push(`PhoneConfig.DeskPhoneNumber and ${number.at}.PhoneNumber both set the VOICE desk phone and differ; set it in one of them, or give both the same number`);
        }
    }
    return problems;
}

/** The VOICE desk number a template gives, wherever it gives it. */
export function voiceDeskNumber(p: Json): string | undefined {
    return p.PhoneNumberConfigs?.find((e: Json) => e.Channel === 'VOICE')?.PhoneNumber ?? p.PhoneConfig?.DeskPhoneNumber;
}
