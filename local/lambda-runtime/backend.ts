// Where the handler's Connect calls go: the local emulator (found running, or started with a
// state file so one command after another sees the same users), or real AWS with the default
// credential chain. And the {{placeholders}} the events carry, filled in.
import { ConnectClient } from '@aws-sdk/client-connect';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EMULATOR_PORT } from '../connect-emulator/cli';
import { Emulator, startEmulator } from '../connect-emulator/server';

export const REPO_ROOT = join(__dirname, '..', '..');
/** Where invoke keeps the emulator's users and the outputs later events read; tests point it elsewhere. */
export const STATE_DIR = process.env.CONNECT_USER_STATE_DIR ?? join(REPO_ROOT, '.invoke');
export const EMULATOR_CREDENTIALS = { accessKeyId: 'AKIDLOCALEMULATOR', secretAccessKey: 'local-emulator-secret-key', sessionToken: 'local-emulator-session-token' };

export interface Backend {
    kind: 'emulator' | 'aws';
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    /** Set for the emulator: where AWS_ENDPOINT_URL_CONNECT points. */
    endpoint?: string;
    /** How the emulator was reached, for the user to read. */
    description: string;
    outputsFile: string;
    close(): Promise<void>;
}

async function running(endpoint: string): Promise<boolean> {
    try {
        const response = await fetch(`${endpoint}/__emulator/health`, { signal: AbortSignal.timeout(500) });
        return response.ok;
    } catch {
        return false;
    }
}

export async function openBackend(options: { aws?: boolean; region?: string; emulatorPort?: number } = {}): Promise<Backend> {
    mkdirSync(STATE_DIR, { recursive: true });
    if (options.aws) {
        const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
        if (!region) throw new Error('--aws needs a region: pass --region or set AWS_REGION');
        const client = new ConnectClient({ region });
        const credentials = await client.config.credentials().catch((error: Error) => {
            throw new Error(`no AWS credentials found by the default chain (${error.message})`);
        });
        return { kind: 'aws', region, credentials, description: `Amazon Connect in ${region}`, outputsFile: join(STATE_DIR, 'aws-outputs.json'), close: async () => {} };
    }
    const port = options.emulatorPort ?? Number(process.env.CONNECT_EMULATOR_PORT ?? DEFAULT_EMULATOR_PORT);
    const shared = `http://127.0.0.1:${port}`;
    const base = { kind: 'emulator' as const, region: options.region ?? 'us-east-1', credentials: EMULATOR_CREDENTIALS, outputsFile: join(STATE_DIR, 'emulator-outputs.json') };
    if (await running(shared)) return { ...base, endpoint: shared, description: `the emulator running at ${shared}`, close: async () => {} };
    let emulator: Emulator;
    try {
        emulator = await startEmulator({ port, stateFile: join(STATE_DIR, 'emulator-state.json') });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        // The port is someone else's: run on any free one.
        emulator = await startEmulator({ stateFile: join(STATE_DIR, 'emulator-state.json') });
    }
    return { ...base, endpoint: emulator.endpoint, description: `an emulator started for this command at ${emulator.endpoint} (users kept in ${join(STATE_DIR, 'emulator-state.json')})`, close: () => emulator.close() };
}

/** The services the handler calls: Connect, and CloudWatch Logs and CloudWatch for provider logging (all on the emulator). */
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_CONNECT', 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_ENDPOINT_URL_CLOUDWATCH'];

/** Points this process's SDK clients (and so the handler's) at the backend: its region and, for the emulator, its endpoint. */
export function useBackend(backend: Pick<Backend, 'region' | 'endpoint'>) {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    process.env.AWS_REGION = backend.region;
    for (const name of ENDPOINT_VARIABLES) {
        if (backend.endpoint) process.env[name] = backend.endpoint;
        else delete process.env[name];
    }
}

export function readOutputs(backend: Backend): Record<string, string> {
    return existsSync(backend.outputsFile) ? JSON.parse(readFileSync(backend.outputsFile, 'utf8')) : {};
}

export function saveOutputs(backend: Backend, outputs: Record<string, string>) {
    writeFileSync(backend.outputsFile, JSON.stringify({ ...readOutputs(backend), ...outputs }, null, 2));
}

/** Replaces {{Name}} in every string of the event; names without a value are an error. */
export function fillPlaceholders(event: unknown, values: Record<string, string | undefined>): unknown {
    const missing = new Set<string>();
    const fill = (value: unknown): unknown => {
        if (typeof value === 'string') {
            return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
                if (values[name] === undefined) missing.add(name);
                return values[name] ?? whole;
            });
        }
        if (Array.isArray(value)) return value.map(fill);
        if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
        return value;
    };
    const filled = fill(event);
    if (missing.has('UserArn')) throw new Error('the event needs {{UserArn}}: run the create event first (its UserArn is recorded for the events after it)');
    if (missing.size > 0) throw new Error(`the event has placeholders with no value: ${[...missing].map((m) => `{{${m}}}`).join(', ')}`);
    return filled;
}

/**
 * The event as this backend's caller sends it: the committed events carry the emulator's fake
 * credentials and region (so SAM can run them as they are); with --aws they become the
 * credentials and region of the default chain.
 */
export function asBackendCaller(event: any, backend: Pick<Backend, 'credentials' | 'region'>): any {
    if (!event || typeof event !== 'object') return event;
    const copy = structuredClone(event);
    if (copy.requestData && typeof copy.requestData === 'object') copy.requestData.callerCredentials = { ...backend.credentials };
    else if (copy.credentials && typeof copy.credentials === 'object') copy.credentials = { ...backend.credentials };
    if (typeof copy.region === 'string') copy.region = backend.region;
    return copy;
}

export function placeholderValues(backend: Backend): Record<string, string | undefined> {
    return {
        AccessKeyId: backend.credentials.accessKeyId,
        SecretAccessKey: backend.credentials.secretAccessKey,
        SessionToken: backend.credentials.sessionToken ?? '',
        Region: backend.region,
        ...readOutputs(backend),
    };
}
