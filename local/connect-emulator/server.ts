// The emulator's HTTP face: Connect's restJson1 routes, AWS's error encoding, fault injection,
// a request journal and an admin API under /__emulator/ (a prefix the SDK never sends).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { listen } from '../listen';
import { Consistency, Lagging } from './consistency';
import { JsonObject, ServiceError, serialization } from './input';
import { MonitoringService } from './monitoring';
import { ConnectService, operations, Seed, User } from './service';
import { DEFAULT_SEED } from './seed';

const ROUTES: [method: string, path: string, operation: keyof typeof operations][] = [
    ['PUT', '/users/{}', 'CreateUser'],
    ['GET', '/users/{}/{}', 'DescribeUser'],
    ['DELETE', '/users/{}/{}', 'DeleteUser'],
    ['GET', '/users-summary/{}', 'ListUsers'],
    ['POST', '/users/{}/{}/identity-info', 'UpdateUserIdentityInfo'],
    ['POST', '/users/{}/{}/phone-config', 'UpdateUserPhoneConfig'],
    ['POST', '/users/{}/{}/routing-profile', 'UpdateUserRoutingProfile'],
    ['POST', '/users/{}/{}/security-profiles', 'UpdateUserSecurityProfiles'],
    ['POST', '/users/{}/{}/hierarchy', 'UpdateUserHierarchy'],
    ['POST', '/users/{}/{}/config', 'UpdateUserConfig'],
    ['POST', '/users/{}/{}/associate-proficiencies', 'AssociateUserProficiencies'],
    ['POST', '/users/{}/{}/disassociate-proficiencies', 'DisassociateUserProficiencies'],
    ['POST', '/users/{}/{}/proficiencies', 'UpdateUserProficiencies'],
    ['GET', '/users/{}/{}/proficiencies', 'ListUserProficiencies'],
    ['POST', '/tags/{}', 'TagResource'],
    ['DELETE', '/tags/{}', 'UntagResource'],
    ['GET', '/tags/{}', 'ListTagsForResource'],
    ['GET', '/instance/{}', 'DescribeInstance'],
    ['GET', '/instance', 'ListInstances'],
    ['GET', '/routing-profiles-summary/{}', 'ListRoutingProfiles'],
    ['GET', '/security-profiles-summary/{}', 'ListSecurityProfiles'],
    ['GET', '/user-hierarchy-groups-summary/{}', 'ListUserHierarchyGroups'],
    ['GET', '/predefined-attributes/{}', 'ListPredefinedAttributes'],
];
const MUTATING = new Set(['CreateUser', 'DeleteUser', 'TagResource', 'UntagResource', ...ROUTES.filter(([m, p]) => m === 'POST' && p.startsWith('/users/')).map(([, , o]) => o)]);
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const ADMIN = '/__emulator/';

export interface Faults {
    /** Probability of 429 ThrottlingException. */
    throttle: number;
    /** Probability of 500 InternalServiceException. */
    internalError: number;
    /** Probability of cutting the connection before the operation runs. */
    dropConnection: number;
    /** Probability of running the operation, then cutting the connection: the caller never hears it succeeded. */
    dropResponse: number;
    /** Probability that a new user stays invisible (404) for lagMs after CreateUser. */
    readAfterCreateLag: number;
    lagMs: number;
    /** Added latency per request, in ms: a number, or [min, max] drawn uniformly. */
    latencyMs: number | [number, number];
    /** Operations refused with 403 AccessDeniedException, as IAM refuses a call the role lacks. */
    deny: string[];
    /**
     * Operations refused with a 400 whose message echoes the signed request (its Authorization
     * and session-token headers) and its body, as an error that quotes the canonical request does
     * [stand-in: not a documented Connect answer; issue #28's audit met such messages].
     */
    echo: string[];
    /** Only these operations get the random faults above (all when empty). */
    operations: string[];
    /** Stop injecting random faults after this many (no limit when 0). */
    maxFaults: number;
    /** After this many operations have run, cut every further connection: a caller that dies mid-way (0: off). */
    cutAfter: number;
    /** Seed of the fault dice, for reproducible runs. */
    seed: number;
}
export const NO_FAULTS: Faults = { throttle: 0, internalError: 0, dropConnection: 0, dropResponse: 0, readAfterCreateLag: 0, lagMs: 2000, latencyMs: 0, deny: [], echo: [], operations: [], maxFaults: 0, cutAfter: 0, seed: 1 };

