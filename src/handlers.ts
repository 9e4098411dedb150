// Wiring only: the Resource class the library dispatches to, and the two Lambda entrypoints.
import {
    Action,
    BaseResource,
    HandlerErrorCode,
    handlerEvent,
    LambdaLogPublisher,
    LoggerProxy,
    MetricsPublisherProxy,
    OperationStatus,
    ProgressEvent,
    ResourceHandlerRequest,
    SessionProxy,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { connectFor } from './client';
import { openContext, sealContext } from './context';
import { HANDLER_TIMEOUT_MS } from './generated/handler-timeouts';
import { create } from './handlers/create';
import { remove } from './handlers/delete';
import { list } from './handlers/list';
import { read } from './handlers/read';
import { update } from './handlers/update';
import { currentInvocation, describeEvent, forLibrary, Invocation, redact, redactDeep, redactSecrets, withInvocation } from './invocation';
import { Delivery } from './provider-logging';
import { outOfScope } from './scope';
import { invalidMessage } from './validate';
import { ResourceModel, TypeConfigurationModel } from './generated/models';
import { CallbackContext, failed, HandlerArgs } from './progress';

type Handler = (args: HandlerArgs) => Promise<ProgressEvent<ResourceModel>>;

async function run(action: Action, handler: Handler, session: SessionProxy | undefined, request: ResourceHandlerRequest<ResourceModel>, received: unknown, logger: LoggerProxy) {
    const connect = connectFor(session, request.region);
    if (!connect) return failed(HandlerErrorCode.InvalidCredentials, 'The request carries no caller credentials to call Amazon Connect with.');
    const invocation = currentInvocation();
    // A callback context is this handler's answer to this very request, or it is refused (context.ts).
    const binding = { token: request.clientRequestToken ?? '', account: request.awsAccountId ?? '', region: request.region ?? '', stack: invocation?.stackId ?? '', resource: request.logicalResourceIdentifier ?? '', action };
    const opened = openContext(received, binding);
    if (!opened.ok) return failed(HandlerErrorCode.InvalidRequest, opened.message);
    // Nothing of another account, Region or partition is sent to Connect: the user of a READ or
    // DELETE that names one is not here (NotFound); a template that names one is to correct.
    const previous = invocation?.previous as { UserArn?: unknown } | undefined;
    const foreign = outOfScope(invocation?.desired, request) ?? outOfScope({ UserArn: previous?.UserArn }, request);
    if (foreign) return failed(action === Action.Read || action === Action.Delete ? HandlerErrorCode.NotFound : HandlerErrorCode.InvalidRequest, foreign);
    // The first invocation of an operation starts its clock: retries stop when the handler's timeoutInMinutes would pass.
    const timed = Object.hasOwn(HANDLER_TIMEOUT_MS, action) ? HANDLER_TIMEOUT_MS[action as keyof typeof HANDLER_TIMEOUT_MS] : undefined;
    const context = timed ? { deadline: Date.now() + timed, ...opened.context } : opened.context;
    const answer = await handler({ connect, request, context, logger, raw: { desired: invocation?.desired, previous: invocation?.previous, nextToken: invocation?.nextToken, checked: invocation?.checked, rollback: invocation?.rollback, stackTags: invocation?.stackTags ?? {} } });
    if (answer.status === OperationStatus.InProgress && answer.callbackContext) answer.callbackContext = sealContext(answer.callbackContext as CallbackContext, binding);
    return answer;
}

class Resource extends BaseResource<ResourceModel, TypeConfigurationModel> {
    constructor() {
        super(ResourceModel.TYPE_NAME, ResourceModel, undefined, undefined, TypeConfigurationModel);
        // The library logs the whole test event, Password and credentials included.
        this.platformLoggerProxy.addFilter({ applyFilter: redactSecrets });
    }

    @handlerEvent(Action.Create)
    async create(session: SessionProxy, request: ResourceHandlerRequest<ResourceModel>, context: CallbackContext, logger: LoggerProxy) {
        return run(Action.Create, create, session, request, context, logger);
    }

    @handlerEvent(Action.Read)
    async read(session: SessionProxy, request: ResourceHandlerRequest<ResourceModel>, context: CallbackContext, logger: LoggerProxy) {
        return run(Action.Read, read, session, request, context, logger);
    }

    @handlerEvent(Action.Update)
    async update(session: SessionProxy, request: ResourceHandlerRequest<ResourceModel>, context: CallbackContext, logger: LoggerProxy) {
        return run(Action.Update, update, session, request, context, logger);
    }

    @handlerEvent(Action.Delete)
    async delete(session: SessionProxy, request: ResourceHandlerRequest<ResourceModel>, context: CallbackContext, logger: LoggerProxy) {
        return run(Action.Delete, remove, session, request, context, logger);
    }

    @handlerEvent(Action.List)
    async list(session: SessionProxy, request: ResourceHandlerRequest<ResourceModel>, context: CallbackContext, logger: LoggerProxy) {
        return run(Action.List, list, session, request, context, logger);
    }
}

const NO_METRICS = new MetricsPublisherProxy();

/**
 * The library's runtime set-up, with this provider's own delivery of provider logs and metrics
 * (src/provider-logging.ts) instead of the library's. The platform log gets a publisher of its
 * own each invocation: the filters the library adds per invocation (bearer token, credentials)
 * go with it, instead of piling up on one publisher for the container's whole life.
 */
Object.defineProperty(Resource.prototype, 'initializeRuntime', {
    value: async function initializeRuntime(this: any) {
        const delivery = currentInvocation()?.delivery;
        this.loggerProxy = new LoggerProxy();
        this.loggerProxy.addLogPublisher(new LambdaLogPublisher(this.lambdaLogger, { applyFilter: redactSecrets }));
        if (delivery) this.loggerProxy.addLogPublisher(delivery);
        this.metricsPublisherProxy = delivery ?? NO_METRICS;
    },
});

/**
 * The library ends every invocation by sleeping one whole second before it waits for its log
 * publishers. Every log call registers with their tracker synchronously, so the wait alone
 * delivers the same logs and metrics: this is the same method without the sleep.
 */
Object.defineProperty(Resource.prototype, 'waitRunningProcesses', {
    value: async function waitRunningProcesses(this: any) {
        if (this.loggerProxy) await this.loggerProxy.waitCompletion();
        await this.platformLoggerProxy.waitCompletion();
        if (this.workerPool) await this.workerPool.shutdown();
    },
});

export const resource = new Resource();

const ACTIONS = Object.values(Action) as string[];
const isObject = (value: unknown): value is Record<string, any> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What the library would turn into an InternalFailure, or worse: an event without a known action,
 * and one without caller credentials (the library would reuse a previous invocation's session).
 */
function malformedEvent(event: unknown, shape: 'cloudformation' | 'test'): string | undefined {
    if (!isObject(event)) return 'The event is not a JSON object.';
    if (!ACTIONS.includes(event.action)) return `The event's action must be one of ${ACTIONS.join(', ')}; it is ${JSON.stringify(event.action ?? null)}.`;
    const credentials = shape === 'test' ? event.credentials : event.requestData?.callerCredentials;
    const text = (value: unknown) => typeof value === 'string' && value !== '';
    if (!isObject(credentials) || !text(credentials.accessKeyId) || !text(credentials.secretAccessKey) || !(credentials.sessionToken == null || text(credentials.sessionToken))) {
        return `The event carries no caller credentials (${shape === 'test' ? 'credentials' : 'requestData.callerCredentials'}: accessKeyId, secretAccessKey and any sessionToken, as strings).`;
    }
    const token = shape === 'test' ? (isObject(event.request) ? event.request.clientRequestToken : undefined) : event.bearerToken;
    if (token != null && typeof token !== 'string') return `The event's ${shape === 'test' ? 'request.clientRequestToken' : 'bearerToken'} must be a string.`;
    if (event.region != null && typeof event.region !== 'string') return "The event's region must be a string, such as us-east-1.";
    return undefined;
}

/**
 * What is refused before the library sees the event: a malformed envelope, and CREATE or
 * UPDATE properties that fail validation (the library's own deserialization would answer
 * those with its internal wording, or not at all).
 */
function refusal(event: unknown, shape: 'cloudformation' | 'test', invocation: Invocation) {
    const problem = malformedEvent(event, shape);
    if (problem) return failed(HandlerErrorCode.InvalidRequest, problem);
    if (invocation.checked && !invocation.checked.ok) return failed(HandlerErrorCode.InvalidRequest, invalidMessage(invocation.checked.problems));
    return undefined;
}

/** Provider logs and metrics for this invocation, when CloudFormation asks for them. */
function startDelivery(invocation: Invocation, action: unknown) {
    if (!invocation.provider || !ACTIONS.includes(action as string)) return undefined;
    return (invocation.delivery = new Delivery(invocation.provider, (message) => redact(message, invocation.secrets)));
}

/** The Lambda handler CloudFormation invokes (HandlerRequest in, serialized ProgressEvent out). */
export async function entrypoint(event: unknown, context: any) {
    const invocation = describeEvent(event);
    const action = isObject(event) ? event.action : undefined;
    const delivery = startDelivery(invocation, action);
    const refused = refusal(event, 'cloudformation', invocation);
    let answer: { errorCode?: string };
    if (refused) {
        // Refused before the library runs: the provider log still says so, and the metrics count it.
        delivery?.log(`[${action}] refused: ${refused.errorCode}: ${refused.message}`);
        await delivery?.publishInvocationMetric(new Date(), action);
        answer = refused.serialize();
    } else {
        // One redaction for all that leaves: message, models, callback context.
        answer = redactDeep(await withInvocation(invocation, () => resource.entrypoint(forLibrary(event), context)), invocation.secrets);
    }
    await delivery?.finish(action, answer.errorCode);
    return answer;
}

/** The Lambda handler `sam local invoke` and sam-tests/ use (test event in, ProgressEvent out). */
export async function testEntrypoint(event: unknown, context?: any) {
    const invocation = describeEvent(event);
    const refused = refusal(event, 'test', invocation);
    if (refused) return refused;
    const answer = await withInvocation(invocation, () => resource.testEntrypoint(forLibrary(event), context));
    // One redaction for all that leaves, as the entrypoint's (its answer is a ProgressEvent here).
    if (answer.message) answer.message = redact(answer.message, invocation.secrets);
    if (answer.callbackContext) answer.callbackContext = redactDeep(answer.callbackContext, invocation.secrets);
    const scrub = (model: ResourceModel) => ResourceModel.deserialize(redactDeep(model.serialize(), invocation.secrets));
    if (answer.resourceModel) answer.resourceModel = scrub(answer.resourceModel);
    if (answer.resourceModels) answer.resourceModels = answer.resourceModels.map(scrub);
    return answer;
}
