/**
 * The step outputs a run leaves for later steps, each under GitHub's 1 MB limit. Pure: the front-ends
 * write them.
 */
import { Output } from '../names.js';
import type { StepRecord } from '../qflow/client.js';
import { findSecretValues, maskSecrets, type Redactor } from '../redact.js';
import { readStepData, type StepData } from '../run/results.js';
import { jsonTimings, stepSummary, timings, type ExecutionReport, type RunReport } from '../run/report.js';

/** GitHub refuses a step output over 1 MB; stay a little under it. */
export const MAX_OUTPUT_BYTES = 1_000_000;

export interface BuiltOutputs {
  values: Map<Output, string>;
  /** What did not fit, to be shown as warnings. */
  warnings: string[];
  /** Values found under secret-named keys in step data, to be masked. */
  secrets: string[];
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
    ...jsonTimings(e.execution),
    failedSteps: stepSummary(e.failedSteps),
    ...(e.message ? { message: e.message } : {}),
  };
}
