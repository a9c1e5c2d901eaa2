/**
 * A job among a fleet larger than the gateway's page: the docs name no largest page, and one that
 * pages by 20 must not starve a job of the workflow's history nor make it page through the fleet at
 * every look (the bundled action against the simulator).
 */
import { describe, expect, it } from '@jest/globals';
import type { QFlowSimulator, SimulatorOptions, SimWorkflow } from '../../src/simulator/server.js';
import { runAgainst, withSimulator } from '../support/e2e.js';

/** Twenty past runs of about a second, an hour apart, and `fleet` other executions started just now that run for a minute. */
function crowd(sim: QFlowSimulator, workflow: SimWorkflow, fleet: number): void {
  for (let i = 1; i <= 20; i++) {
    sim.addExecution({ workflowId: workflow.id, createdAt: Date.now() - i * 3600_000, durationMs: 1000 + 10 * i, finalStatus: 'Success' });
  }
  for (let i = 0; i < fleet; i++) sim.addExecution({ workflowId: workflow.id, createdAt: Date.now() - 1000 + i, durationMs: 60_000 });
}

const SMALL_PAGES: SimulatorOptions & { workflow: Partial<SimWorkflow> } = { maxPageSize: 20, workflow: { durationMs: 1500 } };

describe('a job whose first page is filled with the fleet started beside it', () => {
  it('reads the history once, with the documented query, and then looks from its own execution on', () =>
    withSimulator(SMALL_PAGES, async (sim, workflow) => {
      crowd(sim, workflow, 30);
      const run = await runAgainst(sim, workflow, { timeout: '30s' });
      expect(run.outputs.result).toBe('success');
      expect(run.stdout).toMatch(/Recent runs of this workflow took about 1s .*from 20 runs/);
      const lists = sim.callsTo('list');
      const queried = lists.filter((c) => c.query.query !== undefined);
      expect(queried.map((c) => [c.query.query, c.status])).toEqual([['status: Success', 200]]);
      // Past runs only: created before the oldest execution the first page showed.
      expect(Date.parse(queried[0].query.endAt)).toBeLessThan(Date.now() - 900);
      // Every later look is one page that starts at the execution's own creation.
      const created = sim.executions.find((e) => e.id === run.outputs['execution-id'])!.createdAt;
      const later = lists.slice(lists.indexOf(queried[0]) + 1);
      expect(later.length).toBeGreaterThan(0);
      expect(later.every((c) => Date.parse(c.query.startAt) === created && c.query.pageNumber === '1')).toBe(true);
    }));

  it('reads on past the fleet when the gateway ignores the query', () =>
    withSimulator({ ...SMALL_PAGES, query: 'ignore' }, async (sim, workflow) => {
      // So many that the first read past the first page holds nothing but the fleet.
      crowd(sim, workflow, 50);
      const run = await runAgainst(sim, workflow, { timeout: '30s' });
      expect(run.outputs.result).toBe('success');
      expect(run.stdout).toMatch(/Recent runs of this workflow took about 1s/);
      // The query once, then the next part of the list without it, each before the last one read.
      const reads = sim.callsTo('list').filter((c) => c.query.endAt !== undefined && Date.parse(c.query.endAt) < Date.now() - 900);
      expect(reads.length).toBeGreaterThanOrEqual(2);
      expect(reads[0].query.query).toBe('status: Success');
      expect(reads.slice(1).every((c) => c.query.query === undefined)).toBe(true);
      expect(Date.parse(reads[1].query.endAt)).toBeLessThan(Date.parse(reads[0].query.endAt));
    }));

  it('asks again without the query when the gateway refuses it', () =>
    withSimulator({ ...SMALL_PAGES, query: 'reject' }, async (sim, workflow) => {
      crowd(sim, workflow, 30);
      const run = await runAgainst(sim, workflow, { timeout: '30s' });
      expect(run.outputs.result).toBe('success');
      const queried = sim.callsTo('list').filter((c) => c.query.query !== undefined);
      expect(queried.map((c) => c.status)).toEqual([400]);
      expect(run.stdout).toMatch(/Recent runs of this workflow took about 1s/);
    }));

  it('reads no history apart when the first page holds it', () =>
    withSimulator({ workflow: { durationMs: 1500 } }, async (sim, workflow) => {
      crowd(sim, workflow, 30);
      const run = await runAgainst(sim, workflow, { timeout: '30s' });
      expect(run.outputs.result).toBe('success');
      expect(run.stdout).toMatch(/from 20 runs/);
      expect(sim.callsTo('list').filter((c) => c.query.query !== undefined)).toHaveLength(0);
    }));
});
