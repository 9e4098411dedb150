// The Lambda entrypoints: what every action shares before its handler runs (credentials, the
// callback context opened and sealed, the account and Region, the handler's clock), and which
// handler each action runs. The library is driven from src/runtime/.
import { Action, HandlerErrorCode, LoggerProxy, OperationStatus, ProgressEvent, ResourceHandlerRequest, SessionProxy } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { connectFor } from './client';
import { clock } from './clock';
import { openContext, sealContext } from './context';
import { HANDLER_TIMEOUT_MS } from './generated/handler-timeouts';
import { create } from './handlers/create';
import { remove } from './handlers/delete';
import { list } from './handlers/list';
import { read } from './handlers/read';
import { update } from './handlers/update';
import type { Invocation } from './runtime/invocation';
import { lambdaEntrypoints } from './runtime/resource';
import { outOfScope } from './scope';
import { ResourceModel } from './generated/models';
import { failed, HandlerArgs } from './contract';
import { CallbackContext } from './context';

type Handler = (args: HandlerArgs) => Promise<ProgressEvent<ResourceModel>>;
const HANDLERS: Record<Action, Handler> = { [Action.Create]: create, [Action.Read]: read, [Action.Update]: update, [Action.Delete]: remove, [Action.List]: list };

async function run(action: Action, session: SessionProxy | undefined, request: ResourceHandlerRequest<ResourceModel>, received: unknown, logger: LoggerProxy, invocation: Invocation | undefined) {
    const connect = connectFor(session, request.region);
    if (!connect) return failed(HandlerErrorCode.InvalidCredentials, 'The request carries no caller credentials to call Amazon Connect with.');
    // A callback context is this handler's answer to this very request, or it is refused (context.ts).
    const binding = { token: request.clientRequestToken ?? '', account: request.awsAccountId ?? '', region: request.region ?? '', stack: invocation?.stackId ?? '', resource: request.logicalResourceIdentifier ?? '', action };
    const opened = openContext(received, binding);
    if (!opened.ok) return failed(HandlerErrorCode.InvalidRequest, opened.message);
    // Nothing of another account, Region or partition is sent to Connect: the user of a READ or
    // DELETE that names one is not here (NotFound); a template that names one is to correct.
    const previous = invocation?.previous as { UserArn?: unknown } | undefined;
    const foreign = outOfScope(invocation?.desired, request) ?? outOfScope({ UserArn: previous?.UserArn }, request);
    if (foreign) return failed(action === Action.Read || action === Action.Delete ? HandlerErrorCode.NotFound : HandlerErrorCode.InvalidRequest, foreign);
    // The first invocation of an operation starts its clock: retries stop when the handler's timeoutInMinutes would pass.
    const timed = Object.hasOwn(HANDLER_TIMEOUT_MS, action) ? HANDLER_TIMEOUT_MS[action as keyof typeof HANDLER_TIMEOUT_MS] : undefined;
    const context = timed ? { deadline: clock().now() + timed, ...opened.context } : opened.context;
    const answer = await HANDLERS[action]({ connect, request, context, logger, raw: { desired: invocation?.desired, previous: invocation?.previous, nextToken: invocation?.nextToken, checked: invocation?.checked, rollback: invocation?.rollback, stackTags: invocation?.stackTags ?? {} } });
    if (answer.status === OperationStatus.InProgress && answer.callbackContext) answer.callbackContext = sealContext(answer.callbackContext as CallbackContext, binding);
    return answer;
}

export const { resource, entrypoint, testEntrypoint } = lambdaEntrypoints(run);
/** For tests and simulations: the handler's time and chance (clock.ts). */
export { useClock, REAL_CLOCK } from './clock';
