// CREATE: CreateUser, then the proficiencies, then a read, resumable at every step.
// CreateUser is the one call that is not idempotent, so it is made at most once per resource:
// the callback context records the user it made, and when an earlier attempt's answer was lost
// (the SDK retried, or CloudFormation re-sent the request) the user it made is found again by
// a marker tag that proves it came from this very request.
import { HandlerErrorCode, ProgressEvent } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserSummary } from '@aws-sdk/client-connect';
import { createHash } from 'node:crypto';
import type { Connect } from '../client';
import { HandlerError, missingReference, toHandlerError } from '../errors';
import { runPlan } from '../executor';
import type { ResourceModel } from '../generated/models';
import type { UserProperties } from '../generated/properties';
import { failed, HandlerArgs, inProgress, success } from '../contract';
import { afterFailure, backoffSeconds, MAX_STABILIZE_POLLS } from '../retry';
import type { CreateContext } from '../context';
import { declarationTag } from '../channel-settings';
import { addSecret } from '../runtime/invocation';
import { seal, unseal } from '../sealed';
import { CREATE_MARKER_TAG, MAX_TAGS, mergeTags, tooManyTags } from '../tags';
import { proficiencyRequest } from '../translate';
import { NOTHING_WRITTEN, planCreate, unwritten } from '../update-plan';
import { desiredProperties, validateProperties } from '../validate';
import { allPages, readUser, userExists } from '../connect-io';

export async function create(args: HandlerArgs<CreateContext>): Promise<ProgressEvent<ResourceModel>> {
    const { connect, request, logger } = args;
    const checked = desiredProperties(args.raw.checked ?? validateProperties(args.raw.desired));
    if (!checked.ok) return failed(HandlerErrorCode.InvalidRequest, checked.message);
    const desired = checked.properties;
    let context: CreateContext = { ...args.context };

    if (!context.userArn) {
        const made = await createUser(args, desired, context);
        if ('event' in made) return made.event;
        const { sealedPassword: _sealed, adopting: _adopting, ...rest } = context;
        context = { ...rest, userArn: made.userArn, retries: 0 };
    }
    const model: UserProperties = { ...desired, UserArn: context.userArn };
    const whileStabilizing = (error: HandlerError, ctx: CreateContext) => stabilizing(connect, error, ctx, args, model);

    // Pairs an earlier attempt of this request associated already (a redelivered round, an
    // adopted user) are settled by the executor, as an update's are.
    const steps = planCreate(desired).after(context.userArn!);
    const ran = await runPlan(connect, unwritten(steps, context.written ?? NOTHING_WRITTEN).steps, context, logger, '[CREATE]');
    // NotFound right after CreateUser is Connect's lag first (stabilizing decides).
    if (!ran.ok) return whileStabilizing(ran.error, ran.context);
    try {
        // The user's proficiencies are exactly the ones just associated: no need to list them.
        return success(await readUser(connect, context.userArn!, (desired.UserProficiencies ?? []).map(proficiencyRequest)));
    } catch (error) {
        return whileStabilizing(toHandlerError(error), ran.context);
    }
}

/** A hash of the request token: proof that a user came from this request, without the token itself. */
function createMarker(clientRequestToken: string | undefined): string | undefined {
    return clientRequestToken ? createHash('sha256').update(clientRequestToken).digest('hex').slice(0, 40) : undefined;
}

type Made = { userArn: string } | { event: ProgressEvent<ResourceModel> };

/**
 * CreateUser, once. Until it succeeds there is no identifier, so a throttle or a 500 answers
 * IN_PROGRESS with the desired model (no UserArn yet) and the Password sealed in the context.
 * AlreadyExists means the name is taken, possibly by this very request's earlier attempt whose
 * answer was lost: the user is adopted when it carries this request's marker.
 */
