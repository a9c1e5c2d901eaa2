/** A run's report as the engine makes it, for the tests of what the front-ends publish from one. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { INPUT_NAMES } from '../../src/names.js';
import type { ExecutionReport, RunReport } from '../../src/run/report.js';
import type { StepData } from '../../src/run/results.js';

export async function stepFile(dir: string, nodeId: string, value: unknown): Promise<StepData> {
  const file = path.join(dir, `${nodeId}.json`);
  const text = JSON.stringify(value);
  await writeFile(file, text);
  return { nodeId, file, bytes: Buffer.byteLength(text) };
}

/** Fields of the run and of its one execution, mixed as the tests need them. */
export type Overrides = Partial<ExecutionReport> & Partial<Omit<RunReport, 'executions'>>;

/** A run of one execution, as the action reports it. */
export function report(overrides: Overrides = {}): RunReport {
  const { outputFile, outputFileChosen, message, apiCalls, fanOut, workflowId, ending, budgetPauseMs, definition, ...fields } = overrides;
  const execution: ExecutionReport = {
    item: 1,
    executionId: '6ad5f333-c4ad-4008-b0d3-caab170d130b',
    result: 'success',
    status: 'Success',
    execution: {
      id: '6ad5f333-c4ad-4008-b0d3-caab170d130b',
      status: 'Success',
      startDate: Date.parse('2026-11-28T10:00:00Z'),
      endDate: Date.parse('2026-11-28T10:01:05.400Z'),
      raw: { id: '6ad5f333-c4ad-4008-b0d3-caab170d130b', status: 'Success' },
    },
    steps: [
      { nodeId: 'node-a', nodeType: 'Trigger', status: 'Success' },
      { nodeId: 'node-b', nodeType: 'AWS', status: 'Failed' },
    ],
    failedSteps: [{ nodeId: 'node-b', nodeType: 'AWS', status: 'Failed' }],
    stepOutputs: [],
    stepInputs: [],
    ...fields,
  };
  return {
    workflowId: workflowId ?? 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a',
    names: INPUT_NAMES,
    fanOut: fanOut ?? false,
    executions: [execution],
    result: execution.result,
    apiCalls: apiCalls ?? 7,
    outputFile,
    outputFileChosen,
    definition,
    message,
    ending: ending ?? (execution.result === 'failure' ? 'failed' : execution.result === 'timed_out' ? 'timed-out' : 'succeeded'),
    budgetPauseMs,
  };
}
