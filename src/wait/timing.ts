/**
 * The timing plan: where the looks go, from the history's model of run durations (see schedule.ts),
 * and how many looks a plan makes, each counted by the chance that the execution still runs then.
 */
import type { BudgetView } from '../qflow/budget.js';
import { TRUSTED_SAMPLES, type DurationModel } from './history.js';
import { normalCdf, normalHazard } from './normal.js';

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
  /**
   * Of the looks an earlier pause planned where the end is likely (see budget-fit.ts nextLikelyLook),
   * those not made yet: the plan goes on with no more of them.
   */
  likelyLooksLeft?: number;
  /** Time left until the wait's timeout, ms. */
  timeLeftMs: number;
  /** Uniform in [0, 1). */
  random: number;
}

/** Jitter of ±20 % on backoff pauses, so matrix jobs started together do not poll in lockstep. */
export const JITTER = 0.2;

/** Growth of the pause without a history: each pause is half the time waited so far, so ×1.5 per poll. */
const BACKOFF_FRACTION = 0.5;

/**
 * The share of max-poll-interval a pause leaves for the look itself: an end is noticed when the
 * answer is in and acted on, not when the call leaves, and max-poll-interval bounds the former.
 */
const LOOK_ALLOWANCE = 0.05;

/**
 * An execution that ended within this share of max-poll-interval may not have been seen to end by its
 * job yet; one that ended longer ago most likely has (jobs that share a budget look more often than
 * that near the end). Counting every recent end as not yet seen would reserve calls for jobs long done.
 */
export const LATELY_ENDED = 0.5;

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
export const LIKELY_OVER_SPREADS = 2;
/** With a history of TRUSTED_SAMPLES runs or more, its likely end is no earlier than the median and this many spreads. */
const LIKELY_OVER_SPREADS_LEARNT = 1;

/**
 * The age by which a run has most likely ended. From a history of TRUSTED_SAMPLES runs or more, the
 * longest of them: one run in (n + 1) outlasts the longest of n before it, whatever the shape of their
 * durations, where two spreads of the normal model overshoot durations that keep within bounds (20
 * runs of ±10 %, whose spread reads ±7 %, put it 44 s past the usual end, 14 s past the longest) and
 * every job of a fleet, reading the same history, made its last paid look that late: in the fleet
 * model, 50 jobs on pages of 20 noticed their ends 21 s late (median of 60 draws), 15 s with the
 * longest. It is kept at least a spread past the median, so a history whose runs happened to end
 * close together does not have the fleet look too early. From fewer runs, whose longest says little,
 * the median and two spreads (widened by then, see history.ts) or the longest, whichever is later. A
 * hung run does not push it out: runs more than three spreads out were left out of the history as
 * outliers.
 */
export function likelyOverMs(history: DurationModel): number {
  const learnt = history.longestMs !== undefined && history.samples >= TRUSTED_SAMPLES;
  const spreads = learnt ? LIKELY_OVER_SPREADS_LEARNT : LIKELY_OVER_SPREADS;
  return Math.max(history.medianMs + spreads * spreadOf(history), history.longestMs ?? 0);
}

/** Past the median plus this many spreads the history no longer applies: the run is overdue. */
const OVERDUE_SPREADS = 3;

/** The spread assumed at least, as a fraction of the median, so identical past durations still leave room. */
const MIN_RELATIVE_SPREAD = 0.02;

/**
 * The pause planned at `elapsedMs` before look number `poll`, with every pause `factor` times as long
 * (1 for the plan itself). `random` draws the jitter; 0.5 plays the plan without it.
 */
export function pauseAt(input: ScheduleInput, elapsedMs: number, poll: number, factor: number, random: number): number {
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

export function spreadOf(history: DurationModel): number {
  return Math.max(history.spreadMs, MIN_RELATIVE_SPREAD * history.medianMs, 1);
}

/** Time until the execution has most likely ended (see likelyOverMs), if that is still ahead. */
export function untilLikelyOver(input: ScheduleInput): number | undefined {
  if (!input.history) return undefined;
  const ms = likelyOverMs(input.history) - input.elapsedMs;
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
export function longestPause(input: ScheduleInput): number {
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
 * from its normal model. Without one, or once the execution has outlasted its likely end (the
 * history no longer tells when it ends), `fromMs / t`: knowing only how long it has run, a run is
 * taken to be as likely to go on for as long again as not (the Lindy rule), so a long-running
 * execution is planned for as long. Past the likely end the normal model's hazard would have every
 * next look all but certain to see the end: a plan of a look every second or two counted as one or
 * two looks, which any share paid for, at each look again, and a run that outlasted a history read
 * short spent ten calls in 45 s while a staggered fleet's later jobs needed them (held back for the
 * window). Counted as Lindy's, such looks fit the share by stretching, within max-poll-interval.
 */
function survivalFrom(history: DurationModel | undefined, fromMs: number, minMs: number): (t: number) => number {
  const spread = history && spreadOf(history);
  if (!history || !spread || fromMs >= Math.min(likelyOverMs(history), history.medianMs + OVERDUE_SPREADS * spread)) {
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

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
