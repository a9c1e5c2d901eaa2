/**
 * After the wait: each ended execution's steps and the step data asked for, and the workflow's
 * definition read for the summary when the run did not read it before. What the engine's run holds
 * (engine.ts `Run`) is what these need; nothing here changes an execution's outcome.
 */
import path from 'node:path';
import { CancelledError, DeadlineError, messageOf } from '../errors.js';
import type { Log } from '../log.js';
import { Input } from '../names.js';
import type { ApiBudget } from '../qflow/budget.js';
import type { QFlowClient, StepRecord } from '../qflow/client.js';
import type { WorkflowDefinition } from '../qflow/definition.js';
import type { Redactor } from '../redact.js';
import type { Settings } from '../settings/settings.js';
import { humanDuration, type Clock } from '../time.js';
import type { StatusRules } from '../wait/status.js';
import type { WaitOutcome } from '../wait/waiter.js';
import type { ExecutionReport } from './report.js';
import { fetchStepData, listAllSteps, selectNodes } from './results.js';

/** The definition is read for the summary only with at least this long left before the timeout. */
const MIN_SUMMARY_READ_MS = 2000;

/** What collecting works with: the run's client, settings, budget and deadline, and the host's log. */
export interface Collecting {
  settings: Settings;
  host: { log: Log; clock: Clock; redactor: Redactor };
  client: QFlowClient;
  budget: ApiBudget;
  rules: StatusRules;
  deadline: number;
  /** Where step data waits until the report is published. */
  workDir: string;
}

/**
 * Steps and step data of every execution that ended. The outcome stands whatever they look like: a
 * step list that cannot be read is a warning, and step data that cannot be had is left out.
 */
export async function collectAll(run: Collecting, executions: ExecutionReport[], deadline: number): Promise<ExecutionReport[]> {
  const collected: ExecutionReport[] = [];
  // Once the time for collecting is out (the budget held a call back past it), the rest are left unread, said once.
  let outOfTime: { error: unknown; left: number } | undefined;
  for (const e of executions) {
    const ended = e.executionId !== undefined && (e.result === 'success' || e.result === 'failure');
    if (!ended) collected.push(e);
    else if (outOfTime) {
      outOfTime.left++;
      collected.push({ ...e, stepsUnread: true });
    } else {
      try {
        collected.push(await collect(run, e, deadline));
      } catch (error) {
        if (!(error instanceof DeadlineError)) throw error;
        outOfTime = { error, left: 1 };
        collected.push({ ...e, stepsUnread: true });
      }
    }
  }
  if (outOfTime) {
    const { left, error } = outOfTime;
    // The call's own words speak of the timeout; collecting ends earlier, so they go to the debug log.
    run.host.log.debug(messageOf(error));
    run.host.log.warning(
      `The steps of ${executions.length === 1 ? 'the execution' : left === 1 ? '1 execution' : `${left} executions`} could not be read in the time collecting may take after the wait (the gateway held the calls back, or kept failing), so ${executions.length === 1 ? 'its' : 'their'} step data is left out.`,
    );
  }
  return collected;
}

async function collect(run: Collecting, e: ExecutionReport, deadline: number): Promise<ExecutionReport> {
  const { client, settings, host, rules } = run;
  const { log } = host;
  const scrub = (value: unknown) => host.redactor.value(value);
  const executionId = e.executionId!;
  let steps: StepRecord[];
  try {
    steps = await listAllSteps(client, executionId, log, deadline);
  } catch (error) {
    if (error instanceof CancelledError || error instanceof DeadlineError) throw error;
    log.warning(`The steps of execution ${executionId} could not be read, so its step data is left out: ${messageOf(error)}`);
    return { ...e, stepsUnread: true };
  }
  const failedSteps = steps.filter((step) => rules.classify(step.status) === 'failure');
  const dir = path.join(run.workDir, String(e.item));
  const outputs = selectNodes(settings.stepOutputs, steps, settings.names.of(Input.StepOutputs), log);
  const stepOutputs = await fetchStepData(client, executionId, outputs, 'output', dir, log, { deadline, scrub });
  const inputs = selectNodes(settings.stepInputs, steps, settings.names.of(Input.StepInputs), log);
  const stepInputs = await fetchStepData(client, executionId, inputs, 'input', dir, log, { deadline, scrub });
  return { ...e, steps, failedSteps, stepOutputs, stepInputs };
}

/**
 * The workflow's definition for the summary's step names and picture, when it was not read before the
 * run: one call, made only when an execution ended (there are steps to name) and the budget has room,
 * that is, the looks were never held back and at least half the window's calls are left (or the gateway
 * states no limit). Otherwise the summary says why they are missing. Nothing here changes the outcome.
 */
export async function readForSummary(
  run: Collecting,
  executions: ExecutionReport[],
  waited: WaitOutcome,
): Promise<{ definition?: WorkflowDefinition; definitionNote?: string }> {
  const { client, settings, budget, deadline } = run;
  const { clock, log } = run.host;
  if (!executions.some((e) => e.result === 'success' || e.result === 'failure')) return {};
  if (clock.now() >= deadline - MIN_SUMMARY_READ_MS) {
    return { definitionNote: 'Step names and the picture of the workflow are left out: the timeout left no time to read its definition.' };
  }
  const view = budget.view('workflow');
  if (waited.budgetPauseMs || (view !== undefined && view.remaining < view.limit / 2)) {
    // The budget that held the looks back is the reason to give: the calls left now may look plenty.
    const why = waited.budgetPauseMs
      ? `, which held the looks up to ${humanDuration(waited.budgetPauseMs)} apart`
      : view
        ? ` (${view.remaining} of ${view.limit} calls left in the window)`
        : '';
    return { definitionNote: `Step names and the picture of the workflow are left out to spare the subscription's API budget${why}.` };
  }
  try {
    return { definition: await client.getWorkflow(settings.workflowId, deadline) };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    log.debug(`The workflow's definition could not be read for the summary: ${messageOf(error)}`);
    return {
      definitionNote: 'Step names and the picture of the workflow are left out: its definition could not be read (that needs READ on the workflow).',
    };
  }
}
