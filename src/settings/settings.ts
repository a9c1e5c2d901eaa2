/**
 * What the run is asked to do, checked: the one shape every front-end reads its settings into
 * (read.ts for the action's inputs, src/cli/ for the command's flags and variables).
 */
import type { SettingNames } from '../names.js';
import type { Credentials } from '../qflow/auth.js';
import type { NodeSelection } from './parse.js';
import type { RunRequest } from './matrix.js';

/**
 * What the run does: start executions and wait for them (or not), only check the run requests, or
 * wait for an execution that exists.
 */
export type Plan =
  | {
      kind: 'start';
      /** One run request, or one per `matrix` item. */
      runs: RunRequest[];
      /** A `matrix` was given: the outputs describe every execution (even a matrix of one). */
      fanOut: boolean;
      /** Wait for a final status (true) or return as soon as the executions have started (false). */
      wait: boolean;
    }
  | {
      /** Check everything and show the run requests, starting nothing. */
      kind: 'dry-run';
      runs: RunRequest[];
      fanOut: boolean;
    }
  | {
      /** Wait for an execution that already exists. */
      kind: 'attach';
      executionId: string;
    };

/** The run requests of a plan: none when it waits for an existing execution. */
export function runsOf(plan: Plan): RunRequest[] {
  return plan.kind === 'attach' ? [] : plan.runs;
}

/** A `matrix` was given: the outputs describe every execution. */
export function isFanOut(plan: Plan): boolean {
  return plan.kind !== 'attach' && plan.fanOut;
}

/** Everything the action was asked to do, checked. Nothing else reads inputs. */
export interface Settings {
  /** API gateway base URL without a trailing slash, from `gateway-url` or `platform`. */
  gatewayUrl: string;
  credentials: Credentials;
  /** The workflow to run (or whose execution to wait for), as a lower-case UUID. */
  workflowId: string;
  /** What to do: start executions, only check them, or wait for one that exists. */
  plan: Plan;
  /** Run calls in flight at most while starting a fan-out. */
  maxParallel: number;
  /** Stop waiting at the first execution that fails. */
  failFast: boolean;
  /** Override variables the workflow's definition does not declare are passed, not refused. */
  allowUnknownVariables: boolean;
  /** Longest wait for a final status, in milliseconds. */
  timeoutMs: number;
  /** First pause between polls, in milliseconds; also the shortest. */
  pollIntervalMs: number;
  /** Longest pause between polls, in milliseconds. */
  maxPollIntervalMs: number;
  /** Longest wait for one HTTP answer, in milliseconds. */
  requestTimeoutMs: number;
  /** Steps whose outputs to fetch after the execution ends. */
  stepOutputs: NodeSelection;
  /** Steps whose inputs to fetch after the execution ends. */
  stepInputs: NodeSelection;
  /** Final statuses that count as success. */
  successStatuses: string[];
  /** Final statuses that count as failure, besides the known ones. */
  failureStatuses: string[];
  /** Where to write the full result as JSON; undefined means a file in RUNNER_TEMP. */
  outputFile?: string;
  /** Post the job summary on the pull request with this token (`comment-on-pr`); undefined for no comment. */
  commentToken?: string;
  /** How the front-end names its settings: every message about one is worded through it. */
  names: SettingNames;
}
