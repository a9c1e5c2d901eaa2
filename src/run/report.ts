/**
 * What the run leaves behind for people and later steps: the step outputs (each under GitHub's
 * 1 MB limit) and the job summary (under its 1 MiB limit). Pure: main.ts writes them.
 */
import { Input, Output, isFine, type Result, type SettingNames } from '../names.js';
import type { ExecutionRecord, StepRecord } from '../qflow/client.js';
import type { WorkflowDefinition } from '../qflow/definition.js';
import { mdCode, mdText } from '../markdown.js';
import { itemName, type RunRequest } from './matrix.js';
import { findSecretValues, maskSecrets, type Redactor } from '../redact.js';
import { readStepData, type StepData } from './results.js';
import { humanDuration, iso } from '../time.js';
import { workflowDiagram } from './diagram.js';

/** GitHub refuses a step output over 1 MB; stay a little under it. */
export const MAX_OUTPUT_BYTES = 1_000_000;
/** GitHub refuses a job summary over 1 MiB; leave room for other steps' summaries too. */
export const MAX_SUMMARY_BYTES = 512 * 1024;
/** Rows of a summary table at most: steps of one execution, or executions of a fan-out. */
const MAX_SUMMARY_STEP_ROWS = 300;

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
  /** Why it did not succeed (or did not start), in a sentence or two. */
  message?: string;
}

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
  apiCalls: number;
  /** Why the run did not succeed, in one sentence or two. */
  message?: string;
  /** The action itself hit an error (bad answer, lost connection), whatever the executions did. */
  errored?: boolean;
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
  /** The error was a mistake in the inputs found against the definition (nothing was started). */
  badInput?: boolean;
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

/** Every output, each within GitHub's limit, every string in it scrubbed by `redactor`. */
export async function buildOutputs(report: RunReport, redactor: Redactor): Promise<BuiltOutputs> {
  const outputs = new OutputBuilder(redactor);
  const values = outputs.values;
  const [one] = report.executions;
  const fan = report.fanOut ? fanOutTimings(report.executions) : timings(one?.execution);
  values.set(Output.ExecutionId, report.executions.flatMap((e) => e.executionId ?? []).join(','));
  values.set(Output.Status, report.fanOut ? statusCounts(report.executions) : (one?.status ?? ''));
  values.set(Output.Result, report.result);
  values.set(Output.StartedAt, fan.startedAt);
  values.set(Output.EndedAt, fan.endedAt);
  values.set(Output.DurationSeconds, fan.durationSeconds);
  values.set(Output.ApiCalls, String(report.apiCalls));
  values.set(Output.OutputFile, report.outputFile ?? '');
  if (!report.fanOut) {
    outputs.fit(Output.Execution, one?.execution?.raw ?? {}, '{}');
    outputs.fit(Output.Steps, stepSummary(one?.steps ?? []), '[]');
    outputs.fit(Output.FailedSteps, stepSummary(one?.failedSteps ?? []), '[]');
  } else {
    // One execution's record has no meaning for many; `executions` lists them all.
    values.set(Output.Execution, '');
    const byExecution = (pick: (e: ExecutionReport) => StepRecord[]) =>
      Object.fromEntries(report.executions.flatMap((e) => (e.executionId ? [[e.executionId, stepSummary(pick(e))] as const] : [])));
    outputs.fit(
      Output.Steps,
      byExecution((e) => e.steps),
      '{}',
    );
    outputs.fit(
      Output.FailedSteps,
      byExecution((e) => e.failedSteps),
      '{}',
    );
  }
  for (const [name, pick] of [
    [Output.StepOutputs, (e: ExecutionReport) => e.stepOutputs],
    [Output.StepInputs, (e: ExecutionReport) => e.stepInputs],
  ] as const) {
    const groups = report.executions.filter((e) => e.executionId).map((e) => ({ key: e.executionId!, data: pick(e) }));
    await outputs.fitStepData(name, report.fanOut ? groups : groups.map((g) => ({ data: g.data })));
  }
  if (report.fanOut) outputs.fit(Output.Executions, report.executions.map(executionSummary), '[]');
  // The one-line outputs; the JSON ones were scrubbed string by string, so they stay valid JSON.
  for (const name of [Output.ExecutionId, Output.Status, Output.Result, Output.OutputFile]) values.set(name, redactor.text(values.get(name)!));
  return { values, warnings: outputs.warnings, secrets: [...outputs.secrets] };
}

