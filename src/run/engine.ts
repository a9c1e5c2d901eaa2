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
import { Input, type Result } from '../names.js';
import { CancelledError, DeadlineError, RunCancelledError } from '../errors.js';
import { ApiHttp, type AgentFactory } from '../qflow/http.js';
import { ApiBudget } from '../qflow/budget.js';
import { isFanOut, type Plan, type Settings } from '../settings/settings.js';
import type { Log } from '../log.js';
import { QFlowClient } from '../qflow/client.js';
import { itemName, type RunRequest } from '../settings/matrix.js';
import type { ExecutionReport, RunReport } from './report.js';
import { afterWait, conclude, type Interruption } from './conclude.js';
import { writeResult } from './result-file.js';
import { removeWorkDir } from './results.js';
import { collectAll, readForSummary } from './collect.js';
import { startExecutions } from './start.js';
import { checkAgainstDefinition, worthReading } from './preflight.js';
import { maskSecrets, type Redactor } from '../redact.js';
import { plainText } from '../qflow/forms.js';
import { StatusRules } from '../wait/status.js';
import type { Clock } from '../time.js';
import { waitForExecutions, type WaitOutcome } from '../wait/waiter.js';
import type { WorkflowDefinition } from '../qflow/definition.js';

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
/**
 * And at most this long, whatever the timeout leaves: the outcome is known, and a subscription whose
 * budget is spent (a large matrix) would otherwise hold the job for the step details until the window
 * gives calls back, most of an hour.
 */
const COLLECT_MAX_MS = 5 * 60_000;

/** What every step of a run works with. */
interface Run {
  settings: Settings;
  host: Host;
  client: QFlowClient;
  /** One budget for the run: the HTTP layer keeps it told of every answer, the wait plans its looks with it. */
  budget: ApiBudget;
  rules: StatusRules;
  /** Every wait and every call of the run, the run call's included, ends by the timeout. */
  deadline: number;
  /** Where step data waits until the report is published. */
  workDir: string;
}

/**
 * What the run has learnt so far. Each step of the run puts what it produced here as it ends, so that
 * a step that throws (a cancellation, a lost gateway) still leaves every execution started so far,
 * and the definition read, for the report: nothing else is written to while the run goes on.
 */
type Progress = Pick<RunReport, 'executions' | 'definition' | 'definitionNote' | 'budgetPauseMs' | 'budgetNote'>;

/** Runs (or waits for) the executions the settings ask for, and writes the result file. Never throws for what QFlow did. */
export async function runQFlow(settings: Settings, host: Host): Promise<RunReport> {
  const { clock, log } = host;
  const budget = new ApiBudget(clock);
  const http = new ApiHttp({
    baseUrl: settings.gatewayUrl,
    requestTimeoutMs: settings.requestTimeoutMs,
    signal: host.signal,
    log,
    clock,
    agent: host.agent,
    budget,
    tokens: (login) => createTokenSource(settings.credentials, login, clock, (secret) => host.registerSecret(secret), log, settings.names),
    names: settings.names,
  });
  const run: Run = {
    settings,
    host,
    client: new QFlowClient(http, clock, settings.names),
    budget,
    rules: new StatusRules(settings.successStatuses, settings.failureStatuses),
    deadline: clock.now() + settings.timeoutMs,
    workDir: path.join(host.tempDir, `qflow-work-${process.pid}-${clock.now()}`),
  };
  const fanOut = isFanOut(settings.plan);
  const { workflowId, names } = settings;
  const progress: Progress = { executions: [] };
  let interruption: Interruption | undefined;
  try {
    interruption = await execute(run, progress);
  } catch (error) {
    interruption = { kind: 'thrown', error };
  }
  const { apiCalls, heldBack } = http;
  // Calls held back count among those made (they were sent), but not against the budget: said apart.
  const held = heldBack > 0 ? ` (${heldBack} of them held back by the gateway's limits)` : '';
  log.info(`Made ${apiCalls} QFlow API call${apiCalls === 1 ? '' : 's'}${held}.`);
  const report: RunReport = {
    workflowId,
    names,
    fanOut,
    workDir: run.workDir,
    ...progress,
    ...conclude(progress.executions, fanOut, interruption),
    apiCalls,
  };
  const outputFile = await writeResult(report, settings.outputFile, host);
  return { ...report, outputFile, outputFileChosen: settings.outputFile !== undefined };
}

