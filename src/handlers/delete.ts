// DELETE: DeleteUser. A user that is already gone is NotFound, as the contract asks.
import { HandlerErrorCode, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { toHandlerError } from '../errors';
import type { ResourceModel } from '../generated/models';
import type { DeleteContext } from '../context';
import { HandlerArgs, success } from '../contract';
import { afterFailure } from '../retry';
import { parseUserArn } from '../translate';
import { notFound } from '../connect-io';
import { identifiersIn } from '../validate';

export async function remove({ connect, context, logger, raw }: HandlerArgs<DeleteContext>): Promise<ProgressEvent<ResourceModel>> {
    const userArn = identifiersIn(raw.desired)?.UserArn;
    const target = parseUserArn(userArn);
    if (!target) return notFound(userArn);
    try {
        await connect.call('DeleteUser', { InstanceId: target.instanceArn, UserId: userArn as string });
    } catch (error) {
        const mapped = toHandlerError(error);
        // NotFound after an earlier DeleteUser went out (the SDK's retry, or an earlier round):
        // that attempt deleted the user and its answer was lost.
        const retried = ((error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1) > 1;
        if (mapped.code === HandlerErrorCode.NotFound && (retried || context.deleteSent)) {
            logger.log('[DELETE] the user was deleted by an attempt whose answer was lost');
            return success();
        }
        // The next round needs the identifier only.
        return afterFailure(mapped, { ...context, deleteSent: true }, logger, '[DELETE]', { UserArn: userArn as string });
    }
    logger.log('[DELETE] user deleted');
    return success();
}
