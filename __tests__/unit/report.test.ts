import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { INPUT_NAMES, Output } from '../../src/names.js';
import type { ExecutionReport, RunReport } from '../../src/run/report.js';
import { MAX_OUTPUT_BYTES, buildOutputs } from '../../src/report/outputs.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { writeResultFile, type StepData } from '../../src/run/results.js';
import { Redactor } from '../../src/redact.js';

async function stepFile(dir: string, nodeId: string, value: unknown): Promise<StepData> {
  const file = path.join(dir, `${nodeId}.json`);
  const text = JSON.stringify(value);
  await writeFile(file, text);
  return { nodeId, file, bytes: Buffer.byteLength(text) };
}

/** Fields of the run and of its one execution, mixed as the tests need them. */
type Overrides = Partial<ExecutionReport> & Partial<Omit<RunReport, 'executions'>>;

/** A run of one execution, as the action reports it. */
function report(overrides: Overrides = {}): RunReport {
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

describe('buildOutputs', () => {
  it('gives timings in ISO 8601 and whole seconds', async () => {
    const { values } = await buildOutputs(report(), new Redactor());
    expect(values.get(Output.StartedAt)).toBe('2026-11-28T10:00:00.000Z');
    expect(values.get(Output.EndedAt)).toBe('2026-11-28T10:01:05.400Z');
    expect(values.get(Output.DurationSeconds)).toBe('65');
    expect(values.get(Output.ApiCalls)).toBe('7');
    expect(JSON.parse(values.get(Output.FailedSteps)!)).toEqual([{ nodeId: 'node-b', nodeType: 'AWS', status: 'Failed' }]);
  });

  it('keys step outputs by node ID', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-report-'));
    const { values } = await buildOutputs(
      report({ stepOutputs: [await stepFile(dir, 'node-a', { ok: true }), await stepFile(dir, 'node-b', [1])] }),
      new Redactor(),
    );
    expect(JSON.parse(values.get(Output.StepOutputs)!)).toEqual({ 'node-a': { ok: true }, 'node-b': [1] });
    expect(values.get(Output.StepInputs)).toBe('{}');
  });

  it('leaves out of an output what would pass 1 MB, with a warning, keeping the rest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-report-'));
    const big = await stepFile(dir, 'node-big', { blob: 'x'.repeat(MAX_OUTPUT_BYTES) });
    const small = await stepFile(dir, 'node-small', { ok: 1 });
    const { values, warnings } = await buildOutputs(report({ stepOutputs: [big, small] }), new Redactor());
    expect(JSON.parse(values.get(Output.StepOutputs)!)).toEqual({ 'node-small': { ok: 1 } });
    expect(Buffer.byteLength(values.get(Output.StepOutputs)!)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(warnings).toEqual([expect.stringContaining("The 'step-outputs' output leaves out node-big")]);
  });

  it('fills an output up to the limit from several mid-sized step outputs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-report-'));
    const parts = await Promise.all([1, 2, 3].map((i) => stepFile(dir, `node-${i}`, 'y'.repeat(400_000))));
    const { values, warnings } = await buildOutputs(report({ stepInputs: parts }), new Redactor());
    expect(Object.keys(JSON.parse(values.get(Output.StepInputs)!) as object)).toEqual(['node-1', 'node-2']);
    expect(warnings[0]).toContain("The 'step-inputs' output leaves out node-3");
  });

  it('finds values under secret-named keys so they can be masked', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-report-'));
    const data = await stepFile(dir, 'node-a', { user: 'bob', password: 'hunter22', nested: { apiKey: 'k-123456' }, credentials: '****' });
    const { secrets } = await buildOutputs(report({ stepOutputs: [data] }), new Redactor());
    expect(secrets.sort()).toEqual(['hunter22', 'k-123456']);
  });
});

