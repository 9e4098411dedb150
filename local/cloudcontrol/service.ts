// A stand-in for the AWS Cloud Control API, for this one type, in front of its handler. It does
// what the service does, per its API reference and botocore's cloudcontrol-2021-09-30 model:
// resource requests are answered at once with a ProgressEvent and run in the background, calling
// the handler as CloudFormation does (re-invoked after each callbackDelaySeconds with the returned
// context and model); the model is validated against the type's schema before any handler call;
// UpdateResource applies an RFC 6902 patch to the resource as READ returns it. Where the public
// record leaves a behaviour open, the choice is marked [inferred] beside the code.
import Ajv, { type ErrorObject } from 'ajv';
import { applyPatch, validate as patchProblem, type Operation as PatchOperation } from 'fast-json-patch';
import { randomUUID } from 'node:crypto';
import type { ProgressEventJson, Properties } from '../lambda-runtime/cloudformation';

export type Json = Record<string, any>;
/** One HandlerRequest to the type's handler, as CloudFormation builds it; answers its ProgressEvent. */
export type Invoke = (action: string, properties: Properties | undefined, options: { previous?: Properties; context?: Json | null; token: string; nextToken?: string }) => Promise<ProgressEventJson>;

/** An error as the service names it (botocore's error shapes); HTTP 400 unless said. */
export class CloudControlError extends Error {
    constructor(
        readonly code: string,
        message: string,
    ) {
        super(message);
    }
}

type Operation = 'CREATE' | 'UPDATE' | 'DELETE';
type Status = 'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILED' | 'CANCEL_IN_PROGRESS' | 'CANCEL_COMPLETE';
interface Request {
    token: string;
    operation: Operation;
    status: Status;
    identifier?: string;
    model?: Properties;
    errorCode?: string;
    statusMessage?: string;
    eventTime: number;
    retryAfter?: number;
    cancel?: boolean;
}

export interface CloudControlOptions {
    schema: Json;
    invoke: Invoke;
    /** Multiplies every callback delay the handler asks for (1 waits them out; tests use less). */
    delayScale?: number;
}

const seconds = (ms: number) => ms / 1000;
/** The top-level property a schema pointer (`/properties/Username`) names. */
const propertyOf = (pointer: string) => pointer.split('/')[2];

export class CloudControl {
    private readonly requests = new Map<string, Request>();
    /** ClientToken -> what it was used for; the same request again answers the same ProgressEvent. */
    private readonly clientTokens = new Map<string, { fingerprint: string; token: string }>();
    private readonly validateModel: ReturnType<Ajv['compile']>;
    readonly typeName: string;
    private readonly identifierProperty: string;
    private readonly readOnly: string[];
    private readonly createOnly: string[];

    constructor(private readonly options: CloudControlOptions) {
        const { schema } = options;
        this.typeName = schema.typeName;
        this.identifierProperty = propertyOf(schema.primaryIdentifier[0]);
        this.readOnly = (schema.readOnlyProperties ?? []).map(propertyOf);
        this.createOnly = (schema.createOnlyProperties ?? []).map(propertyOf);
        // The registered schema as a JSON Schema (draft-07, as the meta-schema says); its
        // CloudFormation keywords are not validation keywords.
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
        this.validateModel = ajv.compile({ type: 'object', definitions: schema.definitions, properties: schema.properties, required: schema.required, additionalProperties: schema.additionalProperties });
    }

    // ---- the operations (botocore names their members) ----

    createResource(input: Json) {
        this.checkType(input.TypeName);
        const desired = this.parseModel(input.DesiredState, 'DesiredState');
        return this.idempotent(input.ClientToken, ['CREATE', input.DesiredState], () => {
            // [inferred] Read-only properties are the handler's to return, not the caller's to set.
            const readOnly = this.readOnly.filter((name) => Object.hasOwn(desired, name));
            if (readOnly.length > 0) throw new CloudControlError('InvalidRequestException', `Model validation failed (#: extraneous key [${readOnly[0]}] is not permitted)`);
            this.validate(desired);
            return this.start('CREATE', undefined, (request) => this.drive(request, 'CREATE', desired));
        });
    }

