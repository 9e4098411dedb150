// The Connect client, built from the caller's credentials and region. The SDK itself honours
// AWS_ENDPOINT_URL_CONNECT and AWS_ENDPOINT_URL, so the same bundle runs against the local
// emulator or Amazon Connect.
import * as connect from '@aws-sdk/client-connect';
import { HandlerErrorCode, type SessionProxy } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { toHandlerError } from './errors';
import { Clock, clock } from './clock';

/**
 * In-invocation attempts per call. A throttle gets one: Connect's quota is a bucket shared by
 * every handler of the account, so an immediate retry only drains it for the others; the
 * handler answers IN_PROGRESS and comes back after a jittered delay instead (retry.ts). A 500
 * or a dropped connection is not load: the SDK tries those up to SDK_MAX_ATTEMPTS times.
 */
export const SDK_MAX_ATTEMPTS = 3;
export const SDK_THROTTLE_ATTEMPTS = 1;

/**
 * READ and LIST cannot answer IN_PROGRESS, so they ride out throttling inside the invocation:
 * a throttled call is tried again after a jittered wait (full jitter, doubling from 250 ms to a
 * cap of 4 s) for as long as PATIENCE_MS allows since the handler began. 20 s covers the 10 s
 * that 25 concurrent READs need from Connect's 2/s, burst 5 bucket with room to spare, and ends
 * well inside the 30 s that `cfn test` (and so registration) allows a READ or LIST invocation.
 * Only the throttled call is tried again, never one that succeeded.
 */
export const PATIENCE_MS = 20_000;
const PATIENCE_BASE_MS = 250;
const PATIENCE_CAP_MS = 4_000;


// What counts as a throttle is the error table's to say.
const throttled = (error: unknown) => toHandlerError(error).code === HandlerErrorCode.Throttling;

/** The same calls, each throttled one tried again within `budgetMs` from now (see PATIENCE_MS). */
export function patient(connect: Connect, budgetMs = PATIENCE_MS, time: Clock = clock()): Connect {
    const deadline = time.now() + budgetMs;
    return {
        call: async (operation, input) => {
            for (let attempt = 0; ; attempt++) {
                try {
                    return await connect.call(operation, input);
                } catch (error) {
                    const wait = Math.floor(time.random() * Math.min(PATIENCE_CAP_MS, PATIENCE_BASE_MS * 2 ** attempt));
                    if (!throttled(error) || time.now() + wait >= deadline) throw error;
                    await time.sleep(wait);
                }
            }
        },
    };
}

/** The SDK's retry strategy (RetryStrategyV2) with that policy; full jitter, 100 ms base, as the SDK's standard mode. */
const retryStrategy = {
    async acquireInitialRetryToken() {
        return { count: 0, delay: 0, getRetryCount() { return this.count; }, getRetryDelay() { return this.delay; } };
    },
    async refreshRetryTokenForRetry(token: { count: number; delay: number }, info: { errorType: string }) {
        const attempts = token.count + 1;
        if (info.errorType === 'THROTTLING' ? attempts >= SDK_THROTTLE_ATTEMPTS : info.errorType === 'CLIENT_ERROR' || attempts >= SDK_MAX_ATTEMPTS) {
            // The SDK rethrows the call's own error when the strategy refuses another attempt.
            throw new Error('no further attempt');
        }
        return { ...token, count: attempts, delay: clock().random() * Math.min(20_000, 100 * 2 ** attempts), getRetryCount() { return this.count; }, getRetryDelay() { return this.delay; } };
    },
    recordSuccess() {},
};

