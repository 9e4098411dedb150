// A callback context bound to its request (src/context.ts): one this handler answered comes back
// and resumes; a forged, edited or foreign one is FAILED InvalidRequest with no Connect call,
// never InternalFailure. Through the bundle's entrypoint against the emulator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useEmulator } from '../support/emulator';
import { drive, Event, freshBeforeEach, handlerRequest, invokeRaw, Options, Properties } from '../support/lambda';
import { typicalUser } from '../support/typical-user';

const emulator = useEmulator();
freshBeforeEach(emulator);

async function refused(action: string, properties: Properties, context: unknown, options: Options = {}) {
    emulator().journal.length = 0;
    const event: Event = await invokeRaw({ ...handlerRequest(action, properties, options), callbackContext: context });
    assert.equal(event.status, 'FAILED', `${action} with ${JSON.stringify(context).slice(0, 120)}`);
    assert.equal(event.errorCode, 'InvalidRequest', event.message);
    assert.match(event.message!, /^The callback context was not answered by this handler for this request/);
    assert.deepEqual(emulator().journal.map((e) => e.operation), [], 'no Connect call');
}

/** An UPDATE round Connect throttled: a real context, and the request it belongs to. */
async function throttledUpdate() {
    const { event: made } = await drive('CREATE', typicalUser('ctx'));
    const previous = { ...typicalUser('unused'), Username: made.resourceModel!.Username, UserArn: made.resourceModel!.UserArn };
    const desired = { ...previous, IdentityInfo: { FirstName: 'Ada', LastName: 'King' } };
    emulator().setFaults({ throttle: 1, operations: ['UpdateUserIdentityInfo'], maxFaults: 1 });
    const options = { previous, token: `ctx-${made.resourceModel!.Username}` };
    const round = await invokeRaw(handlerRequest('UPDATE', desired, options));
    assert.equal(round.status, 'IN_PROGRESS', round.message);
    emulator().setFaults({});
    return { desired, previous, options, context: round.callbackContext as Record<string, unknown>, userArn: previous.UserArn as string };
}

test('forged contexts the audit sent: a userArn to adopt, deleteSent, a deadline and retry count, a wrong type, a garbage userArn', async () => {
    const { event: other } = await drive('CREATE', typicalUser('victim'));
    const victim = other.resourceModel!.UserArn as string;
    await refused('CREATE', typicalUser('ctx'), { userArn: victim });
    await refused('DELETE', { UserArn: `${victim.slice(0, -4)}0000` }, { deleteSent: true });
    await refused('UPDATE', { ...typicalUser('ctx'), UserArn: victim }, { deadline: Number.MAX_SAFE_INTEGER, retries: -1000 }, { previous: { ...typicalUser('ctx'), UserArn: victim } });
    await refused('CREATE', typicalUser('ctx'), { done: 5 });
    await refused('CREATE', typicalUser('ctx'), { userArn: 'not an arn', mac: 'x' });
    await refused('READ', { UserArn: victim }, [1, 2, 3]);
    assert.ok(emulator().users().some((u) => u.arn === victim), 'the other user is untouched');
});

test('a real context resumes; moved to another request, resource or action, or edited, it is refused', async () => {
    const { desired, options, context, userArn } = await throttledUpdate();
    await refused('UPDATE', desired, context, { ...options, token: 'another-request' });
    await refused('DELETE', { UserArn: userArn }, context, options);
    await refused('UPDATE', desired, { ...context, polls: 0, retries: 0 }, options);
    await refused('UPDATE', desired, { ...context, observed: true }, options);
    const other = handlerRequest('UPDATE', desired, options);
    emulator().journal.length = 0;
    const moved = await invokeRaw({ ...other, requestData: { ...other.requestData, logicalResourceId: 'AnotherUser' }, callbackContext: context });
    assert.equal(moved.errorCode, 'InvalidRequest');
    assert.deepEqual(emulator().journal, []);

    const { event } = await drive('UPDATE', desired, { ...options, context });
    assert.equal(event.status, 'SUCCESS', event.message);
    assert.equal(event.resourceModel!.IdentityInfo.LastName, 'King');
});
