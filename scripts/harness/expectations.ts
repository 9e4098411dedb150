// What Connect must hold for a model: the template's properties as read shows them (defaults
// written out, sets as sorted lists), against what the emulator really stores.
import { seedArns } from '../../local/connect-emulator/seed';
import { ConnectService, operations } from '../../local/connect-emulator/service';
import type { UserProperties } from '../../src/generated/properties';
import { fromDescribeUser } from '../../src/translate';

type Json = Record<string, any>;
const byKey = (key: (item: any) => string) => (a: any, b: any) => key(a).localeCompare(key(b));
const proficiencyKey = (p: Json) => `${p.AttributeName}=${p.AttributeValue}`;

/** The template's side: what read must show for it (tags: the template's merged with stack tags). */
export function expectedState(model: Json, stackTags: Record<string, string> = {}) {
    const phone = model.PhoneConfig ?? { PhoneType: 'SOFT_PHONE' };
    // A VOICE entry of a per-channel list decides what PhoneConfig shows for VOICE.
    const voice = (list: string) => (model[list] as Json[] | undefined)?.find((e) => e.Channel === 'VOICE');
    const phoneType = voice('PhoneNumberConfigs')?.PhoneType ?? phone.PhoneType;
    const tags = { ...stackTags, ...Object.fromEntries((model.Tags ?? []).map((t: Json) => [t.Key, t.Value])) };
    return {
        IdentityInfo: model.IdentityInfo && Object.keys(model.IdentityInfo).length > 0 ? model.IdentityInfo : undefined,
        PhoneConfig: {
            PhoneType: phoneType,
            AutoAccept: voice('AutoAcceptConfigs')?.AutoAccept ?? phone.AutoAccept ?? false,
            AfterContactWorkTimeLimit: voice('AfterContactWorkConfigs')?.AfterContactWorkConfig.AfterContactWorkTimeLimit ?? phone.AfterContactWorkTimeLimit ?? 0,
            PersistentConnection: voice('PersistentConnectionConfigs')?.PersistentConnection ?? phone.PersistentConnection ?? false,
            ...(phoneType === 'DESK_PHONE' ? { DeskPhoneNumber: voice('PhoneNumberConfigs')?.PhoneNumber ?? phone.DeskPhoneNumber } : {}),
        },
        RoutingProfileArn: model.RoutingProfileArn,
        SecurityProfileArns: [...model.SecurityProfileArns].sort(),
        HierarchyGroupArn: model.HierarchyGroupArn,
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })).sort(byKey((t) => t.Key)),
        UserProficiencies: [...(model.UserProficiencies ?? [])].sort(byKey(proficiencyKey)),
        // Read returns a list exactly as declared, in channel order.
        ...Object.fromEntries(CHANNEL_LISTS.map((list) => [list, model[list] && [...model[list]].sort(byChannel)])),
    };
}

const CHANNEL_LISTS = ['AutoAcceptConfigs', 'AfterContactWorkConfigs', 'PhoneNumberConfigs', 'PersistentConnectionConfigs', 'VoiceEnhancementConfigs'];
const CHANNEL_ORDER = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];
const byChannel = (a: Json, b: Json) => CHANNEL_ORDER.indexOf(a.Channel) - CHANNEL_ORDER.indexOf(b.Channel);

/** The emulator's side: the user as read translates it, without going through HTTP or faults. */
export function actualState(service: ConnectService, userArn: string, instanceArn = seedArns().instanceArn) {
    const labels = [instanceArn, userArn];
    const { User } = operations.DescribeUser(service, { labels, query: new URLSearchParams(), body: {} }) as any;
    const { UserProficiencyList } = operations.ListUserProficiencies(service, { labels, query: new URLSearchParams(), body: {} }) as any;
    return stateOf(fromDescribeUser(JSON.parse(JSON.stringify(User)), UserProficiencyList, instanceArn));
}

export function stateOf(properties: UserProperties) {
    const json = properties as any;
    return {
        IdentityInfo: json.IdentityInfo,
        PhoneConfig: json.PhoneConfig,
        RoutingProfileArn: json.RoutingProfileArn,
        SecurityProfileArns: [...json.SecurityProfileArns].sort(),
        HierarchyGroupArn: json.HierarchyGroupArn,
        Tags: json.Tags ?? [],
        UserProficiencies: json.UserProficiencies ?? [],
        ...Object.fromEntries(CHANNEL_LISTS.map((list) => [list, json[list]])),
    };
}
