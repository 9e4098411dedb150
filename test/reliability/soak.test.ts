// The short soak inside npm test: 24 lifecycles with a fixed seed under the full fault mix, once
// with Connect's reads consistent and once with them lagging behind each change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Consistency } from '../../local/connect-emulator/consistency';
import { formatReport, runSoak } from '../../scripts/harness/soak';
import { checkConformanceAtEnd } from '../support/conformance';

// Every emulator of this file is held to Connect's service model; they close inside the tests.
checkConformanceAtEnd();

function soaks(consistency?: Partial<Consistency>) {
    return async () => {
        const report = await runSoak({ lifecycles: 24, concurrency: 12, seed: 20261122, consistency });
        const summary = [formatReport(report), ...report.failedSteps, ...report.divergences].join('\n');
        console.log(summary);
        assert.equal(report.lifecycles, 24, summary);
        assert.ok(Object.values(report.faults).reduce((a, b) => a + b, 0) > 50, 'faults were injected');
        assert.ok(report.rollbacks >= 3 && report.outsideEdits >= 3, 'updates failed part-way and were rolled back, and users were edited in the console');
        assert.deepEqual(report.failedSteps, []);
        assert.deepEqual(report.divergences, []);
        assert.equal(report.orphans, 0);
        assert.equal(report.duplicates, 0);
        assert.equal(report.secretLeaks, 0);
    };
}

test('24 random lifecycles under faults, with failed updates rolled back and console edits: no divergence, no orphan, no duplicate, no leak', soaks());
test('... and so while every read of a user lags 2 reads and 40 ms behind each change', soaks({ staleReads: 2, staleMs: 40 }));