    async updateResource(input: Json) {
        this.checkType(input.TypeName);
        const identifier = this.identifier(input.Identifier);
        const patch = this.parsePatch(input.PatchDocument);
        return this.idempotent(input.ClientToken, ['UPDATE', identifier, input.PatchDocument], async () => {
            this.checkNotBusy(identifier);
            const current = await this.read(identifier);
            // [inferred] The service refuses a patch of a create-only or read-only path itself.
            for (const { path } of patch) {
                const name = path.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
                if (this.createOnly.includes(name)) throw new CloudControlError('NotUpdatableException', `Invalid patch update: createOnlyProperties [/properties/${name}] cannot be updated`);
                if (this.readOnly.includes(name)) throw new CloudControlError('InvalidRequestException', `Invalid patch update: readOnlyProperties [/properties/${name}] cannot be updated`);
            }
            let desired: Properties;
            try {
                desired = applyPatch(structuredClone(current), patch, true, false).newDocument;
            } catch (error) {
                throw new CloudControlError('InvalidRequestException', `Invalid patch update: ${(error as Error).message.split('\n')[0]}`);
            }
            const { [this.identifierProperty]: _identifier, ...model } = desired;
            this.validate(model);
            return this.start('UPDATE', identifier, (request) => this.drive(request, 'UPDATE', desired, current));
        });
    }

    deleteResource(input: Json) {
        this.checkType(input.TypeName);
        const identifier = this.identifier(input.Identifier);
        return this.idempotent(input.ClientToken, ['DELETE', identifier], () => {
            this.checkNotBusy(identifier);
            return this.start('DELETE', identifier, (request) => this.drive(request, 'DELETE', { [this.identifierProperty]: identifier }));
        });
    }

    getResourceRequestStatus(input: Json) {
        return { ProgressEvent: this.progressEvent(this.request(input.RequestToken)) };
    }

    cancelResourceRequest(input: Json) {
        const request = this.request(input.RequestToken);
        // The API reference: only a request that is still in progress can be cancelled.
        if (request.status !== 'PENDING' && request.status !== 'IN_PROGRESS') {
            throw new CloudControlError('ConcurrentModificationException', `The resource request ${request.token} is ${request.status} and cannot be cancelled.`);
        }
        request.cancel = true;
        this.update(request, { status: 'CANCEL_IN_PROGRESS' });
        return { ProgressEvent: this.progressEvent(request) };
    }

    listResourceRequests(input: Json) {
        const filter = input.ResourceRequestStatusFilter ?? {};
        const all = [...this.requests.values()]
            .filter((r) => !filter.Operations?.length || filter.Operations.includes(r.operation))
            .filter((r) => !filter.OperationStatuses?.length || filter.OperationStatuses.includes(r.status))
            .sort((a, b) => b.eventTime - a.eventTime);
        return this.page(all.map((r) => this.progressEvent(r)), input, 'ResourceRequestStatusSummaries');
    }

    async getResource(input: Json) {
        this.checkType(input.TypeName);
        const identifier = this.identifier(input.Identifier);
        const model = await this.read(identifier);
        return { TypeName: this.typeName, ResourceDescription: { Identifier: identifier, Properties: JSON.stringify(model) } };
    }

    async listResources(input: Json) {
        this.checkType(input.TypeName);
        // No ResourceModel: the Region's listing (LIST with no properties).
        const scope = input.ResourceModel == null ? undefined : this.parseModel(input.ResourceModel, 'ResourceModel');
        const answer = await this.options.invoke('LIST', scope, { token: randomUUID(), nextToken: input.NextToken });
        if (answer.status !== 'SUCCESS') throw this.handlerError(answer);
        return {
            TypeName: this.typeName,
            ResourceDescriptions: (answer.resourceModels ?? []).map((model) => ({ Identifier: String(model[this.identifierProperty]), Properties: JSON.stringify(model) })),
            ...(answer.nextToken ? { NextToken: answer.nextToken } : {}),
        };
    }

    /** Waits for every request started so far to end (tests and shutdown). */
    async settled(): Promise<void> {
        while (this.running.size > 0) await Promise.allSettled([...this.running]);
    }

    // ---- requests in the background ----

    private readonly running = new Set<Promise<void>>();

    private start(operation: Operation, identifier: string | undefined, run: (request: Request) => Promise<void>) {
        const request: Request = { token: randomUUID(), operation, status: 'IN_PROGRESS', identifier, eventTime: Date.now() };
        this.requests.set(request.token, request);
        const job = run(request).catch((error) => this.update(request, { status: 'FAILED', errorCode: 'InternalFailure', statusMessage: String(error?.message ?? error) }));
        this.running.add(job);
        void job.finally(() => this.running.delete(job));
        return { ProgressEvent: this.progressEvent(request) };
    }

