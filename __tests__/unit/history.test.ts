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
    const model = learnDurations([run(100), run(110), run(120), run(130), run(140)], rules);
    expect(model).toEqual({ medianMs: 120, spreadMs: 1.4826 * 10, samples: 5 });
  });
  it('ignores outliers such as a run that hung', () => {
    const model = learnDurations([run(100), run(102), run(98), run(101), run(99), run(5000)], rules);
    expect(model?.medianMs).toBe(100);
    expect(model?.samples).toBe(5);
  });
  it('learns only from successful, finished runs', () => {
    const model = learnDurations([run(10, 'Failed'), run(undefined, 'Running'), run(100), run(100), run(100)], rules);
    expect(model).toEqual({ medianMs: 100, spreadMs: 0, samples: 3 });
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
    expect(durationModel([5, 5, 5, 5])).toEqual({ medianMs: 5, spreadMs: 0, samples: 4 });
  });
});
