/**
 * When to poll next: a pure function of where the wait stands, so every branch is testable without
 * a clock. Every pause stays within [poll-interval, max-poll-interval less a twentieth for the look
 * itself], except when the subscription's API budget cannot pay for the plan (see fitToBudget).
 *
 * With a history of the workflow's durations, polls follow the chance that the execution ends: the
 * pause shrinks with the hazard (the rate at which still-running executions end at that age, from a
 * normal model of the history) to 1.25 poll-intervals at the usual duration. Long before the usual end
 * that is a long pause, capped by max-poll-interval so an early failure is still seen in time; near it
 * the pauses shrink, and past it they grow again, slowly. Without a history, or once the execution
 * runs well past its usual duration, each pause is half the time waited so far (so pauses grow by
 * half each poll), with jitter.
 */
import type { BudgetView } from '../qflow/budget.js';
import type { DurationModel } from './history.js';

export interface ScheduleInput {
  /** Which poll comes next, from 1. */
  poll: number;
  /** Time since the execution started, ms. */
  elapsedMs: number;
  /** `poll-interval`: the first and shortest pause. */
  minMs: number;
  /** `max-poll-interval`: the longest a run's end may go unnoticed. */
  maxMs: number;
  /** The workflow's usual duration, when its history says enough. */
  history?: DurationModel;
  /** Executions still waited for, when more than one (a fan-out): their ends spread over the history's. */
  pending?: number;
  /** What the subscription's API budget allows, when the gateway has said. */
  budget?: BudgetView;
  /**
   * Other executions of the workflow seen running in the last look at the list (not this wait's own):
   * most are other jobs waiting like this one, each a caller spending the same budget.
   */
  otherRunning?: number;
  /**
   * Other executions of the workflow seen to have ended lately (within LATELY_ENDED of a
   * max-poll-interval): their jobs may not have looked since, and each still needs its last look and
   * step list.
   */
  otherFinishing?: number;
  /** Time left until the wait's timeout, ms. */
  timeLeftMs: number;
  /** Uniform in [0, 1). */
  random: number;
}

export interface PollDelay {
  ms: number;
  /** Set when the API budget could not pay for the plan, so the pauses were stretched. */
  stretched?: Stretch;
}

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
  /** The calls left could not pay for this wait's last look: it waits for the window to give calls back. */
  waitsForWindow?: boolean;
}

/** Growth of the pause without a history: each pause is half the time waited so far, so ×1.5 per poll. */
const BACKOFF_FRACTION = 0.5;
/** Jitter of ±20 % on backoff pauses, so matrix jobs started together do not poll in lockstep. */
const JITTER = 0.2;
/**
 * The share of max-poll-interval a pause leaves for the look itself: an end is noticed when the
 * answer is in and acted on, not when the call leaves, and max-poll-interval bounds the former.
 */
const LOOK_ALLOWANCE = 0.05;
/**
 * Of the calls left in the rate-limit window beyond every caller's reserve, the most the waits
 * sharing it may plan to spend: each takes this much of what is left, divided among the callers it
 * can see. Replanned at every look, so what is left is never spent whole, and a caller that joins
 * later still finds calls.
 */
const FAIR_SHARE = 0.4;
/**
 * An execution that ended within this share of max-poll-interval may not have been seen to end by its
 * job yet; one that ended longer ago most likely has (jobs that share a budget look more often than
 * that near the end). Counting every recent end as not yet seen would reserve calls for jobs long done.
 */
