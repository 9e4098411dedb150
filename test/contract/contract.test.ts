// The contract suite against our bundle behind the Lambda Invoke API: on the emulator always, on
// a real Connect instance when the environment names one (see guide/testing.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { operations } from '../../local/connect-emulator/service';
import { seededUserModel } from '../../scripts/harness/arbitraries';
import { adaptToInstance, AWS_VARIABLES, awsContractConfig, loadContractInputs, loadContractSchema, openAwsTarget, startLocalTarget } from '../../scripts/harness/contract-target';
import { CALLER_PROFILES, CASES_PER_PROFILE, runContract } from '../../scripts/harness/contract-suite';
import { checkConformanceAtEnd } from '../support/conformance';

// Every emulator of this file is held to Connect's service model; they close inside the tests.
checkConformanceAtEnd();

const runs = Number(process.env.CONTRACT_RUNS ?? 24);

test('the resource contract, on the emulator', async (t) => {
    const local = await startLocalTarget();
    try {
        assert.ok(local.emulator, 'the emulator started');
        // More users than one LIST page holds, so the list cases must follow nextToken.
        const seed = seedArns();
        for (let i = 0; i < 120; i++) {
            operations.CreateUser(local.emulator.service, { labels: [seed.instanceArn], query: new URLSearchParams(), body: { Username: `bystander-${i}`, Password: 'Bystander-Passw0rd', IdentityInfo: { FirstName: 'B', LastName: 'S' }, SecurityProfileIds: [seed.securityProfiles.Agent], RoutingProfileId: seed.routingProfiles.Sales } });
        }
        const results = await runContract(local.target, {
            schema: loadContractSchema(),
            inputs: loadContractInputs(),
            credentials: local.credentials,
            generated: seededUserModel,
            runs,
            seed: 20261122,
        });
        assert.equal(results.length, CALLER_PROFILES.length * (CASES_PER_PROFILE + runs), 'every case ran under every caller profile');
        for (const result of results) {
            await t.test(result.name, { skip: result.skipped ?? false }, () => assert.ok(result.ok, result.error));
        }
        const users = local.emulator.users().filter((u) => !u.username.startsWith('bystander-'));
        assert.deepEqual(users.map((u) => u.username), [], 'the suite leaves no user behind');
        const everything = JSON.stringify(local.captured.events) + local.captured.logs.join('\n');
        for (const secret of [loadContractInputs().create.Password, 'Passw0rdExample', local.credentials.secretAccessKey, local.credentials.sessionToken!, local.credentials.accessKeyId]) {
            assert.equal(everything.includes(secret), false, `a secret leaked into the handler's logs or events: ${secret.slice(0, 4)}…`);
        }
        assert.ok(local.captured.logs.length > 0);
    } finally {
        await local.close();
    }
});

test('the resource contract, on an emulator whose reads lag 2 reads and 50 ms behind each change', async (t) => {
    const local = await startLocalTarget({ consistency: { staleReads: 2, staleMs: 50 } });
    try {
        const results = await runContract(local.target, {
            schema: loadContractSchema(),
            inputs: loadContractInputs(),
            credentials: local.credentials,
            generated: seededUserModel,
            runs: Math.ceil(runs / 4),
            seed: 20261206,
            // Callback delays pass at 20 ms a second, as in the soak: enough for a 50 ms lag to end.
            wait: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 20)),
        });
        for (const result of results) {
            await t.test(result.name, { skip: result.skipped ?? false }, () => assert.ok(result.ok, result.error));
        }
        assert.deepEqual(local.emulator!.users().map((u) => u.username), [], 'the suite leaves no user behind');
    } finally {
        await local.close();
    }
});

const aws = awsContractConfig();
test('the resource contract, on a real Amazon Connect instance', { skip: aws ? false : `set ${AWS_VARIABLES.join(', ')} (and AWS credentials) to run it` }, async (t) => {
    const local = await openAwsTarget(aws!);
    try {
        const inputs = loadContractInputs();
        const results = await runContract(local.target, {
            schema: loadContractSchema(),
            inputs: { create: adaptToInstance(inputs.create, aws!), update: adaptToInstance(inputs.update, aws!), invalid: inputs.invalid },
            credentials: local.credentials,
            region: local.region,
        });
        for (const result of results) await t.test(result.name, { skip: result.skipped ?? false }, () => assert.ok(result.ok, result.error));
    } finally {
        await local.close();
    }
});
