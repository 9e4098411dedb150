// `npm run demo`: one Amazon Connect user through its whole life, on the local emulator, through
// the provider's real Lambda entrypoint with the events CloudFormation sends. No AWS account,
// no Docker, no Python. `--verbose` prints the handler's log too.
import { join } from 'node:path';
import { seedArns } from '../local/connect-emulator/seed';
import { startEmulator } from '../local/connect-emulator/server';
import { EMULATOR_CREDENTIALS, REPO_ROOT, useBackend } from '../local/lambda-runtime/backend';
import { followProgress, handlerRequest, ProgressEventJson, Properties, RequestOptions } from '../local/lambda-runtime/cloudformation';
import { LambdaFunction } from '../local/lambda-runtime/runtime';
import { readFunctions } from '../local/lambda-runtime/template';
import { ensureBuilt } from './build';

const verbose = process.argv.includes('--verbose');
const seed = seedArns();

const created: Properties = {
    InstanceArn: seed.instanceArn,
    Username: 'demo.agent',
    Password: 'Demo-Passw0rd-Not-Printed',
    IdentityInfo: { FirstName: 'Katherine', LastName: 'Johnson', Email: 'katherine.johnson@example.com' },
    PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30 },
    SecurityProfileArns: [seed.securityProfiles.Agent],
    RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    HierarchyGroupArn: seed.hierarchyGroups['North America'],
    Tags: [{ Key: 'team', Value: 'tier-1' }, { Key: 'env', Value: 'demo' }],
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Technology', AttributeValue: 'Billing', Level: 2 }],
};
const updated: Properties = {
    ...created,
    IdentityInfo: { ...created.IdentityInfo, Mobile: '+14155550123' },
    PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550100', AutoAccept: false, AfterContactWorkTimeLimit: 60 },
    // Per-channel settings: chat contacts are accepted automatically and get longer after-contact work.
    AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }],
    AfterContactWorkConfigs: [{ Channel: 'CHAT', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 180 } }],
    SecurityProfileArns: [seed.securityProfiles.Agent, seed.securityProfiles.CallCenterManager],
    RoutingProfileArn: seed.routingProfiles.Support,
    HierarchyGroupArn: undefined,
    Tags: [{ Key: 'team', Value: 'escalations' }, { Key: 'env', Value: 'demo' }],
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'Spanish', Level: 3 }],
};

