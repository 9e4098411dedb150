// The Amazon Connect user APIs as an in-memory service: state, identifier rules, validation and
// the behaviour of each operation. No HTTP here (server.ts carries it). Facts are from
// shared/reference/connect-api.md (§ numbers below); choices it leaves open are marked [inferred].
import { randomUUID } from 'node:crypto';
import { checkString, invalidParameter, invalidRequest, JsonObject, Members, notFound, ServiceError } from './input';

export const CHANNELS = ['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const;
type Channel = (typeof CHANNELS)[number];
const PHONE_TYPES = ['SOFT_PHONE', 'DESK_PHONE'] as const;
const VOICE_ENHANCEMENT_MODES = ['VOICE_ISOLATION', 'NOISE_SUPPRESSION', 'NONE'] as const;
const E164 = /^\+[1-9]\d{1,14}$/;
const PASSWORD = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$/;
const SECONDARY_EMAIL = /(?=^.{0,265}$)[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}/;
// Tag keys as the Connect API model of 2026-08 states them: Unicode letters, spaces, digits and
// _ . : / = + - @, 1-128 characters, never aws: (connect-api.md §2.1, §2.11).
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const ID = /^[-a-zA-Z0-9]{1,100}$/;
const INSTANCE_ARN = /^arn:aws[-a-z0-9]*:connect:([-a-z0-9]+):(\d{12}):instance\/([-a-zA-Z0-9]+)$/;
const MAX_ACW = 2_000_000; // seconds (§5.3)

export interface SeedInstance {
    id: string;
    region: string;
    accountId: string;
    alias: string;
    identityManagementType: 'CONNECT_MANAGED' | 'SAML' | 'EXISTING_DIRECTORY';
    /** ListInstances and DescribeInstance answer it (§2.18); ACTIVE when absent. */
    status?: 'ACTIVE' | 'CREATION_IN_PROGRESS' | 'CREATION_FAILED';
    userLimit?: number;
    routingProfiles: { id: string; name: string }[];
    securityProfiles: { id: string; name: string }[];
    hierarchyGroups: { id: string; name: string }[];
    predefinedAttributes: { name: string; values: string[] }[];
}
export interface Seed {
    instances: SeedInstance[];
}

interface ChannelSettings {
    autoAccept: boolean;
    afterContactWorkTimeLimit: number;
    agentFirstCallbackAutoAccept?: boolean;
    agentFirstCallbackAfterContactWorkTimeLimit?: number;
}

export interface User {
    seq: number;
    id: string;
    arn: string;
    username: string;
    identityInfo: Record<string, string>;
    directoryUserId: string;
    securityProfileIds: string[];
    routingProfileId: string;
    hierarchyGroupId?: string;
    tags: Record<string, string>;
    proficiencies: { name: string; value: string; level: number }[];
    channels: Record<Channel, ChannelSettings>;
    phoneType: string;
    deskPhoneNumber?: string;
    persistentConnection: boolean;
    voiceEnhancementMode: string;
    lastModified: number;
    /** Until this time (ms) the user is not yet visible: the documented read-after-create lag. */
    visibleAt: number;
}

interface Instance extends SeedInstance {
    arn: string;
    createdTime: number;
    users: Map<string, User>;
    usernames: Map<string, string>;
}

export interface Request {
    labels: string[];
    query: URLSearchParams;
    body: unknown;
    /** How a read shows a user (consistency.ts); undefined: as it is. Callers in-process (tests, the console) see the truth. */
    seen?: (user: User) => User | undefined;
}
export type Operation = (service: ConnectService, request: Request) => JsonObject | undefined;

export class ConnectService {
    readonly instances = new Map<string, Instance>();
    private seq = 0;
    /** Milliseconds a newly created user stays invisible; set per CreateUser by the fault layer. */
    nextCreateLagMs = 0;

    constructor(
        seed: Seed,
        readonly now: () => number = Date.now,
    ) {
        for (const instance of seed.instances) {
            this.instances.set(instance.id, {
                ...instance,
                arn: `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.id}`,
                createdTime: Date.parse('2026-01-01T00:00:00Z'),
                users: new Map(),
                usernames: new Map(),
            });
        }
    }

    // ---- identifiers (§4): an ID or the ARN of that very thing, in that very instance ----

    instance(idOrArn: string): Instance {
        if (idOrArn === '') throw invalidParameter('InstanceId must not be empty');
        // InstanceId is 1-100 characters in the model: a longer one fails validation, before any look-up.
        if (idOrArn.length > 100) throw invalidParameter("1 validation error detected: Value at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 100");
        const arn = INSTANCE_ARN.exec(idOrArn);
        if (!arn && !ID.test(idOrArn)) throw invalidParameter(`Invalid parameter: ${idOrArn}`);
        const instance = this.instances.get(arn ? arn[3] : idOrArn);
        if (!instance || (arn && instance.arn !== idOrArn)) throw notFound(`Instance not found: ${idOrArn}`);
        return instance;
    }

    private child(instance: Instance, kind: string, idOrArn: string, member: string): string {
        const prefix = `${instance.arn}/${kind}/`;
        const id = idOrArn.startsWith('arn:') ? (idOrArn.startsWith(prefix) ? idOrArn.slice(prefix.length) : undefined) : idOrArn;
        if (id === undefined) throw notFound(`${member} ${idOrArn} does not belong to instance ${instance.id}`);
        if (!ID.test(id)) throw invalidParameter(`Invalid parameter: ${member}`);
        return id;
    }

    user(instance: Instance, idOrArn: string): User {
        if (idOrArn === '') throw invalidParameter('UserId must not be empty');
        const user = instance.users.get(this.child(instance, 'agent', idOrArn, 'UserId'));
        if (!user || user.visibleAt > this.now()) throw notFound(`User not found for UserId: ${idOrArn}`);
        return user;
    }

    private existing(instance: Instance, kind: 'routing-profile' | 'security-profile' | 'agent-group', idOrArn: string, member: string): string {
        const id = this.child(instance, kind, idOrArn, member);
        const pool = kind === 'routing-profile' ? instance.routingProfiles : kind === 'security-profile' ? instance.securityProfiles : instance.hierarchyGroups;
        if (!pool.some((item) => item.id === id)) throw notFound(`${member} not found: ${idOrArn}`);
        return id;
    }

    routingProfile = (instance: Instance, idOrArn: string) => this.existing(instance, 'routing-profile', idOrArn, 'RoutingProfileId');
    hierarchyGroup = (instance: Instance, idOrArn: string) => this.existing(instance, 'agent-group', idOrArn, 'HierarchyGroupId');
    securityProfiles = (instance: Instance, ids: string[]) => [...new Set(ids.map((id) => this.existing(instance, 'security-profile', id, 'SecurityProfileIds')))];

    /** The user behind a taggable ARN (TagResource and friends take only full ARNs, §2.11). */
    taggedUser(resourceArn: string): User {
        const match = /^(arn:aws[-a-z0-9]*:connect:[-a-z0-9]+:\d{12}:instance\/[-a-zA-Z0-9]+)\/agent\/([-a-zA-Z0-9]+)$/.exec(resourceArn);
        if (!match) {
            if (!resourceArn.startsWith('arn:')) throw invalidParameter(`Invalid resourceArn: ${resourceArn}`);
            throw notFound(`Resource not found: ${resourceArn}`);
        }
        return this.user(this.instance(match[1]), match[2]);
    }

    touch(user: User) {
        user.lastModified = this.now();
    }

    nextSeq() {
        return ++this.seq;
    }

    /** How many users CreateUser has made since the start (deleted ones included). */
    get usersEverCreated() {
        return this.seq;
    }

    restoreSeq(seq: number) {
        this.seq = Math.max(this.seq, seq);
    }

    /** The user a change names, as it is before the change; undefined when there is none. */
    target(operation: string, labels: string[]): User | undefined {
        try {
            if (operation === 'TagResource' || operation === 'UntagResource') return this.taggedUser(labels[0]);
            return this.user(this.instance(labels[0]), labels[1]);
        } catch {
            return undefined;
        }
    }
}

// ---- shared readers for the user shapes (§2.1) ----

/**
 * Usernames by identity management. CreateUser's reference (API reference; boto3 and paws docs):
 * "For instances not using SAML for identity management, the user name can include up to 20
 * characters. If you are using SAML for identity management, the user name can include up to 64
 * characters from [a-zA-Z0-9_-.\\@]+." The model itself allows 1-100. Terraform's acceptance
 * tests once created longer CONNECT_MANAGED users (connect-api.md §5.2 [tf]), so the service may
 * be kinder; the documented rule is kept: what passes here passes there.
 */
function checkUsername(instance: Instance, username: string) {
    const saml = instance.identityManagementType === 'SAML';
    const max = saml ? 64 : 20;
    if (username.length > max) {
        throw invalidParameter(`The user name can include up to ${max} characters ${saml ? 'when the instance uses SAML' : 'when the instance does not use SAML'} for identity management`);
    }
    if (!/^[a-zA-Z0-9_\-.@]+$/.test(username)) throw invalidParameter('The user name can include only the characters [a-zA-Z0-9_-.@]');
    // "Username can include @ only if used in an email format" (same reference, §5.2).
    if (username.includes('@') && !/^[^@]+@[^@]+\.[^@]+$/.test(username)) throw invalidParameter("Username may contain '@' only when it is a full email address");
}

/**
 * IdentityInfo.FirstName and LastName: "This is required if you are using Amazon Connect or SAML
 * for identity management" (UserIdentityInfo reference; boto3 docs). Refused with the 400 every
 * other member rule gets [inferred: the code].
 */
function requireNames(instance: Instance, identityInfo: Record<string, string>) {
    if (instance.identityManagementType === 'EXISTING_DIRECTORY') return;
    for (const name of ['FirstName', 'LastName']) {
        if (!identityInfo[name]) throw invalidParameter(`IdentityInfo.${name} is required when the instance uses ${instance.identityManagementType} for identity management`);
    }
}

function readIdentityInfo(info: Members): Record<string, string> {
    const result: Record<string, string> = {};
    const put = (name: string, value: string | undefined) => {
        if (value !== undefined && value !== '') result[name] = value;
    };
    for (const [name, max] of [['FirstName', 255], ['LastName', 300]] as const) {
        const value = info.string(name, { max, sensitive: true });
        if (value !== undefined && value !== value.normalize('NFC')) throw invalidParameter(`IdentityInfo.${name} must be Unicode NFC normalized`);
        put(name, value);
    }
    put('Email', info.string('Email', { sensitive: true }));
    put('SecondaryEmail', info.string('SecondaryEmail', { pattern: SECONDARY_EMAIL, sensitive: true }));
    put('Mobile', info.string('Mobile', { pattern: E164, sensitive: true }));
    return result;
}

interface PhoneSettings {
    phoneType?: string;
    autoAccept?: boolean;
    afterContactWorkTimeLimit?: number;
    deskPhoneNumber?: string;
    persistentConnection?: boolean;
}

function readPhoneConfig(config: Members): PhoneSettings {
    return {
        phoneType: config.string('PhoneType', { values: PHONE_TYPES }),
        autoAccept: config.boolean('AutoAccept'),
        afterContactWorkTimeLimit: config.number('AfterContactWorkTimeLimit', { integer: true, min: 0, max: MAX_ACW }),
        deskPhoneNumber: config.string('DeskPhoneNumber', { pattern: E164, sensitive: true }),
        persistentConnection: config.boolean('PersistentConnection'),
    };
}

/** Applies PhoneConfig to a user. Members left out keep their value [inferred: AWS's handler and TF always send all]. */
function applyPhoneConfig(user: User, phone: PhoneSettings) {
    const phoneType = phone.phoneType ?? user.phoneType;
    const deskPhoneNumber = phone.deskPhoneNumber ?? user.deskPhoneNumber;
    if (phoneType === 'DESK_PHONE' && !deskPhoneNumber) throw invalidParameter('PhoneConfig.DeskPhoneNumber is required when PhoneType is DESK_PHONE');
    user.phoneType = phoneType;
    // Switching to SOFT_PHONE keeps the old desk number: DescribeUser goes on returning it (§5.3, TF's DiffSuppressFunc).
    user.deskPhoneNumber = deskPhoneNumber;
    if (phone.autoAccept !== undefined) user.channels.VOICE.autoAccept = phone.autoAccept;
    if (phone.persistentConnection !== undefined) user.persistentConnection = phone.persistentConnection;
    // "UpdateUserPhoneConfig sets the same ACW to all channels" (§2.6).
    if (phone.afterContactWorkTimeLimit !== undefined) {
        for (const channel of CHANNELS) user.channels[channel].afterContactWorkTimeLimit = phone.afterContactWorkTimeLimit;
    }
}

interface ChannelConfigs {
    autoAccept?: Members[];
    afterContactWork?: Members[];
    phoneNumber?: Members[];
    persistentConnection?: Members[];
    voiceEnhancement?: Members[];
}

function readChannelConfigs(body: Members): ChannelConfigs {
    return {
        autoAccept: body.objectList('AutoAcceptConfigs'),
        afterContactWork: body.objectList('AfterContactWorkConfigs'),
        phoneNumber: body.objectList('PhoneNumberConfigs'),
        persistentConnection: body.objectList('PersistentConnectionConfigs'),
        voiceEnhancement: body.objectList('VoiceEnhancementConfigs'),
    };
}

/** Validates and applies the per-channel lists (§2.10): one entry per channel, VOICE-only settings. */
function applyChannelConfigs(user: User, configs: ChannelConfigs) {
    const each = (list: Members[] | undefined, member: string, voiceOnly: boolean, apply: (entry: Members, channel: Channel) => void) => {
        const seen = new Set<string>();
        for (const entry of list ?? []) {
            const channel = entry.string('Channel', { required: true, values: CHANNELS }) as Channel;
            if (seen.has(channel)) throw invalidParameter(`${member} has more than one entry for channel ${channel}`);
            seen.add(channel);
            if (voiceOnly && channel !== 'VOICE') throw invalidParameter(`${member} supports the VOICE channel only, not ${channel}`);
            apply(entry, channel);
        }
    };
    const staged = structuredClone({ channels: user.channels, phoneType: user.phoneType, deskPhoneNumber: user.deskPhoneNumber, persistentConnection: user.persistentConnection, voiceEnhancementMode: user.voiceEnhancementMode });
    each(configs.autoAccept, 'AutoAcceptConfigs', false, (entry, channel) => {
        staged.channels[channel].autoAccept = entry.boolean('AutoAccept', true)!;
        const callback = entry.boolean('AgentFirstCallbackAutoAccept');
        if (callback !== undefined && channel !== 'VOICE') throw invalidParameter('AgentFirstCallbackAutoAccept applies to the VOICE channel only');
        if (callback !== undefined) staged.channels[channel].agentFirstCallbackAutoAccept = callback;
    });
    each(configs.afterContactWork, 'AfterContactWorkConfigs', false, (entry, channel) => {
        const limit = (name: string, required: boolean) =>
            entry.object(name, required)?.number('AfterContactWorkTimeLimit', { integer: true, min: 0, max: MAX_ACW });
        staged.channels[channel].afterContactWorkTimeLimit = limit('AfterContactWorkConfig', true) ?? 0;
        const callback = limit('AgentFirstCallbackAfterContactWorkConfig', false);
        if (callback !== undefined && channel !== 'VOICE') throw invalidParameter('AgentFirstCallbackAfterContactWorkConfig applies to the VOICE channel only');
        if (callback !== undefined) staged.channels[channel].agentFirstCallbackAfterContactWorkTimeLimit = callback;
    });
    each(configs.phoneNumber, 'PhoneNumberConfigs', true, (entry) => {
        const phoneType = entry.string('PhoneType', { required: true, values: PHONE_TYPES })!;
        const number = entry.string('PhoneNumber', { pattern: E164, sensitive: true });
        if (phoneType === 'DESK_PHONE' && !(number ?? staged.deskPhoneNumber)) throw invalidParameter('PhoneNumberConfigs.PhoneNumber is required when PhoneType is DESK_PHONE');
        staged.phoneType = phoneType;
        staged.deskPhoneNumber = number ?? staged.deskPhoneNumber;
    });
    each(configs.persistentConnection, 'PersistentConnectionConfigs', true, (entry) => {
        staged.persistentConnection = entry.boolean('PersistentConnection', true)!;
    });
    each(configs.voiceEnhancement, 'VoiceEnhancementConfigs', true, (entry) => {
        staged.voiceEnhancementMode = entry.string('VoiceEnhancementMode', { required: true, values: VOICE_ENHANCEMENT_MODES })!;
    });
    Object.assign(user, staged);
}

const TAGS_RULE = { min: 1, max: 50, key: { min: 1, max: 128, pattern: TAG_KEY }, value: { max: 256 } };

/**
 * How Connect answers a proficiency pair, each rule beside its source. Connect documents which
 * error codes these operations raise, not which one each case gets; where the case's code is a
 * choice among the documented ones it says [inferred].
 */
export const PROFICIENCY_RULES = {
    /** "You must use name of predefined attribute present in the Amazon Connect instance" [model doc, §2.14]; ResourceNotFound is the documented code for a missing resource [inferred]. */
    attributeMissing: (name: string, instance: Instance) => notFound(`Predefined attribute ${name} not found in instance ${instance.id}`),
    /** "You must use value of predefined attribute present in the Amazon Connect instance" [model doc, §2.14]; the code [inferred]. */
    valueMissing: (name: string, value: string) => invalidParameter(`${value} is not a value of predefined attribute ${name}`),
    /** Associating a pair the user holds already: refused, not taken as a level change (UpdateUserProficiencies is the documented way to change a level, §2.16) [inferred]. */
    alreadyAssociated: (name: string, value: string) => invalidParameter(`Proficiency ${name}=${value} is already associated with the user`),
    /** "Proficiencies must first be associated to the user" [model doc, §2.16]; the code [inferred]. */
    notAssociatedForUpdate: (name: string, value: string) => invalidParameter(`Proficiency ${name}=${value} is not associated with the user; associate it first`),
    /** Disassociating a pair the user does not hold: refused like an update of one [inferred]. */
    notAssociatedForRemoval: (name: string, value: string) => invalidParameter(`Proficiency ${name}=${value} is not associated with the user`),
};

/** An instance as ListInstances and DescribeInstance describe it (§2.18). */
function instanceSummary(instance: Instance): JsonObject {
    return {
        Id: instance.id,
        Arn: instance.arn,
        IdentityManagementType: instance.identityManagementType,
        InstanceAlias: instance.alias,
        CreatedTime: seconds(instance.createdTime),
        ServiceRole: `arn:aws:iam::${instance.accountId}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect`,
        InstanceStatus: instance.status ?? 'ACTIVE',
        InboundCallsEnabled: true,
        OutboundCallsEnabled: true,
        InstanceAccessUrl: `https://${instance.alias}.my.connect.aws`,
    };
}

function readProficiencies(body: Members, withLevel: boolean, instance: Instance) {
    return body.objectList('UserProficiencies', { required: true, min: 1 })!.map((entry) => {
        const name = entry.string('AttributeName', { required: true, min: 1, max: 100 })!;
        const value = entry.string('AttributeValue', { required: true, min: 1, max: 100 })!;
        const level = withLevel ? entry.number('Level', { required: true, min: 1, max: 5 })! : 0;
        const attribute = instance.predefinedAttributes.find((a) => a.name === name);
        if (!attribute) throw PROFICIENCY_RULES.attributeMissing(name, instance);
        if (!attribute.values.includes(value)) throw PROFICIENCY_RULES.valueMissing(name, value);
        return { name, value, level };
    });
}

const holds = (user: User, p: { name: string; value: string }) => user.proficiencies.find((q) => q.name === p.name && q.value === p.value);

/** Reads maxResults before anything is looked up: the front door validates members first. */
function pageSize(query: URLSearchParams, maxLimit: number, defaultLimit: number, refuse = invalidParameter) {
    const rawMax = query.get('maxResults');
    const max = rawMax === null ? defaultLimit : Number(rawMax);
    if (!Number.isInteger(max) || max < 1 || max > maxLimit) {
        throw refuse(`1 validation error detected: Value '${rawMax}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${maxLimit}`);
    }
    return max;
}

function paginate<T>(items: T[], query: URLSearchParams, max: number, scope: string) {
    let start = 0;
    const token = query.get('nextToken');
    if (token !== null) {
        const decoded = decodeToken(token);
        if (!decoded || decoded.scope !== scope) throw invalidParameter('Invalid NextToken');
        start = decoded.offset;
    }
    const page = items.slice(start, start + max);
    const next = start + max < items.length ? encodeToken({ scope, offset: start + max }) : undefined;
    return { page, next };
}

// Tokens are opaque to clients, tied to the list they came from [inferred].
function encodeToken(token: { scope: string; offset: number }) {
    return Buffer.from(JSON.stringify(token)).toString('base64url');
}
function decodeToken(token: string): { scope: string; offset: number } | undefined {
    try {
        const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
        return typeof value?.scope === 'string' && Number.isInteger(value.offset) && value.offset >= 0 ? value : undefined;
    } catch {
        return undefined;
    }
}

const seconds = (ms: number) => ms / 1000;

function describe(instance: Instance, user: User): JsonObject {
    const channelEntries = CHANNELS.map((channel) => ({ channel, settings: user.channels[channel] }));
    const described: JsonObject = {
        Id: user.id,
        Arn: user.arn,
        Username: user.username,
        IdentityInfo: { ...user.identityInfo },
        PhoneConfig: {
            PhoneType: user.phoneType,
            AutoAccept: user.channels.VOICE.autoAccept,
            AfterContactWorkTimeLimit: user.channels.VOICE.afterContactWorkTimeLimit,
            PersistentConnection: user.persistentConnection,
            ...(user.deskPhoneNumber ? { DeskPhoneNumber: user.deskPhoneNumber } : {}),
        },
        DirectoryUserId: user.directoryUserId,
        SecurityProfileIds: [...user.securityProfileIds],
        RoutingProfileId: user.routingProfileId,
        ...(user.hierarchyGroupId ? { HierarchyGroupId: user.hierarchyGroupId } : {}),
        // TagMap holds 1 to 50 entries [model]: an untagged user answers no Tags member.
        ...(Object.keys(user.tags).length > 0 ? { Tags: { ...user.tags } } : {}),
        AutoAcceptConfigs: channelEntries.map(({ channel, settings }) => ({
            Channel: channel,
            AutoAccept: settings.autoAccept,
            ...(settings.agentFirstCallbackAutoAccept !== undefined ? { AgentFirstCallbackAutoAccept: settings.agentFirstCallbackAutoAccept } : {}),
        })),
        AfterContactWorkConfigs: channelEntries.map(({ channel, settings }) => ({
            Channel: channel,
            AfterContactWorkConfig: { AfterContactWorkTimeLimit: settings.afterContactWorkTimeLimit },
            ...(settings.agentFirstCallbackAfterContactWorkTimeLimit !== undefined
                ? { AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: settings.agentFirstCallbackAfterContactWorkTimeLimit } }
                : {}),
        })),
        PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: user.phoneType, ...(user.deskPhoneNumber ? { PhoneNumber: user.deskPhoneNumber } : {}) }],
        PersistentConnectionConfigs: [{ Channel: 'VOICE', PersistentConnection: user.persistentConnection }],
        VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: user.voiceEnhancementMode }],
        LastModifiedTime: seconds(user.lastModified),
        LastModifiedRegion: instance.region,
    };
    return described;
}

