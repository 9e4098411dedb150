// Validation at the boundary: the properties CloudFormation sent, checked against the resource
// schema (compiled ahead of time into schema-validator.ts) and against the rules a JSON Schema
// cannot say. Messages name the property and what is allowed, never a value of Password.
import type { ErrorObject } from 'ajv';
import { channelSettingProblems, voiceDeskNumber } from './channel-settings';
import { ResourceModel } from './generated/models';
import type { UserProperties } from './generated/properties';
import { RESERVED_TAG_PREFIX } from './tags';
import type * as SchemaValidator from './generated/schema-validator';

// The compiled schema is the largest module of ours, and only CREATE and UPDATE need it: loaded
// on first use, so READ, DELETE and LIST never compile it.
let compiled: typeof SchemaValidator | undefined;
const schemaValidator = () => (compiled ??= require('./generated/schema-validator') as typeof SchemaValidator);
const validateSchema = (data: unknown) => (schemaValidator().validate as (data: unknown) => boolean)(data);
const schemaErrors = () => (schemaValidator().validate as { errors?: ErrorObject[] | null }).errors;

export type Properties = Record<string, unknown>;
export type Validated = { ok: true; properties: Properties } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 8;

/** What a pattern asks for, in words, by property path. */
const PATTERN_HINTS: Record<string, string> = {
    '/Password': '8 to 64 characters with at least one lower-case letter, one upper-case letter and one digit',
    '/Username': 'letters, digits and _ - . @ only',
    '/InstanceArn': 'an instance ARN, arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE_ID',
    '/RoutingProfileArn': 'a routing profile ARN, INSTANCE_ARN/routing-profile/ID',
    '/SecurityProfileArns/*': 'a security profile ARN, INSTANCE_ARN/security-profile/ID',
    '/HierarchyGroupArn': 'a hierarchy group ARN, INSTANCE_ARN/agent-group/ID',
    '/UserArn': 'a user ARN, INSTANCE_ARN/agent/ID',
    '/Tags/*/Key': 'a key that does not start with aws: (the prefix AWS reserves)',
    '/IdentityInfo/Mobile': 'an E.164 phone number such as +14155550100',
    '/PhoneConfig/DeskPhoneNumber': 'an E.164 phone number such as +14155550100',
    '/PhoneNumberConfigs/*/PhoneNumber': 'an E.164 phone number such as +14155550100',
    '/IdentityInfo/SecondaryEmail': 'an email address',
};

/**
 * Properties of the type AWS publishes that Amazon Connect's API has no place for: refused by
 * name, with the reason, rather than as an unknown property.
 */
const NOT_IN_CONNECT: Record<string, string> = {
    AfterContactWorkMode: 'no Amazon Connect API takes an after contact work mode (CreateUser and UpdateUserConfig take only AfterContactWorkTimeLimit); remove it and set AfterContactWorkTimeLimit',
};

/** Bounds the published type states wider than Amazon Connect accepts, by property path. */
const BOUND_REASONS: Record<string, string> = {
    '/UserProficiencies/*/Level': 'Amazon Connect accepts proficiency levels 1 to 5 only (the published type says 0 to 10)',
};

/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, any> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** "/Tags/3/Key" -> "Tags[3].Key", the way a template author finds it. */
export function propertyName(pointer: string): string {
    return pointer
        .split('/')
        .filter(Boolean)
        .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : `${index ? '.' : ''}${shortened(part.replace(/~1/g, '/').replace(/~0/g, '~'))}`))
        .join('');
}

/** A name as a message echoes it: hostile input may send a name of megabytes. */
const MAX_ECHOED_NAME = 64;
const shortened = (name: string) => (name.length > MAX_ECHOED_NAME ? `${name.slice(0, MAX_ECHOED_NAME)}… (${name.length} characters)` : name);
const genericPath = (pointer: string) => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

/**
 * CloudFormation sends booleans and numbers of a template as strings ("true", "30"); turn them
 * back into what the schema says, as the models do, and leave anything else for the schema to
 * refuse. Objects are rebuilt with Object.fromEntries so a "__proto__" key stays a plain key.
 */