async function main() {
    const started = performance.now();
    const rebuilt = await ensureBuilt();
    const emulator = await startEmulator();
    useBackend({ region: 'us-east-1', endpoint: emulator.endpoint });
    const typeFunction = readFunctions(join(REPO_ROOT, 'template.yml')).get('TypeFunction')!;
    const lambda = new LambdaFunction(typeFunction, { onLog: verbose ? (line) => process.stdout.write(`    | ${line}\n`) : undefined });
    const invoke = async (event: unknown): Promise<ProgressEventJson> => {
        const outcome = await lambda.invoke(event);
        if (!outcome.ok) throw new Error(`the handler crashed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
        return outcome.result as ProgressEventJson;
    };

    console.log(`AWS::Connect::User demo: one user's whole life through the Lambda entrypoint (${typeFunction.handlerFile.replace(`${REPO_ROOT}/`, '')}${rebuilt ? ', just built' : ''})`);
    console.log(`Amazon Connect: the local emulator at ${emulator.endpoint}, instance ${seed.instanceArn}\n`);
    // As a registered type runs: provider logging on, its log group on the emulator's CloudWatch Logs stand-in.
    const provider = { credentials: { accessKeyId: 'AKIDDEMOLOGDELIVERY', secretAccessKey: 'demo-log-delivery-secret' }, logGroupName: 'aws-connect-user-logs' };
    const options: RequestOptions = { credentials: EMULATOR_CREDENTIALS, stackTags: { 'stack-owner': 'demo' }, provider };
    const results: { action: string; ok: boolean }[] = [];
    let userArn = '';

    const step = async (action: string, properties: Properties, extra: Partial<RequestOptions>, expect: 'SUCCESS' | 'NotFound', describe: (e: ProgressEventJson) => string) => {
        const since = emulator.journal.length;
        const t = performance.now();
        const { event, rounds } = await followProgress(invoke, handlerRequest(action, properties, { ...options, ...extra }));
        const ms = performance.now() - t;
        const calls = emulator.journal.slice(since).map((entry) => entry.operation);
        const outcome = event.status === 'FAILED' ? `FAILED ${event.errorCode}` : event.status;
        const ok = expect === 'SUCCESS' ? event.status === 'SUCCESS' : event.errorCode === expect;
        results.push({ action, ok });
        console.log(`${ok ? '✓' : '✗'} ${action.padEnd(7)} ${outcome.padEnd(16)} ${ms.toFixed(0).padStart(5)} ms  ${rounds.length > 1 ? `${rounds.length} rounds  ` : ''}Connect: ${calls.join(', ') || 'none'}`);
        console.log(`    ${describe(event)}`);
        return event;
    };

    const made = await step('CREATE', created, {}, 'SUCCESS', (e) => `UserArn ${e.resourceModel?.UserArn}; tags ${JSON.stringify(e.resourceModel?.Tags)}; ${e.resourceModel?.UserProficiencies?.length ?? 0} proficiencies`);
    userArn = made.resourceModel?.UserArn ?? '';
    await step('READ', { UserArn: userArn }, {}, 'SUCCESS', (e) => `${e.resourceModel?.Username}: ${e.resourceModel?.PhoneConfig?.PhoneType}, routing profile …${String(e.resourceModel?.RoutingProfileArn).slice(-4)}, Password in the model: ${'Password' in (e.resourceModel ?? {})}`);
    await step('UPDATE', { ...updated, UserArn: userArn }, { previous: created, previousStackTags: options.stackTags }, 'SUCCESS',
        (e) => `now ${e.resourceModel?.PhoneConfig?.PhoneType} ${e.resourceModel?.PhoneConfig?.DeskPhoneNumber}, ${e.resourceModel?.SecurityProfileArns?.length} security profiles, hierarchy group ${e.resourceModel?.HierarchyGroupArn ?? 'none'}, per-channel ${JSON.stringify({ AutoAcceptConfigs: e.resourceModel?.AutoAcceptConfigs, AfterContactWorkConfigs: e.resourceModel?.AfterContactWorkConfigs })}, tags ${JSON.stringify(e.resourceModel?.Tags)}`);
    await step('LIST', { InstanceArn: seed.instanceArn }, {}, 'SUCCESS', (e) => `${e.resourceModels?.length} user(s): ${e.resourceModels?.map((m) => m.Username).join(', ')}`);
    await step('DELETE', { UserArn: userArn }, {}, 'SUCCESS', () => 'the user is gone from Amazon Connect');
    await step('READ', { UserArn: userArn }, {}, 'NotFound', (e) => `as CloudFormation expects after a delete: ${e.message?.split('.')[0]}`);

    const requests = emulator.journal.length;
    const streams = emulator.monitoring.logs.get(provider.logGroupName) ?? new Map();
    const lines = [...streams.values()].flat();
    const putLogEvents = emulator.monitoring.calls.filter((c) => c.operation === 'PutLogEvents' && c.status === 200).length;
    console.log(`\nThe provider's own log, as it landed in ${provider.logGroupName} (${lines.length} lines in ${streams.size} stream, ${putLogEvents} PutLogEvents, ${emulator.monitoring.metrics.length} metric datums); the CREATE:`);
    const createLines = lines.slice(0, lines.findIndex((line) => line.message.startsWith('REPORT')) + 1);
    for (const line of createLines) console.log(`    ${new Date(line.timestamp).toISOString().slice(11, 23)}  ${line.message.trimEnd()}`);
    const leaked = JSON.stringify(lines).includes(created.Password) || JSON.stringify(lines).includes(provider.credentials.secretAccessKey);
    if (leaked) results.push({ action: 'provider log without secrets', ok: false });
    await emulator.close();
    const failures = results.filter((r) => !r.ok);
    console.log(`\n${results.length - failures.length} of ${results.length} actions as expected, ${requests} Connect API requests, ${((performance.now() - started) / 1000).toFixed(1)} s in all.`);
    if (failures.length > 0) {
        console.log(`Not as expected: ${failures.map((f) => f.action).join(', ')}`);
        process.exit(1);
    }
}

main().catch((error) => {
    console.error(`demo: ${error instanceof Error ? error.message : error}`);
    if (verbose && error instanceof Error) console.error(error.stack);
    process.exit(1);
});
