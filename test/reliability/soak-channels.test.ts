// A short soak whose templates use the per-channel settings: lists added, changed and removed
// between updates, under the full fault mix; Connect must end as each template says on read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededUserModelWithChannels } from '../../scripts/harness/arbitraries';
import { formatReport, runSoak } from '../../scripts/harness/soak';
import { checkConformanceAtEnd } from '../support/conformance';

// Every emulator of this file is held to Connect's service model; they close inside the tests.
checkConformanceAtEnd();

test('16 random lifecycles with per-channel settings under faults: no divergence, no orphan, no duplicate, no leak', async () => {
    const report = await runSoak({ lifecycles: 16, concurrency: 8, seed: 20261123, models: seededUserModelWithChannels });
    const summary = [formatReport(report), ...report.failedSteps, ...report.divergences].join('\n');
    console.log(summary);
    assert.equal(report.lifecycles, 16, summary);
    assert.deepEqual(report.failedSteps, []);
    assert.deepEqual(report.divergences, []);
    assert.equal(report.orphans, 0);
    assert.equal(report.duplicates, 0);
    assert.equal(report.secretLeaks, 0);
});
