import { describe, expect, it } from '@jest/globals';
import { durationModel, learnDurations, median } from '../../src/wait/history.js';
import type { ExecutionRecord } from '../../src/qflow/client.js';
import { StatusRules } from '../../src/wait/status.js';

const rules = new StatusRules(['Success']);
let n = 0;
function run(durationMs: number | undefined, status = 'Success'): ExecutionRecord {
  const id = `id-${n++}`;
  return { id, status, startDate: 1000, endDate: durationMs === undefined ? undefined : 1000 + durationMs, raw: {} };
}

describe('learnDurations', () => {
  it('takes the median and a spread from the median absolute deviation', () => {
    const runs = [100, 110, 120, 130, 140, 115, 125, 105, 135, 120].map((d) => run(d));
    expect(learnDurations(runs, rules)).toEqual({ medianMs: 120, spreadMs: 1.4826 * 10, samples: 10, longestMs: 140 });
  });
  it('widens the spread of fewer than ten runs, most for three that happened to end alike', () => {
    // Three runs within a second of 29 s: taken as measured, the looks would gather in that second.
    expect(learnDurations([run(29_000), run(29_200), run(28_900)], rules)).toEqual({
      medianMs: 29_000,
      spreadMs: 2.5 * 1.4826 * 100,
      samples: 3,
      longestMs: 29_200,
    });
    const five = learnDurations(
      [100, 110, 120, 130, 140].map((d) => run(d)),
      rules,
    );
    expect(five?.spreadMs).toBeCloseTo(1.4826 * 10 * (1 + (1.5 * 5) / 7));
  });
  it('ignores outliers such as a run that hung', () => {
    const model = learnDurations([run(100), run(102), run(98), run(101), run(99), run(5000)], rules);
    expect(model?.medianMs).toBe(100);
    expect(model?.samples).toBe(5);
    // The longest run kept is the longest of the others, not the one that hung.
    expect(model?.longestMs).toBe(102);
  });
  it('learns only from successful, finished runs', () => {
    const model = learnDurations([run(10, 'Failed'), run(undefined, 'Running'), run(100), run(100), run(100)], rules);
    expect(model).toEqual({ medianMs: 100, spreadMs: 0, samples: 3, longestMs: 100 });
  });
  it('says nothing from fewer than three runs', () => {
    expect(learnDurations([run(100), run(100)], rules)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
  it('durationModel keeps identical durations', () => {
    expect(durationModel([5, 5, 5, 5])).toEqual({ medianMs: 5, spreadMs: 0, samples: 4, longestMs: 5 });
  });
});
