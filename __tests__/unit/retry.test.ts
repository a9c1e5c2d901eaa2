import { describe, expect, it } from '@jest/globals';
import type { AnswerLimits } from '../../src/qflow/limits.js';
import {
  DEFAULT_RETRY_POLICY,
  MAX_THROTTLE_WAITS,
  RetryBudget,
  afterNoAnswer,
  backoffDelay,
  CrowdMemory,
  crowdSpread,
  beforeDeadline,
  holdOf,
  nextMove,
  type Tries,
} from '../../src/qflow/retry.js';

describe('backoffDelay', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };
  it('doubles the ceiling with each retry, up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((retry) => backoffDelay(retry, policy, () => 0.999999));
    expect(ceilings).toEqual([499, 999, 1999, 3999, 7999, 15999, 19999, 19999]);
  });
  it('draws the pause uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1000);
  });
  it('defaults to five attempts', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(5);
  });
});

describe('RetryBudget', () => {
  it('pays for retries until it runs dry, and refills on success', () => {
    const budget = new RetryBudget(12, 5, 10);
    expect(budget.take(false)).toBe(true);
    expect(budget.take(false)).toBe(true);
    expect(budget.take(false)).toBe(false);
    budget.refund();
    budget.refund();
    budget.refund();
    expect(budget.take(false)).toBe(true);
  });
  it('charges more for a retry after a timeout', () => {
    const budget = new RetryBudget(12, 5, 10);
    expect(budget.take(true)).toBe(true);
    expect(budget.take(true)).toBe(false);
    expect(budget.take(false)).toBe(false);
  });
});

describe('crowdSpread', () => {
  it('spreads callers held back by the concurrency limit over three times the rounds the running calls need', () => {
    // Six running for two slots, each call about 400 ms: three rounds of 400 ms, and three times that.
    expect(crowdSpread(6, 2, 400, 0.999)).toBe(3596);
    expect(crowdSpread(6, 2, 400, 0.5)).toBe(1800);
    expect(crowdSpread(6, 2, 400, 0)).toBe(0);
  });
  it('spreads over one round at least, and not at all without the headers that say how crowded it is', () => {
    expect(crowdSpread(1, 2, 400, 0.5)).toBe(600);
    expect(crowdSpread(undefined, 2, 400, 0.5)).toBe(0);
    expect(crowdSpread(3, undefined, 400, 0.5)).toBe(0);
  });
});