/** The run's steps, each putting what it produced in `progress` as it ends: check, start (or attach, or only show the run requests), wait, collect. */
async function execute(run: Run, progress: Progress): Promise<Interruption | undefined> {
  const { settings, host } = run;
  // Where the result goes is checked before any call: a run that starts must be able to say how it ended.
  if (settings.outputFile !== undefined) await prepareOutputFile(settings.names.subject(Input.OutputFile), settings.outputFile);
  // One read of the workflow's definition before any run call, when it can catch a mistake; else after the wait, for the summary.
  const checkFirst = worthReading(settings);
  if (checkFirst)
    progress.definition = await host.group('Check the workflow', () => checkAgainstDefinition(run.client, settings, host.log, run.deadline));
  const begun = await begin(run, settings.plan, progress);
  progress.executions = begun.executions;
  const started = begun.executions.filter((e) => e.executionId !== undefined);
  if (settings.plan.kind === 'start' && !settings.plan.wait) {
    progress.executions = begun.executions.map((e) => (e.executionId === undefined ? e : { ...e, result: 'started' }));
    return begun.interruption;
  }
  if (started.length === 0) return begun.interruption;
  const outcome = await waitFor(run, started);
  progress.executions = afterWait(progress.executions, outcome, settings.timeoutMs, settings.names);
  progress.budgetPauseMs = outcome.budgetPauseMs;
  progress.budgetNote = outcome.budgetNote;
  const now = host.clock.now();
  const collectBy = Math.max(now + COLLECT_MS, Math.min(run.deadline, now + COLLECT_MAX_MS));
  const [collected, forSummary] = await host.group('Collect the results', () =>
    // Beside the step lists, not after them: the summary's read adds a call, not its time, to the step.
    Promise.all([collectAll(run, progress.executions, collectBy), checkFirst ? {} : readForSummary(run, progress.executions, outcome)]),
  );
  Object.assign(progress, forSummary);
  // An execution that ended in failure (not a run call that failed: its message says why already).
  progress.executions = collected.map((e) =>
    e.result === 'failure' && e.executionId !== undefined ? { ...e, message: failureMessage(e, progress.definition) } : e,
  );
  return begun.interruption;
}

