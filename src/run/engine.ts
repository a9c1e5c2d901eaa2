/**
 * The engine: checked settings → auth → start → wait → collect → a run report and the result file.
 * It knows nothing of GitHub or of any CI: what differs per front-end (where the log goes, the
 * cancellation signal, the temp folder, log sections, who is told of a started execution) comes in
 * through `Host`. The front-ends (src/action/, src/cli/) read inputs into Settings, call runQFlow and
 * publish the report their platform's way.
 */
import path from 'node:path';
import { createTokenSource } from '../qflow/auth.js';
import { prepareOutputFile } from '../files.js';
import { Input, isFine, type Result } from '../names.js';
import { CancelledError, DeadlineError, InputError, messageOf, RunCancelledError } from '../errors.js';
import { ApiHttp, type AgentFactory } from '../qflow/http.js';
import { ApiBudget } from '../qflow/budget.js';
import type { Settings } from './inputs.js';
import type { Log } from '../log.js';
import { QFlowClient } from '../qflow/client.js';
import { itemName, type RunRequest } from './matrix.js';
import { stepSummary, timings, type ExecutionReport, type RunReport } from './report.js';
import { defaultResultFile, fetchStepData, listAllSteps, removeWorkDir, selectNodes, writeResultFile, type StepData } from './results.js';
import { startExecutions } from './start.js';
import { checkAgainstDefinition, worthReading } from './preflight.js';
import { maskSecrets, type Redactor } from '../redact.js';
import { StatusRules } from '../wait/status.js';
import { humanDuration, type Clock } from '../time.js';
import { waitForExecutions, type WaitOutcome } from '../wait/waiter.js';

/** What the engine needs from the front-end that runs it. */
export interface Host {
  /** Where progress goes; every line already scrubbed by the front-end's redactor. */
  log: Log;
  /** Aborted when the job is cancelled: every call and pause stops at once. */
  signal: AbortSignal;
  clock: Clock;
  /** The folder for the default result file and, while the run lasts, its step data. */
  tempDir: string;
  /** The one scrub of every sink; secrets the run learns (a JWT) are registered with it. */
  redactor: Redactor;
  /** Told of each secret the run learns, before anything can print it (the runner's mask, say). */
  registerSecret(secret: string): void;
  /** A section of the log (a collapsible group on GitHub). */
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Told of every execution ID started so far, as soon as each run call answers. */
  onStarted?(executionIds: string[]): void;
  /** The proxy's agent when the front-end's environment names one (see ApiHttp). */
  agent?: AgentFactory;
}

/** After the wait, collecting the steps and step data may take at least this long, even at the timeout. */
const COLLECT_MS = 60_000;
/** The definition is read for the summary only with at least this long left before the timeout. */
const MIN_SUMMARY_READ_MS = 2000;

/** Runs (or waits for) the executions the settings ask for, and writes the result file. Never throws for what QFlow did. */
export async function runQFlow(settings: Settings, host: Host): Promise<RunReport> {
  const { clock, log, signal } = host;
  const workDir = path.join(host.tempDir, `qflow-work-${process.pid}-${clock.now()}`);
  // Every wait and every call of the run, the run call's included, ends by the timeout.
  const deadline = clock.now() + settings.timeoutMs;
  // One budget for the run: the HTTP layer keeps it told of every answer, the wait plans its looks with it.
  const budget = new ApiBudget(clock);
  const http = new ApiHttp({
    baseUrl: settings.gatewayUrl,
    requestTimeoutMs: settings.requestTimeoutMs,
    signal,
    log,
    clock,
    agent: host.agent,
    budget,
    tokens: (login) => createTokenSource(settings.credentials, login, clock, (secret) => host.registerSecret(secret), log, settings.names),
    names: settings.names,
  });
  const client = new QFlowClient(http, clock, settings.names);
  const rules = new StatusRules(settings.successStatuses, settings.failureStatuses);
  const report: RunReport = {
    workflowId: settings.workflowId,
    names: settings.names,
    fanOut: settings.fanOut,
    executions: [],
    result: 'failure',
    apiCalls: 0,
    workDir,
  };
  const many = settings.runs.length > 1;
  try {
    // Where the result goes is checked before any call: a run that starts must be able to say how it ended.
    if (settings.outputFile !== undefined) await prepareOutputFile(settings.names.subject(Input.OutputFile), settings.outputFile);
    // One read of the workflow's definition before any run call, when it can catch a mistake; else after the wait, for the summary.
    const definitionRead = worthReading(settings);
    if (definitionRead) report.definition = await host.group('Check the workflow', () => checkAgainstDefinition(client, settings, log, deadline));
    if (settings.dryRun) {
      dryRun(settings, report, host);
    } else if (settings.executionId !== undefined) {
      report.executions = [executionReport(1, undefined, settings.executionId)];
    } else {
      await host.group(many ? `Start ${settings.runs.length} executions of the QFlow workflow` : 'Start the QFlow workflow', () =>
        startAll(client, settings, report, host, deadline),
      );
    }
    const started = report.executions.filter((e) => e.executionId !== undefined);
    if (!settings.wait) {
      for (const e of started) e.result = 'started';
    } else if (started.length > 0) {
      const outcome = await host.group(many ? `Wait for ${started.length} executions` : `Wait for execution ${started[0].executionId}`, () =>
        waitForExecutions({
          client,
          workflowId: settings.workflowId,
          executions: started.map((e) => ({ id: e.executionId!, startedAt: e.sentAt })),
          deadline,
          pollIntervalMs: settings.pollIntervalMs,
          maxPollIntervalMs: settings.maxPollIntervalMs,
          rules,
          budget,
          failFast: settings.failFast,
          onEnded: many ? (id, o) => log.info(`Execution ${id} ended: ${o.execution?.status}.`) : undefined,
          clock,
          log,
          signal,
          names: settings.names,
        }),
      );
      recordOutcome(report, outcome, settings);
      const collectBy = Math.max(deadline, clock.now() + COLLECT_MS);
      await host.group('Collect the results', async () => {
        // Beside the step lists, not after them: the summary's read adds a call, not its time, to the step.
        await Promise.all([
          collectAll(client, report, settings, rules, workDir, collectBy, host),
          definitionRead ? undefined : readForSummary(client, settings, report, budget, deadline, host),
        ]);
      });
    }
  } catch (error) {
    recordError(report, error);
  }
  concludeRun(report);
  report.apiCalls = http.apiCalls;
  log.info(`Made ${report.apiCalls} QFlow API call${report.apiCalls === 1 ? '' : 's'}.`);
  await writeResult(report, settings, host);
  return report;
}

