// The soak: random lifecycles (create, several random updates, delete) through the Lambda
// entrypoint, with CloudFormation's re-invocation loop, while the emulator throttles, fails,
// drops connections and lags. After every step Connect must hold exactly the desired model; at
// the end no user may be left over and none may have been made twice.
import fc from 'fast-check';
import { join } from 'node:path';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import type { Consistency } from '../../local/connect-emulator/consistency';
import { startEmulator, Faults } from '../../local/connect-emulator/server';
import { ConnectService, operations } from '../../local/connect-emulator/service';
import { REPO_ROOT, useBackend } from '../../local/lambda-runtime/backend';
import { followProgress, handlerRequest, ProgressEventJson, Properties } from '../../local/lambda-runtime/cloudformation';
import { LambdaFunction } from '../../local/lambda-runtime/runtime';
import { readFunctions } from '../../local/lambda-runtime/template';
import { seededUserModel } from './arbitraries';
import { actualState, expectedState } from './expectations';

/** The mix: 20% throttling, 5% 500s, 2% dropped connections (half of them after the call ran), latency; plus Connect's read-after-create lag. */
export const SOAK_FAULTS: Partial<Faults> = { throttle: 0.2, internalError: 0.05, dropConnection: 0.01, dropResponse: 0.01, readAfterCreateLag: 0.1, lagMs: 150, latencyMs: [0, 4] };
export const SOAK_PASSWORD = 'Soak!Distinctive-Passw0rd-7f3a';
const SOAK_CREDENTIALS = { accessKeyId: 'AKIDSOAKFAKEKEY00001', secretAccessKey: 'soak/fake+secret-key-0001', sessionToken: 'soak-fake-session-token-0001' };

export interface SoakOptions {
    lifecycles: number;
    concurrency?: number;
    seed?: number;
    /** Stop starting lifecycles after this long (the run still finishes the ones under way). */
    maxSeconds?: number;
    faults?: Partial<Faults>;
    /** Connect's reads lagging behind its changes (off when absent). */
    consistency?: Partial<Consistency>;
    log?: (line: string) => void;
    /** The templates a lifecycle goes through (default: without per-channel settings). */
    models?: fc.Arbitrary<Record<string, any>>;
}

/**
 * What may happen before an update of a lifecycle, besides the update itself: nothing; an edit
 * made in the console; or an update that fails for good part-way (a hierarchy group that does
 * not exist), which CloudFormation then rolls back.
 */
export type Twist = 'none' | 'edit' | 'fail';
const twist = fc.constantFrom<Twist>('none', 'none', 'edit', 'fail');

const seeded = seedArns();
const MISSING_GROUP = `${seeded.instanceArn}/agent-group/00000000-0000-4000-8000-0000000000ff`;
const PAIRS = DEFAULT_SEED.instances[0].predefinedAttributes.flatMap((a) => a.values.map((AttributeValue) => ({ AttributeName: a.name, AttributeValue })));

/** An admin's edit in the console, straight into the service (no faults: the console is not the handler). */
export function editOutside(service: ConnectService, userArn: string, pick: number) {
    const call = (operation: string, body: Record<string, unknown>, labels = [seeded.instanceArn, userArn]) => {
        try {
            operations[operation](service, { labels, query: new URLSearchParams(), body: body as any });
        } catch {
            // The console refuses what Connect refuses; that edit did not happen.
        }
    };
    const pair = PAIRS[pick % PAIRS.length];
    switch (pick % 5) {
        case 0: return call('UpdateUserRoutingProfile', { RoutingProfileId: Object.values(seeded.routingProfiles)[pick % 3] });
        case 1: return call('AssociateUserProficiencies', { UserProficiencies: [{ ...pair, Level: 1 + (pick % 5) }] });
        case 2: return call('DisassociateUserProficiencies', { UserProficiencies: [pair] });
        case 3: return call('TagResource', { tags: { console: 'edited', team: 'x' } }, [userArn]);
        default: return call('UpdateUserPhoneConfig', { PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 7 } });
    }
}

