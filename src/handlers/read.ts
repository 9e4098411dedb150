// READ: DescribeUser plus every page of ListUserProficiencies, as a model.
import { HandlerErrorCode, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserProficiency as ConnectProficiency } from '@aws-sdk/client-connect';
import { Connect, patient } from '../client';
import { toHandlerError } from '../errors';
import { ResourceModel } from '../generated/models';
import { failed, HandlerArgs, success } from '../progress';
import { fromDescribeUser, parseUserArn } from '../translate';

/**
 * The user as CloudFormation models it; throws what the Connect calls throw. DescribeUser and
 * the first page of proficiencies are independent, so they go out together; a caller that knows
 * the proficiencies for certain (create, which just associated them) passes them instead.
 */
export async function readUser(connect: Connect, userArn: string, knownProficiencies?: ConnectProficiency[]): Promise<ResourceModel> {
    const { instanceArn } = parseUserArn(userArn)!;
    const target = { InstanceId: instanceArn, UserId: userArn };
    if (knownProficiencies) {
        const { User } = await connect.call('DescribeUser', target);
        return fromDescribeUser(User!, knownProficiencies, instanceArn);
    }
    const page = (NextToken?: string) => connect.call('ListUserProficiencies', { ...target, MaxResults: 100, NextToken });
    const [{ User }, first] = await Promise.all([connect.call('DescribeUser', target), page()]);
    const proficiencies = [...(first.UserProficiencyList ?? [])];
    for (let next = first.NextToken; next; ) {
        const more = await page(next);
        proficiencies.push(...(more.UserProficiencyList ?? []));
        next = more.NextToken;
    }
    return fromDescribeUser(User!, proficiencies, instanceArn);
}

export function notFound(userArn: unknown): ProgressEvent<ResourceModel> {
    // Named as given, but never more of it than a user ARN could be.
    const named =
        userArn == null ? 'without a UserArn'
        : typeof userArn !== 'string' ? `with a UserArn of type ${typeof userArn}`
        : userArn.length > 200 ? `with a UserArn of ${userArn.length} characters`
        : `with UserArn ${JSON.stringify(userArn)}`;
    return failed(HandlerErrorCode.NotFound, `${ResourceModel.TYPE_NAME} ${named} was not found: it is not the ARN of a user.`);
}

export async function read({ connect, request, logger }: HandlerArgs): Promise<ProgressEvent<ResourceModel>> {
    const userArn = request.desiredResourceState?.userArn;
    if (!parseUserArn(userArn)) return notFound(userArn);
    try {
        // READ cannot answer IN_PROGRESS: it rides out Connect's throttling here (client.ts).
        return success(await readUser(patient(connect), userArn!));
    } catch (error) {
        const { code, message } = toHandlerError(error);
        logger.log(`[READ] ${code}: ${message}`);
        return failed(code, message);
    }
}
