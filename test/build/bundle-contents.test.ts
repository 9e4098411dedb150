// What the bundle carries: the Connect client's schemas of the operations we call, and of no other
// (the SDK defines ~1,700 shapes; see literalSchemaKeys in scripts/build.ts). Read from the SDK
// installed, so the next SDK version is held to the same.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { ensureBuiltSync, BUNDLE, BUNDLE_META } from '../../scripts/build';
import { OPERATIONS } from '../../src/client';

// These read dist/: it is built from the current src/ first, whatever ran before.
ensureBuiltSync();

test('the bundle holds the HTTP binding of every operation the handlers call, and of no other', () => {
    const schemas = readFileSync(join(REPO_ROOT, 'node_modules/@aws-sdk/client-connect/dist-es/schemas/schemas_0.js'), 'utf8');
    const bindings = [...schemas.matchAll(/export var (\w+)\$ = \[9, n0, _\w+,\s*\{ \[_h\]: \["(\w+)", "([^"]+)"/g)].map(([, operation, method, path]) => ({ operation, binding: `"${method}","${path}"` }));
    assert.ok(bindings.length > 300, `the SDK's operations were found (${bindings.length})`);
    const bundle = readFileSync(BUNDLE, 'utf8');
    const carried = bindings.filter(({ binding }) => bundle.includes(binding)).map(({ operation }) => operation).sort();
    assert.deepEqual(carried, [...OPERATIONS].sort());
});

test('the compiled schema is a file of its own, loaded by CREATE and UPDATE only', () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    assert.equal(bundle.split('require("./schema-validator.js")').length, 2, 'one lazy require');
    assert.equal(bundle.includes('"must NOT have additional properties"'), false, 'no ajv code in the bundle');
});

test('READ, DELETE and LIST never load the compiled schema at run time; CREATE does', () => {
    // A fresh process per action, as a cold start: what did the bundle require after answering?
    const loads = (action: string, properties: object) => {
        const event = { action, awsAccountId: '123456789012', bearerToken: 't', region: 'us-east-1', requestData: { callerCredentials: { accessKeyId: 'AKIDSCHEMA', secretAccessKey: 's' }, resourceProperties: properties } };
        const script = `require(${JSON.stringify(BUNDLE)}).entrypoint(${JSON.stringify(event)}, {}).then((r) => process.stdout.write('\\n@@RESULT ' + JSON.stringify({ code: r.errorCode, validator: Object.keys(require.cache).some((f) => f.endsWith('schema-validator.js')) })))`;
        const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
        return JSON.parse(run.stdout.split('\n@@RESULT ').pop()!);
    };
    // Answers that need no Connect call: an ARN that names no user, properties that are not valid.
    for (const action of ['READ', 'DELETE']) assert.deepEqual(loads(action, { UserArn: 'not-an-arn' }), { code: 'NotFound', validator: false }, action);
    assert.deepEqual(loads('LIST', { InstanceArn: 'not-an-arn' }), { code: 'InvalidRequest', validator: false }, 'LIST');
    assert.deepEqual(loads('CREATE', { Nickname: 'x' }), { code: 'InvalidRequest', validator: true }, 'CREATE validates');
});

test('built-ins are required, not imported: a CommonJS bundle never starts the ES module loader for them', () => {
    assert.equal(/\bimport\("node:/.test(readFileSync(BUNDLE, 'utf8')), false);
});

test('event-stream support is left out of the bundle, and no Connect operation could need it', () => {
    // A Smithy schema marks an event stream (and a streaming blob) with the "streaming" trait.
    const traitConstant = /^const _\w+ = "streaming";$/m;
    const schemas = (client: string) => readFileSync(join(REPO_ROOT, `node_modules/@aws-sdk/${client}/dist-es/schemas/schemas_0.js`), 'utf8');
    assert.ok(traitConstant.test(schemas('client-lambda')), 'the check finds the trait where it is (Lambda streams responses)');
    assert.equal(traitConstant.test(schemas('client-connect')), false, 'Connect streams nothing');
    const meta = JSON.parse(readFileSync(BUNDLE_META, 'utf8'));
    assert.deepEqual(Object.keys(meta.inputs).filter((path) => path.includes('/event-streams/')), []);
});
