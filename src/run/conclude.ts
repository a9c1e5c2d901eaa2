/**
 * How a run ended, from its executions and what stopped it: the result, the sentence that says why,
 * and the ending each front-end maps to what it publishes.
 */
import { CancelledError, DeadlineError, InputError, messageOf } from '../errors.js';
import { Input, isFine, type Result, type SettingNames } from '../names.js';
import { itemName } from '../settings/matrix.js';
import { humanDuration, whyNotWaited } from '../time.js';
import type { WaitOutcome } from '../wait/waiter.js';
import type { Ending, ExecutionReport } from './report.js';

/** What stopped the run before its executions could say how it ended. */
export type Interruption =
  /** An error or a cancellation, thrown anywhere in the run. */
  | { kind: 'thrown'; error: unknown }
  /** The one run call of a run without a matrix did not start an execution. */
  | { kind: 'not-started'; error: Error }
  /** A dry run: its message says what was checked. */
  | { kind: 'dry-run'; message: string };

export interface Conclusion {
  result: Result;
  message?: string;
  ending: Ending;
}

/**
 * The run's result, message and ending: `success` only when every execution succeeded; else why not,
 * most telling first (the job was cancelled, the wait timed out, an execution failed).
 */
export function conclude(executions: ExecutionReport[], fanOut: boolean, interruption?: Interruption): Conclusion {
  let result = resultOf(executions) ?? 'failure';
  let message: string | undefined;
  let errored = false;
  let badInput = false;
  if (interruption?.kind === 'thrown') {
    const { error } = interruption;
    if (error instanceof CancelledError) {
      // Only those not seen to end go on: a cancellation while collecting comes after every end.
      const ids = executions.filter((e) => e.result !== 'success' && e.result !== 'failure').flatMap((e) => e.executionId ?? []);
      const ended = executions.length > 0 && executions.every((e) => e.result === 'success' || e.result === 'failure');
      if (executions.every((e) => e.execution === undefined)) result = 'cancelled';
      message = ended
        ? 'The job was cancelled after every execution ended; step details may be missing.'
        : `The job was cancelled${ids.length ? `; execution ${ids.join(', ')} goes on in QFlow` : ''}.`;
    } else {
      message = messageOf(error);
      errored = true;
      // A mistake in the inputs that only the workflow's definition could show: nothing was started.
      badInput = error instanceof InputError;
    }
  } else if (interruption?.kind === 'not-started') {
    // A single run's error is the run's error; in a fan-out it is that item's.
    message = executions[0].message;
    errored = !(interruption.error instanceof CancelledError || interruption.error instanceof DeadlineError);
  } else if (interruption?.kind === 'dry-run') {
    message = interruption.message;
  } else {
    message = fanOut ? fanOutMessage(executions) : executions[0]?.message;
  }
  return { result, message, ending: endingOf(result, executions, errored, badInput) };
}

/** The ending, the most telling first. */
function endingOf(result: Result, executions: ExecutionReport[], errored: boolean, badInput: boolean): Ending {
  if (result === 'cancelled') return 'cancelled';
  if (badInput) return 'bad-input';
  // An error of the run itself, or a run call whose outcome is unknown: there is no result to act on.
  if (errored || executions.some((e) => e.executionId === undefined && e.result === 'failure')) return 'no-result';
  if (result === 'timed_out') return 'timed-out';
  if (result === 'failure') return 'failed';
  return 'succeeded';
}

function fanOutMessage(executions: ExecutionReport[]): string | undefined {
  const unsuccessful = executions.filter((e) => !isFine(e.result));
  if (unsuccessful.length === 0) return undefined;
  const shown = unsuccessful.slice(0, 3).map((e) => `Item ${itemName(e.item, e.request)}: ${e.message ?? e.result}`);
  const more = unsuccessful.length > 3 ? ` (${unsuccessful.length - 3} more in the job summary)` : '';
  return `${unsuccessful.length} of ${executions.length} executions did not succeed. ${shown.join(' ')}${more}`;
}

