// Connect answers ResourceNotFoundException both for a missing user and for a missing thing the
// request names (an instance, profile, group or predefined attribute). Only the first is
// CloudFormation's NotFound; the second is a template to correct.
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { Connect } from '../client';
import type { HandlerError } from '../errors';
import { parseUserArn } from '../translate';

export async function userExists(connect: Connect, userArn: string): Promise<boolean> {
    try {
        await connect.call('DescribeUser', { InstanceId: parseUserArn(userArn)!.instanceArn, UserId: userArn });
        return true;
    } catch (error) {
        if ((error as Error)?.name === 'ResourceNotFoundException') return false;
        throw error;
    }
}

/** A NotFound about something the template references, restated as the InvalidRequest it is. */
export function missingReference(error: HandlerError): HandlerError {
    return {
        code: HandlerErrorCode.InvalidRequest,
        message: `${error.message.split(' Check that')[0]} A property names an instance, profile, hierarchy group or predefined attribute that does not exist in the instance: correct it.`,
        transient: false,
    };
}
