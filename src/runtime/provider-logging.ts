// Provider logs and metrics, on SDK v3. A type registered with `cfn submit` gets a LoggingConfig,
// so every request CloudFormation sends carries providerCredentials and providerLogGroupName:
// this delivers the invocation's log lines to that group and its metrics to CloudWatch, with
// those credentials. It replaces the library's own delivery (aws-sdk v2: a PutLogEvents per line
// after a 0.25 s sleep, sequence tokens, S3 probes that the delivery role may not make).
// Lines and metrics are kept in memory and sent once, when the handler has answered: one
// PutLogEvents and one PutMetricData per invocation, side by side, within DELIVERY_BOUND_MS.
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CloudWatchClient, MetricDatum, PutMetricDataCommand, StandardUnit } from '@aws-sdk/client-cloudwatch';
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';

/** Where provider logs and metrics go: CloudFormation passes providerCredentials and providerLogGroupName. */
export interface ProviderTarget {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    region: string;
    logGroupName: string;
    /** One stream per stack resource, as the TypeScript library names it: a resource's lines across containers and retries, together. */
    logStreamName: string;
    resourceType: string;
}

/** The longest a delivery may hold the handler's answer back; what is not sent by then is dropped, and said so. */
export const DELIVERY_BOUND_MS = 1_000;

// PutLogEvents' limits (the CloudWatch Logs API reference): a batch is at most 10,000 events and
// 1,048,576 bytes, counted as each message's UTF-8 bytes plus 26.
const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD_BYTES = 26;
const MAX_BATCH_EVENTS = 10_000;
const MAX_MESSAGE_BYTES = MAX_BATCH_BYTES - EVENT_OVERHEAD_BYTES;

/** The names the official Java plugin publishes under (software.amazon.cloudformation.metrics.Metric). */
const METRIC = {
    invocations: 'HandlerInvocationCount',
    duration: 'HandlerInvocationDuration',
    exception: 'HandlerException',
    byErrorCode: 'HandlerExceptionByErrorCode',
    byExceptionCount: 'HandlerExceptionByExceptionCount',
} as const;

interface LogFilter {
    applyFilter(message: string): string;
}

interface Clients {
    logs: CloudWatchLogsClient;
    metrics: CloudWatchClient;
}

// A warm container serves one request after another with the same provider credentials (they
// rotate about hourly): keep the clients, and their open connections, while the key holds.
let cached: { key: string; clients: Clients } | undefined;

function clientsFor(target: ProviderTarget): Clients {
    const { credentials, region } = target;
    // The endpoint variables are part of the key, as for Connect: a long-lived local runtime may repoint them.
    const key = [region, credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken, process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, process.env.AWS_ENDPOINT_URL_CLOUDWATCH, process.env.AWS_ENDPOINT_URL].join('\u0000');
    if (cached?.key !== key) {
        const config = { region, credentials: { ...credentials }, maxAttempts: 2 };
        // Metrics are a few KiB: gzip would only load node:zlib.
        cached = { key, clients: { logs: new CloudWatchLogsClient(config), metrics: new CloudWatchClient({ ...config, disableRequestCompression: true }) } };
    }
    return cached.clients;
}

const errorName = (error: unknown) => (error && typeof error === 'object' && 'name' in error ? String((error as Error).name) : 'Error');

/**
 * One invocation's delivery. The library's runtime logs to it as to any of its log publishers
 * (publishLogEvent, addFilter) and records metrics through it as through its metrics publisher
 * proxy; `finish` sends both once the handler has answered.
 */
export class Delivery {
    private readonly lines: { timestamp: number; message: string }[] = [];
    private readonly datums: MetricDatum[] = [];
    private readonly filters: LogFilter[] = [];

    constructor(
        private readonly target: ProviderTarget,
        /** The invocation's own secret filter (Password, credentials, bearer token), applied to every byte sent. */
        private readonly redact: (message: string) => string,
    ) {}

    // ---- what the library's LoggerProxy calls on a log publisher ----

    addFilter(filter: LogFilter | null | undefined): void {
        if (filter) this.filters.push(filter);
    }

    async publishLogEvent(message: string, eventTime?: Date): Promise<void> {
        this.log(message, eventTime);
    }

    // ---- what the library's entrypoint calls on its metrics publisher proxy ----

    async publishInvocationMetric(timestamp: Date, action: string): Promise<void> {
        this.metric(METRIC.invocations, { Action: action, ResourceType: this.target.resourceType }, StandardUnit.Count, 1, timestamp);
    }

    async publishDurationMetric(timestamp: Date, action: string, milliseconds: number): Promise<void> {
        this.metric(METRIC.duration, { Action: action, ResourceType: this.target.resourceType }, StandardUnit.Milliseconds, milliseconds, timestamp);
    }

    /** An exception that escaped the handler: its own type (TypeError, InternalFailure…) and the code the answer carries. */
    async publishExceptionMetric(timestamp: Date, action: string, error: Error & { errorCode?: string }): Promise<void> {
        const code = error.errorCode ?? HandlerErrorCode.InternalFailure;
        this.metric(METRIC.exception, { Action: action, ExceptionType: error.constructor?.name || errorName(error), ResourceType: this.target.resourceType, HandlerErrorCode: code }, StandardUnit.Count, 1, timestamp);
    }

