// UPDATE: the refusals first (what Connect cannot change, what a rollback need not undo), then
// the calls the change needs, converging on the template from whatever Connect holds (converge.ts).
import { HandlerErrorCode, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { declarationTag } from '../channel-settings';
import { HandlerError, missingReference, toHandlerError } from '../errors';
import { ResourceModel } from '../generated/models';
import type { UserProperties } from '../generated/properties';
import { failed, HandlerArgs, success } from '../contract';
import { afterFailure } from '../retry';
import type { UpdateContext } from '../context';
import { mergeTags, tooManyTags } from '../tags';
import { parseUserArn } from '../translate';
import { immutableChange } from '../update-plan';
import { desiredProperties, receivedProperties, validateProperties } from '../validate';
import { notFound, userExists } from '../connect-io';
import { converge } from './converge';

export async function update(args: HandlerArgs<UpdateContext>): Promise<ProgressEvent<ResourceModel>> {
    const { connect, context, logger } = args;
    const checked = desiredProperties(args.raw.checked ?? validateProperties(args.raw.desired));
    if (!checked.ok) return failed(HandlerErrorCode.InvalidRequest, checked.message);
    const desired = checked.properties;
    const previous = receivedProperties(args.raw.previous);
    // The user is the one CloudFormation holds; UserArn is read-only, so a desired state that
    // names another user is a mis-wired request, never a change to make.
    if (desired.UserArn != null && previous?.UserArn != null && desired.UserArn !== previous.UserArn) {
        return failed(HandlerErrorCode.InvalidRequest, "UserArn is read-only: the desired state names another user than the one this resource is (the previous state's UserArn). Leave UserArn as the resource's own.");
    }
    const userArn = previous?.UserArn ?? desired.UserArn;
    const target = parseUserArn(userArn);
    if (!target) return notFound(userArn);
    const model: UserProperties = { ...desired, UserArn: userArn };
    if (args.raw.rollback && previous && immutableChange(desired, previous)) {
        // The forward update asked what Connect cannot do and was refused before any call, so
        // Connect holds this template still: there is nothing to undo.
        logger.log('[UPDATE] rollback of an update that was refused before any call: nothing to undo');
        return success(model);
    }
    // A rollback puts back what was there; only a forward change can ask the impossible.
    const refused = args.raw.rollback ? undefined : immutableChange(previous, desired);
    if (refused) {
        // Whether the user exists is decided first: an update of a deleted user is NotFound, whatever it asks.
        try {
            if (!(await userExists(connect, userArn!))) return failed(HandlerErrorCode.NotFound, `${ResourceModel.TYPE_NAME} ${userArn} was not found.`);
        } catch (error) {
            return afterFailure(toHandlerError(error), context, logger, '[UPDATE]', model);
        }
        return failed(refused.code, refused.message);
    }
    const desiredTags = mergeTags(desired.Tags, args.raw.stackTags.desired);
    const tagProblem = tooManyTags({ ...desiredTags, ...declarationTag(desired) });
    if (tagProblem) return failed(HandlerErrorCode.InvalidRequest, tagProblem);

    const onError = async (error: HandlerError, ctx: UpdateContext) => {
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
    const goal = {
        desired: model,
        desiredTags,
        userArn: userArn!,
        instanceArn: target.instanceArn,
        previous,
        previousTags: mergeTags(previous?.Tags, args.raw.stackTags.previous),
    };
    return converge(args, goal, context, onError, '[UPDATE]');
}
