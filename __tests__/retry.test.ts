import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETRY_POLICY, RetryBudget, backoffDelay, isThrottled, readRateLimit, serverWaitMs } from '../src/retry.js';

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

describe('throttling', () => {
  it('reads 429 as throttling', () => {
    expect(isThrottled(429, {})).toBe(true);
  });
  it('reads 409 as throttling only with rate-limit headers', () => {
    expect(isThrottled(409, { 'x-ratelimit-towait-sec': '5' })).toBe(true);
    expect(isThrottled(409, {})).toBe(false);
  });
  it('prefers X-RateLimit-ToWait-Sec over Retry-After', () => {
    expect(serverWaitMs({ 'x-ratelimit-towait-sec': '7', 'retry-after': '30' }, 0)).toBe(7000);
  });
  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(serverWaitMs({ 'retry-after': '12' }, now)).toBe(12_000);
    expect(serverWaitMs({ 'retry-after': 'Sat, 28 Nov 2026 10:00:45 GMT' }, now)).toBe(45_000);
    expect(serverWaitMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(serverWaitMs({}, now)).toBeUndefined();
  });
  it('reads the rate-limit state, ignoring what is not a number', () => {
    expect(readRateLimit({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '12', 'x-ratelimit-window-sec': 'x' })).toEqual({
      limit: 300,
      remaining: 12,
      windowSec: undefined,
    });
  });
});
