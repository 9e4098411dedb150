// The one place this provider works around the CloudFormation TypeScript library
// (cloudformation-cli-typescript-lib 1.0.6). Each override says why it exists:
// 1. Events are checked before the library sees them (refusal): it answers a malformed envelope
//    with InternalFailure or reuses a previous invocation's session, and answers invalid
//    properties in its own wording.
// 2. What the library drops from the event is kept beside it (invocation.ts): the raw properties,
//    nextToken, rollback, stackId and the stack tags its deserializer throws on.
// 3. initializeRuntime: provider logs and metrics go through provider-logging.ts (SDK v3, one
//    batch per invocation) instead of the library's aws-sdk v2 delivery; the platform log gets a
//    redacting publisher of its own each invocation.
// 4. waitRunningProcesses: the same method without the library's one-second sleep.
// 5. Every answer passes one redaction of the invocation's secrets (invocation.ts).
// 6. aws-sdk v2, which the library imports, is a local stub package (aws-sdk-v2-absent/, installed
//    by package.json's dependency and override); the bundle's other stand-ins are in shims/.
// Nothing outside src/runtime/ touches the library's internals.
import {
    Action,
    BaseResource,
    HandlerErrorCode,
    handlerEvent,
    LambdaLogPublisher,
    LoggerProxy,
    MetricsPublisherProxy,
    ProgressEvent,
    ResourceHandlerRequest,
    SessionProxy,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ResourceModel, TypeConfigurationModel } from '../generated/models';
import { failed } from '../contract';
import { invalidMessage, isObject } from '../validate';
import { currentInvocation, describeEvent, forLibrary, Invocation, redact, redactDeep, redactSecrets, withInvocation } from './invocation';
import { Delivery } from './provider-logging';

/** What the provider does for one action, given the library's arguments and what it dropped. */
export type Dispatch = (
    action: Action,
    session: SessionProxy | undefined,
    request: ResourceHandlerRequest<ResourceModel>,
    received: unknown,
    logger: LoggerProxy,
    invocation: Invocation | undefined,
) => Promise<ProgressEvent<ResourceModel>>;

const NO_METRICS = new MetricsPublisherProxy();
type Args = [SessionProxy, ResourceHandlerRequest<ResourceModel>, unknown, LoggerProxy];

function resourceFor(dispatch: Dispatch) {
    const on = (action: Action, [session, request, context, logger]: Args) => dispatch(action, session, request, context, logger, currentInvocation());
    class Resource extends BaseResource<ResourceModel, TypeConfigurationModel> {
        constructor() {
            super(ResourceModel.TYPE_NAME, ResourceModel, undefined, undefined, TypeConfigurationModel);
            // The library logs the whole test event, Password and credentials included.
            this.platformLoggerProxy.addFilter({ applyFilter: redactSecrets });
        }

        @handlerEvent(Action.Create)
        async create(...args: Args) {
            return on(Action.Create, args);
        }

        @handlerEvent(Action.Read)
        async read(...args: Args) {
            return on(Action.Read, args);
        }

        @handlerEvent(Action.Update)
        async update(...args: Args) {
            return on(Action.Update, args);
        }

        @handlerEvent(Action.Delete)
        async delete(...args: Args) {
            return on(Action.Delete, args);
        }

        @handlerEvent(Action.List)
        async list(...args: Args) {
            return on(Action.List, args);
        }
    }

    // Override 3: this provider's delivery of provider logs and metrics; a platform log publisher
    // per invocation, so the filters the library adds per invocation do not pile up for the container's life.
    Object.defineProperty(Resource.prototype, 'initializeRuntime', {
        value: async function initializeRuntime(this: any) {
            const delivery = currentInvocation()?.delivery;
            this.loggerProxy = new LoggerProxy();
            this.loggerProxy.addLogPublisher(new LambdaLogPublisher(this.lambdaLogger, { applyFilter: redactSecrets }));
            if (delivery) this.loggerProxy.addLogPublisher(delivery);
            this.metricsPublisherProxy = delivery ?? NO_METRICS;
        },
    });

    // Override 4: every log call registers with the publishers' tracker synchronously, so waiting
    // for them delivers what the library's one-second sleep before that wait delivers.
    Object.defineProperty(Resource.prototype, 'waitRunningProcesses', {
        value: async function waitRunningProcesses(this: any) {
            if (this.loggerProxy) await this.loggerProxy.waitCompletion();
            await this.platformLoggerProxy.waitCompletion();
            if (this.workerPool) await this.workerPool.shutdown();
        },
    });
    return new Resource();
}

const ACTIONS = Object.values(Action) as string[];

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

/** Override 1: a malformed envelope, and CREATE or UPDATE properties that fail validation. */
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

/** The two Lambda handlers: CloudFormation's (HandlerRequest in, serialized ProgressEvent out) and the test one `sam local invoke` and sam-tests/ use. */
export function lambdaEntrypoints(dispatch: Dispatch) {
    const resource = resourceFor(dispatch);

    async function entrypoint(event: unknown, context: any) {
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
            answer = redactDeep(await withInvocation(invocation, () => resource.entrypoint(forLibrary(event), context)), invocation.secrets);
        }
        await delivery?.finish(action, answer.errorCode);
        return answer;
    }

    async function testEntrypoint(event: unknown, context?: any) {
        const invocation = describeEvent(event);
        const refused = refusal(event, 'test', invocation);
        if (refused) return refused;
        const answer = await withInvocation(invocation, () => resource.testEntrypoint(forLibrary(event), context));
        // Its answer is a ProgressEvent of models: the same redaction, member by member.
        if (answer.message) answer.message = redact(answer.message, invocation.secrets);
        if (answer.callbackContext) answer.callbackContext = redactDeep(answer.callbackContext, invocation.secrets);
        const scrub = (model: ResourceModel) => ResourceModel.deserialize(redactDeep(model.serialize(), invocation.secrets));
        if (answer.resourceModel) answer.resourceModel = scrub(answer.resourceModel);
        if (answer.resourceModels) answer.resourceModels = answer.resourceModels.map(scrub);
        return answer;
    }

    return { resource, entrypoint, testEntrypoint };
}
