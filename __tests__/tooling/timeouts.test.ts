/**
 * Every example gives the job more time than the wait inside it: a CI that ends the job first kills
 * `qflow-run` (or the action) before it can report its own timeout, and the reader gets a CI error
 * instead of "still running at the timeout" with the execution's ID.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULTS } from '../../src/settings/defaults.js';
import { parseDuration } from '../../src/settings/parse.js';
import { Input } from '../../src/names.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');
const ms = (text: string) => parseDuration('a timeout', text);
/** The wait's own timeout when an example leaves it out. */
const COMMAND_DEFAULT = ms(DEFAULTS[Input.Timeout] ?? '');
/** What each CI gives a job that sets no timeout of its own. */
const GITLAB_DEFAULT = ms('1h');
const AZURE_DEFAULT = ms('60m');
const GITHUB_DEFAULT = ms('360m');

interface Job {
  where: string;
  jobMs: number;
  waitMs: number;
}

/** The wait a qflow-run line asks for: its --timeout, else QFLOW_TIMEOUT, else the default. */
function commandWait(script: string, variables: Record<string, unknown> = {}): number {
  const flag = /--timeout[ =](\S+)/.exec(script)?.[1];
  const variable = variables.QFLOW_TIMEOUT;
  return flag !== undefined ? ms(flag) : typeof variable === 'string' ? ms(variable) : COMMAND_DEFAULT;
}

async function gitlabJobs(file: string): Promise<Job[]> {
  const pipeline = parse(await read(file)) as Record<string, Record<string, unknown>>;
  const jobs: Job[] = [];
  for (const [name, job] of Object.entries(pipeline)) {
    if (name.startsWith('.') || job === null || typeof job !== 'object' || !('script' in job || 'extends' in job)) continue;
    const base = typeof job.extends === 'string' ? pipeline[job.extends] : {};
    const merged: Record<string, unknown> = {
      ...base,
      ...job,
      variables: { ...(pipeline.variables as object), ...(base.variables as object), ...(job.variables as object) },
    };
    const script = ([] as unknown[]).concat(merged.script ?? []).join('\n');
    // A job that only starts the workflow (--wait false), or runs no qflow-run, has no wait to outlast.
    if (!/\$QFLOW_RUN|qflow-run/.test(script) || /--wait false/.test(script)) continue;
    jobs.push({
      where: `${file} ${name}`,
      jobMs: typeof merged.timeout === 'string' ? ms(merged.timeout) : GITLAB_DEFAULT,
      waitMs: commandWait(script, merged.variables as Record<string, unknown>),
    });
  }
  return jobs;
}

describe('the examples give each job more time than its wait', () => {
  it('in GitLab CI, the examples and the component', async () => {
    const jobs = [...(await gitlabJobs('examples/other-ci/.gitlab-ci.yml')), ...(await gitlabJobs('examples/other-ci/start-and-wait.gitlab-ci.yml'))];
    expect(jobs.map((j) => j.where)).toEqual(
      expect.arrayContaining(['examples/other-ci/.gitlab-ci.yml remediate', 'examples/other-ci/.gitlab-ci.yml nightly-remediation']),
    );
    const [spec] = (await read('templates/qflow-run.yml')).split('\n---\n');
    const inputs = (parse(spec) as { spec: { inputs: Record<string, { default?: string }> } }).spec.inputs;
    jobs.push({ where: 'templates/qflow-run.yml', jobMs: ms(inputs['job-timeout'].default!), waitMs: ms(inputs.timeout.default!) });
    for (const job of jobs) expect({ ...job, outlasts: job.jobMs > job.waitMs }).toMatchObject({ where: job.where, outlasts: true });
  });

  it('in Azure Pipelines and Jenkins', async () => {
    const azure = parse(await read('examples/other-ci/azure-pipelines.yml')) as {
      stages: { jobs: { job: string; timeoutInMinutes?: number; steps: { script?: string; env?: Record<string, unknown> }[] }[] }[];
    };
    const jobs: Job[] = [];
    for (const job of azure.stages.flatMap((s) => s.jobs)) {
      for (const step of job.steps.filter((s) => /^\s*qflow-run\b/.test(s.script ?? ''))) {
        const jobMs = job.timeoutInMinutes !== undefined ? job.timeoutInMinutes * 60_000 : AZURE_DEFAULT;
        jobs.push({ where: `azure-pipelines.yml ${job.job}`, jobMs, waitMs: commandWait(step.script!, step.env) });
      }
    }
    const jenkins = await read('examples/other-ci/Jenkinsfile');
    const minutes = Number(/timeout\(time: (\d+), unit: 'MINUTES'\)/.exec(jenkins)?.[1]);
    const line = /script: '([^']*qflow-run[^']*)'/.exec(jenkins)?.[1] ?? '';
    jobs.push({ where: 'Jenkinsfile', jobMs: minutes * 60_000, waitMs: commandWait(line) });
    expect(jobs.map((j) => j.where)).toEqual(['azure-pipelines.yml qflow', 'Jenkinsfile']);
    for (const job of jobs) expect({ ...job, outlasts: job.jobMs > job.waitMs }).toMatchObject({ where: job.where, outlasts: true });
  });

  it('in GitHub Actions, for every step of the action', async () => {
    const files = ['gated-deployment.yml', 'nightly-remediation.yml', 'reusable-qflow.yml', 'start-and-wait.yml', 'step-outputs.yml'];
    const jobs: Job[] = [];
    for (const file of files) {
      const workflow = parse(await read(`examples/${file}`)) as {
        on?: { workflow_call?: { inputs?: Record<string, { default?: string }> } };
        jobs: Record<string, { 'timeout-minutes'?: number; steps?: { uses?: string; with?: Record<string, string> }[] }>;
      };
      for (const [name, job] of Object.entries(workflow.jobs)) {
        for (const step of (job.steps ?? []).filter((s) => s.uses?.includes('qflow-run-action'))) {
          // A reusable workflow's `${{ inputs.timeout }}` waits for its input's default unless a caller says otherwise.
          const given = step.with?.timeout?.replace(
            /^\$\{\{ inputs\.(\S+) \}\}$/,
            (_, input: string) => workflow.on?.workflow_call?.inputs?.[input]?.default ?? '',
          );
          if (step.with?.wait === 'false') continue;
          jobs.push({
            where: `${file} ${name}`,
            jobMs: job['timeout-minutes'] !== undefined ? job['timeout-minutes'] * 60_000 : GITHUB_DEFAULT,
            waitMs: given ? ms(given) : COMMAND_DEFAULT,
          });
        }
      }
    }
    expect(jobs.length).toBeGreaterThanOrEqual(files.length);
    for (const job of jobs) expect({ ...job, outlasts: job.jobMs > job.waitMs }).toMatchObject({ where: job.where, outlasts: true });
  });
});
