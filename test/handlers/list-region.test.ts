// LIST without InstanceArn, as Cloud Control sends it for StackQL's documented query
// `SELECT region, user_arn FROM awscc.connect.users_list_only WHERE region = 'us-east-1'` (and
// `aws cloudcontrol list-resources` without --resource-model): no ResourceModel at all. Every
// user of every ACTIVE instance of the Region, each exactly once across pages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { operations, SeedInstance } from '../../local/connect-emulator/service';
import { encodeCursor } from '../../src/list-cursor';
import { useEmulator } from '../support/emulator';
import { freshBeforeEach, invoke, Properties } from '../support/lambda';

// The default seed, and an instance whose creation failed: ListInstances shows it, LIST must not.
const FAILED: SeedInstance = { ...DEFAULT_SEED.instances[1], id: 'f0f0f0f0-0000-4000-8000-00000000dead', alias: 'failed-instance', status: 'CREATION_FAILED' };
const emulator = useEmulator({ seed: { instances: [...DEFAULT_SEED.instances, FAILED] } });
const [managed, saml] = DEFAULT_SEED.instances;
const arns = { managed: seedArns(managed), saml: seedArns(saml), failed: seedArns(FAILED) };
const SCOPE = '123456789012:us-east-1';

/** Users straight into the emulator's state: the listing is under test, not CreateUser. */
function seedUsers(instance: SeedInstance, count: number, prefix: string) {
    const at = seedArns(instance);
    for (let i = 0; i < count; i++) {
        const managedIdentity = instance.identityManagementType === 'CONNECT_MANAGED';
        const body = {
            Username: `${prefix}${i}`,
            IdentityInfo: { FirstName: 'L', LastName: 'U' },
            ...(managedIdentity ? { Password: 'Listed-Passw0rd' } : {}),
            SecurityProfileIds: [Object.values(at.securityProfiles)[0]],
            RoutingProfileId: Object.values(at.routingProfiles)[0],
        };
        operations.CreateUser(emulator().service, { labels: [at.instanceArn], query: new URLSearchParams(), body });
    }
}

/** Every page of a LIST that sends `properties` (none: Cloud Control with no ResourceModel). */
async function listAll(properties?: Properties) {
    const pages: Properties[][] = [];
    const tokens: (string | undefined)[] = [];
    let nextToken: string | undefined;
    do {
        const event = await invoke('LIST', properties, { nextToken });
        assert.equal(event.status, 'SUCCESS', event.message);
        pages.push(event.resourceModels ?? []);
        nextToken = event.nextToken;
        tokens.push(nextToken);
    } while (nextToken && pages.length < 50);
    return { pages, tokens, models: pages.flat() };
}

const operationsCalled = () => emulator().journal.map((entry) => entry.operation);

freshBeforeEach(emulator);

describe('LIST without InstanceArn', () => {
    test('every user of both ACTIVE instances exactly once, 230+ users, no call per user', async () => {
        emulator().reset();
        seedUsers(managed, 180, 'region-a-');
        seedUsers(saml, 55, 'region-b-');
        seedUsers(FAILED, 7, 'failed-');
        emulator().journal.length = 0;
        const { pages, models } = await listAll(undefined);
        assert.equal(models.length, 235);
        assert.equal(new Set(models.map((m) => m.UserArn)).size, 235, 'no user twice');
        for (const model of models) {
            assert.ok(model.UserArn.startsWith(`${model.InstanceArn}/agent/`), JSON.stringify(model));
            assert.ok([arns.managed.instanceArn, arns.saml.instanceArn].includes(model.InstanceArn), 'only ACTIVE instances');
            assert.equal(model.Password, undefined);
        }
        const byInstance = (arn: string) => models.filter((m) => m.InstanceArn === arn).length;
        assert.deepEqual([byInstance(arns.managed.instanceArn), byInstance(arns.saml.instanceArn)], [180, 55]);
        // One ListUsers page and the instance list per invocation, nothing per user.
        const calls = operationsCalled();
        assert.deepEqual([...new Set(calls)].sort(), ['ListInstances', 'ListUsers']);
        assert.equal(calls.filter((op) => op === 'ListUsers').length, pages.length);
        assert.equal(calls.filter((op) => op === 'ListInstances').length, pages.length);
    });

    test('a page boundary that falls between instances: the next page starts the next instance', async () => {
        emulator().reset();
        seedUsers(managed, 100, 'edge-a-');
        seedUsers(saml, 3, 'edge-b-');
        const { pages } = await listAll(undefined);
        // The instances are walked in ID order: the SAML instance's ID sorts first here.
        const order = [arns.managed.instanceArn, arns.saml.instanceArn].sort();
        const sizes = pages.map((p) => p.length);
        const instancesOf = pages.map((p) => [...new Set(p.map((m) => m.InstanceArn))]);
        assert.equal(sizes.reduce((a, b) => a + b, 0), 103);
        for (const instances of instancesOf) assert.ok(instances.length <= 1, 'a page never mixes instances');
        assert.deepEqual(instancesOf.filter((i) => i.length > 0).map((i) => i[0]), order);
    });

    test('an instance with no users: the listing goes on to the next one', async () => {
        emulator().reset();
        seedUsers(saml, 2, 'only-b-');
        const { models } = await listAll(undefined);
        assert.deepEqual(models.map((m) => m.Username).sort(), ['only-b-0', 'only-b-1']);
    });

    test('a tampered, foreign or stale nextToken is InvalidRequest, never a crash', async () => {
        emulator().reset();
        seedUsers(managed, 150, 'token-');
        const first = await invoke('LIST', undefined);
        assert.ok(first.nextToken);
        const [version, payload, check] = first.nextToken!.split('.');
        const flipped = `${version}.${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}.${check}`;
        const stale = encodeCursor({ instanceId: FAILED.id }, SCOPE);
        for (const [what, token] of [['tampered', flipped], ['garbage', 'not-a-token'], ['empty', '{}'], ['stale', stale]] as const) {
            const event = await invoke('LIST', undefined, { nextToken: token });
            assert.equal(event.status, 'FAILED', what);
            assert.equal(event.errorCode, 'InvalidRequest', what);
            assert.match(event.message!, /nextToken/, what);
        }
        const otherRegion = await invoke('LIST', undefined, { nextToken: first.nextToken, region: 'eu-west-2' });
        assert.equal(otherRegion.errorCode, 'InvalidRequest');
    });
});

describe('LIST with InstanceArn', () => {
    test('is what it was: one ListUsers page of that instance, Connect\'s own token', async () => {
        emulator().reset();
        seedUsers(managed, 120, 'one-');
        seedUsers(saml, 5, 'other-');
        emulator().journal.length = 0;
        const { models, tokens, pages } = await listAll({ InstanceArn: arns.managed.instanceArn });
        assert.equal(models.length, 120);
        assert.ok(models.every((m) => m.InstanceArn === arns.managed.instanceArn));
        assert.deepEqual(operationsCalled(), pages.map(() => 'ListUsers'));
        assert.ok(!tokens[0]!.startsWith('r1.'), 'the nextToken is the one Connect gave');
    });

    test('an InstanceArn that is not one is InvalidRequest naming it', async () => {
        const event = await invoke('LIST', { InstanceArn: 'arn:aws:connect:us-east-1:123456789012:queue/x' });
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, /InstanceArn must be the ARN of an Amazon Connect instance/);
    });
});
