// `npm run bench:stack -- --users N [--quota 2/5] [--stale-ms MS] [--time-scale S] [--workers W]`
// A stack of N users under Amazon Connect's API quota: create all, update all, delete all, as
// CloudFormation drives them (scripts/stack/run-stack.ts). Prints the figures of each phase.
import { parseArgs } from 'node:util';
import { CONNECT_DEFAULT_QUOTA, parseQuota } from '../local/connect-emulator/server';
import { ensureBuilt } from './build';
import { runStack } from './stack/run-stack';

async function main() {
    const { values } = parseArgs({
        options: {
            users: { type: 'string', default: '40' },
            quota: { type: 'string', default: `${CONNECT_DEFAULT_QUOTA.rate}/${CONNECT_DEFAULT_QUOTA.burst}` },
            'time-scale': { type: 'string', default: '1' },
            workers: { type: 'string' },
            'stale-ms': { type: 'string', default: '0' },
        },
    });
    const users = Number(values.users);
    const timeScale = Number(values['time-scale']);
    if (!Number.isInteger(users) || users < 1) throw new Error(`--users must be a whole number of at least 1, not "${values.users}"`);
    if (!(timeScale > 0 && timeScale <= 1)) throw new Error(`--time-scale must be in (0, 1], not "${values['time-scale']}"`);
    const quota = parseQuota(values.quota!);
    const staleMs = Number(values['stale-ms']);
    if (!Number.isInteger(staleMs) || staleMs < 0) throw new Error(`--stale-ms must be a whole number of milliseconds, not "${values['stale-ms']}"`);
    await ensureBuilt();
    const lag = staleMs > 0 ? `, reads of a user lag ${staleMs} ms behind each change to it` : '';
    console.log(`A stack of ${users} AWS::Connect::User resources, Connect quota ${quota.rate}/s burst ${quota.burst} per operation${lag}${timeScale === 1 ? '' : `, time scale ${timeScale} (times below are stack seconds)`}`);
    const report = await runStack({ users, quota, timeScale, staleMs, workers: values.workers ? Number(values.workers) : undefined, log: (line) => console.log(line) });
    console.log(`users left behind ${report.usersLeft}, duplicates ${report.duplicates}; ${report.workers} worker threads, ${users} containers, peak RSS ${report.peakRssMiB} MiB`);
    const failed = report.phases.some((p) => p.success !== users) || report.usersLeft > 0 || report.duplicates > 0;
    return failed ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(`bench:stack: ${error instanceof Error ? error.message : error}`);
        process.exit(2);
    },
);
