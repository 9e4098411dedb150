// Resuming across invocations: the callback context, the backoff, the step runner, and the
// ProgressEvents the handlers answer with.
import {
    HandlerErrorCode,
    LoggerProxy,
    ProgressEvent,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { ResourceHandlerRequest } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { Connect } from './client';
import { clock } from './clock';
import type { HandlerError } from './errors';
import { ResourceModel } from './generated/models';
import type { Invocation } from './runtime/invocation';
import type { Written } from './update-plan';
import type { Validated } from './validate';

/** What every handler gets. */
export interface HandlerArgs {
    connect: Connect;
    request: ResourceHandlerRequest<ResourceModel>;
    context: CallbackContext;
    logger: LoggerProxy;
    /** The properties CloudFormation sent, before the library's deserialization dropped anything. */
    raw: { desired?: unknown; previous?: unknown; nextToken?: string; checked?: Validated; rollback?: boolean; stackTags: Invocation['stackTags'] };
}

/** All a later invocation needs to resume: JSON-safe, small, never SDK objects. */
export interface CallbackContext {
    /** The user CreateUser made; once set, create never calls CreateUser again. */
    userArn?: string;
    /** What this operation's finished steps wrote (update-plan.ts): never sent again, and never taken back because a read lags. */
    written?: Written;
    /** When this operation must give up waiting (ms since the epoch): its handler's timeoutInMinutes after its first invocation. */
    deadline?: number;
    /** Consecutive IN_PROGRESS rounds spent on throttles, 500s and network failures. */
    retries?: number;
    /** Rounds spent waiting for Connect's reads to show this operation's changes: a new user (create), or a change (update). */
    polls?: number;
    /** The new user has been seen: a NotFound from now on is about something else. */
    seen?: boolean;
    /** A DeleteUser went out in an earlier round: a NotFound now means it took effect. */
    deleteSent?: boolean;
    /** Connect said the Username is taken: look for the user an earlier attempt of this request made. */
    adopting?: boolean;
    /** The Password, sealed to this request's token, while CreateUser has not succeeded (see sealed.ts). */
    sealedPassword?: string;
    /**
     * Connect was seen to hold something else than the previous state says: every later round
     * plans from a read of the user instead (converge.ts).
     */
    observed?: boolean;
    /** Every step of the plan is done: what is left is the read that checks and answers (converge.ts). */
    checking?: boolean;
}

/** A new user normally shows within seconds; 1+2+4+8+15x6 s is over ten minutes of patience. */
export const MAX_STABILIZE_POLLS = 10;
/** Kept free at the end of the handler's time, for the last invocation itself. */
export const DEADLINE_MARGIN_MS = 60_000;

/** Whole seconds, doubling from 1 to a cap of 15: the wait for a new user to show. */
export const backoffSeconds = (round: number) => Math.min(15, 2 ** Math.max(0, round - 1));

/**
 * The retry policy, in whole seconds (CloudFormation's callback delay), for the `round`-th
 * consecutive transient failure of a step.
 * - Throttling: Connect's quota is one bucket for every handler of the account, and a stack's
 *   handlers are throttled together. The first retry is spread uniformly over 1..32 s and the
 *   second over 1..60 s, so a herd comes back a few at a time; each further one waits between
 *   half and all of 60 s, so the worst case after that is one call every 30 s.
 * - A 500 or a network failure is not load: 1, 2, 4... up to 60 s, each between half and all of it.
 */
export function retryDelaySeconds(error: HandlerError, round: number, random: () => number = clock().random): number {
    const throttled = error.code === HandlerErrorCode.Throttling;
    const window = throttled ? Math.min(THROTTLE_CAP_SECONDS, THROTTLE_FIRST_WINDOW_SECONDS * 2 ** (round - 1)) : Math.min(60, 2 ** (round - 1));
    const low = throttled && round <= 2 ? 1 : Math.max(1, Math.ceil(window / 2));
    return low + Math.floor(random() * (window - low + 1));
}
export const THROTTLE_FIRST_WINDOW_SECONDS = 32;
export const THROTTLE_CAP_SECONDS = 60;

/** Write-only properties never leave the handler: every model in an event passes through here. */
function outgoing(model: ResourceModel | undefined): ResourceModel | undefined {
    if (!model) return undefined;
    const copy = ResourceModel.deserialize(model.serialize());
    delete copy.password;
    return copy;
}

/**
 * IN_PROGRESS, with the model CloudFormation hands back as the next invocation's properties:
 * so it carries the primary identifier and everything but the write-only Password.
 */
export function inProgress(context: CallbackContext, delaySeconds: number, model?: ResourceModel): ProgressEvent<ResourceModel> {
    const event = ProgressEvent.progress<ProgressEvent<ResourceModel>>(outgoing(model), { ...context });
    event.callbackDelaySeconds = delaySeconds;
    return event;
}

/** FAILED; with a model only when a user exists that CloudFormation must know of to clean up. */
export function failed(code: HandlerErrorCode, message: string, model?: ResourceModel): ProgressEvent<ResourceModel> {
    const event = ProgressEvent.failed<ProgressEvent<ResourceModel>>(code, message);
    if (model) event.resourceModel = outgoing(model);
    return event;
}

export function success(model?: ResourceModel): ProgressEvent<ResourceModel> {
    return ProgressEvent.success<ProgressEvent<ResourceModel>>(outgoing(model));
}

/**
 * What to answer when a call failed: another round for what may pass (throttling, 500s, the
 * network) while the handler's time allows, carrying `model`; a FAILED event for the rest, and
 * once the next wait would end past the deadline, with a model only when `failedModel` is given
 * (a create that made a user CloudFormation must be able to delete).
 */
export function afterFailure(
    error: HandlerError,
    context: CallbackContext,
    logger: LoggerProxy,
    label: string,
    model?: ResourceModel,
    failedModel?: ResourceModel,
): ProgressEvent<ResourceModel> {
    const retries = (context.retries ?? 0) + 1;
    if (error.transient) {
        const delay = retryDelaySeconds(error, retries);
        if (clock().now() + delay * 1000 + DEADLINE_MARGIN_MS <= (context.deadline ?? 0)) {
            logger.log(`${label} ${error.code}, retrying in ${delay}s (round ${retries})`);
            return inProgress({ ...context, retries }, delay, model);
        }
        logger.log(`${label} ${error.code}: the handler's time is spent`);
        return failed(error.code, `${error.message} Gave up after ${retries} rounds: the next wait would pass the handler's timeout.`, failedModel);
    }
    logger.log(`${label} ${error.code}: ${error.message}`);
    return failed(error.code, error.message, failedModel);
}
