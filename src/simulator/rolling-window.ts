/**
 * The gateway's rate limit as the Qualys docs describe it: at most `limit` calls in any window of
 * `windowMs` that rolls with time, a refused call not counted. Beside the calls taken, another client
 * of the subscription may spend at a steady pace, each of its calls counted only if the window had
 * room for it then. The one limiter of the simulator and of the fleet model in the tests.
 */
export class RollingWindow {
  /** When each call in the window was taken, oldest first. */
  private calls: number[] = [];
  private steady?: { next: number; everyMs: number };

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Takes a call at `now` if the window has room for it. */
  take(now: number): boolean {
    this.catchUp(now);
    if (this.calls.length >= this.limit) return false;
    this.calls.push(now);
    return true;
  }

  /** Counts `calls` as made over the `overMs` before `now`, evenly (all at `now` when 0), room or not. */
  spent(calls: number, now: number, overMs = 0): void {
    this.catchUp(now);
    for (let i = 0; i < calls; i++) this.calls.push(now - overMs + (overMs * (i + 1)) / calls);
    this.calls.sort((a, b) => a - b);
  }

  /** Another client spends a call every `everyMs` from `firstAt` on, each only while the window has room. */
  spendSteadily(everyMs: number, firstAt: number): void {
    this.steady = { next: firstAt, everyMs };
  }

  /** Calls left in the window at `now`. */
  remaining(now: number): number {
    this.catchUp(now);
    return Math.max(0, this.limit - this.calls.length);
  }

  /** Seconds until the oldest call leaves the window (at least 1): when a call refused at `now` would fit. */
  toWaitSec(now: number): number {
    this.catchUp(now);
    const oldest = this.calls[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  /** The steady client's calls up to `now`, and the calls that have aged out. */
  private catchUp(now: number): void {
    for (const steady = this.steady; steady && steady.next <= now; steady.next += steady.everyMs) {
      this.age(steady.next);
      if (this.calls.length < this.limit) this.calls.push(steady.next);
    }
    this.age(now);
  }

  private age(now: number): void {
    while (this.calls.length && this.calls[0] <= now - this.windowMs) this.calls.shift();
  }
}