describe('summaryMarkdown', () => {
  it('shows the IDs, status, timings and result file, and the failed steps first', () => {
    const md = summaryMarkdown(
      report({
        result: 'failure',
        status: 'Failed',
        outputFile: '/tmp/r.json',
        outputFileChosen: true,
        message: 'QFlow execution ended with status Failed.',
      }),
    );
    expect(md).toContain('## ❌ QFlow workflow failed at node `node-b`');
    expect(md).toContain('| Execution | `6ad5f333-c4ad-4008-b0d3-caab170d130b` |');
    expect(md).toContain('| Duration | 1m 5s |');
    expect(md).toContain('| Result file | `/tmp/r.json` |');
    expect(md).toContain('> QFlow execution ended with status Failed.');
    expect(md).toContain('### Steps (2, 1 failed)');
    expect(md.indexOf('`node-b`')).toBeLessThan(md.indexOf('`node-a`'));
    expect(md).toContain('| `node-b` | AWS | ❌ Failed |');
  });

  it("shows no temp path for a result file left in the runner's temp folder, but where its path is", () => {
    const md = summaryMarkdown(report({ outputFile: '/home/runner/work/_temp/qflow-6ad5f333.json' }));
    expect(md).not.toContain('_temp');
    expect(md).toContain("| Result file | JSON on the runner, at the path in the step's `output-file` output |");
  });

  it('names the failed step by its name in the headline, and draws nodes not known yet as such while the execution runs', () => {
    const definition = {
      components: [
        { id: 'node-a', name: 'Find buckets', type: 'Trigger', next: ['node-b'], previous: [] },
        { id: 'node-b', name: 'Block public access', type: 'AWS', next: [], previous: ['node-a'] },
      ],
      variables: [],
    };
    const failed = summaryMarkdown(report({ result: 'failure', status: 'Failed', definition }));
    expect(failed).toContain('## ❌ QFlow workflow failed at step Block public access');
    expect(failed).toContain('classDef failed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,color:#1f2328');
    const running = summaryMarkdown(report({ result: 'timed_out', status: 'Running', steps: [], failedSteps: [], definition }));
    expect(running).toMatch(/class n1 unknown/);
    expect(running).not.toMatch(/class n1 notrun/);
    expect(running).toContain('yellow dashed: not known yet');
  });

  it('escapes table characters in values', () => {
    const md = summaryMarkdown(report({ steps: [{ nodeId: 'n', nodeType: 'a|b', status: 'x\ny' }], failedSteps: [] }));
    expect(md).toContain('| `n` | a\\|b | x y |');
  });

  it('stays far under the 1 MiB summary limit with thousands of steps', () => {
    const steps = Array.from({ length: 5000 }, (_, i) => ({ nodeId: `node-${i}-${'z'.repeat(200)}`, nodeType: 'AWS', status: 'Success' }));
    const md = summaryMarkdown(report({ steps, failedSteps: [] }));
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('more steps are listed in the result file.');
  });
});

describe('writeResultFile', () => {
  it('writes one JSON document with the step data streamed in', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-result-'));
    const outputs = [await stepFile(dir, 'node-a', { a: [1, 2] }), await stepFile(dir, 'node-b', 'text')];
    const inputs = [await stepFile(dir, 'node-a-in', null)];
    const file = path.join(dir, 'nested', 'result.json');
    await writeResultFile(file, { executionId: 'e', status: 'Success' }, { stepOutputs: outputs, stepInputs: inputs });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      executionId: 'e',
      status: 'Success',
      stepOutputs: { 'node-a': { a: [1, 2] }, 'node-b': 'text' },
      stepInputs: { 'node-a-in': null },
    });
  });

  it('writes empty step data as empty objects', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-result-'));
    const file = path.join(dir, 'r.json');
    await writeResultFile(file, { executionId: 'e' }, { stepOutputs: [], stepInputs: [] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ executionId: 'e', stepOutputs: {}, stepInputs: {} });
  });
});
