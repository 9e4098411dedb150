// Updates converge on the template from whatever Connect holds: after a failed update and its
// rollback (CloudFormation sends the last good template as desired, the failed one as previous,
// and rollback: true), after edits made in the console, and when Lambda delivers an invocation
// twice. Each case as CloudFormation sends it, through the bundle's entrypoint, against the
// emulator; afterwards a READ must show the template.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
    AssociateUserProficienciesCommand,
    DisassociateUserProficienciesCommand,
    UpdateUserProficienciesCommand,
    UpdateUserRoutingProfileCommand,
} from '@aws-sdk/client-connect';
import { seedArns } from '../../local/connect-emulator/seed';
import { connectClient, useEmulator } from '../support/emulator';
import { expectedState, stateOf } from '../../scripts/harness/expectations';
import { drive, freshBeforeEach, handlerRequest, invokeRaw, Properties } from '../support/lambda';
import { typicalUser } from '../support/typical-user';

const emulator = useEmulator();
const seed = seedArns();
const template = (overrides: Properties = {}) => typicalUser('converge', overrides);
const operations = () => emulator().journal.map((entry) => entry.operation);
const console_ = () => connectClient(emulator());
/** An admin removes one of the user's proficiencies in the Connect console. */
const removeInConsole = (userArn: string, AttributeName: string, AttributeValue: string) =>
    console_().send(new DisassociateUserProficienciesCommand({ InstanceId: seed.instanceArn, UserId: userArn, UserProficiencies: [{ AttributeName, AttributeValue }] }));
const proficiency = (AttributeName: string, AttributeValue: string, Level: number) => ({ AttributeName, AttributeValue, Level });

async function create(properties: Properties): Promise<Properties> {
    const { event } = await drive('CREATE', properties);
    assert.equal(event.status, 'SUCCESS', event.message);
    return { ...properties, UserArn: event.resourceModel!.UserArn as string };
}

/** READ through the entrypoint shows exactly what the template asks. */
async function assertReads(properties: Properties) {
    const { event } = await drive('READ', { UserArn: properties.UserArn });
    assert.equal(event.status, 'SUCCESS', event.message);
    assert.deepEqual(stateOf(event.resourceModel!), expectedState(properties));
}

async function update(desired: Properties, previous: Properties, rollback = false) {
    return (await drive('UPDATE', desired, { previous, rollback })).event;
}

freshBeforeEach(emulator);

describe('a failed update rolls back', () => {
    test('an update that adds a hierarchy group that does not exist and removes a proficiency fails; its rollback succeeds', async () => {
        const good = await create(template());
        const bad = { ...good, HierarchyGroupArn: `${seed.instanceArn}/agent-group/00000000-0000-4000-8000-0000000000ff`, UserProficiencies: [good.UserProficiencies[0]] };
        const forward = await update(bad, good);
        assert.equal(forward.status, 'FAILED');
        assert.equal(forward.errorCode, 'InvalidRequest', forward.message);
        const rollback = await update(good, bad, true);
        assert.equal(rollback.status, 'SUCCESS', rollback.message);
        await assertReads(good);
    });

    test('an update that failed after removing a proficiency rolls back: the rollback associates it again', async () => {
        const good = await create(template());
        const bad = { ...good, UserProficiencies: [good.UserProficiencies[0]], Tags: [{ Key: 'aws:reserved', Value: 'x' }] };
        // The forward update removed the proficiency, then failed on its next step.
        await removeInConsole(good.UserArn, 'Technology', 'Billing');
        const rollback = await update(good, bad, true);
        assert.equal(rollback.status, 'SUCCESS', rollback.message);
        await assertReads(good);
    });

    test('a Password change is refused NotUpdatable; its rollback succeeds without a Connect call', async () => {
        const good = await create(template());
        const changed = { ...good, Password: 'Another-Passw0rd' };
        const forward = await update(changed, good);
        assert.equal(forward.status, 'FAILED');
        assert.equal(forward.errorCode, 'NotUpdatable');
        assert.match(forward.message!, /^Password cannot be updated: /);
        emulator().journal.length = 0;
        const rollback = await update(good, changed, true);
        assert.equal(rollback.status, 'SUCCESS', rollback.message);
        assert.deepEqual(operations(), []);
        assert.equal(rollback.resourceModel!.UserArn, good.UserArn);
        assert.equal(rollback.resourceModel!.Password, undefined);
        await assertReads(good);
    });

    test('a DirectoryUserId change is refused NotUpdatable; so is a forward Password change that is not a rollback', async () => {
        const good = await create(template());
        const directory = await update({ ...good, DirectoryUserId: 'someone-else' }, { ...good, DirectoryUserId: 'someone' });
        assert.equal(directory.errorCode, 'NotUpdatable');
        assert.match(directory.message!, /^DirectoryUserId cannot be updated: /);
        const password = await update({ ...good, Password: 'Another-Passw0rd' }, good);
        assert.equal(password.errorCode, 'NotUpdatable');
        const rolledBack = await update({ ...good, DirectoryUserId: 'someone' }, { ...good, DirectoryUserId: 'someone-else' }, true);
        assert.equal(rolledBack.status, 'SUCCESS', rolledBack.message);
    });
});

