import { describe, expect, it } from '@jest/globals';
import { budgetFloorMs, nextPollDelay } from '../src/schedule.js';

const base = { elapsedMs: 0, minMs: 5000, maxMs: 60_000, rateLimit: {}, random: 0.5 };

describe('nextPollDelay', () => {
  it('waits poll-interval before the first poll', () => {
    expect(nextPollDelay({ ...base, poll: 1 }).ms).toBe(5000);
  });
  it('backs off by half again per poll, up to max-poll-interval', () => {
    const pauses = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((poll) => nextPollDelay({ ...base, poll }).ms);
    expect(pauses.slice(0, 4)).toEqual([5000, 7500, 11250, 16875]);
    expect(pauses[9]).toBe(60_000);
    for (let i = 1; i < pauses.length; i++) expect(pauses[i]).toBeGreaterThanOrEqual(pauses[i - 1]);
  });
  it('jitters by up to a fifth either way, within the bounds', () => {
    expect(nextPollDelay({ ...base, poll: 3, random: 0 }).ms).toBe(9000);
    expect(nextPollDelay({ ...base, poll: 3, random: 1 }).ms).toBe(13500);
    expect(nextPollDelay({ ...base, poll: 2, random: 0 }).ms).toBe(6000);
    expect(nextPollDelay({ ...base, poll: 20, random: 1 }).ms).toBe(60_000);
  });
  it('stretches the pause when the rate-limit budget is low, and says why', () => {
    const delay = nextPollDelay({ ...base, poll: 2, rateLimit: { limit: 300, remaining: 10, windowSec: 3600 } });
    expect(delay.ms).toBe(720_000);
    expect(delay.throttledBy).toMatch(/10 API calls left of 300 in the 3600s rate-limit window/);
  });
  it('keeps the planned pause when the budget is ample', () => {
    const delay = nextPollDelay({ ...base, poll: 2, rateLimit: { limit: 10_000, remaining: 9000, windowSec: 3600 } });
    expect(delay).toEqual({ ms: 7500 });
  });
});

describe('budgetFloorMs', () => {
  it('spends at most half of the calls left in one window', () => {
    expect(budgetFloorMs({ remaining: 300, windowSec: 3600 })).toBe(24_000);
    expect(budgetFloorMs({ remaining: 0, windowSec: 60 })).toBe(60_000);
  });
  it('is undefined without rate-limit headers', () => {
    expect(budgetFloorMs({ remaining: 5 })).toBeUndefined();
  });
});
