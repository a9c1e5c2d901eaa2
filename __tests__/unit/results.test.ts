import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CancelledError, QFlowApiError } from '../../src/errors.js';
import type { QFlowClient, StepRecord } from '../../src/qflow/client.js';
import { fetchStepData, listAllSteps, MAX_STEPS, selectNodes, writeResultFile } from '../../src/run/results.js';
import { humanDuration } from '../../src/time.js';
import { memoryLog } from '../support/fake-clock.js';
import { report, stepFile } from '../support/report.js';
import { resultFields } from '../../src/run/result-file.js';
import { executionSummary } from '../../src/report/outputs.js';

const step = (nodeId: string, eventOrder?: number): StepRecord => ({ nodeId, nodeType: 'AWS', status: 'Success', eventOrder });

describe('listAllSteps', () => {
  it('reads every page and orders the steps as they ran', async () => {
    const all = Array.from({ length: 150 }, (_, i) => step(`n${i}`, 150 - i));
    const pages: number[] = [];
    const client = {
      listSteps: async (_id: string, pageNumber: number, pageSize: number) => {
        pages.push(pageNumber);
        return { total: all.length, items: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) };
      },
    } as unknown as QFlowClient;
    const steps = await listAllSteps(client, 'e', memoryLog());
    expect(pages).toEqual([1, 2]);
    expect(steps).toHaveLength(150);
    expect(steps[0].nodeId).toBe('n149');
  });

  it('reads on while pages are full even when the server sends no total', async () => {
    const all = Array.from({ length: 120 }, (_, i) => step(`n${i}`));
    const client = {
      listSteps: async (_id: string, pageNumber: number, pageSize: number) => ({
        items: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
      }),
    } as unknown as QFlowClient;
    const steps = await listAllSteps(client, 'e', memoryLog());
    expect(steps.map((s) => s.nodeId)).toEqual(all.map((s) => s.nodeId));
  });

  it('reads every step from a server that sends smaller pages than asked for', async () => {
    const all = Array.from({ length: 130 }, (_, i) => step(`n${i}`, i));
    const asked: [number, number][] = [];
    const client = {
      listSteps: async (_id: string, pageNumber: number, pageSize: number) => {
        asked.push([pageNumber, pageSize]);
        const size = Math.min(pageSize, 40);
        return { total: all.length, items: all.slice((pageNumber - 1) * size, pageNumber * size) };
      },
    } as unknown as QFlowClient;
    expect((await listAllSteps(client, 'e', memoryLog())).map((s) => s.nodeId)).toEqual(all.map((s) => s.nodeId));
    expect(asked).toEqual([
      [1, 100],
      [2, 40],
      [3, 40],
      [4, 40],
    ]);
  });

  it('reads the first MAX_STEPS steps, each once, from a server whose page size does not divide it, and says so', async () => {
    const all = Array.from({ length: MAX_STEPS + 50 }, (_, i) => step(`n${i}`, i));
    const client = {
      listSteps: async (_id: string, pageNumber: number, pageSize: number) => {
        const size = Math.min(pageSize, 30);
        return { total: all.length, items: all.slice((pageNumber - 1) * size, pageNumber * size) };
      },
    } as unknown as QFlowClient;
    const log = memoryLog();
    const steps = await listAllSteps(client, 'e', log);
    expect(steps.map((s) => s.nodeId)).toEqual(all.slice(0, MAX_STEPS).map((s) => s.nodeId));
    expect(log.text('warning')).toBe(
      `Execution e has ${MAX_STEPS + 50} steps; only the first ${MAX_STEPS} are read, so the failed steps and the summary cover those only.`,
    );
  });

  it('stops when the server ignores paging and repeats the first page', async () => {
    const page = Array.from({ length: 100 }, (_, i) => step(`n${i}`, i));
    let calls = 0;
    const client = { listSteps: async () => (calls++, { total: 300, items: page }) } as unknown as QFlowClient;
    expect(await listAllSteps(client, 'e', memoryLog())).toHaveLength(100);
    expect(calls).toBe(2);
  });
});

describe('selectNodes', () => {
  const steps = [step('a'), step('b')];
  it('picks every step for *', () => {
    expect(selectNodes('all', steps, "'step-outputs'", memoryLog())).toEqual(['a', 'b']);
  });
  it('warns about a node the execution has no step for, and leaves it out', () => {
    const log = memoryLog();
    expect(selectNodes(['b', 'zzz'], steps, "'step-outputs'", log)).toEqual(['b']);
    expect(log.text('warning')).toContain("'step-outputs' names the step zzz, which this execution does not have");
  });
});

describe('fetchStepData', () => {
  it('fetches at most four at once, keeps the order asked, and leaves out a step without data', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-fetch-'));
    let running = 0;
    let most = 0;
    const client = {
      downloadStepData: async (_e: string, nodeId: string, _k: string, file: string) => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
        if (nodeId === 'n3') throw new QFlowApiError('Step n3 has no output.', 404);
        await writeFile(file, JSON.stringify({ nodeId }));
        return { bytes: 10, asText: false };
      },
    } as unknown as QFlowClient;
    const log = memoryLog();
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const data = await fetchStepData(client, 'e', ids, 'output', dir, log);
    expect(most).toBe(4);
    expect(data.map((d) => d.nodeId)).toEqual(ids.filter((id) => id !== 'n3'));
    expect(JSON.parse(await readFile(data[0].file, 'utf8'))).toEqual({ nodeId: 'n0' });
    expect(log.text('warning')).toBe('The output of step n3 is left out: Step n3 has no output.');
  });

  it('leaves out step data it cannot have, naming the step, and fetches the rest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-fetch-'));
    const client = {
      downloadStepData: async (_e: string, nodeId: string, _k: string, file: string) => {
        if (nodeId === 'a') throw new QFlowApiError('denied', 403);
        await writeFile(file, '1');
        return { bytes: 1, asText: false };
      },
    } as unknown as QFlowClient;
    const log = memoryLog();
    expect((await fetchStepData(client, 'e', ['a', 'b'], 'input', dir, log)).map((d) => d.nodeId)).toEqual(['b']);
    expect(log.text('warning')).toBe('The input of step a is left out: denied');
  });

  it('stops at a cancellation', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-fetch-'));
    const client = { downloadStepData: async () => Promise.reject(new CancelledError()) } as unknown as QFlowClient;
    await expect(fetchStepData(client, 'e', ['a'], 'input', dir, memoryLog())).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('humanDuration', () => {
  it.each([
    [350, '350ms'],
    [42_000, '42s'],
    [65_400, '1m 5s'],
    [3_600_000, '1h'],
    [3_725_000, '1h 2m 5s'],
  ])('shows %i ms as %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
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

describe('the result as a JSON document', () => {
  it('gives a duration as a number and what is not known as null, for a later step to read without checking for ""', () => {
    const fields = resultFields(report());
    expect(fields).toMatchObject({ startedAt: '2026-11-28T10:00:00.000Z', durationSeconds: 65 });
    expect(typeof fields.durationSeconds).toBe('number');
    const notEnded = report({ result: 'timed_out', status: 'Running', execution: { id: 'e', status: 'Running', raw: {} } });
    expect(resultFields(notEnded)).toMatchObject({ startedAt: null, endedAt: null, durationSeconds: null });
    expect(executionSummary(report().executions[0])).toMatchObject({ durationSeconds: 65, endedAt: '2026-11-28T10:01:05.400Z' });
  });
});