describe('edits made outside CloudFormation', () => {
    test('a proficiency removed in the console, then the template changes its level: it is associated at the new level', async () => {
        const good = await create(template());
        await removeInConsole(good.UserArn, 'Language', 'English');
        const desired = { ...good, UserProficiencies: [proficiency('Language', 'English', 5), good.UserProficiencies[1]] };
        const event = await update(desired, good);
        assert.equal(event.status, 'SUCCESS', event.message);
        await assertReads(desired);
        // and the rollback of that update, had the stack failed elsewhere, converges back
        await removeInConsole(good.UserArn, 'Language', 'English');
        const rollback = await update(good, desired, true);
        assert.equal(rollback.status, 'SUCCESS', rollback.message);
        await assertReads(good);
    });

    test('a proficiency added in the console, then the template adds it at another level: the template\'s level wins', async () => {
        const good = await create(template());
        await console_().send(new AssociateUserProficienciesCommand({ InstanceId: seed.instanceArn, UserId: good.UserArn, UserProficiencies: [proficiency('Language', 'German', 1)] }));
        const desired = { ...good, UserProficiencies: [...good.UserProficiencies, proficiency('Language', 'German', 4)] };
        const event = await update(desired, good);
        assert.equal(event.status, 'SUCCESS', event.message);
        await assertReads(desired);
    });

    test('a level changed and a routing profile changed in the console are set back by the next update, whatever it changes', async () => {
        const good = await create(template());
        await console_().send(new UpdateUserProficienciesCommand({ InstanceId: seed.instanceArn, UserId: good.UserArn, UserProficiencies: [proficiency('Technology', 'Billing', 1)] }));
        await console_().send(new UpdateUserRoutingProfileCommand({ InstanceId: seed.instanceArn, UserId: good.UserArn, RoutingProfileId: seed.routingProfiles.Sales }));
        const desired = { ...good, IdentityInfo: { FirstName: 'Ada', LastName: 'King' } };
        emulator().journal.length = 0;
        const event = await update(desired, good);
        assert.equal(event.status, 'SUCCESS', event.message);
        await assertReads(desired);
        assert.ok(operations().includes('UpdateUserRoutingProfile') && operations().includes('UpdateUserProficiencies'), operations().join(', '));
    });

    test('a proficiency attribute that does not exist is still InvalidRequest, naming the proficiency and not the Username', async () => {
        const good = await create(template());
        const event = await update({ ...good, UserProficiencies: [...good.UserProficiencies, proficiency('Language', 'Klingon', 2)] }, good);
        assert.equal(event.status, 'FAILED');
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, /AssociateUserProficiencies failed: .*Check UserProficiencies/);
        assert.doesNotMatch(event.message!, /Username/);
    });
});

