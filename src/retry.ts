// The retry policy: how long to wait before the next round after a transient failure or while
// Connect's reads catch up, and when the handler's time is spent.
import { HandlerErrorCode, LoggerProxy, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { clock } from './clock';
import type { CallbackContext } from './context';
import { failed, inProgress } from './contract';
import type { HandlerError } from './errors';
import type { ResourceModel } from './generated/models';
import type { UserProperties } from './generated/properties';

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
    model?: UserProperties,
    failedModel?: UserProperties,
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
