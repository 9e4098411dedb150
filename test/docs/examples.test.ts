// Every template in examples/ declares valid AWS::Connect::User resources: checked against the
// schema (the handler's own validation) and created and deleted on the emulator.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { validateProperties } from '../../src/validate';
import { parseCloudFormationYaml } from '../../local/lambda-runtime/cloudformation-yaml';
import { useEmulator } from '../support/emulator';
import { drive, loadBundle } from '../support/lambda';
import { SCHEMA_PATH } from '../../tools/resource-schema';
import { TYPE_NAME } from '../support/type-name';

const emulator = useEmulator();
const EXAMPLES = join(REPO_ROOT, 'examples');
const files = readdirSync(EXAMPLES).filter((f) => /\.(ya?ml|json)$/.test(f));
const load = (file: string) => (file.endsWith('.json') ? JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) : parseCloudFormationYaml(readFileSync(join(EXAMPLES, file), 'utf8'))) as any;

/** Refs to parameters and ${Parameter} in Fn::Sub, resolved to the parameters' defaults. */
function resolve(value: any, parameters: Record<string, any>): any {
    if (Array.isArray(value)) return value.map((v) => resolve(v, parameters));
    if (value && typeof value === 'object') {
        if ('Ref' in value) return parameters[value.Ref]?.Default ?? assert.fail(`Ref to ${value.Ref}, which has no default`);
        if ('Fn::Sub' in value) return String(value['Fn::Sub']).replace(/\$\{(\w+)\}/g, (_, name) => parameters[name]?.Default ?? assert.fail(`\${${name}} has no default`));
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, parameters)]));
    }
    return value;
}

test('the examples are minimal, full (YAML and JSON, the same template) and with proficiencies and tags', () => {
    assert.deepEqual(files.sort(), ['full.json', 'full.yaml', 'minimal.yaml', 'proficiencies-and-tags.yaml']);
    assert.deepEqual(load('full.yaml'), load('full.json'));
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
    const full = load('full.json').Resources.Agent.Properties;
    const settable = Object.keys(schema.properties).filter((p) => !schema.readOnlyProperties.includes(`/properties/${p}`));
    assert.deepEqual(Object.keys(full).sort(), settable.sort(), 'full sets every property that can be set');
    const minimal = load('minimal.yaml').Resources.Agent.Properties;
    for (const name of schema.required) assert.ok(name in minimal, `minimal has the required ${name}`);
});

for (const file of files) {
    test(`examples/${file} is valid and creates users on the emulator`, async () => {
        loadBundle(emulator().endpoint);
        const template = load(file);
        const resources = Object.entries<any>(template.Resources).filter(([, r]) => r.Type === TYPE_NAME);
        assert.ok(resources.length > 0);
        for (const [name, resource] of resources) {
            const properties = resolve(resource.Properties, template.Parameters ?? {});
            const checked = validateProperties(properties);
            assert.ok(checked.ok, `${file} ${name}: ${checked.ok ? '' : checked.problems.join('; ')}`);
            const { event } = await drive('CREATE', properties);
            assert.equal(event.status, 'SUCCESS', `${file} ${name}: ${event.message}`);
            assert.equal((await drive('DELETE', { UserArn: event.resourceModel!.UserArn })).event.status, 'SUCCESS');
        }
        for (const output of Object.values<any>(template.Outputs ?? {})) {
            const getAtt = output.Value['Fn::GetAtt'];
            if (getAtt) assert.equal(getAtt[1], 'UserArn', 'Fn::GetAtt names a read-only attribute');
        }
    });
}
