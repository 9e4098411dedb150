// A stand-in for the CloudWatch Logs and CloudWatch operations provider logging uses, on the
// emulator's port: CloudWatch Logs' awsJson1_1 (X-Amz-Target Logs_20140328.*) and CloudWatch's
// awsJson1_0 with awsQueryCompatible errors (X-Amz-Target GraniteServiceVersion20100801.*), as the
// SDK v3 clients send them. Limits and error codes are those of the APIs' references (botocore's
// logs and monitoring models): PutLogEvents at most 10,000 events and 1,048,576 bytes (messages'
// UTF-8 bytes plus 26 each), in time order, within 24 hours; groups and streams must exist;
// PutMetricData at most 1,000 datums of at most 30 dimensions, finite values.
import { ServiceError } from './input';

export interface LogEvent {
    timestamp: number;
    message: string;
}
export interface MonitoringCall {
    operation: string;
    /** The access key the request was signed with. */
    accessKeyId?: string;
    status: number;
    errorType?: string;
}

const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const LOG_STREAM_NAME = /^[^:*]{1,512}$/;
const MAX_BATCH_BYTES = 1_048_576;
const DAY_MS = 24 * 3600 * 1000;

const invalid = (message: string) => new ServiceError('InvalidParameterException', 400, message);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

export class MonitoringService {
    /** Group → stream → events, as they landed. */
    readonly logs = new Map<string, Map<string, LogEvent[]>>();
    /** Every datum published, with its namespace. */
    readonly metrics: { namespace: string; datum: Record<string, any> }[] = [];
    readonly calls: MonitoringCall[] = [];

    reset() {
        this.logs.clear();
        this.metrics.length = 0;
        this.calls.length = 0;
    }

    /** Answers one request; `target` is its X-Amz-Target. */
    handle(target: string, body: Record<string, any>): Record<string, unknown> {
        const operation = target.split('.').pop()!;
        switch (target) {
            case 'Logs_20140328.CreateLogGroup':
                return this.createLogGroup(body);
            case 'Logs_20140328.CreateLogStream':
                return this.createLogStream(body);
            case 'Logs_20140328.PutLogEvents':
                return this.putLogEvents(body);
            // What the CloudFormation library's own (aws-sdk v2) delivery asks first; the bench runs it.
            case 'Logs_20140328.DescribeLogGroups':
                return { logGroups: [...this.logs.keys()].filter((name) => name.startsWith(String(body.logGroupNamePrefix ?? ''))).map((logGroupName) => ({ logGroupName })) };
            case 'Logs_20140328.DescribeLogStreams':
                return { logStreams: [...this.group(body.logGroupName).keys()].filter((name) => name.startsWith(String(body.logStreamNamePrefix ?? ''))).map((logStreamName) => ({ logStreamName })) };
            case 'GraniteServiceVersion20100801.PutMetricData':
                return this.putMetricData(body);
            default:
                throw new ServiceError('UnknownOperationException', 400, `The emulator does not serve ${operation}`);
        }
    }

    private createLogGroup(body: Record<string, any>) {
        const name = str(body.logGroupName);
        if (!name || !LOG_GROUP_NAME.test(name)) throw invalid('1 validation error detected: Value at \'logGroupName\' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+');
        if (this.logs.has(name)) throw new ServiceError('ResourceAlreadyExistsException', 400, 'The specified log group already exists');
        this.logs.set(name, new Map());
        return {};
    }

    private createLogStream(body: Record<string, any>) {
        const group = this.group(body.logGroupName);
        const name = str(body.logStreamName);
        if (!name || !LOG_STREAM_NAME.test(name)) throw invalid('1 validation error detected: Value at \'logStreamName\' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*');
        if (group.has(name)) throw new ServiceError('ResourceAlreadyExistsException', 400, 'The specified log stream already exists');
        group.set(name, []);
        return {};
    }

    private group(name: unknown) {
        const group = typeof name === 'string' ? this.logs.get(name) : undefined;
        if (!group) throw new ServiceError('ResourceNotFoundException', 400, 'The specified log group does not exist.');
        return group;
    }

    private putLogEvents(body: Record<string, any>) {
        const stream = this.group(body.logGroupName).get(String(body.logStreamName));
        if (!stream) throw new ServiceError('ResourceNotFoundException', 400, 'The specified log stream does not exist.');
        const events: unknown = body.logEvents;
        if (!Array.isArray(events) || events.length < 1 || events.length > 10_000) throw invalid('1 validation error detected: Value at \'logEvents\' failed to satisfy constraint: Member must have length between 1 and 10000');
        let bytes = 0;
        for (const [i, event] of events.entries()) {
            if (typeof event?.timestamp !== 'number' || typeof event?.message !== 'string' || event.message.length < 1) throw invalid(`logEvents.${i + 1} needs a timestamp and a message of at least 1 character`);
            if (i > 0 && event.timestamp < events[i - 1].timestamp) throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
            bytes += Buffer.byteLength(event.message) + 26;
        }
        if (bytes > MAX_BATCH_BYTES) throw invalid(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
        if (events[events.length - 1].timestamp - events[0].timestamp > DAY_MS) throw invalid('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
        stream.push(...events.map((e) => ({ timestamp: e.timestamp, message: e.message })));
        // Sequence tokens are ignored since 2023; the answer still carries one.
        return { nextSequenceToken: String(stream.length).padStart(56, '0') };
    }

    private putMetricData(body: Record<string, any>) {
        const namespace = str(body.Namespace);
        const invalidValue = (message: string) => new ServiceError('InvalidParameterValueException', 400, message);
        if (!namespace || namespace.length > 255 || namespace.startsWith(':')) throw invalidValue('The parameter Namespace must be 1 to 255 characters and not start with ":"');
        const data: unknown = body.MetricData;
        if (!Array.isArray(data) || data.length === 0) throw new ServiceError('MissingRequiredParameterException', 400, 'The parameter MetricData is required.');
        if (data.length > 1000) throw invalidValue('The collection MetricData must not have a size greater than 1000.');
        for (const [i, datum] of data.entries()) {
            if (!str(datum?.MetricName) || datum.MetricName.length > 255) throw invalidValue(`The parameter MetricData.member.${i + 1}.MetricName is required and at most 255 characters.`);
            const dimensions = datum.Dimensions ?? [];
            if (!Array.isArray(dimensions) || dimensions.length > 30) throw invalidValue(`The collection MetricData.member.${i + 1}.Dimensions must not have a size greater than 30.`);
            for (const d of dimensions) {
                if (!str(d?.Name) || d.Name.length > 255 || !str(d?.Value) || d.Value.length > 1024) throw invalidValue(`MetricData.member.${i + 1}.Dimensions: each needs a Name of 1 to 255 and a Value of 1 to 1024 characters.`);
            }
            if (datum.Value !== undefined && !(typeof datum.Value === 'number' && Number.isFinite(datum.Value))) throw invalidValue(`The value ${datum.Value} for parameter MetricData.member.${i + 1}.Value is invalid.`);
        }
        for (const datum of data) this.metrics.push({ namespace, datum });
        return {};
    }
}
