// The one error table: what Amazon Connect (through @aws-sdk/client-connect) raised, to the
// HandlerErrorCode CloudFormation understands, with the service's words and what to do next.
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { Operation } from './client';

interface Entry {
    code: HandlerErrorCode;
    /** What the template author or operator can do about it. */
    advice: string;
    /** Where one error name means different things for different operations: the advice per operation. */
    byOperation?: Partial<Record<Operation, string>>;
    /** Worth another IN_PROGRESS round: the same call may succeed later. */
    transient?: boolean;
}

const PROFICIENCY_FIX = 'Check UserProficiencies: each AttributeName must be a predefined attribute of the instance, each AttributeValue one of its values, and each Level 1 to 5.';
const PROFICIENCY_ADVICE: Entry['byOperation'] = {
    AssociateUserProficiencies: PROFICIENCY_FIX,
    DisassociateUserProficiencies: PROFICIENCY_FIX,
    UpdateUserProficiencies: PROFICIENCY_FIX,
};

const credentials: Entry = { code: HandlerErrorCode.InvalidCredentials, advice: 'The credentials CloudFormation passed were refused; check the execution role.' };
// A create, update or delete tries these again within its time; what reaches a message is final.
const network: Entry = { code: HandlerErrorCode.NetworkFailure, advice: 'Amazon Connect could not be reached; try again later.', transient: true };

/** Keyed by the error `name` the v3 SDK raises (see the exceptions @aws-sdk/client-connect exports). */
const TABLE: Record<string, Entry> = {
    ResourceNotFoundException: { code: HandlerErrorCode.NotFound, advice: 'Check that the user, the instance and every profile, group and attribute it names exist in that instance.' },
    DuplicateResourceException: {
        code: HandlerErrorCode.AlreadyExists,
        advice: 'Amazon Connect already holds what the call would add.',
        byOperation: {
            CreateUser: 'A user with this Username already exists in the instance: choose another Username, or import the existing user.',
        },
    },
    InvalidParameterException: { code: HandlerErrorCode.InvalidRequest, advice: 'Correct the property the message names.', byOperation: PROFICIENCY_ADVICE },
    InvalidRequestException: { code: HandlerErrorCode.InvalidRequest, advice: 'Correct the property the message names.', byOperation: PROFICIENCY_ADVICE },
    ThrottlingException: { code: HandlerErrorCode.Throttling, advice: 'Amazon Connect throttled the call; raise the account\'s Connect API quotas if this persists.', transient: true },
    TooManyRequestsException: { code: HandlerErrorCode.Throttling, advice: 'Amazon Connect throttled the call; raise the account\'s Connect API quotas if this persists.', transient: true },
    // Connect answers 429 LimitExceededException for resource quotas (users per instance); the SDK
    // already retried it as a throttle, so what reaches us is a quota, not a passing rate limit.
    LimitExceededException: { code: HandlerErrorCode.ServiceLimitExceeded, advice: 'An Amazon Connect quota was reached; request an increase or remove users.' },
    ServiceQuotaExceededException: { code: HandlerErrorCode.ServiceLimitExceeded, advice: 'An Amazon Connect quota was reached; request an increase.' },
    AccessDeniedException: { code: HandlerErrorCode.AccessDenied, advice: 'Grant the execution role the connect: permission the message names (see the handler permissions in the schema).' },
    InternalServiceException: { code: HandlerErrorCode.ServiceInternalError, advice: 'Amazon Connect failed internally; try again later.', transient: true },
    ConditionalOperationFailedException: { code: HandlerErrorCode.ResourceConflict, advice: 'The user changed while it was being updated; retry the update.' },
    ResourceConflictException: { code: HandlerErrorCode.ResourceConflict, advice: 'Another change to the user is in progress; retry the update.' },
    ResourceInUseException: { code: HandlerErrorCode.ResourceConflict, advice: 'The user is in use; retry when it is free.' },
    UnrecognizedClientException: credentials,
    InvalidSignatureException: credentials,
    IncompleteSignatureException: credentials,
    MissingAuthenticationTokenException: credentials,
    ExpiredTokenException: credentials,
    // Raised by the SDK itself, not the service: the connection failed or timed out.
    TimeoutError: network,
    RequestTimeout: network,
    ECONNRESET: network,
    ECONNREFUSED: network,
    EPIPE: network,
    ETIMEDOUT: network,
    ENOTFOUND: network,
    EAI_AGAIN: network,
};

const OTHER_SERVICE_ERROR: Entry = { code: HandlerErrorCode.GeneralServiceException, advice: 'Amazon Connect refused the call.' };