export interface SoakReport {
    lifecycles: number;
    steps: number;
    /** Updates that failed as the lifecycle meant them to, each then rolled back. */
    rollbacks: number;
    /** Edits made in the console between deploys. */
    outsideEdits: number;
    invocations: number;
    inProgressRounds: number;
    faults: Record<string, number>;
    requests: number;
    divergences: string[];
    failedSteps: string[];
    orphans: number;
    duplicates: number;
    secretLeaks: number;
    seconds: number;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
    const started = performance.now();
    const emulator = await startEmulator({ consistency: options.consistency });
    useBackend({ region: 'us-east-1', endpoint: emulator.endpoint });
    emulator.setFaults({ ...SOAK_FAULTS, ...options.faults, seed: options.seed ?? 1 });
    const definition = readFunctions(join(REPO_ROOT, 'template.yml')).get('TypeFunction')!;
    const logs: string[] = [];
    const events: ProgressEventJson[] = [];
    const report: SoakReport = { lifecycles: 0, steps: 0, rollbacks: 0, outsideEdits: 0, invocations: 0, inProgressRounds: 0, faults: {}, requests: 0, divergences: [], failedSteps: [], orphans: 0, duplicates: 0, secretLeaks: 0, seconds: 0 };

    const models = options.models ?? seededUserModel;
    const plans = fc.sample(
        fc.tuple(
            models,
            fc.array(fc.tuple(models, twist, fc.nat()), { minLength: 1, maxLength: 3 }),
            fc.dictionary(fc.constantFrom('stack', 'owner'), fc.stringMatching(/^[a-z]{1,6}$/), { maxKeys: 2 }),
        ),
        { seed: options.seed ?? 1, numRuns: options.lifecycles },
    );
    const createdBefore = emulator.service.usersEverCreated;
    let created = 0;
    let next = 0;

