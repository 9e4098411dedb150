// What one Lambda invocation carries besides the library's view of it. The library deserializes
// properties into models, which drops what the schema does not know; validation must see what
// CloudFormation really sent. And its testEntrypoint logs the whole event, Password and
// credentials included; every log line is filtered against this invocation's secrets.
import { AsyncLocalStorage } from 'node:async_hooks';
import { inspect } from 'node:util';
import { Validated, validateProperties } from './validate';

export interface Invocation {
    desired?: unknown;
    previous?: unknown;
    /** CREATE and UPDATE: the desired properties, validated once, before the library reads them. */
    checked?: Validated;
    /** The list page to continue from: the library does not pass a HandlerRequest's nextToken on. */
    nextToken?: string;
    /** CloudFormation is rolling a failed update back (HandlerRequest.rollback; the library drops it). */
    rollback?: boolean;
    secrets: string[];
}

const storage = new AsyncLocalStorage<Invocation>();

const isObject = (value: unknown): value is Record<string, any> => value !== null && typeof value === 'object';

/** The raw properties and the secrets of an event, in either shape (HandlerRequest or sam-tests). */
export function describeEvent(event: unknown): Invocation {
    if (!isObject(event)) return { secrets: [] };
    const data = isObject(event.requestData) ? event.requestData : undefined;
    const request = isObject(event.request) ? event.request : undefined;
    const desired = data ? data.resourceProperties : request?.desiredResourceState;
    const previous = data ? data.previousResourceProperties : request?.previousResourceState;
    const values: unknown[] = [desired?.Password, previous?.Password, event.bearerToken];
    for (const credentials of [data?.callerCredentials, data?.providerCredentials, event.credentials]) {
        if (isObject(credentials)) values.push(credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken);
    }
    const secrets = new Set<string>();
    for (const value of values) {
        if (typeof value !== 'string' || value.length < 4) continue;
        // Also as util.inspect and JSON would print it, escapes and all.
        secrets.add(value).add(JSON.stringify(value).slice(1, -1)).add(inspect(value).slice(1, -1));
    }
    const nextToken = data ? event.nextToken : request?.nextToken;
    const checked = event.action === 'CREATE' || event.action === 'UPDATE' ? validateProperties(desired) : undefined;
    return { desired, previous, checked, nextToken: typeof nextToken === 'string' ? nextToken : undefined, rollback: event.rollback === true, secrets: [...secrets].sort((a, b) => b.length - a.length) };
}

export function withInvocation<T>(invocation: Invocation, run: () => T): T {
    return storage.run(invocation, run);
}

export function currentInvocation(): Invocation | undefined {
    return storage.getStore();
}

/** A log filter: the current invocation's secrets, replaced wherever they appear. */
export function redactSecrets(message: string): string {
    let redacted = message;
    for (const secret of currentInvocation()?.secrets ?? []) redacted = redacted.split(secret).join('<REDACTED>');
    return redacted;
}
