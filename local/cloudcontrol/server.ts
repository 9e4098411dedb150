// The Cloud Control stand-in's front door: the AWS JSON 1.0 protocol of botocore's model
// (POST /, `X-Amz-Target: CloudApiService.<Operation>`, errors as `__type` and `Message`) and
// Signature Version 4, as AWS checks it before any operation runs.
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from '../listen';
import { CloudControl, CloudControlError, type Json } from './service';

export const SIGNING_NAME = 'cloudcontrolapi';
const TARGET_PREFIX = 'CloudApiService.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** AWS refuses a request signed more than 15 minutes before or after it arrives. */
const MAX_SKEW_MS = 15 * 60_000;

/** SHA-256 as @smithy/signature-v4 takes it (a hash, or an HMAC when given a key), from node:crypto. */
class Sha256 {
    private readonly hash;
    constructor(secret?: string | Uint8Array) {
        this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
    }
    update(data: string | Uint8Array) {
        this.hash.update(data);
    }
    async digest() {
        return new Uint8Array(this.hash.digest());
    }
    reset() {}
}

export interface Credentials {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
}

const OPERATIONS: Record<string, (service: CloudControl, input: Json) => unknown> = {
    CreateResource: (s, i) => s.createResource(i),
    UpdateResource: (s, i) => s.updateResource(i),
    DeleteResource: (s, i) => s.deleteResource(i),
    GetResource: (s, i) => s.getResource(i),
    ListResources: (s, i) => s.listResources(i),
    GetResourceRequestStatus: (s, i) => s.getResourceRequestStatus(i),
    CancelResourceRequest: (s, i) => s.cancelResourceRequest(i),
    ListResourceRequests: (s, i) => s.listResourceRequests(i),
};

/** What is wrong with a request's signature, as AWS's error names it; undefined when it verifies. */
async function signatureProblem(request: IncomingMessage, body: string, region: string, known: Credentials[]): Promise<CloudControlError | undefined> {
    const authorization = request.headers.authorization;
    if (!authorization) return new CloudControlError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    const parsed = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
    if (!parsed) return new CloudControlError('IncompleteSignatureException', 'Authorization header requires Credential, SignedHeaders and Signature (AWS4-HMAC-SHA256).');
    const [, accessKeyId, date, scopeRegion, service, signedHeaders] = parsed;
    if (service !== SIGNING_NAME) return new CloudControlError('InvalidSignatureException', `Credential should be scoped to correct service: '${SIGNING_NAME}'.`);
    if (scopeRegion !== region) return new CloudControlError('InvalidSignatureException', `Credential should be scoped to a valid region: this endpoint is '${region}'.`);
    const amzDate = String(request.headers['x-amz-date'] ?? '');
    const at = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!amzDate.startsWith(date) || Number.isNaN(at)) return new CloudControlError('IncompleteSignatureException', 'X-Amz-Date is missing, malformed, or not the day of the credential scope.');
    if (Math.abs(Date.now() - at) > MAX_SKEW_MS) return new CloudControlError('InvalidSignatureException', 'Signature expired: the request was signed more than 15 minutes away from the current time.');
    // [stand-in] The secret of a key it does not know is not here to check against: such a
    // signature is checked for its form and scope only.
    const credentials = known.find((c) => c.accessKeyId === accessKeyId);
    if (!credentials) return undefined;
    const headers = Object.fromEntries(signedHeaders.split(';').map((name) => [name, String(request.headers[name] ?? '')]));
    // The session token, if any, is one of the signed headers already; the signer must not add it again.
    const signer = new SignatureV4({ credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, region, service: SIGNING_NAME, sha256: Sha256 as any, uriEscapePath: true, applyChecksum: false });
    const expected = await signer.sign(
        { method: request.method ?? 'POST', protocol: 'http:', hostname: String(request.headers.host ?? '').split(':')[0], path: (request.url ?? '/').split('?')[0], query: {}, headers, body } as any,
        { signingDate: new Date(at), signableHeaders: new Set(signedHeaders.split(';')), unsignableHeaders: new Set<string>() },
    );
    const ours = String(expected.headers.authorization ?? expected.headers.Authorization ?? '');
    return ours === authorization ? undefined : new CloudControlError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
}

const STATUS: Record<string, number> = { MissingAuthenticationTokenException: 403, IncompleteSignatureException: 403, InvalidSignatureException: 403, UnknownOperationException: 400 };

export interface CloudControlServer {
    endpoint: string;
    service: CloudControl;
    close(): Promise<void>;
}

export async function startCloudControlServer(service: CloudControl, options: { port?: number; host?: string; region: string; credentials: Credentials[] }): Promise<CloudControlServer> {
    const respond = (response: ServerResponse, status: number, body: unknown) => {
        response.writeHead(status, { 'Content-Type': CONTENT_TYPE, 'x-amzn-RequestId': randomUUID() });
        response.end(JSON.stringify(body));
    };
    const fail = (response: ServerResponse, error: CloudControlError) => {
        response.setHeader('x-amzn-ErrorType', error.code);
        respond(response, STATUS[error.code] ?? 400, { __type: `com.amazonaws.cloudcontrolapi#${error.code}`, Message: error.message });
    };
    const server = createServer(async (request, response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks).toString('utf8');
        try {
            const problem = await signatureProblem(request, body, options.region, options.credentials);
            if (problem) return fail(response, problem);
            const target = String(request.headers['x-amz-target'] ?? '');
            const operation = target.startsWith(TARGET_PREFIX) ? OPERATIONS[target.slice(TARGET_PREFIX.length)] : undefined;
            if (request.method !== 'POST' || !operation) return fail(response, new CloudControlError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}.`));
            let input: Json;
            try {
                input = body ? JSON.parse(body) : {};
            } catch {
                return fail(response, new CloudControlError('SerializationException', 'The request body is not JSON.'));
            }
            respond(response, 200, await operation(service, input));
        } catch (error) {
            if (error instanceof CloudControlError) return fail(response, error);
            fail(response, new CloudControlError('ServiceInternalErrorException', String((error as Error)?.message ?? error)));
        }
    });
    const endpoint = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
    return {
        endpoint,
        service,
        close: async () => {
            await service.settled();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        },
    };
}