/**
 * One result for all executions: the first of failed, cancelled, timed out that any has; else success
 * or started. A failure seen is the most telling: the others stopped being waited for at it
 * (`fail-fast`), or were still running when the job was cancelled or timed out; a gate must fail.
 */
function resultOf(executions: ExecutionReport[]): Result | undefined {
  if (executions.length === 0) return undefined;
  for (const result of ['failure', 'cancelled', 'timed_out'] as const) if (executions.some((e) => e.result === result)) return result;
  if (executions.every((e) => e.result === 'validated')) return 'validated';
  return executions.some((e) => e.result === 'started') ? 'started' : 'success';
}

/** Each execution as the wait left it: its record, status and result, and why a wait that ended early did. */
export function afterWait(executions: ExecutionReport[], outcome: WaitOutcome, timeoutMs: number, names: SettingNames): ExecutionReport[] {
  return executions.map((e) => {
    const o = e.executionId === undefined ? undefined : outcome.outcomes.get(e.executionId);
    if (!o) return e;
    const waited: ExecutionReport = { ...e, execution: o.execution, status: o.execution?.status ?? '', result: o.kind };
    if (o.kind === 'timed_out') {
      // When the budget held the looks back, it is the cause to name.
      const budget = outcome.budgetPauseMs
        ? ` The subscription's API budget held the looks up to ${humanDuration(outcome.budgetPauseMs)} apart.`
        : outcome.budgetNote
          ? ` The subscription's API budget slowed the looks: ${outcome.budgetNote}`
          : '';
      const again = `execution ${e.executionId} may still be running in QFlow, which offers no API to cancel it. To wait for it again, run with ${names.set(Input.ExecutionId, e.executionId!)}.`;
      const spent = outcome.budgetSpent;
      // 5m 59.6s and a 6m timeout both read "6m": "after 6m, before the 6m timeout" would make no sense.
      const when = spent && humanDuration(spent.afterMs) !== humanDuration(timeoutMs) ? `after ${humanDuration(spent.afterMs)},` : 'just';
      const rate = spent?.limit && spent.windowMs ? ` (${spent.limit} calls per ${humanDuration(spent.windowMs)})` : '';
      // Stopped early, the execution may well have ended since: say what was last seen, and the figures
      // of the budget's share (the callers it was shared with), so a fleet can be sized. They are those
      // the looks were planned with, before the calls ran out ("170 of 300 calls left" beside "is spent"
      // read as a contradiction otherwise).
      const lastSeen = o.execution?.status
        ? `was last seen ${o.execution.status} and may have ended since`
        : 'was not listed yet when the wait stopped (QFlow lists a new execution late), and may have ended since';
      const left = spent ? whyNotWaited(spent.forMs, spent.leftMs, 'a call') : '';
      const figures = outcome.budgetNote ? ` Its looks were planned earlier, with these figures: ${outcome.budgetNote}` : '';
      waited.message = spent
        ? `Stopped waiting ${when} before the ${humanDuration(timeoutMs)} ${names.of(Input.Timeout)}: the subscription's API budget${rate} is spent, and the gateway asked for no calls for ${humanDuration(spent.forMs)}${left}. Execution ${e.executionId} ${lastSeen}; to wait for it again, run with ${names.set(Input.ExecutionId, e.executionId!)}.${figures}`
        : `Stopped waiting after ${humanDuration(timeoutMs)} (${names.of(Input.Timeout)}); ${again}${budget}`;
    } else if (o.kind === 'cancelled') {
      waited.message = outcome.stoppedAtFailure
        ? `Stopped waiting at the first failure (${names.of(Input.FailFast)}); execution ${e.executionId} goes on in QFlow.`
        : `The job was cancelled; execution ${e.executionId} goes on in QFlow, which offers no API to cancel it.`;
    }
    return waited;
  });
}
