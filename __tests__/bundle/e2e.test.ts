/**
 * End-to-end: the bundled dist/index.js, run as the runner runs it, against the QFlow simulator.
 */
import { describe, expect, it } from '@jest/globals';
import { CLIENT, cancelWhenWaiting, errors, readResultFile, runAgainst, withSimulator } from '../support/e2e.js';

const EXISTING_WF_FILLER = 230;

describe('the action, run as the runner runs it', () => {
  it('runs a workflow to success and hands its results to later steps', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await runAgainst(
        sim,
        workflow,
        {
          input: 'bucketName: test-bucket-1',
          variables: '{"region":"us-east-1","credentials":"aa70acae-6ea8-3acf-b504-f327855b316a"}',
          'step-outputs': '*',
          'step-inputs': 'node-7c1d9e20-stop-instances',
        },
        { keepTemp: true },
      );
      expect(run.exitCode).toBe(0);
      const id = sim.executions[0].id;
      expect(sim.executions[0].request).toEqual({
        input: { bucketName: 'test-bucket-1' },
        variables: { region: 'us-east-1', credentials: 'aa70acae-6ea8-3acf-b504-f327855b316a' },
      });
      expect(run.outputs).toMatchObject({ 'execution-id': id, status: 'Success', result: 'success', 'failed-steps': '[]' });
      expect(run.outputs['duration-seconds']).toBe('1');
      expect(Date.parse(run.outputs['ended-at']) - Date.parse(run.outputs['started-at'])).toBe(1000);
      expect(JSON.parse(run.outputs.steps)).toEqual(workflow.steps.map((s) => ({ nodeId: s.nodeId, nodeType: s.nodeType, status: 'Success' })));
      expect(JSON.parse(run.outputs['step-outputs'])).toEqual(Object.fromEntries(workflow.steps.map((s) => [s.nodeId, s.output])));
      expect(JSON.parse(run.outputs['step-inputs'])).toEqual({ 'node-7c1d9e20-stop-instances': workflow.steps[1].input });
      expect(JSON.parse(run.outputs.execution)).toMatchObject({ id, status: 'Success', workflow: workflow.id });
      expect(run.summary).toContain('## ✅ QFlow workflow succeeded');
      expect(run.summary).toContain(`| Execution | \`${id}\` |`);
      const result = await readResultFile(run);
      expect(result).toMatchObject({ executionId: id, result: 'success', stepOutputs: JSON.parse(run.outputs['step-outputs']) as unknown });
      expect(run.outputs['output-file']).toBe(`${run.runnerTemp}/qflow-${id}.json`);
      expect(Number(run.outputs['api-calls'])).toBe(sim.calls.filter((c) => c.endpoint !== 'oidc').length);
    }));

  it('sets execution-id before the wait, and fails the step when the execution fails', () =>
    withSimulator(
      { workflow: { finalStatus: 'Failed', steps: [{ nodeId: 'node-1', nodeType: 'AWS', status: 'Failed', output: {} }] } },
      async (sim, workflow) => {
        const run = await runAgainst(sim, workflow);
        expect(run.exitCode).toBe(1);
        expect(run.outputs).toMatchObject({ status: 'Failed', result: 'failure' });
        expect(JSON.parse(run.outputs['failed-steps'])).toEqual([{ nodeId: 'node-1', nodeType: 'AWS', status: 'Failed' }]);
        expect(errors(run)).toEqual([`QFlow execution ${sim.executions[0].id} ended with status 'Failed'; failed step: node-1.`]);
        expect(run.stdout.indexOf('execution-id')).toBeLessThan(0); // outputs go to GITHUB_OUTPUT, not the log
        expect(run.summary).toContain('## ❌ QFlow workflow failed');
      },
    ));

  it('gives up at the timeout and says the execution may still be running', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { timeout: '1500ms' });
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ result: 'timed_out', status: 'Running', 'execution-id': sim.executions[0].id });
      expect(errors(run)[0]).toMatch(/Stopped waiting after 2s \('timeout'\); execution .* may still be running in QFlow/);
      expect(run.summary).toContain('⏱️ Gave up waiting');
      expect(run.elapsedMs).toBeLessThan(8000);
    }));

  it('learns the usual duration from earlier runs and looks less often early on', () =>
    withSimulator({ workflow: { durationMs: 3000 } }, async (sim, workflow) => {
      const looksWithout = await (async () => {
        const run = await runAgainst(sim, workflow, { 'poll-interval': '100ms', 'max-poll-interval': '2s' });
        expect(run.outputs.result).toBe('success');
        return sim.callsTo('list').length;
      })();
      for (let i = 1; i <= 6; i++) {
        sim.addExecution({ workflowId: workflow.id, createdAt: Date.now() - i * 3600_000, durationMs: 2950 + 20 * i, finalStatus: 'Success' });
      }
      const before = sim.callsTo('list').length;
      const run = await runAgainst(sim, workflow, { 'poll-interval': '100ms', 'max-poll-interval': '2s' });
      expect(run.outputs.result).toBe('success');
      expect(run.stdout).toMatch(/Recent runs of this workflow took about 3s \(±\d+ms, from 7 runs\); polling most around then\./);
      const looksWith = sim.callsTo('list').length - before;
      expect(looksWith).toBeLessThan(looksWithout);
    }));

  it('waits through a queued execution that has no start date yet', () =>
    withSimulator({ workflow: { durationMs: 500, startDelayMs: () => 1000 } }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/\] Queued\n/);
      expect(run.outputs.result).toBe('success');
      expect(Date.parse(run.outputs['started-at']) - sim.executions[0].createdAt).toBe(1000);
      expect(run.outputs['duration-seconds']).toBe('1');
    }));

  it('keeps polling while a new execution is not yet listed', () =>
    withSimulator({ listDelayMs: 1200 }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('is not listed yet');
      expect(run.outputs.result).toBe('success');
    }));

  it.each(['offset', 'pageNumber'] as const)('pages through many executions to find an existing one (paging by %s)', (paging) =>
    withSimulator({ paging }, async (sim, workflow) => {
      const now = Date.now();
      const target = sim.addExecution({ workflowId: workflow.id, createdAt: now - 10 * 24 * 3600_000, durationMs: 5000, finalStatus: 'Success' });
      for (let i = 0; i < EXISTING_WF_FILLER; i++) {
        sim.addExecution({ workflowId: workflow.id, createdAt: now - i * 3600_000, durationMs: 1000 });
      }
      const run = await runAgainst(sim, workflow, { 'execution-id': target.id });
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ 'execution-id': target.id, result: 'success' });
      expect(sim.callsTo('run')).toHaveLength(0);
      expect(sim.callsTo('list').map((c) => c.query.pageNumber)).toEqual(['1', '2', '3']);
    }),
  );

  it('reads the execution ID from the API guide answer shape', () =>
    withSimulator({ runAnswer: 'data' }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow);
      expect(run.exitCode).toBe(0);
      expect(run.outputs['execution-id']).toBe(sim.executions[0].id);
    }));

  it('decodes step outputs that a server before 1.18 sends as JSON strings', () =>
    withSimulator({ legacyStepData: true }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { 'step-outputs': 'node-7c1d9e20-stop-instances' });
      expect(JSON.parse(run.outputs['step-outputs'])).toEqual({ 'node-7c1d9e20-stop-instances': workflow.steps[1].output });
    }));

  it.each([
    ['a token', { token: 'fixed-token-abc' }],
    ['a username and password', { username: 'alice', password: 'alice-pw-123' }],
    ['an OAuth client', {}],
  ])('authenticates with %s', (_name, auth) =>
    withSimulator(
      { credentials: { token: 'fixed-token-abc', username: 'alice', password: 'alice-pw-123', clientId: CLIENT.id, clientSecret: CLIENT.secret } },
      async (sim, workflow) => {
        const run = await runAgainst(sim, workflow, auth);
        expect(run.exitCode).toBe(0);
        const logins = sim.calls.filter((c) => c.endpoint === 'auth' || c.endpoint === 'oidc').map((c) => c.endpoint);
        expect(logins).toEqual('token' in auth ? [] : 'username' in auth ? ['auth'] : ['oidc']);
      },
    ),
  );

  it('fails on bad input before any call to QFlow', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { variables: 'region: ""', timeout: 'soon' });
      expect(run.exitCode).toBe(1);
      expect(errors(run)).toEqual([expect.stringMatching(/^Input 'variables' leaves the variable "region" blank/)]);
      expect(sim.calls).toHaveLength(0);
      // A gate that goes on with continue-on-error reads the same result as for any other failure.
      expect(run.outputs.result).toBe('failure');
      expect(run.summary).toMatch(/^## ❌ The QFlow run failed\n\n> Input 'variables' leaves the variable "region" blank/);
    }));

  it('returns at once with wait: false', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { wait: 'false' });
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ result: 'started', 'execution-id': sim.executions[0].id });
      expect(sim.calls.map((c) => c.endpoint)).toEqual(['oidc', 'run']);
      expect(run.summary).toContain('🚀 QFlow workflow started');
    }));

  it('stops within two seconds of SIGINT, with outputs and summary written', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const cancel = cancelWhenWaiting(sim, 'SIGINT');
      const run = await runAgainst(sim, workflow, {}, { onSpawn: cancel.onSpawn });
      expect(cancel.sinceSignal()).toBeLessThan(2000);
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ result: 'cancelled', 'execution-id': sim.executions[0].id, status: 'Running' });
      expect(run.stdout).toMatch(/goes on in QFlow/);
      expect(run.summary).toContain('🛑 Stopped waiting');
    }));
});
