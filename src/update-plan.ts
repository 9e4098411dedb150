// The plan: from the previous and the desired properties, the Connect calls that are needed, in
// a safe order, and nothing else; CREATE's plan (CreateUser, then the steps that need the user);
// and what Connect cannot change. Pure: executor.ts runs the steps.
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserProficiency, UserProperties } from './generated/properties';
import { diffTags } from './tags';
import { declarationTag, phoneSettingsChanged, userConfigChanges } from './channel-settings';
import type { CreateUserRequest } from '@aws-sdk/client-connect';
import { identityInfoRequest, phoneRequestBesideLists, proficiencyRequest, toCreateUserRequest } from './translate';

/**
 * Every step names the Connect operation it calls; each appears at most once in a plan, so the
 * name doubles as the key the callback context records a finished step under. The order is the
 * order steps run in: removals before additions keep the user under Connect's limits.
 */
export const STEP_ORDER = [
    'UpdateUserIdentityInfo',
    'UpdateUserPhoneConfig',
    'UpdateUserConfig',
    'UpdateUserRoutingProfile',
    'UpdateUserSecurityProfiles',
    'UpdateUserHierarchy',
    'DisassociateUserProficiencies',
    'UpdateUserProficiencies',
    'AssociateUserProficiencies',
    'UntagResource',
    'TagResource',
] as const;
export type StepId = (typeof STEP_ORDER)[number];
export interface Step {
    id: StepId;
    input: Record<string, unknown>;
}

