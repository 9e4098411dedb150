import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResourceSchema, REPO_ROOT } from '../../tools/resource-schema';
import { validateResourceSchema } from '../../tools/validate-schema';
import { renderAll, staleFiles } from '../../tools/generate';
import { tempDir } from '../support/temp-dir';

const schema = () => loadResourceSchema();

test('the resource schema passes the meta-schema and the cfn validate rules', () => {
    assert.deepEqual(validateResourceSchema(schema()), []);
});

test('the restored patterns and the create-only properties are in the schema', () => {
    const s = schema();
    assert.deepEqual(s.createOnlyProperties, ['/properties/InstanceArn', '/properties/Username']);
    for (const pattern of [s.properties.Password.pattern, s.definitions.SecondaryEmail.pattern, s.definitions.Tag.properties.Key.pattern]) {
        assert.ok(pattern.length > 0);
        new RegExp(pattern, 'u');
    }
    assert.match('Passw0rd', new RegExp(s.properties.Password.pattern, 'u'));
    assert.doesNotMatch('password', new RegExp(s.properties.Password.pattern, 'u'));
    assert.doesNotMatch('aws:owner', new RegExp(s.definitions.Tag.properties.Key.pattern, 'u'));
});

const broken: [string, (s: any) => void, RegExp][] = [
    ['a read-only pointer to nothing', (s) => s.readOnlyProperties.push('/properties/Nope'), /\/readOnlyProperties\/1: "\/properties\/Nope" does not resolve/],
    ['a nested create-only pointer to nothing', (s) => s.createOnlyProperties.push('/properties/IdentityInfo/Nickname'), /\/createOnlyProperties\/2: .*Nickname/],
    ['a wrong type', (s) => (s.properties.Username.type = 'text'), /\/properties\/Username\/type/],
    ['a dangling $ref', (s) => (s.properties.PhoneConfig.$ref = '#/definitions/Missing'), /\/properties\/PhoneConfig\/\$ref: "#\/definitions\/Missing" does not resolve/],
    ['a handler without permissions', (s) => (s.handlers.read.permissions = []), /\/handlers\/read\/permissions/],
    ['a missing tag property', (s) => (s.tagging.tagProperty = '/properties/Labels'), /\/tagging\/tagProperty: "\/properties\/Labels"/],
    ['a primary identifier that is neither required nor read-only', (s) => (s.primaryIdentifier = ['/properties/DirectoryUserId']), /\/primaryIdentifier\/0/],
    ['a pattern that is not a regex', (s) => (s.properties.Username.pattern = '[a-'), /\/properties\/Username\/pattern/],
];
for (const [name, breakIt, message] of broken) {
    test(`validation names the pointer for ${name}`, () => {
        const s = schema();
        breakIt(s);
        const problems = validateResourceSchema(s);
        assert.ok(problems.some((p) => message.test(p)), problems.join('\n'));
    });
}

test('npm run validate exits non-zero and prints the pointer for a broken schema', () => {
    const s = schema();
    s.writeOnlyProperties = ['/properties/Secret'];
    const file = join(tempDir('schema'), 'bad.json');
    writeFileSync(file, JSON.stringify(s));
    let output = '';
    assert.throws(() => {
        try {
            execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tools/validate-schema.ts'), file], { stdio: 'pipe' });
        } catch (error: any) {
            output = String(error.stderr);
            throw error;
        }
    });
    assert.match(output, /\/writeOnlyProperties\/0: "\/properties\/Secret" does not resolve/);
});

test('checked-in generated files equal what the schema makes, and generation is deterministic', () => {
    assert.deepEqual(staleFiles(), []);
    assert.deepEqual([...renderAll(schema())], [...renderAll(schema())]);
    assert.match(renderAll(schema()).get('src/generated/models.ts')!.split('\n')[0], /generated/);
});
