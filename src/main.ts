/**
 * The action, start to end: inputs → auth → start → wait → collect → report. This is the one module
 * that talks to the runner (@actions/core); everything it calls takes plain values.
 */
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { createTokenSource } from './auth.js';
import { Input, Output } from './constants.js';
import { CancelledError } from './errors.js';
import { ApiHttp } from './http.js';
import { readSettings, type Settings } from './inputs.js';
import type { Log } from './log.js';
import { QFlowClient } from './qflow.js';
import { buildOutputs, stepSummary, summaryMarkdown, timings, type RunReport } from './report.js';
import { fetchStepData, listAllSteps, removeWorkDir, selectNodes, writeResultFile } from './results.js';
import { StatusRules } from './status.js';
import { humanDuration, systemClock, type Clock } from './time.js';
import { waitForExecution, type WaitOutcome } from './waiter.js';

const log: Log = { info: core.info, debug: core.debug, warning: core.warning };
const runnerTemp = () => process.env.RUNNER_TEMP || os.tmpdir();

export async function run(clock: Clock = systemClock): Promise<void> {
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    core.info(`Received ${signal}: the job is being cancelled; stopping the wait.`);
    cancel.abort(new CancelledError());
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Step data waits here between download and publishing.
  const workDir = path.join(runnerTemp(), `qflow-work-${process.pid}-${clock.now()}`);
  try {
    const settings = await readSettings((name: Input) => core.getInput(name), core.setSecret);
    const report = await runWorkflow(settings, workDir, cancel.signal, clock);
    await publish(report);
    if (report.errored || (report.result !== 'success' && report.result !== 'started')) {
      core.setFailed(report.message ?? `The QFlow run ended as ${report.result}.`);
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  } finally {
    await removeWorkDir(workDir);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function runWorkflow(settings: Settings, workDir: string, signal: AbortSignal, clock: Clock): Promise<RunReport> {
  const http = new ApiHttp({ baseUrl: settings.gatewayUrl, requestTimeoutMs: settings.requestTimeoutMs, signal, log, clock });
  http.tokens = createTokenSource(settings.credentials, http, clock, core.setSecret, log);
  const client = new QFlowClient(http, clock);
  const rules = new StatusRules(settings.successStatuses, settings.failureStatuses);
  const report: RunReport = {
    workflowId: settings.workflowId,
    executionId: settings.executionId,
    result: 'failure',
    status: '',
    steps: [],
    failedSteps: [],
    stepOutputs: [],
    stepInputs: [],
    apiCalls: 0,
  };
  try {
    let startedAt: number | undefined;
    if (report.executionId === undefined) {
      startedAt = clock.now();
      report.executionId = await core.group('Start the QFlow workflow', () =>
        client.runWorkflow(settings.workflowId, { input: settings.runInput, variables: settings.variables }),
      );
      // Set at once, so later steps have it even if the job is cancelled during the wait.
      core.setOutput(Output.ExecutionId, report.executionId);
      core.info(`Started execution ${report.executionId} of workflow ${settings.workflowId}.`);
    }
    const executionId = report.executionId;
    if (!settings.wait) {
      report.result = 'started';
    } else {
      const outcome = await core.group(`Wait for execution ${executionId}`, () =>
        waitForExecution({
          client,
          workflowId: settings.workflowId,
          executionId,
          startedAt,
          deadline: clock.now() + settings.timeoutMs,
          pollIntervalMs: settings.pollIntervalMs,
          maxPollIntervalMs: settings.maxPollIntervalMs,
          rules,
          budget: http.budget,
          clock,
          log,
          signal,
        }),
      );
      recordOutcome(report, outcome, settings);
      if (outcome.kind === 'success' || outcome.kind === 'failure') {
        await core.group('Collect the results', async () => {
          report.steps = await listAllSteps(client, executionId);
          report.failedSteps = report.steps.filter((step) => rules.classify(step.status) === 'failure');
          const outputs = selectNodes(settings.stepOutputs, report.steps, Input.StepOutputs, log);
          report.stepOutputs = await fetchStepData(client, executionId, outputs, 'output', workDir, log);
          const inputs = selectNodes(settings.stepInputs, report.steps, Input.StepInputs, log);
          report.stepInputs = await fetchStepData(client, executionId, inputs, 'input', workDir, log);
        });
        if (outcome.kind === 'failure') {
          const failed = report.failedSteps.map((s) => s.nodeId).join(', ');
          report.message = `QFlow execution ${executionId} ended with status '${report.status}'${failed ? `; failed steps: ${failed}` : ''}.`;
        }
      }
    }
  } catch (error) {
    recordError(report, error);
  }
  report.apiCalls = http.apiCalls;
  core.info(`Made ${report.apiCalls} QFlow API call${report.apiCalls === 1 ? '' : 's'}.`);
  await writeResult(report, settings);
  return report;
}

function recordOutcome(report: RunReport, outcome: WaitOutcome, settings: Settings): void {
  report.execution = outcome.execution;
  report.status = outcome.execution?.status ?? '';
  report.result = outcome.kind;
  report.budgetPauseMs = outcome.budgetPauseMs;
  if (outcome.kind === 'timed_out') {
    report.message = `Stopped waiting after ${humanDuration(settings.timeoutMs)} ('${Input.Timeout}'); execution ${report.executionId} may still be running in QFlow, which offers no API to cancel it.`;
  } else if (outcome.kind === 'cancelled') {
    report.message = `The job was cancelled; execution ${report.executionId} goes on in QFlow, which offers no API to cancel it.`;
  }
}

/** An error ends the run; a cancellation is no error of the action's, and a known final status stands. */
function recordError(report: RunReport, error: unknown): void {
  if (error instanceof CancelledError) {
    if (report.execution === undefined) report.result = 'cancelled';
    report.message = `The job was cancelled${report.executionId ? `; execution ${report.executionId} goes on in QFlow` : ''}.`;
    return;
  }
  report.message = error instanceof Error ? error.message : String(error);
  report.errored = true;
}

async function writeResult(report: RunReport, settings: Settings): Promise<void> {
  if (report.executionId === undefined) return;
  report.outputFile = settings.outputFile ?? path.join(runnerTemp(), `qflow-${report.executionId}.json`);
  try {
    await writeResultFile(report.outputFile, resultFields(report), { stepOutputs: report.stepOutputs, stepInputs: report.stepInputs });
  } catch (error) {
    core.warning(`Could not write the result file ${report.outputFile}: ${error instanceof Error ? error.message : String(error)}`);
    report.outputFile = undefined;
  }
}

function resultFields(report: RunReport): Record<string, unknown> {
  return {
    workflowId: report.workflowId,
    executionId: report.executionId,
    status: report.status,
    result: report.result,
    ...timings(report.execution),
    message: report.message,
    apiCalls: report.apiCalls,
    execution: report.execution?.raw ?? null,
    steps: stepSummary(report.steps),
    failedSteps: stepSummary(report.failedSteps),
  };
}

async function publish(report: RunReport): Promise<void> {
  const built = await buildOutputs(report);
  for (const secret of built.secrets) core.setSecret(secret);
  for (const [name, value] of built.values) core.setOutput(name, value);
  for (const warning of built.warnings) core.warning(warning);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(report)).write();
}