const visibleUsers = (service: ConnectService, instance: Instance, request: Request) =>
    [...instance.users.values()].filter((u) => u.visibleAt <= service.now()).flatMap((u) => shown(request, u) ?? []);

function userFromPath(service: ConnectService, request: Request) {
    const instance = service.instance(request.labels[0]);
    return { instance, user: service.user(instance, request.labels[1]) };
}

const shown = (request: Request, user: User) => (request.seen ? request.seen(user) : user);

/** The user a read names, as the read shows it: while a change lags, as it was (consistency.ts). */
function readFromPath(service: ConnectService, request: Request) {
    const { instance, user } = userFromPath(service, request);
    const seen = shown(request, user);
    if (!seen) throw notFound(`User not found for UserId: ${request.labels[1]}`);
    return { instance, user: seen };
}

function summaries(instance: Instance, kind: string, items: { id: string; name: string }[]) {
    return items.map((item) => ({
        Id: item.id,
        Arn: `${instance.arn}/${kind}/${item.id}`,
        Name: item.name,
        LastModifiedTime: seconds(instance.createdTime),
        LastModifiedRegion: instance.region,
    }));
}

/** The look-up lists of an instance's seeded things: same paging, same summary shape. */
function summaryList(kind: string, pool: 'routingProfiles' | 'securityProfiles' | 'hierarchyGroups', listName: string): Operation {
    return (service, request) => {
        const max = pageSize(request.query, 1000, 100);
        const instance = service.instance(request.labels[0]);
        const { page, next } = paginate(summaries(instance, kind, instance[pool]), request.query, max, `${kind}:${instance.id}`);
        return { [listName]: page, ...(next ? { NextToken: next } : {}) };
    };
}