export function recast(value: unknown, path = ''): unknown {
    const { PRIMITIVE_PATHS } = schemaValidator();
    const type = PRIMITIVE_PATHS[path as keyof typeof PRIMITIVE_PATHS];
    if (type && typeof value === 'string') {
        if (type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
        if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
        if (type === 'number' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
        return value;
    }
    const descends = (child: string) => Object.keys(PRIMITIVE_PATHS).some((p) => p.startsWith(`${child}/`) || p === child);
    if (Array.isArray(value)) return descends(`${path}/*`) ? value.map((item) => recast(item, `${path}/*`)) : value;
    if (isObject(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, descends(`${path}/${key}`) ? recast(item, `${path}/${key}`) : item]));
    }
    return value;
}

/**
 * Arrays longer than the schema allows, found before anything walks their items: ajv's
 * uniqueItems compares every pair, so a template with 100,000 tags would keep the handler busy
 * for minutes.
 */
function oversizedArrays(properties: unknown): string[] {
    const { ARRAY_LIMITS } = schemaValidator();
    const problems: string[] = [];
    const visit = (value: unknown, pointer: string, generic: string) => {
        if (!Array.isArray(value)) {
            if (isObject(value)) for (const [key, item] of Object.entries(value)) if (Object.keys(ARRAY_LIMITS).some((p) => p.startsWith(`${generic}/${key}`))) visit(item, `${pointer}/${key}`, `${generic}/${key}`);
            return;
        }
        const limit = ARRAY_LIMITS[generic as keyof typeof ARRAY_LIMITS];
        if (limit !== undefined && value.length > limit) problems.push(`${propertyName(pointer)} has ${value.length} items; at most ${limit} are allowed`);
        else if (Object.keys(ARRAY_LIMITS).some((p) => p.startsWith(`${generic}/*/`))) value.forEach((item, index) => visit(item, `${pointer}/${index}`, `${generic}/*`));
    };
    visit(properties, '', '');
    return problems;
}

/**
 * Names a caller's documentation or Connect's own API uses for a property of ours, by the path
 * they appear at: the property the author meant.
 */
const MEANT: Record<string, string> = {
    '/PhoneConfig/PhoneNumber': 'DeskPhoneNumber', // Alchemy's AWS::Connect::User page
    '/InstanceId': 'InstanceArn', // Connect's API names: IDs where the type takes ARNs
    '/RoutingProfileId': 'RoutingProfileArn',
    '/SecurityProfileIds': 'SecurityProfileArns',
    '/HierarchyGroupId': 'HierarchyGroupArn',
    '/UserId': 'UserArn',
};

/** Edits that turn a into b: insertions, deletions, substitutions, and swaps of neighbours (a typist's slips). */
function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}

/** The member of an object a misspelt, mis-cased or borrowed name most likely meant. */
function meant(name: string, objectPath: string, names: string[]): string | undefined {
    // The edit distance is quadratic: only names as long as a property name could be get one.
    if (name.length > MAX_ECHOED_NAME) return undefined;
    const alias = MEANT[`${objectPath}/${name}`];
    if (alias && names.includes(alias)) return alias;
    const lower = name.toLowerCase();
    const cased = names.find((n) => n.toLowerCase() === lower);
    if (cased) return cased;
    const scored = names.map((n) => ({ n, d: distance(lower, n.toLowerCase()) })).sort((a, b) => a.d - b.d);
    if (scored[0] && scored[0].d <= Math.max(1, Math.floor(name.length / 4))) return scored[0].n;
    return names.find((n) => lower.length >= 5 && (n.toLowerCase().endsWith(lower) || lower.endsWith(n.toLowerCase())));
}

const parentOf = (pointer: string) => pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));

/** The object an error is about: the object itself for a missing or unknown member, else the member's parent. */
function objectOf(error: ErrorObject): string {
    const at = error.instancePath as string;
    return error.keyword === 'required' || error.keyword === 'additionalProperties' ? at : parentOf(at);
}

