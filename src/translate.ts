// Pure translation between the CloudFormation model and Amazon Connect: every request the
// handlers send is built here, and every response is read here. No I/O, no logging.
import type {
    CreateUserRequest,
    User,
    UserIdentityInfo as ConnectIdentityInfo,
    UserPhoneConfig as ConnectPhoneConfig,
    UserProficiency as ConnectProficiency,
    UserSummary,
} from '@aws-sdk/client-connect';
import {
    AfterContactWorkConfigPerChannel,
    AutoAcceptConfig,
    PersistentConnectionConfig,
    PhoneNumberConfig,
    ResourceModel,
    Tag,
    UserIdentityInfo,
    UserPhoneConfig,
    UserProficiency,
    VoiceEnhancementConfig,
} from './generated/models';
import { coveredPhoneMembers, createUserLists, declarationTag, fromUser } from './channel-settings';
import { isManagedTagKey } from './tags';

// ---- ARNs and IDs ----

const USER_ARN = /^(arn:aws[-a-z0-9]*:connect:[-a-z0-9]+:[0-9]{12}:instance\/[-a-zA-Z0-9]+)\/agent\/([-a-zA-Z0-9]+)$/;

/** The instance ARN and user ID inside a user ARN; undefined for anything that is not one. */
export function parseUserArn(userArn: unknown): { instanceArn: string; userId: string } | undefined {
    const match = typeof userArn === 'string' ? USER_ARN.exec(userArn) : null;
    return match ? { instanceArn: match[1], userId: match[2] } : undefined;
}

/** DescribeUser answers IDs; the model holds ARNs, rebuilt from the instance ARN. */
export const arnOf = {
    routingProfile: (instanceArn: string, id: string) => `${instanceArn}/routing-profile/${id}`,
    securityProfile: (instanceArn: string, id: string) => `${instanceArn}/security-profile/${id}`,
    hierarchyGroup: (instanceArn: string, id: string) => `${instanceArn}/agent-group/${id}`,
};

// ---- requests ----

/** The whole identity, as UpdateUserIdentityInfo replaces it whole. */
export function identityInfoRequest(info: UserIdentityInfo | null | undefined): ConnectIdentityInfo {
    const request: ConnectIdentityInfo = {};
    if (info?.firstName != null) request.FirstName = info.firstName;
    if (info?.lastName != null) request.LastName = info.lastName;
    if (info?.email != null) request.Email = info.email;
    if (info?.secondaryEmail != null) request.SecondaryEmail = info.secondaryEmail;
    if (info?.mobile != null) request.Mobile = info.mobile;
    return request;
}

/**
 * The phone settings with Connect's defaults written out: a member left out of the template
 * means the default, and Connect keeps a member that a request leaves out.
 */
export function phoneConfigRequest(config: UserPhoneConfig | null | undefined): ConnectPhoneConfig {
    const phoneType = (config?.phoneType ?? 'SOFT_PHONE') as ConnectPhoneConfig['PhoneType'];
    return {
        PhoneType: phoneType,
        AutoAccept: config?.autoAccept ?? false,
        AfterContactWorkTimeLimit: config?.afterContactWorkTimeLimit ?? 0,
        PersistentConnection: config?.persistentConnection ?? false,
        ...(phoneType === 'DESK_PHONE' && config?.deskPhoneNumber ? { DeskPhoneNumber: config.deskPhoneNumber } : {}),
    };
}

/**
 * The PhoneConfig a request carries beside the template's per-channel lists: without the members
 * the lists take over (Connect refuses both together). Undefined when nothing is left.
 */
export function phoneRequestBesideLists(model: ResourceModel, properties = model.serialize()): ConnectPhoneConfig | undefined {
    const covered = coveredPhoneMembers(properties);
    const phone = Object.fromEntries(Object.entries(phoneConfigRequest(model.phoneConfig)).filter(([member]) => !covered.has(member)));
    return Object.keys(phone).length > 0 ? phone : undefined;
}

export function proficiencyRequest(p: UserProficiency): ConnectProficiency {
    return { AttributeName: p.attributeName!, AttributeValue: p.attributeValue!, Level: Number(p.level) };
}

