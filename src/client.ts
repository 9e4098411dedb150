// The Connect client, built from the caller's credentials and region. The SDK itself honours
// AWS_ENDPOINT_URL_CONNECT and AWS_ENDPOINT_URL, so the same bundle runs against the local
// emulator or Amazon Connect.
import * as connect from '@aws-sdk/client-connect';
import type { SessionProxy } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';

/**
 * The SDK retries throttles, 500s and dropped connections itself, 3 attempts in all, with its
 * token bucket; when those are spent the handler answers IN_PROGRESS and CloudFormation calls
 * back after a backoff (progress.ts). So a throttled step costs at most
 * SDK_MAX_ATTEMPTS x (MAX_TRANSIENT_RETRIES + 1) calls.
 */
export const SDK_MAX_ATTEMPTS = 3;

/** Every Connect operation the handlers call, by name: plan steps name them. */
const COMMANDS = {
    CreateUser: connect.CreateUserCommand,
    DescribeUser: connect.DescribeUserCommand,
    ListUsers: connect.ListUsersCommand,
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
type Input<O extends Operation> = ConstructorParameters<(typeof COMMANDS)[O]>[0];
interface Outputs {
    CreateUser: connect.CreateUserCommandOutput;
    DescribeUser: connect.DescribeUserCommandOutput;
    ListUsers: connect.ListUsersCommandOutput;
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
                maxAttempts: SDK_MAX_ATTEMPTS,
                retryMode: 'standard',
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