export const LATELY_ENDED = 0.5;
/** What a wait for one execution needs to finish, whatever the others do: the look that sees its end and its step list. */
const FINISH_CALLS = 2;
/** Looks counted at most when playing a plan forward. */
const MAX_PLANNED_LOOKS = 5000;
/** Around the usual duration, polls are this many poll-intervals apart, to notice the end within a couple of seconds. */
const PEAK_SPACING = 1.25;
/**
 * With many executions waited for (a fan-out), their ends spread over the history's spread and each
 * look notices every end since the one before. Near the usual end the looks are then at least a
 * quarter of a spread apart (about eight across the ±1 spread where two thirds of them end), not
 * 1.25 poll-intervals: each look notices several ends. The price is a median delay longer than one
 * execution's: k looks notice at most k × m seconds' worth of ends within m seconds, so halving the
 * median delay of a fan-out doubles its looks. API calls come first here; the benchmark shows both.
 * (A fifth of a spread was tried: a model of the wait gave 16 looks for 15 and 2.9 s for 3.6 s, but
 * the benchmark's 50 executions in one step showed the same 3.7 s median delay either way.)
 */
const FAN_OUT_PEAK_SPREADS = 0.25;
/**
 * How steeply the pause grows with the distance before the usual end: as the fifth power of how much
 * less likely the execution is to end now than at its usual duration. Runs mostly end close to their
 * usual duration; the benchmark showed the plain (first-power) ratio spending more calls on the
 * shoulders for a slower look at the usual end. The price: a run that ends more than a spread early
 * is seen later, though always within max-poll-interval (the benchmark shows both).
 */
const HAZARD_POWER = 5;
/**
 * Past the usual end the pause grows again, slowly, by e^((z / LATE_SPREADS)²) at z spreads late:
 * ×1.3 one spread late, ×2.7 two spreads late. The normal model's hazard would keep shrinking it,
 * but real durations have a longer tail than a normal one (a slow cloud API, a retried step), and a
 * late run would otherwise cost a call every few seconds until it is overdue.
 */
const LATE_SPREADS = 2;
/** By the median plus this many spreads an execution has most likely ended (98 % of a normal model's). */
const LIKELY_OVER_SPREADS = 2;
/** Past the median plus this many spreads the history no longer applies: the run is overdue. */
const OVERDUE_SPREADS = 3;
/** The spread assumed at least, as a fraction of the median, so identical past durations still leave room. */
const MIN_RELATIVE_SPREAD = 0.02;

export function nextPollDelay(input: ScheduleInput): PollDelay {
  const ms = Math.round(pauseAt(input, input.elapsedMs, input.poll, 1, input.random));
  if (input.budget === undefined) return { ms };
  return fitToBudget(input, input.budget, ms);
}

/**
 * The pause planned at `elapsedMs` before look number `poll`, with every pause `factor` times as long
 * (1 for the plan itself). `random` draws the jitter; 0.5 plays the plan without it.
 */
function pauseAt(input: ScheduleInput, elapsedMs: number, poll: number, factor: number, random: number): number {
  const longest = longestPause(input);
  if (poll <= 1) return input.minMs * factor;
  const { history } = input;
  const jitter = 1 + JITTER * (2 * random - 1);
  const backoff = () => clamp(BACKOFF_FRACTION * elapsedMs * jitter, input.minMs, longest) * factor;
  if (!history) return backoff();
  const spread = spreadOf(history);
  if (elapsedMs >= history.medianMs + OVERDUE_SPREADS * spread) return backoff();
  // The jitter goes on the spacing, not the pause, so a pause at its cap stays there (a shorter one
  // would only spend calls early), and less of it: a tenth either way still breaks lockstep.
  const spacing = Math.max(PEAK_SPACING * input.minMs, (input.pending ?? 1) > 1 ? FAN_OUT_PEAK_SPREADS * spread : 0);
  const peak = spacing * (1 + (jitter - 1) / 2) * factor;
  return clamp(hazardPause(elapsedMs, history.medianMs, spread, peak, longest * factor), input.minMs, longest * factor);
}