/** CreateUser for the model; `tags` are the merged tags, to which the declaration tag is added. */
export function toCreateUserRequest(model: ResourceModel, mergedTags: Record<string, string>): CreateUserRequest {
    const identity = identityInfoRequest(model.identityInfo);
    const properties = model.serialize();
    const phone = phoneRequestBesideLists(model, properties);
    const tags = { ...mergedTags, ...declarationTag(model, properties) };
    return {
        InstanceId: model.instanceArn!,
        Username: model.username!,
        ...(model.password != null ? { Password: model.password } : {}),
        ...(Object.keys(identity).length > 0 ? { IdentityInfo: identity } : {}),
        ...(phone ? { PhoneConfig: phone } : {}),
        ...createUserLists(properties),
        ...(model.directoryUserId != null ? { DirectoryUserId: model.directoryUserId } : {}),
        SecurityProfileIds: [...(model.securityProfileArns ?? [])],
        RoutingProfileId: model.routingProfileArn!,
        ...(model.hierarchyGroupArn != null ? { HierarchyGroupId: model.hierarchyGroupArn } : {}),
        ...(Object.keys(tags).length > 0 ? { Tags: tags } : {}),
    };
}

// ---- responses ----

const nonEmpty = (value: string | undefined) => (value ? value : undefined);
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The model as read: ARNs rebuilt from the IDs DescribeUser answers, only what the service
 * returned (no empty identity fields, no hierarchy group when there is none, no desk number a
 * soft phone keeps from before), tags CloudFormation manages, proficiencies (both lists even
 * when empty, as Connect returns them), and never the password.
 */
export function fromDescribeUser(user: User, proficiencies: ConnectProficiency[], instanceArn: string): ResourceModel {
    const identity = user.IdentityInfo ?? {};
    const identityInfo = new UserIdentityInfo({
        firstName: nonEmpty(identity.FirstName),
        lastName: nonEmpty(identity.LastName),
        email: nonEmpty(identity.Email),
        secondaryEmail: nonEmpty(identity.SecondaryEmail),
        mobile: nonEmpty(identity.Mobile),
    });
    const phone = user.PhoneConfig;
    const tags = Object.entries(user.Tags ?? {})
        .filter(([key]) => isManagedTagKey(key))
        .sort(([a], [b]) => byKey(a, b))
        .map(([key, value]) => new Tag({ key, value }));
    const model = new ResourceModel({
        userArn: user.Arn,
        instanceArn,
        username: user.Username,
        directoryUserId: nonEmpty(user.DirectoryUserId),
        routingProfileArn: user.RoutingProfileId ? arnOf.routingProfile(instanceArn, user.RoutingProfileId) : undefined,
        securityProfileArns: (user.SecurityProfileIds ?? []).map((id) => arnOf.securityProfile(instanceArn, id)),
        hierarchyGroupArn: user.HierarchyGroupId ? arnOf.hierarchyGroup(instanceArn, user.HierarchyGroupId) : undefined,
        identityInfo: Object.values(identityInfo).some((v) => v !== undefined) ? identityInfo : undefined,
        phoneConfig: phone
            ? new UserPhoneConfig({
                  phoneType: phone.PhoneType,
                  autoAccept: phone.AutoAccept,
                  afterContactWorkTimeLimit: phone.AfterContactWorkTimeLimit,
                  persistentConnection: phone.PersistentConnection,
                  deskPhoneNumber: phone.PhoneType === 'DESK_PHONE' ? nonEmpty(phone.DeskPhoneNumber) : undefined,
              })
            : undefined,
        // Connect answers both, empty or not: a template that says `Tags: []` reads back the same.
        tags,
        userProficiencies: [...proficiencies]
            .sort((a, b) => byKey(`${a.AttributeName}\u0000${a.AttributeValue}`, `${b.AttributeName}\u0000${b.AttributeValue}`))
            .map((p) => new UserProficiency({ attributeName: p.AttributeName, attributeValue: p.AttributeValue, level: p.Level })),
    });
    // Only the entries the template declared (recorded on the user): see channel-settings.ts.
    const lists = fromUser(user);
    model.autoAcceptConfigs = lists.AutoAcceptConfigs as AutoAcceptConfig[] | undefined;
    model.afterContactWorkConfigs = lists.AfterContactWorkConfigs as AfterContactWorkConfigPerChannel[] | undefined;
    model.phoneNumberConfigs = lists.PhoneNumberConfigs as PhoneNumberConfig[] | undefined;
    model.persistentConnectionConfigs = lists.PersistentConnectionConfigs as PersistentConnectionConfig[] | undefined;
    model.voiceEnhancementConfigs = lists.VoiceEnhancementConfigs as VoiceEnhancementConfig[] | undefined;
    return model;
}

/** List returns identifiers plus what the summary already holds: no call per user. */
export function fromUserSummary(summary: UserSummary, instanceArn: string): ResourceModel {
    return new ResourceModel({ userArn: summary.Arn, instanceArn, username: summary.Username });
}
