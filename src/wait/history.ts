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
}

/** Fewer successful runs than this say too little to plan polls around. */
export const MIN_SAMPLES = 3;
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
  return { ...summarize(kept), samples: kept.length };
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
