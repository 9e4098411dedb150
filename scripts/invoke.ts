// `npm run invoke -- <TypeFunction|TestEntrypoint> --event FILE [--aws] [--region R] [--no-follow] [--fresh] [--verbose]`
// What `sam local invoke` does, with Node only: runs the function template.yml names on the
// event, follows IN_PROGRESS as CloudFormation does, prints the handler's log and the final
// ProgressEvent, and exits 1 when it FAILED.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './build';
import { asBackendCaller, fillPlaceholders, openBackend, placeholderValues, REPO_ROOT, saveOutputs, useBackend } from '../local/lambda-runtime/backend';
import { nextEvent } from '../local/lambda-runtime/cloudformation';
import { LambdaFunction } from '../local/lambda-runtime/runtime';
import { readFunctions } from '../local/lambda-runtime/template';

const USAGE = 'usage: npm run invoke -- <TypeFunction|TestEntrypoint> --event FILE [--aws] [--region R] [--no-follow] [--fresh] [--verbose]';

class UsageError extends Error {}

function readEvent(file: string): any {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new UsageError(`cannot read the event file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new UsageError(`the event file ${file} is not valid JSON: ${(error as Error).message}`);
    }
}

async function main(argv: string[]) {
    const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            event: { type: 'string', short: 'e' },
            aws: { type: 'boolean', default: false },
            region: { type: 'string' },
            'no-follow': { type: 'boolean', default: false },
            fresh: { type: 'boolean', default: false },
            verbose: { type: 'boolean', default: false },
            template: { type: 'string', default: join(REPO_ROOT, 'template.yml') },
        },
    });
    const [name] = positionals;
    if (!name || !values.event) throw new UsageError(USAGE);
    const functions = readFunctions(values.template!);
    const definition = functions.get(name);
    if (!definition) throw new UsageError(`unknown function ${name}: template.yml declares ${[...functions.keys()].join(', ')}`);
    const template = readEvent(values.event);
    if (await ensureBuilt()) console.error('[invoke] built dist/handlers.js');

    const backend = await openBackend({ aws: values.aws, region: values.region });
    try {
        useBackend(backend);
        console.error(`[invoke] ${name} on ${backend.description}`);
        const fn = new LambdaFunction(definition, { fresh: values.fresh, onLog: (line) => process.stderr.write(`  | ${line}\n`) });
        let event = asBackendCaller(fillPlaceholders(template, placeholderValues(backend)), backend);
        for (let round = 1; ; round++) {
            const outcome = await fn.invoke(event);
            if (!outcome.ok) {
                console.log(JSON.stringify(outcome.error, null, 2));
                console.error(`[invoke] ${name} crashed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
                return 1;
            }
            const result = outcome.result as any;
            const status = result?.status;
            console.error(`[invoke] ${event.action} round ${round}: ${status}${status === 'IN_PROGRESS' ? ` (call back in ${result.callbackDelaySeconds ?? 0}s)` : ''} in ${outcome.durationMs.toFixed(0)} ms`);
            if (status === 'IN_PROGRESS' && !values['no-follow']) {
                await new Promise((resolve) => setTimeout(resolve, (result.callbackDelaySeconds ?? 0) * 1000));
                event = nextEvent(event, result);
                continue;
            }
            console.log(JSON.stringify(result, null, 2));
            if (status === 'SUCCESS' && result.resourceModel?.UserArn) saveOutputs(backend, { UserArn: result.resourceModel.UserArn });
            return status === 'FAILED' ? 1 : 0;
        }
    } finally {
        await backend.close();
    }
}

if (require.main === module) {
    const verbose = process.argv.includes('--verbose');
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (error) => {
            console.error(`invoke: ${error instanceof Error ? error.message : error}`);
            if (verbose && error instanceof Error && !(error instanceof UsageError)) console.error(error.stack);
            process.exit(2);
        },
    );
}
