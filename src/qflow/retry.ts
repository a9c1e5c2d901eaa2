/**
 * The retry rules every call follows: what a call does after each answer or failed try (see nextMove
 * and afterNoAnswer; http.ts carries the moves out), and how long it pauses. Modelled on the AWS SDKs'
 * "standard" retry mode: capped exponential backoff with full jitter, a few attempts per call, and a
 * budget shared by all calls so a broken gateway is not hammered. The run call is repeated only when
 * QFlow certainly did not act on it.
 */
import type { AnswerLimits } from './limits.js';

/** Statuses of a gateway that failed to answer, worth another try of a call that starts nothing. */
export const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

/** Throttled answers waited out for one call, whatever the server asks, so a stuck limiter cannot hold us forever. */
export const MAX_THROTTLE_WAITS = 20;

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

/**
 * A call the rate limit holds back again spreads its return over twice as long each time, up to this
 * many doublings (64×: about 13 minutes at 300 calls an hour). The wait the gateway asks is when the
 * window gives a call back, not that this caller will get it: beside a client that spends as fast as
 * the window gives back (a steady script, another tool), every call given back is taken at once, and
 * a step list asked for again at each reopening was held back 20 times in 12 minutes.
 */
export const MAX_THROTTLE_DOUBLINGS = 6;

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

/** The crowd memory widens a spread at most this much (32×): a long storm must not push a call past the timeout. */
export const MAX_CROWD_DOUBLINGS = 5;

/**
 * How crowded the gateway's concurrency limit has lately been for this client, across its calls: one
 * more for each call held back at it, one less for each call let through. A call held back spreads
 * its return over this many doublings of the time the running calls need (see crowdSpread): on a
 * gateway full for seconds (50 jobs starting together, answers of 200 ms, 2 calls at once), every
 * call of a job otherwise came back as soon as the first, and the calls sent again filled the slots
 * themselves (14 answers held back a job). Counted in answer times, not seconds, it grows as fast
 * on a gateway that answers in 20 ms as on one that answers in 200.
 */
