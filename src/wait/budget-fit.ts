/**
 * The plan against the subscription's API budget: whether the calls left pay for the looks the timing
 * plan wants, and how far to stretch the pauses when they do not (see fitToBudget).
 */
import type { BudgetView } from '../qflow/budget.js';
import type { DurationModel } from './history.js';
import { normalCdf } from './normal.js';
import type { PollDelay } from './schedule.js';
import {
  expectedLifeMs,
  expectedLooks,
  JITTER,
  LIKELY_OVER_SPREADS,
  likelyOverMs,
  longestPause,
  pauseAt,
  spreadOf,
  untilLikelyOver,
  type ScheduleInput,
} from './timing.js';

/** Why and how far a pause was stretched beyond the plan, with the figures for the log. */
export interface Stretch {
  /** The pauses are this many times as long as planned. */
  factor: number;
  /** Looks the plan expected to make within the horizon. */
  plannedLooks: number;
  /**
   * The looks this wait may spend within the horizon: its fair share of the calls left, at least the
   * look that sees its end; below 1, the part of the callers whose last look and step lists the calls
   * left can pay.
   */
  share: number;
  horizonMs: number;
  budget: BudgetView;
  /** The callers it divided the calls left among: itself and those it saw. */
  callers: number;
  /**
   * The pace (calls per ms) at which callers it cannot see spend the budget: what the rate-limit
   * headers say the others spent, beyond what the callers seen explain (a fleet still starting, whose
   * newest jobs are not on the list yet, or another client of the subscription).
   */
  unseenPerMs?: number;
  /** The calls left could not pay for this wait's last look: it lets the others look first, or waits for the window to give calls back. */
  waitsForWindow?: boolean;
  /**
   * The share is spent on looks where the end is likely (a history), not on the plan's pauses stretched
   * alike: this many, the next of them the look this pause leads to.
   */
  whereLikely?: { looks: number };
}

/**
 * Of the calls left in the rate-limit window beyond every caller's reserve, the most the waits
 * sharing it may plan to spend: each takes this much of what is left, divided among the callers it
 * can see. Replanned at every look, so what is left is never spent whole, and a caller that joins
 * later still finds calls.
 */
const FAIR_SHARE = 0.4;

/** What a wait for one execution needs to finish, whatever the others do: the look that sees its end and its step list. */
const FINISH_CALLS = 2;

/**
 * Slows down only when the budget cannot pay for the plan. The plan's looks over the horizon (to the
 * timeout, within one rate-limit window), each counted by the chance that the execution is still
 * running when it comes, are compared with this wait's share of the calls left:
 * - first every caller's reserve is set aside: what it needs to finish whatever the others do, the
 *   look that sees its end and a step list for each execution (callers it can see: itself and the
 *   other running executions of the workflow, each another job waiting like this one, and those
 *   that ended so lately that their jobs may not have looked since);
 * - of the rest, FAIR_SHARE, less what callers it cannot see will spend meanwhile (their pace, net
 *   of what the window gives back, over the time this execution is expected to run on), is divided
 *   among the callers it can see, each of which divides by the same count, so the fleet's plans
 *   together fit what is left whatever their pauses (a count per call of ours would spiral: the
 *   longer a wait pauses, the more others it sees per look);
 * - the share is that, and the reserved look.
 * When the plan does not fit, with a history the share buys looks where the end is likely (see
 * `nextLikelyLook`): with just the reserved look, the one look comes when the execution has most
 * likely ended. Without a history, every pause is stretched by the least factor that makes the plan
 * fit. Only when the calls left cannot pay every running caller's reserve does a wait look later than
 * its likely end (see `drawForLook`).
 */
