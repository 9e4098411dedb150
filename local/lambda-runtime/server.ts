// The Lambda Invoke API (POST /2015-03-31/functions/{name}/invocations) for the functions of
// template.yml, as `sam local start-lambda` serves it: what `cfn test --endpoint` and any AWS SDK
// Lambda client call. Errors follow Lambda's conventions: an unknown function is 404
// ResourceNotFoundException, a body that is not JSON 400 InvalidRequestContentException, and a
// handler that throws answers 200 with X-Amz-Function-Error: Unhandled.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '../listen';
import { LambdaFunction } from './runtime';
import { FunctionDefinition } from './template';

export interface LambdaServer {
    endpoint: string;
    close(): Promise<void>;
}

const ROUTE = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

function functionName(raw: string): string {
    const name = decodeURIComponent(raw);
    // A name, a full ARN or a partial one (account:function:name), with an optional :qualifier.
    const arn = /(?:^|:)function:([^:]+)/.exec(name);
    return arn ? arn[1] : name.split(':')[0];
}

export async function startLambdaServer(
    definitions: Map<string, FunctionDefinition>,
    options: { port?: number; host?: string; fresh?: boolean; log?: (line: string) => void } = {},
): Promise<LambdaServer> {
    const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
    const functions = new Map([...definitions].map(([name, definition]) => [name, new LambdaFunction(definition, { fresh: options.fresh, onLog: (line) => log(`[${name}] ${line}`) })]));

    const error = (response: ServerResponse, status: number, type: string, message: string) =>
        response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-ErrorType': type, 'x-amzn-RequestId': crypto.randomUUID() }).end(JSON.stringify({ Type: 'User', message }));

    async function handle(request: IncomingMessage, response: ServerResponse) {
        const url = new URL(request.url ?? '/', 'http://lambda');
        const route = ROUTE.exec(url.pathname);
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk);
        if (!route || request.method !== 'POST') return error(response, 404, 'UnknownOperationException', `No Lambda operation at ${request.method} ${url.pathname}`);
        const name = functionName(route[1]);
        const fn = functions.get(name);
        if (!fn) return error(response, 404, 'ResourceNotFoundException', `Function not found: arn:aws:lambda:us-east-1:123456789012:function:${name}`);
        const body = Buffer.concat(chunks).toString('utf8');
        let event: unknown;
        try {
            event = body.trim() === '' ? {} : JSON.parse(body);
        } catch (cause) {
            return error(response, 400, 'InvalidRequestContentException', `Could not parse request body into json: ${(cause as Error).message}`);
        }
        const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
        if (invocationType === 'DryRun') return response.writeHead(204).end();
        if (invocationType === 'Event') {
            void fn.invoke(event);
            return response.writeHead(202, { 'x-amzn-RequestId': crypto.randomUUID() }).end();
        }
        const outcome = await fn.invoke(event);
        log(`[${name}] ${(event as any)?.action ?? ''} -> ${outcome.ok ? ((outcome.result as any)?.status ?? 'done') : `crashed: ${outcome.error.errorType}`} (${outcome.durationMs.toFixed(0)} ms)`);
        const headers: Record<string, string> = { 'content-type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': crypto.randomUUID() };
        if (request.headers['x-amz-log-type'] === 'Tail') headers['X-Amz-Log-Result'] = Buffer.from(outcome.logs.join('\n').slice(-4096)).toString('base64');
        if (!outcome.ok) headers['X-Amz-Function-Error'] = 'Unhandled';
        response.writeHead(200, headers).end(JSON.stringify(outcome.ok ? outcome.result : outcome.error));
    }

    const server = createServer((request, response) => {
        handle(request, response).catch((cause) => {
            log(`[start-lambda] internal error: ${(cause as Error).message}`);
            if (!response.headersSent) error(response, 500, 'ServiceException', 'Internal error in the local Lambda runtime');
        });
    });
    const endpoint = await listen(server, options.port ?? 3001, options.host ?? '127.0.0.1');
    return {
        endpoint,
        close: () => {
            server.closeAllConnections();
            return new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
