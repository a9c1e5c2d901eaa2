/**
 * When to poll next: a pure function of where the wait stands, so every branch is testable without
 * a clock. Every pause stays within [poll-interval, max-poll-interval less a twentieth for the look
 * itself], except that a low API budget may stretch it (a subscription's budget is shared by every
 * job that polls it).
 *
 * With a history of the workflow's durations, polls follow the chance that the execution ends: the
 * pause shrinks with the hazard (the rate at which still-running executions end at that age, from a
 * normal model of the history) to 1.25 poll-intervals at the usual duration. Long before the usual end
 * that is a long pause, capped by max-poll-interval so an early failure is still seen in time; near it
 * the pauses shrink, and past it they grow again, slowly. Without a history, or once the execution
 * runs well past its usual duration, each pause is half the time waited so far (so pauses grow by
 * half each poll), with jitter.
 */
import type { DurationModel } from './history.js';
import type { RateLimitState } from './retry.js';

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
  rateLimit: RateLimitState;
  /** Uniform in [0, 1). */
  random: number;
}

export interface PollDelay {
  ms: number;
  /** Why the pause is longer than the plan, when the API budget made it so. */
  throttledBy?: string;
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
/** Of the calls left in the rate-limit window, the most one wait may plan to spend. */
const FAIR_SHARE = 0.5;
/** Around the usual duration, polls are this many poll-intervals apart, to notice the end within a couple of seconds. */
const PEAK_SPACING = 1.25;
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
/** Past the median plus this many spreads the history no longer applies: the run is overdue. */
const OVERDUE_SPREADS = 3;
/** The spread assumed at least, as a fraction of the median, so identical past durations still leave room. */
const MIN_RELATIVE_SPREAD = 0.02;

export function nextPollDelay(input: ScheduleInput): PollDelay {
  const longest = Math.max(input.minMs, input.maxMs * (1 - LOOK_ALLOWANCE));
  const planned = input.poll <= 1 ? input.minMs : plannedPause(input, longest);
  const ms = Math.round(clamp(planned, input.minMs, longest));
  const floor = budgetFloorMs(input.rateLimit);
  if (floor !== undefined && floor > ms) {
    return {
      ms: floor,
      throttledBy: `${input.rateLimit.remaining} API calls left of ${input.rateLimit.limit ?? '?'} in the ${input.rateLimit.windowSec}s rate-limit window`,
    };
  }
  return { ms };
}

function plannedPause(input: ScheduleInput, longest: number): number {
  const { elapsedMs, history } = input;
  const jitter = 1 + JITTER * (2 * input.random - 1);
  if (!history) return BACKOFF_FRACTION * elapsedMs * jitter;
  const spread = Math.max(history.spreadMs, MIN_RELATIVE_SPREAD * history.medianMs, 1);
  if (elapsedMs >= history.medianMs + OVERDUE_SPREADS * spread) return BACKOFF_FRACTION * elapsedMs * jitter;
  // The jitter goes on the spacing, not the pause, so a pause at its cap stays there (a shorter one
  // would only spend calls early), and less of it: a tenth either way still breaks lockstep.
  return hazardPause(elapsedMs, history.medianMs, spread, PEAK_SPACING * input.minMs * (1 + (jitter - 1) / 2), longest);
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

/**
 * The shortest pause that keeps this wait within its fair share of the calls left: spending at most
 * half of what remains over one rate-limit window.
 */
export function budgetFloorMs(rateLimit: RateLimitState): number | undefined {
  const { remaining, windowSec } = rateLimit;
  if (remaining === undefined || windowSec === undefined || windowSec <= 0) return undefined;
  return Math.round((windowSec * 1000) / Math.max(1, remaining * FAIR_SHARE));
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
