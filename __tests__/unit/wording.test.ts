/** What the wait says when the budget slows its looks: figures that add up, in the user's words. */
import { describe, expect, it } from '@jest/globals';
import { describeOne, describeStretch } from '../../src/wait/wording.js';
import type { ExecutionRecord } from '../../src/qflow/client.js';
import type { Stretch } from '../../src/wait/schedule.js';

const budget = { remaining: 271, limit: 300, windowMs: 360_000, othersPerMs: 0 };
const stretch: Stretch = { factor: 4.5, plannedLooks: 6, share: 1.4, horizonMs: 360_000, budget, callers: 20 };

describe('the line that says why the looks slowed down', () => {
  it('says a share of one look in the singular, and that the looks go where the end is likely, not that pauses grew by a factor', () => {
    const line = describeStretch({ ...stretch, whereLikely: { looks: 1 } }, 26_000, "'max-poll-interval'");
    expect(line).toContain('271 of 300 calls left in the 6m rate-limit window, shared with 19 other running executions of this workflow');
    expect(line).toContain('a share of about 1 look for this wait, which planned about 6 within 6m');
    expect(line).toContain("One look goes where its end is most likely (next look in 26s, longer than 'max-poll-interval').");
    expect(line).not.toContain('×');
  });

  it('says that a share of looks buys more looks where the end is likely, each made only while the execution runs', () => {
    // 9 looks, the later ones made only if the run goes on, count as 5: the line must not promise 5 and show 9.
    const line = describeStretch({ ...stretch, share: 5.2, plannedLooks: 9, whereLikely: { looks: 9 } }, 20_000, "'max-poll-interval'");
    expect(line).toContain('a share of about 5 looks for this wait, which planned about 9');
    expect(line).toContain(
      "Up to 9 looks go where its end is most likely, each after the first made only if the execution still runs (next look in 20s, longer than 'max-poll-interval').",
    );
  });

  it('names the callers the list does not show, whose pace the share counted, beside those it shows', () => {
    // 26 calls in 0.6 s by others, one of them seen: a fleet still starting, its newest jobs not listed yet.
    const line = describeStretch({ ...stretch, callers: 2, share: 1, unseenPerMs: 26 / 600, whereLikely: { looks: 1 } }, 26_000);
    expect(line).toContain(
      'shared with 1 other running execution of this workflow (other jobs polling it) and with other callers of the subscription not on the list, spending about 2,600 calls a minute, in a burst (the window allows about 50 a minute over its length); a share of about 1 look',
    );
    expect(describeStretch({ ...stretch, callers: 1, share: 1, unseenPerMs: 1 / 60_000 }, 26_000)).toContain(
      'rate-limit window, shared with other callers of the subscription not on the list, spending about 1 call a minute;',
    );
    // A pace the window allows over its length is not called a burst.
    expect(describeStretch({ ...stretch, callers: 1, share: 1, unseenPerMs: 40 / 60_000 }, 26_000)).toMatch(/spending about 40 calls a minute;/);
  });

  it('gives the factor when every pause of the plan is stretched alike (no history)', () => {
    const line = describeStretch({ ...stretch, share: 2.2 }, 9000);
    expect(line).toContain('a share of about 2 looks for this wait');
    expect(line).toContain('Pauses are 4.5× as long as planned (next look in 9s).');
  });
});

describe('the line that says where a new execution is', () => {
  const others: ExecutionRecord[] = Array.from({ length: 20 }, (_, i) => ({ id: `other-${i}`, status: 'Running', raw: {} }));
  const search = { found: new Map(), others, pages: 1, pageSize: 100 };

  it('does not call an execution crowded off the newest page by a fleet "not listed yet"', () => {
    expect(describeOne('e1', new Map(), { ...search, complete: false, beyond: 21 }, true)).toBe(
      'execution e1 is not among the 20 newest executions of the workflow (newer runs filled them, or QFlow has not listed it yet); the next look reads further.',
    );
  });

  it('says a new execution is not listed yet when the list was read to its end', () => {
    expect(describeOne('e1', new Map(), { ...search, complete: true, beyond: 0 }, true)).toBe(
      'execution e1 is not listed yet (QFlow lists a new execution after a moment).',
    );
  });
});
