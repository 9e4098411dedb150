// Our schema against the type AWS publishes (2026-08): every difference is one guide/differences.md
// names, with its reason, and every row of that table still matches a difference.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { covers, schemaDifferences } from '../support/schema-diff';
import { SCHEMA_PATH } from '../../tools/resource-schema';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
// Compared as the same type: `npm run rename` gives it a private name, which is no difference of its model.
const ours = { ...JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')), typeName: 'AWS::Connect::User' };
const published = JSON.parse(read('test/fixtures/published/AWS_Connect_User.published-2026-08.json'));

/** The pointer patterns of guide/differences.md's table: the backticked pointers in each row's first cell. */
function documented(): string[] {
    const readme = read('guide/differences.md');
    const start = readme.indexOf('# Differences from the type AWS publishes');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((match) => match[1]));
}

test('every difference from the published type is in the table of guide/differences.md, and every row still applies', () => {
    const differences = schemaDifferences(ours, published);
    const patterns = documented();
    assert.ok(patterns.length > 10, 'the table was found');
    const undocumented = differences.filter((pointer) => !patterns.some((pattern) => covers(pattern, pointer)));
    assert.deepEqual(undocumented, [], 'differences the table does not explain');
    const stale = patterns.filter((pattern) => !differences.some((pointer) => covers(pattern, pointer)));
    assert.deepEqual(stale, [], 'rows that match no difference');
});

test('the walk sees a difference it is not told about', () => {
    const changed = structuredClone(ours);
    changed.properties.Username.maxLength = 99;
    changed.required.push('PhoneConfig');
    assert.deepEqual(schemaDifferences(changed, published).filter((p) => p === '/required' || p === '/properties/Username/maxLength'), ['/properties/Username/maxLength', '/required']);
});

test('what the published type allows and Connect accepts, ours allows: PhoneConfig optional, PhoneType optional, Connect tag keys', () => {
    assert.equal(ours.required.includes('PhoneConfig'), false);
    assert.equal(ours.definitions.UserPhoneConfig.required, undefined);
    assert.equal(ours.tagging.cloudFormationSystemTags, false);
    // Every key Connect takes passes the schema; of those it refuses, the schema refuses only the
    // aws: prefix and leaves the rest to Connect's own error (test/handlers/real-callers.test.ts).
    const key = new RegExp(ours.definitions.Tag.properties.Key.pattern, 'u');
    for (const accepted of ['cost center', 'owner@team', 'Kostenstelle-ü', 'a+b=c', 'x/y:z']) assert.ok(key.test(accepted), accepted);
    assert.equal(key.test('aws:owner'), false);
});
