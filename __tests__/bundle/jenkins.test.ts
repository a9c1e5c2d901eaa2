/**
 * The Jenkinsfile example as Jenkins reads what the command leaves: its `sh(returnStatus: true, …)`
 * line run in a shell with the bundled command, the exit code put through the Jenkinsfile's own
 * mapping (0 SUCCESS, 3 UNSTABLE, any other FAILURE), the execution ID taken from the dotenv file by
 * the Jenkinsfile's own `startsWith(…)?.substring(n)`, and the files `archiveArtifacts` names.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLIENT, withSimulator } from '../support/e2e.js';
import { failingSampleWorkflow, sampleWorkflow, type QFlowSimulator } from '../../src/simulator/server.js';

const root = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(root, 'dist/cli/index.js');
const run = promisify(execFile);

/** What the Jenkinsfile does with the command, read out of it. */
interface JenkinsUse {
  env: Record<string, string>;
  script: string;
  /** The dotenv line's start and where the value begins in it, as the Groovy expression reads them. */
  dotenvFile: string;
  prefix: string;
  offset: number;
  artifacts: string[];
}

async function jenkinsUse(): Promise<JenkinsUse> {
  const text = await readFile(path.join(root, 'examples/other-ci/Jenkinsfile'), 'utf8');
  const script = /def code = sh\(returnStatus: true, script: '([^']*)'\)/.exec(text)?.[1];
  const dotenv = /readFile\('([^']+)'\)\.readLines\(\)\.find \{ it\.startsWith\('([^']+)'\) \}\?\.substring\((\d+)\)/.exec(text);
  const artifacts = /archiveArtifacts artifacts: '([^']+)'/.exec(text)?.[1];
  // The mapping the next assertions rely on, as written.
  expect(text).toContain("if (code == 3) unstable('");
  expect(text).toContain('else if (code != 0) error(');
  if (!script || !dotenv || !artifacts) throw new Error('The Jenkinsfile no longer has the shape this test reads.');
  return {
    env: Object.fromEntries([...text.matchAll(/^\s*(QFLOW_\w+) = '([^']*)'/gm)].map((m) => [m[1], m[2]])),
    script,
    dotenvFile: dotenv[1],
    prefix: dotenv[2],
    offset: Number(dotenv[3]),
    artifacts: artifacts.split(',').map((a) => a.trim()),
  };
}

/** The build result the Jenkinsfile's mapping gives an exit code. */
function buildResult(code: number): 'SUCCESS' | 'UNSTABLE' | 'FAILURE' {
  return code === 0 ? 'SUCCESS' : code === 3 ? 'UNSTABLE' : 'FAILURE';
}

/** Runs the Jenkinsfile's command line in a workspace, then reads what Jenkins reads. */
async function build(sim: QFlowSimulator, workflowId: string, change: (script: string) => string = (s) => s) {
  const use = await jenkinsUse();
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'qflow-jenkins-'));
  try {
    const script = change(use.script).replace(/^\.qflow\/node_modules\/\.bin\/qflow-run\b/, `"${process.execPath}" "${CLI}"`);
    let code = 0;
    try {
      await run('/bin/sh', ['-c', script], {
        cwd: workspace,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: workspace,
          ...use.env,
          QFLOW_WORKFLOW_ID: workflowId,
          QFLOW_CLIENT_ID: CLIENT.id,
          QFLOW_CLIENT_SECRET: CLIENT.secret,
          // The only changes to the example: its gateway is the simulator, and it looks often.
          QFLOW_GATEWAY_URL: sim.url,
          QFLOW_POLL_INTERVAL: '200ms',
          QFLOW_MAX_POLL_INTERVAL: '500ms',
        },
      });
    } catch (error) {
      code = (error as { code?: number }).code ?? -1;
    }
    const dotenv = await readFile(path.join(workspace, use.dotenvFile), 'utf8');
    // readLines().find { it.startsWith(prefix) }?.substring(offset) ?: ''
    const line = dotenv.split(/\r?\n/).find((l) => l.startsWith(use.prefix));
    const executionId = line === undefined ? '' : line.substring(use.offset);
    const archived = await Promise.all(
      use.artifacts.map((file) =>
        access(path.join(workspace, file)).then(
          () => file,
          () => `${file} (missing)`,
        ),
      ),
    );
    return { code, result: buildResult(code), executionId, archived, summary: await readFile(path.join(workspace, 'qflow.md'), 'utf8') };
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

const ID = /^[0-9a-f-]{36}$/;

describe('the Jenkinsfile example, read the way Jenkins reads it', () => {
  it('succeeds, hands the Deploy stage the execution ID from the dotenv file, and archives the summary and the dotenv', () =>
    withSimulator({ workflows: [sampleWorkflow({ durationMs: 300 })] }, async (sim) => {
      const done = await build(sim, sampleWorkflow().id);
      expect(done).toMatchObject({ code: 0, result: 'SUCCESS', archived: ['qflow.md', 'qflow.env'] });
      expect(done.executionId).toMatch(ID);
      expect(sim.executions.map((e) => e.id)).toContain(done.executionId);
    }));

  it('marks the build UNSTABLE, not FAILURE, when the workflow is still running at the timeout, and still hands on its ID', () =>
    withSimulator({ workflows: [sampleWorkflow({ durationMs: 60_000 })] }, async (sim) => {
      const done = await build(sim, sampleWorkflow().id, (script) => script.replace(/--timeout \S+/, '--timeout 2s'));
      expect(done).toMatchObject({ code: 3, result: 'UNSTABLE', archived: ['qflow.md', 'qflow.env'] });
      expect(done.executionId).toMatch(ID);
    }));

  it('fails the build when the workflow failed, with the failed step in the archived summary', () =>
    withSimulator({ workflows: [failingSampleWorkflow({ durationMs: 300 })] }, async (sim) => {
      const done = await build(sim, failingSampleWorkflow().id);
      expect(done).toMatchObject({ code: 1, result: 'FAILURE', archived: ['qflow.md', 'qflow.env'] });
      expect(done.summary).toContain('failed at step Stop the exposed instances');
    }));
});
