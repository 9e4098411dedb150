// Validators in front of the handler (Cloud Control, cfn-lint, an IDE) show the schema's own
// descriptions, never the handler's "did you mean": the members people get wrong say what to
// write there, and the docs cfn generate writes carry it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { loadResourceSchema } from '../../tools/resource-schema';

const schema = loadResourceSchema();
const doc = (page: string) => readFileSync(join(REPO_ROOT, 'docs', page), 'utf8');

test('PhoneConfig names DeskPhoneNumber, the member callers write as PhoneNumber', () => {
    for (const description of [schema.properties.PhoneConfig.description, schema.definitions.UserPhoneConfig.description]) {
        assert.match(description, /DeskPhoneNumber \([^)]*not PhoneNumber\)/);
    }
    assert.match(doc('userphoneconfig.md'), /DeskPhoneNumber \([^)]*not PhoneNumber\)/);
});

test('a proficiency names its three members', () => {
    for (const description of [schema.properties.UserProficiencies.description, schema.definitions.UserProficiency.description]) {
        assert.match(description, /\{ AttributeName, AttributeValue, Level \}/);
    }
    assert.match(doc('userproficiency.md'), /\{ AttributeName, AttributeValue, Level \}/);
});