/**
 * Removes the step data the run downloaded. Called by the front-end once it has published the
 * report: the outputs read small step data back from these files.
 */
export async function disposeRun(report: RunReport): Promise<void> {
  if (report.workDir !== undefined) await removeWorkDir(report.workDir);
}

function executionReport(item: number, request: RunRequest | undefined, executionId?: string): ExecutionReport {
  return { item, request, executionId, result: 'failure', status: '', steps: [], failedSteps: [], stepOutputs: [], stepInputs: [] };
}

/** Starts every run request; each execution ID is an output as soon as its run call answers. */
async function startAll(client: QFlowClient, settings: Settings, report: RunReport, host: Host, deadline: number): Promise<void> {
  const { clock, log } = host;
  const many = settings.runs.length > 1;
  const runs = await startExecutions(client, settings.workflowId, settings.runs, settings.maxParallel, clock, deadline, (run) => {
    if (run.executionId === undefined) return;
    const ids = report.executions.flatMap((e) => e.executionId ?? []);
    // Told at once, so later steps have it even if the job is cancelled during the wait.
    host.onStarted?.([...ids, run.executionId]);
    report.executions.push({ ...executionReport(run.item, run.request, run.executionId), sentAt: run.sentAt });
    log.info(
      `Started execution ${run.executionId} of workflow ${settings.workflowId}${many ? ` (item ${itemName(run.item, run.request)}${describeVariables(run.request)})` : ''}.`,
    );
  });
  const byItem = new Map(report.executions.map((e) => [e.item, e]));
  report.executions = runs.map((run) => {
    const e = byItem.get(run.item) ?? executionReport(run.item, run.request);
    if (run.error) {
      const { result, message } = whyNotStarted(run.error);
      e.result = result;
      e.message = message;
      if (many) log.warning(`Item ${itemName(run.item, run.request)}${describeVariables(run.request)}: ${e.message}`);
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
        : outcome.budgetNote
          ? ` The subscription's API budget slowed the looks: ${outcome.budgetNote}`
          : '';
      e.message = `Stopped waiting after ${humanDuration(settings.timeoutMs)} (${settings.names.of(Input.Timeout)}); execution ${e.executionId} may still be running in QFlow, which offers no API to cancel it. To wait for it again, run with ${settings.names.set(Input.ExecutionId, e.executionId!)}.${budget}`;
    } else if (o.kind === 'cancelled') {
      e.message = outcome.stoppedAtFailure
        ? `Stopped waiting at the first failure (${settings.names.of(Input.FailFast)}); execution ${e.executionId} goes on in QFlow.`
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
  host: Host,
): Promise<void> {
  const { log } = host;
  const scrub = (value: unknown) => host.redactor.value(value);
  for (const e of report.executions) {
    if ((e.result !== 'success' && e.result !== 'failure') || e.executionId === undefined) continue;
    const executionId = e.executionId;
    try {
      e.steps = await listAllSteps(client, executionId, log, deadline);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      log.warning(`The steps of execution ${executionId} could not be read, so its step data is left out: ${messageOf(error)}`);
      e.steps = [];
    }
    e.failedSteps = e.steps.filter((step) => rules.classify(step.status) === 'failure');
    const dir = path.join(workDir, String(e.item));
    const outputs = selectNodes(settings.stepOutputs, e.steps, settings.names.of(Input.StepOutputs), log);
    e.stepOutputs = await fetchStepData(client, executionId, outputs, 'output', dir, log, { deadline, scrub });
    const inputs = selectNodes(settings.stepInputs, e.steps, settings.names.of(Input.StepInputs), log);
    e.stepInputs = await fetchStepData(client, executionId, inputs, 'input', dir, log, { deadline, scrub });
    if (e.result === 'failure') {
      const failed = e.failedSteps.map((s) => s.nodeId).join(', ');
      e.message = `QFlow execution ${executionId} ended with status '${e.status}'${failed ? `; failed steps: ${failed}` : ''}.`;
    }
  }
}

/**
 * The workflow's definition for the summary's step names and picture, when it was not read before the
 * run: one call, made only when an execution ended (there are steps to name) and the budget has room,
 * that is, the looks were never held back and at least half the window's calls are left (or the gateway
 * states no limit). Otherwise the summary says why they are missing. Nothing here changes the outcome.
 */
async function readForSummary(client: QFlowClient, settings: Settings, report: RunReport, budget: ApiBudget, deadline: number, host: Host) {
  const { clock, log } = host;
  if (!report.executions.some((e) => e.result === 'success' || e.result === 'failure')) return;
  if (clock.now() >= deadline - MIN_SUMMARY_READ_MS) {
    report.definitionNote = 'Step names and the picture of the workflow are left out: the timeout left no time to read its definition.';
    return;
  }
  const view = budget.view('workflow');
  if (report.budgetPauseMs || (view !== undefined && view.remaining < view.limit / 2)) {
    const left = view ? ` (${view.remaining} of ${view.limit} calls left in the window)` : '';
    report.definitionNote = `Step names and the picture of the workflow are left out to spare the subscription's API budget${left}.`;
    return;
  }
  try {
    report.definition = await client.getWorkflow(settings.workflowId, deadline);
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    log.debug(`The workflow's definition could not be read for the summary: ${messageOf(error)}`);
    report.definitionNote =
      'Step names and the picture of the workflow are left out: its definition could not be read (that needs READ on the workflow).';
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
  report.message = messageOf(error);
  report.errored = true;
  // A mistake in the inputs that only the workflow's definition could show: nothing was started.
  if (error instanceof InputError) report.badInput = true;
}

/** Shows the run requests the settings would send, secrets masked, and starts nothing. */
function dryRun(settings: Settings, report: RunReport, host: Host): void {
  report.executions = settings.runs.map((request, i) => ({ ...executionReport(i + 1, request), result: 'validated' as const }));
  for (const e of report.executions) {
    const body = {
      ...(e.request?.input ? { input: e.request.input } : {}),
      ...(e.request?.variables ? { variables: maskSecrets(e.request.variables) } : {}),
    };
    host.log.info(
      `Dry run: would send POST /qflowapi/v1/workflows/${settings.workflowId}/run with ${JSON.stringify(body)}${settings.fanOut ? ` (item ${itemName(e.item, e.request)})` : ''}.`,
    );
  }
  const checked = report.definition ? 'the workflow, its variables and node IDs' : 'the workflow (its definition could not be read)';
  report.message = `Dry run: the gateway, the login and ${checked} were checked; ${settings.runs.length} run request${settings.runs.length === 1 ? '' : 's'} shown, nothing started.`;
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
  const unsuccessful = executions.filter((e) => !isFine(e.result));
  if (!report.fanOut) {
    report.message = executions[0]?.message;
  } else if (unsuccessful.length > 0) {
    const shown = unsuccessful.slice(0, 3).map((e) => `Item ${itemName(e.item, e.request)}: ${e.message ?? e.result}`);
    const more = unsuccessful.length > 3 ? ` (${unsuccessful.length - 3} more in the job summary)` : '';
    report.message = `${unsuccessful.length} of ${executions.length} executions did not succeed. ${shown.join(' ')}${more}`;
  }
}

/** One result for all executions: the first of cancelled, timed out, failed that any has; else success or started. */
function conclusion(executions: ExecutionReport[]): Result | undefined {
  if (executions.length === 0) return undefined;
  for (const result of ['cancelled', 'timed_out', 'failure'] as const) if (executions.some((e) => e.result === result)) return result;
  if (executions.every((e) => e.result === 'validated')) return 'validated';
  return executions.some((e) => e.result === 'started') ? 'started' : 'success';
}

async function writeResult(report: RunReport, settings: Settings, host: Host): Promise<void> {
  const ids = report.executions.flatMap((e) => e.executionId ?? []);
  if (ids.length === 0) return;
  report.outputFile = settings.outputFile ?? defaultResultFile(host.tempDir, report.fanOut ? `${settings.workflowId}-${process.pid}` : ids[0]);
  const tree = (pick: (e: ExecutionReport) => StepData[]) =>
    report.fanOut
      ? Object.fromEntries(report.executions.filter((e) => e.executionId).map((e) => [e.executionId!, pick(e)]))
      : pick(report.executions[0]);
  try {
    await writeResultFile(report.outputFile, host.redactor.value(resultFields(report)), {
      stepOutputs: tree((e) => e.stepOutputs),
      stepInputs: tree((e) => e.stepInputs),
    });
  } catch (error) {
    host.log.warning(`Could not write the result file ${report.outputFile}: ${messageOf(error)}`);
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
