// A stack of N AWS::Connect::User resources declared side by side, against the emulator with
// Connect's API quota: CloudFormation creates, updates and deletes them all at once, each in its
// own Lambda container, re-invoking after each callback delay. Figures per phase.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { seedArns } from '../../local/connect-emulator/seed';
import { JournalEntry, Quota, startEmulator } from '../../local/connect-emulator/server';
import { EMULATOR_CREDENTIALS } from '../../local/lambda-runtime/backend';
import type { Properties } from '../../local/lambda-runtime/cloudformation';
import { BUNDLE } from '../build';
import type { Job, JobResult, WorkerSetup } from './worker';

export interface StackOptions {
    users: number;
    quota: Quota;
    /** Real seconds per stack second: the emulator's rate is divided by it and callback delays multiplied (1 = real time). */
    timeScale?: number;
    /** Worker threads hosting the containers (default: the cores, at most 4). */
    workers?: number;
    /** Milliseconds (stack time) that a user's reads lag behind each change to it (0: consistent). */
    staleMs?: number;
    log?: (line: string) => void;
}

export interface PhaseReport {
    action: Job['action'];
    success: number;
    failed: Record<string, number>;
    /** Stack seconds (real seconds / timeScale). */
    seconds: number;
    /** The quota floor: the busiest operation's successful calls minus the burst, over the rate. */
    floorSeconds: number;
    busiestOperation: string;
    calls: number;
    throttled: number;
    successfulCalls: number;
    maxInvocations: number;
    /** Per operation: successful calls / throttled calls. */
    byOperation: Record<string, { ok: number; throttled: number }>;
    firstFailure?: string;
}

export interface StackReport {
    users: number;
    quota: Quota;
    timeScale: number;
    workers: number;
    phases: PhaseReport[];
    usersLeft: number;
    duplicates: number;
    peakRssMiB: number;
}

const PASSWORD = 'Stack-Bench-Passw0rd';

function templates(users: number) {
    const seed = seedArns();
    const base = (i: number): Properties => ({
        InstanceArn: seed.instanceArn,
        Username: `stack-agent-${String(i).padStart(4, '0')}`,
        Password: PASSWORD,
        IdentityInfo: { FirstName: 'Stack', LastName: `Agent ${i}` },
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 },
        SecurityProfileArns: [seed.securityProfiles.Agent],
        RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
        Tags: [{ Key: 'team', Value: 'blue' }],
    });
    // The update: one more security profile and a changed tag, as the issue's stack does.
    const changed = (model: Properties): Properties => ({ ...model, SecurityProfileArns: [seed.securityProfiles.Agent, seed.securityProfiles.QualityAnalyst], Tags: [{ Key: 'team', Value: 'green' }] });
    return Array.from({ length: users }, (_, i) => ({ create: base(i), changed }));
}

export async function runStack(options: StackOptions): Promise<StackReport> {
    const timeScale = options.timeScale ?? 1;
    const log = options.log ?? (() => {});
    const scaled: Quota = { rate: options.quota.rate / timeScale, burst: options.quota.burst };
    const emulator = await startEmulator({ quota: scaled, consistency: { staleMs: Math.round((options.staleMs ?? 0) * timeScale) } });
    const workerCount = Math.max(1, Math.min(options.workers ?? Math.min(4, availableParallelism()), options.users));
    const setup: WorkerSetup = { bundle: BUNDLE, endpoint: emulator.endpoint, credentials: EMULATOR_CREDENTIALS, timeScale };
    // Node 20 does not start a .ts worker through --import tsx: register tsx inside the worker instead.
    const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;
    const workers = Array.from({ length: workerCount }, () => new Worker(boot, { eval: true, workerData: setup }));
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    try {
        const resources = templates(options.users);
        await warm(workers, resources.length);
        const created: Properties[] = [];
        const phases: PhaseReport[] = [];
        const runPhase = async (action: Job['action'], jobs: Job[]) => {
            const since = emulator.journal.length === 0 ? 0 : emulator.journal[emulator.journal.length - 1].seq;
            const started = performance.now();
            const results = await dispatch(workers, jobs);
            const seconds = (performance.now() - started) / 1000 / timeScale;
            const entries = emulator.journal.filter((e) => e.seq > since);
            const report = phaseReport(action, results, entries, seconds, options.quota);
            phases.push(report);
            log(formatPhase(report));
            return results;
        };
        const createResults = await runPhase('CREATE', resources.map((r, id) => ({ id, action: 'CREATE', properties: r.create })));
        for (const result of createResults) created[result.id] = result.resourceModel ?? {};
        const updateJobs: Job[] = resources.map((r, id) => ({ id, action: 'UPDATE', properties: { ...r.changed(r.create), UserArn: created[id].UserArn }, previous: r.create }));
        await runPhase('UPDATE', updateJobs.filter((job) => job.properties.UserArn));
        await runPhase('DELETE', resources.map((_, id) => ({ id, action: 'DELETE', properties: { UserArn: created[id].UserArn } } as Job)).filter((job) => job.properties.UserArn));
        const left = emulator.users().filter((u) => u.username.startsWith('stack-agent-'));
        return {
            users: options.users,
            quota: options.quota,
            timeScale,
            workers: workerCount,
            phases,
            usersLeft: left.length,
            duplicates: Math.max(0, emulator.service.usersEverCreated - options.users),
            peakRssMiB: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1048576),
        };
    } finally {
        clearInterval(sampler);
        await Promise.all(workers.map((w) => w.terminate()));
        await emulator.close();
    }
}

