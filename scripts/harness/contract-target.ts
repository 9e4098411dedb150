// Where the contract suite runs: a Lambda Invoke endpoint (ours from start-lambda, or any other),
// in front of the local emulator or of real AWS. Only the wire format crosses this line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedArns } from '../../local/connect-emulator/seed';
import type { Consistency } from '../../local/connect-emulator/consistency';
import { Emulator, startEmulator } from '../../local/connect-emulator/server';
import { Backend, EMULATOR_CREDENTIALS, openBackend, REPO_ROOT, useBackend } from '../../local/lambda-runtime/backend';
import { ProgressEventJson, Properties } from '../../local/lambda-runtime/cloudformation';
import { startLambdaServer } from '../../local/lambda-runtime/server';
import { FunctionDefinition, readFunctions } from '../../local/lambda-runtime/template';
import { ContractSchema, ContractTarget } from './contract-suite';
import { SCHEMA_PATH } from '../../tools/resource-schema';

export function loadContractInputs() {
    const read = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'inputs', `inputs_1_${name}.json`), 'utf8')) as Properties;
    return { create: read('create'), update: read('update'), invalid: read('invalid') };
}

export function loadContractSchema(): ContractSchema {
    return JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
}

/** A Lambda Invoke endpoint as the target; a handler crash is a contract failure. */
export function endpointTarget(endpoint: string, functionName = 'TypeFunction'): ContractTarget {
    return {
        async invoke(event) {
            const response = await fetch(`${endpoint}/2015-03-31/functions/${functionName}/invocations`, { method: 'POST', body: JSON.stringify(event) });
            const body = await response.text();
            if (response.status !== 200) throw new Error(`the Lambda endpoint answered ${response.status}: ${body}`);
            if (response.headers.get('x-amz-function-error')) throw new Error(`the handler crashed: ${body}`);
            return JSON.parse(body) as ProgressEventJson;
        },
    };
}

export interface LocalTarget {
    target: ContractTarget;
    /** Every handler log line and every event, for the secret scan. */
    captured: { logs: string[]; events: unknown[] };
    emulator?: Emulator;
    credentials: Backend['credentials'];
    region: string;
    close(): Promise<void>;
}

/** Our start-lambda in this process, in front of a fresh emulator, or of AWS when a backend is given. */
export async function startLocalTarget(options: { backend?: Backend; functions?: Map<string, FunctionDefinition>; functionName?: string; consistency?: Partial<Consistency> } = {}): Promise<LocalTarget> {
    let emulator: Emulator | undefined;
    if (options.backend) {
        useBackend(options.backend);
    } else {
        emulator = await startEmulator({ consistency: options.consistency });
        useBackend({ region: 'us-east-1', endpoint: emulator.endpoint });
    }
    const functions = options.functions ?? readFunctions(join(REPO_ROOT, 'template.yml'));
    const captured = { logs: [] as string[], events: [] as unknown[] };
    const server = await startLambdaServer(functions, { port: 0, log: (line) => captured.logs.push(line) });
    const target = endpointTarget(server.endpoint, options.functionName);
    return {
        target: {
            invoke: async (event) => {
                const result = await target.invoke(event);
                captured.events.push(result);
                return result;
            },
        },
        captured,
        emulator,
        credentials: options.backend?.credentials ?? EMULATOR_CREDENTIALS,
        region: options.backend?.region ?? 'us-east-1',
        close: async () => {
            await server.close();
            await emulator?.close();
        },
    };
}

/** What the suite needs of a real Connect instance, from the environment; undefined when absent. */
export const AWS_VARIABLES = ['CONNECT_INSTANCE_ARN', 'CONNECT_ROUTING_PROFILE_ARN', 'CONNECT_SECURITY_PROFILE_ARN'] as const;
export function awsContractConfig(env = process.env) {
    if (AWS_VARIABLES.some((name) => !env[name])) return undefined;
    return {
        instanceArn: env.CONNECT_INSTANCE_ARN!,
        routingProfileArn: env.CONNECT_ROUTING_PROFILE_ARN!,
        securityProfileArn: env.CONNECT_SECURITY_PROFILE_ARN!,
        hierarchyGroupArn: env.CONNECT_HIERARCHY_GROUP_ARN,
        region: env.AWS_REGION ?? env.CONNECT_INSTANCE_ARN!.split(':')[3],
    };
}

/**
 * The inputs, moved to a real instance: the seed's ARNs become the instance's, and what the
 * instance may not have (hierarchy groups without CONNECT_HIERARCHY_GROUP_ARN, the seed's
 * predefined attributes) is left out.
 */
export function adaptToInstance(model: Properties, config: NonNullable<ReturnType<typeof awsContractConfig>>): Properties {
    const seed = seedArns();
    const adapted: Properties = { ...model, InstanceArn: config.instanceArn, RoutingProfileArn: config.routingProfileArn, SecurityProfileArns: [config.securityProfileArn] };
    delete adapted.UserProficiencies;
    if (config.hierarchyGroupArn && model.HierarchyGroupArn) adapted.HierarchyGroupArn = config.hierarchyGroupArn;
    else delete adapted.HierarchyGroupArn;
    return JSON.parse(JSON.stringify(adapted).split(seed.instanceArn).join(config.instanceArn));
}

export async function openAwsTarget(config: NonNullable<ReturnType<typeof awsContractConfig>>) {
    const backend = await openBackend({ aws: true, region: config.region });
    return startLocalTarget({ backend });
}
