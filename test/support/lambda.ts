// Driving the built bundle the way CloudFormation does: HandlerRequest in, ProgressEvent out,
// re-invoked while IN_PROGRESS with the returned callback context and model. Every log line and
// every event is kept, so tests can scan them for secrets.
import { beforeEach } from 'node:test';
import type { Emulator } from '../../local/connect-emulator/server';
import { BUNDLE, ensureBuiltSync } from '../../scripts/build';
import { handlerRequest as cfnHandlerRequest, followProgress, ProgressEventJson, Properties as CfnProperties, RequestOptions } from '../../local/lambda-runtime/cloudformation';

export const CALLER_CREDENTIALS = { accessKeyId: 'AKIDCALLERTESTKEY01', secretAccessKey: 'caller/secret+Key0123456789', sessionToken: 'caller-session-token-0123456789' };

export type Properties = CfnProperties;
export type Event = ProgressEventJson;
export type Options = Omit<RequestOptions, 'credentials'>;

export const captured = { logs: [] as string[], events: [] as unknown[] };

type Bundle = { entrypoint: (event: unknown, context: unknown) => Promise<Event>; testEntrypoint: (event: unknown, context?: unknown) => Promise<any> };
let bundle: Bundle | undefined;

/** The bundle, talking to the given endpoint as the SDK's standard override tells it to. */
export function loadBundle(endpoint: string): Bundle {
    process.env.AWS_ENDPOINT_URL_CONNECT = endpoint;
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    // The current src/, whatever ran before: built again when a source is newer than the bundle.
    if (!bundle) ensureBuiltSync();
    bundle ??= require(BUNDLE) as Bundle;
    return bundle;
}

/** Before each test of the file: the bundle pointed at the emulator, no faults injected, an empty journal. */
export function freshBeforeEach(emulator: () => Emulator): void {
    beforeEach(() => {
        loadBundle(emulator().endpoint);
        emulator().setFaults({});
        emulator().journal.length = 0;
    });
}

export const handlerRequest = (action: string, properties: Properties | undefined, options: Options = {}) =>
    cfnHandlerRequest(action, properties, { credentials: CALLER_CREDENTIALS, ...options });

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

/** Invokes as CloudFormation does until the handler is done; delays are not waited out unless `wait` says so. */
export function drive(action: string, properties: Properties | undefined, options: Options & { wait?: (seconds: number) => Promise<void>; maxRounds?: number } = {}) {
    return followProgress(invokeRaw, handlerRequest(action, properties, options), { wait: options.wait ?? (async () => {}), maxRounds: options.maxRounds ?? 30 });
}
