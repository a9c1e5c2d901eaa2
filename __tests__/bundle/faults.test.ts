/**
 * End-to-end under faults: the bundled action against a simulator scripted to fail in the ways a real
 * gateway does.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import { CLIENT, cancelWhenWaiting, errors, runAgainst, withSimulator } from '../support/e2e.js';

describe('reliability', () => {
  it('succeeds through transient faults on every read', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'list', times: 2, action: { status: 503, body: '{"message":"Service Unavailable"}' } });
      sim.addFault({ endpoint: 'steps', times: 1, action: { drop: true } });
      sim.addFault({ endpoint: 'step-data', times: 1, action: { status: 502 } });
      sim.addFault({ endpoint: 'oidc', times: 1, action: { status: 500 } });
      const run = await runAgainst(sim, workflow, { 'step-outputs': '*' });
      expect(errors(run)).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.outputs.result).toBe('success');
      expect(Object.keys(JSON.parse(run.outputs['step-outputs']) as object)).toHaveLength(workflow.steps.length);
      expect(sim.callsTo('run')).toHaveLength(1);
    }));

  it('retries a read whose answer is slower than request-timeout', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'steps', times: 1, action: { delayMs: 3000 } });
      const run = await runAgainst(sim, workflow, { 'request-timeout': '500ms' });
      expect(run.exitCode).toBe(0);
      expect(sim.callsTo('steps').length).toBeGreaterThanOrEqual(2);
    }));

  it('makes the run call exactly once when its answer is lost, and says where to look', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { drop: true } });
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(1);
      expect(sim.callsTo('run')).toHaveLength(1);
      expect(sim.executions).toHaveLength(1);
      expect(errors(run)[0]).toMatch(
        /reached the gateway but its answer was lost.*An execution may have started: before running again, look in QFlow for an execution of workflow .* created between \d{4}-\d\d-\d\dT.*Z and .*Z\. To wait for it, run again with 'execution-id'/,
      );
      expect(run.outputs['execution-id'] ?? '').toBe('');
    }));

  it('makes the run call once when its answer does not come in time', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { delayMs: 3000 } });
      const run = await runAgainst(sim, workflow, { 'request-timeout': '500ms' });
      expect(run.exitCode).toBe(1);
      expect(sim.callsTo('run')).toHaveLength(1);
      expect(errors(run)[0]).toMatch(/no answer within 500ms.*An execution may have started/);
    }));

  it('repeats a throttled run call after waiting as long as the gateway asked', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { status: 429, headers: { 'X-RateLimit-ToWait-Sec': '2' } } });
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(0);
      const [first, second] = sim.callsTo('run');
      // The wait asked for, and at most one window pace (3600 s / 300 calls) more.
      expect(second.at - first.at).toBeGreaterThanOrEqual(2000);
      expect(second.at - first.at).toBeLessThan(2000 + 12_000 + 1000);
      expect(sim.executions).toHaveLength(1);
      // The spread on top is drawn at random up to the window's pace: under a second it is said in ms.
      expect(run.stdout).toMatch(
        /QFlow is throttling API calls: the subscription's API rate limit is reached \(HTTP 429\); waiting 2s as the gateway asked, and \d+(?:ms|s) more/,
      );
    }));

  it('waits out a 409 throttle with Retry-After on a read', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'list', times: 1, action: { status: 409, headers: { 'Retry-After': '1', 'X-RateLimit-Remaining': '0' } } });
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(0);
      const [first, second] = sim.callsTo('list');
      expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
    }));

  it('logs in again when the JWT stops working mid-wait, and repeats the read', () =>
    withSimulator({ tokenCalls: 2, workflow: { durationMs: 2000 } }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(0);
      expect(sim.callsTo('oidc').length).toBeGreaterThanOrEqual(2);
      expect(run.stdout).toContain('The QFlow token was rejected (HTTP 401); logging in again.');
    }));

  it('says a fixed token is invalid or expired on a 401', () =>
    withSimulator({ credentials: { token: 'good' } }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { token: 'stale' });
      expect(run.exitCode).toBe(1);
      expect(errors(run)[0]).toMatch(/Could not run workflow .*: QFlow answered HTTP 401. Input 'token' is invalid or has expired/);
    }));

  it('names the permissions QFlow needs on a 403', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { status: 403, body: '{"message":"Forbidden"}' } });
      const run = await runAgainst(sim, workflow);
      expect(errors(run)[0]).toMatch(/HTTP 403. The Qualys user lacks a permission.*'API Access'.*QFlow says: Forbidden/);
    }));

  it('shows the server message of a 400', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { status: 400, body: '{"message":"Variable credentials must be set"}' } });
      const run = await runAgainst(sim, workflow, { variables: 'region: us-east-1\ncredentials: aa70acae-6ea8-3acf-b504-f327855b316a' });
      expect(run.exitCode).toBe(1);
      expect(sim.callsTo('run')).toHaveLength(1);
      expect(errors(run)[0]).toContain('HTTP 400. QFlow rejected the request as malformed. QFlow says: Variable credentials must be set');
    }));

  it('fails clearly on an answer that is not JSON', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'list', times: 1, action: { malformed: true } });
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(1);
      expect(errors(run)[0]).toMatch(
        /Could not list the executions of workflow .*: QFlow answered HTTP 200 with something that is not JSON: <html>gateway error page<\/html>/,
      );
      expect(run.outputs['execution-id']).toBe(sim.executions[0].id);
    }));

  it('ends the wait at the timeout even while the gateway keeps failing', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      sim.addFault({ endpoint: 'list', times: 1000, action: { status: 503 } });
      const run = await runAgainst(sim, workflow, { timeout: '3s' });
      expect(run.exitCode).toBe(1);
      expect(run.outputs.result).toBe('timed_out');
      expect(run.elapsedMs).toBeLessThan(12_000);
    }));
});

describe('secrets', () => {
  it.each([
    ['an OAuth client', { 'client-id': CLIENT.id, 'client-secret': CLIENT.secret }, CLIENT.secret],
    ['a username and password', { username: 'alice', password: 'alice-Pa55word!' }, 'alice-Pa55word!'],
    ['a token', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJmaXhlZCI6MX0.c2VjcmV0' }, 'eyJhbGciOiJIUzI1NiJ9.eyJmaXhlZCI6MX0.c2VjcmV0'],
  ])('never prints the secret of %s or a JWT, even at debug level', (_name, auth, secret) =>
    withSimulator(
      {
        credentials: {
          clientId: CLIENT.id,
          clientSecret: CLIENT.secret,
          username: 'alice',
          password: 'alice-Pa55word!',
          token: 'eyJhbGciOiJIUzI1NiJ9.eyJmaXhlZCI6MX0.c2VjcmV0',
        },
        tokenCalls: 3,
      },
      async (sim, workflow) => {
        sim.addFault({ endpoint: 'list', times: 1, action: { status: 500, body: '{"message":"boom"}' } });
        const run = await runAgainst(
          sim,
          workflow,
          { ...auth, 'step-outputs': '*', 'step-inputs': '*' },
          { env: { RUNNER_DEBUG: '1' }, keepTemp: true },
        );
        try {
          expect(run.exitCode).toBe(0);
          const issued = sim.calls.map((c) => c.authorization?.replace('Bearer ', '')).filter((t): t is string => !!t);
          const masks = run.stdout
            .split('\n')
            .filter((l) => l.startsWith('::add-mask::'))
            .map((l) => l.slice('::add-mask::'.length));
          for (const token of new Set(issued)) expect(masks).toContain(token);
          const printed = run.stdout
            .split('\n')
            .filter((l) => !l.startsWith('::add-mask::'))
            .join('\n');
          const everything = [printed, run.stderr, JSON.stringify(run.outputs), run.summary, await readFile(run.outputs['output-file'], 'utf8')].join(
            '\n',
          );
          for (const value of [secret, ...issued]) expect(everything).not.toContain(value);
          expect(everything).not.toMatch(/Authorization|clientSecret/i);
          expect(printed).toContain('::debug::');
        } finally {
          await rm(run.runnerTemp, { recursive: true, force: true });
        }
      },
    ),
  );

  it('masks values under secret-named keys of step outputs', () =>
    withSimulator(
      {
        workflow: {
          steps: [
            { nodeId: 'node-vault', nodeType: 'Vault', output: { user: 'svc', password: 'vault-pw-778899', nested: { apiKey: 'key-abcdef' } } },
          ],
        },
      },
      async (sim, workflow) => {
        const run = await runAgainst(sim, workflow, { 'step-outputs': '*' });
        expect(run.stdout).toContain('::add-mask::vault-pw-778899');
        expect(run.stdout).toContain('::add-mask::key-abcdef');
        expect(run.stdout).not.toContain('::add-mask::svc');
      },
    ));
});

describe('large results', () => {
  it('streams a step output of tens of megabytes to the result file and keeps the outputs under 1 MB', () =>
    withSimulator(
      {
        workflow: {
          steps: [
            { nodeId: 'node-big', nodeType: 'AWS', outputBytes: 30 * 1024 * 1024 },
            { nodeId: 'node-small', nodeType: 'Email', output: { sent: true } },
          ],
        },
      },
      async (sim, workflow) => {
        const run = await runAgainst(sim, workflow, { 'step-outputs': '*' }, { keepTemp: true });
        try {
          expect(run.exitCode).toBe(0);
          expect(JSON.parse(run.outputs['step-outputs'])).toEqual({ 'node-small': { sent: true } });
          expect(run.stdout).toContain("::warning::The 'step-outputs' output leaves out node-big");
          const result = JSON.parse(await readFile(run.outputs['output-file'], 'utf8')) as { stepOutputs: Record<string, { blob: string }> };
          expect(result.stepOutputs['node-big'].blob).toHaveLength(30 * 1024 * 1024);
          for (const value of Object.values(run.outputs)) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(1_000_000);
        } finally {
          await rm(run.runnerTemp, { recursive: true, force: true });
        }
      },
    ));
});

describe('cancellation', () => {
  it('ends the wait within two seconds of SIGINT then SIGTERM, with outputs and summary written', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const cancel = cancelWhenWaiting(sim, 'SIGINT', 'SIGTERM');
      const run = await runAgainst(sim, workflow, { 'poll-interval': '2s', 'max-poll-interval': '10s' }, { onSpawn: cancel.onSpawn });
      expect(cancel.sinceSignal()).toBeLessThan(2000);
      expect(run.signal).toBeNull();
      expect(run.outputs).toMatchObject({ result: 'cancelled', 'execution-id': sim.executions[0].id });
      expect(run.summary).toContain('🛑 Stopped waiting');
    }));
});
