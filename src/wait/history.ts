/**
 * What the workflow's recent executions say about how long this one will take. The execution list
 * the waiter reads anyway carries each execution's `startDate` and `endDate`, so this costs no call.
 */
import type { ExecutionRecord } from '../qflow/client.js';
import type { StatusRules } from './status.js';

/** A robust summary of past durations: the median and a spread that outliers do not sway. */
export interface DurationModel {
  medianMs: number;
  /** 1.4826 × the median absolute deviation: the standard deviation, were durations normal. */
  spreadMs: number;
  /** How many executions it was learned from, outliers excluded. */
  samples: number;
  /**
   * The longest of those runs. Twenty runs pin their longest down far better than their spread: the
   * spread of one history of 20 runs of ±10 % read anywhere from ±3 % to ±7 %, and with it the
   * instant a run has most likely ended (see likelyOverMs in timing.ts).
   */
  longestMs?: number;
}

/** Fewer successful runs than this say too little to plan polls around. */
export const MIN_SAMPLES = 3;

/**
 * From this many successful runs on, the spread is taken as measured. Fewer say little of it: three
 * runs that happened to end within a second of each other would have the looks gather in that second
 * and then, the run still going, back off for minutes. Below it the spread is widened, 2.5× at three
 * runs (about what Student's t for two degrees of freedom, and the new run's own draw, add to a
 * normal model's 95 % range), falling evenly to none at this many.
 */
export const TRUSTED_SAMPLES = 10;
const FEW_SAMPLES_WIDENING = 1.5;
/** Durations further than this many spreads from the median are outliers (a hung run, a retried one). */
const OUTLIER_SPREADS = 3;
const MAD_TO_SIGMA = 1.4826;

/** Learns from the successful executions in `executions`. */
export function learnDurations(executions: readonly ExecutionRecord[], rules: StatusRules): DurationModel | undefined {
  // Failures often end early for reasons of their own: only successes tell how long a run takes.
  const durations = executions
    .filter((e) => rules.classify(e.status) === 'success')
    .map((e) => (e.startDate !== undefined && e.endDate !== undefined ? e.endDate - e.startDate : NaN))
    .filter((d) => Number.isFinite(d) && d >= 0);
  return durationModel(durations);
}

export function durationModel(durations: readonly number[]): DurationModel | undefined {
  if (durations.length < MIN_SAMPLES) return undefined;
  const first = summarize(durations);
  const kept = durations.filter((d) => Math.abs(d - first.medianMs) <= OUTLIER_SPREADS * first.spreadMs || first.spreadMs === 0);
  if (kept.length < MIN_SAMPLES) return undefined;
  const { medianMs, spreadMs } = summarize(kept);
  const few = Math.max(0, TRUSTED_SAMPLES - kept.length) / (TRUSTED_SAMPLES - MIN_SAMPLES);
  return { medianMs, spreadMs: spreadMs * (1 + FEW_SAMPLES_WIDENING * few), samples: kept.length, longestMs: Math.max(...kept) };
}

function summarize(values: readonly number[]): { medianMs: number; spreadMs: number } {
  const medianMs = median(values);
  return { medianMs, spreadMs: MAD_TO_SIGMA * median(values.map((v) => Math.abs(v - medianMs))) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
