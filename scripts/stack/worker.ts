// One worker thread of the stack benchmark: it hosts Lambda "containers", one module instance of
// dist/handlers.js per resource (its own SDK client, connections and module state), and drives
// each resource's invocations the way CloudFormation does.
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { handlerRequest, nextEvent, ProgressEventJson, Properties } from '../../local/lambda-runtime/cloudformation';

export interface WorkerSetup {
    bundle: string;
    endpoint: string;
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    /** Real seconds per callback-delay second. */
    timeScale: number;
}
export interface Job {
    id: number;
    action: 'CREATE' | 'UPDATE' | 'DELETE';
    properties: Properties;
    previous?: Properties;
}
export interface JobResult {
    id: number;
    status: string;
    errorCode?: string;
    message?: string;
    invocations: number;
    resourceModel?: Properties;
}

type Entrypoint = (event: unknown, context: unknown) => Promise<ProgressEventJson>;
const setup = workerData as WorkerSetup;
process.env.AWS_ENDPOINT_URL_CONNECT = setup.endpoint;
// 500 handlers' log lines would drown the figures; the handler's own tests read them.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

const source = readFileSync(setup.bundle, 'utf8');
const containers = new Map<number, Entrypoint>();

/** A fresh module instance of the bundle: what a new Lambda container loads. */
function container(id: number): Entrypoint {
    let entrypoint = containers.get(id);
    if (!entrypoint) {
        const instance = new Module(setup.bundle) as Module & { _compile(code: string, file: string): void; paths: string[] };
        instance.filename = setup.bundle;
        instance.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(setup.bundle));
        instance._compile(source, setup.bundle);
        entrypoint = (instance.exports as { entrypoint: Entrypoint }).entrypoint;
        containers.set(id, entrypoint);
    }
    return entrypoint;
}

async function drive(job: Job): Promise<JobResult> {
    const entrypoint = container(job.id);
    let event = handlerRequest(job.action, job.properties, { credentials: setup.credentials, previous: job.previous, token: `stack-${job.action}-${job.id}-${process.hrtime.bigint()}` });
    for (let invocations = 1; ; invocations++) {
        const result = await entrypoint(event, { awsRequestId: `${job.id}-${invocations}`, functionVersion: '$LATEST', memoryLimitInMB: 256 });
        if (result.status !== 'IN_PROGRESS') {
            return { id: job.id, status: result.status, errorCode: result.errorCode, message: result.message, invocations, resourceModel: result.resourceModel };
        }
        await new Promise((resolve) => setTimeout(resolve, (result.callbackDelaySeconds ?? 0) * 1000 * setup.timeScale));
        event = nextEvent(event, result);
    }
}

parentPort!.on('message', (message: Job[] | { warm: number[] }) => {
    if (!Array.isArray(message)) {
        // Lambda cold-starts each container on a machine of its own: load them all before the clock starts, not 500 on two cores.
        for (const id of message.warm) container(id);
        return parentPort!.postMessage({ warmed: message.warm.length });
    }
    for (const job of message) {
        drive(job).then(
            (result) => parentPort!.postMessage(result),
            (error) => parentPort!.postMessage({ id: job.id, status: 'CRASHED', message: String(error?.stack ?? error), invocations: 0 } satisfies JobResult),
        );
    }
});
