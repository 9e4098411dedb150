// Validation at the boundary: the properties CloudFormation sent, checked against the resource
// schema (compiled ahead of time into schema-validator.ts) and against the rules a JSON Schema
// cannot say. Messages name the property and what is allowed, never a value of Password.
import type { ErrorObject } from 'ajv';
import { channelSettingProblems, voiceDeskNumber } from './channel-settings';
import { ResourceModel } from './generated/models';
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
    '/Tags/*/Key': '1 to 128 Unicode letters, digits, spaces or _ . : / = + - @, not starting with aws:',
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

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** "/Tags/3/Key" -> "Tags[3].Key", the way a template author finds it. */
export function propertyName(pointer: string): string {
    return pointer
        .split('/')
        .filter(Boolean)
        .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : `${index ? '.' : ''}${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
        .join('');
}
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
 * Arrays longer than the schema allows, found before ajv runs: its uniqueItems compares every
 * pair, so a template with 100,000 tags would keep the handler busy for minutes.
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

function schemaProblems(properties: unknown): string[] {
    const oversized = oversizedArrays(properties);
    if (oversized.length > 0) return oversized;
    if (validateSchema(properties)) return [];
    return (schemaErrors() ?? []).map((error: ErrorObject<string, any>) => {
        const at = error.instancePath as string;
        switch (error.keyword) {
            case 'required':
                return `${propertyName(`${at}/${error.params.missingProperty}`)} is required`;
            case 'additionalProperties': {
                const name = error.params.additionalProperty;
                if (NOT_IN_CONNECT[name]) return `${propertyName(`${at}/${name}`)} cannot be set: ${NOT_IN_CONNECT[name]}`;
                return `${propertyName(`${at}/${error.params.additionalProperty}`)} is not a property of ${at ? propertyName(at) : ResourceModel.TYPE_NAME}; remove it`;
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
    });
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
    return `Invalid ${ResourceModel.TYPE_NAME} properties: ${problems.join('; ')}.`;
}

/** The desired model of a create or update, from properties validated once at the entrypoint. */
export function desiredModel(checked: Validated): { ok: true; model: ResourceModel } | { ok: false; message: string } {
    return checked.ok ? { ok: true, model: ResourceModel.deserialize(checked.properties) } : { ok: false, message: invalidMessage(checked.problems) };
}
