// Time and chance, for the whole handler: Lambda's own, unless a test or a simulation hands the
// bundle another (handlers.ts exports useClock), so nothing patches Date.now or Math.random.

export interface Clock {
    now: () => number;
    sleep: (ms: number) => Promise<void>;
    random: () => number;
}

export const REAL_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: () => Math.random() };

let current: Clock = REAL_CLOCK;

/** The clock in use. */
export const clock = (): Clock => current;

/** Another clock from now on (REAL_CLOCK to go back). */
export function useClock(next: Clock): void {
    current = next;
}
