// Connect I/O the handlers share: reading a user as CloudFormation models it, whether a user
// exists, paging, and the NotFound answer for an identifier that names no user.
import { HandlerErrorCode, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserProficiency as ConnectProficiency } from '@aws-sdk/client-connect';
import type { Connect, Operation } from './client';
import { ResourceModel } from './generated/models';
import type { UserProperties } from './generated/properties';
import { failed } from './contract';
import { fromDescribeUser, parseUserArn } from './translate';

/**
 * The items of a listing, page after page (`items` picks a page's), up to the page where one
 * satisfies `until`, if given. Our own loop over `Connect.call` rather than the SDK's paginators,
 * which take a raw client and so would bypass the call's error labels and READ's patience with
 * throttling (client.ts).
 */
export async function allPages<T>(
    connect: Connect,
    operation: Operation,
    input: Record<string, unknown> & { NextToken?: string },
    items: (page: any) => T[] | undefined,
    until?: (item: T) => boolean,
): Promise<T[]> {
    const all: T[] = [];
    let NextToken = input.NextToken;
    do {
        const page: any = await connect.call(operation, { ...input, NextToken } as any);
        const these = items(page) ?? [];
        all.push(...these);
        if (until && these.some(until)) break;
        NextToken = page.NextToken;
    } while (NextToken);
    return all;
}

/**
 * The user's properties as Connect holds them; throws what the Connect calls throw. DescribeUser and
 * the first page of proficiencies are independent, so they go out together; a caller that knows
 * the proficiencies for certain (create, which just associated them) passes them instead.
 */
export async function readUser(connect: Connect, userArn: string, knownProficiencies?: ConnectProficiency[]): Promise<UserProperties> {
    const { instanceArn } = parseUserArn(userArn)!;
    const target = { InstanceId: instanceArn, UserId: userArn };
    if (knownProficiencies) {
        const { User } = await connect.call('DescribeUser', target);
        return fromDescribeUser(User!, knownProficiencies, instanceArn);
    }
    const [{ User }, first] = await Promise.all([connect.call('DescribeUser', target), connect.call('ListUserProficiencies', { ...target, MaxResults: 100 })]);
    const rest = first.NextToken ? await allPages(connect, 'ListUserProficiencies', { ...target, MaxResults: 100, NextToken: first.NextToken }, (page) => page.UserProficiencyList as ConnectProficiency[]) : [];
    return fromDescribeUser(User!, [...(first.UserProficiencyList ?? []), ...rest], instanceArn);
}

/** Whether Connect shows the user now; throws what DescribeUser throws but ResourceNotFound. */
export async function userExists(connect: Connect, userArn: string): Promise<boolean> {
    try {
        await connect.call('DescribeUser', { InstanceId: parseUserArn(userArn)!.instanceArn, UserId: userArn });
        return true;
    } catch (error) {
        if ((error as Error)?.name === 'ResourceNotFoundException') return false;
        throw error;
    }
}

/** NotFound for an identifier that names no user, named as given but never more of it than a user ARN could be. */
export function notFound(userArn: unknown): ProgressEvent<ResourceModel> {
    const named =
        userArn == null ? 'without a UserArn'
        : typeof userArn !== 'string' ? `with a UserArn of type ${typeof userArn}`
        : userArn.length > 200 ? `with a UserArn of ${userArn.length} characters`
        : `with UserArn ${JSON.stringify(userArn)}`;
    return failed(HandlerErrorCode.NotFound, `${ResourceModel.TYPE_NAME} ${named} was not found: it is not the ARN of a user.`);
}