/**
 * Amazon Connect's API throttling quota: a token bucket per operation, shared by every caller,
 * refilled at `rate` requests a second up to `burst`. Connect's default for every user API is
 * 2/s, burst 5, per account and Region (the "all other operations" row of the admin guide's API
 * throttling quotas; connect-api.md §5.8). An empty bucket answers 429 ThrottlingException.
 */
export interface Quota {
    rate: number;
    burst: number;
}
export const CONNECT_DEFAULT_QUOTA: Quota = { rate: 2, burst: 5 };

/** "2/5" (rate per second / burst) as a Quota; throws a message naming the flag otherwise. */
export function parseQuota(text: string): Quota {
    const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(text.trim());
    const quota = match ? { rate: Number(match[1]), burst: Number(match[2]) } : undefined;
    if (!quota || quota.rate <= 0 || quota.burst < 1) throw new Error(`--quota must be RATE/BURST, e.g. 2/5 (Connect's default), not "${text}"`);
    return quota;
}

/** One request the emulator answered, as an observer sees it (the conformance test's view). */
export interface Exchange {
    operation: string;
    labels: string[];
    query: URLSearchParams;
    body: unknown;
    status: number;
    answer: JsonObject;
    errorType?: string;
}
/** Told of every answered request of every emulator in this process; empty unless a test adds one. */
export const exchangeObservers = new Set<(exchange: Exchange) => void>();

export interface JournalEntry {
    seq: number;
    time: number;
    operation: string;
    method: string;
    path: string;
    status: number;
    errorType?: string;
    fault?: 'throttle' | 'internalError' | 'dropConnection' | 'dropResponse' | 'readAfterCreateLag' | 'cut' | 'quota';
}

export interface EmulatorOptions {
    port?: number;
    host?: string;
    seed?: Seed;
    /** JSON file the users are loaded from at start and saved to after each change. */
    stateFile?: string;
    faults?: Partial<Faults>;
    /** Enforce an API quota (off when absent). */
    quota?: Quota;
    /** Reads that lag behind changes, as Connect's do (consistency.ts; off when absent). */
    consistency?: Partial<Consistency>;
}

/** mulberry32: small, seedable, good enough for fault dice. */
function dice(seed: number) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function match(method: string, segments: string[]) {
    let pathMatched = false;
    for (const [routeMethod, path, operation] of ROUTES) {
        const parts = path.slice(1).split('/');
        if (parts.length !== segments.length) continue;
        if (!parts.every((part, i) => part === '{}' || part === segments[i])) continue;
        pathMatched = true;
        if (routeMethod === method) return { operation, labels: segments.filter((_, i) => parts[i] === '{}') };
    }
    return { pathMatched };
}

export class Emulator {
    readonly service: ConnectService;
    /** CloudWatch Logs and CloudWatch, for provider logging; their calls stay out of the journal, which is Connect's. */
    readonly monitoring = new MonitoringService();
    readonly journal: JournalEntry[] = [];
    private journalSeq = 0;
    private faults: Faults = { ...NO_FAULTS };
    private roll = dice(NO_FAULTS.seed);
    private faultsInjected = 0;
    private executedSinceFaults = 0;
    private saveTimer: NodeJS.Timeout | undefined;
    private quota: Quota | undefined;
    private buckets = new Map<string, { tokens: number; at: number }>();
    /** Connect's eventual consistency for reads over HTTP; in-process callers (tests, the console) see the truth. */
    readonly lagging = new Lagging();
    endpoint = '';

    constructor(
        private readonly server: Server,
        private readonly seed: Seed,
        private readonly stateFile?: string,
    ) {
        this.service = new ConnectService(seed);
        if (stateFile && existsSync(stateFile)) this.load(stateFile);
    }

    setFaults(faults: Partial<Faults>) {
        this.faults = { ...NO_FAULTS, ...faults };
        this.roll = dice(this.faults.seed);
        this.faultsInjected = 0;
        this.executedSinceFaults = 0;
    }

    getFaults(): Faults {
        return { ...this.faults };
    }

    /** Turns the API quota on (full buckets), or off with undefined. */
    setQuota(quota: Quota | undefined) {
        if (quota && !(quota.rate > 0 && quota.burst >= 1)) throw new Error('a quota needs rate > 0 and burst >= 1');
        this.quota = quota ? { rate: quota.rate, burst: quota.burst } : undefined;
        this.buckets.clear();
    }

