// Runs a function's handler as Lambda does: one invocation at a time per function, the module kept
// warm across invocations (or loaded afresh each time), a Lambda context, the function's timeout,
// and the handler's console output captured as its log.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { FunctionDefinition } from './template';

/**
 * Handler logs go to the invocation that wrote them: console is patched once to look up the
 * current invocation's sink, so invocations of different functions may overlap safely.
 */
const logSink = new AsyncLocalStorage<(line: string) => void>();
let consolePatched = false;
function routeConsole() {
    if (consolePatched) return;
    consolePatched = true;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        const original = console[method].bind(console);
        console[method] = (...parts: unknown[]) => {
            const sink = logSink.getStore();
            if (sink) sink(format(...parts).replace(/\n+$/, ''));
            else original(...parts);
        };
    }
}

export type Invocation = { ok: true; result: unknown; logs: string[]; durationMs: number } | { ok: false; error: { errorType: string; errorMessage: string; stackTrace: string[] }; logs: string[]; durationMs: number };

export class LambdaFunction {
    private queue: Promise<unknown> = Promise.resolve();
    private module: Record<string, unknown> | undefined;

    constructor(
        readonly definition: FunctionDefinition,
        /** onLog sees each line as it is logged; it must not use console, which is captured. */
        private readonly options: { fresh?: boolean; onLog?: (line: string) => void } = {},
    ) {}

    private load(): (event: unknown, context: unknown) => Promise<unknown> {
        const file = this.definition.handlerFile;
        if (!existsSync(file)) throw Object.assign(new Error(`${file} does not exist: run npm run build`), { name: 'Runtime.ImportModuleError' });
        // Each function instance is its own execution environment: its own copy of the module,
        // loaded once and kept warm, or anew for every invocation with `fresh`.
        if (this.options.fresh || !this.module) {
            delete require.cache[require.resolve(file)];
            this.module = require(file);
            delete require.cache[require.resolve(file)];
        }
        const handler = this.module![this.definition.handlerExport];
        if (typeof handler !== 'function') {
            throw Object.assign(new Error(`${file} does not export ${this.definition.handlerExport}`), { name: 'Runtime.HandlerNotFound' });
        }
        return handler as (event: unknown, context: unknown) => Promise<unknown>;
    }

    /** Invocations of one function run one after another, as in one Lambda execution environment. */
    invoke(event: unknown): Promise<Invocation> {
        const run = this.queue.then(() => this.run(event));
        this.queue = run.catch(() => undefined);
        return run;
    }

    private async run(event: unknown): Promise<Invocation> {
        const logs: string[] = [];
        const started = performance.now();
        const requestId = randomUUID();
        const deadline = Date.now() + this.definition.timeoutSeconds * 1000;
        const context = {
            awsRequestId: requestId,
            functionName: this.definition.name,
            functionVersion: '$LATEST',
            invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${this.definition.name}`,
            memoryLimitInMB: String(this.definition.memoryMb),
            logGroupName: `/aws/lambda/${this.definition.name}`,
            logStreamName: `local/${requestId}`,
            getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
            callbackWaitsForEmptyEventLoop: true,
        };
        routeConsole();
        const capture = (line: string) => {
            logs.push(line);
            this.options.onLog?.(line);
        };
        let timer: NodeJS.Timeout | undefined;
        try {
            const handler = this.load();
            const timeout = new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(Object.assign(new Error(`Task timed out after ${this.definition.timeoutSeconds.toFixed(2)} seconds`), { name: 'Sandbox.Timedout' })), this.definition.timeoutSeconds * 1000);
            });
            const result = await logSink.run(capture, () => Promise.race([handler(event, context), timeout]));
            return { ok: true, result: JSON.parse(JSON.stringify(result ?? null)), logs, durationMs: performance.now() - started };
        } catch (error) {
            const e = error instanceof Error ? error : new Error(String(error));
            return {
                ok: false,
                error: { errorType: e.name || 'Error', errorMessage: e.message, stackTrace: (e.stack ?? '').split('\n').slice(1).map((l) => l.trim()) },
                logs,
                durationMs: performance.now() - started,
            };
        } finally {
            clearTimeout(timer);
        }
    }
}
