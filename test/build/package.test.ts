// The registry package: its layout, the type name rewritten in the package only, and the packaged
// Lambda code running on its own (no node_modules beside it) against the emulator.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { buildPackage } from '../../scripts/package';
import { typeNameProblem } from '../../tools/resource-schema';
import { readZip } from '../../tools/zip';
import { useEmulator } from '../support/emulator';
import { handlerRequest } from '../support/lambda';
import { SCHEMA_PATH } from '../../tools/resource-schema';
import { tempDir } from '../support/temp-dir';
import { TYPE_NAME } from '../support/type-name';

const emulator = useEmulator();

test('type names: three segments, no reserved namespace', () => {
    assert.equal(typeNameProblem('Org::Connect::User'), undefined);
    for (const bad of ['AWS::Connect::User', 'aws::Connect::User', 'Alexa::Connect::User', 'Custom::Connect::User', 'Org::Connect', 'Org::Connect::User::X', 'Org::Conn ect::User', 'O::Connect::User']) {
        assert.ok(typeNameProblem(bad), bad);
    }
});

test('the package has the cfn submit layout, renamed, and its Lambda code runs on its own', async () => {
    const out = tempDir('package');
    const result = await buildPackage({ typeName: 'Org::Connect::User', outDir: out, check: false });
    assert.equal(result.path, join(out, 'org-connect-user.zip'));
    assert.ok(result.lambdaZipBytes < 512 * 1024, `ResourceProvider.zip is ${result.lambdaZipBytes} bytes`);
    const entries = new Map(readZip(readFileSync(result.path)).map((e) => [e.name, e.data]));
    assert.deepEqual([...entries.keys()].sort(), ['.cfn_metadata.json', '.rpdk-config', 'ResourceProvider.zip', 'inputs/inputs_1_create.json', 'inputs/inputs_1_invalid.json', 'inputs/inputs_1_update.json', 'schema.json']);
    const schema = JSON.parse(entries.get('schema.json')!.toString());
    assert.equal(schema.typeName, 'Org::Connect::User');
    assert.equal(JSON.parse(entries.get('.rpdk-config')!.toString()).typeName, 'Org::Connect::User');
    assert.equal(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')).typeName, TYPE_NAME, 'the repository keeps its name');
    assert.match(readFileSync(result.rolePath, 'utf8'), /type\/resource\/Org-Connect-User\/\*/);
    const lambda = readZip(entries.get('ResourceProvider.zip')!);
    assert.deepEqual(lambda.map((e) => e.name).sort(), ['handlers.js', 'schema-validator.js']);

    // Unpacked where no node_modules can be found: the code must need nothing beside itself.
    const code = tempDir('lambda');
    mkdirSync(code, { recursive: true });
    for (const file of lambda) writeFileSync(join(code, file.name), file.data);
    const seed = seedArns();
    const properties = { InstanceArn: seed.instanceArn, Username: 'packaged', Password: 'Packaged-Passw0rd', IdentityInfo: { FirstName: 'P', LastName: 'K' }, PhoneConfig: { PhoneType: 'SOFT_PHONE' }, SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles.Sales };
    const requests = {
        create: handlerRequest('CREATE', properties),
        read: handlerRequest('READ', {}),
        bad: handlerRequest('CREATE', { ...properties, Bogus: 1 }),
    };
    const script = `
        const { entrypoint, resource } = require('./handlers.js');
        const requests = ${JSON.stringify(requests)};
        (async () => {
            const created = await entrypoint(requests.create, {});
            requests.read.requestData.resourceProperties = { UserArn: created.resourceModel.UserArn };
            const read = await entrypoint(requests.read, {});
            const bad = await entrypoint(requests.bad, {});
            process.stdout.write('RESULT ' + JSON.stringify({ typeName: resource.typeName, created: created.status, read: read.status, badMessage: bad.message }));
        })();`;
    // Asynchronously: the emulator the child calls runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: code, encoding: 'utf8', env: { ...process.env, AWS_ENDPOINT_URL_CONNECT: emulator().endpoint } });
    const output = JSON.parse(stdout.split('RESULT ').pop()!);
    assert.deepEqual({ typeName: output.typeName, created: output.created, read: output.read }, { typeName: 'Org::Connect::User', created: 'SUCCESS', read: 'SUCCESS' });
    assert.match(output.badMessage, /Bogus is not a property of Org::Connect::User/);
});
