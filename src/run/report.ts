/**
 * What a run produced: each execution started (or waited for), followed and collected, and the run's
 * ending. The engine (engine.ts) builds it once the run is over; the front-ends publish it through src/report/.
 */
import type { Result, SettingNames } from '../names.js';
import type { ExecutionRecord, StepRecord } from '../qflow/client.js';
import type { WorkflowDefinition } from '../qflow/definition.js';
import type { RunRequest } from '../settings/matrix.js';
import type { StepData } from './results.js';
import { iso } from '../time.js';

/** One execution: started (or waited for), followed and collected. */
export interface ExecutionReport {
  /** Which run request it came from, from 1 in the order of the matrix (1 without a matrix). */
  item: number;
  /** What the run call sent; undefined for an execution that already existed. */
  request?: RunRequest;
  /** When this action sent the run call (epoch ms). */
  sentAt?: number;
  executionId?: string;
  result: Result;
  /** The status as QFlow wrote it; '' when unknown. */
  status: string;
  execution?: ExecutionRecord;
  steps: StepRecord[];
  failedSteps: StepRecord[];
  stepOutputs: StepData[];
  stepInputs: StepData[];
  /** It ended, but its steps could not be read (the log says why): the summary says so where they would be. */
  stepsUnread?: boolean;
  /** Why it did not succeed (or did not start), in a sentence or two. */
  message?: string;
}

/**
 * How a run ended, the most telling first:
 * - `succeeded`: every execution succeeded, or started (with wait false), or was checked (dry run);
 * - `cancelled`: the job was cancelled before the executions' outcome was known;
 * - `bad-input`: a mistake in the settings that only the workflow's definition could show; nothing started;
 * - `no-result`: an error of the run itself (a bad answer, a lost connection), or a run call whose
 *   outcome is unknown: there is no result to act on;
 * - `timed-out`: the wait ended at the timeout; the execution may still run;
 * - `failed`: an execution ended in failure.
 */
export type Ending = 'succeeded' | 'cancelled' | 'bad-input' | 'no-result' | 'timed-out' | 'failed';

export interface RunReport {
  workflowId: string;
  /** How the front-end names its settings, for the summary's words about them. */
  names: SettingNames;
  /** A `matrix` was given: the outputs describe every execution. */
  fanOut: boolean;
  executions: ExecutionReport[];
  /** `success` only when every execution succeeded. */
  result: Result;
  outputFile?: string;
  /** The result file's place was chosen (`output-file`), rather than the temp folder's default. */
  outputFileChosen?: boolean;
  apiCalls: number;
  /** Why the run did not succeed, in one sentence or two. */
  message?: string;
  /** How the run ended, which each front-end maps to what it publishes (the command: its exit code). */
  ending: Ending;
  /** The longest pause the API budget stretched past max-poll-interval, when it did. */
  budgetPauseMs?: number;
  /** Why, with the figures (calls left, callers seen, the share taken). */
  budgetNote?: string;
  /** Where the step data waits until the report is published (see disposeRun). */
  workDir?: string;
  /** The workflow's definition, when it could be read: step names and the picture of the workflow. */
  definition?: WorkflowDefinition;
  /** Why the summary has no step names and picture, when the definition was left unread on purpose or could not be read. */
  definitionNote?: string;
}

export function timings(execution: ExecutionRecord | undefined): { startedAt: string; endedAt: string; durationSeconds: string } {
  const start = execution?.startDate;
  const end = execution?.endDate;
  return {
    startedAt: iso(start),
    endedAt: iso(end),
    durationSeconds: start !== undefined && end !== undefined ? String(Math.max(0, Math.round((end - start) / 1000))) : '',
  };
}

/**
 * The same timings for a JSON document (the result file, the `executions` list): the duration a number,
 * what is not known null, so a later step reads `durationSeconds` as a number without a check for "".
 */
export function jsonTimings(execution: ExecutionRecord | undefined): {
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
} {
  const { startedAt, endedAt, durationSeconds } = timings(execution);
  return { startedAt: startedAt || null, endedAt: endedAt || null, durationSeconds: durationSeconds === '' ? null : Number(durationSeconds) };
}

export function stepSummary(steps: StepRecord[]): { nodeId: string; nodeType: string; status: string }[] {
  return steps.map(({ nodeId, nodeType, status }) => ({ nodeId, nodeType, status }));
}
