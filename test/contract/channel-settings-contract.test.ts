// The resource contract with generated templates that use the per-channel settings: create,
// read, update to another such template, read, delete, read, each compared input to output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededUserModelWithChannels } from '../../scripts/harness/arbitraries';
import { loadContractInputs, loadContractSchema, startLocalTarget } from '../../scripts/harness/contract-target';
import { CALLER_PROFILES, CASES_PER_PROFILE, runContract } from '../../scripts/harness/contract-suite';
import { checkConformanceAtEnd } from '../support/conformance';

// Every emulator of this file is held to Connect's service model; they close inside the tests.
checkConformanceAtEnd();

test('the resource contract with per-channel settings, on the emulator', async (t) => {
    const local = await startLocalTarget();
    try {
        const runs = 12;
        const results = await runContract(local.target, {
            schema: loadContractSchema(),
            inputs: loadContractInputs(),
            credentials: local.credentials,
            generated: seededUserModelWithChannels,
            runs,
            seed: 20261123,
        });
        assert.equal(results.length, CALLER_PROFILES.length * (CASES_PER_PROFILE + runs), 'every case ran under every caller profile');
        for (const result of results) await t.test(result.name, { skip: result.skipped ?? false }, () => assert.ok(result.ok, result.error));
        assert.deepEqual(local.emulator!.users().map((u) => u.username), [], 'the suite leaves no user behind');
    } finally {
        await local.close();
    }
});
