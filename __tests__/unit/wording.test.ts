/** What the wait says when the budget slows its looks: figures that add up, in the user's words. */
import { describe, expect, it } from '@jest/globals';
import { describeStretch } from '../../src/wait/wording.js';
import type { Stretch } from '../../src/wait/schedule.js';

const budget = { remaining: 271, limit: 300, windowMs: 360_000, othersPerMs: 0 };
const stretch: Stretch = { factor: 4.5, plannedLooks: 6, share: 1.4, horizonMs: 360_000, budget, callers: 20 };

describe('the line that says why the looks slowed down', () => {
  it('says a share of one look in the singular, and that the looks go where the end is likely, not that pauses grew by a factor', () => {
    const line = describeStretch({ ...stretch, whereLikely: true }, 26_000, "'max-poll-interval'");
    expect(line).toContain('271 of 300 calls left in the 6m rate-limit window, shared with 19 other running executions of this workflow');
    expect(line).toContain('a share of about 1 look for this wait, which planned about 6 within 6m');
    expect(line).toContain("Looks go where its end is most likely (next look in 26s, longer than 'max-poll-interval').");
    expect(line).not.toContain('×');
  });

  it('gives the factor when every pause of the plan is stretched alike (no history)', () => {
    const line = describeStretch({ ...stretch, share: 2.2 }, 9000);
    expect(line).toContain('a share of about 2 looks for this wait');
    expect(line).toContain('Pauses are 4.5× as long as planned (next look in 9s).');
  });
});
