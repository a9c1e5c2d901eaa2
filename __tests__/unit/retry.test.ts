import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETRY_POLICY, RetryBudget, backoffDelay, crowdSpread } from '../../src/qflow/retry.js';

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
