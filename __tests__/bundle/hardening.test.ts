/**
 * End-to-end against a gateway that misbehaves as real ones and the proxies in front of them do:
 * everything it says is untrusted, every limit caps the total time, and no secret reaches any sink.
 */
import { describe, expect, it } from '@jest/globals';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import type { ChildProcess } from 'node:child_process';
import type { QFlowSimulator } from '../../src/simulator/server.js';
import { errors, readResultFile, runAgainst, withSimulator } from '../support/e2e.js';

const HOSTILE_ID = '../../../../tmp/qflow-pwned';

describe('an answer field is never used as a path', () => {
  it('fails a run answer whose execution ID is not a UUID as "may have started", writing nothing outside RUNNER_TEMP', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { status: 200, body: JSON.stringify({ message: 'ok', executionId: HOSTILE_ID }) } });
      const before = await readdir(os.tmpdir());
      const run = await runAgainst(sim, workflow, {}, { keepTemp: true });
      try {
        expect(run.exitCode).toBe(1);
        expect(errors(run)[0]).toMatch(/is not the documented one \(an execution ID that is a UUID\).*An execution may have started/);
        expect(run.outputs['execution-id'] ?? '').toBe('');
        expect(run.outputs['output-file'] ?? '').toBe('');
        // No call went out with it in the URL, and no file was written with it in the name.
        expect(sim.calls.some((c) => c.path.includes('..') || c.path.includes('pwned'))).toBe(false);
        expect((await readdir(os.tmpdir())).filter((f) => !before.includes(f) && f.includes('pwned'))).toEqual([]);
        expect(await readdir(run.runnerTemp)).toEqual(expect.not.arrayContaining([expect.stringContaining('pwned')]));
      } finally {
        await rm(run.runnerTemp, { recursive: true, force: true });
      }
    }));

  it('ignores listed executions and steps whose IDs are not of the documented form', () =>
    withSimulator({ workflow: { steps: [{ nodeId: 'node-ok', nodeType: 'AWS', output: { ok: true } }] } }, async (sim, workflow) => {
      // A list page holding a hostile item whose status would be a runner command if printed as it is,
      // and a step list with a hostile node ID beside the real step.
      const hostile = { id: HOSTILE_ID, execution: HOSTILE_ID, status: 'Running\n::error::injected', createdAt: Date.now() };
      sim.addFault({ endpoint: 'list', times: 1, action: { status: 200, body: JSON.stringify({ total: '1', items: [hostile] }) } });
      const steps = [
        { nodeId: '../../x', nodeType: 'AWS', status: 'Failed' },
        { nodeId: 'node-ok', nodeType: 'AWS\n::error::injected', status: 'Success', eventOrder: 1 },
      ];
      sim.addFault({ endpoint: 'steps', times: 1, action: { status: 200, body: JSON.stringify({ total: 2, items: steps }) } });
      const run = await runAgainst(sim, workflow, { 'step-outputs': '*' });
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.outputs.steps)).toEqual([{ nodeId: 'node-ok', nodeType: 'AWS ::error::injected', status: 'Success' }]);
      expect(run.stdout).toContain('1 step of execution');
      expect(run.stdout).not.toMatch(/^::error::injected/m);
      expect(sim.calls.some((c) => c.path.includes('..') || c.path.includes('pwned'))).toBe(false);
    }));
});

describe('no secret in any sink', () => {
  it.each([['https://user:hunter2pass@host:99999'], ['https://user:hunter2pass@ho st.example'], ['https://user:hunter2/pass@gateway.example']])(
    'never quotes the password in a malformed gateway-url %s',
    async (url) => {
      const run = await runAgainstUrl(url);
      expect(run.exitCode).toBe(1);
      expect(errors(run)[0]).toContain("Input 'gateway-url' contains credentials");
      expect(run.stdout + run.stderr).not.toContain('hunter2');
    },
  );
});

describe('every wait has a total bound', () => {
  it('ends at the timeout while every answer trickles in a byte at a time, with outputs and summary written', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      sim.addFault({ endpoint: 'list', times: 1000, action: { trickle: { everyMs: 200 } } });
      const run = await runAgainst(sim, workflow, { timeout: '5s', 'request-timeout': '2s' });
      expect(run.elapsedMs).toBeLessThan(15_000);
      expect(run.outputs.result).toBe('timed_out');
      expect(run.outputs['execution-id']).toBe(sim.executions[0].id);
      expect(run.summary).toContain('Gave up waiting');
    }));

  it('gets a step output that trickled in once on the next try', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'step-data', times: 1, action: { trickle: { everyMs: 100, body: '{"slow":"x' + 'x'.repeat(200) + '"}' } } });
      const run = await runAgainst(sim, workflow, { 'step-outputs': 'node-41b2aa07-notify', 'request-timeout': '500ms' });
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.outputs['step-outputs'])).toEqual({ 'node-41b2aa07-notify': { sent: true, recipients: 2 } });
      expect(sim.callsTo('step-data')).toHaveLength(2);
    }));

  it('does not wait past the timeout when the run call is throttled for longer, and says nothing started', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { status: 429, headers: { 'Retry-After': '120' } } });
      const run = await runAgainst(sim, workflow, { timeout: '3s' });
      expect(run.elapsedMs).toBeLessThan(10_000);
      expect(run.exitCode).toBe(1);
      expect(sim.callsTo('run')).toHaveLength(1);
      expect(sim.executions).toHaveLength(0);
      expect(run.outputs.result).toBe('timed_out');
      expect(errors(run)[0]).toMatch(
        /Could not run workflow .*: the gateway held it back \(the subscription's API rate limit\) and asked to wait 2m, past the timeout\. No execution was started\./,
      );
      expect(run.summary).toContain('Gave up waiting');
    }));
});

