/**
 * Every wait ends by the timeout: with each endpoint held silent in turn (a gateway or a proxy that
 * never answers), the run ends within the `timeout`, whatever `request-timeout` allows one answer.
 */
import { describe, expect, it } from '@jest/globals';
import type { Endpoint } from '../../src/simulator/server.js';
import { withSimulator } from '../support/e2e.js';
import { runEngine } from '../support/engine.js';

const TIMEOUT_MS = 4000;
/** Time to start and conclude the run around its calls (logins, the result file): not a wait. */
const SLACK_MS = 600;

describe('the timeout', () => {
  it.each<[Endpoint, Record<string, string>]>([
    ['oidc', {}],
    // The definition is read before the run when there are variables to check.
    ['workflow', { variables: '{"credentials": "aa70acae-6ea8-3acf-b504-f327855b316a", "region": "us-east-1"}' }],
    ['run', {}],
    ['list', {}],
  ])('ends the run by the timeout when %s never answers', (endpoint, inputs) =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint, times: 100, action: { delayMs: 120_000 } });
      const started = Date.now();
      const { report } = await runEngine(sim, workflow, { ...inputs, timeout: `${TIMEOUT_MS}ms`, 'request-timeout': '3s' });
      const elapsed = Date.now() - started;
      expect(report.result).not.toBe('success');
      expect({ endpoint, elapsed: elapsed <= TIMEOUT_MS + SLACK_MS }).toEqual({ endpoint, elapsed: true });
    }),
  );
});
