// `npm run contract -- [--runs N] [--seed S] [--stale READS[,MS]] [--aws] [--endpoint URL] [--function NAME]`
// The CloudFormation resource contract (scripts/harness/contract-suite.ts) against our bundle behind the
// Lambda Invoke API: on the emulator by default, on a real instance with --aws (see guide/testing.md),
// or against any Lambda endpoint (sam local start-lambda, our start-lambda) with --endpoint.
import { parseArgs } from 'node:util';
import { parseConsistency } from '../local/connect-emulator/consistency';
import { EMULATOR_CREDENTIALS } from '../local/lambda-runtime/backend';
import { adaptToInstance, AWS_VARIABLES, awsContractConfig, endpointTarget, loadContractInputs, loadContractSchema, openAwsTarget, startLocalTarget } from './harness/contract-target';
import { runContract } from './harness/contract-suite';
import { seededUserModelWithChannels } from './harness/arbitraries';
import { ensureBuilt } from './build';

async function main() {
    const { values } = parseArgs({
        options: {
            runs: { type: 'string' },
            seed: { type: 'string', default: '20261122' },
            aws: { type: 'boolean', default: false },
            endpoint: { type: 'string' },
            function: { type: 'string', default: 'TypeFunction' },
            stale: { type: 'string' },
        },
    });
    const runs = Number(values.runs ?? (values.aws ? 3 : 24));
    if (!Number.isInteger(runs) || runs < 0) throw new Error(`--runs must be a whole number, not "${values.runs}"`);
    await ensureBuilt();
    const inputs = loadContractInputs();
    const config = values.aws ? awsContractConfig() : undefined;
    if (values.aws && !config) throw new Error(`--aws needs ${AWS_VARIABLES.join(', ')} in the environment (and AWS credentials)`);
    const consistency = values.stale ? parseConsistency(values.stale) : undefined;
    const local = values.endpoint ? undefined : config ? await openAwsTarget(config) : await startLocalTarget({ consistency });
    const target = values.endpoint ? endpointTarget(values.endpoint, values.function) : local!.target;
    const lag = consistency ? ` whose reads lag ${consistency.staleReads} reads and ${consistency.staleMs} ms behind each change` : '';
    console.log(`Resource contract of AWS::Connect::User on ${values.endpoint ?? (config ? `instance ${config.instanceArn}` : `the local emulator${lag}`)}, ${runs} generated runs (seed ${values.seed})`);
    try {
        const results = await runContract(target, {
            schema: loadContractSchema(),
            inputs: config ? { create: adaptToInstance(inputs.create, config), update: adaptToInstance(inputs.update, config), invalid: inputs.invalid } : inputs,
            credentials: local?.credentials ?? EMULATOR_CREDENTIALS,
            region: local?.region,
            // Generated models name the emulator's seed; on a real instance only the fixed inputs run.
            generated: config ? undefined : seededUserModelWithChannels,
            runs,
            seed: Number(values.seed),
            log: (line) => console.log(line),
        });
        const failed = results.filter((r) => !r.ok).length;
        console.log(`${results.length - failed} passed, ${failed} failed`);
        return failed === 0 ? 0 : 1;
    } finally {
        await local?.close();
    }
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(`contract: ${error instanceof Error ? error.message : error}`);
        process.exit(2);
    },
);
