// A short stack under Connect's quota (npm run bench:stack is the long one): 30 users created,
// updated and deleted at once, each in its own module instance, at 2/s burst 5 with time running
// ten times faster. No resource may fail, and no user may be duplicated or left behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONNECT_DEFAULT_QUOTA } from '../../local/connect-emulator/server';
import { runStack } from '../../scripts/stack/run-stack';

test('30 users under the quota: every phase succeeds, no duplicate, no orphan, the herd spread out', async () => {
    const users = 30;
    const report = await runStack({ users, quota: CONNECT_DEFAULT_QUOTA, timeScale: 0.1, workers: 2 });
    assert.deepEqual(report.phases.map((p) => [p.action, p.success, p.failed]), [['CREATE', users, {}], ['UPDATE', users, {}], ['DELETE', users, {}]]);
    assert.equal(report.usersLeft, 0);
    assert.equal(report.duplicates, 0);
    for (const phase of report.phases) {
        assert.ok(phase.throttled > 0, `${phase.action}: the quota was felt`);
        // Some throttling is the price of a herd; a storm would be many throttles per resource.
        assert.ok(phase.throttled <= 3 * users, `${phase.action}: ${phase.throttled} throttled calls`);
        assert.ok(phase.seconds >= phase.floorSeconds, `${phase.action}: no faster than the quota allows`);
    }
});
