// LIST: one ListUsers page per invocation; identifiers and what the summary holds, no call per user.
import { HandlerErrorCode, OperationStatus, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { toHandlerError } from '../errors';
import type { ResourceModel } from '../generated/models';
import { failed, HandlerArgs } from '../progress';
import { fromUserSummary } from '../translate';

const INSTANCE_ARN = /^arn:aws[-a-z0-9]*:connect:[-a-z0-9]*:[0-9]{12}:instance\/[-a-zA-Z0-9]*$/;
export const LIST_PAGE_SIZE = 100;

export async function list({ connect, request, logger, raw }: HandlerArgs): Promise<ProgressEvent<ResourceModel>> {
    const instanceArn = request.desiredResourceState?.instanceArn;
    if (typeof instanceArn !== 'string' || !INSTANCE_ARN.test(instanceArn)) {
        return failed(HandlerErrorCode.InvalidRequest, 'LIST needs InstanceArn, the ARN of the Amazon Connect instance whose users to list (arn:aws:connect:REGION:ACCOUNT:instance/ID).');
    }
    try {
        const page = await connect.call('ListUsers', { InstanceId: instanceArn, MaxResults: LIST_PAGE_SIZE, NextToken: request.nextToken ?? raw.nextToken });
        const event = new ProgressEvent<ResourceModel>({ status: OperationStatus.Success, callbackDelaySeconds: 0 });
        event.resourceModels = (page.UserSummaryList ?? []).map((summary) => fromUserSummary(summary, instanceArn));
        if (page.NextToken) event.nextToken = page.NextToken;
        return event;
    } catch (error) {
        const { code, message } = toHandlerError(error);
        logger.log(`[LIST] ${code}: ${message}`);
        return failed(code, message);
    }
}
