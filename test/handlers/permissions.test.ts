// Permissions that are exactly what each action calls. Every path of every action runs through
// the entrypoint against the emulator; each Connect call it made is mapped to the IAM actions it
// needs (with the documented dependent ones), and the test fails on a call the action's
// `permissions` in the schema do not grant, and on a grant that no path uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AssociateUserProficienciesCommand, DisassociateUserProficienciesCommand, UpdateUserRoutingProfileCommand } from '@aws-sdk/client-connect';
import { seedArns } from '../../local/connect-emulator/seed';
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

const used: Record<string, Set<string>> = { create: new Set(), read: new Set(), update: new Set(), delete: new Set(), list: new Set() };
const calledSince = (from: number) => emulator().journal.slice(from);

/** Runs one path of `action` and records the IAM actions of every Connect call it made. */
async function path(action: keyof typeof used, run: () => Promise<unknown>, tagged = true) {
    const from = emulator().journal.length;
    await run();
    for (const entry of calledSince(from)) for (const iam of iamActions({ ...entry, tagged })) used[action].add(iam);
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
