// CREATE: CreateUser, then the proficiencies, then a read, resumable at every step.
// CreateUser is the one call that is not idempotent, so it is made at most once per resource:
// the callback context records the user it made, and when an earlier attempt's answer was lost
// (the SDK retried, or CloudFormation re-sent the request) the user it made is found again by
// a marker tag that proves it came from this very request.
import { HandlerErrorCode, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connect } from '../client';
import { HandlerError, toHandlerError } from '../errors';
import { ResourceModel } from '../models';
import { afterFailure, backoffSeconds, CallbackContext, failed, HandlerArgs, inProgress, MAX_STABILIZE_POLLS, runSteps, success } from '../progress';
import { declarationTag } from '../channel-settings';
import { CREATE_MARKER_TAG, MAX_TAGS, mergeTags, tooManyTags } from '../tags';
import { proficiencyRequest, toCreateUserRequest } from '../translate';
import { desiredModel, validateProperties } from '../validate';
import { missingReference, userExists } from './not-found';
import { readUser } from './read';

/** CreateUser is retried here, not through IN_PROGRESS: until it succeeds there is no identifier to hand back. */
export const CREATE_ATTEMPTS = 4;

export async function create(args: HandlerArgs): Promise<ProgressEvent<ResourceModel>> {
    const { connect, request, logger } = args;
    const checked = desiredModel(args.raw.checked ?? validateProperties(request.desiredResourceState?.serialize()));
    if (!checked.ok) return failed(HandlerErrorCode.InvalidRequest, checked.message);
    const desired = checked.model;
    let context: CallbackContext = { ...args.context };

    if (!context.userArn) {
        const made = await createUser(args, desired);
        if ('event' in made) return made.event;
        context = { ...context, userArn: made.userArn, done: ['CreateUser'] };
    }
    const model = ResourceModel.deserialize({ ...desired.serialize(), UserArn: context.userArn });
    const whileStabilizing = (error: HandlerError, ctx: CallbackContext) => stabilizing(connect, error, ctx, args, model);

    const proficiencies = desired.userProficiencies ?? [];
    const steps = proficiencies.length === 0 ? [] : [{
        id: 'AssociateUserProficiencies',
        operation: 'AssociateUserProficiencies' as const,
        input: { InstanceId: desired.instanceArn, UserId: context.userArn, UserProficiencies: proficiencies.map(proficiencyRequest) },
    }];
    const ran = await runSteps(connect, steps, context, logger, '[CREATE]', whileStabilizing);
    if (!ran.ok) return ran.event;
    try {
        return success(await readUser(connect, context.userArn!));
    } catch (error) {
        return whileStabilizing(toHandlerError(error), ran.context);
    }
}

/** A hash of the request token: proof that a user came from this request, without the token itself. */
function createMarker(clientRequestToken: string | undefined): string | undefined {
    return clientRequestToken ? createHash('sha256').update(clientRequestToken).digest('hex').slice(0, 40) : undefined;
}

