/**
 * The action, start to end: inputs → auth → start → wait → collect → report. This is the one module
 * that talks to the runner (@actions/core); everything it calls takes plain values.
 */
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { createTokenSource } from '../qflow/auth.js';
import { commentMarker, commentOnPullRequest, pullRequestOf } from './comment.js';
import { Input, Output, type Result } from './constants.js';
import { CancelledError, DeadlineError, RunCancelledError } from '../errors.js';
import { ApiHttp } from '../qflow/http.js';
import { readSettings, type Settings } from './inputs.js';
import type { Log } from '../log.js';
import { QFlowClient } from '../qflow/client.js';
import type { RunRequest } from './matrix.js';
import { buildOutputs, stepSummary, summaryMarkdown, timings, type ExecutionReport, type RunReport } from './report.js';
import { defaultResultFile, fetchStepData, listAllSteps, removeWorkDir, selectNodes, writeResultFile, type StepData } from './results.js';
import { startExecutions } from './start.js';
import { maskSecrets, Redactor } from '../redact.js';
import { StatusRules } from '../wait/status.js';
import { humanDuration, systemClock, type Clock } from '../time.js';
import { waitForExecutions, type WaitOutcome } from '../wait/waiter.js';

/**
 * Every secret the run knows, for every sink: the runner masks registered secrets in the log and the
 * summary, but not in a pull-request comment or the result file, and not secret-looking text it was
 * never told of (an error body that echoes the request).
 */
const redactor = new Redactor();
const registerSecret = (secret: string) => {
  core.setSecret(secret);
  redactor.add(secret);
};
const log: Log = {
  info: (message) => core.info(redactor.text(message)),
  debug: (message) => core.debug(redactor.text(message)),
  warning: (message) => core.warning(redactor.text(message)),
};
const runnerTemp = () => process.env.RUNNER_TEMP || os.tmpdir();
/** After the wait, collecting the steps and step data may take at least this long, even at the timeout. */
const COLLECT_MS = 60_000;

