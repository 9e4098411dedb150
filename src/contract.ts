// The handler's contract with CloudFormation: what every handler gets, and the ProgressEvents it
// answers with (no write-only property in any of them). The models the library serializes are
// made here, from the properties the handlers work with: the one boundary out.
import { HandlerErrorCode, LoggerProxy, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { ResourceHandlerRequest } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { Connect } from './client';
import type { CallbackContext } from './context';
import { ResourceModel } from './generated/models';
import type { UserProperties } from './generated/properties';
import type { Invocation } from './runtime/invocation';
import type { Validated } from './validate';

/** What every handler gets; `C` is its action's callback context (context.ts). */
export interface HandlerArgs<C extends CallbackContext = CallbackContext> {
    connect: Connect;
    request: ResourceHandlerRequest<ResourceModel>;
    context: C;
    logger: LoggerProxy;
    /** The properties CloudFormation sent, before the library's deserialization dropped anything. */
    raw: { desired?: unknown; previous?: unknown; nextToken?: string; checked?: Validated; rollback?: boolean; stackTags: Invocation['stackTags'] };
}

/** The model of an event: write-only properties never leave the handler. */
export function outgoing(properties: UserProperties | undefined): ResourceModel | undefined {
    if (!properties) return undefined;
    const { Password: _writeOnly, ...rest } = properties;
    return ResourceModel.deserialize(rest);
}

/**
 * IN_PROGRESS, with the model CloudFormation hands back as the next invocation's properties:
 * so it carries the primary identifier and everything but the write-only Password.
 */
export function inProgress(context: CallbackContext, delaySeconds: number, model?: UserProperties): ProgressEvent<ResourceModel> {
    const event = ProgressEvent.progress<ProgressEvent<ResourceModel>>(outgoing(model), { ...context });
    event.callbackDelaySeconds = delaySeconds;
    return event;
}

/** FAILED; with a model only when a user exists that CloudFormation must know of to clean up. */
export function failed(code: HandlerErrorCode, message: string, model?: UserProperties): ProgressEvent<ResourceModel> {
    const event = ProgressEvent.failed<ProgressEvent<ResourceModel>>(code, message);
    if (model) event.resourceModel = outgoing(model);
    return event;
}

export function success(model?: UserProperties): ProgressEvent<ResourceModel> {
    return ProgressEvent.success<ProgressEvent<ResourceModel>>(outgoing(model));
}