/** Output values kept within GitHub's 1 MB limit each, with warnings for what was left out. */
class OutputBuilder {
  readonly values = new Map<Output, string>();
  readonly warnings: string[] = [];
  readonly secrets = new Set<string>();

  constructor(private readonly redactor: Redactor) {}

  fit(name: Output, value: unknown, fallback: string): void {
    const text = JSON.stringify(this.redactor.value(value));
    if (Buffer.byteLength(text) <= MAX_OUTPUT_BYTES) {
      this.values.set(name, text);
      return;
    }
    this.warnings.push(`The '${name}' output would exceed GitHub's 1 MB limit and is left out; it is complete in the result file.`);
    this.values.set(name, fallback);
  }

  /** Step data keyed by node ID, grouped under `key` (an execution ID) where one is given. */
  async fitStepData(name: Output, groups: { key?: string; data: StepData[] }[]): Promise<void> {
    const collected: Record<string, unknown> = {};
    let size = 2;
    const left: string[] = [];
    for (const { key, data: list } of groups) {
      const target: Record<string, unknown> = key === undefined ? collected : {};
      // A group's own braces and key, so the whole object stays within the limit.
      if (key !== undefined) size += Buffer.byteLength(JSON.stringify({ [key]: {} })) - 1;
      for (const data of list) {
        // Judge by the file's size first, so a 50 MB output is never read back into memory.
        if (size + data.bytes > MAX_OUTPUT_BYTES) {
          left.push(data.nodeId);
          continue;
        }
        const value = this.redactor.value(await readStepData(data));
        for (const secret of findSecretValues(value)) this.secrets.add(secret);
        const entrySize = Buffer.byteLength(JSON.stringify({ [data.nodeId]: value })) - 1;
        if (size + entrySize > MAX_OUTPUT_BYTES) {
          left.push(data.nodeId);
          continue;
        }
        target[data.nodeId] = value;
        size += entrySize;
      }
      if (key !== undefined) collected[key] = target;
    }
    if (left.length) {
      const them = left.length === 1 ? 'it' : 'them';
      this.warnings.push(
        `The '${name}' output leaves out ${left.join(', ')}: with ${them} it would exceed GitHub's 1 MB limit. The result file has ${them} in full.`,
      );
    }
    this.values.set(name, JSON.stringify(collected));
  }
}