function schemaProblems(properties: unknown): string[] {
    if (validateSchema(properties)) return [];
    const { OBJECT_SHAPES } = schemaValidator();
    const shapeOf = (pointer: string) => OBJECT_SHAPES[genericPath(pointer) as keyof typeof OBJECT_SHAPES] as { names: string[]; shape: string } | undefined;
    const errors = schemaErrors() ?? [];
    const valueAt = (pointer: string) => pointer.split('/').slice(1).reduce<any>((node, key) => (node == null ? node : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), properties);

    // An array item of the wrong shape gets one message that shows the item it should be, instead
    // of one complaint per member (a missing member, a name the type does not have...).
    const malformed = new Map<string, string>();
    const isItem = (pointer: string) => /\/\d+$/.test(pointer) && shapeOf(pointer) !== undefined;
    for (const error of errors) {
        const at = error.instancePath as string;
        if (error.keyword === 'type' && isItem(at) && !isObject(valueAt(at))) malformed.set(at, `${propertyName(at)} must be an object ${shapeOf(at)!.shape}`);
    }
    const perItem = new Map<string, ErrorObject[]>();
    for (const error of errors) {
        const item = objectOf(error);
        if (isItem(item) && !malformed.has(item)) perItem.set(item, [...(perItem.get(item) ?? []), error]);
    }
    for (const [item, itemErrors] of perItem) {
        const structural = itemErrors.some((e) => e.keyword === 'required' || e.keyword === 'additionalProperties');
        if (!structural || itemErrors.length < 2) continue;
        const value = valueAt(item);
        const has = Object.keys(value).length > 0 ? `it has ${Object.keys(value).join(', ')}` : 'it is empty';
        malformed.set(item, `${propertyName(item)} must be ${shapeOf(item)!.shape}; ${has}`);
    }

    const problems = [...malformed.values()];
    for (const error of errors as ErrorObject<string, any>[]) {
        // A few problems described are enough to act on; the rest are not worth the work.
        if (problems.length >= MAX_PROBLEMS) break;
        const at = error.instancePath as string;
        if (malformed.has(at) || malformed.has(objectOf(error))) continue;
        problems.push(describe(error, at, shapeOf));
    }
    return problems;
}

function describe(error: ErrorObject<string, any>, at: string, shapeOf: (pointer: string) => { names: string[]; shape: string } | undefined): string {
    switch (error.keyword) {
        case 'required':
            return `${propertyName(`${at}/${error.params.missingProperty}`)} is required`;
        case 'additionalProperties': {
            const name = error.params.additionalProperty;
            if (NOT_IN_CONNECT[name]) return `${propertyName(`${at}/${name}`)} cannot be set: ${NOT_IN_CONNECT[name]}`;
            const owner = at ? propertyName(at) : ResourceModel.TYPE_NAME;
            const names = shapeOf(at)?.names ?? [];
            const likely = meant(name, genericPath(at), names);
            const takes = names.length > 0 ? ` ${at ? propertyName(at) : 'It'} takes ${names.join(', ')}` : '';
            return `${propertyName(`${at}/${name}`)} is not a property of ${owner}; ${likely ? `did you mean ${likely}?` : 'remove it.'}${takes}`;
        }
        case 'minimum':
        case 'maximum': {
            const reason = BOUND_REASONS[genericPath(at)];
            return `${propertyName(at)} must be ${error.params.comparison} ${error.params.limit}${reason ? `: ${reason}` : ''}`;
        }
        case 'pattern': {
            const hint = PATTERN_HINTS[genericPath(at)];
            return `${propertyName(at)} must be ${hint ?? `a string matching ${error.params.pattern}`}`;
        }
        case 'enum':
            return `${propertyName(at)} must be one of ${error.params.allowedValues.join(', ')}`;
        case 'type':
            return `${propertyName(at) || 'The resource properties'} must be ${error.params.type === 'integer' ? 'a whole number' : `of type ${error.params.type}`}`;
        case 'uniqueItems':
            return `${propertyName(at)} must not list the same item twice (items ${error.params.j} and ${error.params.i} are identical)`;
        default:
            return `${propertyName(at)} ${error.message}`;
    }
}

/** Strings that are not well-formed Unicode or carry control characters: nothing in Connect takes them. */
function textProblems(value: unknown, path: string, problems: string[]) {
    if (typeof value === 'string') {
        if (!value.isWellFormed()) problems.push(`${propertyName(path)} is not valid Unicode text`);
        else if (/[\u0000-\u001f\u007f]/.test(value)) problems.push(`${propertyName(path)} must not contain control characters`);
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
        problems.push(`${propertyName(path)} must be a finite number`);
    } else if (Array.isArray(value)) {
        value.forEach((item, index) => textProblems(item, `${path}/${index}`, problems));
    } else if (isObject(value)) {
        for (const [key, item] of Object.entries(value)) textProblems(item, `${path}/${key}`, problems);
    }
}