/** Every Connect operation the handlers call, by name: plan steps name them. */
const COMMANDS = {
    CreateUser: connect.CreateUserCommand,
    DescribeUser: connect.DescribeUserCommand,
    ListUsers: connect.ListUsersCommand,
    ListInstances: connect.ListInstancesCommand,
    DeleteUser: connect.DeleteUserCommand,
    ListUserProficiencies: connect.ListUserProficienciesCommand,
    UpdateUserIdentityInfo: connect.UpdateUserIdentityInfoCommand,
    UpdateUserPhoneConfig: connect.UpdateUserPhoneConfigCommand,
    UpdateUserConfig: connect.UpdateUserConfigCommand,
    UpdateUserRoutingProfile: connect.UpdateUserRoutingProfileCommand,
    UpdateUserSecurityProfiles: connect.UpdateUserSecurityProfilesCommand,
    UpdateUserHierarchy: connect.UpdateUserHierarchyCommand,
    AssociateUserProficiencies: connect.AssociateUserProficienciesCommand,
    DisassociateUserProficiencies: connect.DisassociateUserProficienciesCommand,
    UpdateUserProficiencies: connect.UpdateUserProficienciesCommand,
    TagResource: connect.TagResourceCommand,
    UntagResource: connect.UntagResourceCommand,
} as const;
export type Operation = keyof typeof COMMANDS;
export const OPERATIONS = Object.keys(COMMANDS) as Operation[];
type Input<O extends Operation> = ConstructorParameters<(typeof COMMANDS)[O]>[0];
interface Outputs {
    CreateUser: connect.CreateUserCommandOutput;
    DescribeUser: connect.DescribeUserCommandOutput;
    ListUsers: connect.ListUsersCommandOutput;
    ListInstances: connect.ListInstancesCommandOutput;
    DeleteUser: connect.DeleteUserCommandOutput;
    ListUserProficiencies: connect.ListUserProficienciesCommandOutput;
    UpdateUserIdentityInfo: connect.UpdateUserIdentityInfoCommandOutput;
    UpdateUserPhoneConfig: connect.UpdateUserPhoneConfigCommandOutput;
    UpdateUserConfig: connect.UpdateUserConfigCommandOutput;
    UpdateUserRoutingProfile: connect.UpdateUserRoutingProfileCommandOutput;
    UpdateUserSecurityProfiles: connect.UpdateUserSecurityProfilesCommandOutput;
    UpdateUserHierarchy: connect.UpdateUserHierarchyCommandOutput;
    AssociateUserProficiencies: connect.AssociateUserProficienciesCommandOutput;
    DisassociateUserProficiencies: connect.DisassociateUserProficienciesCommandOutput;
    UpdateUserProficiencies: connect.UpdateUserProficienciesCommandOutput;
    TagResource: connect.TagResourceCommandOutput;
    UntagResource: connect.UntagResourceCommandOutput;
}
type Output<O extends Operation> = Outputs[O];

/** The calls a handler makes; tests and the runtime substitute none of it: it is the real SDK. */
export interface Connect {
    call<O extends Operation>(operation: O, input: Input<O>): Promise<Output<O>>;
}

let cached: { key: string; client: connect.ConnectClient } | undefined;

export function connectFor(session: SessionProxy | null | undefined, region: string | undefined): Connect | undefined {
    const credentials = session?.configuration?.credentials as connect.ConnectClientConfig['credentials'] & Record<string, string> | undefined;
    if (!credentials?.accessKeyId || !credentials.secretAccessKey) return undefined;
    const resolvedRegion = region ?? (session?.configuration?.region as string | undefined);
    // The endpoint variables are part of the key: a long-lived local runtime may repoint them.
    const endpoint = [process.env.AWS_ENDPOINT_URL_CONNECT, process.env.AWS_ENDPOINT_URL];
    const key = [resolvedRegion, credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken, ...endpoint].join('\u0000');
    // A warm Lambda serves one stack operation after another with the same credentials: keep the
    // client, and with it its open connections.
    if (cached?.key !== key) {
        cached = {
            key,
            client: new connect.ConnectClient({
                region: resolvedRegion,
                credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken },
                retryStrategy: retryStrategy as unknown as connect.ConnectClientConfig['retryStrategy'],
            }),
        };
    }
    const client = cached.client;
    return {
        call: async (operation, input) => {
            try {
                return (await client.send(new (COMMANDS[operation] as any)(input))) as any;
            } catch (error) {
                // Say which call failed, for the message CloudFormation shows.
                if (error && typeof error === 'object') Object.defineProperty(error, 'operation', { value: operation });
                throw error;
            }
        },
    };
}
