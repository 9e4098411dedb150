// Where a LIST of every user of the Region stands: the instance it is in and Connect's token
// for that instance's users, as the opaque nextToken the caller hands back. Pure.
import { createHash } from 'node:crypto';

export interface Cursor {
    instanceId: string;
    /** Connect's ListUsers token within that instance; none at the instance's first page. */
    usersToken?: string;
}

const VERSION = 'r1';
// Connect documents no length for its own token; this leaves it room while bounding the work.
const MAX_TOKEN = 65_536;
const INSTANCE_ID = /^[-a-zA-Z0-9]{1,100}$/;

/**
 * A check on the token, bound to the account and Region it lists: a token that was altered, cut,
 * or carried to another Region fails it. It is no secret; it only tells a token this handler gave.
 */
const check = (payload: string, scope: string) => createHash('sha256').update(`${scope}\u0000${payload}`).digest('base64url').slice(0, 16);

export function encodeCursor(cursor: Cursor, scope: string): string {
    const payload = Buffer.from(JSON.stringify([cursor.instanceId, cursor.usersToken ?? null])).toString('base64url');
    return `${VERSION}.${payload}.${check(payload, scope)}`;
}

/** The cursor in a token this handler gave for this scope; undefined for anything else. */
export function decodeCursor(token: string, scope: string): Cursor | undefined {
    // A cursor is an instance ID and one Connect token: far below this.
    if (token.length > MAX_TOKEN) return undefined;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION || parts[2] !== check(parts[1], scope)) return undefined;
    try {
        const [instanceId, usersToken] = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        if (typeof instanceId !== 'string' || !INSTANCE_ID.test(instanceId)) return undefined;
        if (usersToken !== null && (typeof usersToken !== 'string' || usersToken === '')) return undefined;
        return usersToken === null ? { instanceId } : { instanceId, usersToken };
    } catch {
        return undefined;
    }
}
