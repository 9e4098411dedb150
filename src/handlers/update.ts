// UPDATE: plan the calls that the change needs (update-plan.ts), run them in order, resumable
// step by step, then read back.
import { HandlerErrorCode, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { declarationTag } from '../channel-settings';
import { HandlerError, toHandlerError } from '../errors';
import { ResourceModel } from '../generated/models';
import { afterFailure, CallbackContext, failed, HandlerArgs, runSteps, success } from '../progress';
import { mergeTags, tooManyTags } from '../tags';
import { parseUserArn } from '../translate';
import { immutableChange, planUpdate } from '../update-plan';
import { desiredModel, validateProperties } from '../validate';
import { missingReference, userExists } from './not-found';
import { notFound, readUser } from './read';

export async function update(args: HandlerArgs): Promise<ProgressEvent<ResourceModel>> {
    const { connect, request, context, logger } = args;
    const checked = desiredModel(args.raw.checked ?? validateProperties(request.desiredResourceState?.serialize()));
    if (!checked.ok) return failed(HandlerErrorCode.InvalidRequest, checked.message);
    const desired = checked.model;
    const previous = request.previousResourceState ?? undefined;
    const userArn = desired.userArn ?? previous?.userArn;
    const target = parseUserArn(userArn);
    if (!target) return notFound(userArn);
    const model = ResourceModel.deserialize({ ...desired.serialize(), UserArn: userArn });
    const refused = immutableChange(previous, desired);
    if (refused) {
        // Whether the user exists is decided first: an update of a deleted user is NotFound, whatever it asks.
        try {
            if (!(await userExists(connect, userArn!))) return failed(HandlerErrorCode.NotFound, `${ResourceModel.TYPE_NAME} ${userArn} was not found.`);
        } catch (error) {
            return afterFailure(toHandlerError(error), context, logger, '[UPDATE]', model);
        }
        return failed(refused.code, refused.message);
    }
    const desiredTags = mergeTags(desired.tags, request.desiredResourceTags);
    const tagProblem = tooManyTags({ ...desiredTags, ...declarationTag(desired) });
    if (tagProblem) return failed(HandlerErrorCode.InvalidRequest, tagProblem);

    const plan = planUpdate({
        previous,
        desired,
        previousTags: mergeTags(previous?.tags, request.previousResourceTags),
        desiredTags,
        instanceArn: target.instanceArn,
        userArn: userArn!,
    });
    logger.log(`[UPDATE] plan: ${plan.map((step) => step.id).join(', ') || 'no change'}`);
    const onError = async (error: HandlerError, ctx: CallbackContext) => {
        if (error.code === HandlerErrorCode.NotFound) {
            try {
                if (!(await userExists(connect, userArn!))) return failed(HandlerErrorCode.NotFound, `${ResourceModel.TYPE_NAME} ${userArn} was not found: ${error.message}`);
                return failed(HandlerErrorCode.InvalidRequest, missingReference(error).message);
            } catch (caught) {
                return afterFailure(toHandlerError(caught), ctx, logger, '[UPDATE]', model);
            }
        }
        return afterFailure(error, ctx, logger, '[UPDATE]', model);
    };
    const ran = await runSteps(connect, plan.map((step) => ({ ...step, operation: step.id })), context, logger, '[UPDATE]', onError);
    if (!ran.ok) return ran.event;
    try {
        return success(await readUser(connect, userArn!));
    } catch (error) {
        return onError(toHandlerError(error), ran.context);
    }
}