    getQuota(): Quota | undefined {
        return this.quota && { ...this.quota };
    }

    /** Reads lag behind changes by this much from now on (all zero: off); lags under way end. */
    setConsistency(consistency: Partial<Consistency>) {
        this.lagging.set(consistency);
    }

    /** Takes a token from the operation's bucket; false when it is empty. */
    private withinQuota(operation: string): boolean {
        if (!this.quota) return true;
        const { rate, burst } = this.quota;
        const now = performance.now();
        const bucket = this.buckets.get(operation) ?? { tokens: burst, at: now };
        bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
        bucket.at = now;
        this.buckets.set(operation, bucket);
        if (bucket.tokens < 1) return false;
        bucket.tokens -= 1;
        return true;
    }

    /** Forgets every user and the journal, turns faults off and refills the quota's buckets (the quota and the consistency setting stay). */
    reset() {
        this.lagging.settle();
        for (const instance of this.service.instances.values()) {
            instance.users.clear();
            instance.usernames.clear();
        }
        this.journal.length = 0;
        this.monitoring.reset();
        this.setFaults({});
        this.buckets.clear();
        this.scheduleSave();
    }

    users(): (User & { instanceId: string })[] {
        return [...this.service.instances.values()].flatMap((instance) => [...instance.users.values()].map((u) => ({ ...u, instanceId: instance.id })));
    }

