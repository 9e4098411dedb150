// The callback context, bound to the request it belongs to. CloudFormation hands back what a
// handler answered; whoever else can send events to the function (a mis-wired caller, a test
// harness) could hand back anything. So every context this handler answers carries a MAC under a
// key derived by HKDF-SHA256 from the request's bearer token (which comes in every invocation of
// the request and in no response) and bound to its account, Region, stack, logical resource and
// action; a context that does not verify, or whose fields are not what this handler writes, is
// refused before any call. What it does not stop: whoever can invoke the function directly
// controls the whole request, bearer token and credentials included (guide/security.md, "Threat model").
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { parseUserArn } from './translate';
import { STEP_ORDER, type Written } from './update-plan';

/** What every action that answers IN_PROGRESS keeps: JSON-safe, small, never SDK objects. */
interface Resumable {
    /** When this operation must give up waiting (ms since the epoch): its handler's timeoutInMinutes after its first invocation. */
    deadline?: number;
    /** Consecutive IN_PROGRESS rounds spent on throttles, 500s and network failures. */
    retries?: number;
}

/** What UPDATE's later rounds need, and CREATE's once its user exists (both run a plan and converge). */
export interface UpdateContext extends Resumable {
    /** What this operation's finished steps wrote (update-plan.ts): never sent again, and never taken back because a read lags. */
    written?: Written;
    /** Rounds spent waiting for Connect's reads to show this operation's changes: a new user (create), or a change (update). */
    polls?: number;
    /**
     * Connect was seen to hold something else than the previous state says: every later round
     * plans from a read of the user instead (converge.ts).
     */
    observed?: boolean;
    /** Every step of the plan is done: what is left is the read that checks and answers (converge.ts). */
    checking?: boolean;
}

export interface CreateContext extends UpdateContext {
    /** The user CreateUser made; once set, create never calls CreateUser again. */
    userArn?: string;
    /** The new user has been seen: a NotFound from now on is about something else. */
    seen?: boolean;
    /** Connect said the Username is taken: look for the user an earlier attempt of this request made. */
    adopting?: boolean;
    /** The Password, sealed to this request's token, while CreateUser has not succeeded (see sealed.ts). */
    sealedPassword?: string;
}

export interface DeleteContext extends Resumable {
    /** A DeleteUser went out in an earlier round: a NotFound now means it took effect. */
    deleteSent?: boolean;
}

/** READ and LIST answer at once: they keep nothing. */
export type NoContext = Record<never, never>;

/** Every field any action keeps: for what all of them share (the retry policy, the seal). READ and LIST keep none. */
export type CallbackContext = CreateContext & DeleteContext;

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

/** What each field of a context may hold. */
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

/** The fields each action writes; a field not named for the action is not this handler's. */
const RESUMABLE = ['deadline', 'retries'] as const;
const UPDATING = [...RESUMABLE, 'written', 'polls', 'observed', 'checking'] as const;
const FIELDS_BY_ACTION: Record<string, readonly (keyof CallbackContext)[]> = {
    CREATE: [...UPDATING, 'userArn', 'seen', 'adopting', 'sealedPassword'],
    UPDATE: UPDATING,
    DELETE: [...RESUMABLE, 'deleteSent'],
    READ: [],
    LIST: [],
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
    const allowed = FIELDS_BY_ACTION[binding.action] ?? [];
    for (const [name, value] of Object.entries(fields)) {
        if (!allowed.includes(name as keyof CallbackContext) || !FIELDS[name as keyof CallbackContext](value)) return { ok: false, message: REFUSED };
    }
    return { ok: true, context: fields as CallbackContext };
}
