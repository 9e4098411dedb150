// `npm run soak -- [--lifecycles 200] [--concurrency 8] [--seed S] [--max-seconds 600] [--stale READS[,MS]]`
// The long soak, with templates that use the per-channel settings too; exits 1 unless divergences, orphans, duplicates, failed steps and leaks are all 0.
import { parseArgs } from 'node:util';
import { parseConsistency } from '../local/connect-emulator/consistency';
import { formatReport, runSoak } from './harness/soak';
import { seededUserModelWithChannels } from './harness/arbitraries';
import { ensureBuilt } from './build';

async function main() {
    const { values } = parseArgs({
        options: {
            lifecycles: { type: 'string', default: '200' },
            concurrency: { type: 'string', default: '8' },
            seed: { type: 'string', default: '20261122' },
            'max-seconds': { type: 'string', default: '600' },
            stale: { type: 'string' },
        },
    });
    const { stale, ...counts } = values;
    const consistency = stale ? parseConsistency(stale) : undefined;
    const numbers = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
    for (const [name, value] of Object.entries(numbers)) if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
    await ensureBuilt();
    const lag = consistency ? `, reads lagging ${consistency.staleReads} reads and ${consistency.staleMs} ms behind each change` : '';
    console.log(`Soak: ${numbers.lifecycles} lifecycles, ${numbers.concurrency} at a time, seed ${numbers.seed}, at most ${numbers['max-seconds']} s${lag}`);
    const report = await runSoak({ lifecycles: numbers.lifecycles, concurrency: numbers.concurrency, seed: numbers.seed, maxSeconds: numbers['max-seconds'], models: seededUserModelWithChannels, consistency });
    console.log(formatReport(report));
    for (const line of [...report.failedSteps, ...report.divergences].slice(0, 10)) console.log(`  ${line}`);
    const clean = report.divergences.length + report.failedSteps.length + report.orphans + report.duplicates + report.secretLeaks === 0;
    return clean ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(`soak: ${error instanceof Error ? error.message : error}`);
        process.exit(2);
    },
);
