// Bringing a user to the desired properties from whatever Connect holds, where Connect's reads may lag
// behind its writes (guide/convergence.md, "Eventual consistency"). The line between lag and drift:
// - A step Connect answered with success is done (the context records what it wrote); no read
//   makes it run again.
// - A read that disagrees with something this operation wrote lags: it is read again after a
//   wait (bounded), never acted on, and never answered.
// - A read that agrees with every write of this operation shows Connect as it is: where it
//   differs from the template on what this operation did not write, Connect held something else
//   (a partly applied or redelivered update, a rollback, an edit in the console), and that
//   difference is planned once more from that read: one more plan, never a loop.
// - A proficiency step that Connect refuses for what it holds is settled by the call that reaches
//   the same end (executor.ts), without a read.
import type { ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { HandlerError, toHandlerError } from '../errors';
import { runPlan } from '../executor';
import type { ResourceModel } from '../generated/models';
import type { UserProperties } from '../generated/properties';
import { HandlerArgs, inProgress, success } from '../contract';
import { backoffSeconds, MAX_STABILIZE_POLLS } from '../retry';
import type { UpdateContext } from '../context';
import { mergeTags } from '../tags';
import { NOTHING_WRITTEN, planUpdate, Step, unwritten, withinRead } from '../update-plan';
import { readUser } from '../connect-io';

export interface Goal {
    desired: UserProperties;
    /** Stack-level and resource tags together, as the user must carry them. */
    desiredTags: Record<string, string>;
    userArn: string;
    instanceArn: string;
    /** What the previous template says the user holds; undefined when nothing is known of it. */
    previous?: UserProperties;
    previousTags: Record<string, string>;
}

type OnError<C> = (error: HandlerError, context: C) => ProgressEvent<ResourceModel> | Promise<ProgressEvent<ResourceModel>>;
/** A read that shows this operation's writes: what to answer, and what is left to write (its plan without what was written). */
type Seen<C> = { answer: UserProperties; left: Step[]; context: C } | { wait: ProgressEvent<ResourceModel> };

/** The plan from what the previous template says, or from what a read showed (its tags are all the user carries). */
function planFrom(goal: Goal, observed: UserProperties | undefined): Step[] {
    const { desired, desiredTags, instanceArn, userArn } = goal;
    if (!observed) return planUpdate({ previous: goal.previous, previousTags: goal.previousTags, desired, desiredTags, instanceArn, userArn });
    return withinRead(planUpdate({ previous: observed, previousTags: mergeTags(observed.Tags, {}), desired, desiredTags, instanceArn, userArn }), observed);
}

export async function converge<C extends UpdateContext>({ connect, logger }: Pick<HandlerArgs, 'connect' | 'logger'>, goal: Goal, context: C, onError: OnError<C>, label: string): Promise<ProgressEvent<ResourceModel>> {
    let current: C = { ...context, written: context.written ?? NOTHING_WRITTEN };

    /** A read that shows every change of this operation; while one lags, another round after a wait. */
    const readAbreast = async (ctx: C): Promise<Seen<C>> => {
        const user = await readUser(connect, goal.userArn);
        const { steps: left, again } = unwritten(planFrom(goal, user), ctx.written!);
        if (again.length === 0) return { answer: user, left, context: { ...ctx, polls: 0 } };
        const polls = (ctx.polls ?? 0) + 1;
        if (polls <= MAX_STABILIZE_POLLS) {
            logger.log(`${label} Connect's read does not show this update's ${again.join(', ')} yet (it is eventually consistent); reading again in ${backoffSeconds(polls)}s`);
            return { wait: inProgress({ ...ctx, polls }, backoffSeconds(polls), goal.desired) };
        }
        // Connect accepted every write: past the bound, they stand, and the template is the answer.
        logger.log(`${label} Connect's reads still lag behind this update's changes after ${MAX_STABILIZE_POLLS} checks; what it accepted stands`);
        return { answer: goal.desired, left, context: ctx };
    };

    const run = async (steps: Step[]) => {
        logger.log(`${label} plan${current.observed ? ' from what Connect holds' : ''}: ${steps.map((step) => step.id).join(', ') || 'no change'}`);
        const ran = await runPlan(connect, steps, current, logger, label);
        current = { ...ran.context, checking: ran.ok };
        return ran.ok ? undefined : await onError(ran.error, ran.context);
    };

    try {
        if (!current.checking) {
            // A round plans from the previous template or, once Connect was seen to differ, from a read.
            let steps: Step[];
            if (current.observed) {
                const seen = await readAbreast(current);
                if ('wait' in seen) return seen.wait;
                ({ left: steps, context: current } = seen);
            } else {
                steps = unwritten(planFrom(goal, undefined), current.written!).steps;
            }
            const failure = await run(steps);
            if (failure) return failure;
        }
        for (;;) {
            const seen = await readAbreast(current);
            if ('wait' in seen) return seen.wait;
            const { left, answer } = seen;
            current = seen.context;
            if (left.length === 0) return success(answer);
            if (current.observed) {
                logger.log(`${label} Connect still differs after a plan made from a read (${left.map((step) => step.id).join(', ')}); answering what it holds`);
                return success(answer);
            }
            logger.log(`${label} Connect held something else than the previous state said: ${left.map((step) => step.id).join(', ')}`);
            current = { ...current, observed: true, checking: false };
            const failure = await run(left);
            if (failure) return failure;
        }
    } catch (error) {
        return onError(toHandlerError(error), current);
    }
}
