// Amazon Connect's eventual consistency, as its API reference describes it ("Amazon Connect
// eventual consistency"; connect-api.md §5.1): a change is applied when the call that made it
// succeeds, but the reads that follow may not show it yet, typically for less than a few
// seconds, in some cases several minutes; meanwhile a user just created may be NotFound.
//
// The model: after a successful change to a user, its reads (DescribeUser,
// ListUserProficiencies, ListTagsForResource, and ListUsers for its summary) show the user as it
// was before its recent changes, for `staleReads` reads and/or `staleMs` milliseconds after the
// latest change. A change made while reads still lag keeps them on the older view, so a burst of
// changes is seen all at once when the lag ends [inferred: the reference says "changes might not
// be immediately visible", not how several of them surface]. Writes always act on the user as it
// is: a change Connect accepted is done. DeleteUser is seen at once [inferred; the contract's
// delete_read asks NotFound straight after a delete, and the reference names no case].
import type { User } from './service';

export interface Consistency {
    /** Reads of a user that still show it as it was, after each change (0: off). */
    staleReads: number;
    /** Milliseconds after each change during which reads of the user still show it as it was (0: off). */
    staleMs: number;
}
export const CONSISTENT: Consistency = { staleReads: 0, staleMs: 0 };

/** "2" or "2,1500" (stale reads, stale milliseconds) as a Consistency; throws a message naming the flag otherwise. */
export function parseConsistency(text: string): Consistency {
    const match = /^(\d+)(?:,(\d+))?$/.exec(text.trim());
    if (!match) throw new Error(`--stale must be READS or READS,MS (e.g. 2 or 0,2000), not "${text}"`);
    return { staleReads: Number(match[1]), staleMs: Number(match[2] ?? 0) };
}

interface Lag {
    /** What reads show meanwhile; undefined for a user created within the lag (reads: NotFound). */
    before: User | undefined;
    readsLeft: number;
    until: number;
}

export class Lagging {
    private settings: Consistency = { ...CONSISTENT };
    private readonly lags = new Map<string, Lag>();

    constructor(private readonly now: () => number = Date.now) {}

    set(settings: Partial<Consistency>) {
        const next = { ...CONSISTENT, ...settings };
        if (![next.staleReads, next.staleMs].every((n) => Number.isInteger(n) && n >= 0)) throw new Error('staleReads and staleMs must be whole numbers, 0 or more');
        this.settings = next;
        this.lags.clear();
    }

    get(): Consistency {
        return { ...this.settings };
    }

    get on() {
        return this.settings.staleReads > 0 || this.settings.staleMs > 0;
    }

    /** Every lag ends now: reads show every user as it is (a test's "some minutes later"). */
    settle() {
        this.lags.clear();
    }

    private open(lag: Lag | undefined): lag is Lag {
        return lag !== undefined && (lag.readsLeft > 0 || this.now() < lag.until);
    }

    /** A change to `user` succeeded; `before` is the user as it was (undefined: it was just created). */
    changed(user: User, before: User | undefined) {
        if (!this.on) return;
        const lag = this.lags.get(user.id);
        this.lags.set(user.id, {
            before: this.open(lag) ? lag.before : before,
            readsLeft: this.settings.staleReads,
            until: this.now() + this.settings.staleMs,
        });
    }

    deleted(userId: string) {
        this.lags.delete(userId);
    }

    /** The user as a read shows it now (undefined: NotFound); each read while it lags counts. */
    seen(user: User): User | undefined {
        const lag = this.lags.get(user.id);
        if (!this.open(lag)) {
            this.lags.delete(user.id);
            return user;
        }
        if (lag.readsLeft > 0) lag.readsLeft--;
        return lag.before;
    }
}
