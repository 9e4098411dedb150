// The callback context, bound to the request it belongs to. CloudFormation hands back what a
// handler answered; whoever else can send events to the function (a mis-wired caller, a test
// harness) could hand back anything. So every context this handler answers carries a MAC under a
// key derived by HKDF-SHA256 from the request's bearer token (which comes in every invocation of
// the request and in no response) and bound to its account, Region, stack, logical resource and
// action; a context that does not verify, or whose fields are not what this handler writes, is
// refused before any call. What it does not stop: whoever can invoke the function directly
// controls the whole request, bearer token and credentials included (README, "Threat model").
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { CallbackContext } from './progress';
import { parseUserArn } from './translate';
import { STEP_ORDER } from './update-plan';

export interface Binding {
    token: string;
    account: string;
    region: string;
    stack: string;
    resource: string;
    action: string;
}

const SALT = 'aws-connect-user:callback-context:v1';
const MAC = 'mac';
const MAX_LIST = 1_000;
const MAX_TEXT = 4_096;

/** JSON with object keys in order: the same context always authenticates the same bytes. */
function canonical(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
    }
    return JSON.stringify(value);
}

function macOf(fields: Record<string, unknown>, binding: Binding): string {
    const { token, ...scope } = binding;
    const key = Buffer.from(hkdfSync('sha256', token, SALT, canonical(scope), 32));
    return createHmac('sha256', key).update(canonical(fields)).digest('base64url');
}

/** The context as answered: its fields and their MAC. */
export function sealContext(context: CallbackContext, binding: Binding): Record<string, unknown> {
    const fields = JSON.parse(JSON.stringify(context)) as Record<string, unknown>;
    return { ...fields, [MAC]: macOf(fields, binding) };
}

const isText = (value: unknown, max = MAX_TEXT) => typeof value === 'string' && value.length <= max;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000;
const isTextList = (value: unknown) => Array.isArray(value) && value.length <= MAX_LIST && value.every((item) => isText(item, 512));

/** What each field of a context may hold; a field not named here is not this handler's. */
const FIELDS: Record<keyof CallbackContext, (value: unknown) => boolean> = {
    userArn: (value) => isText(value, 2_048) && parseUserArn(value) !== undefined,
    written: (value) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
        const { steps, pairs, tags, channels, ...rest } = value as Record<string, unknown>;
        return Object.keys(rest).length === 0 && Array.isArray(steps) && steps.every((step) => (STEP_ORDER as readonly unknown[]).includes(step)) && [pairs, tags, channels].every(isTextList);
    },
    deadline: (value) => typeof value === 'number' && Number.isFinite(value),
    retries: isCount,
    polls: isCount,
    seen: (value) => typeof value === 'boolean',
    deleteSent: (value) => typeof value === 'boolean',
    adopting: (value) => typeof value === 'boolean',
    observed: (value) => typeof value === 'boolean',
    checking: (value) => typeof value === 'boolean',
    sealedPassword: (value) => isText(value),
};

const REFUSED = 'The callback context was not answered by this handler for this request, resource and action (it does not verify, or a field is not one the handler writes): CloudFormation passes back what the handler answered; start the operation again without a context.';

/** The context a request carries, verified and type-checked; none is an empty context. */
export function openContext(received: unknown, binding: Binding): { ok: true; context: CallbackContext } | { ok: false; message: string } {
    if (received == null || (typeof received === 'object' && !Array.isArray(received) && Object.keys(received).length === 0)) return { ok: true, context: {} };
    if (typeof received !== 'object' || Array.isArray(received)) return { ok: false, message: REFUSED };
    const { [MAC]: mac, ...fields } = received as Record<string, unknown>;
    if (typeof mac !== 'string' || !binding.token) return { ok: false, message: REFUSED };
    const expected = Buffer.from(macOf(fields, binding));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, message: REFUSED };
    for (const [name, value] of Object.entries(fields)) {
        const check = Object.hasOwn(FIELDS, name) ? FIELDS[name as keyof CallbackContext] : undefined;
        if (!check || !check(value)) return { ok: false, message: REFUSED };
    }
    return { ok: true, context: fields as CallbackContext };
}
