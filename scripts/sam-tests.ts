// `npm run sam-tests -- [--user-arn ARN] [--endpoint URL] [--out DIR]`
// SAM passes an event to the function as it is, so the sam-tests events that name the user
// (read, update, delete) need its real UserArn, which Connect assigns at create. This writes
// every sam-tests event, runnable, to .sam-tests/: the UserArn is --user-arn, or else the one the
// running emulator gave the Username of sam-tests/create.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_EMULATOR_PORT } from '../local/connect-emulator/cli';
import { fillPlaceholders } from '../local/lambda-runtime/backend';

const ROOT = join(__dirname, '..');
const EVENTS = join(ROOT, 'sam-tests');

const isEvent = (file: string) => file.endsWith('.json') && file !== 'env.json';

/** The UserArn the emulator at `endpoint` holds for `username`, through its admin API. */
export async function emulatorUserArn(endpoint: string, username: string): Promise<string | undefined> {
    const response = await fetch(`${endpoint}/__emulator/users`).catch((error) => {
        throw new Error(`no emulator answers at ${endpoint} (${error.cause?.code ?? error.message}): start it with npm run emulator, or pass --user-arn`);
    });
    const { users } = (await response.json()) as { users: { username: string; arn: string }[] };
    return users.find((user) => user.username === username)?.arn;
}

/** Every event of sam-tests/ with its placeholders filled, by file name. */
export async function runnableEvents(options: { userArn?: string; endpoint?: string }): Promise<Map<string, unknown>> {
    const files = readdirSync(EVENTS).filter(isEvent).sort();
    const read = (file: string) => JSON.parse(readFileSync(join(EVENTS, file), 'utf8'));
    const username = read('create.json').request.desiredResourceState.Username as string;
    const userArn = options.userArn ?? (await emulatorUserArn(options.endpoint ?? `http://127.0.0.1:${DEFAULT_EMULATOR_PORT}`, username));
    if (!userArn) throw new Error(`the emulator has no user ${username}: run sam-tests/create.json first (sam local invoke TestEntrypoint --event sam-tests/create.json ...), or pass --user-arn`);
    return new Map(files.map((file) => [file, fillPlaceholders(read(file), { UserArn: userArn })]));
}

if (require.main === module) {
    const { values } = parseArgs({ options: { 'user-arn': { type: 'string' }, endpoint: { type: 'string' }, out: { type: 'string', default: join(ROOT, '.sam-tests') } } });
    runnableEvents({ userArn: values['user-arn'], endpoint: values.endpoint }).then(
        (events) => {
            mkdirSync(values.out!, { recursive: true });
            for (const [file, event] of events) writeFileSync(join(values.out!, file), `${JSON.stringify(event, null, 2)}\n`);
            console.log(`wrote ${[...events.keys()].join(', ')} to ${values.out}`);
        },
        (error) => {
            console.error(`sam-tests: ${error instanceof Error ? error.message : error}`);
            process.exit(2);
        },
    );
}
