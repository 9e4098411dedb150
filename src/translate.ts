// Pure translation between a user's properties (the template's shape) and Amazon Connect: every request the
// handlers send is built here, and every response is read here. No I/O, no logging.
import type {
    CreateUserRequest,
    User,
    UserIdentityInfo as ConnectIdentityInfo,
    UserPhoneConfig as ConnectPhoneConfig,
    UserProficiency as ConnectProficiency,
    UserSummary,
} from '@aws-sdk/client-connect';
import type { UserIdentityInfo, UserPhoneConfig, UserProficiency, UserProperties } from './generated/properties';
import { coveredPhoneMembers, createUserLists, declarationTag, fromUser } from './channel-settings';
import { isManagedTagKey } from './tags';

// ---- ARNs and IDs ----

const USER_ARN = /^(arn:aws[-a-z0-9]*:connect:[-a-z0-9]+:[0-9]{12}:instance\/[-a-zA-Z0-9]+)\/agent\/([-a-zA-Z0-9]+)$/;

/** The instance ARN and user ID inside a user ARN; undefined for anything that is not one. */
export function parseUserArn(userArn: unknown): { instanceArn: string; userId: string } | undefined {
    const match = typeof userArn === 'string' ? USER_ARN.exec(userArn) : null;
    return match ? { instanceArn: match[1], userId: match[2] } : undefined;
}

/** DescribeUser answers IDs; the properties hold ARNs, rebuilt from the instance ARN. */
export const arnOf = {
    routingProfile: (instanceArn: string, id: string) => `${instanceArn}/routing-profile/${id}`,
    securityProfile: (instanceArn: string, id: string) => `${instanceArn}/security-profile/${id}`,
    hierarchyGroup: (instanceArn: string, id: string) => `${instanceArn}/agent-group/${id}`,
};

// ---- requests ----

/** The whole identity, as UpdateUserIdentityInfo replaces it whole. */
export function identityInfoRequest(info: UserIdentityInfo | null | undefined): ConnectIdentityInfo {
    const request: ConnectIdentityInfo = {};
    for (const member of ['FirstName', 'LastName', 'Email', 'SecondaryEmail', 'Mobile'] as const) if (info?.[member] != null) request[member] = info[member];
    return request;
}

/**
 * The phone settings with Connect's defaults written out: a member left out of the template
 * means the default, and Connect keeps a member that a request leaves out.
 */
export function phoneConfigRequest(config: UserPhoneConfig | null | undefined): ConnectPhoneConfig {
    const phoneType = (config?.PhoneType ?? 'SOFT_PHONE') as ConnectPhoneConfig['PhoneType'];
    return {
        PhoneType: phoneType,
        AutoAccept: config?.AutoAccept ?? false,
        AfterContactWorkTimeLimit: config?.AfterContactWorkTimeLimit ?? 0,
        PersistentConnection: config?.PersistentConnection ?? false,
        ...(phoneType === 'DESK_PHONE' && config?.DeskPhoneNumber ? { DeskPhoneNumber: config.DeskPhoneNumber } : {}),
    };
}

/**
 * The PhoneConfig a request carries beside the template's per-channel lists: without the members
 * the lists take over (Connect refuses both together). Undefined when nothing is left.
 */
export function phoneRequestBesideLists(properties: UserProperties): ConnectPhoneConfig | undefined {
    const covered = coveredPhoneMembers(properties);
    const phone = Object.fromEntries(Object.entries(phoneConfigRequest(properties.PhoneConfig)).filter(([member]) => !covered.has(member)));
    return Object.keys(phone).length > 0 ? phone : undefined;
}

export function proficiencyRequest(p: UserProficiency): ConnectProficiency {
    return { AttributeName: p.AttributeName!, AttributeValue: p.AttributeValue!, Level: Number(p.Level) };
}