    log(message: string, at = new Date()): void {
        this.lines.push({ timestamp: at.getTime(), message });
    }

    private metric(name: string, dimensions: Record<string, string>, unit: StandardUnit, value: number, at: Date) {
        this.datums.push({ MetricName: name, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })), Unit: unit, Value: value, Timestamp: at });
    }

    /**
     * Sends what the invocation logged and measured, with the counts by HandlerErrorCode of its
     * answer (as the Java plugin: every code, 1 for the answer's and 0 for the others). Never
     * throws: a failure is one line in the platform log.
     */
    async finish(action: string, errorCode: string | undefined): Promise<void> {
        const at = new Date();
        for (const code of Object.values(HandlerErrorCode)) this.metric(METRIC.byErrorCode, { Action: action, HandlerErrorCode: code }, StandardUnit.Count, code === errorCode ? 1 : 0, at);
        this.metric(METRIC.byExceptionCount, { Action: action }, StandardUnit.Count, errorCode ? 1 : 0, at);
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(new Error(`not delivered within ${DELIVERY_BOUND_MS} ms`)), DELIVERY_BOUND_MS);
        timer.unref();
        let clients: Clients;
        try {
            clients = clientsFor(this.target);
        } catch (error) {
            clearTimeout(timer);
            return this.report([['logs', error], ['metrics', error]]);
        }
        const outcomes = await Promise.allSettled([this.sendLines(clients.logs, abort.signal), this.sendMetrics(clients.metrics, abort.signal)]);
        clearTimeout(timer);
        const failures = outcomes.flatMap((outcome, i) => (outcome.status === 'rejected' ? [[i === 0 ? 'logs' : 'metrics', outcome.reason] as const] : []));
        if (failures.length) this.report(failures);
    }

    private filtered(message: string): string {
        let text = message;
        for (const filter of this.filters) text = filter.applyFilter(text);
        return this.redact(text);
    }

    /** The lines in time order (the API refuses a batch that is not), cut into batches within the API's limits. */
    private batches() {
        const events = this.lines.map((line) => ({ timestamp: line.timestamp, message: truncate(this.filtered(line.message)) })).sort((a, b) => a.timestamp - b.timestamp);
        const batches: (typeof events)[] = [];
        let bytes = 0;
        for (const event of events) {
            const size = Buffer.byteLength(event.message) + EVENT_OVERHEAD_BYTES;
            const last = batches[batches.length - 1];
            if (!last || last.length === MAX_BATCH_EVENTS || bytes + size > MAX_BATCH_BYTES) {
                batches.push([event]);
                bytes = size;
            } else {
                last.push(event);
                bytes += size;
            }
        }
        return batches;
    }

    private async sendLines(logs: CloudWatchLogsClient, abortSignal: AbortSignal) {
        const { logGroupName, logStreamName } = this.target;
        for (const logEvents of this.batches()) {
            const put = () => logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }), { abortSignal });
            let answer;
            try {
                answer = await put();
            } catch (error) {
                if (errorName(error) !== 'ResourceNotFoundException') throw error;
                // The group or the stream is not there yet: made on demand, as the Java plugin does.
                await this.createStream(logs, abortSignal);
                answer = await put();
            }
            const rejected = answer.rejectedLogEventsInfo;
            if (rejected) throw Object.assign(new Error(`CloudWatch Logs rejected some lines: ${JSON.stringify(rejected)}`), { name: 'RejectedLogEvents' });
        }
    }

    private async createStream(logs: CloudWatchLogsClient, abortSignal: AbortSignal) {
        const { logGroupName, logStreamName } = this.target;
        const tolerate = (error: unknown) => {
            // Another container made it first.
            if (errorName(error) !== 'ResourceAlreadyExistsException') throw error;
        };
        try {
            await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }), { abortSignal });
        } catch (error) {
            if (errorName(error) !== 'ResourceNotFoundException') return tolerate(error);
            await logs.send(new CreateLogGroupCommand({ logGroupName }), { abortSignal }).catch(tolerate);
            await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }), { abortSignal }).catch(tolerate);
        }
    }

    private async sendMetrics(metrics: CloudWatchClient, abortSignal: AbortSignal) {
        await metrics.send(new PutMetricDataCommand({ Namespace: `AWS/CloudFormation/${this.target.resourceType.replace(/::/g, '/')}`, MetricData: this.datums }), { abortSignal });
    }

    /** One line in the platform log, whatever failed and however many lines it held. */
    private report(failures: readonly (readonly ['logs' | 'metrics', unknown])[]) {
        const { logGroupName, logStreamName } = this.target;
        const what = failures.map(([kind, error]) => `${kind === 'logs' ? `${this.lines.length} log lines to ${logGroupName}/${logStreamName}` : `${this.datums.length} metrics`}: ${errorName(error)}: ${(error as Error)?.message ?? error}`);
        console.log(this.redact(`Provider log delivery failed; not delivered: ${what.join('; ')}`));
    }
}

function truncate(message: string): string {
    if (Buffer.byteLength(message) <= MAX_MESSAGE_BYTES) return message;
    const note = ' …[cut to fit a CloudWatch Logs event]';
    // A cut inside a UTF-8 sequence decodes to U+FFFD (3 bytes): leave room for it.
    return Buffer.from(message).subarray(0, MAX_MESSAGE_BYTES - Buffer.byteLength(note) - 3).toString() + note;
}
