// What one Lambda invocation carries besides the library's view of it. The library deserializes
// properties into models, which drops what the schema does not know; validation must see what
// CloudFormation really sent. And its testEntrypoint logs the whole event, Password and
// credentials included; every log line is filtered against this invocation's secrets.
import { AsyncLocalStorage } from 'node:async_hooks';
import { inspect } from 'node:util';
import { ResourceModel } from '../generated/models';
import { isObject, Validated, validateProperties } from '../validate';
import type { Delivery, ProviderTarget } from './provider-logging';

export interface Invocation {
    desired?: unknown;
    previous?: unknown;
    /** CREATE and UPDATE: the desired properties, validated once, before the library reads them. */
    checked?: Validated;
    /** The list page to continue from: the library does not pass a HandlerRequest's nextToken on. */
    nextToken?: string;
    /** CloudFormation is rolling a failed update back (HandlerRequest.rollback; the library drops it). */
    rollback?: boolean;
    /**
     * Stack-level tags as CloudFormation sent them, in records without a prototype: the library's
     * deserializer throws on a key such as `constructor`, so it never sees them (forLibrary).
     */
    stackTags: { desired?: Tags; previous?: Tags };
    /** The stack the request is for (HandlerRequest.stackId; the library drops it): callback contexts are bound to it. */
    stackId?: string;
    secrets: string[];
    /** Where provider logs and metrics go: set when CloudFormation passes both providerCredentials and providerLogGroupName. */
    provider?: ProviderTarget;
    /** This invocation's provider log and metric delivery, when it has a provider target. */
    delivery?: Delivery;
}

export type Tags = Record<string, string>;

const storage = new AsyncLocalStorage<Invocation>();


/** The raw properties and the secrets of an event, in either shape (HandlerRequest or sam-tests). */
export function describeEvent(event: unknown): Invocation {
    if (!isObject(event)) return { secrets: [], stackTags: {} };
    const data = isObject(event.requestData) ? event.requestData : undefined;
    const request = isObject(event.request) ? event.request : undefined;
    const desired = data ? data.resourceProperties : request?.desiredResourceState;
    const previous = data ? data.previousResourceProperties : request?.previousResourceState;
    // The request token too, in either shape: it derives the key of the sealed Password.
    const values: unknown[] = [desired?.Password, previous?.Password, event.bearerToken, request?.clientRequestToken];
    for (const credentials of [data?.callerCredentials, data?.providerCredentials, event.credentials]) {
        if (isObject(credentials)) values.push(credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken);
    }
    const secrets = new Set<string>();
    for (const value of values) {
        if (typeof value !== 'string' || value.length < 4) continue;
        for (const form of printedForms(value)) secrets.add(form);
    }
    const nextToken = data ? event.nextToken : request?.nextToken;
    const checked = event.action === 'CREATE' || event.action === 'UPDATE' ? validateProperties(desired) : undefined;
    const stackTags = { desired: tagRecord(data ? data.stackTags : request?.desiredResourceTags), previous: tagRecord(data ? data.previousStackTags : request?.previousResourceTags) };
    const stackId = typeof event.stackId === 'string' ? event.stackId : undefined;
    return { desired, previous, checked, nextToken: typeof nextToken === 'string' ? nextToken : undefined, rollback: event.rollback === true, stackTags, stackId, secrets: [...secrets].sort((a, b) => b.length - a.length), provider: providerTarget(event, data) };
}

/** A tag map's string entries, own keys only, in a record without a prototype. */
function tagRecord(tags: unknown): Tags | undefined {
    if (!isObject(tags)) return undefined;
    const record: Tags = Object.create(null);
    for (const [key, value] of Object.entries(tags)) if (typeof value === 'string') record[key] = value;
    return record;
}

/** The event as the library gets it: without the tag maps its deserializer cannot take (the handlers read them from the invocation). */
export function forLibrary(event: unknown): unknown {
    if (!isObject(event)) return event;
    if (isObject(event.requestData)) {
        const { stackTags: _desired, previousStackTags: _previous, systemTags: _system, ...requestData } = event.requestData;
        return { ...event, requestData };
    }
    if (isObject(event.request)) {
        const { desiredResourceTags: _desired, previousResourceTags: _previous, systemTags: _system, ...request } = event.request;
        return { ...event, request };
    }
    return event;
}

function providerTarget(event: Record<string, any>, data: Record<string, any> | undefined): ProviderTarget | undefined {
    const credentials = data?.providerCredentials;
    const logGroupName = data?.providerLogGroupName;
    if (!isObject(credentials) || typeof credentials.accessKeyId !== 'string' || !credentials.accessKeyId || typeof credentials.secretAccessKey !== 'string' || !credentials.secretAccessKey) return undefined;
    if (typeof logGroupName !== 'string' || !logGroupName || typeof event.region !== 'string') return undefined;
    const stream = typeof event.stackId === 'string' && event.stackId && typeof data?.logicalResourceId === 'string' && data.logicalResourceId ? `${event.stackId}/${data.logicalResourceId}` : `${event.awsAccountId}-${event.region}`;
    return {
        credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: typeof credentials.sessionToken === 'string' ? credentials.sessionToken : undefined },
        region: event.region,
        logGroupName,
        // Stream names may not hold ':' or '*' (the API's pattern); stack ARNs are full of ':'.
        logStreamName: stream.replace(/[:*]/g, '__'),
        resourceType: typeof event.resourceType === 'string' && event.resourceType ? event.resourceType : ResourceModel.TYPE_NAME,
    };
}

/** A secret as it may appear in text: itself, and as util.inspect and JSON print it, escapes and all. */
const printedForms = (value: string) => [value, JSON.stringify(value).slice(1, -1), inspect(value).slice(1, -1)];

/** A secret met during the invocation (a Password unsealed from the callback context): redacted from everything from now on. */
export function addSecret(value: string) {
    const secrets = currentInvocation()?.secrets;
    if (!secrets || value.length < 4) return;
    for (const form of printedForms(value)) if (!secrets.includes(form)) secrets.push(form);
    secrets.sort((a, b) => b.length - a.length);
}

/** Every string in a JSON value with the secrets replaced: what leaves the handler (answers, models, contexts). */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
    if (typeof value === 'string') return redact(value, secrets) as T;
    if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)])) as T;
    return value;
}

export function withInvocation<T>(invocation: Invocation, run: () => T): T {
    return storage.run(invocation, run);
}

export function currentInvocation(): Invocation | undefined {
    return storage.getStore();
}

/** A log filter: the current invocation's secrets, replaced wherever they appear. */
export function redactSecrets(message: string): string {
    return redact(message, currentInvocation()?.secrets ?? []);
}

export function redact(message: string, secrets: readonly string[]): string {
    let redacted = message;
    for (const secret of secrets) redacted = redacted.split(secret).join('<REDACTED>');
    return redacted;
}
