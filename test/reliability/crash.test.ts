// An invocation that dies after its k-th Connect call succeeded, before it answered, is sent
// again as CloudFormation sends it; for every k in a create and an update the resource must
// converge, with exactly one Connect user.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeEach, test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { useEmulator } from '../support/emulator';
import { actualState, expectedState } from '../../scripts/harness/expectations';
import { drive, handlerRequest, loadBundle, Properties } from '../support/lambda';

const emulator = useEmulator();
const seed = seedArns();
const created: Properties = {
    InstanceArn: seed.instanceArn, Username: 'crash-agent', Password: 'Crash-Passw0rd',
    IdentityInfo: { FirstName: 'C', LastName: 'Rash' }, PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    SecurityProfileArns: [seed.securityProfiles.Agent], RoutingProfileArn: seed.routingProfiles['Basic Routing Profile'],
    HierarchyGroupArn: seed.hierarchyGroups.Europe, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }],
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 2 }, { AttributeName: 'Technology', AttributeValue: 'Billing', Level: 4 }],
};
const updated: Properties = {
    ...created, IdentityInfo: { FirstName: 'C', LastName: 'Rashed' }, PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true },
    SecurityProfileArns: [seed.securityProfiles.Admin], RoutingProfileArn: seed.routingProfiles.Sales, HierarchyGroupArn: undefined,
    Tags: [{ Key: 'a', Value: 'changed' }, { Key: 'c', Value: '3' }],
    UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 5 }, { AttributeName: 'Language', AttributeValue: 'French', Level: 1 }],
};

beforeEach(() => {
    loadBundle(emulator().endpoint);
    emulator().reset();
});

/** Runs one invocation in its own process, and kills it once k Connect calls have run. */
async function dieAfter(k: number, event: unknown) {
    emulator().setFaults({ cutAfter: k });
    const child = spawn(process.execPath, [join(REPO_ROOT, 'test/fixtures/run-entrypoint.js'), JSON.stringify(event)], {
        env: { ...process.env, AWS_ENDPOINT_URL_CONNECT: emulator().endpoint },
        stdio: 'ignore',
    });
    const executed = () => emulator().journal.filter((e) => e.status === 200 || e.fault === 'dropResponse').length;
    const before = executed();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    while (executed() - before < k && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await exited;
    emulator().setFaults({});
    return executed() - before;
}

const usersNamed = (name: string) => emulator().users().filter((u) => u.username === name);

test('create: killed after each of its Connect calls, the re-sent request converges to one user', async () => {
    const clean = await drive('CREATE', created, { token: 'clean-run' });
    assert.equal(clean.event.status, 'SUCCESS');
    const calls = emulator().journal.length;
    assert.ok(calls >= 3, `a create makes ${calls} calls`);
    for (let k = 1; k <= calls; k++) {
        emulator().reset();
        const createdBefore = emulator().service.usersEverCreated;
        const token = `create-crash-${k}`;
        const ran = await dieAfter(k, handlerRequest('CREATE', created, { token }));
        assert.equal(ran, k, `the invocation ran ${ran} calls before it died`);
        const again = await drive('CREATE', created, { token });
        assert.equal(again.event.status, 'SUCCESS', `k=${k}: ${again.event.message}`);
        assert.equal(usersNamed('crash-agent').length, 1, `k=${k}: exactly one user`);
        assert.equal(emulator().service.usersEverCreated - createdBefore, 1, `k=${k}: no second CreateUser took effect`);
        assert.deepEqual(actualState(emulator().service, again.event.resourceModel!.UserArn), expectedState(created), `k=${k}`);
    }
});

test('update: killed after each of its Connect calls, the re-sent request converges', async () => {
    const probe = await drive('CREATE', created, { token: 'probe' });
    emulator().journal.length = 0;
    const probeUpdate = await drive('UPDATE', { ...updated, UserArn: probe.event.resourceModel!.UserArn }, { previous: created });
    assert.equal(probeUpdate.event.status, 'SUCCESS');
    const calls = emulator().journal.length;
    assert.ok(calls >= 10, `the update makes ${calls} calls`);
    for (let k = 1; k <= calls; k++) {
        emulator().reset();
        const createdBefore = emulator().service.usersEverCreated;
        const { event } = await drive('CREATE', created, { token: `update-crash-create-${k}` });
        const userArn = event.resourceModel!.UserArn;
        const desired = { ...updated, UserArn: userArn };
        const token = `update-crash-${k}`;
        assert.equal(await dieAfter(k, handlerRequest('UPDATE', desired, { previous: created, token })), k);
        const again = await drive('UPDATE', desired, { previous: created, token });
        assert.equal(again.event.status, 'SUCCESS', `k=${k}: ${again.event.message}`);
        assert.equal(usersNamed('crash-agent').length, 1);
        assert.equal(emulator().service.usersEverCreated - createdBefore, 1, `k=${k}: one user was ever made`);
        assert.deepEqual(actualState(emulator().service, userArn), expectedState(updated), `k=${k}`);
    }
});
