import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETRY_POLICY, RetryBudget, backoffDelay, isThrottled, serverWaitMs } from '../../src/qflow/retry.js';

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
  it('reads a 409 as throttling only when its headers say the call was held back', () => {
    expect(isThrottled(409, { 'x-ratelimit-towait-sec': '5' })).toBe(true);
    expect(isThrottled(409, { 'x-ratelimit-remaining': '0', 'x-ratelimit-towait-sec': '0' })).toBe(true);
    expect(isThrottled(409, { 'x-concurrency-limit-limit': '2', 'x-concurrency-limit-running': '3' })).toBe(true);
    expect(isThrottled(409, { 'retry-after': '3' })).toBe(true);
    expect(isThrottled(409, {})).toBe(false);
  });
  it('reads a 409 as a conflict when the budget headers every answer carries say nothing was held back', () => {
    const everyAnswer = {
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '120',
      'x-ratelimit-towait-sec': '0',
      'x-concurrency-limit-limit': '2',
      'x-concurrency-limit-running': '1',
    };
    expect(isThrottled(409, everyAnswer)).toBe(false);
  });
  it('does not read a ToWait of 0 as a wait asked', () => {
    expect(serverWaitMs({ 'x-ratelimit-towait-sec': '0' }, 0)).toBeUndefined();
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
});
