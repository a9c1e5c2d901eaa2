/** The definition read for the summary (collect.ts readForSummary): made only when the budget has room, and why not said. */
import { describe, expect, it } from '@jest/globals';
import { readForSummary, type Collecting } from '../../src/run/collect.js';
import type { ExecutionReport } from '../../src/run/report.js';
import { ApiBudget } from '../../src/qflow/budget.js';
import { FakeClock, memoryLog } from '../support/fake-clock.js';

function run(remaining: number): { run: Collecting; reads: string[] } {
  const clock = new FakeClock();
  const budget = new ApiBudget(clock);
  budget.record('workflow', { limit: 300, windowSec: 3600, remaining }, 'admitted');
  const reads: string[] = [];
  const client = { getWorkflow: async (id: string) => (reads.push(id), { variables: [], nodes: [] }) };
  return {
    reads,
    run: {
      settings: { workflowId: 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a' },
      host: { log: memoryLog(), clock, redactor: { text: (s: string) => s } },
      client,
      budget,
      deadline: clock.now() + 3_600_000,
    } as unknown as Collecting,
  };
}

const ended = [{ item: 1, executionId: 'e1', result: 'success' } as ExecutionReport];

describe('the definition read for the summary', () => {
  it('is read when the budget has room', async () => {
    const r = run(280);
    const read = await readForSummary(r.run, ended, { outcomes: new Map(), polls: 3 });
    expect(r.reads).toHaveLength(1);
    expect(read.definitionNote).toBeUndefined();
  });

  it('is left out when the rate limit held the looks back, naming that and not the calls left, which may look plenty', async () => {
    const r = run(280);
    const read = await readForSummary(r.run, ended, { outcomes: new Map(), polls: 3, budgetPauseMs: 330_000 });
    expect(r.reads).toHaveLength(0);
    expect(read.definitionNote).toBe(
      "Step names and the picture of the workflow are left out to spare the subscription's API budget, which held the looks up to 5m 30s apart.",
    );
  });

  it('is left out with the calls left named when fewer than half are', async () => {
    const r = run(120);
    const read = await readForSummary(r.run, ended, { outcomes: new Map(), polls: 3 });
    expect(r.reads).toHaveLength(0);
    expect(read.definitionNote).toBe(
      "Step names and the picture of the workflow are left out to spare the subscription's API budget (120 of 300 calls left in the window).",
    );
  });
});
