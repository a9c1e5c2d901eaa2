import { describe, expect, it } from '@jest/globals';
import { RunOutcomeUnknownError } from '../../src/errors.js';
import { startExecutions, type StartedRun } from '../../src/run/start.js';
import { FakeClock } from '../support/fake-clock.js';

const WF = 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a';
const requests = Array.from({ length: 6 }, (_, i) => ({ variables: { region: `region-${i + 1}` } }));

describe('startExecutions', () => {
  it('keeps at most max-parallel run calls in flight, and reports each execution as soon as its call answers', async () => {
    let running = 0;
    let most = 0;
    const client = {
      runWorkflow: async (_wf: string, body: { variables?: unknown }) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running--;
        return `exec-${(body.variables as { region: string }).region}`;
      },
    };
    const reported: number[] = [];
    const runs = await startExecutions(client, WF, requests, 2, new FakeClock(), Infinity, (run: StartedRun) => reported.push(run.item));
    expect(most).toBe(2);
    expect(reported.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(runs.map((r) => r.executionId)).toEqual(requests.map((r) => `exec-${r.variables.region}`));
  });

  it('marks an item whose answer was lost as "may have started", calls it once, and starts the others', async () => {
    const calls: string[] = [];
    const client = {
      runWorkflow: async (_wf: string, body: { variables?: unknown }) => {
        const region = (body.variables as { region: string }).region;
        calls.push(region);
        if (region === 'region-3') throw new RunOutcomeUnknownError('An execution may have started.');
        return `exec-${region}`;
      },
    };
    const runs: StartedRun[] = await startExecutions(client, WF, requests, 3, new FakeClock(), Infinity, () => undefined);
    expect(calls.filter((c) => c === 'region-3')).toHaveLength(1);
    expect(runs[2]).toMatchObject({ item: 3, error: expect.any(RunOutcomeUnknownError) });
    expect(runs[2].executionId).toBeUndefined();
    expect(runs.filter((r) => r.executionId)).toHaveLength(5);
  });
});
