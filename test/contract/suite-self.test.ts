// The contract suite must be able to fail: run it against deliberately broken handlers.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { readFunctions } from '../../local/lambda-runtime/template';
import { loadContractInputs, loadContractSchema, startLocalTarget } from '../../scripts/harness/contract-target';
import { CallerProfile, runContract } from '../../scripts/harness/contract-suite';
import { tempDir } from '../support/temp-dir';
import { checkConformanceAtEnd } from '../support/conformance';

// Every emulator of this file is held to Connect's service model; they close inside the tests.
checkConformanceAtEnd();

async function contractAgainst(handler: string, profiles?: CallerProfile[]) {
    const template = join(tempDir('broken'), 'template.yml');
    writeFileSync(template, `Resources:\n  Broken:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: broken-handlers.${handler}\n      CodeUri: ${join(REPO_ROOT, 'test', 'fixtures')}\n      Timeout: 60\n`);
    const local = await startLocalTarget({ functions: readFunctions(template), functionName: 'Broken' });
    try {
        return await runContract(local.target, { schema: loadContractSchema(), inputs: loadContractInputs(), credentials: local.credentials, profiles });
    } finally {
        await local.close();
    }
}
const failed = (results: Awaited<ReturnType<typeof runContract>>) => results.filter((r) => !r.ok);

test('a handler that returns the Password from read fails the contract, and says why', async () => {
    const failures = failed(await contractAgainst('leaksPassword'));
    assert.ok(failures.length > 0);
    assert.ok(failures.some((f) => f.name === '[cfn-test] contract_create_read' && /READ returned the write-only property Password/.test(f.error!)), JSON.stringify(failures, null, 1));
});

test('a handler that answers SUCCESS to a read of a deleted user fails the contract, and says why', async () => {
    const failures = failed(await contractAgainst('readsGhosts'));
    assert.ok(failures.some((f) => f.name === '[stack] contract_delete_read' && /READ answered SUCCESS, not FAILED NotFound/.test(f.error!)), JSON.stringify(failures, null, 1));
});

test('a handler that takes a Password absent from the previous state for a change fails as cfn test and Cloud Control call it, not as a stack does', async () => {
    const failures = failed(await contractAgainst('passwordAbsentIsChange'));
    const names = failures.map((f) => f.name);
    for (const profile of ['cfn-test', 'cloud-control']) {
        assert.ok(names.includes(`[${profile}] contract_update_read`), JSON.stringify(names));
        assert.ok(failures.some((f) => f.name === `[${profile}] contract_delete_update` && /answered FAILED NotUpdatable, not FAILED NotFound/.test(f.error!)), JSON.stringify(failures, null, 1));
    }
    assert.deepEqual(names.filter((name) => name.startsWith('[stack]')), [], 'a stack sends the previous Password, so it does not see the mistake');
});