    async close() {
        this.saveNow();
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    // ---- persistence ----

    private load(file: string) {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as { users: (User & { instanceId: string })[] };
        for (const { instanceId, ...user } of saved.users ?? []) {
            const instance = this.service.instances.get(instanceId);
            if (!instance) continue;
            instance.users.set(user.id, user);
            instance.usernames.set(user.username, user.id);
            this.service.restoreSeq(user.seq);
        }
    }

    private scheduleSave() {
        if (!this.stateFile || this.saveTimer) return;
        this.saveTimer = setTimeout(() => this.saveNow(), 50);
        this.saveTimer.unref();
    }

    saveNow() {
        clearTimeout(this.saveTimer);
        this.saveTimer = undefined;
        if (!this.stateFile) return;
        const temporary = `${this.stateFile}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ users: this.users() }));
        renameSync(temporary, this.stateFile);
    }

    // ---- HTTP ----

    async handle(request: IncomingMessage, response: ServerResponse) {
        const url = new URL(request.url ?? '/', 'http://emulator');
        if (url.pathname.startsWith(ADMIN)) return this.admin(request, response, url);
        const target = request.headers['x-amz-target'];
        if (typeof target === 'string' && /^(Logs_20140328|GraniteServiceVersion20100801)\./.test(target)) return this.monitoringRequest(request, response, target);
        const method = request.method ?? 'GET';
        const entry: JournalEntry = { seq: ++this.journalSeq, time: Date.now(), operation: 'Unknown', method, path: url.pathname, status: 0 };
        this.journal.push(entry);
        if (this.journal.length > 200_000) this.journal.splice(0, 100_000);
        let asked: Omit<Exchange, 'status' | 'answer' | 'errorType'> | undefined;
        const send = (status: number, body?: JsonObject, errorType?: string) => {
            if (asked) for (const observe of exchangeObservers) observe({ ...asked, status, answer: body ?? {}, errorType });
            entry.status = status;
            entry.errorType = errorType;
            const headers: Record<string, string> = { 'x-amzn-RequestId': randomUUID(), 'content-type': 'application/json' };
            if (errorType) headers['x-amzn-ErrorType'] = errorType;
            response.writeHead(status, headers).end(JSON.stringify(body ?? {}));
        };
        // Connect's error shapes carry one member, Message (the model's error structures).
        const fail = (error: ServiceError) => send(error.status, { __type: error.type, Message: error.message }, error.type);
        try {
            // Split the raw path first, then decode each segment: ARN labels carry an encoded "/" (§1).
            const segments = (request.url ?? '/').split('?')[0].slice(1).split('/').map((s) => decodeURIComponent(s));
            const route = match(method, segments);
            if (!('operation' in route) || !route.operation) {
                await drain(request);
                // Unknown routes get the answer AWS documents for unknown operations; a known path
                // with the wrong method is the same to the front door [inferred, §3.4].
                return fail(new ServiceError('UnknownOperationException', 404, `No operation matches ${method} ${url.pathname}`));
            }
            entry.operation = route.operation;
            const body = await readBody(request);
            asked = { operation: route.operation, labels: route.labels, query: url.searchParams, body };
            // Signatures are not verified, but an unsigned request is refused as AWS refuses it (§3.4).
            const authorization = request.headers.authorization;
            if (!authorization) return fail(new ServiceError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token'));
            if (!/^AWS4-HMAC-SHA256 Credential=\S+/.test(authorization)) {
                return fail(new ServiceError('IncompleteSignatureException', 403, 'Authorization header requires a Credential, SignedHeaders and Signature'));
            }
            const f = this.faults;
            if (f.deny.includes(route.operation)) {
                const principal = 'arn:aws:sts::123456789012:assumed-role/CloudFormationExecutionRole/session';
                return fail(new ServiceError('AccessDeniedException', 403, `User: ${principal} is not authorized to perform: connect:${route.operation}`));
            }
            if (f.echo.includes(route.operation)) {
                const token = String(request.headers['x-amz-security-token'] ?? '');
                const canonical = `${method}\n${url.pathname}\nauthorization:${authorization}\nx-amz-security-token:${token}\n\n${JSON.stringify(body)}`;
                return fail(new ServiceError('InvalidParameterException', 400, `The request signature we calculated does not match. The Canonical String for this request should have been\n'${canonical}'`));
            }
            if (!this.withinQuota(route.operation)) {
                entry.fault = 'quota';
                return fail(new ServiceError('ThrottlingException', 429, 'Rate exceeded'));
            }
            await this.latency();
            // Every die is rolled whatever the outcome, so a seed replays the same sequence.
            const eligible = (f.operations.length === 0 || f.operations.includes(route.operation)) && (f.maxFaults === 0 || this.faultsInjected < f.maxFaults);
            const hit = (probability: number, fault: NonNullable<JournalEntry['fault']>) => {
                const rolled = this.roll() < probability;
                if (!rolled || !eligible) return false;
                entry.fault = fault;
                this.faultsInjected++;
                return true;
            };
            if (f.cutAfter > 0 && this.executedSinceFaults >= f.cutAfter) {
                entry.fault = 'cut';
                return void request.socket.destroy();
            }
            if (hit(f.dropConnection, 'dropConnection')) return void request.socket.destroy();
            if (hit(f.throttle, 'throttle')) return fail(new ServiceError('ThrottlingException', 429, 'Rate exceeded'));
            if (hit(f.internalError, 'internalError')) return fail(new ServiceError('InternalServiceException', 500, 'We encountered an internal error. Please try again.'));
            const lagged = hit(route.operation === 'CreateUser' ? f.readAfterCreateLag : 0, 'readAfterCreateLag');
            this.service.nextCreateLagMs = lagged ? f.lagMs : 0;
            const result = this.run(route.operation, { labels: route.labels, query: url.searchParams, body });
            this.executedSinceFaults++;
            if (MUTATING.has(route.operation)) this.scheduleSave();
            if (hit(f.dropResponse, 'dropResponse')) return void request.socket.destroy();
            send(200, result);
        } catch (error) {
            if (error instanceof ServiceError) return fail(error);
            if (error instanceof URIError) return fail(serialization('Malformed percent-encoding in the request path'));
            // The client hung up mid-request: there is nobody to answer.
            if (request.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
            console.error('[emulator] internal error:', error);
            fail(new ServiceError('InternalServiceException', 500, 'Internal error in the emulator'));
        }
    }

    /** One operation, with the lag its change leaves on the user's reads (consistency.ts). */
    private run(operation: keyof typeof operations, request: { labels: string[]; query: URLSearchParams; body: unknown }) {
        const lagging = this.lagging;
        if (!lagging.on) return operations[operation](this.service, request);
        const target = MUTATING.has(operation) && operation !== 'CreateUser' ? this.service.target(operation, request.labels) : undefined;
        const before = target && structuredClone(target);
        const result = operations[operation](this.service, { ...request, seen: (user) => lagging.seen(user) });
        if (operation === 'CreateUser') {
            const made = this.service.instance(request.labels[0]).users.get(String(result?.UserId));
            if (made) lagging.changed(made, undefined);
        } else if (operation === 'DeleteUser') {
            if (target) lagging.deleted(target.id);
        } else if (target) {
            lagging.changed(target, before);
        }
        return result;
    }

    private async monitoringRequest(request: IncomingMessage, response: ServerResponse, target: string) {
        const operation = target.split('.').pop()!;
        const accessKeyId = /Credential=([^/]+)\//.exec(String(request.headers.authorization ?? ''))?.[1];
        const call = { operation, accessKeyId, status: 200 } as { operation: string; accessKeyId?: string; status: number; errorType?: string };
        this.monitoring.calls.push(call);
        const json = target.startsWith('Logs_') ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
        const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
            call.status = status;
            response.writeHead(status, { 'x-amzn-RequestId': randomUUID(), 'content-type': json, ...headers }).end(JSON.stringify(body));
        };
        try {
            const body = await readBody(request);
            if (!request.headers.authorization) throw new ServiceError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
            if (this.faults.deny.includes(operation)) throw new ServiceError('AccessDeniedException', 400, `User is not authorized to perform: ${target.startsWith('Logs_') ? 'logs' : 'cloudwatch'}:${operation}`);
            await this.latency();
            answer(200, this.monitoring.handle(target, body as Record<string, any>));
        } catch (error) {
            if (!(error instanceof ServiceError)) {
                if (request.destroyed) return;
                throw error;
            }
            call.errorType = error.type;
            // CloudWatch is awsQueryCompatible: its errors also name the Query error code in a header.
            const query: Record<string, string> = target.startsWith('Granite') ? { 'x-amzn-query-error': `${error.type.replace(/Exception$/, '')};Sender` } : {};
            answer(error.status, { __type: error.type, message: error.message }, query);
        }
    }

    private async latency() {
        const { latencyMs } = this.faults;
        const ms = Array.isArray(latencyMs) ? latencyMs[0] + this.roll() * (latencyMs[1] - latencyMs[0]) : latencyMs;
        if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    }

    private async admin(request: IncomingMessage, response: ServerResponse, url: URL) {
        const reply = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        try {
            const body = await readBody(request);
            const route = `${request.method} ${url.pathname.slice(ADMIN.length)}`;
            switch (route) {
                case 'GET health':
                    return reply(200, { ok: true, instances: [...this.service.instances.values()].map((i) => i.arn) });
                case 'GET journal': {
                    const since = Number(url.searchParams.get('since') ?? 0);
                    return reply(200, { entries: this.journal.filter((e) => e.seq > since) });
                }
                case 'DELETE journal':
                    this.journal.length = 0;
                    return reply(200, {});
                case 'GET faults':
                    return reply(200, this.getFaults());
                case 'PUT faults':
                    this.setFaults(body as Partial<Faults>);
                    return reply(200, this.getFaults());
                case 'GET quota':
                    return reply(200, { quota: this.getQuota() ?? null });
                case 'PUT quota': {
                    const quota = (body as { quota?: Quota | null }).quota;
                    this.setQuota(quota ?? undefined);
                    return reply(200, { quota: this.getQuota() ?? null });
                }
                case 'GET consistency':
                    return reply(200, this.lagging.get());
                case 'PUT consistency':
                    this.setConsistency(body as Partial<Consistency>);
                    return reply(200, this.lagging.get());
                case 'POST settle':
                    this.lagging.settle();
                    return reply(200, {});
                case 'POST reset':
                    this.reset();
                    return reply(200, {});
                case 'GET users':
                    return reply(200, { users: this.users() });
                case 'GET logs':
                    return reply(200, { groups: Object.fromEntries([...this.monitoring.logs].map(([group, streams]) => [group, Object.fromEntries(streams)])) });
                case 'GET metrics':
                    return reply(200, { metrics: this.monitoring.metrics, calls: this.monitoring.calls });
                case 'GET seed':
                    return reply(200, this.seed);
                default:
                    return reply(404, { message: `Unknown admin route ${route}` });
            }
        } catch (error) {
            reply(400, { message: (error as Error).message });
        }
    }
}

async function drain(request: IncomingMessage) {
    for await (const _ of request);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) throw serialization('Request body too large');
        chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return {};
    try {
        return JSON.parse(text);
    } catch {
        throw serialization('Request body is not valid JSON');
    }
}

/** Starts an emulator; `port: 0` (the default) picks a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
    const server = createServer();
    const emulator = new Emulator(server, options.seed ?? DEFAULT_SEED, options.stateFile);
    if (options.faults) emulator.setFaults(options.faults);
    if (options.quota) emulator.setQuota(options.quota);
    if (options.consistency) emulator.setConsistency(options.consistency);
    server.on('request', (request, response) => void emulator.handle(request, response));
    emulator.endpoint = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
    return emulator;
}
