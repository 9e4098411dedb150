// Permissions that are exactly what each action calls. Every path of every action runs through
// the entrypoint against the emulator; each Connect call it made is mapped to the IAM actions it
// needs (with the documented dependent ones), and the test fails on a call the action's
// `permissions` in the schema do not grant, and on a grant that no path uses. The same calls are
// held to the execution role (resource-role.yaml): each needs a statement that allows its action
// on the resource IAM evaluates, and only actions IAM cannot scope may be granted on "*".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { AssociateUserProficienciesCommand, DisassociateUserProficienciesCommand, UpdateUserRoutingProfileCommand } from '@aws-sdk/client-connect';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import type { JournalEntry } from '../../local/connect-emulator/server';
import { connectClient, useEmulator } from '../support/emulator';
import { drive, freshBeforeEach, handlerRequest, invokeRaw, Properties } from '../support/lambda';
import { typicalUser } from '../support/typical-user';

const emulator = useEmulator();
const seed = seedArns();
freshBeforeEach(emulator);

const schemaFile = JSON.parse(readFileSync(join(REPO_ROOT, '.rpdk-config'), 'utf8')).typeName.toLowerCase().replace(/::/g, '-') + '.json';
const handlers: Record<string, { permissions: string[] }> = JSON.parse(readFileSync(join(REPO_ROOT, schemaFile), 'utf8')).handlers;

/**
 * The IAM actions one call needs. ListInstances also needs ds:DescribeDirectories (Connect's
 * service authorization reference lists it as a dependent action); a CreateUser that carries
 * Tags also needs connect:TagResource (tag-on-create is authorized as tagging).
 */
function iamActions(entry: JournalEntry & { tagged?: boolean }): string[] {
    const actions = [`connect:${entry.operation}`];
    if (entry.operation === 'ListInstances') actions.push('ds:DescribeDirectories');
    if (entry.operation === 'CreateUser' && entry.tagged) actions.push('connect:TagResource');
    return actions;
}

/**
 * The resource IAM evaluates for one call: the tagged ARN for the tag operations, "*" for the
 * actions with no resource type, else the instance the path names and what follows it (Connect's
 * front door appends the InstanceId it was sent to `instance/`, connect-api.md §4).
 */
function iamResource(entry: JournalEntry, iam: string): string {
    if (iam === 'connect:ListInstances' || iam === 'ds:DescribeDirectories') return '*';
    const segments = entry.path.split('/').slice(1).map(decodeURIComponent);
    if (segments[0] === 'tags') return segments[1];
    const { region, accountId } = DEFAULT_SEED.instances[0];
    return `arn:aws:connect:${region}:${accountId}:instance/${segments.slice(1).join('/')}`;
}