/** A fan-out's statuses counted, as `46 Success, 2 Failed`. */
function statusCounts(executions: ExecutionReport[]): string {
  const counts = new Map<string, number>();
  for (const e of executions) {
    const status = e.status || (e.executionId ? 'unknown' : 'not started');
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

/** From the first start to the last end, once every execution has ended. */
function fanOutTimings(executions: ExecutionReport[]): { startedAt: string; endedAt: string; durationSeconds: string } {
  const starts = executions.map((e) => e.execution?.startDate);
  const ends = executions.map((e) => e.execution?.endDate);
  const start = starts.every((t) => t !== undefined) && starts.length ? Math.min(...starts) : undefined;
  const end = ends.every((t) => t !== undefined) && ends.length ? Math.max(...ends) : undefined;
  return timings({ id: '', status: '', raw: {}, startDate: start, endDate: end });
}

/** One row of the `executions` output: variables with secret-looking values masked, no step data. */
export function executionSummary(e: ExecutionReport): Record<string, unknown> {
  return {
    item: e.item,
    ...(e.request?.label !== undefined ? { label: e.request.label } : {}),
    variables: maskSecrets(e.request?.variables ?? {}),
    executionId: e.executionId ?? null,
    status: e.status,
    result: e.result,
    ...timings(e.execution),
    failedSteps: stepSummary(e.failedSteps),
    ...(e.message ? { message: e.message } : {}),
  };
}

const HEADLINE: Record<Result, string> = {
  success: '✅ QFlow workflow succeeded',
  failure: '❌ QFlow workflow failed',
  timed_out: '⏱️ Gave up waiting for the QFlow workflow',
  cancelled: '🛑 Stopped waiting for the QFlow workflow',
  started: '🚀 QFlow workflow started',
  validated: '🔍 QFlow workflow checked, nothing started (dry run)',
};

/** Where the summary goes, when that place holds less than a job summary (a pull-request comment). */
export interface SummaryFit {
  /** The most bytes the Markdown may take. */
  maxBytes: number;
  /** Where the rows left out can be read, for the line that says how many were. */
  restIn: string;
}

const JOB_SUMMARY: SummaryFit = { maxBytes: MAX_SUMMARY_BYTES, restIn: 'the result file' };

/** The job summary as Markdown: one execution's details and steps, or a fan-out's table of executions. */
export function summaryMarkdown(report: RunReport, fit: SummaryFit = JOB_SUMMARY): string {
  const headline = report.errored ? '❌ The QFlow run failed' : HEADLINE[report.result];
  const lines = [`## ${headline}`, ''];
  if (report.message) lines.push(`> ${mdText(report.message)}`, '');
  if (report.budgetPauseMs) {
    lines.push(
      `> ⚠️ The subscription's API budget ran low, so looks at the execution were up to ${humanDuration(report.budgetPauseMs)} apart, longer than ${report.names.of(Input.MaxPollInterval)}: its end may have been noticed that late.${report.budgetNote ? ` ${mdText(report.budgetNote)}` : ''}`,
      '',
    );
  }
  if (report.fanOut) fanOutSummary(report, lines, fit);
  else oneExecutionSummary(report, report.executions[0], lines, fit);
  return `${lines.join('\n')}\n`;
}

function oneExecutionSummary(report: RunReport, one: ExecutionReport | undefined, lines: string[], fit: SummaryFit): void {
  const { startedAt, endedAt, durationSeconds } = timings(one?.execution);
  const rows: [string, string][] = [
    ['Workflow', mdCode(report.workflowId)],
    ['Execution', one?.executionId ? mdCode(one.executionId) : 'not started'],
    ['Status', mdText(one?.status || '–')],
  ];
  if (startedAt) rows.push(['Started', startedAt]);
  if (endedAt) rows.push(['Ended', endedAt]);
  if (durationSeconds) rows.push(['Duration', humanDuration(Number(durationSeconds) * 1000)]);
  rows.push(['API calls', String(report.apiCalls)]);
  if (report.outputFile) rows.push(['Result file', mdCode(report.outputFile)]);
  // The first row is the table's header: GFM has no table without one, and an empty one shows as a blank bar.
  const [[firstKey, firstValue], ...rest] = rows;
  lines.push(`| ${firstKey} | ${firstValue} |`, '|---|---|', ...rest.map(([k, v]) => `| ${k} | ${v} |`), '');

  const steps = one?.steps ?? [];
  const failed = new Set(one?.failedSteps.map((s) => s.nodeId) ?? []);
  const components = report.definition?.components ?? [];
  const diagram = one?.executionId ? workflowDiagram(components, steps, failed) : undefined;
  if (diagram) lines.push(diagram, '');
  if (report.definitionNote && steps.length) lines.push(`_${mdText(report.definitionNote)}_`, '');
  if (!steps.length) return;
  const names = new Map(components.map((c) => [c.id, c.name]));
  // Failed steps first: they are what the reader came for.
  const ordered = [...steps.filter((s) => failed.has(s.nodeId)), ...steps.filter((s) => !failed.has(s.nodeId))];
  lines.push(`### Steps (${steps.length}${failed.size ? `, ${failed.size} failed` : ''})`, '');
  lines.push('| Step | Node | Type | Status | Started | Duration |', '|---|---|---|---|---|---|');
  const stepRows = ordered.map((step) => {
    const name = names.get(step.nodeId);
    const status = `${failed.has(step.nodeId) ? '❌ ' : ''}${mdText(step.status || '–')}${failed.has(step.nodeId) && step.message ? `: ${mdText(step.message)}` : ''}`;
    const duration = step.startedAt !== undefined && step.endedAt !== undefined ? humanDuration(Math.max(0, step.endedAt - step.startedAt)) : '–';
    return `| ${mdText(name ?? '–')} | ${mdCode(step.nodeId)} | ${mdText(step.nodeType || '–')} | ${status} | ${step.startedAt !== undefined ? iso(step.startedAt) : '–'} | ${duration} |`;
  });
  addRows(lines, stepRows, 'more steps', fit);
}

const RESULT_WORDS: Record<Result, string> = {
  success: 'succeeded',
  failure: 'failed',
  timed_out: 'still running at the timeout',
  cancelled: 'not waited for',
  started: 'started',
  validated: 'checked',
};

const NOT_STARTED = 'did not start or may have started';

function fanOutSummary(report: RunReport, lines: string[], fit: SummaryFit): void {
  // In a fixed order, successes first, so totals of two runs read alike.
  const counts = new Map<string, number>([...Object.values(RESULT_WORDS), NOT_STARTED].map((word) => [word, 0]));
  for (const e of report.executions) {
    const word = !e.executionId && e.result === 'failure' ? NOT_STARTED : RESULT_WORDS[e.result];
    counts.set(word, counts.get(word)! + 1);
  }
  for (const [word, n] of counts) if (n === 0) counts.delete(word);
  lines.push(
    `**${[...counts].map(([word, n]) => `${n} ${word}`).join(', ')}** of ${report.executions.length} executions of workflow ${mdCode(report.workflowId)}; ${report.apiCalls} API calls.`,
    '',
  );
  if (report.outputFile) lines.push(`Result file: ${mdCode(report.outputFile)}`, '');
  // Failures first, then the rest in the order of the matrix: what the reader came for.
  const order = (e: ExecutionReport) => (isFine(e.result) ? 1 : 0);
  const ordered = [...report.executions].sort((a, b) => order(a) - order(b) || a.item - b.item);
  lines.push('| Item | Variables | Execution | Status | Duration | Failed steps |', '|---:|---|---|---|---|---|');
  const rows = ordered.map((e) => {
    const { durationSeconds } = timings(e.execution);
    const variables = Object.entries(maskSecrets(e.request?.variables ?? {}))
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
    const mark = isFine(e.result) ? '' : '❌ ';
    return `| ${mdText(itemName(e.item, e.request))} | ${mdText(variables || '–')} | ${e.executionId ? mdCode(e.executionId) : 'not started'} | ${mark}${mdText(e.status || (e.message ? 'error' : '–'))} | ${durationSeconds ? humanDuration(Number(durationSeconds) * 1000) : '–'} | ${mdText(e.failedSteps.map((s) => s.nodeId).join(', ') || '–')} |`;
  });
  addRows(lines, rows, 'more executions', fit);
}

/** Table rows up to the summary's size and row limits, then a line that says how many were left out and where they are. */
function addRows(lines: string[], rows: string[], what: string, fit: SummaryFit): void {
  let size = Buffer.byteLength(lines.join('\n'));
  let shown = 0;
  for (const row of rows) {
    size += Buffer.byteLength(row) + 1;
    if (shown >= MAX_SUMMARY_STEP_ROWS || size > fit.maxBytes - 1024) break;
    lines.push(row);
    shown++;
  }
  if (shown < rows.length) lines.push('', `${rows.length - shown} ${what} are listed in ${fit.restIn}.`);
}
