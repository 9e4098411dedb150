// The update plan: from the previous and the desired model, the Connect calls that are needed,
// in a safe order, and nothing else. Pure: the executor in progress.ts runs it.
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { ResourceModel } from './generated/models';
import { diffTags } from './tags';
import { IMMUTABLE } from './immutable';
import { declarationTag, phoneSettingsChanged, userConfigChanges } from './channel-settings';
import { identityInfoRequest, phoneRequestBesideLists, proficiencyRequest } from './translate';

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
    previous: ResourceModel | undefined;
    desired: ResourceModel;
    /** Merged tags (stack + resource) before and after. */
    previousTags: Record<string, string>;
    desiredTags: Record<string, string>;
    instanceArn: string;
    userArn: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const proficiencyKey = (p: { attributeName?: string | null; attributeValue?: string | null }) => `${p.attributeName}\u0000${p.attributeValue}`;

export function planUpdate({ previous, desired, previousTags, desiredTags, instanceArn, userArn }: PlanInput): Step[] {
    const user = { InstanceId: instanceArn, UserId: userArn };
    const steps: Step[] = [];
    const add = (id: StepId, input: Record<string, unknown>) => steps.push({ id, input });
    // With no previous state nothing is known of the user: write every group.
    const changed = (before: unknown, after: unknown) => previous === undefined || !same(before, after);

    const identity = identityInfoRequest(desired.identityInfo);
    if (changed(identityInfoRequest(previous?.identityInfo), identity)) add('UpdateUserIdentityInfo', { ...user, IdentityInfo: identity });

    // PhoneConfig first: it sets every channel's ACW, which the per-channel lists then refine.
    const previousProperties = previous?.serialize();
    const desiredProperties = desired.serialize();
    const phone = phoneRequestBesideLists(desired, desiredProperties);
    if (phone && (!previousProperties || phoneSettingsChanged(previousProperties, desiredProperties))) add('UpdateUserPhoneConfig', { ...user, PhoneConfig: phone });
    const lists = userConfigChanges(previousProperties, desiredProperties);
    if (Object.keys(lists).length > 0) add('UpdateUserConfig', { ...user, ...lists });

    if (changed(previous?.routingProfileArn, desired.routingProfileArn)) add('UpdateUserRoutingProfile', { ...user, RoutingProfileId: desired.routingProfileArn });

    // A set on both sides: adding one profile is a change as much as removing one.
    const previousProfiles = new Set(previous?.securityProfileArns ?? []);
    const desiredProfiles = new Set(desired.securityProfileArns ?? []);
    if (changed(previousProfiles.size, desiredProfiles.size) || [...desiredProfiles].some((arn) => !previousProfiles.has(arn))) {
        add('UpdateUserSecurityProfiles', { ...user, SecurityProfileIds: [...desiredProfiles] });
    }

    // Without HierarchyGroupId the call removes the user from its group.
    if (changed(previous?.hierarchyGroupArn ?? null, desired.hierarchyGroupArn ?? null)) {
        add('UpdateUserHierarchy', { ...user, ...(desired.hierarchyGroupArn ? { HierarchyGroupId: desired.hierarchyGroupArn } : {}) });
    }

    const before = new Map((previous?.userProficiencies ?? []).map((p) => [proficiencyKey(p), p]));
    const after = new Map((desired.userProficiencies ?? []).map((p) => [proficiencyKey(p), p]));
    const removed = [...before].filter(([key]) => !after.has(key)).map(([, p]) => ({ AttributeName: p.attributeName, AttributeValue: p.attributeValue }));
    const levelChanged = [...after].filter(([key, p]) => before.has(key) && Number(before.get(key)!.level) !== Number(p.level)).map(([, p]) => proficiencyRequest(p));
    const added = [...after].filter(([key]) => !before.has(key)).map(([, p]) => proficiencyRequest(p));
    if (removed.length > 0) add('DisassociateUserProficiencies', { ...user, UserProficiencies: removed });
    if (levelChanged.length > 0) add('UpdateUserProficiencies', { ...user, UserProficiencies: levelChanged });
    if (added.length > 0) add('AssociateUserProficiencies', { ...user, UserProficiencies: added });

    // The record of declared per-channel entries travels with the tags.
    const tags = diffTags({ ...previousTags, ...declarationTag(previous, previousProperties) }, { ...desiredTags, ...declarationTag(desired, desiredProperties) });
    if (tags.remove.length > 0) add('UntagResource', { resourceArn: userArn, tagKeys: tags.remove });
    if (Object.keys(tags.set).length > 0) add('TagResource', { resourceArn: userArn, tags: tags.set });

    return steps.sort((a, b) => STEP_ORDER.indexOf(a.id) - STEP_ORDER.indexOf(b.id));
}

/**
 * A NotUpdatable refusal when the update changes what Connect cannot change. Removing
 * DirectoryUserId or Password from the template is allowed: it changes nothing on the user. A
 * write-only property (Password) missing from the previous state is unknown, not changed:
 * cfn test and Cloud Control build the previous state from an output, which never carries it.
 */
export function immutableChange(previous: ResourceModel | undefined, desired: ResourceModel): { code: HandlerErrorCode; message: string } | undefined {
    if (!previous) return undefined;
    for (const { property, name, why, writeOnly } of IMMUTABLE) {
        const before = previous[property];
        const after = desired[property];
        if (after == null || (writeOnly && before == null)) continue;
        if (before !== after) return { code: HandlerErrorCode.NotUpdatable, message: `${name} cannot be updated: ${why}.` };
    }
    return undefined;
}