export async function run(clock: Clock = systemClock): Promise<void> {
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    log.info(`Received ${signal}: the job is being cancelled; stopping the wait.`);
    cancel.abort(new CancelledError());
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Step data waits here between download and publishing.
  const workDir = path.join(runnerTemp(), `qflow-work-${process.pid}-${clock.now()}`);
  try {
    const settings = await readSettings((name: Input) => core.getInput(name), registerSecret);
    const report = await runWorkflow(settings, workDir, cancel.signal, clock);
    await publish(report);
    if (settings.commentToken !== undefined) await comment(settings.commentToken, report);
    if (report.errored || (report.result !== 'success' && report.result !== 'started')) {
      core.setFailed(redactor.text(report.message ?? `The QFlow run ended as ${report.result}.`));
    }
  } catch (error) {
    core.setFailed(redactor.text(error instanceof Error ? error.message : String(error)));
  } finally {
    await removeWorkDir(workDir);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function runWorkflow(settings: Settings, workDir: string, signal: AbortSignal, clock: Clock): Promise<RunReport> {
  // Every wait and every call of the run, the run call's included, ends by the timeout.
  const deadline = clock.now() + settings.timeoutMs;
  const http = new ApiHttp({ baseUrl: settings.gatewayUrl, requestTimeoutMs: settings.requestTimeoutMs, signal, log, clock });
  http.tokens = createTokenSource(settings.credentials, http, clock, registerSecret, log);
  const client = new QFlowClient(http, clock);
  const rules = new StatusRules(settings.successStatuses, settings.failureStatuses);
  const report: RunReport = { workflowId: settings.workflowId, fanOut: settings.fanOut, executions: [], result: 'failure', apiCalls: 0 };
  const many = settings.runs.length > 1;
  try {
    if (settings.executionId !== undefined) {
      report.executions = [executionReport(1, undefined, settings.executionId)];
    } else {
      await core.group(many ? `Start ${settings.runs.length} executions of the QFlow workflow` : 'Start the QFlow workflow', () =>
        startAll(client, settings, report, clock, deadline),
      );
    }
    const started = report.executions.filter((e) => e.executionId !== undefined);
    if (!settings.wait) {
      for (const e of started) e.result = 'started';
    } else if (started.length > 0) {
      const outcome = await core.group(many ? `Wait for ${started.length} executions` : `Wait for execution ${started[0].executionId}`, () =>
        waitForExecutions({
          client,
          workflowId: settings.workflowId,
          executions: started.map((e) => ({ id: e.executionId!, startedAt: e.sentAt })),
          deadline,
          pollIntervalMs: settings.pollIntervalMs,
          maxPollIntervalMs: settings.maxPollIntervalMs,
          rules,
          budget: http.budget,
          failFast: settings.failFast,
          onEnded: many ? (id, o) => log.info(`Execution ${id} ended: ${o.execution?.status}.`) : undefined,
          clock,
          log,
          signal,
        }),
      );
      recordOutcome(report, outcome, settings);
      const collectBy = Math.max(deadline, clock.now() + COLLECT_MS);
      await core.group('Collect the results', () => collectAll(client, report, settings, rules, workDir, collectBy));
    }
  } catch (error) {
    recordError(report, error);
  }
  concludeRun(report);
  report.apiCalls = http.apiCalls;
  log.info(`Made ${report.apiCalls} QFlow API call${report.apiCalls === 1 ? '' : 's'}.`);
  await writeResult(report, settings);
  return report;
}

function executionReport(item: number, request: RunRequest | undefined, executionId?: string): ExecutionReport {
  return { item, request, executionId, result: 'failure', status: '', steps: [], failedSteps: [], stepOutputs: [], stepInputs: [] };
}

/** Starts every run request; each execution ID is an output as soon as its run call answers. */
async function startAll(client: QFlowClient, settings: Settings, report: RunReport, clock: Clock, deadline: number): Promise<void> {
  const many = settings.runs.length > 1;
  const runs = await startExecutions(client, settings.workflowId, settings.runs, settings.maxParallel, clock, deadline, (run) => {
    if (run.executionId === undefined) return;
    const ids = report.executions.flatMap((e) => e.executionId ?? []);
    // Set at once, so later steps have it even if the job is cancelled during the wait.
    core.setOutput(Output.ExecutionId, [...ids, run.executionId].join(','));
    report.executions.push({ ...executionReport(run.item, run.request, run.executionId), sentAt: run.sentAt });
    log.info(
      `Started execution ${run.executionId} of workflow ${settings.workflowId}${many ? ` (item ${run.item}${describeVariables(run.request)})` : ''}.`,
    );
  });
  const byItem = new Map(report.executions.map((e) => [e.item, e]));
  report.executions = runs.map((run) => {
    const e = byItem.get(run.item) ?? executionReport(run.item, run.request);
    if (run.error) {
      const { result, message } = whyNotStarted(run.error);
      e.result = result;
      e.message = message;
      if (many) log.warning(`Item ${run.item}${describeVariables(run.request)}: ${e.message}`);
    } else if (run.sentAt === undefined) {
      e.result = 'cancelled';
      e.message = 'Not started: the job was cancelled.';
    }
    return e;
  });
  // A single run's error is the run's error; in a fan-out it is that item's.
  const error = runs[0].error;
  if (!many && error) {
    report.message = report.executions[0].message;
    report.result = report.executions[0].result;
    report.errored = !(error instanceof CancelledError || error instanceof DeadlineError);
  }
}

/** What a run call that did not answer with an execution means for its item. */
function whyNotStarted(error: Error): { result: Result; message: string } {
  // The run call was on its way when the job was cancelled: QFlow may have acted on it.
  if (error instanceof RunCancelledError) return { result: 'cancelled', message: error.message };
  if (error instanceof CancelledError) return { result: 'cancelled', message: 'Not started: the job was cancelled before the run call was sent.' };
  // Held back by the gateway until past the timeout: the call was not acted on.
  if (error instanceof DeadlineError) return { result: 'timed_out', message: `${error.message} No execution was started.` };
  return { result: 'failure', message: error.message };
}

function describeVariables(request: RunRequest): string {
  const shown = Object.entries(maskSecrets(request.variables ?? {})).map(([k, v]) => `${k}: ${String(v)}`);
  return shown.length ? `, ${shown.join(', ')}` : '';
}

function recordOutcome(report: RunReport, outcome: WaitOutcome, settings: Settings): void {
  report.budgetPauseMs = outcome.budgetPauseMs;
  report.budgetNote = outcome.budgetNote;
  for (const e of report.executions) {
    const o = e.executionId === undefined ? undefined : outcome.outcomes.get(e.executionId);
    if (!o) continue;
    e.execution = o.execution;
    e.status = o.execution?.status ?? '';
    e.result = o.kind;
    if (o.kind === 'timed_out') {
      // When the budget held the looks back, it is the cause to name.
      const budget = outcome.budgetPauseMs
        ? ` The subscription's API budget held the looks up to ${humanDuration(outcome.budgetPauseMs)} apart.`
        : '';
      e.message = `Stopped waiting after ${humanDuration(settings.timeoutMs)} ('${Input.Timeout}'); execution ${e.executionId} may still be running in QFlow, which offers no API to cancel it.${budget}`;
    } else if (o.kind === 'cancelled') {
      e.message = outcome.stoppedAtFailure
        ? `Stopped waiting at the first failure ('${Input.FailFast}'); execution ${e.executionId} goes on in QFlow.`
        : `The job was cancelled; execution ${e.executionId} goes on in QFlow, which offers no API to cancel it.`;
    }
  }
}

/**
 * Steps and step data of every execution that ended. The outcome stands whatever they look like: a
 * step list that cannot be read is a warning, and step data that cannot be had is left out.
 */
async function collectAll(
  client: QFlowClient,
  report: RunReport,
  settings: Settings,
  rules: StatusRules,
  workDir: string,
  deadline: number,
): Promise<void> {
  const scrub = (value: unknown) => redactor.value(value);
  for (const e of report.executions) {
    if ((e.result !== 'success' && e.result !== 'failure') || e.executionId === undefined) continue;
    const executionId = e.executionId;
    try {
      e.steps = await listAllSteps(client, executionId, log, deadline);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      log.warning(`The steps of execution ${executionId} could not be read, so its step data is left out: ${(error as Error).message}`);
      e.steps = [];
    }
    e.failedSteps = e.steps.filter((step) => rules.classify(step.status) === 'failure');
    const dir = path.join(workDir, String(e.item));
    const outputs = selectNodes(settings.stepOutputs, e.steps, Input.StepOutputs, log);
    e.stepOutputs = await fetchStepData(client, executionId, outputs, 'output', dir, log, { deadline, scrub });
    const inputs = selectNodes(settings.stepInputs, e.steps, Input.StepInputs, log);
    e.stepInputs = await fetchStepData(client, executionId, inputs, 'input', dir, log, { deadline, scrub });
    if (e.result === 'failure') {
      const failed = e.failedSteps.map((s) => s.nodeId).join(', ');
      e.message = `QFlow execution ${executionId} ended with status '${e.status}'${failed ? `; failed steps: ${failed}` : ''}.`;
    }
  }
}

/** An error ends the run; a cancellation is no error of the action's, and a known final status stands. */
function recordError(report: RunReport, error: unknown): void {
  if (error instanceof CancelledError) {
    const ids = report.executions.flatMap((e) => e.executionId ?? []);
    if (report.executions.every((e) => e.execution === undefined)) report.result = 'cancelled';
    report.message = `The job was cancelled${ids.length ? `; execution ${ids.join(', ')} goes on in QFlow` : ''}.`;
    return;
  }
  report.message = error instanceof Error ? error.message : String(error);
  report.errored = true;
}

/**
 * The run's result and message from its executions': `success` only when every one succeeded; else
 * why not, most telling first (the job was cancelled, the wait timed out, an execution failed).
 */
function concludeRun(report: RunReport): void {
  const { executions } = report;
  if (report.result !== 'cancelled') report.result = conclusion(executions) ?? report.result;
  // An error or a cancellation has said why already.
  if (report.errored || report.message !== undefined) return;
  const unsuccessful = executions.filter((e) => e.result !== 'success' && e.result !== 'started');
  if (!report.fanOut) {
    report.message = executions[0]?.message;
  } else if (unsuccessful.length > 0) {
    const shown = unsuccessful.slice(0, 3).map((e) => `Item ${e.item}: ${e.message ?? e.result}`);
    const more = unsuccessful.length > 3 ? ` (${unsuccessful.length - 3} more in the job summary)` : '';
    report.message = `${unsuccessful.length} of ${executions.length} executions did not succeed. ${shown.join(' ')}${more}`;
  }
}

/** One result for all executions: the first of cancelled, timed out, failed that any has; else success or started. */
function conclusion(executions: ExecutionReport[]): Result | undefined {
  if (executions.length === 0) return undefined;
  for (const result of ['cancelled', 'timed_out', 'failure'] as const) if (executions.some((e) => e.result === result)) return result;
  return executions.some((e) => e.result === 'started') ? 'started' : 'success';
}

async function writeResult(report: RunReport, settings: Settings): Promise<void> {
  const ids = report.executions.flatMap((e) => e.executionId ?? []);
  if (ids.length === 0) return;
  report.outputFile = settings.outputFile ?? defaultResultFile(runnerTemp(), report.fanOut ? `${settings.workflowId}-${process.pid}` : ids[0]);
  const tree = (pick: (e: ExecutionReport) => StepData[]) =>
    report.fanOut
      ? Object.fromEntries(report.executions.filter((e) => e.executionId).map((e) => [e.executionId!, pick(e)]))
      : pick(report.executions[0]);
  try {
    await writeResultFile(report.outputFile, redactor.value(resultFields(report)), {
      stepOutputs: tree((e) => e.stepOutputs),
      stepInputs: tree((e) => e.stepInputs),
    });
  } catch (error) {
    log.warning(`Could not write the result file ${report.outputFile}: ${error instanceof Error ? error.message : String(error)}`);
    report.outputFile = undefined;
  }
}

function resultFields(report: RunReport): Record<string, unknown> {
  const one = (e: ExecutionReport) => ({
    executionId: e.executionId,
    status: e.status,
    result: e.result,
    ...timings(e.execution),
    message: e.message,
  });
  const details = (e: ExecutionReport) => ({
    execution: e.execution?.raw ?? null,
    steps: stepSummary(e.steps),
    failedSteps: stepSummary(e.failedSteps),
  });
  if (!report.fanOut) {
    // The run's result and message are the execution's, as the file has always had them.
    const e = report.executions[0];
    return {
      workflowId: report.workflowId,
      executionId: e.executionId,
      status: e.status,
      result: report.result,
      ...timings(e.execution),
      message: report.message,
      apiCalls: report.apiCalls,
      ...details(e),
    };
  }
  return {
    workflowId: report.workflowId,
    result: report.result,
    message: report.message,
    apiCalls: report.apiCalls,
    executions: report.executions.map((e) => ({
      item: e.item,
      variables: e.request?.variables ?? {},
      input: e.request?.input ?? {},
      ...one(e),
      ...details(e),
    })),
  };
}

/** The job summary on the pull request that ran the job, when asked for and there is one. */
async function comment(token: string, report: RunReport): Promise<void> {
  const pr = await pullRequestOf(process.env);
  if (!pr) {
    log.info(`'${Input.CommentOnPr}' is true, but this job was not started by a pull request: no comment.`);
    return;
  }
  const runUrl = `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`;
  // Nothing masks a comment: the same scrub as every other sink.
  const body = redactor.text(`${summaryMarkdown(report)}\n[The run](${runUrl})\n`);
  await commentOnPullRequest(token, pr, commentMarker(process.env, report.workflowId), body, log);
}

async function publish(report: RunReport): Promise<void> {
  const built = await buildOutputs(report, redactor);
  for (const secret of built.secrets) core.setSecret(secret);
  for (const [name, value] of built.values) core.setOutput(name, value);
  for (const warning of built.warnings) log.warning(warning);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redactor.text(summaryMarkdown(report))).write();
}
