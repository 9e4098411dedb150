// LIST: one ListUsers page per invocation; identifiers and what the summary holds, no call per
// user. With InstanceArn, that instance's users. Without it (Cloud Control's ListResources with
// no ResourceModel, as StackQL's `users_list_only` sends it), every user of every ACTIVE
// instance of the Region, one instance after another.
import { HandlerErrorCode, OperationStatus, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { InstanceSummary, UserSummary } from '@aws-sdk/client-connect';
import { Connect, patient } from '../client';
import { allPages } from '../connect-io';
import { toHandlerError } from '../errors';
import { ResourceModel } from '../generated/models';
import { decodeCursor, encodeCursor } from '../list-cursor';
import type { NoContext } from '../context';
import { failed, HandlerArgs } from '../contract';
import { identifiersIn } from '../validate';
import { fromUserSummary } from '../translate';

const INSTANCE_ARN = /^arn:aws[-a-z0-9]*:connect:[-a-z0-9]*:[0-9]{12}:instance\/[-a-zA-Z0-9]*$/;
export const LIST_PAGE_SIZE = 100;
/** ListInstances takes at most 10 a page [model]. */
const INSTANCE_PAGE_SIZE = 10;

function page(users: UserSummary[] | undefined, instanceArn: string, nextToken: string | undefined): ProgressEvent<ResourceModel> {
    const event = new ProgressEvent<ResourceModel>({ status: OperationStatus.Success, callbackDelaySeconds: 0 });
    // Three flat members: built directly, not through class-transformer (a page holds up to 100).
    event.resourceModels = (users ?? []).map((summary) => {
        const { UserArn, InstanceArn, Username } = fromUserSummary(summary, instanceArn);
        return new ResourceModel({ userArn: UserArn, instanceArn: InstanceArn, username: Username });
    });
    if (nextToken) event.nextToken = nextToken;
    return event;
}

/** The Region's ACTIVE instances, in a fixed order (by ID), so a listing walks them the same way every page. */
async function activeInstances(connect: Connect): Promise<InstanceSummary[]> {
    const all = await allPages(connect, 'ListInstances', { MaxResults: INSTANCE_PAGE_SIZE }, (page) => page.InstanceSummaryList as InstanceSummary[]);
    const instances = all.filter((i) => i.InstanceStatus === 'ACTIVE' && i.Id && i.Arn);
    return instances.sort((a, b) => (a.Id! < b.Id! ? -1 : a.Id! > b.Id! ? 1 : 0));
}

async function listRegion({ connect, request }: HandlerArgs<NoContext>, token: string | undefined): Promise<ProgressEvent<ResourceModel>> {
    const scope = `${request.awsAccountId ?? ''}:${request.region ?? ''}`;
    const cursor = token === undefined ? undefined : decodeCursor(token, scope);
    if (token !== undefined && !cursor) {
        // The check is a checksum bound to account and Region, not a signature: it tells a token of
        // the right shape and scope, and says no more. (A forged one could only point this LIST, run
        // with the caller's own credentials, at an instance of the caller's own account.)
        return failed(HandlerErrorCode.InvalidRequest, 'nextToken is not a listing token of this account and Region as LIST writes them (altered, cut, or from another account or Region): pass back the nextToken of the previous page unchanged, or start the listing again without one.');
    }
    const instances = await activeInstances(connect);
    const at = cursor ? instances.findIndex((i) => i.Id === cursor.instanceId) : 0;
    if (at < 0) {
        return failed(HandlerErrorCode.InvalidRequest, `nextToken points into instance ${cursor!.instanceId}, which is no longer an ACTIVE Amazon Connect instance of the Region: start the listing again without a nextToken.`);
    }
    const instance = instances[at];
    if (!instance) return page([], '', undefined);
    const users = await connect.call('ListUsers', { InstanceId: instance.Arn!, MaxResults: LIST_PAGE_SIZE, NextToken: cursor?.usersToken });
    const next = users.NextToken ? { instanceId: instance.Id!, usersToken: users.NextToken } : instances[at + 1] ? { instanceId: instances[at + 1].Id! } : undefined;
    return page(users.UserSummaryList, instance.Arn!, next && encodeCursor(next, scope));
}

export async function list(given: HandlerArgs<NoContext>): Promise<ProgressEvent<ResourceModel>> {
    // LIST cannot answer IN_PROGRESS: it rides out Connect's throttling here (client.ts).
    const args = { ...given, connect: patient(given.connect) };
    const { connect, request, logger, raw } = args;
    const instanceArn = identifiersIn(raw.desired)?.InstanceArn;
    const token = request.nextToken ?? raw.nextToken;
    try {
        if (instanceArn == null) return await listRegion(args, token);
        if (typeof instanceArn !== 'string' || !INSTANCE_ARN.test(instanceArn)) {
            return failed(HandlerErrorCode.InvalidRequest, 'InstanceArn must be the ARN of an Amazon Connect instance (arn:aws:connect:REGION:ACCOUNT:instance/ID), or be left out to list every user of the Region.');
        }
        const users = await connect.call('ListUsers', { InstanceId: instanceArn, MaxResults: LIST_PAGE_SIZE, NextToken: token });
        return page(users.UserSummaryList, instanceArn, users.NextToken);
    } catch (error) {
        const { code, message } = toHandlerError(error);
        logger.log(`[LIST] ${code}: ${message}`);
        return failed(code, message);
    }
}