export function fitToBudget(input: ScheduleInput, budget: BudgetView, planned: number): PollDelay {
  const horizonMs = Math.max(0, Math.min(input.timeLeftMs, budget.windowMs));
  const seen = Math.max(0, input.otherRunning ?? 0);
  const callers = 1 + seen;
  const pending = input.pending ?? 1;
  const reserves = 1 + pending + seen * FINISH_CALLS;
  // Some of the executions that ended lately have been seen to end by their jobs already: their
  // reserve is kept from the spare, not from what decides whether every running caller can finish.
  const finishing = Math.max(0, input.otherFinishing ?? 0) * FINISH_CALLS;
  const plannedLooks = expectedLooks(input, 1, horizonMs);
  const life = expectedLifeMs(input, horizonMs);
  // The others' pace the visible callers explain (each at about this wait's own pace); the rest is unseen.
  const unseenPerMs = Math.max(0, budget.othersPerMs - (seen * plannedLooks) / Math.max(1, life));
  const spare = FAIR_SHARE * (budget.remaining - reserves - finishing) - unseenPerMs * life;
  const stretch = (share: number, factor: number, ms: number, how: Pick<Stretch, 'waitsForWindow' | 'whereLikely'> = {}): PollDelay => ({
    ms,
    stretched: {
      factor,
      plannedLooks,
      share,
      horizonMs,
      budget,
      callers,
      ...(unseenPerMs > 0 ? { unseenPerMs } : {}),
      ...(how.waitsForWindow ? { waitsForWindow: true } : {}),
      ...(how.whereLikely ? { whereLikely: how.whereLikely } : {}),
    },
  });
  if (budget.remaining < reserves) {
    const chance = budget.remaining / reserves;
    const drawn = drawForLook(input, budget, planned, callers, chance);
    return stretch(chance, drawn.ms / Math.max(1, planned), drawn.ms, { waitsForWindow: drawn.waitsForWindow });
  }
  const share = 1 + Math.max(0, spare) / callers;
  if (plannedLooks <= share) return { ms: planned };
  const untilOver = untilLikelyOver(input);
  if (input.history && untilOver !== undefined) {
    // The looks the share buys, no more than an earlier plan has left: planned anew at each look from
    // the share alone, k looks spread into what is left until the likely end put the next a k-th of the
    // way there each time, ever closer together (a job of 50 on pages of 10 looked 6 times in 4 s).
    const looks = Math.max(1, Math.min(Math.floor(2 * share - 1), input.likelyLooksLeft ?? Infinity));
    const ms = Math.round(Math.max(planned, Math.min(untilOver, nextLikelyLook(input, input.history, looks))));
    return stretch(share, ms / Math.max(1, planned), ms, { whereLikely: { looks } });
  }
  let fits = 2;
  while (expectedLooks(input, fits, horizonMs) > share && fits < 2 ** 20) fits *= 2;
  let tooShort = fits / 2;
  for (let i = 0; i < 30 && fits / tooShort > 1.001; i++) {
    const k = Math.sqrt(fits * tooShort);
    if (expectedLooks(input, k, horizonMs) <= share) fits = k;
    else tooShort = k;
  }
  // Past the likely end, or without a history, no pause goes past the longer of max-poll-interval and
  // this caller's part of the pace at which the window gives calls back: the reserved look comes then.
  // Past a history's likely end, while the calls left pay every caller's finish and a look more each,
  // not past max-poll-interval: the share is small there when the fleet has just spent a burst of
  // looks around its usual end (their pace reads as others'), yet the end is most likely near, and
  // the window's pace (20 callers: 10 minutes) would notice it that much later. Here the callers
  // whose runs ended lately count a step list each: most have seen their end by now (the fleet looks
  // most around the usual end), and counting the look too put a job whose run outlasted the history's
  // longest three minutes away when the calls left paid its look.
  // Past the likely end, when the calls left pay the finishes but not a look each, the others running
  // are mostly at their own likely ends (they read the same history): once they have made their last
  // looks, what they leave is this wait's, so it looks again then, not at the window's pace. On pages of
  // 20, a job of 50 whose run outlasted its history paused 147 s there (17 callers: up to 8 minutes)
  // while the others finished within 95 s and left 20 calls unspent.
  const nearEnd = input.history !== undefined && budget.remaining - reserves - finishing / FINISH_CALLS >= callers;
  const atWindowPace = Math.max(longestPause(input), windowPace(budget, callers, 0.5));
  const cap = nearEnd ? longestPause(input) : untilOver === undefined ? Math.min(atWindowPace, afterOthers(input, 0, callers)) : atWindowPace;
  const ms = Math.round(Math.max(planned, Math.min(cap, pauseAt(input, input.elapsedMs, input.poll, fits, input.random))));
  return stretch(share, fits, ms);
}

