/**
 * End-to-end on the gateway the Qualys docs describe: rate-limit and concurrency headers on every
 * answer, limits enforced, a budget shared with other clients of the subscription.
 */
import { describe, expect, it } from '@jest/globals';
import { BUDGET_HEADERS, errors, runAgainst, withSimulator } from '../support/e2e.js';

/** Six earlier runs of about 2 s, so the action plans its looks around the usual end. */
function addHistory(sim: Parameters<Parameters<typeof withSimulator>[1]>[0], workflowId: string) {
  for (let i = 1; i <= 6; i++) {
    sim.addExecution({ workflowId, createdAt: Date.now() - i * 3600_000, durationMs: 1950 + 20 * i, finalStatus: 'Success' });
  }
}

const SLOW_LOG = "Polling less often to spare the subscription's API budget";

describe('the API budget', () => {
  it('sends the documented headers on every QFlow answer, and none on the login', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { 'step-outputs': '*' });
      expect(run.outputs.result).toBe('success');
      const documented = [...BUDGET_HEADERS];
      const [login, ...qflow] = sim.calls;
      expect(login.endpoint).toBe('oidc');
      for (const name of documented) expect(login.answerHeaders[name]).toBeUndefined();
      expect(qflow.length).toBeGreaterThan(4);
      for (const call of qflow) expect(Object.keys(call.answerHeaders)).toEqual(expect.arrayContaining(documented));
      // A rolling count of this subscription's calls: the last answer says what the others spent.
      expect(qflow[qflow.length - 1].answerHeaders['X-RateLimit-Remaining']).toBe(String(300 - qflow.length));
    }));

  it('finishes on time after a throttled answer, when the answers after it carry no rate-limit headers', () =>
    withSimulator({ rateLimit: false, concurrencyLimit: false, workflow: { durationMs: 1500 } }, async (sim, workflow) => {
      sim.addFault({
        endpoint: 'list',
        times: 1,
        action: {
          status: 409,
          headers: { 'X-RateLimit-Limit': '300', 'X-RateLimit-Window-Sec': '3600', 'X-RateLimit-Remaining': '0', 'X-RateLimit-ToWait-Sec': '1' },
        },
      });
      const run = await runAgainst(sim, workflow, { 'poll-interval': '200ms', 'max-poll-interval': '1s' });
      expect(run.outputs.result).toBe('success');
      const [throttled, next] = sim.callsTo('list');
      expect(throttled.status).toBe(409);
      expect(next.at - throttled.at).toBeGreaterThanOrEqual(1000);
      // The call held back counts among those made, and is said apart.
      expect(run.stdout).toMatch(/Made \d+ QFlow API calls \(1 of them held back by the gateway's limits\)\./);
      // Noticed within max-poll-interval of the end and the throttled call's spread (at most one window
      // pace, 3600 s / 300 = 12 s), not after the hour that `Remaining: 0` would have meant.
      expect(run.exitedAt - (sim.executions[0].createdAt + 1500)).toBeLessThan(2500 + 12_000);
      expect(run.stdout).not.toContain(SLOW_LOG);
    }));

  it('when the budget is spent until past the timeout, says so, not that the timeout was reached, and promises no wait it will not make', () =>
    withSimulator({ rateLimit: { limit: 10, windowSec: 600 }, workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      // Another client spent all but the run call just now: the look finds the budget spent for 10 minutes.
      sim.spend(9, { overMs: 1000 });
      const run = await runAgainst(sim, workflow, { 'poll-interval': '200ms', 'max-poll-interval': '1s', timeout: '8s' });
      expect(run.outputs.result).toBe('timed_out');
      const message = errors(run)[0];
      expect(message).toMatch(
        /^Stopped waiting after \d+(ms|s), before the 8s 'timeout': the subscription's API budget \(10 calls per 10m\) is spent, and the gateway asked for no calls for \d+m/,
      );
      expect(message).toContain(`run with 'execution-id: ${run.outputs['execution-id']}'`);
      expect(run.summary).toContain("the subscription's API budget (10 calls per 10m) is spent");
      // Nothing says it waits for what it will not wait for.
      expect(run.stdout).not.toMatch(/^(?!::debug::).*waiting \d+m.* as the gateway asked/m);
    }));

  it('makes the same looks with a healthy budget as on a gateway that sends no headers', () =>
    withSimulator({ workflow: { durationMs: 2000 } }, async (sim, workflow) => {
      addHistory(sim, workflow.id);
      const withHeaders = await runAgainst(sim, workflow, { 'poll-interval': '200ms', 'max-poll-interval': '1s' });
      const looksWithHeaders = sim.callsTo('list').length;
      await withSimulator({ rateLimit: false, concurrencyLimit: false, workflow: { durationMs: 2000 } }, async (bare, bareWorkflow) => {
        addHistory(bare, bareWorkflow.id);
        const without = await runAgainst(bare, bareWorkflow, { 'poll-interval': '200ms', 'max-poll-interval': '1s' });
        expect(without.outputs.result).toBe('success');
        // The jitter and the machine's timing may move one look across the end.
        expect(Math.abs(bare.callsTo('list').length - looksWithHeaders)).toBeLessThanOrEqual(1);
      });
      expect(withHeaders.outputs.result).toBe('success');
      expect(withHeaders.stdout).not.toContain(SLOW_LOG);
    }));

  it('stretches the pauses when the budget is low, says why in one log line and in the summary, and is not throttled', () =>
    withSimulator({ rateLimit: { limit: 30, windowSec: 60 }, workflow: { durationMs: 3000 } }, async (sim, workflow) => {
      // Another client spent 26 of the 30 calls over the last minute.
      sim.spend(26, { overMs: 60_000 });
      const run = await runAgainst(sim, workflow, { 'poll-interval': '200ms', 'max-poll-interval': '1s' });
      expect(run.outputs.result).toBe('success');
      const lines = run.stdout.split('\n').filter((l) => l.includes(SLOW_LOG));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/\d+ of 30 calls left in the 1m rate-limit window/);
      const looks = sim.callsTo('list').map((c) => c.at);
      const gaps = looks.slice(1).map((t, i) => t - looks[i]);
      expect(Math.max(...gaps)).toBeGreaterThan(1000);
      expect(run.summary).toContain("The subscription's API budget could not pay for looking that often");
      expect(sim.calls.filter((c) => c.status === 409)).toHaveLength(0);
    }));

  it('fetches the data of 20 steps without an answer blocked for concurrency, with 2 calls allowed at once and 100 ms per answer', () =>
    withSimulator(
      {
        concurrencyLimit: 2,
        latencyMs: 100,
        workflow: { steps: Array.from({ length: 20 }, (_, i) => ({ nodeId: `node-${i}`, nodeType: 'AWS', output: { i } })) },
      },
      async (sim, workflow) => {
        const run = await runAgainst(sim, workflow, { 'step-outputs': '*' });
        expect(run.outputs.result).toBe('success');
        expect(Object.keys(JSON.parse(run.outputs['step-outputs']) as object)).toHaveLength(20);
        expect(sim.callsTo('step-data')).toHaveLength(20);
        expect(sim.calls.filter((c) => c.status === 409)).toHaveLength(0);
      },
    ));
});