    /** Calls the handler as CloudFormation does until it is done, honouring its callback delays. */
    private async drive(request: Request, action: Operation, properties: Properties, previous?: Properties) {
        const token = randomUUID();
        let context: Json | null = null;
        let model = properties;
        for (;;) {
            if (request.cancel) return this.update(request, { status: 'CANCEL_COMPLETE' });
            const answer = await this.options.invoke(action, model, { previous, context, token });
            if (request.cancel) return this.update(request, { status: 'CANCEL_COMPLETE' });
            const identifier = answer.resourceModel?.[this.identifierProperty] ?? request.identifier;
            if (answer.status === 'SUCCESS') {
                return this.update(request, { status: 'SUCCESS', identifier, model: action === 'DELETE' ? undefined : answer.resourceModel, retryAfter: undefined });
            }
            if (answer.status === 'FAILED') {
                return this.update(request, { status: 'FAILED', identifier, errorCode: answer.errorCode ?? 'InternalFailure', statusMessage: answer.message, retryAfter: undefined });
            }
            const delay = (answer.callbackDelaySeconds ?? 0) * 1000;
            this.update(request, { identifier, statusMessage: answer.message, retryAfter: Date.now() + delay });
            await new Promise((resolve) => setTimeout(resolve, delay * (this.options.delayScale ?? 1)));
            context = answer.callbackContext ?? null;
            model = answer.resourceModel ?? model;
        }
    }

    private update(request: Request, change: Partial<Request>) {
        Object.assign(request, change, { eventTime: Date.now() });
    }

    // ---- shared ----

    /** READ through the handler: the resource's current model, or the service's error. */
    private async read(identifier: string): Promise<Properties> {
        const answer = await this.options.invoke('READ', { [this.identifierProperty]: identifier }, { token: randomUUID() });
        if (answer.status !== 'SUCCESS') throw this.handlerError(answer);
        return answer.resourceModel ?? {};
    }

    /** A handler's FAILED answer to a synchronous call, as the exception the service raises. */
    private handlerError(answer: ProgressEventJson): CloudControlError {
        const names: Record<string, string> = {
            NotFound: 'ResourceNotFoundException',
            InvalidRequest: 'InvalidRequestException',
            AlreadyExists: 'AlreadyExistsException',
            NotUpdatable: 'NotUpdatableException',
            Throttling: 'ThrottlingException',
            ServiceLimitExceeded: 'ServiceLimitExceededException',
            NotStabilized: 'NotStabilizedException',
            ResourceConflict: 'ResourceConflictException',
            InvalidCredentials: 'InvalidCredentialsException',
            NetworkFailure: 'NetworkFailureException',
            ServiceInternalError: 'ServiceInternalErrorException',
            InternalFailure: 'HandlerInternalFailureException',
            GeneralServiceException: 'GeneralServiceException',
        };
        // [inferred] Any other code (AccessDenied...) surfaces as the handler's failure.
        return new CloudControlError(names[answer.errorCode ?? ''] ?? 'HandlerFailureException', answer.message ?? `the handler answered ${answer.status}`);
    }

    private progressEvent(request: Request) {
        return {
            TypeName: this.typeName,
            ...(request.identifier ? { Identifier: request.identifier } : {}),
            RequestToken: request.token,
            Operation: request.operation,
            OperationStatus: request.status,
            EventTime: seconds(request.eventTime),
            ...(request.model ? { ResourceModel: JSON.stringify(request.model) } : {}),
            ...(request.statusMessage ? { StatusMessage: request.statusMessage } : {}),
            ...(request.errorCode ? { ErrorCode: request.errorCode } : {}),
            ...(request.retryAfter ? { RetryAfter: seconds(request.retryAfter) } : {}),
        };
    }

    private request(token: unknown): Request {
        const request = typeof token === 'string' ? this.requests.get(token) : undefined;
        if (!request) throw new CloudControlError('RequestTokenNotFoundException', `The request token ${String(token)} was not found.`);
        return request;
    }