describe('Lambda delivers an invocation twice', () => {
    test('the same UPDATE twice: both succeed, the user is as the template asks', async () => {
        const good = await create(template());
        const desired = { ...good, UserProficiencies: [proficiency('Language', 'Spanish', 3)], HierarchyGroupArn: seed.hierarchyGroups.Europe };
        const request = handlerRequest('UPDATE', desired, { previous: good });
        const first = await invokeRaw(structuredClone(request));
        assert.equal(first.status, 'SUCCESS', first.message);
        const second = await invokeRaw(structuredClone(request));
        assert.equal(second.status, 'SUCCESS', second.message);
        await assertReads(desired);
    });

    test('the same CREATE round after its proficiencies went out: the redelivery succeeds with one user', async () => {
        const properties = template();
        const request = handlerRequest('CREATE', properties, { token: `redelivered-${properties.Username}` });
        const { event, rounds } = await drive('CREATE', properties, { token: `redelivered-${properties.Username}` });
        assert.equal(event.status, 'SUCCESS', event.message);
        const userArn = event.resourceModel!.UserArn;
        // The first invocation again, as a second delivery: the user and its pairs are there.
        const again = await invokeRaw(structuredClone(request));
        assert.equal(again.status, 'SUCCESS', again.message);
        assert.equal(emulator().users().filter((user) => user.username === properties.Username).length, 1);
        assert.ok(rounds.length >= 1);
        await assertReads({ ...properties, UserArn: userArn });
    });
});

describe('the request\'s own user, account and Region', () => {
    test('an ARN of another account, Region or partition is refused before any call: InvalidRequest for a template, NotFound for READ and DELETE', async () => {
        const foreign = seed.instanceArn.replace(':123456789012:', ':999999999999:');
        const created_ = await create(template());
        emulator().journal.length = 0;
        const west = (arn: string) => arn.replace(':us-east-1:', ':us-west-2:');
        const made = await drive('CREATE', template({ InstanceArn: west(seed.instanceArn), RoutingProfileArn: west(seed.routingProfiles.Sales), SecurityProfileArns: [west(seed.securityProfiles.Agent)] }));
        assert.equal(made.event.errorCode, 'InvalidRequest');
        assert.match(made.event.message!, /^InstanceArn names an Amazon Connect resource of Region us-west-2/);
        const updated = await update({ ...created_, SecurityProfileArns: [`${foreign}/security-profile/x`] }, created_);
        assert.equal(updated.errorCode, 'InvalidRequest');
        for (const action of ['READ', 'DELETE']) {
            const { event } = await drive(action, { UserArn: created_.UserArn.replace('arn:aws:', 'arn:aws-cn:').replace('us-east-1', 'cn-north-1') });
            assert.equal(event.errorCode, 'NotFound', `${action}: ${event.message}`);
        }
        const listed = await drive('LIST', { InstanceArn: foreign });
        assert.equal(listed.event.errorCode, 'InvalidRequest');
        assert.deepEqual(operations(), []);
    });

    test('an UPDATE whose desired UserArn names another user than the previous state is refused before any call', async () => {
        const mine = await create(template());
        const other = await create(template());
        emulator().journal.length = 0;
        const event = await update({ ...mine, UserArn: other.UserArn, RoutingProfileArn: seed.routingProfiles.Sales }, mine);
        assert.equal(event.status, 'FAILED');
        assert.equal(event.errorCode, 'InvalidRequest');
        assert.match(event.message!, /^UserArn is read-only/);
        assert.equal(event.message!.includes(other.UserArn), false, 'what the request named is not echoed');
        assert.deepEqual(operations(), []);
        await assertReads(other);
        await assertReads(mine);
    });
});