describe('step data is data', () => {
  it('keeps a step output that is plain text as text, with a warning naming the step, and the outcome stands', () =>
    withSimulator(
      { workflow: { steps: [{ nodeId: 'node-report', nodeType: 'Script', outputText: "Bob's box: 3 instances stopped\n" }] } },
      async (sim, workflow) => {
        const run = await runAgainst(sim, workflow, { 'step-outputs': '*' }, { keepTemp: true });
        try {
          expect(run.exitCode).toBe(0);
          expect(run.outputs.result).toBe('success');
          expect(run.outputs.status).toBe('Success');
          expect(run.stdout).toContain('::warning::The output of step node-report is not JSON; it is kept as text.');
          expect(JSON.parse(run.outputs['step-outputs'])).toEqual({ 'node-report': "Bob's box: 3 instances stopped\n" });
          const result = await readResultFile(run);
          expect(result.stepOutputs).toEqual({ 'node-report': "Bob's box: 3 instances stopped\n" });
          expect(run.summary).toContain('QFlow workflow succeeded');
        } finally {
          await rm(run.runnerTemp, { recursive: true, force: true });
        }
      },
    ));

  it('keeps the outcome when a step output cannot be had', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'step-data', times: 1, action: { status: 403, body: '{"message":"no READ"}' } });
      const run = await runAgainst(sim, workflow, { 'step-outputs': 'node-41b2aa07-notify' });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.result).toBe('success');
      expect(run.stdout).toMatch(/::warning::The output of step node-41b2aa07-notify is left out: .*HTTP 403/);
    }));
});

describe('paging has no silent cap', () => {
  it('reads every page of a long step list from a server with small pages, so a late failed step is reported', () => {
    const steps = Array.from({ length: 600 }, (_, i) => ({ nodeId: `node-${i}`, nodeType: 'AWS', status: i === 555 ? 'Failed' : 'Success' }));
    return withSimulator({ maxPageSize: 10, workflow: { steps, finalStatus: 'Failed' } }, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow);
      expect(run.outputs.result).toBe('failure');
      expect(JSON.parse(run.outputs['failed-steps'])).toEqual([{ nodeId: 'node-555', nodeType: 'AWS', status: 'Failed' }]);
      expect(JSON.parse(run.outputs.steps)).toHaveLength(600);
      expect(run.summary).toContain('node-555');
    });
  });
});

describe('cancellation', () => {
  it('says an execution may have started when the job is cancelled during the single run call', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { delayMs: 3000 } });
      const run = await runAgainst(sim, workflow, {}, { onSpawn: signalOnceCalled(sim, 'run', 'SIGINT') });
      expect(run.outputs.result).toBe('cancelled');
      expect(errors(run)[0]).toMatch(
        /cancelled while the request to run workflow .* was on its way\. An execution may have started: .*created between/,
      );
      expect(run.summary).toContain('may have started');
    }));
});

describe('inputs', () => {
  it.each([
    ['variables', '{"region": "us-east-1", "credentials": "aa70acae-6ea8-3acf-b504-f327855b316a", "region": "eu-west-1"}'],
    ['input', '{"bucket": {"name": "a", "name": "b"}}'],
    ['matrix', '[{"variables": {"region": "us-east-1"}, "variables": {"region": "eu-west-1"}}]'],
  ])('refuses a key given twice in JSON %s, naming it, before any call', (name, value) =>
    withSimulator({}, async (sim, workflow) => {
      const run = await runAgainst(sim, workflow, { [name]: value });
      expect(run.exitCode).toBe(1);
      expect(errors(run)[0]).toMatch(new RegExp(`Input '${name}' gives the key "(region|name|variables)" twice \\(at line 1, column \\d+\\)`));
      expect(sim.calls).toHaveLength(0);
    }),
  );
});

async function runAgainstUrl(url: string) {
  const { runAction } = await import('../../src/simulator/runner.js');
  return runAction({ 'gateway-url': url, 'workflow-id': 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a', token: 'sim-token' });
}

/** Sends `signal` to the action once the simulator has received a call of `endpoint`. */
function signalOnceCalled(sim: QFlowSimulator, endpoint: 'run', signal: NodeJS.Signals) {
  return (child: ChildProcess) => {
    const timer = setInterval(() => {
      if (sim.callsTo(endpoint).length === 0) return;
      clearInterval(timer);
      child.kill(signal);
    }, 20);
  };
}
