// Tags as CloudFormation wants them on the user, and the difference between two tag sets.
import type { Tag } from './generated/properties';

/** Keys under this prefix are this provider's records on the user, never the template's. */
export const RESERVED_TAG_PREFIX = 'cfn-connect-user:';

/** Our own marker on a user this provider created; see create.ts (adoption after a lost answer). */
export const CREATE_MARKER_TAG = `${RESERVED_TAG_PREFIX}create-request`;

/** Reserved aws: keys are not ours to set, and our own records on the user are not the template's. */
export const isManagedTagKey = (key: string) => !key.startsWith('aws:') && !key.startsWith(RESERVED_TAG_PREFIX);

/**
 * Stack-level tags, then the resource's own Tags, which win on the same key. Built by own keys
 * only (Object.fromEntries defines every key, `__proto__` included), so a key such as
 * `__proto__` or `constructor` is a tag like any other.
 */
export function mergeTags(templateTags: Tag[] | null | undefined, stackTags: Record<string, string> | null | undefined): Record<string, string> {
    const tags = new Map<string, string>();
    for (const [key, value] of Object.entries(stackTags ?? {})) if (isManagedTagKey(key) && typeof value === 'string') tags.set(key, value);
    for (const tag of templateTags ?? []) if (tag.Key && isManagedTagKey(tag.Key)) tags.set(tag.Key, tag.Value ?? '');
    return Object.fromEntries(tags);
}

/** Keys to remove, and keys to add or change (a changed value is just a new value: no untag). */
export function diffTags(previous: Record<string, string>, desired: Record<string, string>) {
    const remove = Object.keys(previous).filter((key) => !Object.hasOwn(desired, key));
    const set = Object.fromEntries(Object.entries(desired).filter(([key, value]) => !Object.hasOwn(previous, key) || previous[key] !== value));
    return { remove, set };
}

/** Connect keeps at most 50 tags on a user, stack-level tags included. */
export const MAX_TAGS = 50;

export function tooManyTags(tags: Record<string, string>): string | undefined {
    const count = Object.keys(tags).length;
    return count > MAX_TAGS ? `Tags: with the stack-level tags the user would carry ${count} tags; Amazon Connect allows ${MAX_TAGS}.` : undefined;
}
