// `npm run start-lambda -- [--port 3001] [--host H] [--aws] [--region R] [--fresh] [--verbose]`
// What `sam local start-lambda` does, with Node only: `cfn test --endpoint http://127.0.0.1:3001`
// (or any Lambda client) drives the provider against the emulator, or against AWS with --aws.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './build';
import { openBackend, REPO_ROOT, useBackend } from '../local/lambda-runtime/backend';
import { startLambdaServer } from '../local/lambda-runtime/server';
import { readFunctions } from '../local/lambda-runtime/template';

async function main() {
    const { values } = parseArgs({
        options: {
            port: { type: 'string', default: '3001' },
            host: { type: 'string', default: '127.0.0.1' },
            aws: { type: 'boolean', default: false },
            region: { type: 'string' },
            fresh: { type: 'boolean', default: false },
            verbose: { type: 'boolean', default: false },
            template: { type: 'string', default: join(REPO_ROOT, 'template.yml') },
        },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
    const functions = readFunctions(values.template!);
    if (await ensureBuilt()) console.log('[start-lambda] built dist/handlers.js');
    const backend = await openBackend({ aws: values.aws, region: values.region });
    useBackend(backend);
    const server = await startLambdaServer(functions, { port, host: values.host, fresh: values.fresh }).catch(async (error) => {
        await backend.close();
        if (error?.code === 'EADDRINUSE') throw new Error(`port ${port} is already in use (pass --port)`);
        throw error;
    });
    console.log(`Lambda invoke endpoint: ${server.endpoint} (functions: ${[...functions.keys()].join(', ')})`);
    console.log(`  Connect calls go to ${backend.description}`);
    console.log(`  cfn test --endpoint ${server.endpoint}   or any Lambda client with that endpoint`);
    const stop = async () => {
        await server.close();
        await backend.close();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

if (require.main === module) {
    main().catch((error) => {
        console.error(`start-lambda: ${error instanceof Error ? error.message : error}`);
        if (process.argv.includes('--verbose') && error instanceof Error) console.error(error.stack);
        process.exit(2);
    });
}