function spreadOf(history: DurationModel): number {
  return Math.max(history.spreadMs, MIN_RELATIVE_SPREAD * history.medianMs, 1);
}

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
function fitToBudget(input: ScheduleInput, budget: BudgetView, planned: number): PollDelay {
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
  const stretch = (share: number, factor: number, ms: number, waitsForWindow = false): PollDelay => ({
    ms,
    stretched: { factor, plannedLooks, share, horizonMs, budget, callers, ...(waitsForWindow ? { waitsForWindow } : {}) },
  });
  if (budget.remaining < reserves) {
    const chance = budget.remaining / reserves;
    const drawn = drawForLook(input, budget, planned, callers, chance);
    return stretch(chance, drawn.ms / Math.max(1, planned), drawn.ms, drawn.waitsForWindow);
  }
  const share = 1 + Math.max(0, spare) / callers;
  if (plannedLooks <= share) return { ms: planned };
  const untilOver = untilLikelyOver(input);
  if (input.history && untilOver !== undefined) {
    const ms = Math.round(Math.max(planned, Math.min(untilOver, nextLikelyLook(input, input.history, share))));
    return stretch(share, ms / Math.max(1, planned), ms);
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
  const cap = Math.max(longestPause(input), windowPace(budget, callers, 0.5));
  const ms = Math.round(Math.max(planned, Math.min(cap, pauseAt(input, input.elapsedMs, input.poll, fits, input.random))));
  return stretch(share, fits, ms);
}

/**
 * The calls left pay for the reserve (a last look and the step lists) of only some of the callers,
 * `chance` of them. This wait is one of those with that chance (every caller draws alike, so about
 * as many look as can be paid), and then looks once, when its execution has most likely ended, so
 * the one look it can have is not wasted. Otherwise it looks at its share of the pace at which the
 * window gives calls back, jittered, so a fleet that got here together does not look together.
 */
function drawForLook(
  input: ScheduleInput,
  budget: BudgetView,
  planned: number,
  callers: number,
  chance: number,
): { ms: number; waitsForWindow: boolean } {
  if (input.random < chance) return { ms: Math.round(Math.max(planned, untilLikelyOver(input) ?? 0)), waitsForWindow: false };
  return { ms: Math.round(Math.max(planned, windowPace(budget, callers, input.random))), waitsForWindow: true };
}

/** This caller's part of the pace at which the window gives calls back, jittered by `random`. */
function windowPace(budget: BudgetView, callers: number, random: number): number {
  return ((callers * budget.windowMs) / Math.max(1, budget.limit) / FAIR_SHARE) * (1 + JITTER * (2 * random - 1));
}

/**
 * With a share of `share` looks and a history, the looks go where the end is likely: k of them,
 * evenly spaced in the chance that the execution ends, from now to when it has most likely ended.
 * The i-th of k is made only if the execution still runs, so k looks count as (k + 1) / 2 and the
 * share buys k = 2 × share − 1. The next look comes at the first of them; it plans again there.
 */
function nextLikelyLook(input: ScheduleInput, history: DurationModel, share: number): number {
  const looks = Math.max(1, Math.floor(2 * share - 1));
  const spread = spreadOf(history);
  const ended = (t: number) => normalCdf((t - history.medianMs) / spread);
  const over = history.medianMs + LIKELY_OVER_SPREADS * spread;
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

/** Time until the execution has most likely ended (its usual duration and two spreads), if that is still ahead. */
function untilLikelyOver(input: ScheduleInput): number | undefined {
  if (!input.history) return undefined;
  const ms = input.history.medianMs + LIKELY_OVER_SPREADS * spreadOf(input.history) - input.elapsedMs;
  return ms > 0 ? ms : undefined;
}

/**
 * The chance that a run of the workflow still runs at `ageMs`, from the history's normal model, with
 * its end taken `laterBySpreads` spreads later than the model says.
 */
export function chanceStillRunning(history: DurationModel, ageMs: number, laterBySpreads = 0): number {
  return 1 - normalCdf((ageMs - history.medianMs) / spreadOf(history) - laterBySpreads);
}

/** The longest pause the plan makes: max-poll-interval less the look's allowance. */
function longestPause(input: ScheduleInput): number {
  return Math.max(input.minMs, input.maxMs * (1 - LOOK_ALLOWANCE));
}

/** How long the execution is expected to go on running within `horizonMs`, from its survival. */
export function expectedLifeMs(input: ScheduleInput, horizonMs: number): number {
  const stillRunning = survivalFrom(input.history, input.elapsedMs, input.minMs);
  const steps = 100;
  let life = 0;
  for (let i = 1; i <= steps; i++) life += (stillRunning(input.elapsedMs + (horizonMs * (i - 0.5)) / steps) * horizonMs) / steps;
  return life;
}

/**
 * How many looks the plan, every pause stretched by `factor`, makes within `horizonMs`, each counted
 * by the chance that the execution is still running when the look comes.
 */
export function expectedLooks(input: ScheduleInput, factor: number, horizonMs: number): number {
  const stillRunning = survivalFrom(input.history, input.elapsedMs, input.minMs);
  let t = input.elapsedMs;
  let weight = 1;
  let looks = 0;
  for (let poll = input.poll; poll < input.poll + MAX_PLANNED_LOOKS; poll++) {
    t += pauseAt(input, t, poll, factor, 0.5);
    if (t - input.elapsedMs > horizonMs) break;
    looks += weight;
    weight = stillRunning(t);
  }
  return looks;
}

/**
 * The chance that an execution running at `fromMs` still runs at a later age `t`. With a history,
 * from its normal model. Without one, or once the execution is overdue (the history no longer
 * applies), `fromMs / t`: knowing only how long it has run, a run is taken to be as likely to go on
 * for as long again as not (the Lindy rule), so a long-running execution is planned for as long.
 */
function survivalFrom(history: DurationModel | undefined, fromMs: number, minMs: number): (t: number) => number {
  const spread = history && spreadOf(history);
  if (!history || !spread || fromMs >= history.medianMs + OVERDUE_SPREADS * spread) {
    const ran = Math.max(fromMs, minMs);
    return (t) => Math.min(1, ran / t);
  }
  const survival = (t: number) => 1 - normalCdf((t - history.medianMs) / spread);
  const now = survival(fromMs);
  return (t) => Math.min(1, survival(t) / now);
}

/**
 * The longest pause d (up to `maxMs`) that is no longer than the spacing wanted anywhere within it:
 * looking ahead keeps a long early pause from jumping over the usual end. Before the usual end the
 * spacing is `peakMs` × (hazard at the median / hazard at t)⁵; past it, `peakMs` × e^((z / 2)²).
 */
export function hazardPause(elapsedMs: number, medianMs: number, spreadMs: number, peakMs: number, maxMs: number): number {
  const spacing = (t: number) => {
    const z = (t - medianMs) / spreadMs;
    return z < 0 ? peakMs * (normalHazard(0) / normalHazard(z)) ** HAZARD_POWER : peakMs * Math.exp((z / LATE_SPREADS) ** 2);
  };
  // The spacing is least at the usual end, so within [t, t + d] it is least at the point nearest it.
  const strictestWithin = (d: number) => spacing(Math.min(Math.max(medianMs, elapsedMs), elapsedMs + d));
  let fits = 0;
  let tooLong = maxMs + 1;
  for (let i = 0; i < 40; i++) {
    const d = (fits + tooLong) / 2;
    if (d <= strictestWithin(d)) fits = d;
    else tooLong = d;
  }
  return fits;
}

/** The hazard φ(z) / (1 − Φ(z)) of a standard normal, with the tail's asymptote where Φ runs out of digits. */
export function normalHazard(z: number): number {
  if (z > 5) return 1 / (1 / z - 1 / z ** 3);
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  return density / (1 - normalCdf(z));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Φ(z), from the error function approximation of Abramowitz and Stegun 7.1.26 (error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