export const operations: Record<string, Operation> = {
    CreateUser(service, request) {
        const instance = service.instance(request.labels[0]);
        const body = Members.of(request.body);
        const username = body.string('Username', { required: true, min: 1, max: 100 })!;
        const password = body.string('Password', { sensitive: true });
        const directoryUserId = body.string('DirectoryUserId');
        const identity = body.object('IdentityInfo');
        // Optional: the 2026-08 model requires only Username, SecurityProfileIds, RoutingProfileId
        // and InstanceId, and UserPhoneConfig has no required member (connect-api.md §2.1).
        const phone = body.object('PhoneConfig');
        const securityProfileIds = body.stringList('SecurityProfileIds', { required: true, min: 1, max: 10 })!;
        const routingProfileId = body.string('RoutingProfileId', { required: true })!;
        const hierarchyGroupId = body.string('HierarchyGroupId');
        const tags = body.stringMap('Tags', TAGS_RULE);
        const channelConfigs = readChannelConfigs(body);

        // Identity management rules (§5.2).
        if (instance.identityManagementType === 'CONNECT_MANAGED') {
            if (password === undefined) throw invalidParameter('Password is required when the instance uses Amazon Connect for identity management');
            checkString('password', password, { pattern: PASSWORD, sensitive: true });
        } else if (password !== undefined) {
            throw invalidRequest(`Password must not be set when the instance uses ${instance.identityManagementType} for identity management`);
        }
        if (instance.identityManagementType === 'SAML' && directoryUserId !== undefined) {
            throw invalidRequest('DirectoryUserId must not be set when the instance uses SAML for identity management');
        }
        checkUsername(instance, username);
        const identityInfo = identity ? readIdentityInfo(identity) : {};
        requireNames(instance, identityInfo);
        const phoneSettings = phone ? readPhoneConfig(phone) : {};
        // A PhoneConfig member and its per-channel counterpart cannot be set together (§2.1).
        const conflicts: [keyof PhoneSettings | 'phoneNumber', keyof ChannelConfigs, string][] = [
            ['autoAccept', 'autoAccept', 'PhoneConfig.AutoAccept and AutoAcceptConfigs'],
            ['afterContactWorkTimeLimit', 'afterContactWork', 'PhoneConfig.AfterContactWorkTimeLimit and AfterContactWorkConfigs'],
            ['phoneType', 'phoneNumber', 'PhoneConfig.PhoneType and PhoneNumberConfigs'],
            ['deskPhoneNumber', 'phoneNumber', 'PhoneConfig.DeskPhoneNumber and PhoneNumberConfigs'],
            ['persistentConnection', 'persistentConnection', 'PhoneConfig.PersistentConnection and PersistentConnectionConfigs'],
        ];
        for (const [phoneMember, channelMember, names] of conflicts) {
            if ((phoneSettings as Record<string, unknown>)[phoneMember] !== undefined && channelConfigs[channelMember] !== undefined) {
                throw invalidParameter(`${names} cannot be set together`);
            }
        }
        const routingProfile = service.routingProfile(instance, routingProfileId);
        const securityProfiles = service.securityProfiles(instance, securityProfileIds);
        const hierarchyGroup = hierarchyGroupId ? service.hierarchyGroup(instance, hierarchyGroupId) : undefined;
        if (instance.usernames.has(username)) {
            throw new ServiceError('DuplicateResourceException', 409, `The user ${username} is already associated with the Amazon Connect instance ${instance.id}`);
        }
        if (instance.users.size >= (instance.userLimit ?? 20_000)) {
            throw new ServiceError('LimitExceededException', 429, `The number of users in instance ${instance.id} has reached its limit`);
        }
        const id = randomUUID();
        const now = service.now();
        const user: User = {
            seq: service.nextSeq(),
            id,
            arn: `${instance.arn}/agent/${id}`,
            username,
            identityInfo,
            // The service fills DirectoryUserId even for users who never set it (§2.2, TF user_test.go).
            directoryUserId: directoryUserId ?? randomUUID(),
            securityProfileIds: securityProfiles,
            routingProfileId: routingProfile,
            hierarchyGroupId: hierarchyGroup,
            tags: { ...(tags ?? {}) },
            proficiencies: [],
            channels: Object.fromEntries(CHANNELS.map((c) => [c, { autoAccept: false, afterContactWorkTimeLimit: 0 }])) as Record<Channel, ChannelSettings>,
            phoneType: 'SOFT_PHONE',
            persistentConnection: false,
            voiceEnhancementMode: 'NONE',
            lastModified: now,
            visibleAt: now + service.nextCreateLagMs,
        };
        applyPhoneConfig(user, phoneSettings);
        applyChannelConfigs(user, channelConfigs);
        instance.users.set(id, user);
        instance.usernames.set(username, id);
        return { UserId: id, UserArn: user.arn };
    },

    DescribeUser(service, request) {
        const { instance, user } = readFromPath(service, request);
        return { User: describe(instance, user) };
    },

    ListUsers(service, request) {
        const max = pageSize(request.query, 1000, 100);
        const instance = service.instance(request.labels[0]);
        const { page, next } = paginate(visibleUsers(service, instance, request), request.query, max, `users:${instance.id}`);
        return {
            UserSummaryList: page.map((u) => ({ Id: u.id, Arn: u.arn, Username: u.username, LastModifiedTime: seconds(u.lastModified), LastModifiedRegion: instance.region })),
            ...(next ? { NextToken: next } : {}),
        };
    },

    DeleteUser(service, request) {
        const { instance, user } = userFromPath(service, request);
        instance.users.delete(user.id);
        instance.usernames.delete(user.username);
        return undefined;
    },

    UpdateUserIdentityInfo(service, request) {
        // The whole identity is replaced by what is sent [inferred, §2.5].
        const identityInfo = readIdentityInfo(Members.of(request.body).object('IdentityInfo', true)!);
        const { instance, user } = userFromPath(service, request);
        requireNames(instance, identityInfo);
        user.identityInfo = identityInfo;
        service.touch(user);
        return undefined;
    },

    UpdateUserPhoneConfig(service, request) {
        const phone = readPhoneConfig(Members.of(request.body).object('PhoneConfig', true)!);
        const { user } = userFromPath(service, request);
        applyPhoneConfig(user, phone);
        service.touch(user);
        return undefined;
    },

    UpdateUserRoutingProfile(service, request) {
        const routingProfileId = Members.of(request.body).string('RoutingProfileId', { required: true })!;
        const { instance, user } = userFromPath(service, request);
        user.routingProfileId = service.routingProfile(instance, routingProfileId);
        service.touch(user);
        return undefined;
    },

    UpdateUserSecurityProfiles(service, request) {
        const ids = Members.of(request.body).stringList('SecurityProfileIds', { required: true, min: 1, max: 10 })!;
        const { instance, user } = userFromPath(service, request);
        user.securityProfileIds = service.securityProfiles(instance, ids);
        service.touch(user);
        return undefined;
    },

    UpdateUserHierarchy(service, request) {
        // Absent (or "") removes the group (§2.9).
        const group = Members.of(request.body).string('HierarchyGroupId');
        const { instance, user } = userFromPath(service, request);
        user.hierarchyGroupId = group ? service.hierarchyGroup(instance, group) : undefined;
        service.touch(user);
        return undefined;
    },

    UpdateUserConfig(service, request) {
        const configs = readChannelConfigs(Members.of(request.body));
        const { user } = userFromPath(service, request);
        applyChannelConfigs(user, configs);
        service.touch(user);
        return undefined;
    },

    AssociateUserProficiencies(service, request) {
        const { instance, user } = userFromPath(service, request);
        const added = readProficiencies(Members.of(request.body), true, instance);
        // All or nothing: the request is checked whole before any pair changes.
        for (const p of added) if (holds(user, p)) throw PROFICIENCY_RULES.alreadyAssociated(p.name, p.value);
        user.proficiencies.push(...added);
        service.touch(user);
        return undefined;
    },

    DisassociateUserProficiencies(service, request) {
        const { instance, user } = userFromPath(service, request);
        const removed = readProficiencies(Members.of(request.body), false, instance);
        for (const p of removed) if (!holds(user, p)) throw PROFICIENCY_RULES.notAssociatedForRemoval(p.name, p.value);
        user.proficiencies = user.proficiencies.filter((q) => !removed.some((p) => p.name === q.name && p.value === q.value));
        service.touch(user);
        return undefined;
    },

    UpdateUserProficiencies(service, request) {
        const { instance, user } = userFromPath(service, request);
        const updates = readProficiencies(Members.of(request.body), true, instance);
        for (const p of updates) if (!holds(user, p)) throw PROFICIENCY_RULES.notAssociatedForUpdate(p.name, p.value);
        for (const p of updates) holds(user, p)!.level = p.level;
        service.touch(user);
        return undefined;
    },

    ListUserProficiencies(service, request) {
        const max = pageSize(request.query, 100, 100);
        const { instance, user } = readFromPath(service, request);
        const { page, next } = paginate(user.proficiencies, request.query, max, `proficiencies:${user.id}`);
        return {
            UserProficiencyList: page.map((p) => ({ AttributeName: p.name, AttributeValue: p.value, Level: p.level })),
            ...(next ? { NextToken: next } : {}),
            LastModifiedTime: seconds(user.lastModified),
            LastModifiedRegion: instance.region,
        };
    },

    TagResource(service, request) {
        const user = service.taggedUser(request.labels[0]);
        const tags = Members.of(request.body).stringMap('tags', { ...TAGS_RULE, required: true })!;
        const merged = { ...user.tags, ...tags };
        if (Object.keys(merged).length > 50) throw invalidParameter('A resource can have at most 50 tags');
        user.tags = merged;
        return undefined;
    },

    UntagResource(service, request) {
        const user = service.taggedUser(request.labels[0]);
        const keys = request.query.getAll('tagKeys');
        if (keys.length < 1 || keys.length > 50) {
            throw invalidParameter("1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length between 1 and 50");
        }
        for (const key of keys) {
            checkString('tagKeys.member', key, { min: 1, max: 128, pattern: TAG_KEY });
            delete user.tags[key];
        }
        return undefined;
    },

    ListTagsForResource(service, request) {
        const user = shown(request, service.taggedUser(request.labels[0]));
        if (!user) throw notFound(`Resource not found: ${request.labels[0]}`);
        return { tags: { ...user.tags } };
    },

    DescribeInstance(service, request) {
        // The seeded instances carry no tags, and a TagMap holds 1 to 50 entries [model]: no Tags member.
        return { Instance: instanceSummary(service.instance(request.labels[0])) };
    },

    // GET /instance: maxResults 1-10 [model]; the default when absent is not documented [inferred: 10].
    ListInstances(service, request) {
        // ListInstances declares InvalidRequestException, not InvalidParameterException [model].
        const max = pageSize(request.query, 10, 10, invalidRequest);
        const { page, next } = paginate([...service.instances.values()].map(instanceSummary), request.query, max, 'instances');
        return { InstanceSummaryList: page, ...(next ? { NextToken: next } : {}) };
    },

    ListRoutingProfiles: summaryList('routing-profile', 'routingProfiles', 'RoutingProfileSummaryList'),
    ListSecurityProfiles: summaryList('security-profile', 'securityProfiles', 'SecurityProfileSummaryList'),
    ListUserHierarchyGroups: summaryList('agent-group', 'hierarchyGroups', 'UserHierarchyGroupSummaryList'),

    ListPredefinedAttributes(service, request) {
        const max = pageSize(request.query, 100, 100);
        const instance = service.instance(request.labels[0]);
        const items = instance.predefinedAttributes.map((a) => ({ Name: a.name, LastModifiedTime: seconds(instance.createdTime), LastModifiedRegion: instance.region }));
        const { page, next } = paginate(items, request.query, max, `pa:${instance.id}`);
        return { PredefinedAttributeSummaryList: page, ...(next ? { NextToken: next } : {}) };
    },
};
