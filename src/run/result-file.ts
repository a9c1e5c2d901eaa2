/**
 * The result file: the full result as JSON, step outputs and inputs included, for later steps and
 * for people; where it goes is the front-end's `output-file` or a file in its temp folder.
 */
import { messageOf } from '../errors.js';
import type { Log } from '../log.js';
import type { Redactor } from '../redact.js';
import { defaultResultFile, writeResultFile, type StepData } from './results.js';
import { jsonTimings, stepSummary, type ExecutionReport, type RunReport } from './report.js';

/** Writes the result file; returns its path, or undefined when nothing started or it could not be written. */
export async function writeResult(
  report: RunReport,
  outputFile: string | undefined,
  host: { tempDir: string; redactor: Redactor; log: Log },
): Promise<string | undefined> {
  const ids = report.executions.flatMap((e) => e.executionId ?? []);
  if (ids.length === 0) return undefined;
  const file = outputFile ?? defaultResultFile(host.tempDir, report.fanOut ? `${report.workflowId}-${process.pid}` : ids[0]);
  const tree = (pick: (e: ExecutionReport) => StepData[]) =>
    report.fanOut
      ? Object.fromEntries(report.executions.filter((e) => e.executionId).map((e) => [e.executionId!, pick(e)]))
      : pick(report.executions[0]);
  try {
    await writeResultFile(file, host.redactor.value(resultFields(report)), {
      stepOutputs: tree((e) => e.stepOutputs),
      stepInputs: tree((e) => e.stepInputs),
    });
    return file;
  } catch (error) {
    host.log.warning(`Could not write the result file ${file}: ${messageOf(error)}`);
    return undefined;
  }
}

/** The result without step data: the result file's fields, also for a run that started nothing (a dry run, a refused login). */
export function resultFields(report: RunReport): Record<string, unknown> {
  const one = (e: ExecutionReport) => ({
    executionId: e.executionId,
    status: e.status,
    result: e.result,
    ...jsonTimings(e.execution),
    message: e.message,
  });
  const details = (e: ExecutionReport) => ({
    execution: e.execution?.raw ?? null,
    steps: stepSummary(e.steps),
    failedSteps: stepSummary(e.failedSteps),
  });
  if (!report.fanOut) {
    // The run's result and message are the execution's, as the file has always had them; a run that
    // stopped before its run call (a refused login, a mistake found against the definition) has none.
    const e = report.executions.at(0);
    return {
      workflowId: report.workflowId,
      executionId: e?.executionId,
      status: e?.status ?? '',
      result: report.result,
      ...jsonTimings(e?.execution),
      message: report.message,
      apiCalls: report.apiCalls,
      ...(e ? details(e) : { execution: null, steps: [], failedSteps: [] }),
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
