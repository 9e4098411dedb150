// Tag keys named like members of every JavaScript object (constructor, toString, __proto__) are
// tags like any other: set, changed and removed as the template says, from the resource's Tags
// and from stack-level tags alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useEmulator } from '../support/emulator';
import { drive, freshBeforeEach } from '../support/lambda';
import { typicalUser } from '../support/typical-user';

const emulator = useEmulator();
freshBeforeEach(emulator);

const TRICKY = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
const tagsOf = (userArn: string) => ({ ...emulator().users().find((u) => u.arn === userArn)!.tags });
const withoutRecords = (tags: Record<string, string>) => Object.fromEntries(Object.entries(tags).filter(([key]) => !key.startsWith('cfn-connect-user:')));

test('resource tags named like Object members are set, then removed by an update', async () => {
    const properties = typicalUser('objkeys', { Tags: TRICKY.map((Key) => ({ Key, Value: `v-${Key}` })) });
    const { event } = await drive('CREATE', properties);
    assert.equal(event.status, 'SUCCESS', event.message);
    const userArn = event.resourceModel!.UserArn as string;
    assert.deepEqual(withoutRecords(tagsOf(userArn)), Object.fromEntries(TRICKY.map((key) => [key, `v-${key}`])));
    const read = await drive('READ', { UserArn: userArn });
    assert.deepEqual(read.event.resourceModel!.Tags, [...TRICKY].sort().map((Key) => ({ Key, Value: `v-${Key}` })));
    const desired = { ...properties, UserArn: userArn, Tags: [{ Key: 'team', Value: 'a' }] };
    const updated = await drive('UPDATE', desired, { previous: { ...properties, UserArn: userArn } });
    assert.equal(updated.event.status, 'SUCCESS', updated.event.message);
    assert.deepEqual(withoutRecords(tagsOf(userArn)), { team: 'a' });
});

test('stack-level tags named like Object members reach the user and leave it with the stack tag', async () => {
    const stackTags = Object.fromEntries(TRICKY.map((key) => [key, `s-${key}`]));
    const properties = typicalUser('objstack', { Tags: [] });
    const { event } = await drive('CREATE', properties, { stackTags });
    assert.equal(event.status, 'SUCCESS', event.message);
    const userArn = event.resourceModel!.UserArn as string;
    assert.deepEqual(withoutRecords(tagsOf(userArn)), stackTags);
    const updated = await drive('UPDATE', { ...properties, UserArn: userArn }, { previous: { ...properties, UserArn: userArn }, previousStackTags: stackTags, stackTags: { owner: 'x' } });
    assert.equal(updated.event.status, 'SUCCESS', updated.event.message);
    assert.deepEqual(withoutRecords(tagsOf(userArn)), { owner: 'x' });
});