    const worker = async (workerIndex: number) => {
        // One execution environment per worker: its own warm copy of the bundle, as Lambda runs them.
        const fn = new LambdaFunction(definition, { onLog: (line) => logs.push(line) });
        const invoke = async (event: unknown) => {
            report.invocations++;
            const outcome = await fn.invoke(event);
            if (!outcome.ok) throw new Error(`the handler crashed: ${outcome.error.errorMessage}`);
            const result = outcome.result as ProgressEventJson;
            events.push(result);
            if (result.status === 'IN_PROGRESS') report.inProgressRounds++;
            return result;
        };
        // CloudFormation waits callbackDelaySeconds; the soak waits 20 ms a second, enough for the lag to pass.
        const wait = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, seconds * 20));
        while (next < plans.length && (!options.maxSeconds || performance.now() - started < options.maxSeconds * 1000)) {
            const index = next++;
            const [first, updates, stackTags] = plans[index];
            // Within the 20 characters Connect takes on an instance without SAML; the index keeps it unique.
            const username = `s${index}-${first.Username}`.slice(0, 20);
            const label = `lifecycle ${index} (worker ${workerIndex})`;
            const step = async (action: string, properties: Properties, previous?: Properties, expect: { fails?: boolean; rollback?: boolean } = {}) => {
                report.steps++;
                const request = handlerRequest(action, properties, { credentials: SOAK_CREDENTIALS, previous, stackTags, previousStackTags: stackTags, token: `${label}-${action}-${report.steps}`, rollback: expect.rollback });
                const { event } = await followProgress(invoke, request, { wait });
                const as = expect.rollback ? 'rollback' : action;
                if (expect.fails ? event.errorCode !== 'InvalidRequest' : event.status !== 'SUCCESS') report.failedSteps.push(`${label} ${as}: ${event.status} ${event.errorCode}: ${event.message}`);
                return event;
            };
            const check = (what: string, model: Properties, userArn: string) => {
                try {
                    const actual = actualState(emulator.service, userArn);
                    const expected = expectedState(model, stackTags);
                    if (JSON.stringify(actual) !== JSON.stringify(expected)) report.divergences.push(`${label} after ${what}: Connect holds ${JSON.stringify(actual)}, the template asks ${JSON.stringify(expected)}`);
                } catch (error) {
                    report.divergences.push(`${label} after ${what}: the user cannot be read: ${(error as Error).message}`);
                }
            };
            let current: Properties = { ...first, Username: username, Password: SOAK_PASSWORD };
            const made = await step('CREATE', current);
            if (made.status !== 'SUCCESS') continue;
            created++;
            const userArn = made.resourceModel!.UserArn;
            check('CREATE', current, userArn);
            for (const [u, [update, happens, pick]] of updates.entries()) {
                const desired = { ...update, Username: username, Password: SOAK_PASSWORD, UserArn: userArn };
                if (happens === 'edit') {
                    editOutside(emulator.service, userArn, pick);
                    report.outsideEdits++;
                }
                if (happens === 'fail') {
                    // Fails at UpdateUserHierarchy, after the steps before it applied; then CloudFormation rolls back.
                    const failing = { ...desired, HierarchyGroupArn: MISSING_GROUP };
                    await step('UPDATE', failing, { ...current, UserArn: userArn }, { fails: true });
                    const rolledBack = await step('UPDATE', { ...current, UserArn: userArn }, failing, { rollback: true });
                    if (rolledBack.status !== 'SUCCESS') break;
                    report.rollbacks++;
                    check(`the rollback before UPDATE ${u + 1}`, current, userArn);
                }
                const done = await step('UPDATE', desired, { ...current, UserArn: userArn });
                if (done.status !== 'SUCCESS') break;
                current = desired;
                check(`UPDATE ${u + 1}`, current, userArn);
            }
            await step('DELETE', { UserArn: userArn });
            if (emulator.users().some((u) => u.arn === userArn)) report.divergences.push(`${label}: the user is still there after DELETE`);
            report.lifecycles++;
            options.log?.(`${label} done`);
        }
    };
    try {
        await Promise.all(Array.from({ length: options.concurrency ?? 8 }, (_, i) => worker(i)));
    } finally {
        const usersNow = emulator.users();
        report.orphans = usersNow.length;
        // One user per lifecycle whose create succeeded; any more were made twice.
        report.duplicates = emulator.service.usersEverCreated - createdBefore - created;
        for (const entry of emulator.journal) if (entry.fault) report.faults[entry.fault] = (report.faults[entry.fault] ?? 0) + 1;
        report.requests = emulator.journal.length;
        const everything = JSON.stringify(events) + logs.join('\n');
        report.secretLeaks = [SOAK_PASSWORD, SOAK_CREDENTIALS.accessKeyId, SOAK_CREDENTIALS.secretAccessKey, SOAK_CREDENTIALS.sessionToken].filter((secret) => everything.includes(secret)).length;
        report.seconds = (performance.now() - started) / 1000;
        await emulator.close();
    }
    return report;
}

export function formatReport(report: SoakReport): string {
    const faults = Object.entries(report.faults).map(([name, count]) => `${name} ${count}`).join(', ') || 'none';
    return [
        `lifecycles:          ${report.lifecycles} (${report.steps} steps, ${report.seconds.toFixed(1)} s)`,
        `rollbacks:           ${report.rollbacks} (after an update that failed part-way)`,
        `outside edits:       ${report.outsideEdits}`,
        `invocations:         ${report.invocations}`,
        `IN_PROGRESS rounds:  ${report.inProgressRounds}`,
        `Connect requests:    ${report.requests}`,
        `faults injected:     ${Object.values(report.faults).reduce((a, b) => a + b, 0)} (${faults})`,
        `failed steps:        ${report.failedSteps.length}`,
        `divergences:         ${report.divergences.length}`,
        `orphans:             ${report.orphans}`,
        `duplicates:          ${report.duplicates}`,
        `secret leaks:        ${report.secretLeaks}`,
    ].join('\n');
}
