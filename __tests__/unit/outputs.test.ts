import { describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Output } from '../../src/names.js';
import { MAX_OUTPUT_BYTES, buildOutputs } from '../../src/report/outputs.js';
import { Redactor } from '../../src/redact.js';
import { report, stepFile } from '../support/report.js';

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