describe('nextMove and afterNoAnswer: what a call does after a try', () => {
  const policy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };
  const rules = (renew = () => true) => ({ policy, retries: new RetryBudget(), renew, random: () => 0.5 });
  const fresh = (): Tries => ({ attempt: 1, renewed: false, throttledWaits: 0 });
  const run = { unsafe: true, withToken: true };
  const read = { withToken: true };
  const admitted: AnswerLimits = { said: {}, admitted: 'admitted' };
  const throttled: AnswerLimits = { said: { limit: 300, windowSec: 3600 }, admitted: 'rate-limited', askedMs: 2000 };

  it('never repeats a run call after a gateway error: QFlow may have acted on it', () => {
    expect(nextMove(502, undefined, run, fresh(), rules())).toEqual({ kind: 'fail' });
    expect(nextMove(502, undefined, read, fresh(), rules())).toEqual({ kind: 'retry', ms: 50 });
  });

  it('repeats a run call the gateway held back, which it did not act on, after the wait asked and a spread', () => {
    const hold = holdOf(429, throttled, 100, fresh(), policy, () => 0.5);
    // The spread: half (random 0.5) of the larger of a quarter of the wait and one call's worth of the window (12 s).
    expect(hold).toEqual({ ms: 2000 + 6000, spread: 6000, widest: 12_000 });
    expect(nextMove(429, hold, run, fresh(), rules())).toEqual({ kind: 'wait-out', ms: 8000, spread: 6000, widest: 12_000 });
    expect(holdOf(200, admitted, 100, fresh(), policy, () => 0.5)).toBeUndefined();
  });

  it('spreads a call the rate limit holds back again over twice as long each time, up to 64 times, and within the timeout', () => {
    // Beside a client that takes every call the window gives back, the same call is held back again and again.
    const tries = fresh();
    const spreads: number[] = [];
    for (let i = 0; i < 9; i++) {
      const hold = holdOf(429, throttled, 100, tries, policy, () => 0.5)!;
      spreads.push(hold.spread);
      expect(nextMove(429, hold, read, tries, rules()).kind).toBe('wait-out');
    }
    expect(spreads).toEqual([6000, 12_000, 24_000, 48_000, 96_000, 192_000, 384_000, 384_000, 384_000]);
    // With 2 minutes left, a spread of 6.4 minutes would give up on a call the gateway allows in 2 s:
    // it is tried once more at the last moment that leaves its answer 2 s.
    expect(beforeDeadline({ ms: 2000 + 384_000, spread: 384_000 }, 120_000, 2000, {})).toEqual({ ms: 118_000, spread: 116_000, lastTry: true });
    // A spread drawn small whose widest would not leave that room is cut all the same: callers held back
    // together all come back at their last moments, none early into a window that has given back less.
    expect(beforeDeadline({ ms: 2000 + 6000, spread: 6000, widest: 384_000 }, 120_000, 2000, {})).toEqual({
      ms: 118_000,
      spread: 116_000,
      lastTry: true,
    });
    // A spread that leaves room for another try after it stays as drawn.
    expect(beforeDeadline({ ms: 2000 + 6000, spread: 6000 }, 120_000, 2000, {})).toEqual({ ms: 8000, spread: 6000 });
    // A wait asked past the timeout is left for the caller to report.
    expect(beforeDeadline({ ms: 200_000 + 6000, spread: 6000 }, 120_000, 2000, {})).toEqual({ ms: 206_000, spread: 6000 });
  });

  it('brings the jobs of a fleet held back together back one after another, in the order of their timeouts', () => {
    // Each was asked to wait 317 s, with its spread far past its timeout: their timeouts 3 s apart, as their starts were.
    const comebacks = [327_000, 330_000, 333_000].map((msLeft) => beforeDeadline({ ms: 317_000 + 79_000, spread: 79_000 }, msLeft, 2000, {})!.ms);
    expect(comebacks).toEqual([325_000, 328_000, 331_000]);
    // Held back again at that last moment, a call is not tried a third time a second before the timeout.
    const tries = fresh();
    const last = beforeDeadline({ ms: 317_000 + 79_000, spread: 79_000 }, 327_000, 2000, tries)!;
    expect(nextMove(409, last, read, tries, rules()).kind).toBe('wait-out');
    expect(beforeDeadline({ ms: 1000 + 12_000, spread: 12_000 }, 2000, 400, tries)).toEqual({ ms: 13_000, spread: 12_000 });
  });

  it('spreads a call held back at the concurrency limit over more rounds, the more of its calls were held back lately', () => {
    const full: AnswerLimits = { said: { concurrencyLimit: 2, concurrencyRunning: 3 }, admitted: 'too-many-running' };
    const crowd = new CrowdMemory();
    // Answers of 100 ms, 3 running where 2 may: one round is 150 ms, the spread three rounds.
    const spread = () => holdOf(409, full, 100, fresh(), policy, () => 0.999_999, crowd.level)!.spread;
    expect(spread()).toBe(450);
    // Three calls held back in a row, each a call of its own: the fourth spreads over eight times as long.
    for (let i = 0; i < 3; i++) crowd.answered('too-many-running');
    expect(spread()).toBe(3600);
    // Each call let through takes one doubling off; the rate limit's holds keep their own wait and spread.
    crowd.answered('admitted');
    expect(spread()).toBe(1800);
    expect(holdOf(429, throttled, 100, fresh(), policy, () => 0.5, crowd.level)).toEqual({ ms: 8000, spread: 6000, widest: 12_000 });
    crowd.answered('admitted');
    crowd.answered('admitted');
    crowd.answered('admitted');
    expect(spread()).toBe(450);
    // However long the storm, the spread widens at most 32 times: no call is pushed past the timeout by it.
    for (let i = 0; i < 40; i++) crowd.answered('too-many-running');
    expect(spread()).toBe(450 * 32);
  });

  it('waits out at most MAX_THROTTLE_WAITS held-back answers for one call', () => {
    const tries = fresh();
    const moves = Array.from({ length: MAX_THROTTLE_WAITS + 1 }, () => nextMove(429, { ms: 1, spread: 0 }, read, tries, rules()).kind);
    expect(moves.slice(0, MAX_THROTTLE_WAITS).every((kind) => kind === 'wait-out')).toBe(true);
    expect(moves[MAX_THROTTLE_WAITS]).toBe('fail');
  });

  it('renews a rejected token once, and only for a call that carries one', () => {
    const tries = fresh();
    expect(nextMove(401, undefined, read, tries, rules())).toEqual({ kind: 'renew-token' });
    expect(nextMove(401, undefined, read, tries, rules())).toEqual({ kind: 'fail' });
    expect(nextMove(401, undefined, { withToken: false }, fresh(), rules())).toEqual({ kind: 'fail' });
    expect(
      nextMove(
        401,
        undefined,
        read,
        fresh(),
        rules(() => false),
      ),
    ).toEqual({ kind: 'fail' });
  });

  it('stops retrying at the last attempt', () => {
    expect(nextMove(503, undefined, read, { attempt: 3, renewed: false, throttledWaits: 0 }, rules())).toEqual({ kind: 'fail' });
  });

  it('after no answer: a run call that reached the gateway has an unknown outcome; one that did not, and reads, are retried', () => {
    expect(afterNoAnswer({ connected: true, timedOut: true }, run, fresh(), rules())).toEqual({ kind: 'outcome-unknown' });
    expect(afterNoAnswer({ connected: false, timedOut: false }, run, fresh(), rules())).toEqual({ kind: 'retry', ms: 50 });
    expect(afterNoAnswer({ connected: true, timedOut: true }, read, fresh(), rules())).toEqual({ kind: 'retry', ms: 50 });
    expect(afterNoAnswer({ connected: false, timedOut: false }, read, { attempt: 3, renewed: false, throttledWaits: 0 }, rules())).toEqual({
      kind: 'fail',
    });
  });
});
