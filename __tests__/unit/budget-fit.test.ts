/** The plan against the API budget (budget-fit.ts), through nextPollDelay: when the calls left pay for the plan, and how far it stretches when not. */
import { describe, expect, it } from '@jest/globals';
import type { BudgetView } from '../../src/qflow/budget.js';
import type { DurationModel } from '../../src/wait/history.js';
import { normalCdf } from '../../src/wait/normal.js';
import { nextPollDelay } from '../../src/wait/schedule.js';
import { expectedLifeMs, expectedLooks } from '../../src/wait/timing.js';

const base = { minMs: 2000, maxMs: 60_000, timeLeftMs: 3_600_000, random: 0.5 };
/** A 5-minute workflow whose runs spread about ±10 %. */
const fiveMinutes: DurationModel = { medianMs: 300_000, spreadMs: 22_000, samples: 20 };

describe('the API budget', () => {
  const budget = (remaining: number, othersPerMs = 0): BudgetView => ({ remaining, limit: 300, windowMs: 3_600_000, othersPerMs });
  /** `null`: without a history. */
  const at = (elapsedMs: number, view?: BudgetView, history: DurationModel | null = fiveMinutes) =>
    nextPollDelay({ ...base, poll: 2, elapsedMs, history: history ?? undefined, budget: view });

  it('leaves the plan untouched when the budget can pay for it', () => {
    for (const t of [2000, 60_000, 240_000, 300_000, 330_000, 400_000]) {
      expect(at(t, budget(295))).toEqual(at(t));
      expect(at(t, budget(295), null)).toEqual(at(t, undefined, null));
    }
  });

  it('counts each planned look by the chance the execution still runs then', () => {
    const input = { ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes };
    const expected = expectedLooks(input, 1, 3_600_000);
    // Eight or so looks up to the usual end, a few after it; not the ~60 a run that never ends would take.
    expect(expected).toBeGreaterThan(7);
    expect(expected).toBeLessThan(14);
  });

  it('without a history, counts a look at age t by elapsed / t, so a run that has gone on long is planned for long', () => {
    const from = (elapsedMs: number) => expectedLooks({ ...base, poll: 5, elapsedMs }, 1, 3_600_000);
    // Early on, a few looks are expected of the ~60 that an hour of max-poll-interval pauses would take.
    expect(from(10_000)).toBeGreaterThan(2);
    expect(from(10_000)).toBeLessThan(6);
    // Twenty minutes in, it is as likely as not to run twenty more.
    expect(from(1_200_000)).toBeGreaterThan(15);
  });

  it('without a history, stretches the pauses by the least factor that fits the plan into its share, and says why', () => {
    const input = { ...base, poll: 5, elapsedMs: 30_000 };
    const delay = nextPollDelay({ ...input, budget: budget(5) });
    expect(delay.stretched).toBeDefined();
    const { factor, share, plannedLooks } = delay.stretched!;
    // The reserved look, and 0.4 of what is left beyond the reserve (that look and the step list).
    expect(share).toBeCloseTo(1 + 0.4 * (5 - 2));
    expect(plannedLooks).toBeGreaterThan(share);
    expect(expectedLooks(input, factor, 3_600_000)).toBeLessThanOrEqual(share);
    expect(expectedLooks(input, factor * 0.98, 3_600_000)).toBeGreaterThan(share);
    expect(delay.ms).toBeGreaterThan(nextPollDelay(input).ms);
  });

  it('with a history, spends its share where the end is likely: k looks evenly spaced in the chance of ending', () => {
    // A share of 4.2 looks buys k = 7, each made only if the run goes on: the next at the first seventh of
    // the chance that it ends between now (10 s in) and its likely end (the median and two spreads).
    const delay = at(10_000, budget(10));
    expect(delay.stretched?.share).toBeCloseTo(4.2);
    const z = (t: number) => normalCdf((t - 300_000) / 22_000);
    const lookAt = 10_000 + delay.ms;
    expect(z(lookAt) - z(10_000)).toBeCloseTo((z(344_000) - z(10_000)) / 7, 3);
    // Long before the usual end, where a stretched plan would still spend looks.
    expect(lookAt).toBeGreaterThan(270_000);
    expect(lookAt).toBeLessThan(300_000);
  });

  it('goes on with the looks an earlier pause planned where the end is likely, not with as many again at each look', () => {
    // The same share of 4.2 looks (k = 7) at 290 s, with 2 looks left of the plan made earlier: the next at
    // the first half of the chance that it ends from now to its likely end, not at the first seventh.
    const z = (t: number) => normalCdf((t - 300_000) / 22_000);
    const input = { ...base, poll: 6, elapsedMs: 290_000, history: fiveMinutes, budget: budget(10) };
    const fresh = nextPollDelay(input);
    const goingOn = nextPollDelay({ ...input, likelyLooksLeft: 2 });
    expect(fresh.stretched?.whereLikely).toEqual({ looks: 7 });
    expect(goingOn.stretched?.whereLikely).toEqual({ looks: 2 });
    expect(z(290_000 + goingOn.ms) - z(290_000)).toBeCloseTo((z(344_000) - z(290_000)) / 2, 3);
    expect(goingOn.ms).toBeGreaterThan(3 * fresh.ms);
    // With none left, the one look comes when it has most likely ended.
    expect(nextPollDelay({ ...input, likelyLooksLeft: 0 }).ms).toBe(344_000 - 290_000);
  });

  it('with a share of just the reserved look, looks once, when the execution has most likely ended', () => {
    // 10 left among 5 callers: the reserves (a look and a step list each) take them all.
    const crowded = nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes, budget: budget(10), otherRunning: 4 });
    expect(crowded.stretched?.share).toBe(1);
    expect(crowded.ms).toBe(300_000 + 2 * 22_000 - 10_000);
    // Past that, a max-poll-interval on: the reserved look is not put off further.
    const late = nextPollDelay({ ...base, poll: 9, elapsedMs: 350_000, history: fiveMinutes, budget: budget(2) });
    expect(late.stretched?.share).toBe(1);
    expect(late.ms).toBe(57_000);
  });

  it('makes that one look no earlier than the longest recent run, when the spread measured came out narrow', () => {
    // Twenty runs of ±10 % whose spread read ±3 %: two spreads past the median would come before a
    // run in five ends, and every job of the fleet reads the same history.
    const narrow: DurationModel = { medianMs: 290_000, spreadMs: 9_400, samples: 20, longestMs: 318_000 };
    const one = nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history: narrow, budget: budget(10), otherRunning: 4 });
    expect(one.stretched?.share).toBe(1);
    expect(one.ms).toBe(318_000 - 10_000);
    // From twenty runs, the longest also when two spreads of the normal model reach further: durations
    // that keep within bounds (±10 %) read a spread that puts two of them 14 s past the longest.
    const oneLook = (history: DurationModel) =>
      nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history, budget: budget(10), otherRunning: 4 }).ms + 10_000;
    expect(oneLook({ ...fiveMinutes, longestMs: 330_000 })).toBe(330_000);
    // Yet no earlier than a spread past the median, should the runs have ended close together.
    expect(oneLook({ ...fiveMinutes, longestMs: 310_000 })).toBe(300_000 + 22_000);
    // From a few runs, whose longest says little, two spreads.
    expect(oneLook({ ...fiveMinutes, samples: 6, longestMs: 330_000 })).toBe(300_000 + 2 * 22_000);
  });

  it('divides the share among itself and the other running executions of the workflow it saw, after their reserves', () => {
    expect(at(10_000, budget(100)).stretched).toBeUndefined();
    const crowded = nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes, budget: budget(100), otherRunning: 19 }).stretched!;
    expect(crowded.share).toBeCloseTo(1 + (0.4 * (100 - 20 * 2)) / 20);
    expect(crowded.callers).toBe(20);
  });

  it('keeps the reserve of executions that ended lately out of its share, since their jobs may not have looked yet', () => {
    const view = budget(100);
    const input = { ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes, budget: view, otherRunning: 9 };
    const share = (otherFinishing: number) => nextPollDelay({ ...input, otherFinishing }).stretched!.share;
    expect(share(0)).toBeCloseTo(1 + (0.4 * (100 - 20)) / 10);
    expect(share(20)).toBeCloseTo(1 + (0.4 * (100 - 20 - 40)) / 10);
  });

  it('takes off what callers it cannot see will spend, at their pace, while this execution runs', () => {
    // 2 calls a minute by someone unseen, over the ~5 minutes this run has left: about 10 of the 15 it may plan with.
    const unseen = at(10_000, budget(40, 2 / 60_000)).stretched!;
    const life = expectedLifeMs({ ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes }, 3_600_000);
    expect(life).toBeGreaterThan(280_000);
    expect(life).toBeLessThan(300_000);
    expect(unseen.share).toBeCloseTo(1 + 0.4 * (40 - 2) - (2 / 60_000) * life);
    // The log names that pace beside the callers seen (see wording.ts).
    expect(unseen.unseenPerMs).toBeCloseTo(2 / 60_000);
    // Callers it can see are not counted twice: their pace is explained by them.
    const seen = nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes, budget: budget(40, 1 / 60_000), otherRunning: 1 });
    expect(seen.stretched?.share).toBeCloseTo(1 + (0.4 * (40 - 4)) / 2);
    expect(seen.stretched?.unseenPerMs).toBeUndefined();
  });

  it('keeps the fleet within the budget: pausing longer does not make a wait think itself more crowded', () => {
    // The same others' pace seen over a short and a long pause gives the same share.
    const short = nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes, budget: budget(60, 0), otherRunning: 9 });
    const long = nextPollDelay({ ...base, poll: 9, elapsedMs: 10_000, history: fiveMinutes, budget: budget(60, 0), otherRunning: 9 });
    expect(short.stretched?.share).toBeCloseTo(long.stretched!.share);
  });

  it('counts the plan only to the timeout', () => {
    const noHistory = (timeLeftMs: number) => nextPollDelay({ ...base, poll: 5, elapsedMs: 30_000, timeLeftMs, budget: budget(5) });
    expect(noHistory(60_000).stretched).toBeUndefined();
    expect(noHistory(3_600_000).stretched).toBeDefined();
  });

  it('with not even its own reserve left, looks at its share of the pace at which the window gives calls back', () => {
    // A 300-per-hour window gives a call back every 12 s; a wait plans with 0.4 of that pace.
    expect(at(10_000, budget(0), null).ms).toBe(30_000);
    const crowded = nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, budget: budget(0), otherRunning: 1 });
    expect(crowded.ms).toBe(60_000);
    expect(crowded.stretched?.waitsForWindow).toBe(true);
  });

  it("past its likely end, looks within max-poll-interval while the calls left pay every caller's finish and a look more each", () => {
    // 8 others running (their look and step list: 16, and its own 2) and 11 that ended lately (a step
    // list each: most have seen their end). A fleet that has just looked often around its usual end
    // reads as others spending 30 calls a second.
    const past = (remaining: number) =>
      nextPollDelay({
        ...base,
        poll: 12,
        elapsedMs: 360_000,
        history: fiveMinutes,
        budget: budget(remaining, 30 / 1000),
        otherRunning: 8,
        otherFinishing: 11,
      });
    // 105 left pay that and 76 more: the end is most likely near, and it looks within the minute; so do
    // 40 (11 more, a look each).
    expect(past(105).stretched?.share).toBe(1);
    expect(past(105).ms).toBeLessThanOrEqual(60_000);
    expect(past(40).ms).toBeLessThanOrEqual(60_000);
    // 35 left pay the finishes and 6 more, fewer than a look each: the share's pause, up to its part of the
    // window's pace (9 callers × 12 s / 0.4).
    expect(past(35).ms).toBeGreaterThan(60_000);
    expect(past(35).ms).toBeLessThanOrEqual(270_000);
  });

  it('past its likely end, counts its looks as a run that may go on as long again, so a share of a few looks is not spent at the plan pace', () => {
    // 30 left among 5 callers (their looks and step lists: 10): a share of 2.6 looks. Past the likely end
    // (median and two spreads), the normal model would have the next look all but certain to see the
    // end, and the plan's look every 9 s fit the share at every look again.
    const pastOver = fiveMinutes.medianMs + 2 * fiveMinutes.spreadMs + 6000;
    const input = { ...base, poll: 9, elapsedMs: pastOver, history: fiveMinutes, otherRunning: 4 };
    const plan = nextPollDelay(input);
    const delay = nextPollDelay({ ...input, budget: budget(30) });
    expect(delay.stretched?.share).toBeCloseTo(2.6);
    expect(delay.stretched?.plannedLooks).toBeGreaterThan(2.6);
    expect(delay.ms).toBeGreaterThan(3 * plan.ms);
    // Still within max-poll-interval: the calls left pay every caller's finish and a look more each.
    expect(delay.ms).toBeLessThanOrEqual(60_000);
  });

  it('past its likely end, with calls left for the finishes but not a look each, looks again once the others have most likely looked', () => {
    // 16 others running, their looks and step lists 32 of the 50 left: a share of about one look. The
    // others are at their own likely ends; once they have finished (2 to 4 spreads on), what they leave
    // is this wait's. Its part of the window's pace would be 17 × 12 s / 0.4, over 8 minutes.
    const pastOver = fiveMinutes.medianMs + 2 * fiveMinutes.spreadMs + 5000;
    const late = (random: number) =>
      nextPollDelay({ ...base, poll: 9, elapsedMs: pastOver, history: fiveMinutes, budget: budget(50), otherRunning: 16, random });
    for (const random of [0.05, 0.5, 0.95]) {
      expect(late(random).stretched).toBeDefined();
      expect(late(random).ms).toBeGreaterThanOrEqual(2 * fiveMinutes.spreadMs);
      expect(late(random).ms).toBeLessThanOrEqual(4 * fiveMinutes.spreadMs);
    }
  });

  it('with the reserves of only some callers left, looks with the chance that leaves, once the execution has most likely ended', () => {
    // 6 left among 5 callers who each need a look and a step list: a chance of 0.6.
    const draw = (random: number) =>
      nextPollDelay({ ...base, poll: 2, elapsedMs: 10_000, history: fiveMinutes, budget: budget(6), otherRunning: 4, random });
    const likelyOver = fiveMinutes.medianMs + 2 * fiveMinutes.spreadMs - 10_000;
    expect(draw(0.5).ms).toBe(likelyOver);
    expect(draw(0.5).stretched?.share).toBeCloseTo(0.6);
    // Otherwise at its share of the window's pace: 5 callers × 12 s / 0.4, jittered.
    expect(draw(0.7).ms).toBe(Math.round(150_000 * (1 + 0.2 * 0.4)));
    expect(draw(0.7).stretched?.waitsForWindow).toBe(true);
  });

  it('having drawn a look past its likely end, looks once a spread, not at the pace its plan has there', () => {
    // Past the likely end (median and two spreads), the run outlasts the history. 6 calls left among
    // 5 callers: the calls that a look every few seconds would spend are the others' finishes.
    const pastOver = fiveMinutes.medianMs + 2 * fiveMinutes.spreadMs + 5000;
    const winner = nextPollDelay({ ...base, poll: 9, elapsedMs: pastOver, history: fiveMinutes, budget: budget(6), otherRunning: 4, random: 0.1 });
    expect(winner.stretched?.share).toBeCloseTo(0.6);
    expect(winner.stretched?.waitsForWindow).toBeUndefined();
    expect(winner.ms).toBe(fiveMinutes.spreadMs);
    expect(at(pastOver).ms).toBeLessThan(fiveMinutes.spreadMs / 2);
  });

  it('having drawn no look near its end in a crowded fleet, looks again once the others have most likely looked, not a window later', () => {
    // 73 left among 41 callers near their usual end (a fleet of jobs started together): each needs
    // a look and a step list, 82 in all. A wait that draws none lets the others look first; once they
    // have (2 to 4 spreads after its likely end), what they left is its own. The window's pace
    // (41 callers × 12 s / 0.4, over 20 minutes) would notice its end that much later.
    const loser = nextPollDelay({ ...base, poll: 3, elapsedMs: 300_000, history: fiveMinutes, budget: budget(73), otherRunning: 40, random: 0.95 });
    expect(loser.stretched?.waitsForWindow).toBe(true);
    const likelyOver = fiveMinutes.medianMs + 2 * fiveMinutes.spreadMs - 300_000;
    expect(loser.ms).toBeGreaterThanOrEqual(likelyOver + 2 * fiveMinutes.spreadMs);
    expect(loser.ms).toBeLessThanOrEqual(likelyOver + 4 * fiveMinutes.spreadMs);
  });
});
