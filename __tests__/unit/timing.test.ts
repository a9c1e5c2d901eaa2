/** The timing plan (timing.ts), through the schedule's one entry, nextPollDelay: when to look, with and without a history. */
import { describe, expect, it } from '@jest/globals';
import type { DurationModel } from '../../src/wait/history.js';
import { normalHazard } from '../../src/wait/normal.js';
import { nextPollDelay } from '../../src/wait/schedule.js';
import { hazardPause } from '../../src/wait/timing.js';

const base = { minMs: 2000, maxMs: 60_000, timeLeftMs: 3_600_000, random: 0.5 };
/** A 5-minute workflow whose runs spread about ±10 %. */
const fiveMinutes: DurationModel = { medianMs: 300_000, spreadMs: 22_000, samples: 20 };

describe('nextPollDelay without a history', () => {
  it('waits poll-interval before the first poll', () => {
    expect(nextPollDelay({ ...base, poll: 1, elapsedMs: 0 }).ms).toBe(2000);
  });
  it('pauses half the time waited so far, so pauses grow by half each poll', () => {
    expect(nextPollDelay({ ...base, poll: 3, elapsedMs: 20_000 }).ms).toBe(10_000);
    expect(nextPollDelay({ ...base, poll: 4, elapsedMs: 30_000 }).ms).toBe(15_000);
  });
  it('stays within poll-interval and max-poll-interval, leaving a twentieth of the latter for the look itself', () => {
    expect(nextPollDelay({ ...base, poll: 2, elapsedMs: 2000 }).ms).toBe(2000);
    expect(nextPollDelay({ ...base, poll: 30, elapsedMs: 3_600_000 }).ms).toBe(57_000);
  });
  it('keeps poll-interval when max-poll-interval leaves no room above it', () => {
    expect(nextPollDelay({ ...base, minMs: 10_000, maxMs: 10_000, poll: 30, elapsedMs: 3_600_000 }).ms).toBe(10_000);
  });
  it('jitters by up to a fifth either way', () => {
    expect(nextPollDelay({ ...base, poll: 3, elapsedMs: 20_000, random: 0 }).ms).toBe(8000);
    expect(nextPollDelay({ ...base, poll: 3, elapsedMs: 20_000, random: 1 }).ms).toBe(12_000);
  });
});

describe('nextPollDelay with a history', () => {
  const at = (elapsedMs: number, history: DurationModel = fiveMinutes) => nextPollDelay({ ...base, poll: 2, elapsedMs, history }).ms;

  it('spaces the looks of a fan-out near the usual end a quarter of a spread apart, since each look notices several ends', () => {
    const fanOut = nextPollDelay({ ...base, poll: 5, elapsedMs: 300_000, history: fiveMinutes, pending: 50 }).ms;
    expect(at(300_000)).toBeLessThan(2600);
    expect(fanOut).toBeGreaterThanOrEqual(0.25 * fiveMinutes.spreadMs);
    expect(fanOut).toBeLessThan(0.27 * fiveMinutes.spreadMs);
    // Still capped by max-poll-interval early on.
    expect(nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes, pending: 50 }).ms).toBe(57_000);
  });
  it('pauses long early on, but never longer than max-poll-interval, so an early failure is seen in time', () => {
    expect(at(10_000)).toBe(57_000);
  });
  it('does not let an early pause jump over the usual end', () => {
    const thirtySeconds = { medianMs: 30_000, spreadMs: 2200, samples: 20 };
    const pause = at(2000, thirtySeconds);
    expect(2000 + pause).toBeLessThan(30_000);
    expect(2000 + pause).toBeGreaterThan(22_000);
  });
  it('polls 1.25 poll-intervals apart around the usual end', () => {
    expect(at(300_000)).toBe(2500);
  });
  it('shortens the pauses as the usual end comes closer', () => {
    const pauses = [200_000, 240_000, 260_000, 280_000, 300_000].map((t) => at(t));
    for (let i = 1; i < pauses.length; i++) expect(pauses[i]).toBeLessThan(pauses[i - 1]);
  });
  it('sees a 5-minute run end at its usual time with 9 looks, under a third of what a 10 s poller makes', () => {
    const looks: number[] = [];
    for (let t = 0, poll = 1; t < 300_000; poll++) {
      t += nextPollDelay({ ...base, poll, elapsedMs: t, history: poll > 1 ? fiveMinutes : undefined }).ms;
      looks.push(t);
    }
    expect(looks.length).toBeLessThanOrEqual(9);
    expect(looks[looks.length - 1] - 300_000).toBeLessThanOrEqual(2500);
    // Four of them in the last minute; before it, none more than max-poll-interval apart.
    expect(looks.filter((t) => t > 240_000).length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < looks.length; i++) expect(looks[i] - looks[i - 1]).toBeLessThan(60_000);
  });
  it('eases off slowly once the execution is later than usual', () => {
    expect(at(322_000)).toBe(Math.round(2500 * Math.exp(0.25))); // one spread late
    expect(at(344_000)).toBe(Math.round(2500 * Math.exp(1))); // two spreads late
  });
  it('spends a bounded number of looks on a late execution before calling it overdue', () => {
    let looks = 0;
    for (let t = 300_000; t < 366_000; looks++) t += at(t);
    // At 1.25 poll-intervals all the way, it would be 27.
    expect(looks).toBeLessThanOrEqual(18);
  });
  it('falls back to backoff once the execution is overdue (three spreads past the median)', () => {
    expect(at(370_000)).toBe(57_000);
    const shortOverdue = { medianMs: 10_000, spreadMs: 1000, samples: 5 };
    expect(at(14_000, shortOverdue)).toBe(7000);
  });
  it('assumes some spread when every past run took the same time', () => {
    const identical = { medianMs: 300_000, spreadMs: 0, samples: 20 };
    expect(at(300_000, identical)).toBe(2500);
    expect(at(250_000, identical)).toBeGreaterThan(2500);
  });
});

describe('hazardPause', () => {
  it('finds the longest pause that fits the spacing at its own end', () => {
    const pause = hazardPause(250_000, 300_000, 22_000, 4000, 60_000);
    const spacingAtEnd = 4000 * (normalHazard(0) / normalHazard((250_000 + pause - 300_000) / 22_000)) ** 5;
    expect(pause).toBeCloseTo(spacingAtEnd, -1);
  });
});