async function createUser({ connect, request, logger, raw }: HandlerArgs<CreateContext>, desired: UserProperties, context: CreateContext): Promise<Made> {
    const token = request.clientRequestToken;
    // The seal opens only for this request's token, in this account and Region, for this resource's CREATE.
    const binding = [request.awsAccountId ?? '', request.region ?? '', request.logicalResourceIdentifier ?? '', 'CREATE'];
    const password = desired.Password ?? (typeof context.sealedPassword === 'string' && token ? unseal(context.sealedPassword, token, binding) : undefined);
    if (password != null) addSecret(password);
    if (context.sealedPassword != null && password == null) {
        return { event: failed(HandlerErrorCode.InvalidRequest, 'The callback context carries a Password sealed for another request or resource, or altered: it cannot be opened. Run the stack operation again.') };
    }
    const tags = mergeTags(desired.Tags, raw.stackTags.desired);
    const onUser = { ...tags, ...declarationTag(desired) };
    const tagProblem = tooManyTags(onUser);
    if (tagProblem) return { event: failed(HandlerErrorCode.InvalidRequest, tagProblem) };
    // The marker only fits where the template leaves room; without it a lost answer is AlreadyExists.
    const marker = createMarker(token);
    if (marker && Object.keys(onUser).length < MAX_TAGS) tags[CREATE_MARKER_TAG] = marker;
    const withPassword: UserProperties = password == null ? desired : { ...desired, Password: password };
    // What the next round needs: the Password, sealed to the request's token. Without a token to
    // seal it to, a create that needs a Password cannot wait for another round.
    const later = (ctx: CreateContext): CreateContext | undefined => {
        if (password == null) return ctx;
        return token ? { ...ctx, sealedPassword: seal(password, token, binding) } : undefined;
    };

    let adopting = context.adopting === true;
    try {
        if (!adopting) {
            try {
                const { UserArn } = await connect.call('CreateUser', planCreate(withPassword).createUser(tags));
                logger.log('[CREATE][STEP CreateUser] done');
                return { userArn: UserArn! };
            } catch (caught) {
                if (toHandlerError(caught).code !== HandlerErrorCode.AlreadyExists) throw caught;
                adopting = true;
            }
        }
        const own = await findOwnUser(connect, desired, marker);
        if (own === 'not-visible') {
            // Connect said the name is taken but does not list it yet (eventual consistency).
            const polls = (context.polls ?? 0) + 1;
            const next = later({ ...context, adopting, polls });
            if (polls > MAX_STABILIZE_POLLS || !next) return { event: failed(HandlerErrorCode.NotStabilized, `Amazon Connect says the Username ${desired.Username} is taken but does not list that user.`) };
            return { event: inProgress(next, backoffSeconds(polls), desired) };
        }
        if (own) {
            logger.log('[CREATE] an earlier attempt of this request created the user; adopting it');
            return { userArn: own };
        }
        return { event: failed(HandlerErrorCode.AlreadyExists, `A user named ${desired.Username} already exists in ${desired.InstanceArn}, and this stack did not create it: choose another Username, or import the existing user.`) };
    } catch (caught) {
        const error = toHandlerError(caught);
        const next = later({ ...context, adopting });
        // Nothing was created that CloudFormation could clean up: no model on FAILED.
        if (error.transient && next) return { event: afterFailure(error, next, logger, '[CREATE][STEP CreateUser]', desired) };
        const final = error.code === HandlerErrorCode.NotFound ? missingReference(error) : error;
        return { event: failed(final.code, final.message) };
    }
}

/**
 * The user with this Username, if this request created it (its marker matches). 'not-visible'
 * when Connect said the name is taken but does not list it yet (eventual consistency).
 */
async function findOwnUser(connect: Connect, desired: UserProperties, marker: string | undefined): Promise<string | undefined | 'not-visible'> {
    const isNamed = (user: UserSummary) => user.Username === desired.Username;
    const named = (await allPages(connect, 'ListUsers', { InstanceId: desired.InstanceArn!, MaxResults: 1000 }, (page) => page.UserSummaryList as UserSummary[], isNamed)).find(isNamed);
    if (!named) return 'not-visible';
    const { User } = await connect.call('DescribeUser', { InstanceId: desired.InstanceArn!, UserId: named.Arn! });
    return marker && User?.Tags?.[CREATE_MARKER_TAG] === marker ? named.Arn : undefined;
}

/**
 * After CreateUser, Connect may answer NotFound for the new user for a while: wait for it
 * (bounded). A NotFound once the user had been seen is about something the template names; the
 * first time the user shows, the call is tried once more, since the lag may have ended between
 * the failing call and the look. Every failure from here on carries the UserArn, so
 * CloudFormation can delete the user.
 */
async function stabilizing(connect: Connect, error: HandlerError, context: CreateContext, { logger }: HandlerArgs<CreateContext>, model: UserProperties): Promise<ProgressEvent<ResourceModel>> {
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
