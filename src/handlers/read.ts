// READ: DescribeUser plus every page of ListUserProficiencies, as a model.
import type { ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { patient } from '../client';
import { notFound, readUser } from '../connect-io';
import { toHandlerError } from '../errors';
import { ResourceModel } from '../generated/models';
import type { NoContext } from '../context';
import { failed, HandlerArgs, success } from '../contract';
import { parseUserArn } from '../translate';
import { identifiersIn } from '../validate';

export async function read({ connect, logger, raw }: HandlerArgs<NoContext>): Promise<ProgressEvent<ResourceModel>> {
    const userArn = identifiersIn(raw.desired)?.UserArn;
    if (!parseUserArn(userArn)) return notFound(userArn);
    try {
        // READ cannot answer IN_PROGRESS: it rides out Connect's throttling here (client.ts).
        return success(await readUser(patient(connect), userArn as string));
    } catch (error) {
        const { code, message } = toHandlerError(error);
        logger.log(`[READ] ${code}: ${message}`);
        return failed(code, message);
    }
}
