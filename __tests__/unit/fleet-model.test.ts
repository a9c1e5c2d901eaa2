/**
 * The budget model's convergence: a fleet of N waits on one subscription (pure planners over a shared
 * rolling window, see support/fleet.ts) for N from 1 to 100. Measured per call of its own, a wait that
 * paused longer took itself for more crowded and paused longer still; measured as a pace and divided
 * among the callers it sees, the fleet's plans fit what is left.
 */
import { describe, expect, it } from '@jest/globals';
import { runFleet } from '../support/fleet.js';
import { median } from '../../src/wait/history.js';

const SEEDS = [1, 2, 3];
const HOUR = 3_600_000;

describe('a fleet of waits sharing 300 calls an hour (5-minute runs, ±10 %, started 0.5 s apart)', () => {
  it.each([1, 2, 5, 10, 20, 30, 40, 50])('%i jobs: every end noticed within 2 × max-poll-interval, none throttled more than once', (jobs) => {
    for (const seed of SEEDS) {
      const fleet = runFleet({ jobs, seed });
      expect({ seed, unseen: fleet.delays.filter((d) => d === undefined).length }).toEqual({ seed, unseen: 0 });
      expect(Math.max(...(fleet.delays as number[]))).toBeLessThanOrEqual(120_000);
      expect(Math.max(...fleet.throttled)).toBeLessThanOrEqual(1);
    }
  });

  it.each([100, 50, 20, 10])('on pages of %i, 20, 40 and 50 jobs: every end noticed, none throttled', (pageSize) => {
    for (const jobs of [20, 40, 50]) {
      for (const seed of SEEDS) {
        const fleet = runFleet({ jobs, seed, pageSize });
        expect({ jobs, seed, unseen: fleet.delays.filter((d) => d === undefined).length }).toEqual({ jobs, seed, unseen: 0 });
        expect(Math.max(...fleet.throttled)).toBe(0);
      }
    }
  });

  it('on pages of 100, 20, 40 and 50 jobs: every end noticed within 2 × max-poll-interval', () => {
    for (const jobs of [20, 40, 50]) {
      for (const seed of SEEDS) expect(Math.max(...(runFleet({ jobs, seed }).delays as number[]))).toBeLessThanOrEqual(120_000);
    }
  });

  // On pages smaller than the fleet a job also reads the history apart, a call the reference does not
  // pay: with two looks a job left, they go at the usual end and at the longest recent run.
  it.each([100, 50, 20])('40 and 50 jobs on pages of %i: the median end is noticed within twice the reference planner (6.7 s, 10 s)', (pageSize) => {
    for (const seed of SEEDS) {
      expect(median(runFleet({ jobs: 40, seed, pageSize }).delays as number[])).toBeLessThanOrEqual(2 * 6_700);
      expect(median(runFleet({ jobs: 50, seed, pageSize }).delays as number[])).toBeLessThanOrEqual(2 * 10_000);
    }
  });

  it('50 jobs started 1.1 s apart, as processes start on a busy two-core runner: ends noticed within twice the reference', () => {
    for (const seed of SEEDS) {
      const fleet = runFleet({ jobs: 50, staggerMs: 1100, seed });
      expect(fleet.delays.filter((d) => d === undefined)).toHaveLength(0);
      expect(median(fleet.delays as number[])).toBeLessThanOrEqual(2 * 10_000);
      expect(Math.max(...(fleet.delays as number[]))).toBeLessThanOrEqual(120_000);
      expect(Math.max(...fleet.throttled)).toBeLessThanOrEqual(1);
    }
  });

  it('40 jobs arriving over 10 minutes: the late ones still find calls, every end noticed within 2 × max-poll-interval', () => {
    for (const seed of SEEDS) {
      const fleet = runFleet({ jobs: 40, arrivalMs: 600_000, seed });
      expect(fleet.delays.filter((d) => d === undefined)).toHaveLength(0);
      // The reference planner: (300 − 3 × 40) / 40 = 4.5 looks a job over the minute of ends, 6.7 s.
      expect(median(fleet.delays as number[])).toBeLessThanOrEqual(2 * 6_700);
      expect(Math.max(...(fleet.delays as number[]))).toBeLessThanOrEqual(120_000);
      expect(Math.max(...fleet.throttled)).toBeLessThanOrEqual(1);
    }
  });

  it.each([60, 70, 80])('%i jobs, more than the budget pays for: none throttled more than once, none starved for more than a window', (jobs) => {
    for (const seed of SEEDS) {
      const fleet = runFleet({ jobs, seed });
      expect(Math.max(...fleet.throttled)).toBeLessThanOrEqual(1);
      expect(Math.max(...fleet.longestGap)).toBeLessThanOrEqual(1.25 * HOUR);
      // The jobs the budget can serve are served.
      expect(fleet.delays.filter((d) => d !== undefined).length).toBeGreaterThanOrEqual(40);
    }
  });

  it('90 and 100 jobs: no stampede, at most two throttled answers a job and a few throttled answers per job in all', () => {
    for (const jobs of [90, 100]) {
      for (const seed of SEEDS) {
        const fleet = runFleet({ jobs, seed });
        expect(Math.max(...fleet.throttled)).toBeLessThanOrEqual(2);
        expect(fleet.throttled.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(jobs);
        expect(Math.max(...fleet.longestGap)).toBeLessThanOrEqual(1.25 * HOUR);
      }
    }
  });
});