/**
 * The calls left pay for the reserve (a last look and the step lists) of only some of the callers,
 * `chance` of them. This wait is one of those with that chance (every caller draws alike, so about
 * as many look as can be paid), and then looks once, when its execution has most likely ended, so
 * the one look it can have is not wasted, and past then once a spread. Otherwise it lets the others
 * look first: they started about when it did, so by two to four spreads after its own likely end
 * they have made their last looks, and what they left (a count of running callers errs long, so
 * something mostly is) is its own; without a history, or should that come later, it looks at its
 * share of the pace at which the window gives calls back, jittered, so a fleet that got here together
 * does not look together.
 */
function drawForLook(
  input: ScheduleInput,
  budget: BudgetView,
  planned: number,
  callers: number,
  chance: number,
): { ms: number; waitsForWindow: boolean } {
  const untilOver = untilLikelyOver(input) ?? 0;
  if (input.random < chance) {
    // Past its likely end (a run that outlasts the history), once a spread, not at the plan's pace: each
    // look spends a call that another caller's finish needs. At the plan's pace, jobs of 50 on pages of
    // 10 whose history ran short looked every 3 s near their end, and others were held back for the window.
    const ms = untilOver || (input.history ? spreadOf(input.history) : 0);
    return { ms: Math.round(Math.max(planned, ms)), waitsForWindow: false };
  }
  return {
    ms: Math.round(Math.max(planned, Math.min(afterOthers(input, untilOver, callers), windowPace(budget, callers, input.random)))),
    waitsForWindow: true,
  };
}

/**
 * When the other callers, who started about when this one did and read the same history, have most
 * likely made their last looks: two to four spreads after this wait's likely end, `untilOver` from
 * now (0 once past it), jittered so that those waiting for it do not look together. Never, alone or
 * without a history.
 */
function afterOthers(input: ScheduleInput, untilOver: number, callers: number): number {
  return input.history && callers > 1 ? untilOver + LIKELY_OVER_SPREADS * spreadOf(input.history) * (1 + input.random) : Infinity;
}

/** This caller's part of the pace at which the window gives calls back, jittered by `random`. */
function windowPace(budget: BudgetView, callers: number, random: number): number {
  return ((callers * budget.windowMs) / Math.max(1, budget.limit) / FAIR_SHARE) * (1 + JITTER * (2 * random - 1));
}

/**
 * With a history, the looks go where the end is likely: `looks` of them (k), evenly spaced in the
 * chance that the execution ends, from now to when it has most likely ended. The i-th of k is made
 * only if the execution still runs, so k looks count as (k + 1) / 2 and a share buys k = 2 × share − 1.
 * The next look comes at the first of them; it plans again there, with k − 1 at most: once the first
 * is made, the others are still evenly spaced in the chance that the execution ends.
 */
function nextLikelyLook(input: ScheduleInput, history: DurationModel, looks: number): number {
  const spread = spreadOf(history);
  const ended = (t: number) => normalCdf((t - history.medianMs) / spread);
  const over = likelyOverMs(history);
  const target = ended(input.elapsedMs) + (ended(over) - ended(input.elapsedMs)) / looks;
  let early = input.elapsedMs;
  let late = over;
  for (let i = 0; i < 40; i++) {
    const t = (early + late) / 2;
    if (ended(t) < target) early = t;
    else late = t;
  }
  return late - input.elapsedMs;
}
