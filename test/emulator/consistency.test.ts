// Connect's eventual consistency in the emulator: after a change, the user's reads show it as it
// was for a number of reads and/or milliseconds, a user just created is NotFound meanwhile, and
// writes act on the user as it is. Through the real SDK over HTTP, and the admin API.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import {
    AssociateUserProficienciesCommand,
    CreateUserCommand,
    DescribeUserCommand,
    ListTagsForResourceCommand,
    ListUserProficienciesCommand,
    ListUsersCommand,
    TagResourceCommand,
    UpdateUserRoutingProfileCommand,
} from '@aws-sdk/client-connect';
import { parseConsistency } from '../../local/connect-emulator/consistency';
import { seedArns } from '../../local/connect-emulator/seed';
import { connectClient, useEmulator } from '../support/emulator';

const emulator = useEmulator();
const seed = seedArns();
const client = () => connectClient(emulator());
let counter = 0;
afterEach(() => emulator().setConsistency({}));

async function createUser() {
    const { UserArn } = await client().send(new CreateUserCommand({
        InstanceId: seed.instanceArn, Username: `lag-${++counter}`, Password: 'Lagging-Passw0rd', IdentityInfo: { FirstName: 'L', LastName: 'G' },
        SecurityProfileIds: [seed.securityProfiles.Agent], RoutingProfileId: seed.routingProfiles.Sales,
    }));
    return UserArn!;
}
const describe = (UserId: string) => client().send(new DescribeUserCommand({ InstanceId: seed.instanceArn, UserId })).then((r) => r.User!, (e) => e.name as string);
const routingProfile = async (userArn: string) => {
    const user = await describe(userArn);
    return typeof user === 'string' ? user : `${seed.instanceArn}/routing-profile/${user.RoutingProfileId}`;
};

test('a user just created is NotFound for the next reads, then found; ListUsers does not show it meanwhile', async () => {
    emulator().setConsistency({ staleReads: 2 });
    const userArn = await createUser();
    const listed = async () => (await client().send(new ListUsersCommand({ InstanceId: seed.instanceArn }))).UserSummaryList!.some((u) => u.Arn === userArn);
    assert.equal(await describe(userArn), 'ResourceNotFoundException');
    assert.equal(await listed(), false);
    assert.equal((await describe(userArn) as any).Arn, userArn);
    assert.equal(await listed(), true);
});

test('after a change, each read shows the user as it was until the lag ends; a burst of changes surfaces at once; writes act on the user as it is', async () => {
    const userArn = await createUser();
    emulator().setConsistency({ staleReads: 2 });
    const update = (RoutingProfileId: string) => client().send(new UpdateUserRoutingProfileCommand({ InstanceId: seed.instanceArn, UserId: userArn, RoutingProfileId }));
    await update(seed.routingProfiles.Support);
    await update(seed.routingProfiles['Basic Routing Profile']);
    const reads = [await routingProfile(userArn), await routingProfile(userArn), await routingProfile(userArn)];
    assert.deepEqual(reads, [seed.routingProfiles.Sales, seed.routingProfiles.Sales, seed.routingProfiles['Basic Routing Profile']]);

    // The proficiency is associated though reads do not list it yet: a second association is refused.
    const pair = { AttributeName: 'Language', AttributeValue: 'English', Level: 2 };
    const associate = () => client().send(new AssociateUserProficienciesCommand({ InstanceId: seed.instanceArn, UserId: userArn, UserProficiencies: [pair] }));
    await associate();
    const listed = await client().send(new ListUserProficienciesCommand({ InstanceId: seed.instanceArn, UserId: userArn }));
    assert.deepEqual(listed.UserProficiencyList, []);
    await assert.rejects(associate(), /already associated/);
    // In-process callers (tests, the console) see the truth.
    assert.equal(emulator().users().find((u) => u.arn === userArn)!.proficiencies.length, 1);

    await client().send(new TagResourceCommand({ resourceArn: userArn, tags: { team: 'a' } }));
    const tags = () => client().send(new ListTagsForResourceCommand({ resourceArn: userArn })).then((r) => r.tags ?? {});
    assert.deepEqual([await tags(), await tags(), await tags()], [{}, {}, { team: 'a' }]);
});

test('time-based: reads within staleMs of the latest change show the user as it was', async () => {
    const userArn = await createUser();
    emulator().setConsistency({ staleMs: 300 });
    await client().send(new UpdateUserRoutingProfileCommand({ InstanceId: seed.instanceArn, UserId: userArn, RoutingProfileId: seed.routingProfiles.Support }));
    assert.equal(await routingProfile(userArn), seed.routingProfiles.Sales);
    assert.equal(await routingProfile(userArn), seed.routingProfiles.Sales);
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal(await routingProfile(userArn), seed.routingProfiles.Support);
});

test('the admin API sets, reads and settles the lag; --stale parses READS[,MS]', async () => {
    const admin = (method: string, route: string, body?: unknown) =>
        fetch(`${emulator().endpoint}/__emulator/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());
    assert.deepEqual(await admin('GET', 'consistency'), { staleReads: 0, staleMs: 0 });
    assert.deepEqual(await admin('PUT', 'consistency', { staleReads: 4 }), { staleReads: 4, staleMs: 0 });
    const userArn = await createUser();
    assert.equal(await describe(userArn), 'ResourceNotFoundException');
    await admin('POST', 'settle');
    assert.equal((await describe(userArn) as any).Arn, userArn);
    assert.deepEqual(await admin('PUT', 'consistency', { staleReads: -1 }), { message: 'staleReads and staleMs must be whole numbers, 0 or more' });
    assert.deepEqual(parseConsistency('2'), { staleReads: 2, staleMs: 0 });
    assert.deepEqual(parseConsistency('0,2000'), { staleReads: 0, staleMs: 2000 });
    for (const bad of ['', 'two', '2,', '-1', '2,1.5']) assert.throws(() => parseConsistency(bad), /--stale must be READS or READS,MS/);
});
