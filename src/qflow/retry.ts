/**
 * The retry rules every call follows, as pure functions. Modelled on the AWS SDKs' "standard" retry
 * mode: capped exponential backoff with full jitter, a few attempts per call, and a budget shared by
 * all calls so a broken gateway is not hammered.
 */

export interface RetryPolicy {
  /** Attempts per call for transient errors, the first one included. */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles with each retry. */
  baseDelayMs: number;
  /** Largest backoff ceiling. */
  maxDelayMs: number;
}

/**
 * A throttled call waits what the gateway asked and a spread on top, drawn at random: the callers a
 * full window held back would otherwise all come back at the instant it reopens, and all but the first
 * few be throttled again. The spread is a quarter of the wait asked, and at least the pace at which the
 * window gives calls back (one call's worth), so even a short wait spreads the callers over some calls.
 */
export function throttleSpread(askedMs: number, windowMs: number | undefined, limit: number | undefined, random: number): number {
  const pace = windowMs !== undefined && limit !== undefined && limit > 0 ? windowMs / limit : 0;
  return Math.round(random * Math.max(0.25 * askedMs, pace));
}

/** How many times the rounds of the running calls a held-back call's spread covers (see crowdSpread). */
const CROWD_ROUNDS = 3;

/**
 * A call held back by the gateway's concurrency limit waits, on top of its backoff, a spread drawn at
 * random over the time the calls running then need to get through the slots the limit allows, each
 * taking about as long as this call's answer took: callers held back together (the jobs of a matrix
 * starting at once) then come back one after another instead of into the same full slots again. The
 * spread covers CROWD_ROUNDS times the rounds the running calls need: callers drawn over just those
 * rounds would fill the slots on average, and half of them meet a full gateway again.
 */
export function crowdSpread(running: number | undefined, limit: number | undefined, callMs: number, random: number): number {
  if (running === undefined || limit === undefined || limit <= 0) return 0;
  return Math.round(random * CROWD_ROUNDS * Math.max(0, callMs) * Math.max(1, running / limit));
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

/** Full jitter: a pause drawn uniformly from [0, min(cap, base * 2^(retry-1))]. `retry` counts from 1. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Retry tokens shared by every call of one run: a retry takes some, a call that succeeds first time
 * gives one back. When a gateway keeps failing the budget runs dry and calls fail fast.
 */
export class RetryBudget {
  private tokens: number;
  constructor(
    private readonly capacity = 100,
    private readonly retryCost = 5,
    private readonly timeoutCost = 10,
  ) {
    this.tokens = capacity;
  }
  /** Takes the cost of one retry; false when the budget cannot pay for it. */
  take(afterTimeout: boolean): boolean {
    const cost = afterTimeout ? this.timeoutCost : this.retryCost;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
  refund(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }
}