/** The rules the schema cannot express. Runs only on schema-valid properties. */
function ruleProblems(p: any): string[] {
    const problems: string[] = [];
    textProblems(p, '', problems);
    const instance = p.InstanceArn as string;
    const inInstance = (name: string, arn: unknown) => {
        if (typeof arn === 'string' && !arn.startsWith(`${instance}/`)) {
            problems.push(`${name} must belong to the instance in InstanceArn (${instance}); ${arn} belongs to another instance`);
        }
    };
    inInstance('RoutingProfileArn', p.RoutingProfileArn);
    inInstance('HierarchyGroupArn', p.HierarchyGroupArn);
    inInstance('UserArn', p.UserArn);
    (p.SecurityProfileArns ?? []).forEach((arn: string, i: number) => inInstance(`SecurityProfileArns[${i}]`, arn));
    // The schema's pattern can name only ASCII whitespace in a way every engine reads alike (guide/differences.md).
    if (typeof p.Password === 'string' && /\s/u.test(p.Password)) problems.push('Password must not contain spaces or other whitespace');
    if (p.PhoneConfig?.PhoneType === 'DESK_PHONE' && !voiceDeskNumber(p)) {
        problems.push('PhoneConfig.DeskPhoneNumber is required when PhoneConfig.PhoneType is DESK_PHONE');
    }
    problems.push(...channelSettingProblems(p));
    const duplicates = (items: unknown[] | undefined, key: (item: any) => string) => {
        const seen = new Set<string>();
        return (items ?? []).map(key).filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
    };
    for (const key of duplicates(p.Tags, (t) => t.Key)) problems.push(`Tags must not repeat a key: ${key} appears more than once`);
    (p.Tags ?? []).forEach((tag: { Key: string }, i: number) => {
        if (tag.Key.startsWith(RESERVED_TAG_PREFIX)) problems.push(`Tags[${i}].Key ${tag.Key} is reserved for this provider's own records on the user; use another key`);
    });
    for (const key of duplicates(p.UserProficiencies, (u) => `${u.AttributeName}=${u.AttributeValue}`)) {
        problems.push(`UserProficiencies must not repeat an attribute value: ${key} appears more than once`);
    }
    return problems;
}

/** Validates the properties of a create or update; on success returns them recast to schema types. */
export function validateProperties(raw: unknown): Validated {
    try {
        // Sizes first, on what was sent: recasting and ajv both walk every item.
        const oversized = oversizedArrays(raw);
        if (oversized.length > 0) return { ok: false, problems: oversized.slice(0, MAX_PROBLEMS) };
        const properties = recast(raw);
        const problems = schemaProblems(properties);
        if (problems.length === 0) problems.push(...ruleProblems(properties));
        return problems.length === 0 ? { ok: true, properties: properties as Properties } : { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
    } catch (error) {
        if (error instanceof RangeError) return { ok: false, problems: ['the resource properties are nested too deeply'] };
        throw error;
    }
}

/** One message for a list of problems: what CloudFormation shows the template author. */
export function invalidMessage(problems: string[]): string {
    const message = `Invalid ${ResourceModel.TYPE_NAME} properties: ${problems.join('; ')}.`;
    return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}
/** Every message fits a stack event and a log line (4 kB). */
const MAX_MESSAGE = 4000;

/** The desired properties of a create or update, validated once at the entrypoint. */
export function desiredProperties(checked: Validated): { ok: true; properties: UserProperties } | { ok: false; message: string } {
    return checked.ok ? { ok: true, properties: checked.properties as UserProperties } : { ok: false, message: invalidMessage(checked.problems) };
}

/**
 * The identifiers READ, DELETE and LIST are given (UserArn, InstanceArn), as sent: strings, with
 * nothing to recast, so those actions never load the compiled schema. Undefined for a non-object.
 */
export function identifiersIn(raw: unknown): { UserArn?: unknown; InstanceArn?: unknown } | undefined {
    return isObject(raw) ? raw : undefined;
}

/**
 * An UPDATE's previous state, which is not validated, with its strings recast as the schema types
 * them: undefined for anything that is not an object.
 */
export function receivedProperties(raw: unknown): UserProperties | undefined {
    if (!isObject(raw)) return undefined;
    try {
        return recast(raw) as UserProperties;
    } catch (error) {
        if (error instanceof RangeError) return undefined;
        throw error;
    }
}
