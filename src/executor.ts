// Running a plan: each step once, recorded as written the moment Connect accepts it, so a later
// round (or a read that lags) never sends it again; a proficiency step that Connect refuses
// because it holds something else for those pairs is settled by the call that reaches the same
// end (errors.ts decides which refusals those are, and which call settles each).
import type { LoggerProxy } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserProficiency as Pair } from '@aws-sdk/client-connect';
import type { Connect, Operation } from './client';
import { HandlerError, settlement, toHandlerError } from './errors';
import type { UpdateContext } from './context';
import { NOTHING_WRITTEN, recordWritten, Step } from './update-plan';

export type Ran<C extends UpdateContext> = { ok: true; context: C } | { ok: false; step: Operation; error: HandlerError; context: C };

/**
 * Runs the steps in order and stops at the first failure that is not a settled conflict, saying
 * which step it was: what that means is the caller's to decide.
 */
export async function runPlan<C extends UpdateContext>(connect: Connect, steps: Step[], context: C, logger: LoggerProxy, label: string): Promise<Ran<C>> {
    let current: C = { ...context, written: context.written ?? NOTHING_WRITTEN };
    for (const step of steps) {
        let error: HandlerError | undefined;
        try {
            await connect.call(step.id, step.input as never);
        } catch (caught) {
            error = toHandlerError(caught);
        }
        const by = error && settlement(step.id, error);
        if (error && by) {
            logger.log(`${label}[STEP ${step.id}] Connect holds something else for these pairs (${error.name}); settling with ${by === 'nothing' ? 'no call' : by}`);
            const settled = await settle(connect, step, error, by);
            if (settled.pairs.length > 0) current = { ...current, written: recordWritten(current.written!, step, settled.pairs), retries: 0 };
            error = settled.error;
        }
        if (error) return { ok: false, step: step.id, error, context: current };
        logger.log(`${label}[STEP ${step.id}] done`);
        // A finished step resets the retry budget: it counts consecutive failures only.
        current = { ...current, written: recordWritten(current.written!, step), retries: 0 };
    }
    return { ok: true, context: current };
}

/**
 * The pairs of a refused proficiency step, brought where the step meant them: all at once by the
 * settling call, or, when the pairs stand some one way and some the other, one at a time. A pair
 * that neither call takes fails with the step's own error (a bad attribute, most likely).
 */
async function settle(connect: Connect, step: Step, refused: HandlerError, by: Operation | 'nothing'): Promise<{ pairs: Pair[]; error?: HandlerError }> {
    const pairs = step.input.UserProficiencies as Pair[];
    const attempt = async (operation: Operation | 'nothing', some: Pair[]) => {
        if (operation === 'nothing') return undefined;
        try {
            await connect.call(operation, { ...step.input, UserProficiencies: some } as never);
            return undefined;
        } catch (caught) {
            return toHandlerError(caught);
        }
    };
    // A removal of several pairs cannot be settled whole: some may still be there.
    if (by !== 'nothing' || pairs.length === 1) {
        const error = await attempt(by, pairs);
        if (!error) return { pairs };
        if (by === 'nothing' || !settlement(by, error)) return { pairs: [], error };
        if (pairs.length === 1) return { pairs: [], error: refused };
    }
    const settled: Pair[] = [];
    for (const pair of pairs) {
        const first = await attempt(step.id, [pair]);
        const byPair = first && settlement(step.id, first);
        const second = first && (byPair ? await attempt(byPair, [pair]) : first);
        if (second) return { pairs: settled, error: byPair && byPair !== 'nothing' && settlement(byPair, second) ? first : second };
        settled.push(pair);
    }
    return { pairs: settled };
}
