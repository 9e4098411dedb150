// `npm run emulator -- [--port N] [--host H] [--seed FILE] [--state FILE] [--quota RATE/BURST] [--stale READS[,MS]]`
import { parseArgs } from 'node:util';
import { parseConsistency } from './consistency';
import { loadSeed, seedArns } from './seed';
import { parseQuota, startEmulator } from './server';

export const DEFAULT_EMULATOR_PORT = 8610;

async function main() {
    const { values } = parseArgs({
        options: {
            port: { type: 'string', default: String(DEFAULT_EMULATOR_PORT) },
            host: { type: 'string', default: '127.0.0.1' },
            seed: { type: 'string' },
            state: { type: 'string' },
            quota: { type: 'string' },
            stale: { type: 'string' },
        },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
    const seed = values.seed ? loadSeed(values.seed) : undefined;
    const quota = values.quota ? parseQuota(values.quota) : undefined;
    const consistency = values.stale ? parseConsistency(values.stale) : undefined;
    const emulator = await startEmulator({ port, host: values.host, seed, stateFile: values.state, quota, consistency }).catch((error) => {
        if (error?.code === 'EADDRINUSE') throw new Error(`port ${port} is already in use (is an emulator already running? try --port)`);
        throw error;
    });
    console.log(`Amazon Connect emulator listening on ${emulator.endpoint}`);
    console.log(`  use it with: AWS_ENDPOINT_URL_CONNECT=${emulator.endpoint}`);
    for (const instance of emulator.service.instances.values()) {
        const arns = seedArns(instance);
        console.log(`  instance ${arns.instanceArn} (${instance.alias}, ${instance.identityManagementType}, ${instance.users.size} users)`);
        for (const [label, items] of [['routing profile', arns.routingProfiles], ['security profile', arns.securityProfiles], ['hierarchy group', arns.hierarchyGroups]] as const) {
            for (const [name, arn] of Object.entries(items)) console.log(`    ${label} ${name}: ${arn}`);
        }
        for (const attribute of instance.predefinedAttributes) console.log(`    predefined attribute ${attribute.name}: ${attribute.values.join(', ')}`);
    }
    if (values.state) console.log(`  state file: ${values.state}`);
    console.log(quota ? `  API quota: ${quota.rate} requests/s, burst ${quota.burst}, per operation (429 ThrottlingException beyond)` : '  API quota: off (--quota 2/5 for Connect\'s default)');
    console.log(
        consistency
            ? `  consistency: after each change to a user, its next ${consistency.staleReads} reads and the reads of the next ${consistency.staleMs} ms show it as it was`
            : '  consistency: reads show every change at once (--stale 2 or --stale 0,2000 for Connect\'s lag)',
    );
    console.log(`  admin API: ${emulator.endpoint}/__emulator/{health,journal,faults,quota,consistency,settle,reset,users}`);
    const stop = async () => {
        await emulator.close();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

if (require.main === module) {
    main().catch((error) => {
        console.error(`emulator: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
    });
}
