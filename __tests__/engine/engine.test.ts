/**
 * The engine in-process against the simulator: src/ as it is, without a build, so a change to the
 * engine that is not rebuilt into dist/ is still tested. (The end-to-end tests run the bundle.)
 */
import { describe, expect, it } from '@jest/globals';
import { CLIENT, withSimulator } from '../support/e2e.js';
import { runEngine as run } from '../support/engine.js';
import { summaryMarkdown } from '../../src/report/summary.js';

describe('runQFlow', () => {
  it('starts, waits, collects the steps and step data, and writes the result file', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report, started, resultFile, lines } = await run(sim, workflow, { 'step-outputs': 'node-7c1d9e20-stop-instances' });
      expect(report.result).toBe('success');
      expect(report.executions[0].executionId).toBe(sim.executions[0].id);
      expect(started).toEqual([[sim.executions[0].id]]);
      expect(report.executions[0].steps.map((s) => s.nodeId)).toEqual(workflow.steps.map((s) => s.nodeId));
      expect(resultFile).toMatchObject({
        result: 'success',
        status: 'Success',
        stepOutputs: { 'node-7c1d9e20-stop-instances': workflow.steps[1].output },
      });
      expect(sim.callsTo('run')).toHaveLength(1);
      expect(lines.join('\n')).not.toContain(CLIENT.secret);
    }));

  it('reports a failed execution with its failed steps', () =>
    withSimulator({ workflow: { finalStatus: 'Failed' } }, async (sim, workflow) => {
      const { report } = await run(sim, workflow);
      expect(report.result).toBe('failure');
      // Each failed step by its name (the definition is read for the summary) and its node ID.
      expect(report.message).toMatch(/ended with status 'Failed'; failed steps: "Receive the run request" \(node-e3a84822-workflow-trigger\); "Stop/);
    }));

  it('stops at the timeout and says the execution may still run', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const { report } = await run(sim, workflow, { timeout: '1s' });
      expect(report.result).toBe('timed_out');
      expect(report.message).toMatch(/may still be running in QFlow/);
    }));

  it('returns at once with wait false', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const { report } = await run(sim, workflow, { wait: 'false' });
      expect(report.result).toBe('started');
      expect(sim.callsTo('list')).toHaveLength(0);
    }));

  it('names each item by its label when its execution ends', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report, lines } = await run(sim, workflow, {
        matrix: '[{"label": "prod-us", "variables": {"region": "us-east-1"}}, {"label": "staging-eu", "variables": {"region": "eu-west-1"}}]',
        variables: 'credentials: aa70acae-6ea8-3acf-b504-f327855b316a',
      });
      expect(report.result).toBe('success');
      const [prod, staging] = report.executions.map((e) => e.executionId);
      expect(lines).toEqual(
        expect.arrayContaining([`Item 1 prod-us: execution ${prod} ended: Success.`, `Item 2 staging-eu: execution ${staging} ended: Success.`]),
      );
    }));

  it('fans out over a matrix and waits for every execution with one look at a time', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report, resultFile } = await run(sim, workflow, {
        matrix: '{"region": ["us-east-1", "eu-west-1", "ap-south-1"]}',
        variables: 'credentials: aa70acae-6ea8-3acf-b504-f327855b316a',
      });
      expect(report.result).toBe('success');
      expect(report.executions.map((e) => e.request?.variables?.region)).toEqual(['us-east-1', 'eu-west-1', 'ap-south-1']);
      expect((resultFile?.executions as unknown[]).length).toBe(3);
      expect(sim.callsTo('run')).toHaveLength(3);
    }));

  it('says an execution may have started when cancelled during the run call', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'run', times: 1, action: { delayMs: 2000 } });
      const cancel = new AbortController();
      const timer = setInterval(() => {
        if (sim.callsTo('run').length > 0) {
          clearInterval(timer);
          cancel.abort();
        }
      }, 10);
      const { report } = await run(sim, workflow, {}, cancel);
      expect(report.result).toBe('cancelled');
      expect(report.message).toMatch(/An execution may have started/);
    }));
});

describe('after the wait', () => {
  it('leaves step details unread, said once, rather than hold the job for them when the budget is spent', () =>
    withSimulator({ rateLimit: { limit: 20, windowSec: 3600, per: 'endpoint' } }, async (sim, workflow) => {
      // Other clients have spent all but one of the step lists' calls for the hour.
      sim.spend(19, { endpoint: 'steps' });
      const started = Date.now();
      const { report, lines } = await run(sim, workflow, {
        matrix: '{"credentials": ["aa70acae-6ea8-3acf-b504-f327855b316a"], "region": ["us-east-1", "eu-west-1", "ap-south-1"]}',
      });
      expect(report.result).toBe('success');
      expect(report.executions.map((e) => e.result)).toEqual(['success', 'success', 'success']);
      // Not the hour the gateway asks to wait for the other two.
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(sim.callsTo('steps').filter((c) => c.status === 200)).toHaveLength(1);
      const warnings = lines.filter((l) => l.startsWith('warning: The steps of'));
      expect(warnings).toEqual([
        expect.stringMatching(
          /^warning: The steps of 2 executions could not be read in the time collecting may take after the wait \(the gateway held the calls back/,
        ),
      ]);
    }));

  it('says so in the summary of a single run whose steps could not be read, where the steps would be', () =>
    withSimulator({ rateLimit: { limit: 20, windowSec: 3600, per: 'endpoint' } }, async (sim, workflow) => {
      sim.spend(20, { endpoint: 'steps' });
      const { report, lines } = await run(sim, workflow, {});
      expect(report.result).toBe('success');
      expect(report.executions[0].stepsUnread).toBe(true);
      expect(lines.filter((l) => l.startsWith('warning: The steps of'))).toEqual([
        expect.stringMatching(/^warning: The steps of the execution could not be read .*, so its step data is left out\.$/),
      ]);
      expect(summaryMarkdown(report)).toContain('_The steps could not be read (the log says why), so they and their data are left out._');
    }));
});