/** Loads every resource's container in the worker that will run it (the same id % workers rule as dispatch). */
async function warm(workers: Worker[], count: number) {
    await Promise.all(
        workers.map(
            (worker, w) =>
                new Promise<void>((resolve) => {
                    worker.once('message', () => resolve());
                    worker.postMessage({ warm: Array.from({ length: count }, (_, id) => id).filter((id) => id % workers.length === w) });
                }),
        ),
    );
}

/** Hands the jobs out round-robin, one container per resource, and gathers every result. */
function dispatch(workers: Worker[], jobs: Job[]): Promise<JobResult[]> {
    return new Promise((resolve) => {
        const results: JobResult[] = [];
        if (jobs.length === 0) return resolve(results);
        const onMessage = (result: JobResult) => {
            results.push(result);
            if (results.length === jobs.length) {
                for (const worker of workers) worker.off('message', onMessage);
                resolve(results);
            }
        };
        for (const worker of workers) worker.on('message', onMessage);
        // The same resource always lands in the same worker, so its container stays warm across phases.
        workers.forEach((worker, w) => worker.postMessage(jobs.filter((job) => job.id % workers.length === w)));
    });
}

function phaseReport(action: Job['action'], results: JobResult[], entries: JournalEntry[], seconds: number, quota: Quota): PhaseReport {
    const failed: Record<string, number> = {};
    for (const r of results) if (r.status !== 'SUCCESS') failed[r.errorCode ?? r.status] = (failed[r.errorCode ?? r.status] ?? 0) + 1;
    const succeededBy = new Map<string, number>();
    for (const e of entries) if (e.status < 400 || e.status === 404) succeededBy.set(e.operation, (succeededBy.get(e.operation) ?? 0) + 1);
    const [busiestOperation, busiest] = [...succeededBy].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
    const throttled = entries.filter((e) => e.status === 429).length;
    const byOperation: PhaseReport['byOperation'] = {};
    for (const e of entries) {
        const counts = (byOperation[e.operation] ??= { ok: 0, throttled: 0 });
        if (e.status === 429) counts.throttled++;
        else counts.ok++;
    }
    return {
        byOperation,
        action,
        success: results.filter((r) => r.status === 'SUCCESS').length,
        failed,
        seconds,
        floorSeconds: Math.max(0, (busiest - quota.burst) / quota.rate),
        busiestOperation,
        calls: entries.length,
        throttled,
        successfulCalls: entries.length - throttled,
        maxInvocations: Math.max(0, ...results.map((r) => r.invocations)),
        firstFailure: results.find((r) => r.status !== 'SUCCESS')?.message,
    };
}

export function formatPhase(p: PhaseReport): string {
    const failed = Object.entries(p.failed).map(([code, n]) => `${code} ${n}`).join(', ') || '0';
    return [
        `${p.action.padEnd(6)}  SUCCESS ${p.success}  FAILED ${failed}`,
        `        time ${p.seconds.toFixed(1)} s  floor ${p.floorSeconds.toFixed(1)} s (${p.busiestOperation})  time/floor ${p.floorSeconds > 0 ? (p.seconds / p.floorSeconds).toFixed(2) : 'n/a'}`,
        `        Connect calls ${p.calls}, throttled ${p.throttled}, successful ${p.successfulCalls}  invocations per resource (max) ${p.maxInvocations}`,
        `        by operation (ok/throttled): ${Object.entries(p.byOperation).map(([op, c]) => `${op} ${c.ok}/${c.throttled}`).join(', ')}`,
        ...(p.firstFailure ? [`        first failure: ${p.firstFailure}`] : []),
    ].join('\n');
}
