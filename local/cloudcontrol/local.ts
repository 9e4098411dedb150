// The Cloud Control stand-in wired to this project: the type's schema, its handler run by the
// local Lambda runtime (template.yml's TypeFunction, the built bundle), and Connect where the
// backend says (the emulator by default).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lambda-runtime/backend';
import { handlerRequest, type ProgressEventJson } from '../lambda-runtime/cloudformation';
import { LambdaFunction } from '../lambda-runtime/runtime';
import { readFunctions } from '../lambda-runtime/template';
import { startCloudControlServer, type CloudControlServer, type Credentials } from './server';
import { CloudControl, type Invoke } from './service';

export interface LocalCloudControlOptions {
    port?: number;
    host?: string;
    region: string;
    /** The credentials the handler calls Connect with (the caller's, as Cloud Control passes them). */
    credentials: Credentials;
    /** Multiplies the handler's callback delays (1: waited out as the service does). */
    delayScale?: number;
    onLog?: (line: string) => void;
}

/** The type's schema, as registered: the file .rpdk-config names. */
export function typeSchema() {
    const typeName: string = JSON.parse(readFileSync(join(REPO_ROOT, '.rpdk-config'), 'utf8')).typeName;
    return JSON.parse(readFileSync(join(REPO_ROOT, `${typeName.toLowerCase().replace(/::/g, '-')}.json`), 'utf8'));
}

export async function startLocalCloudControl(options: LocalCloudControlOptions): Promise<CloudControlServer> {
    const definition = readFunctions(join(REPO_ROOT, 'template.yml')).get('TypeFunction')!;
    const handler = new LambdaFunction(definition, { onLog: options.onLog });
    const invoke: Invoke = async (action, properties, { previous, context, token, nextToken }) => {
        const event = handlerRequest(action, properties, { credentials: options.credentials, region: options.region, previous, context, token, nextToken, standalone: true });
        const result = await handler.invoke(event);
        if (!result.ok) return { status: 'FAILED', errorCode: 'InternalFailure', message: `${result.error.errorType}: ${result.error.errorMessage}` } satisfies ProgressEventJson;
        return result.result as ProgressEventJson;
    };
    const service = new CloudControl({ schema: typeSchema(), invoke, delayScale: options.delayScale });
    return startCloudControlServer(service, { port: options.port, host: options.host, region: options.region, credentials: [options.credentials] });
}
