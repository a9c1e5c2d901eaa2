/**
 * What the run leaves behind for people and later steps: the step outputs (each under GitHub's
 * 1 MB limit) and the job summary (under its 1 MiB limit). Pure: main.ts writes them.
 */
import { Input, Output, type Result } from './constants.js';
import type { ExecutionRecord, StepRecord } from './qflow.js';
import { findSecretValues } from './redact.js';
import { readStepData, type StepData } from './results.js';
import { humanDuration, iso } from './time.js';

/** GitHub refuses a step output over 1 MB; stay a little under it. */
export const MAX_OUTPUT_BYTES = 1_000_000;
/** GitHub refuses a job summary over 1 MiB; leave room for other steps' summaries too. */
export const MAX_SUMMARY_BYTES = 512 * 1024;
const MAX_SUMMARY_STEP_ROWS = 300;

export interface RunReport {
  workflowId: string;
  executionId?: string;
  result: Result;
  /** The status as QFlow wrote it; '' when unknown. */
  status: string;
  execution?: ExecutionRecord;
  steps: StepRecord[];
  failedSteps: StepRecord[];
  stepOutputs: StepData[];
  stepInputs: StepData[];
  outputFile?: string;
  apiCalls: number;
  /** Why the run did not succeed, in one sentence or two. */
  message?: string;
  /** The action itself hit an error (bad answer, lost connection), whatever the execution did. */
  errored?: boolean;
  /** The longest pause the API budget stretched past max-poll-interval, when it did. */
  budgetPauseMs?: number;
}

export interface BuiltOutputs {
  values: Map<Output, string>;
  /** What did not fit, to be shown as warnings. */
  warnings: string[];
  /** Values found under secret-named keys in step data, to be masked. */
  secrets: string[];
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

export function stepSummary(steps: StepRecord[]): { nodeId: string; nodeType: string; status: string }[] {
  return steps.map(({ nodeId, nodeType, status }) => ({ nodeId, nodeType, status }));
}

export async function buildOutputs(report: RunReport): Promise<BuiltOutputs> {
  const warnings: string[] = [];
  const secrets = new Set<string>();
  const values = new Map<Output, string>();
  const { startedAt, endedAt, durationSeconds } = timings(report.execution);
  values.set(Output.ExecutionId, report.executionId ?? '');
  values.set(Output.Status, report.status);
  values.set(Output.Result, report.result);
  values.set(Output.StartedAt, startedAt);
  values.set(Output.EndedAt, endedAt);
  values.set(Output.DurationSeconds, durationSeconds);
  values.set(Output.ApiCalls, String(report.apiCalls));
  values.set(Output.OutputFile, report.outputFile ?? '');
  const fit = (name: Output, value: unknown, fallback: string) => {
    const text = JSON.stringify(value);
    if (Buffer.byteLength(text) <= MAX_OUTPUT_BYTES) return values.set(name, text);
    warnings.push(`The '${name}' output would exceed GitHub's 1 MB limit and is left out; it is complete in the result file.`);
    values.set(name, fallback);
  };
  fit(Output.Execution, report.execution?.raw ?? {}, '{}');
  fit(Output.Steps, stepSummary(report.steps), '[]');
  fit(Output.FailedSteps, stepSummary(report.failedSteps), '[]');
  for (const [name, list] of [
    [Output.StepOutputs, report.stepOutputs],
    [Output.StepInputs, report.stepInputs],
  ] as const) {
    const collected: Record<string, unknown> = {};
    let size = 2;
    const left: string[] = [];
    for (const data of list) {
      // Judge by the file's size first, so a 50 MB output is never read back into memory.
      if (size + data.bytes > MAX_OUTPUT_BYTES) {
        left.push(data.nodeId);
        continue;
      }
      const value = await readStepData(data);
      for (const secret of findSecretValues(value)) secrets.add(secret);
      const entrySize = Buffer.byteLength(JSON.stringify({ [data.nodeId]: value })) - 1;
      if (size + entrySize > MAX_OUTPUT_BYTES) {
        left.push(data.nodeId);
        continue;
      }
      collected[data.nodeId] = value;
      size += entrySize;
    }
    if (left.length) {
      warnings.push(
        `The '${name}' output leaves out ${left.join(', ')}: with ${left.length === 1 ? 'it' : 'them'} it would exceed GitHub's 1 MB limit. The result file has ${left.length === 1 ? 'it' : 'them'} in full.`,
      );
    }
    values.set(name, JSON.stringify(collected));
  }
  return { values, warnings, secrets: [...secrets] };
}

const HEADLINE: Record<Result, string> = {
  success: '✅ QFlow workflow succeeded',
  failure: '❌ QFlow workflow failed',
  timed_out: '⏱️ Gave up waiting for the QFlow workflow',
  cancelled: '🛑 Stopped waiting for the QFlow workflow',
  started: '🚀 QFlow workflow started',
};

/** The job summary as Markdown. */
export function summaryMarkdown(report: RunReport): string {
  const { startedAt, endedAt, durationSeconds } = timings(report.execution);
  const rows: [string, string][] = [
    ['Workflow', code(report.workflowId)],
    ['Execution', report.executionId ? code(report.executionId) : 'not started'],
    ['Status', cell(report.status || '–')],
  ];
  if (startedAt) rows.push(['Started', startedAt]);
  if (endedAt) rows.push(['Ended', endedAt]);
  if (durationSeconds) rows.push(['Duration', humanDuration(Number(durationSeconds) * 1000)]);
  rows.push(['API calls', String(report.apiCalls)]);
  if (report.outputFile) rows.push(['Result file', code(report.outputFile)]);

  const headline = report.errored ? '❌ The QFlow action failed' : HEADLINE[report.result];
  const lines = [`## ${headline}`, ''];
  if (report.message) lines.push(`> ${cell(report.message)}`, '');
  if (report.budgetPauseMs) {
    lines.push(
      `> ⚠️ The subscription's API budget ran low, so looks at the execution were up to ${humanDuration(report.budgetPauseMs)} apart, longer than '${Input.MaxPollInterval}': its end may have been noticed that late.`,
      '',
    );
  }
  lines.push('| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');

  if (report.steps.length) {
    const failed = new Set(report.failedSteps.map((s) => s.nodeId));
    // Failed steps first: they are what the reader came for.
    const ordered = [...report.steps.filter((s) => failed.has(s.nodeId)), ...report.steps.filter((s) => !failed.has(s.nodeId))];
    lines.push(`### Steps (${report.steps.length}${failed.size ? `, ${failed.size} failed` : ''})`, '');
    lines.push('| Step | Type | Status |', '|---|---|---|');
    let size = Buffer.byteLength(lines.join('\n'));
    let shown = 0;
    for (const step of ordered) {
      const row = `| ${code(step.nodeId)} | ${cell(step.nodeType || '–')} | ${failed.has(step.nodeId) ? '❌ ' : ''}${cell(step.status || '–')} |`;
      size += Buffer.byteLength(row) + 1;
      if (shown >= MAX_SUMMARY_STEP_ROWS || size > MAX_SUMMARY_BYTES - 1024) break;
      lines.push(row);
      shown++;
    }
    if (shown < ordered.length) {
      lines.push('', `${ordered.length - shown} more steps are listed in the result file.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