async function createUser({ connect, request, logger }: HandlerArgs, desired: ResourceModel): Promise<{ userArn: string } | { event: ProgressEvent<ResourceModel> }> {
    const tags = mergeTags(desired.tags, request.desiredResourceTags);
    const onUser = { ...tags, ...declarationTag(desired) };
    const tagProblem = tooManyTags(onUser);
    if (tagProblem) return { event: failed(HandlerErrorCode.InvalidRequest, tagProblem) };
    // The marker only fits where the template leaves room; without it a lost answer is AlreadyExists.
    const marker = createMarker(request.clientRequestToken);
    if (marker && Object.keys(onUser).length < MAX_TAGS) tags[CREATE_MARKER_TAG] = marker;
    const input = toCreateUserRequest(desired, tags);

    let lookingForOwnUser = false;
    for (let attempt = 1; ; attempt++) {
        try {
            if (!lookingForOwnUser) {
                const { UserArn } = await connect.call('CreateUser', input);
                logger.log('[CREATE][STEP CreateUser] done');
                return { userArn: UserArn! };
            }
            const own = await findOwnUser(connect, desired, marker);
            if (own === 'not-visible') throw Object.assign(new Error('not visible yet'), { name: 'ThrottlingException', operation: 'ListUsers' });
            if (own) {
                logger.log('[CREATE] an earlier attempt of this request created the user; adopting it');
                return { userArn: own };
            }
            return { event: failed(HandlerErrorCode.AlreadyExists, `A user named ${desired.username} already exists in ${desired.instanceArn}, and this stack did not create it: choose another Username, or import the existing user.`) };
        } catch (caught) {
            const error = toHandlerError(caught);
            if (!lookingForOwnUser && error.code === HandlerErrorCode.AlreadyExists) {
                lookingForOwnUser = true;
                attempt = 0;
                continue;
            }
            if (error.transient && attempt < CREATE_ATTEMPTS) {
                logger.log(`[CREATE][STEP CreateUser] ${error.code}, trying again in ${backoffSeconds(attempt)}s`);
                await sleep(backoffSeconds(attempt) * 1000);
                continue;
            }
            // Nothing was created that CloudFormation could clean up: no model.
            const final = error.code === HandlerErrorCode.NotFound ? missingReference(error) : error;
            return { event: failed(final.code, final.message) };
        }
    }
}

/**
 * The user with this Username, if this request created it (its marker matches). 'not-visible'
 * when Connect said the name is taken but does not list it yet (eventual consistency).
 */
async function findOwnUser(connect: Connect, desired: ResourceModel, marker: string | undefined): Promise<string | undefined | 'not-visible'> {
    let NextToken: string | undefined;
    do {
        const page = await connect.call('ListUsers', { InstanceId: desired.instanceArn!, MaxResults: 1000, NextToken });
        const match = page.UserSummaryList?.find((user) => user.Username === desired.username);
        if (match) {
            const { User } = await connect.call('DescribeUser', { InstanceId: desired.instanceArn!, UserId: match.Arn! });
            return marker && User?.Tags?.[CREATE_MARKER_TAG] === marker ? match.Arn : undefined;
        }
        NextToken = page.NextToken;
    } while (NextToken);
    return 'not-visible';
}

/**
 * After CreateUser, Connect may answer NotFound for the new user for a while: wait for it
 * (bounded). A NotFound once the user had been seen is about something the template names; the
 * first time the user shows, the call is tried once more, since the lag may have ended between
 * the failing call and the look. Every failure from here on carries the UserArn, so
 * CloudFormation can delete the user.
 */
async function stabilizing(connect: Connect, error: HandlerError, context: CallbackContext, { logger }: HandlerArgs, model: ResourceModel): Promise<ProgressEvent<ResourceModel>> {
    if (error.code !== HandlerErrorCode.NotFound) return afterFailure(error, context, logger, '[CREATE]', model, model);
    let visible: boolean;
    try {
        visible = await userExists(connect, context.userArn!);
    } catch (caught) {
        return afterFailure(toHandlerError(caught), context, logger, '[CREATE]', model, model);
    }
    if (visible && context.seen) return failed(HandlerErrorCode.InvalidRequest, missingReference(error).message, model);
    const polls = (context.polls ?? 0) + 1;
    if (polls > MAX_STABILIZE_POLLS) {
        return failed(HandlerErrorCode.NotStabilized, `The new user ${context.userArn} did not become visible in Amazon Connect after ${MAX_STABILIZE_POLLS} checks.`, model);
    }
    if (visible) {
        logger.log('[CREATE] the new user has just become visible; trying again');
        return inProgress({ ...context, polls, seen: true }, 1, model);
    }
    logger.log(`[CREATE] the new user is not visible yet (Connect is eventually consistent); checking again in ${backoffSeconds(polls)}s`);
    return inProgress({ ...context, polls }, backoffSeconds(polls), model);
}
