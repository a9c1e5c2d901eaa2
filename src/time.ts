import { abortReason } from './errors.js';

/** The clock and the pause, as one seam so tests can run time forward. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The longest a Node timer waits: a longer one (25 days, a `timeout: 30d`) fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      // A pause longer than a timer can hold is several timers, one after another.
      const wait = (left: number) => {
        timer = setTimeout(
          () => {
            if (left > LONGEST_TIMER_MS) return wait(left - LONGEST_TIMER_MS);
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.min(LONGEST_TIMER_MS, Math.max(0, left)),
        );
      };
      wait(ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

export function iso(epochMs: number | undefined): string {
  return epochMs === undefined ? '' : new Date(epochMs).toISOString();
}

/**
 * Why a wait of `waitMs` with `leftMs` to the timeout is not made: past it, or so close that `what` (a
 * call, a try) would have too little time for its answer. "Asked for no calls for 1s" after 5m 58s of a
 * 6m timeout reads as a contradiction without the time it would leave.
 */
export function whyNotWaited(waitMs: number, leftMs: number, what: string): string {
  return waitMs >= leftMs
    ? ', past the timeout'
    : `, which would leave ${humanDuration(leftMs - waitMs)} before the timeout: too little for ${what} and its answer`;
}

/** A duration for people: 1h 2m 5s, 42s, 350ms. */
export function humanDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  let seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds || (!hours && !minutes) ? `${seconds}s` : ''].filter(Boolean).join(' ');
}
