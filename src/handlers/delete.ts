// DELETE: DeleteUser. A user that is already gone is NotFound, as the contract asks.
import { ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { toHandlerError } from '../errors';
import type { ResourceModel } from '../models';
import { afterFailure, HandlerArgs, success } from '../progress';
import { parseUserArn } from '../translate';
import { notFound } from './read';

export async function remove({ connect, request, context, logger }: HandlerArgs): Promise<ProgressEvent<ResourceModel>> {
    const userArn = request.desiredResourceState?.userArn;
    const target = parseUserArn(userArn);
    if (!target) return notFound(userArn);
    try {
        await connect.call('DeleteUser', { InstanceId: target.instanceArn, UserId: userArn! });
    } catch (error) {
        return afterFailure(toHandlerError(error), context, logger, '[DELETE]', request.desiredResourceState);
    }
    logger.log('[DELETE] user deleted');
    return success();
}
