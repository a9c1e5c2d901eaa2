/**
 * The GitLab CI example, run by gitlab-ci-local in the shell against the simulator with the bundled
 * command: the first job runs the workflow and passes QFLOW_EXECUTION_ID on through a dotenv report,
 * the second sees it; a scheduled pipeline runs the nightly matrix.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLIENT, withSimulator } from '../support/e2e.js';
import { sampleWorkflow } from '../../src/simulator/server.js';

/** The compliance check the example's second job runs. */
const COMPLIANCE = '0ffaf046-768b-79fc-83f6-aa25be52c2a1';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(root, 'dist/cli/index.js');
const GITLAB_CI_LOCAL = path.join(root, 'node_modules/.bin/gitlab-ci-local');

async function gitlabPipeline(
  variables: Record<string, string>,
  example = '.gitlab-ci.yml',
  files: Record<string, string> = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ output: string; code: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-gitlab-'));
  try {
    await copyFile(path.join(root, 'examples/other-ci', example), path.join(dir, '.gitlab-ci.yml'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    const git = (...args: string[]) => run('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: dir });
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-qm', 'pipeline');
    const args = ['--force-shell-executor', ...Object.entries(variables).flatMap(([name, value]) => ['--variable', `${name}=${value}`])];
    try {
      const { stdout, stderr } = await run(GITLAB_CI_LOCAL, args, { cwd: dir, timeout: 120_000, env: { ...env, FORCE_COLOR: '0' } });
      return { output: stdout + stderr, code: 0 };
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; code?: number };
      return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, code: failed.code ?? 1 };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The project's CI/CD variables: the command's bundle, the simulator's URL and the OAuth client. */
function projectVariables(gatewayUrl: string): Record<string, string> {
  return {
    QFLOW_RUN: `${process.execPath} ${CLI}`,
    // The bundle stands for the installed command: nothing to install.
    QFLOW_INSTALL: 'true',
    QFLOW_GATEWAY_URL: gatewayUrl,
    QUALYS_CLIENT_ID: CLIENT.id,
    QUALYS_CLIENT_SECRET: CLIENT.secret,
    QFLOW_POLL_INTERVAL: '200ms',
  };
}

describe('the GitLab CI example', () => {
  it('runs the workflow in one job, hands QFLOW_OUT_EXECUTION_ID on through a dotenv report, and a second qflow-run job starts its own execution', () =>
    withSimulator({ workflows: [sampleWorkflow({ id: COMPLIANCE, durationMs: 500 })] }, async (sim) => {
      const pipeline = await gitlabPipeline(projectVariables(sim.url));
      expect(pipeline.code).toBe(0);
      expect(pipeline.output).toMatch(/PASS\s+remediate/);
      expect(pipeline.output).toMatch(/PASS\s+verify/);
      expect(pipeline.output).toMatch(/PASS\s+report/);
      expect(sim.executions.map((e) => e.workflowId)).toEqual([sampleWorkflow().id, COMPLIANCE]);
      expect(sim.callsTo('run')).toHaveLength(2);
      expect(pipeline.output).toContain(`QFlow execution ${sim.executions[0].id} ended Success (success)`);
      expect(sim.executions[0].request).toEqual({ variables: { credentials: 'aa70acae-6ea8-3acf-b504-f327855b316a', region: 'us-east-1' } });
      expect(pipeline.output).not.toContain(CLIENT.secret);
    }));

  it('starts in one job and waits in a later one that names the execution', () =>
    withSimulator({}, async (sim) => {
      const pipeline = await gitlabPipeline(projectVariables(sim.url), 'start-and-wait.gitlab-ci.yml');
      expect(pipeline.code).toBe(0);
      for (const job of ['start', 'deploy', 'wait']) expect(pipeline.output).toMatch(new RegExp(`PASS\\s+${job}`));
      expect(sim.executions).toHaveLength(1);
      expect(pipeline.output).toContain(`deploying while QFlow execution ${sim.executions[0].id} runs`);
      expect(pipeline.output).toMatch(new RegExp(`Waiting for execution ${sim.executions[0].id}|Wait for execution ${sim.executions[0].id}`));
    }));

  it('runs the qflow-run component with its inputs, the job handing QFLOW_OUT_EXECUTION_ID on to the deployment', () =>
    withSimulator({}, async (sim) => {
      // The only change to the example: its command stands for the installed qflow-run. The component's own
      // install line runs, with an npm on the PATH that notes what it was asked and installs nothing.
      const example = await readFile(path.join(root, 'examples/other-ci/component.gitlab-ci.yml'), 'utf8');
      const local = example.replace(
        '      args: --variables @qflow-variables.yml',
        `      args: --variables @qflow-variables.yml\n      command: ${process.execPath} ${CLI}`,
      );
      const bin = await mkdtemp(path.join(os.tmpdir(), 'qflow-npm-'));
      const asked = path.join(bin, 'asked');
      await writeFile(path.join(bin, 'npm'), `#!/bin/sh\necho "$@" >> '${asked}'\n`, { mode: 0o755 });
      // The component reads the OAuth client from QFLOW_CLIENT_ID and QFLOW_CLIENT_SECRET, masked variables of the project.
      const variables = { ...projectVariables(sim.url), QFLOW_CLIENT_ID: CLIENT.id, QFLOW_CLIENT_SECRET: CLIENT.secret };
      const pipeline = await gitlabPipeline(
        variables,
        'component.gitlab-ci.yml',
        {
          '.gitlab-ci.yml': local,
          'templates/qflow-run.yml': await readFile(path.join(root, 'templates/qflow-run.yml'), 'utf8'),
          'qflow-variables.yml': 'credentials: aa70acae-6ea8-3acf-b504-f327855b316a\nregion: us-east-1\n',
        },
        { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      );
      expect(await readFile(asked, 'utf8')).toBe('install --global --no-audit --no-fund qflow-run@1.0.0\n');
      await rm(bin, { recursive: true, force: true });
      expect(pipeline.code).toBe(0);
      expect(pipeline.output).toMatch(/PASS\s+qflow-run/);
      expect(pipeline.output).toMatch(/PASS\s+deploy/);
      expect(pipeline.output).toContain(`Deploying after QFlow execution ${sim.executions[0].id} (success)`);
      expect(sim.executions[0].request).toEqual({ variables: { credentials: 'aa70acae-6ea8-3acf-b504-f327855b316a', region: 'us-east-1' } });
    }));

  it('runs the nightly matrix on a scheduled pipeline', () =>
    withSimulator({}, async (sim) => {
      const pipeline = await gitlabPipeline({ ...projectVariables(sim.url), CI_PIPELINE_SOURCE: 'schedule' });
      expect(pipeline.code).toBe(0);
      expect(pipeline.output).toMatch(/PASS\s+nightly-remediation/);
      expect(sim.executions).toHaveLength(4);
    }));
});
