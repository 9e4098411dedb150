// Runs a function's handler as Lambda does: one invocation at a time per function, the module kept
// warm across invocations (or loaded afresh each time), a Lambda context, the function's timeout,
// and the handler's console output captured as its log.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { FunctionDefinition } from './template';

export type Invocation = { ok: true; result: unknown; logs: string[]; durationMs: number } | { ok: false; error: { errorType: string; errorMessage: string; stackTrace: string[] }; logs: string[]; durationMs: number };

export class LambdaFunction {
    private queue: Promise<unknown> = Promise.resolve();

    constructor(
        readonly definition: FunctionDefinition,
        /** onLog sees each line as it is logged; it must not use console, which is captured. */
        private readonly options: { fresh?: boolean; onLog?: (line: string) => void } = {},
    ) {}

    private load(): (event: unknown, context: unknown) => Promise<unknown> {
        const file = this.definition.handlerFile;
        if (!existsSync(file)) throw Object.assign(new Error(`${file} does not exist: run npm run build`), { name: 'Runtime.ImportModuleError' });
        if (this.options.fresh) delete require.cache[require.resolve(file)];
        const handler = require(file)[this.definition.handlerExport];
        if (typeof handler !== 'function') {
            throw Object.assign(new Error(`${file} does not export ${this.definition.handlerExport}`), { name: 'Runtime.HandlerNotFound' });
        }
        return handler;
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
        const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
        const capture = (...parts: unknown[]) => {
            const line = format(...parts).replace(/\n+$/, '');
            logs.push(line);
            this.options.onLog?.(line);
        };
        Object.assign(console, { log: capture, info: capture, warn: capture, error: capture, debug: capture });
        let timer: NodeJS.Timeout | undefined;
        try {
            const handler = this.load();
            const timeout = new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(Object.assign(new Error(`Task timed out after ${this.definition.timeoutSeconds.toFixed(2)} seconds`), { name: 'Sandbox.Timedout' })), this.definition.timeoutSeconds * 1000);
            });
            const result = await Promise.race([handler(event, context), timeout]);
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
            Object.assign(console, original);
        }
    }
}