/** CreateUser for the properties; `tags` are the merged tags, to which the declaration tag is added. */
export function toCreateUserRequest(properties: UserProperties, mergedTags: Record<string, string>): CreateUserRequest {
    const identity = identityInfoRequest(properties.IdentityInfo);
    const phone = phoneRequestBesideLists(properties);
    const tags = { ...mergedTags, ...declarationTag(properties) };
    return {
        InstanceId: properties.InstanceArn!,
        Username: properties.Username!,
        ...(properties.Password != null ? { Password: properties.Password } : {}),
        ...(Object.keys(identity).length > 0 ? { IdentityInfo: identity } : {}),
        ...(phone ? { PhoneConfig: phone } : {}),
        ...createUserLists(properties),
        ...(properties.DirectoryUserId != null ? { DirectoryUserId: properties.DirectoryUserId } : {}),
        SecurityProfileIds: [...(properties.SecurityProfileArns ?? [])],
        RoutingProfileId: properties.RoutingProfileArn!,
        ...(properties.HierarchyGroupArn != null ? { HierarchyGroupId: properties.HierarchyGroupArn } : {}),
        ...(Object.keys(tags).length > 0 ? { Tags: tags } : {}),
    };
}

// ---- responses ----

const nonEmpty = (value: string | undefined) => (value ? value : undefined);
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The object without its undefined members: properties as JSON holds them. */
const defined = <T extends object>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;

/**
 * The user as read: ARNs rebuilt from the IDs DescribeUser answers, only what the service
 * returned (no empty identity fields, no hierarchy group when there is none, no desk number a
 * soft phone keeps from before), tags CloudFormation manages, proficiencies (both lists even
 * when empty, as Connect returns them), the per-channel entries the template declared
 * (channel-settings.ts), and never the password.
 */
export function fromDescribeUser(user: User, proficiencies: ConnectProficiency[], instanceArn: string): UserProperties {
    const identity = user.IdentityInfo ?? {};
    const identityInfo = defined({
        FirstName: nonEmpty(identity.FirstName),
        LastName: nonEmpty(identity.LastName),
        Email: nonEmpty(identity.Email),
        SecondaryEmail: nonEmpty(identity.SecondaryEmail),
        Mobile: nonEmpty(identity.Mobile),
    });
    const phone = user.PhoneConfig;
    return defined({
        UserArn: user.Arn,
        InstanceArn: instanceArn,
        Username: user.Username,
        DirectoryUserId: nonEmpty(user.DirectoryUserId),
        RoutingProfileArn: user.RoutingProfileId ? arnOf.routingProfile(instanceArn, user.RoutingProfileId) : undefined,
        SecurityProfileArns: (user.SecurityProfileIds ?? []).map((id) => arnOf.securityProfile(instanceArn, id)),
        HierarchyGroupArn: user.HierarchyGroupId ? arnOf.hierarchyGroup(instanceArn, user.HierarchyGroupId) : undefined,
        IdentityInfo: Object.keys(identityInfo).length > 0 ? identityInfo : undefined,
        PhoneConfig: phone
            ? defined({
                  PhoneType: phone.PhoneType,
                  AutoAccept: phone.AutoAccept,
                  AfterContactWorkTimeLimit: phone.AfterContactWorkTimeLimit,
                  PersistentConnection: phone.PersistentConnection,
                  DeskPhoneNumber: phone.PhoneType === 'DESK_PHONE' ? nonEmpty(phone.DeskPhoneNumber) : undefined,
              })
            : undefined,
        // Connect answers both, empty or not: a template that says `Tags: []` reads back the same.
        Tags: Object.entries(user.Tags ?? {})
            .filter(([key]) => isManagedTagKey(key))
            .sort(([a], [b]) => byKey(a, b))
            .map(([Key, Value]) => ({ Key, Value })),
        UserProficiencies: [...proficiencies]
            .sort((a, b) => byKey(`${a.AttributeName}\u0000${a.AttributeValue}`, `${b.AttributeName}\u0000${b.AttributeValue}`))
            .map((p) => ({ AttributeName: p.AttributeName, AttributeValue: p.AttributeValue, Level: p.Level })),
        ...fromUser(user),
    });
}

/** List returns identifiers plus what the summary already holds: no call per user. */
export function fromUserSummary(summary: UserSummary, instanceArn: string): UserProperties {
    return defined({ UserArn: summary.Arn, InstanceArn: instanceArn, Username: summary.Username });
}