interface Statement { Effect: string; Action: string[]; Resource: string | { 'Fn::Sub': string } }
const role: Statement[] = parse(readFileSync(join(REPO_ROOT, 'resource-role.yaml'), 'utf8')).Resources.ExecutionRole.Properties.Policies[0].PolicyDocument.Statement;
/** A statement's Resource as IAM sees it in the seed instance's account and Region, as a pattern. */
function resourcePattern(statement: Statement): RegExp {
    const { region, accountId } = DEFAULT_SEED.instances[0];
    const resource = typeof statement.Resource === 'string' ? statement.Resource : statement.Resource['Fn::Sub'].replace('${AWS::Partition}', 'aws').replace('${AWS::Region}', region).replace('${AWS::AccountId}', accountId);
    return new RegExp(`^${resource.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}
const roleAllows = (iam: string, resource: string) => role.some((statement) => statement.Effect === 'Allow' && statement.Action.includes(iam) && resourcePattern(statement).test(resource));
const calls: { iam: string; resource: string }[] = [];

const used: Record<string, Set<string>> = { create: new Set(), read: new Set(), update: new Set(), delete: new Set(), list: new Set() };
const calledSince = (from: number) => emulator().journal.slice(from);

/** Runs one path of `action` and records the IAM actions of every Connect call it made. */
async function path(action: keyof typeof used, run: () => Promise<unknown>, tagged = true) {
    const from = emulator().journal.length;
    await run();
    for (const entry of calledSince(from)) {
        for (const iam of iamActions({ ...entry, tagged })) {
            used[action].add(iam);
            calls.push({ iam, resource: iamResource(entry, iam) });
        }
    }
}

const console_ = () => connectClient(emulator());
async function created(properties: Properties): Promise<Properties> {
    const { event } = await drive('CREATE', properties);
    assert.equal(event.status, 'SUCCESS', event.message);
    return { ...properties, UserArn: event.resourceModel!.UserArn };
}

test('every call of every path is granted by its action\'s permissions, and every grant is used', async () => {
    // CREATE: plain (tags, proficiencies), waiting for the new user to show, a lost CreateUser
    // answer (the user is found again), and a redelivered round whose pairs are already there.
    await path('create', () => drive('CREATE', typicalUser('perm', { Tags: [{ Key: 'team', Value: 'a' }] })));
    emulator().setFaults({ readAfterCreateLag: 1, lagMs: 100 });
    await path('create', () => drive('CREATE', typicalUser('perm'), { wait: (s) => new Promise((r) => setTimeout(r, s * 50)) }));
    emulator().setFaults({ dropResponse: 1, operations: ['CreateUser'], maxFaults: 1 });
    await path('create', () => drive('CREATE', typicalUser('perm')));
    emulator().setFaults({});
    const redelivered = typicalUser('perm');
    await drive('CREATE', redelivered, { token: 'perm-redelivered' });
    await path('create', () => invokeRaw(handlerRequest('CREATE', redelivered, { token: 'perm-redelivered' })));

    // READ; LIST with and without InstanceArn; DELETE.
    const user = await created(typicalUser('perm'));
    await path('read', () => drive('READ', { UserArn: user.UserArn }));
    await path('list', () => drive('LIST', { InstanceArn: seed.instanceArn }));
    await path('list', () => drive('LIST', undefined));

    // UPDATE: every step, then what Connect holds otherwise: a pair associated and one removed in
    // the console (each settled by the other call), and a routing profile changed (drift, re-planned from a read).
    const before = { ...user, Tags: [{ Key: 'team', Value: 'a' }, { Key: 'env', Value: 'x' }] };
    await drive('UPDATE', before, { previous: user });
    const every = {
        ...before,
        IdentityInfo: { FirstName: 'Ada', LastName: 'King' },
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30 },
        AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }],
        RoutingProfileArn: seed.routingProfiles.Sales,
        SecurityProfileArns: [seed.securityProfiles.Agent, seed.securityProfiles.Admin],
        HierarchyGroupArn: seed.hierarchyGroups.Europe,
        UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'German', Level: 1 }],
        Tags: [{ Key: 'team', Value: 'b' }],
    };
    await path('update', async () => assert.equal((await drive('UPDATE', every, { previous: before })).event.status, 'SUCCESS'));
    const target = { InstanceId: seed.instanceArn, UserId: user.UserArn };
    await console_().send(new AssociateUserProficienciesCommand({ ...target, UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'Spanish', Level: 1 }] }));
    await console_().send(new DisassociateUserProficienciesCommand({ ...target, UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'German' }] }));
    await console_().send(new UpdateUserRoutingProfileCommand({ ...target, RoutingProfileId: seed.routingProfiles.Support }));
    const settled = { ...every, UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'German', Level: 2 }, { AttributeName: 'Language', AttributeValue: 'Spanish', Level: 4 }] };
    await path('update', async () => assert.equal((await drive('UPDATE', settled, { previous: every })).event.status, 'SUCCESS'));
    await path('delete', () => drive('DELETE', { UserArn: user.UserArn }));

    for (const [action, calls] of Object.entries(used)) {
        const granted = new Set(handlers[action].permissions);
        assert.deepEqual([...calls].filter((iam) => !granted.has(iam)).sort(), [], `${action} makes calls its permissions do not grant`);
        assert.deepEqual([...granted].filter((iam) => !calls.has(iam)).sort(), [], `${action} is granted what no path calls`);
    }
});

test('the execution role allows each of those calls on its resource, and grants "*" only where IAM cannot scope', () => {
    assert.ok(calls.length > 0, 'runs after the paths above');
    assert.deepEqual(calls.filter(({ iam, resource }) => !roleAllows(iam, resource)).map(({ iam, resource }) => `${iam} on ${resource}`), [], 'calls the role does not allow');
    const starred = role.filter((statement) => statement.Resource === '*').flatMap((statement) => statement.Action);
    const onlyStar = new Set(calls.filter(({ resource }) => resource === '*').map(({ iam }) => iam));
    assert.deepEqual(starred.filter((iam) => !onlyStar.has(iam)), [], 'actions granted on "*" although each call names an instance');
    // The scope is the request's own account and Region: the same user in another account is refused.
    const sample = calls.find(({ iam }) => iam === 'connect:DescribeUser')!;
    assert.equal(roleAllows(sample.iam, sample.resource.replace(DEFAULT_SEED.instances[0].accountId, '999999999999')), false);
});