    /** A ClientToken used again for the same request answers that request; for another, a conflict. */
    private async idempotent(clientToken: unknown, request: unknown[], run: () => { ProgressEvent: Json } | Promise<{ ProgressEvent: Json }>) {
        if (typeof clientToken !== 'string') return run();
        const fingerprint = JSON.stringify(request);
        const known = this.clientTokens.get(clientToken);
        if (known && known.fingerprint !== fingerprint) throw new CloudControlError('ClientTokenConflictException', `The client token ${clientToken} was already used for another request.`);
        if (known) return { ProgressEvent: this.progressEvent(this.request(known.token)) };
        const answer = await run();
        this.clientTokens.set(clientToken, { fingerprint, token: answer.ProgressEvent.RequestToken });
        return answer;
    }

    private checkType(typeName: unknown) {
        if (typeName !== this.typeName) throw new CloudControlError('TypeNotFoundException', `The type ${String(typeName)} cannot be found: this endpoint serves ${this.typeName}.`);
    }

    private checkNotBusy(identifier: string) {
        const busy = [...this.requests.values()].some((r) => r.identifier === identifier && (r.status === 'IN_PROGRESS' || r.status === 'CANCEL_IN_PROGRESS'));
        if (busy) throw new CloudControlError('ConcurrentOperationException', `Another resource request is in progress for ${identifier}.`);
    }

    private identifier(value: unknown): string {
        if (typeof value !== 'string' || value === '') throw new CloudControlError('InvalidRequestException', 'Identifier is required.');
        return value;
    }

    private parseModel(text: unknown, member: string): Properties {
        let model: unknown;
        try {
            model = typeof text === 'string' ? JSON.parse(text) : undefined;
        } catch {
            model = undefined;
        }
        if (model === null || typeof model !== 'object' || Array.isArray(model)) throw new CloudControlError('InvalidRequestException', `${member} must be a JSON object, as a string.`);
        return model as Properties;
    }

    private parsePatch(text: unknown): PatchOperation[] {
        let patch: unknown;
        try {
            patch = typeof text === 'string' ? JSON.parse(text) : undefined;
        } catch {
            patch = undefined;
        }
        const problem = Array.isArray(patch) ? patchProblem(patch as PatchOperation[]) : new Error('not an array of operations');
        if (problem) throw new CloudControlError('InvalidRequestException', `PatchDocument must be an RFC 6902 JSON Patch, as a string: ${problem.message.split('\n')[0]}`);
        return patch as PatchOperation[];
    }

    /** The model against the type's schema: "Model validation failed (...)", as the service words it. */
    private validate(model: Properties) {
        if (this.validateModel(model)) return;
        const violations = (this.validateModel.errors ?? []).map(violation);
        const detail = violations.length === 1 ? violations[0] : `#: ${violations.length} schema violations found; ${violations.join('; ')}`;
        throw new CloudControlError('InvalidRequestException', `Model validation failed (${detail})`);
    }

    private page<T>(items: T[], input: Json, member: string) {
        const start = Number(input.NextToken ?? 0) || 0;
        const size = Math.min(Math.max(Number(input.MaxResults ?? 100) || 100, 1), 100);
        const next = start + size < items.length ? String(start + size) : undefined;
        return { [member]: items.slice(start, start + size), ...(next ? { NextToken: next } : {}) };
    }
}

/** One schema violation in the words of the validator behind the service (everit-json-schema) [inferred]. */
function violation(error: ErrorObject): string {
    const at = `#${error.instancePath}`;
    const p = error.params as Json;
    switch (error.keyword) {
        case 'required':
            return `${at}: required key [${p.missingProperty}] not found`;
        case 'additionalProperties':
            return `${at}: extraneous key [${p.additionalProperty}] is not permitted`;
        case 'type':
            return `${at}: expected type: ${String(p.type).replace(/^./, (c) => c.toUpperCase())}`;
        case 'maxLength':
            return `${at}: expected maxLength: ${p.limit}`;
        case 'minLength':
            return `${at}: expected minLength: ${p.limit}`;
        case 'pattern':
            return `${at}: string does not match pattern ${p.pattern}`;
        case 'enum':
            return `${at}: is not a valid enum value (${p.allowedValues.join(', ')})`;
        case 'maxItems':
            return `${at}: expected maximum item count: ${p.limit}`;
        case 'minItems':
            return `${at}: expected minimum item count: ${p.limit}`;
        case 'maximum':
            return `${at}: is not less or equal to ${p.limit}`;
        case 'minimum':
            return `${at}: is not greater or equal to ${p.limit}`;
        case 'uniqueItems':
            return `${at}: array items are not unique`;
        default:
            return `${at}: ${error.message}`;
    }
}
