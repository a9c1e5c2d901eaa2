/**
 * The GitHub Action: runner I/O only. Inputs become checked settings, the engine (src/run/) does the
 * run, and this module publishes its report the runner's way: outputs, the job summary, the
 * pull-request comment, the step's failure. It is the one module that talks to @actions/core.
 */
import * as core from '@actions/core';
import os from 'node:os';
import { commentMarker, commentOnPullRequest, MAX_COMMENT_CHARS, pullRequestOf } from './comment.js';
import { Input, INPUT_NAMES, Output } from '../names.js';
import { CancelledError, messageOf } from '../errors.js';
import { readSettings } from '../settings/read.js';
import type { Log } from '../log.js';
import type { RunReport } from '../run/report.js';
import { buildOutputs } from '../report/outputs.js';
import { summaryMarkdown } from '../report/summary.js';
import { disposeRun, runQFlow } from '../run/engine.js';
import { proxyAgentFrom } from '../qflow/proxy.js';
import { Redactor } from '../redact.js';
import { mdText } from '../markdown.js';
import { systemClock, type Clock } from '../time.js';

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

export async function run(clock: Clock = systemClock): Promise<void> {
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    log.info(`Received ${signal}: the job is being cancelled; stopping the wait.`);
    cancel.abort(new CancelledError());
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: RunReport | undefined;
  try {
    const settings = await readSettings((name: Input) => core.getInput(name), registerSecret, INPUT_NAMES);
    report = await runQFlow(settings, {
      log,
      signal: cancel.signal,
      clock,
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      redactor,
      registerSecret,
      group: (title, body) => core.group(title, body),
      onStarted: (ids) => core.setOutput(Output.ExecutionId, ids.join(',')),
      agent: proxyAgentFrom(process.env),
    });
    await publish(report);
    if (settings.commentToken !== undefined) await comment(settings.commentToken, report);
    if (report.ending !== 'succeeded') {
      core.setFailed(redactor.text(report.message ?? `The QFlow run ended as ${report.result}.`));
    }
  } catch (error) {
    const message = redactor.text(messageOf(error));
    // Refused before any call: `result` still says so, for a gate that goes on with continue-on-error.
    core.setOutput(Output.Result, 'failure');
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(`## ❌ The QFlow run failed\n\n> ${mdText(message)}\n`).write();
    core.setFailed(message);
  } finally {
    if (report) await disposeRun(report);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
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
  const body = redactor.text(
    `${summaryMarkdown(report, { maxBytes: MAX_COMMENT_CHARS - 2048, restIn: 'the job summary and the result file' })}\n[The run](${runUrl})\n`,
  );
  await commentOnPullRequest(token, pr, commentMarker(process.env, report.workflowId), body, log);
}

async function publish(report: RunReport): Promise<void> {
  const built = await buildOutputs(report, redactor);
  for (const secret of built.secrets) core.setSecret(secret);
  for (const [name, value] of built.values) core.setOutput(name, value);
  for (const warning of built.warnings) log.warning(warning);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redactor.text(summaryMarkdown(report))).write();
}
