// Driving the built bundle the way CloudFormation does: HandlerRequest in, ProgressEvent out,
// re-invoked while IN_PROGRESS with the returned callback context and model. Every log line and
// every event is kept, so tests can scan them for secrets.
import { existsSync } from 'node:fs';
import { BUNDLE } from '../../scripts/build';

export const CALLER_CREDENTIALS = { accessKeyId: 'AKIDCALLERTESTKEY01', secretAccessKey: 'caller/secret+Key0123456789', sessionToken: 'caller-session-token-0123456789' };

export type Properties = Record<string, any>;
export interface Event {
    status: 'SUCCESS' | 'FAILED' | 'IN_PROGRESS';
    errorCode?: string;
    message?: string;
    callbackContext?: Record<string, any>;
    callbackDelaySeconds?: number;
    resourceModel?: Properties;
    resourceModels?: Properties[];
    nextToken?: string;
}
export interface Options {
    previous?: Properties;
    context?: Record<string, any>;
    stackTags?: Record<string, string>;
    previousStackTags?: Record<string, string>;
    token?: string;
    nextToken?: string;
    region?: string;
}

export const captured = { logs: [] as string[], events: [] as unknown[] };

type Bundle = { entrypoint: (event: unknown, context: unknown) => Promise<Event>; testEntrypoint: (event: unknown, context?: unknown) => Promise<any> };
let bundle: Bundle | undefined;

/** The bundle, talking to the given endpoint as the SDK's standard override tells it to. */
export function loadBundle(endpoint: string): Bundle {
    process.env.AWS_ENDPOINT_URL_CONNECT = endpoint;
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: npm test builds it first`);
    bundle ??= require(BUNDLE) as Bundle;
    return bundle;
}

let tokens = 0;
export function handlerRequest(action: string, properties: Properties | undefined, options: Options = {}) {
    return {
        action,
        awsAccountId: '123456789012',
        bearerToken: options.token ?? `bearer-token-${process.pid}-${++tokens}`,
        region: options.region ?? 'us-east-1',
        resourceType: 'AWS::Connect::User',
        resourceTypeVersion: '00000001',
        stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/test/00000000-0000-4000-8000-000000000000',
        requestData: {
            callerCredentials: CALLER_CREDENTIALS,
            resourceProperties: properties,
            previousResourceProperties: options.previous,
            stackTags: options.stackTags,
            previousStackTags: options.previousStackTags,
            logicalResourceId: 'ConnectUser',
        },
        callbackContext: options.context ?? null,
        nextToken: options.nextToken,
    };
}

/** One invocation through `entrypoint`, with the handler's console output captured. */
export async function invokeRaw(event: unknown): Promise<Event> {
    const original = { log: console.log, info: console.info, warn: console.warn, error: console.error };
    const keep = (...parts: unknown[]) => captured.logs.push(parts.map(String).join(' '));
    Object.assign(console, { log: keep, info: keep, warn: keep, error: keep });
    try {
        const result = await bundle!.entrypoint(event, { awsRequestId: 'test', functionVersion: '$LATEST', memoryLimitInMB: 256 });
        captured.events.push(result);
        return result;
    } finally {
        Object.assign(console, original);
    }
}

export const invoke = (action: string, properties: Properties | undefined, options: Options = {}) => invokeRaw(handlerRequest(action, properties, options));

/**
 * Invokes as CloudFormation does until the handler is done: each IN_PROGRESS answer is followed
 * by another invocation with its callback context and its model. Delays are not waited out
 * unless `wait` says so (the emulator's lag is short).
 */
export async function drive(action: string, properties: Properties | undefined, options: Options & { wait?: (seconds: number) => Promise<void>; maxRounds?: number } = {}) {
    const rounds: Event[] = [];
    let current = properties;
    let context = options.context;
    for (let round = 0; round < (options.maxRounds ?? 30); round++) {
        const event = await invoke(action, current, { ...options, context });
        rounds.push(event);
        if (event.status !== 'IN_PROGRESS') return { event, rounds };
        await options.wait?.(event.callbackDelaySeconds ?? 0);
        context = event.callbackContext;
        // CloudFormation hands the returned model back; the Password is not in it, by design.
        current = event.resourceModel ?? current;
    }
    throw new Error(`${action} still IN_PROGRESS after ${rounds.length} rounds`);
}
