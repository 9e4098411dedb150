// Bringing a user to the desired model from whatever Connect holds. The plan starts from the
// previous template, which costs no call; the read that ends every update then shows whether
// Connect held something else (a partly applied or redelivered update, a rollback, an edit in
// the console). Where it did, or where a step fails in a way that says so (errors.ts), the rest
// is planned again from that read: one more plan, never a loop.
import type { ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { HandlerError, showsDrift, toHandlerError } from '../errors';
import type { ResourceModel } from '../generated/models';
import { CallbackContext, HandlerArgs, runSteps, success } from '../progress';
import { mergeTags } from '../tags';
import { planUpdate, Step } from '../update-plan';
import { readUser } from './read';

export interface Goal {
    desired: ResourceModel;
    /** Stack-level and resource tags together, as the user must carry them. */
    desiredTags: Record<string, string>;
    userArn: string;
    instanceArn: string;
    /** What the previous template says the user holds; undefined when nothing is known of it. */
    previous?: ResourceModel;
    previousTags: Record<string, string>;
}

type OnError = (error: HandlerError, context: CallbackContext) => ProgressEvent<ResourceModel> | Promise<ProgressEvent<ResourceModel>>;

/** The plan from what the previous template says, or from what a read showed (its tags are all the user carries). */
function planFrom(goal: Goal, observed: ResourceModel | undefined): Step[] {
    const { desired, desiredTags, instanceArn, userArn } = goal;
    const from = observed ? { previous: observed, previousTags: mergeTags(observed.tags, {}) } : { previous: goal.previous, previousTags: goal.previousTags };
    return planUpdate({ ...from, desired, desiredTags, instanceArn, userArn });
}

/** From here on every round plans from a fresh read, so what earlier plans finished is moot. */
const fromNowOnObserved = (context: CallbackContext): CallbackContext => ({ ...context, observed: true, done: [], retries: 0 });

export async function converge({ connect, logger }: Pick<HandlerArgs, 'connect' | 'logger'>, goal: Goal, context: CallbackContext, onError: OnError, label: string): Promise<ProgressEvent<ResourceModel>> {
    let current = context;
    const read = () => readUser(connect, goal.userArn);
    try {
        let observed = current.observed ? await read() : undefined;
        for (;;) {
            const plan = planFrom(goal, observed);
            logger.log(`${label} plan${observed ? ' from what Connect holds' : ''}: ${plan.map((step) => step.id).join(', ') || 'no change'}`);
            const ran = await runSteps(connect, plan.map((step) => ({ ...step, operation: step.id })), current, logger, label);
            if (!ran.ok) {
                // A plan made from a fresh read that still fails is a real error, not drift.
                if (observed || !showsDrift(ran.step, ran.error)) return await onError(ran.error, ran.context);
                logger.log(`${label}[STEP ${ran.step}] Connect holds something else than the previous state says; planning again from a read`);
                current = fromNowOnObserved(ran.context);
                observed = await read();
                continue;
            }
            current = ran.context;
            const now = await read();
            const left = planFrom(goal, now);
            if (left.length === 0) return success(now);
            if (observed) {
                logger.log(`${label} Connect still differs after a plan made from a read (${left.map((step) => step.id).join(', ')}); answering what it holds`);
                return success(now);
            }
            logger.log(`${label} Connect held something else than the previous state said; also: ${left.map((step) => step.id).join(', ')}`);
            current = fromNowOnObserved(current);
            observed = now;
        }
    } catch (error) {
        return onError(toHandlerError(error), current);
    }
}