export interface PlanInput {
    previous: UserProperties | undefined;
    desired: UserProperties;
    /** Merged tags (stack + resource) before and after. */
    previousTags: Record<string, string>;
    desiredTags: Record<string, string>;
    instanceArn: string;
    userArn: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pairKey = (p: { AttributeName?: string; AttributeValue?: string }) => `${p.AttributeName}\u0000${p.AttributeValue}`;

export function planUpdate({ previous, desired, previousTags, desiredTags, instanceArn, userArn }: PlanInput): Step[] {
    const user = { InstanceId: instanceArn, UserId: userArn };
    const steps: Step[] = [];
    const add = (id: StepId, input: Record<string, unknown>) => steps.push({ id, input });
    // With no previous state nothing is known of the user: write every group.
    const changed = (before: unknown, after: unknown) => previous === undefined || !same(before, after);

    const identity = identityInfoRequest(desired.IdentityInfo);
    if (changed(identityInfoRequest(previous?.IdentityInfo), identity)) add('UpdateUserIdentityInfo', { ...user, IdentityInfo: identity });

    // PhoneConfig first: it sets every channel's ACW, which the per-channel lists then refine.
    const phone = phoneRequestBesideLists(desired);
    if (phone && (!previous || phoneSettingsChanged(previous, desired))) add('UpdateUserPhoneConfig', { ...user, PhoneConfig: phone });
    const lists = userConfigChanges(previous, desired);
    if (Object.keys(lists).length > 0) add('UpdateUserConfig', { ...user, ...lists });

    if (changed(previous?.RoutingProfileArn, desired.RoutingProfileArn)) add('UpdateUserRoutingProfile', { ...user, RoutingProfileId: desired.RoutingProfileArn });

    // A set on both sides: adding one profile is a change as much as removing one.
    const previousProfiles = new Set(previous?.SecurityProfileArns ?? []);
    const desiredProfiles = new Set(desired.SecurityProfileArns ?? []);
    if (changed(previousProfiles.size, desiredProfiles.size) || [...desiredProfiles].some((arn) => !previousProfiles.has(arn))) {
        add('UpdateUserSecurityProfiles', { ...user, SecurityProfileIds: [...desiredProfiles] });
    }

    // Without HierarchyGroupId the call removes the user from its group.
    if (changed(previous?.HierarchyGroupArn ?? null, desired.HierarchyGroupArn ?? null)) {
        add('UpdateUserHierarchy', { ...user, ...(desired.HierarchyGroupArn ? { HierarchyGroupId: desired.HierarchyGroupArn } : {}) });
    }

    const before = new Map((previous?.UserProficiencies ?? []).map((p) => [pairKey(p), p]));
    const after = new Map((desired.UserProficiencies ?? []).map((p) => [pairKey(p), p]));
    const removed = [...before].filter(([key]) => !after.has(key)).map(([, p]) => ({ AttributeName: p.AttributeName, AttributeValue: p.AttributeValue }));
    const levelChanged = [...after].filter(([key, p]) => before.has(key) && Number(before.get(key)!.Level) !== Number(p.Level)).map(([, p]) => proficiencyRequest(p));
    const added = [...after].filter(([key]) => !before.has(key)).map(([, p]) => proficiencyRequest(p));
    if (removed.length > 0) add('DisassociateUserProficiencies', { ...user, UserProficiencies: removed });
    if (levelChanged.length > 0) add('UpdateUserProficiencies', { ...user, UserProficiencies: levelChanged });
    if (added.length > 0) add('AssociateUserProficiencies', { ...user, UserProficiencies: added });

    // The record of declared per-channel entries travels with the tags.
    const tags = diffTags({ ...previousTags, ...declarationTag(previous) }, { ...desiredTags, ...declarationTag(desired) });
    if (tags.remove.length > 0) add('UntagResource', { resourceArn: userArn, tagKeys: tags.remove });
    if (Object.keys(tags.set).length > 0) add('TagResource', { resourceArn: userArn, tags: tags.set });

    return steps.sort((a, b) => STEP_ORDER.indexOf(a.id) - STEP_ORDER.indexOf(b.id));
}

/**
 * CREATE's plan: CreateUser, which carries everything it can (the merged tags included), then
 * the steps that need the new user (the proficiencies). CreateUser is the one call that is not
 * idempotent, so it is not a Step: create.ts makes it at most once per resource and records the
 * user it made; the steps after it run, resume and settle like an update's.
 */
export function planCreate(desired: UserProperties): { createUser(mergedTags: Record<string, string>): CreateUserRequest; after(userArn: string): Step[] } {
    return {
        createUser: (mergedTags) => toCreateUserRequest(desired, mergedTags),
        after(userArn) {
            const proficiencies = (desired.UserProficiencies ?? []).map(proficiencyRequest);
            return proficiencies.length === 0 ? [] : [{ id: 'AssociateUserProficiencies', input: { InstanceId: desired.InstanceArn, UserId: userArn, UserProficiencies: proficiencies } }];
        },
    };
}

/**
 * What Connect cannot change once a user exists, each with the reason a template author reads
 * (the schema's descriptions say so too). A write-only property is never read back, so callers
 * that build the previous state from an output (cfn test, Cloud Control) leave it out.
 */
export const IMMUTABLE: { property: keyof UserProperties & string; why: string; writeOnly?: true }[] = [
    { property: 'InstanceArn', why: 'Amazon Connect cannot move a user to another instance; CloudFormation replaces the user when it changes' },
    { property: 'Username', why: 'Amazon Connect has no API to rename a user; CloudFormation replaces the user when it changes' },
    { property: 'DirectoryUserId', why: 'Amazon Connect has no API to change it; create a new user (change the Username or the logical ID) to use another directory user' },
    { property: 'Password', why: 'Amazon Connect has no API to change it through CloudFormation; reset the password in the Amazon Connect console', writeOnly: true },
];

/**
 * A NotUpdatable refusal when the update changes what Connect cannot change. Removing
 * DirectoryUserId or Password from the template is allowed: it changes nothing on the user. A
 * write-only property (Password) missing from the previous state is unknown, not changed:
 * cfn test and Cloud Control build the previous state from an output, which never carries it.
 */
export function immutableChange(previous: UserProperties | undefined, desired: UserProperties): { code: HandlerErrorCode; message: string } | undefined {
    if (!previous) return undefined;
    for (const { property, why, writeOnly } of IMMUTABLE) {
        const before = previous[property];
        const after = desired[property];
        if (after == null || (writeOnly && before == null)) continue;
        if (before !== after) return { code: HandlerErrorCode.NotUpdatable, message: `${property} cannot be updated: ${why}.` };
    }
    return undefined;
}

/**
 * What the finished steps of one operation wrote, across its rounds: the groups a set-style step
 * replaces whole (its id), and, for the steps that carry only part of a group, what they carried:
 * proficiency pairs, tag keys, and per-channel entries (`AutoAcceptConfigs:VOICE`; PhoneConfig
 * never carries a member a list covers, so the two never overlap). Connect answered each with
 * success, so each is done: a read that shows otherwise lags (guide/convergence.md, "Eventual consistency").
 */
export interface Written {
    steps: StepId[];
    pairs: string[];
    tags: string[];
    channels: string[];
}
export const NOTHING_WRITTEN: Written = { steps: [], pairs: [], tags: [], channels: [] };

type Pair = { AttributeName?: string; AttributeValue?: string };
type Part = 'pairs' | 'tags' | 'channels';
const pairsOf = (step: Step) => (step.input.UserProficiencies as Pair[] | undefined) ?? [];
/** The per-channel lists of a request or a model's properties: `AutoAcceptConfigs` and the like. */
const listsIn = (record: Record<string, unknown>) => Object.entries(record).filter((entry): entry is [string, { Channel: string }[]] => entry[0].endsWith('Configs') && Array.isArray(entry[1]));
const listsOf = (step: Step) => listsIn(step.input);
const partOf = (id: StepId): Part | undefined =>
    id.endsWith('UserProficiencies') ? 'pairs' : id.endsWith('Resource') ? 'tags' : id === 'UpdateUserConfig' ? 'channels' : undefined;

/** The keys of what a step carries, for the steps that carry part of a group. */
function keysOf(step: Step): string[] {
    switch (partOf(step.id)) {
        case 'pairs':
            return pairsOf(step).map(pairKey);
        case 'tags':
            return step.id === 'UntagResource' ? (step.input.tagKeys as string[]) : Object.keys(step.input.tags as Record<string, string>);
        default:
            return listsOf(step).flatMap(([list, entries]) => entries.map((entry) => `${list}:${entry.Channel}`));
    }
}

/** `written` with what `step` (or just `pairs` of it, when only those were settled) wrote. */
export function recordWritten(written: Written, step: Step, pairs?: Pair[]): Written {
    const part = partOf(step.id);
    if (!part) return { ...written, steps: [...new Set([...written.steps, step.id])] };
    const keys = pairs ? pairs.map(pairKey) : keysOf(step);
    return { ...written, [part]: [...new Set([...written[part], ...keys])] };
}

/** The step with only what `keep` accepts of it; undefined when nothing is left. */
function narrowed(step: Step, keep: (key: string) => boolean): Step | undefined {
    switch (partOf(step.id)) {
        case 'pairs': {
            const left = pairsOf(step).filter((p) => keep(pairKey(p)));
            return left.length > 0 ? { ...step, input: { ...step.input, UserProficiencies: left } } : undefined;
        }
        case 'tags': {
            if (step.id === 'UntagResource') {
                const left = (step.input.tagKeys as string[]).filter(keep);
                return left.length > 0 ? { ...step, input: { ...step.input, tagKeys: left } } : undefined;
            }
            const left = Object.entries(step.input.tags as Record<string, string>).filter(([key]) => keep(key));
            return left.length > 0 ? { ...step, input: { ...step.input, tags: Object.fromEntries(left) } } : undefined;
        }
        default: {
            const input: Record<string, unknown> = { ...step.input };
            let any = false;
            for (const [list, entries] of listsOf(step)) {
                const left = entries.filter((entry) => keep(`${list}:${entry.Channel}`));
                if (left.length > 0) input[list] = left;
                else delete input[list];
                any ||= left.length > 0;
            }
            return any ? { ...step, input } : undefined;
        }
    }
}

/**
 * A plan made from a read, without the per-channel entries the read cannot speak for. A read
 * carries the entries a template declared, and PhoneConfig with VOICE's live values; any other
 * channel it shows is inferred from PhoneConfig, not read, so planning it would write it on
 * every update whatever Connect holds.
 */
export function withinRead(plan: Step[], read: UserProperties): Step[] {
    const carried = new Set(listsIn(read as Record<string, unknown>).flatMap(([list, entries]) => entries.map((entry) => `${list}:${entry.Channel}`)));
    return plan.flatMap((step) => (step.id === 'UpdateUserConfig' ? (narrowed(step, (key) => key.endsWith(':VOICE') || carried.has(key)) ?? []) : [step]));
}

/**
 * A plan (made from the previous template or from a read) without what this operation wrote
 * already, and the steps that wanted to write some of that again: when the plan was made from a
 * read, that read lags behind this operation's own changes.
 */
export function unwritten(plan: Step[], written: Written): { steps: Step[]; again: StepId[] } {
    const steps: Step[] = [];
    const again: StepId[] = [];
    for (const step of plan) {
        const part = partOf(step.id);
        if (!part) {
            if (written.steps.includes(step.id)) again.push(step.id);
            else steps.push(step);
            continue;
        }
        const done = new Set(written[part]);
        if (narrowed(step, (key) => done.has(key))) again.push(step.id);
        const rest = narrowed(step, (key) => !done.has(key));
        if (rest) steps.push(rest);
    }
    return { steps, again };
}
