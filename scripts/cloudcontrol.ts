// `npm run cloudcontrol -- [--port 4580] [--connect URL] [--region R] [--delay-scale S]`
// A local AWS Cloud Control API endpoint for this type: the handler behind it (the built bundle
// in the local Lambda runtime), Connect on the embedded emulator unless --connect names another.
import { parseArgs } from 'node:util';
import { startEmulator } from '../local/connect-emulator/server';
import { EMULATOR_CREDENTIALS } from '../local/lambda-runtime/backend';
import { startLocalCloudControl } from '../local/cloudcontrol/local';
import { ensureBuilt } from './build';

async function main() {
    const { values } = parseArgs({
        options: {
            port: { type: 'string', default: '4580' },
            host: { type: 'string', default: '127.0.0.1' },
            connect: { type: 'string' },
            region: { type: 'string', default: 'us-east-1' },
            'delay-scale': { type: 'string', default: '1' },
            verbose: { type: 'boolean', default: false },
        },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
    const delayScale = Number(values['delay-scale']);
    if (!(delayScale >= 0)) throw new Error(`--delay-scale must be a number of 0 or more, not "${values['delay-scale']}"`);
    if (await ensureBuilt()) console.log('[cloudcontrol] built dist/handlers.js');
    const emulator = values.connect ? undefined : await startEmulator({ port: 0 });
    process.env.AWS_ENDPOINT_URL_CONNECT = values.connect ?? emulator!.endpoint;
    const server = await startLocalCloudControl({
        port,
        host: values.host,
        region: values.region!,
        credentials: EMULATOR_CREDENTIALS,
        delayScale,
        onLog: values.verbose ? (line) => process.stdout.write(`[handler] ${line}\n`) : undefined,
    });
    const { endpoint } = server;
    const typeName = server.service.typeName;
    console.log(`Cloud Control API for ${typeName}: ${endpoint} (region ${values.region}; Connect at ${process.env.AWS_ENDPOINT_URL_CONNECT}${emulator ? ', the embedded emulator' : ''})`);
    console.log('Point a caller at it:');
    console.log(`  export AWS_ENDPOINT_URL_CLOUDCONTROL=${endpoint}      # AWS SDKs, AWS CLI 2.13+, the Go SDK's tools (Terraform awscc, Pulumi aws-native)`);
    console.log(`  export AWS_ENDPOINT_URL_CLOUDCONTROLAPI=${endpoint}   # Alchemy`);
    console.log(`  export AWS_ACCESS_KEY_ID=${EMULATOR_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${EMULATOR_CREDENTIALS.secretAccessKey} AWS_REGION=${values.region}`);
    console.log(`  aws cloudcontrol list-resources --type-name ${typeName} --endpoint-url ${endpoint}`);
    console.log('  (guide/callers.md: each caller, and those that cannot be pointed at a local endpoint)');
    const stop = async () => {
        await server.close();
        await emulator?.close();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error) => {
    console.error(`cloudcontrol: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
});
