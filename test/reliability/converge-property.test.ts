// The convergence property: whatever a user holds between two templates P and D (any prefix of
// the plan from P to D applied, then random edits made outside CloudFormation), UPDATE with
// desired D and previous P ends in D, and the rollback (desired P, previous D, rollback: true)
// ends in P. Through the bundle's entrypoint against the emulator, over HTTP; edits through
// the SDK, as the console makes them. It runs twice: with Connect's reads consistent, and with
// every read of a user lagging 1 to 4 reads behind each change (the handler's own changes lag;
// the edits were made before the deploy, so their lag has passed). CONVERGE_RUNS sets the number
// of runs of each (default 500).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as sdk from '@aws-sdk/client-connect';
import fc from 'fast-check';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import type { UserProperties } from '../../src/generated/properties';

/** A template's properties, as the handlers work with them once validated. */
const asProperties = (json: Record<string, any>) => json as UserProperties;
import { mergeTags } from '../../src/tags';
import { planUpdate } from '../../src/update-plan';
import { seededUserModel, seededUserModelWithChannels } from '../../scripts/harness/arbitraries';
import { connectClient, useEmulator } from '../support/emulator';
import { actualState, expectedState } from '../../scripts/harness/expectations';
import { drive, freshBeforeEach, Properties } from '../support/lambda';

const RUNS = Number(process.env.CONVERGE_RUNS ?? 500);
const emulator = useEmulator();
const seed = seedArns();
const pairs = DEFAULT_SEED.instances[0].predefinedAttributes.flatMap((a) => a.values.map((AttributeValue) => ({ AttributeName: a.name, AttributeValue })));
freshBeforeEach(emulator);

/** One edit a contact-centre admin might make in the console, as the SDK input of its call. */
const outsideEdit = (InstanceId: string) =>
    fc.oneof(
        fc.constantFrom(...Object.values(seed.routingProfiles)).map((RoutingProfileId) => ({ op: 'UpdateUserRoutingProfile', input: { InstanceId, RoutingProfileId } })),
        fc.subarray(Object.values(seed.securityProfiles), { minLength: 1 }).map((SecurityProfileIds) => ({ op: 'UpdateUserSecurityProfiles', input: { InstanceId, SecurityProfileIds } })),
        fc.option(fc.constantFrom(...Object.values(seed.hierarchyGroups)), { nil: undefined }).map((HierarchyGroupId) => ({ op: 'UpdateUserHierarchy', input: { InstanceId, HierarchyGroupId } })),
        fc.record({ FirstName: fc.constantFrom('Edited', 'Console'), LastName: fc.constantFrom('Admin', 'Person') }).map((IdentityInfo) => ({ op: 'UpdateUserIdentityInfo', input: { InstanceId, IdentityInfo } })),
        fc.record({ PhoneType: fc.constant('SOFT_PHONE'), AutoAccept: fc.boolean(), AfterContactWorkTimeLimit: fc.integer({ min: 0, max: 90 }) }).map((PhoneConfig) => ({ op: 'UpdateUserPhoneConfig', input: { InstanceId, PhoneConfig } })),
        fc.record({ pair: fc.constantFrom(...pairs), Level: fc.integer({ min: 1, max: 5 }) }).map(({ pair, Level }) => ({ op: 'AssociateUserProficiencies', input: { InstanceId, UserProficiencies: [{ ...pair, Level }] } })),
        fc.record({ pair: fc.constantFrom(...pairs), Level: fc.integer({ min: 1, max: 5 }) }).map(({ pair, Level }) => ({ op: 'UpdateUserProficiencies', input: { InstanceId, UserProficiencies: [{ ...pair, Level }] } })),
        fc.constantFrom(...pairs).map((pair) => ({ op: 'DisassociateUserProficiencies', input: { InstanceId, UserProficiencies: [pair] } })),
        fc.record({ key: fc.constantFrom('team', 'env', 'console'), value: fc.constantFrom('x', 'edited') }).map(({ key, value }) => ({ op: 'TagResource', input: { tags: { [key]: value } } })),
        fc.constantFrom('team', 'env', 'owner').map((key) => ({ op: 'UntagResource', input: { tagKeys: [key] } })),
    );

const scenario = fc.record({
    previous: fc.oneof(seededUserModel, seededUserModelWithChannels),
    desired: fc.oneof(seededUserModel, seededUserModelWithChannels),
    applied: fc.nat(),
    edits: fc.array(outsideEdit(seed.instanceArn), { maxLength: 4 }),
});

/** Sends one Connect call by operation name, as the plan and the edits name them. */
async function send(operation: string, input: Record<string, unknown>) {
    const Command = (sdk as any)[`${operation}Command`];
    return connectClient(emulator()).send(new Command(input));
}

let counter = 0;

/** A user created from P, then taken to S: a prefix of the plan from P to D, then the edits. */
async function userBetween(previous: Properties, desired: Properties, applied: number, edits: { op: string; input: Record<string, unknown> }[]) {
    const { event } = await drive('CREATE', previous);
    assert.equal(event.status, 'SUCCESS', event.message);
    const userArn = event.resourceModel!.UserArn as string;
    const [before, after] = [previous, desired].map((p) => asProperties({ ...p, UserArn: userArn }));
    const plan = planUpdate({ previous: before, desired: after, previousTags: mergeTags(before.Tags, {}), desiredTags: mergeTags(after.Tags, {}), instanceArn: seed.instanceArn, userArn });
    for (const step of plan.slice(0, applied % (plan.length + 1))) await send(step.id, step.input);
    for (const edit of edits) {
        const target = edit.op.endsWith('Resource') ? { resourceArn: userArn } : { UserId: userArn };
        // The console refuses what Connect refuses; such an edit simply did not happen.
        await send(edit.op, { ...edit.input, ...target }).catch(() => undefined);
    }
    return userArn;
}

function converges(lagging: boolean) {
    return async () => {
        await fc.assert(
            fc.asyncProperty(scenario, fc.integer({ min: 1, max: 4 }), async ({ previous, desired, applied, edits }, lag) => {
                const Username = `prop-${++counter}`;
                const P = { ...previous, Username };
                const D = { ...desired, Username };
                emulator().setConsistency(lagging ? { staleReads: lag } : {});
                try {
                    for (const [goal, from, rollback] of [[D, P, false], [P, D, true]] as const) {
                        const userArn = await userBetween(P, D, applied, edits);
                        emulator().lagging.settle();
                        const { event } = await drive('UPDATE', { ...goal, UserArn: userArn }, { previous: { ...from, UserArn: userArn }, rollback });
                        assert.equal(event.status, 'SUCCESS', `${rollback ? 'rollback' : 'update'}: ${event.errorCode}: ${event.message}`);
                        assert.deepEqual(actualState(emulator().service, userArn), expectedState(goal), rollback ? 'rollback' : 'update');
                        await send('DeleteUser', { InstanceId: seed.instanceArn, UserId: userArn });
                    }
                } finally {
                    emulator().setConsistency({});
                }
            }),
            { numRuns: RUNS, seed: Number(process.env.CONVERGE_SEED ?? 20), endOnFailure: true },
        );
    };
}

test(`UPDATE converges from any state between two templates, forward and on rollback (${RUNS} runs)`, { timeout: 900_000 }, converges(false));
test(`... and so it does while Connect's reads lag 1 to 4 reads behind each change (${RUNS} runs)`, { timeout: 900_000 }, converges(true));
