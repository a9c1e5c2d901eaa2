/**
 * The job summary a reviewer reads: the headline, the timings, the steps and the picture of the
 * workflow, under GitHub's 1 MiB limit. Pure: the front-ends write it.
 */
import { Input, isFine, type Result } from '../names.js';
import { mdCode, mdText } from '../markdown.js';
import { itemName } from '../settings/matrix.js';
import { humanDuration, iso } from '../time.js';
import { maskSecrets } from '../redact.js';
import { legendOf, workflowDiagram } from './diagram.js';
import { timings, type ExecutionReport, type RunReport } from '../run/report.js';

/** GitHub refuses a job summary over 1 MiB; leave room for other steps' summaries too. */
export const MAX_SUMMARY_BYTES = 512 * 1024;
/** Rows of a summary table at most: steps of one execution, or executions of a fan-out. */
const MAX_SUMMARY_STEP_ROWS = 300;

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

/**
 * Where the full result is: the path the user chose, or, for one in the runner's temp folder (gone
 * with the job), where to find its path.
 */
function resultFile(report: RunReport): string {
  if (report.outputFileChosen) return mdCode(report.outputFile!);
  return `JSON on the runner, at the path ${report.names.resultPathIn}`;
}

/**
 * The headline: what became of the workflow, and for one execution that failed, the step that failed
 * first by its name.
 */
function headlineOf(report: RunReport): string {
  if (report.ending === 'no-result' || report.ending === 'bad-input') return '❌ The QFlow run failed';
  const one = report.fanOut ? undefined : report.executions[0];
  const step = one?.result === 'failure' ? one.failedSteps[0] : undefined;
  if (!step) return HEADLINE[report.result];
  const name = report.definition?.components.find((c) => c.id === step.nodeId)?.name;
  return `${HEADLINE.failure} at ${name ? `step ${mdText(name, 100)}` : `node ${mdCode(step.nodeId)}`}`;
}

/** The job summary as Markdown: one execution's details and steps, or a fan-out's table of executions. */
export function summaryMarkdown(report: RunReport, fit: SummaryFit = JOB_SUMMARY): string {
  const lines = [`## ${headlineOf(report)}`, ''];
  if (report.message) lines.push(`> ${mdText(report.message)}`, '');
  if (report.budgetPauseMs) {
    lines.push(
      `> ⚠️ The subscription's API budget could not pay for looking that often, so looks at the execution were up to ${humanDuration(report.budgetPauseMs)} apart, longer than ${report.names.of(Input.MaxPollInterval)}: its end may have been noticed that late.${report.budgetNote ? ` ${mdText(report.budgetNote)}` : ''}`,
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
  if (report.outputFile) rows.push(['Result file', resultFile(report)]);
  // The first row is the table's header: GFM has no table without one, and an empty one shows as a blank bar.
  const [[firstKey, firstValue], ...rest] = rows;
  lines.push(`| ${firstKey} | ${firstValue} |`, '|---|---|', ...rest.map(([k, v]) => `| ${k} | ${v} |`), '');

  const steps = one?.steps ?? [];
  const failed = new Set(one?.failedSteps.map((s) => s.nodeId) ?? []);
  const components = report.definition?.components ?? [];
  const ended = one?.result === 'success' || one?.result === 'failure';
  const diagram = one?.executionId ? workflowDiagram(components, steps, failed, ended) : undefined;
  if (diagram) lines.push(diagram, `_${legendOf(diagram)}_`, '');
  if (report.definitionNote && steps.length) lines.push(`_${mdText(report.definitionNote)}_`, '');
  if (one?.stepsUnread) lines.push('_The steps could not be read (the log says why), so they and their data are left out._', '');
  if (!steps.length) return;
  const names = new Map(components.map((c) => [c.id, c.name]));
  // Failed steps first: they are what the reader came for.
  const ordered = [...steps.filter((s) => failed.has(s.nodeId)), ...steps.filter((s) => !failed.has(s.nodeId))];
  lines.push(`### Steps (${steps.length}${failed.size ? `, ${failed.size} failed` : ''})`, '');
  lines.push('| Step | Node | Type | Status | Started | Duration |', '|---|---|---|---|---|---|');
  const stepRows = ordered.map((step) => {
    const name = names.get(step.nodeId);
    const status = `${failed.has(step.nodeId) ? '❌ ' : ''}${mdText(step.status || '–')}${failed.has(step.nodeId) && step.message ? `: ${mdText(step.message)}` : ''}`;
    // A step of an execution still running at the timeout may change again: no duration for it yet.
    const end = step.endedAt ?? (ended ? step.updatedAt : undefined);
    const duration = step.startedAt !== undefined && end !== undefined ? humanDuration(Math.max(0, end - step.startedAt)) : '–';
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
  if (report.outputFile) lines.push(`Result file: ${resultFile(report)}`, '');
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
