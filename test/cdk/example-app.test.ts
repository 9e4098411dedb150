// The CDK example app (examples/cdk/), with the typed construct `npm run generate` writes for this
// type: it synthesizes, and every resource of the template goes through the handler against the
// emulator as CloudFormation would drive it: created, updated after an edit of the app, deleted.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { useEmulator } from '../support/emulator';
import { drive, freshBeforeEach, Properties } from '../support/lambda';
import { TYPE_NAME } from '../support/type-name';

const emulator = useEmulator();
freshBeforeEach(emulator);
const installed = existsSync(join(REPO_ROOT, 'examples', 'cdk', 'node_modules', 'aws-cdk-lib'));

function synthesize(options: { agentRoutingProfile?: 'sales' | 'support' }): Record<string, Properties> {
    // Loaded at run time: the app's dependencies are the example's own (examples/cdk/node_modules).
    const { synth } = require('../../examples/cdk/app') as { synth(outdir: string, options: object): { Resources: Record<string, { Type: string; Properties: Properties }> } };
    const outdir = mkdtempSync(join(tmpdir(), 'cdk-'));
    try {
        const template = synth(outdir, options);
        return Object.fromEntries(Object.entries<any>(template.Resources).filter(([, r]) => r.Type === TYPE_NAME).map(([id, r]) => [id, r.Properties]));
    } finally {
        rmSync(outdir, { recursive: true, force: true });
    }
}

test('the example app synthesizes, and each of its users is created, updated after an edit of the app, and deleted through the handler', async (t) => {
    if (!installed) return t.skip('examples/cdk has no node_modules: npm ci --prefix examples/cdk (.ci/run does)');
    const seed = seedArns();
    const first = synthesize({});
    assert.deepEqual(Object.keys(first).sort(), ['Agent', 'Supervisor']);
    assert.deepEqual(first.Agent.Tags, [{ Key: 'role', Value: 'agent' }, { Key: 'team', Value: 'contact-center' }], 'the resource\'s own tag and Tags.of(stack)\'s');
    assert.deepEqual(first.Supervisor.Tags, [{ Key: 'team', Value: 'contact-center' }]);

    const arns: Record<string, string> = {};
    for (const [id, properties] of Object.entries(first)) {
        const { event } = await drive('CREATE', properties);
        assert.equal(event.status, 'SUCCESS', `${id}: ${event.message}`);
        arns[id] = event.resourceModel!.UserArn;
    }
    const agent = () => emulator().users().find((u) => u.username === 'cdk-agent')!;
    assert.equal(agent().routingProfileId, seed.routingProfiles.Sales.split('/').pop());
    assert.equal(agent().tags.team, 'contact-center');

    const edited = synthesize({ agentRoutingProfile: 'support' });
    for (const [id, properties] of Object.entries(edited)) {
        const { event } = await drive('UPDATE', { ...properties, UserArn: arns[id] }, { previous: { ...first[id], UserArn: arns[id] } });
        assert.equal(event.status, 'SUCCESS', `${id}: ${event.message}`);
    }
    assert.equal(agent().routingProfileId, seed.routingProfiles.Support.split('/').pop());

    for (const id of Object.keys(edited)) {
        const { event } = await drive('DELETE', { UserArn: arns[id] });
        assert.equal(event.status, 'SUCCESS', `${id}: ${event.message}`);
    }
    assert.deepEqual(emulator().users().filter((u) => u.username.startsWith('cdk-')), []);
});

test('the construct refuses a missing required prop, naming it', (t) => {
    if (!installed) return t.skip('examples/cdk has no node_modules');
    const cdk = require(join(REPO_ROOT, 'examples', 'cdk', 'node_modules', 'aws-cdk-lib'));
    const { CfnUser } = require('../../examples/cdk/lib/user');
    const stack = new cdk.Stack(new cdk.App(), 'S');
    assert.throws(() => new CfnUser(stack, 'U', { instanceArn: 'x', username: 'u', securityProfileArns: ['s'] }), /CfnUser U: routingProfileArn is required/);
});