export interface HandlerError {
    code: HandlerErrorCode;
    message: string;
    transient: boolean;
    /** The error's name as the SDK raised it (ResourceNotFoundException, ...), when it came from the service. */
    name?: string;
    /** What failed and Connect's words about it, without the advice: "DescribeUser failed: …." */
    said?: string;
}

/** Where a service message starts quoting the signed request (its headers, signature or body). */
const SIGNED_REQUEST_ECHO = /canonical (string|request)|aws4-hmac-sha256|x-amz-security-token|x-amz-date|authorization:|signature=|credential=/i;
const MAX_SERVICE_WORDS = 500;

/**
 * Connect's own words, for a message anyone who reads the stack's events sees: without any copy
 * of the signed request an error may quote (credentials, session token, the body with its
 * Password), and bounded.
 */
function serviceWords(message: string): string {
    const echo = SIGNED_REQUEST_ECHO.exec(message);
    const words = echo ? `${message.slice(0, echo.index).trimEnd()} [the rest quoted the signed request and is left out]` : message;
    return words.length > MAX_SERVICE_WORDS ? `${words.slice(0, MAX_SERVICE_WORDS)}…` : words;
}

/** Is this an error the Connect service (or the way to it) raised, as opposed to a bug of ours? */
function isServiceError(error: any): boolean {
    return typeof error?.$metadata === 'object' || typeof error?.$fault === 'string' || (typeof error?.code === 'string' && error.code in TABLE);
}

/**
 * Maps an error from a Connect call (client.ts labels each with its operation). Errors that did
 * not come from the service or the network are our own bugs and map to InternalFailure.
 */
export function toHandlerError(error: unknown, operation = (error as any)?.operation ?? 'The handler'): HandlerError {
    const e = error as any;
    const entry = TABLE[e?.name] ?? TABLE[e?.code] ?? (isServiceError(e) ? OTHER_SERVICE_ERROR : undefined);
    if (!entry) {
        return { code: HandlerErrorCode.InternalFailure, message: `${operation} failed in the handler itself: ${e?.message ?? String(error)}`, transient: false };
    }
    const said = typeof e?.message === 'string' && e.message && e.message !== 'UnknownError' ? serviceWords(e.message) : e?.name ?? 'no message';
    const advice = entry.byOperation?.[operation as Operation] ?? entry.advice;
    const failure = `${operation} failed: ${said.replace(/\.?$/, '.')}`;
    return { code: entry.code, message: `${failure} ${advice}`, transient: entry.transient === true, name: e?.name ?? e?.code, said: failure };
}

/**
 * Connect answers ResourceNotFoundException both for a missing user and for a missing thing the
 * request names (an instance, profile, group or predefined attribute). Once the user is known to
 * exist, it is the second: not CloudFormation's NotFound, but a template to correct.
 */
export function missingReference(error: HandlerError): HandlerError {
    return {
        code: HandlerErrorCode.InvalidRequest,
        message: `${error.said ?? error.message} A property names an instance, profile, hierarchy group or predefined attribute that does not exist in the instance: correct it.`,
        transient: false,
        name: error.name,
    };
}

/**
 * The refusals that say Connect holds something else for a step's proficiency pairs than the
 * plan assumed: a pair already there, or not there (Connect answers these with a 400 or a 404
 * whose code is not documented, connect-api.md §2.14-2.16). Behind one may be an edit in the
 * console, a redelivered invocation, a rollback, or a read that lagged behind a change. Each is
 * settled, without trusting a read, by the call that reaches the same end: already associated,
 * set its level; not associated for a level change, associate it; not associated for a removal,
 * nothing to do. The same codes also mean a bad template (an attribute that does not exist): then
 * the settling call is refused too, and the step's own error stands.
 */
const CONFLICTS: Partial<Record<Operation, { names: readonly string[]; settledBy: Operation | 'nothing' }>> = {
    AssociateUserProficiencies: { names: ['DuplicateResourceException', 'InvalidParameterException', 'InvalidRequestException', 'ResourceConflictException'], settledBy: 'UpdateUserProficiencies' },
    UpdateUserProficiencies: { names: ['ResourceNotFoundException', 'InvalidParameterException', 'InvalidRequestException', 'ResourceConflictException'], settledBy: 'AssociateUserProficiencies' },
    DisassociateUserProficiencies: { names: ['ResourceNotFoundException', 'InvalidParameterException', 'InvalidRequestException', 'ResourceConflictException'], settledBy: 'nothing' },
};

/** When `operation` was refused with `error` because of what Connect holds: the call that settles it ('nothing': no call needed). */
export function settlement(operation: Operation, error: HandlerError): Operation | 'nothing' | undefined {
    const conflict = CONFLICTS[operation];
    return error.name !== undefined && conflict?.names.includes(error.name) ? conflict.settledBy : undefined;
}