export class CrowdMemory {
  private held = 0;
  get level(): number {
    return this.held;
  }
  /** Told of every answer: held back at the concurrency limit, or let through. */
  answered(admission: 'admitted' | 'rate-limited' | 'too-many-running'): void {
    if (admission === 'too-many-running') this.held++;
    else if (admission === 'admitted') this.held = Math.max(0, this.held - 1);
  }
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

/** How far one call has come: its tries, whether its token was renewed, the throttled answers waited out. */
export interface Tries {
  attempt: number;
  renewed: boolean;
  throttledWaits: number;
  /** Sent again at the last moment before the timeout (see beforeDeadline). */
  lastTried?: boolean;
}

/** What a call is, for the rules: whether it starts something, and whether it carries the bearer token. */
export interface CallKind {
  /** The run call: QFlow may act on it. */
  unsafe?: boolean;
  /** A QFlow call (not a login): a 401 means the token, which can be renewed. */
  withToken: boolean;
}

/** How long a call held back waits before it is sent again: what the gateway asked, and `spread` on top. */
export interface Hold {
  ms: number;
  spread: number;
  /** The largest spread the draw could have given: callers held back together come back over this. */
  widest?: number;
  /** Cut to the last moment before the timeout (see beforeDeadline). */
  lastTry?: boolean;
}

/**
 * A call the gateway held back: by its limits, or a 503 that says when to come back. It was not acted
 * on, so it is safe to repeat, even a run; it waits what the gateway asked (else a backoff) and a
 * spread on top, so callers held back together come back apart (by the rate limit, twice as wide each
 * time the same call is held back again, see MAX_THROTTLE_DOUBLINGS). Undefined for an answer let through.
 */
export function holdOf(
  status: number,
  limits: AnswerLimits,
  callMs: number,
  tries: Tries,
  policy: RetryPolicy,
  random: () => number,
  crowdLevel = 0,
): Hold | undefined {
  if (limits.admitted === 'admitted' && !(status === 503 && limits.askedMs !== undefined)) return undefined;
  const { said } = limits;
  const throttled = limits.admitted === 'rate-limited' && limits.askedMs !== undefined;
  // The spread drawn at `r` of its range: r = 1 gives the widest, which the timeout must have room for.
  const spreadAt = (r: number) =>
    throttled
      ? throttleSpread(limits.askedMs ?? 0, said.windowSec !== undefined ? said.windowSec * 1000 : undefined, said.limit, r) *
        2 ** Math.min(tries.throttledWaits, MAX_THROTTLE_DOUBLINGS)
      : limits.admitted === 'too-many-running'
        ? crowdSpread(said.concurrencyRunning, said.concurrencyLimit, callMs, r) * 2 ** Math.min(crowdLevel, MAX_CROWD_DOUBLINGS)
        : 0;
  const spread = throttled || limits.admitted === 'too-many-running' ? spreadAt(random()) : 0;
  return { ms: (limits.askedMs ?? backoffDelay(tries.throttledWaits + 1, policy, random)) + spread, spread, widest: spreadAt(1) };
}

/**
 * A hold cut to end before the timeout, `msLeft` away, when the wait the gateway asked does not but
 * its spread, at its widest, would leave no room for another try: the call is then tried once more at
 * the last moment that leaves `answerMs` for its answer, instead of the job giving up on a wait it need
 * not make. The last moment, not a point drawn or set between: the jobs of a fleet the window held back
 * together have timeouts as far apart as their starts, so at their last moments they come back one
 * after another, each when the window has given back the calls the fleet spent before it started. Cut
 * to half the time left, 14 of 80 came back within 4 s into a window that had given back a few calls,
 * and 13 were held back again; a job whose drawn spread happened to fit came back early, took the one
 * call given back for its look, and its step list was held back three times. A hold whose asked wait
 * alone goes past the timeout stays as it is, and so does one of a call already tried at its last
 * moment: held back there, it is not tried a third time a second before the timeout, it stops and says why.
 */
export function beforeDeadline(hold: Hold | undefined, msLeft: number, answerMs: number, tries: Pick<Tries, 'lastTried'>): Hold | undefined {
  if (hold === undefined || tries.lastTried) return hold;
  const room = msLeft - (hold.ms - hold.spread);
  if (room < 0 || (hold.widest ?? hold.spread) <= room / 2) return hold;
  const spread = Math.max(0, Math.floor(room - answerMs));
  return { ms: hold.ms - hold.spread + spread, spread, lastTry: true };
}

/** What a call does after an answer. */
export type Move =
  | { kind: 'done' }
  /** The token was rejected: a fresh one is had, and the call repeated once. */
  | { kind: 'renew-token' }
  | ({ kind: 'wait-out' } & Hold)
  | { kind: 'retry'; ms: number }
  | { kind: 'fail' };

/**
 * After an answer: a success is done; a rejected token is renewed once (`renew` drops it, true when a
 * fresh one can be had); a call held back is waited out, up to MAX_THROTTLE_WAITS times; a gateway's
 * failure is retried for a call that starts nothing, while the attempts and the shared budget allow;
 * anything else fails. Counts the try in `tries`.
 */
export function nextMove(
  status: number,
  hold: Hold | undefined,
  call: CallKind,
  tries: Tries,
  rules: { policy: RetryPolicy; retries: RetryBudget; renew: () => boolean; random: () => number },
): Move {
  if (status >= 200 && status < 300) {
    if (tries.attempt === 1) rules.retries.refund();
    return { kind: 'done' };
  }
  if (status === 401 && call.withToken && !tries.renewed && rules.renew()) {
    tries.renewed = true;
    return { kind: 'renew-token' };
  }
  if (hold) {
    if (hold.lastTry) tries.lastTried = true;
    return ++tries.throttledWaits > MAX_THROTTLE_WAITS ? { kind: 'fail' } : { kind: 'wait-out', ...hold };
  }
  if (!call.unsafe && RETRYABLE_STATUSES.has(status) && tries.attempt < rules.policy.maxAttempts && rules.retries.take(false)) {
    return { kind: 'retry', ms: backoffDelay(tries.attempt, rules.policy, rules.random) };
  }
  return { kind: 'fail' };
}

/**
 * After a try that got no answer, not cancelled: a run call that reached the gateway may have been
 * acted on, so its outcome is unknown and it is never repeated; any other call is retried after a
 * backoff while the attempts and the shared budget allow (a timeout costs more of it); else it fails.
 */
export function afterNoAnswer(
  failure: { connected: boolean; timedOut: boolean },
  call: CallKind,
  tries: Tries,
  rules: { policy: RetryPolicy; retries: RetryBudget; random: () => number },
): { kind: 'outcome-unknown' } | { kind: 'retry'; ms: number } | { kind: 'fail' } {
  if (call.unsafe && failure.connected) return { kind: 'outcome-unknown' };
  if (tries.attempt < rules.policy.maxAttempts && rules.retries.take(failure.timedOut)) {
    return { kind: 'retry', ms: backoffDelay(tries.attempt, rules.policy, rules.random) };
  }
  return { kind: 'fail' };
}
