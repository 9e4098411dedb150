// What CloudFormation sends a resource handler, and how it follows IN_PROGRESS: one place for
// the demo, `npm run invoke` and the tests.
import { ResourceModel } from '../../src/generated/models';

export type Properties = Record<string, any>;
export interface ProgressEventJson {
    status: 'SUCCESS' | 'FAILED' | 'IN_PROGRESS';
    errorCode?: string;
    message?: string;
    callbackContext?: Record<string, any>;
    callbackDelaySeconds?: number;
    resourceModel?: Properties;
    resourceModels?: Properties[];
    nextToken?: string;
}
export interface RequestOptions {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    previous?: Properties;
    context?: Record<string, any> | null;
    stackTags?: Record<string, string>;
    previousStackTags?: Record<string, string>;
    token?: string;
    nextToken?: string;
    region?: string;
    typeName?: string;
    /** CloudFormation is rolling a failed update back: the desired state is the last good template. */
    rollback?: boolean;
    /**
     * A request of the Cloud Control API, not of a stack: no stackId and no logical resource ID
     * [inferred: the TypeScript library names its log stream `<account>-<region>` for such requests].
     */
    standalone?: boolean;
    /** Provider logging, as every type registered with `cfn submit` gets it (its LoggingConfig). */
    provider?: { credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }; logGroupName: string };
}

let tokens = 0;

/** A HandlerRequest as CloudFormation sends it (what the Lambda `entrypoint` takes). */
export function handlerRequest(action: string, properties: Properties | undefined, options: RequestOptions) {
    return {
        action,
        awsAccountId: '123456789012',
        bearerToken: options.token ?? `bearer-${process.pid}-${Date.now()}-${++tokens}`,
        region: options.region ?? 'us-east-1',
        resourceType: options.typeName ?? ResourceModel.TYPE_NAME,
        resourceTypeVersion: '00000001',
        ...(options.standalone ? {} : { stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/local/00000000-0000-4000-8000-000000000000' }),
        requestData: {
            callerCredentials: options.credentials,
            resourceProperties: properties,
            previousResourceProperties: options.previous,
            stackTags: options.stackTags,
            previousStackTags: options.previousStackTags,
            ...(options.standalone ? {} : { logicalResourceId: 'ConnectUser' }),
            ...(options.provider ? { providerCredentials: options.provider.credentials, providerLogGroupName: options.provider.logGroupName } : {}),
        },
        callbackContext: options.context ?? null,
        nextToken: options.nextToken,
        ...(options.rollback ? { rollback: true } : {}),
    };
}

/**
 * The next event after IN_PROGRESS, as CloudFormation builds it: the returned callback context,
 * and the returned model as the properties (either event shape).
 */
export function nextEvent<E>(event: E, result: ProgressEventJson): E {
    const next = structuredClone(event) as any;
    next.callbackContext = result.callbackContext ?? null;
    if (result.resourceModel) {
        if (next.requestData) next.requestData.resourceProperties = result.resourceModel;
        else if (next.request) next.request.desiredResourceState = result.resourceModel;
    }
    return next;
}

/** Invokes until the handler is done, waiting each callback delay out (or not, with `wait`). */
export async function followProgress<E>(
    invoke: (event: E) => Promise<ProgressEventJson>,
    first: E,
    options: { wait?: (seconds: number) => Promise<void>; maxRounds?: number } = {},
): Promise<{ event: ProgressEventJson; rounds: ProgressEventJson[] }> {
    const wait = options.wait ?? ((seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000)));
    const rounds: ProgressEventJson[] = [];
    let event = first;
    for (let round = 0; round < (options.maxRounds ?? 50); round++) {
        const result = await invoke(event);
        rounds.push(result);
        if (result.status !== 'IN_PROGRESS') return { event: result, rounds };
        await wait(result.callbackDelaySeconds ?? 0);
        event = nextEvent(event, result);
    }
    throw new Error(`still IN_PROGRESS after ${rounds.length} rounds`);
}
