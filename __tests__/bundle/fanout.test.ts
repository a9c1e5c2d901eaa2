/**
 * End-to-end: one step that runs the workflow across a matrix of accounts and regions, the bundled
 * action against the simulator.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { cancelWhenWaiting, errors, readResultFile, runAgainst, withSimulator } from '../support/e2e.js';
import { stableOutputs } from '../support/normalize.js';

const CONNECTORS = ['aa70acae-6ea8-3acf-b504-f327855b3161', 'aa70acae-6ea8-3acf-b504-f327855b3162'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1'];
const MATRIX = `credentials: [${CONNECTORS.join(', ')}]\nregion: [${REGIONS.join(', ')}]`;

interface ExecutionRow {
  item: number;
  variables: Record<string, string>;
  executionId: string | null;
  status: string;
  result: string;
  failedSteps: unknown[];
  message?: string;
}
const rows = (outputs: Record<string, string>) => JSON.parse(outputs.executions) as ExecutionRow[];

describe('a fan-out over a matrix', () => {
  it('starts one execution per item, waits for all, and fails when one fails, still collecting the others', () =>
    withSimulator(
      {
        workflow: {
          finalStatusOf: (request) =>
            request.variables?.region === 'ap-south-1' && request.variables?.credentials === CONNECTORS[1] ? 'Failed' : undefined,
        },
      },
      async (sim, workflow) => {
        const run = await runAgainst(
          sim,
          workflow,
          { matrix: MATRIX, variables: 'dryRun: "false"', 'step-outputs': 'node-41b2aa07-notify' },
          { keepTemp: true },
        );
        expect(run.exitCode).toBe(1);
        expect(sim.callsTo('run')).toHaveLength(6);
        expect(sim.executions.map((e) => e.request)).toContainEqual({
          variables: { dryRun: 'false', credentials: CONNECTORS[1], region: 'ap-south-1' },
        });
        expect(run.outputs.result).toBe('failure');
        expect(run.outputs.status).toBe('5 Success, 1 Failed');
        const executions = rows(run.outputs);
        expect(executions.map((e) => e.item)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(executions.map((e) => e.result)).toEqual(['success', 'success', 'success', 'success', 'success', 'failure']);
        // The connector ID is an identifier, not a secret: shown, so two accounts in one region read apart.
        expect(executions[5].variables).toEqual({ dryRun: 'false', credentials: CONNECTORS[1], region: 'ap-south-1' });
        expect(new Set(executions.map((e) => e.executionId))).toEqual(new Set(sim.executions.map((e) => e.id)));
        expect(run.outputs['execution-id'].split(',')).toHaveLength(6);
        const stepOutputs = JSON.parse(run.outputs['step-outputs']) as Record<string, unknown>;
        expect(Object.keys(stepOutputs).sort()).toEqual(sim.executions.map((e) => e.id).sort());
        expect(Object.values(stepOutputs)[0]).toEqual({ 'node-41b2aa07-notify': { sent: true, recipients: 2 } });
        expect(run.summary).toContain('**5 succeeded, 1 failed** of 6 executions');
        // The failed one comes first.
        expect(run.summary.split('\n').find((l) => l.startsWith('| 6 |'))).toContain('❌ Failed');
        expect(run.summary.indexOf('| 6 |')).toBeLessThan(run.summary.indexOf('| 1 |'));
        expect(errors(run)[0]).toMatch(/^1 of 6 executions did not succeed. Item 6: QFlow execution .* ended with status 'Failed'/);
        const result = await readResultFile(run);
        expect((result.executions as unknown[]).length).toBe(6);
        expect(Object.keys(result.stepOutputs as object)).toHaveLength(6);
      },
    ));

  it('marks an item whose run answer was lost as "may have started", sends its POST once, and completes the rest', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { drop: true } });
      const run = await runAgainst(sim, workflow, { matrix: MATRIX, 'max-parallel': '1' });
      expect(sim.callsTo('run')).toHaveLength(6);
      // The lost answer's execution started all the same: the simulator acted before it dropped.
      expect(sim.executions).toHaveLength(6);
      const executions = rows(run.outputs);
      expect(executions[0]).toMatchObject({ item: 1, executionId: null, result: 'failure' });
      expect(executions[0].message).toMatch(/An execution may have started/);
      expect(executions.slice(1).every((e) => e.result === 'success')).toBe(true);
      expect(run.outputs.result).toBe('failure');
      expect(run.summary).toContain('**5 succeeded, 1 did not start or may have started**');
    }));

  it('reports every started execution when the job is cancelled mid-wait', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const cancel = cancelWhenWaiting(sim, 'SIGINT', 'SIGTERM');
      const run = await runAgainst(sim, workflow, { matrix: MATRIX }, { onSpawn: cancel.onSpawn });
      expect(cancel.sinceSignal()).toBeLessThan(2000);
      expect(run.outputs.result).toBe('cancelled');
      const executions = rows(run.outputs);
      expect(executions).toHaveLength(6);
      expect(executions.every((e) => e.result === 'cancelled' && e.status === 'Running' && e.executionId)).toBe(true);
      expect(run.summary).toContain('6 not waited for');
    }));

  it('follows a fan-out larger than a page of the execution list', () =>
    withSimulator({ maxPageSize: 50, workflow: { durationMs: 1500 } }, async (sim, workflow) => {
      const regions = Array.from({ length: 60 }, (_, i) => `region-${i + 1}`);
      const run = await runAgainst(sim, workflow, {
        matrix: JSON.stringify({ region: regions }),
        variables: `credentials: ${CONNECTORS[0]}`,
        'max-parallel': '8',
      });
      expect(run.outputs.result).toBe('success');
      expect(run.outputs.status).toBe('60 Success');
      expect(rows(run.outputs).every((e) => e.result === 'success')).toBe(true);
      // Later looks page through the narrow window.
      expect(sim.callsTo('list').some((c) => c.query.pageNumber === '2' && c.query.order === 'createdAt')).toBe(true);
    }));

  it('reads the first statuses of 50 executions and the recent runs of the workflow in one call', () =>
    withSimulator({ workflow: { durationMs: 1500 } }, async (sim, workflow) => {
      for (let i = 1; i <= 20; i++) {
        sim.addExecution({ workflowId: workflow.id, createdAt: Date.now() - i * 3600_000, durationMs: 1500 + 10 * i, finalStatus: 'Success' });
      }
      const regions = Array.from({ length: 50 }, (_, i) => `region-${i + 1}`);
      const run = await runAgainst(sim, workflow, {
        matrix: JSON.stringify({ region: regions }),
        variables: `credentials: ${CONNECTORS[0]}`,
        'max-parallel': '8',
      });
      expect(run.outputs.result).toBe('success');
      // Newest first, the one page holds the 50 new executions and the 20 runs before them.
      expect(sim.callsTo('list').filter((c) => c.query.order === '-createdAt')).toHaveLength(1);
      expect(sim.callsTo('list')[0].query.pageSize).toBe('100');
      expect(run.stdout).toMatch(/Recent runs of this workflow took about .* from 20 runs/);
    }));

  it('follows every execution of a fan-out on a server that sends smaller pages than asked for', () =>
    withSimulator({ workflow: { durationMs: 1500 }, maxPageSize: 20 }, async (sim, workflow) => {
      const regions = Array.from({ length: 60 }, (_, i) => `region-${i + 1}`);
      const run = await runAgainst(sim, workflow, {
        matrix: JSON.stringify({ region: regions }),
        variables: `credentials: ${CONNECTORS[0]}`,
        'max-parallel': '8',
        timeout: '20s',
      });
      expect(run.outputs.result).toBe('success');
      expect(run.outputs.status).toBe('60 Success');
      expect(sim.callsTo('list').some((c) => c.query.pageSize === '20' && c.query.pageNumber === '3')).toBe(true);
    }));

  it('asks again with the usual page size when the server refuses the larger first page', () =>
    withSimulator({ workflow: { durationMs: 1500 }, maxPageSize: 50, pageSizeOverMax: 'reject' }, async (sim, workflow) => {
      const regions = Array.from({ length: 40 }, (_, i) => `region-${i + 1}`);
      const run = await runAgainst(sim, workflow, {
        matrix: JSON.stringify({ region: regions }),
        variables: `credentials: ${CONNECTORS[0]}`,
        'max-parallel': '8',
        timeout: '20s',
      });
      expect(run.outputs.result).toBe('success');
      const [refused, again] = sim.callsTo('list');
      expect([refused.query.pageSize, refused.status]).toEqual(['100', 400]);
      expect([again.query.pageSize, again.status]).toEqual(['50', 200]);
    }));

  it('rejects a bad item before any call', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { matrix: '- variables: {region: us-east-1}\n- variables: {region: ""}' });
      expect(run.exitCode).toBe(1);
      expect(errors(run)).toEqual([
        'Input \'matrix\' item 2 leaves the variable "region" blank (""). QFlow needs a value for every overridden variable: give one, or leave "region" out to keep the saved value.',
      ]);
      expect(sim.calls).toHaveLength(0);
    }));

  it('gives a run without a matrix exactly the outputs it always had', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, {
        input: 'bucketName: test-bucket-1',
        variables: '{"region":"us-east-1","credentials":"aa70acae-6ea8-3acf-b504-f327855b316a"}',
        'step-outputs': '*',
        'step-inputs': 'node-7c1d9e20-stop-instances',
      });
      const pinned = await readFile(new URL('../fixtures/single-run-outputs.json', import.meta.url), 'utf8');
      expect(
        JSON.stringify(
          stableOutputs(
            run,
            sim.executions.map((e) => e.id),
          ),
          null,
          2,
        ) + '\n',
      ).toBe(pinned);
    }));
});