/** The executions the plan begins with: those it started, the one it waits for, or the run requests a dry run shows. */
async function begin(run: Run, plan: Plan, progress: Progress): Promise<{ executions: ExecutionReport[]; interruption?: Interruption }> {
  switch (plan.kind) {
    case 'dry-run':
      return dryRun(run, plan.runs, plan.fanOut, progress.definition);
    case 'attach':
      return { executions: [executionReport(1, undefined, plan.executionId)] };
    case 'start': {
      const title = plan.runs.length > 1 ? `Start ${plan.runs.length} executions of the QFlow workflow` : 'Start the QFlow workflow';
      return run.host.group(title, () => startAll(run, plan.runs, progress));
    }
  }
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

/**
 * Starts every run request; each execution ID is an output as soon as its run call answers, and in
 * the progress, so a cancellation meanwhile still names it.
 */
async function startAll(
  run: Run,
  requests: RunRequest[],
  progress: Progress,
): Promise<{ executions: ExecutionReport[]; interruption?: Interruption }> {
  const { settings, host, client, deadline } = run;
  const many = requests.length > 1;
  const runs = await startExecutions(client, settings.workflowId, requests, settings.maxParallel, host.clock, deadline, (started) => {
    if (started.executionId === undefined) return;
    const ids = progress.executions.flatMap((e) => e.executionId ?? []);
    // Told at once, so later steps have it even if the job is cancelled during the wait.
    host.onStarted?.([...ids, started.executionId]);
    progress.executions = [
      ...progress.executions,
      { ...executionReport(started.item, started.request, started.executionId), sentAt: started.sentAt },
    ];
    host.log.info(
      `Started execution ${started.executionId} of workflow ${settings.workflowId}${many ? ` (item ${itemName(started.item, started.request)}${describeVariables(started.request)})` : ''}.`,
    );
  });
  const byItem = new Map(progress.executions.map((e) => [e.item, e]));
  const executions = runs.map((r): ExecutionReport => {
    const e = byItem.get(r.item) ?? executionReport(r.item, r.request);
    if (r.error) {
      const why = whyNotStarted(r.error);
      if (many) host.log.warning(`Item ${itemName(r.item, r.request)}${describeVariables(r.request)}: ${why.message}`);
      return { ...e, ...why };
    }
    if (r.sentAt === undefined) return { ...e, result: 'cancelled', message: 'Not started: the job was cancelled.' };
    return e;
  });
  const error = runs[0].error;
  return { executions, ...(!many && error ? { interruption: { kind: 'not-started', error } } : {}) };
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

/** Waits for every execution started, within the deadline and the budget. */
function waitFor(run: Run, started: ExecutionReport[]): Promise<WaitOutcome> {
  const { settings, host } = run;
  const many = started.length > 1;
  const items = new Map(started.map((e) => [e.executionId!, itemName(e.item, e.request)]));
  return host.group(many ? `Wait for ${started.length} executions` : `Wait for execution ${started[0].executionId}`, () =>
    waitForExecutions({
      client: run.client,
      workflowId: settings.workflowId,
      executions: started.map((e) => ({ id: e.executionId!, startedAt: e.sentAt })),
      deadline: run.deadline,
      pollIntervalMs: settings.pollIntervalMs,
      maxPollIntervalMs: settings.maxPollIntervalMs,
      rules: run.rules,
      budget: run.budget,
      failFast: settings.failFast,
      onEnded: many ? (id, o) => host.log.info(`Item ${items.get(id)}: execution ${id} ended: ${o.execution?.status}.`) : undefined,
      clock: host.clock,
      log: host.log,
      signal: host.signal,
      names: settings.names,
    }),
  );
}

/**
 * Why an execution failed: its status and the steps that failed, each by its name where the
 * definition was read, with the step's own message where the step list gives one.
 */
function failureMessage(e: ExecutionReport, definition: WorkflowDefinition | undefined): string {
  const names = new Map(definition?.components.map((c) => [c.id, c.name]));
  const shown = e.failedSteps.slice(0, 3).map((step) => {
    const name = names.get(step.nodeId);
    const said = step.message ? `: ${plainText(step.message, 300)}` : '';
    return `${name && name !== step.nodeId ? `"${plainText(name)}" (${step.nodeId})` : step.nodeId}${said}`;
  });
  const more = e.failedSteps.length > 3 ? ` and ${e.failedSteps.length - 3} more` : '';
  const steps = shown.length ? `; failed step${e.failedSteps.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}` : '';
  return `QFlow execution ${e.executionId} ended with status '${e.status}'${steps}.`;
}

/** Shows the run requests the settings would send, secrets masked, and starts nothing. */
function dryRun(
  run: Run,
  requests: RunRequest[],
  fanOut: boolean,
  definition: WorkflowDefinition | undefined,
): { executions: ExecutionReport[]; interruption: Interruption } {
  const { workflowId } = run.settings;
  const executions = requests.map((request, i): ExecutionReport => ({ ...executionReport(i + 1, request), result: 'validated' }));
  for (const e of executions) {
    const body = {
      ...(e.request?.input ? { input: e.request.input } : {}),
      ...(e.request?.variables ? { variables: maskSecrets(e.request.variables) } : {}),
    };
    run.host.log.info(
      `Dry run: would send POST /qflowapi/v1/workflows/${workflowId}/run with ${JSON.stringify(body)}${fanOut ? ` (item ${itemName(e.item, e.request)})` : ''}.`,
    );
  }
  const checked = definition ? 'the workflow, its variables and node IDs' : 'the workflow (its definition could not be read)';
  const message = `Dry run: the gateway, the login and ${checked} were checked; ${requests.length} run request${requests.length === 1 ? '' : 's'} shown, nothing started.`;
  return { executions, interruption: { kind: 'dry-run', message } };
}
