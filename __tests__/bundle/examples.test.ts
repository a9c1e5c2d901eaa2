/**
 * Every example runs as written against the simulator's documented default (the six system variables
 * of an AWS workflow, the documented answer shapes): each `with:` of the action in the README and in
 * examples/*.yml through the engine as the action reads it, and each `qflow-run` command line of the
 * README, the Jenkinsfile and the Azure pipeline through the bundled command in a shell. The GitLab
 * pipelines run whole under gitlab-ci-local (other-ci.test.ts). Only what a runner would fill in is
 * filled in: secrets, `${{ inputs.* }}` as the caller passes them, an earlier job's execution ID.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { Input } from '../../src/names.js';
import { sampleWorkflow, type QFlowSimulator } from '../../src/simulator/server.js';
import { CLIENT, withSimulator } from '../support/e2e.js';
import { runEngine } from '../support/engine.js';

const root = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(root, 'dist/cli/index.js');
const JWT = 'examples-jwt';
/** The workflows the examples name, each served as the documented default. */
const WORKFLOWS = ['f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a', '0ffaf046-768b-79fc-83f6-aa25be52c2a1'];
/** What a caller passes for required inputs without a default (the reusable workflow's own comment names this workflow). */
const CALLER_INPUTS: Record<string, string> = { 'workflow-id': WORKFLOWS[0], 'instance-id': 'i-0663d3f3e572608d5' };
/** Inputs only the action's GitHub side reads (the pull-request comment): the engine has nothing to do with them. */
const GITHUB_SIDE = new Set<string>([Input.CommentOnPr, Input.GithubToken]);

interface Example {
  where: string;
  inputs: Record<string, string>;
}

/** Every `with:` of the action in a YAML text, and a fragment of one (a mapping of inputs alone) merged over the one before. */
function actionSteps(where: string, text: string, defaults: Record<string, string>, examples: Example[]): void {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return;
  }
  const inputNames = new Set<string>(Object.values(Input));
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.uses === 'string' && record.uses.startsWith('qflow-run-action/qflow-run-action@')) {
      examples.push({ where, inputs: stringify(record.with) });
      return;
    }
    Object.values(record).forEach(visit);
  };
  const keys = document !== null && typeof document === 'object' && !Array.isArray(document) ? Object.keys(document) : [];
  if (keys.length > 0 && keys.every((k) => inputNames.has(k)) && examples.length > 0) {
    examples.push({ where: `${where} (fragment)`, inputs: { ...examples[examples.length - 1].inputs, ...stringify(document) } });
    return;
  }
  visit(document);
  // Inputs of a reusable or dispatched workflow: their defaults, as a caller that leaves them out gets them.
  const on = (document as { on?: Record<string, { inputs?: Record<string, { default?: unknown }> }> } | null)?.on ?? {};
  for (const trigger of Object.values(on)) {
    for (const [name, spec] of Object.entries(trigger?.inputs ?? {}))
      if (['string', 'number', 'boolean'].includes(typeof spec?.default)) defaults[name] = String(spec.default);
  }
}

function stringify(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** `${{ … }}` as the runner fills it in; an expression no runner of these examples would have is a test failure. */
function fillIn(value: string, defaults: Record<string, string>, lastExecution: string | undefined): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    const secrets: Record<string, string> = {
      'secrets.QUALYS_CLIENT_ID': CLIENT.id,
      'secrets.QUALYS_CLIENT_SECRET': CLIENT.secret,
      'secrets.QUALYS_JWT': JWT,
    };
    if (secrets[expression] !== undefined) return secrets[expression];
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    if (input !== undefined) return defaults[input] ?? CALLER_INPUTS[input] ?? '';
    if (/^(needs|steps)\.[\w-]+\.outputs\.execution-id$/.test(expression) && lastExecution) return lastExecution;
    if (expression === 'github.token') return 'github-token';
    throw new Error(`An example uses \${{ ${expression} }}, which this test does not know how to fill in.`);
  });
}

async function actionExamples(): Promise<Example[]> {
  const examples: Example[] = [];
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const defaults: Record<string, string> = {};
  for (const [i, block] of [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].entries())
    actionSteps(`README.md yaml block ${i + 1}`, block[1], defaults, examples);
  for (const name of (await readdir(path.join(root, 'examples'))).filter((n) => n.endsWith('.yml')).sort()) {
    const fileDefaults: Record<string, string> = {};
    const found: Example[] = [];
    actionSteps(`examples/${name}`, await readFile(path.join(root, 'examples', name), 'utf8'), fileDefaults, found);
    examples.push(...found.map((e) => ({ ...e, inputs: { ...e.inputs, __defaults: JSON.stringify(fileDefaults) } })));
  }
  return examples;
}

/** The command lines of the README's `sh` blocks, the Jenkinsfile and the Azure pipeline, with the environment each sets. */
async function commandExamples(): Promise<{ where: string; line: string; env: Record<string, string> }[]> {
  const found: { where: string; line: string; env: Record<string, string> }[] = [];
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1].replace(/\\\n\s*/g, ' ').split('\n')) {
      if (/^\s*qflow-run\b/.test(line)) found.push({ where: 'README.md', line: line.trim(), env: {} });
    }
  }
  const jenkins = await readFile(path.join(root, 'examples/other-ci/Jenkinsfile'), 'utf8');
  const jenkinsEnv = Object.fromEntries([...jenkins.matchAll(/^\s*(QFLOW_\w+) = '([^']*)'/gm)].map((m) => [m[1], m[2]]));
  // The command's runs (not its install), as `sh '…'` or `sh(…, script: '…')`, its installed path standing for qflow-run.
  for (const m of jenkins.matchAll(/sh(?:\(returnStatus: true, script:)? '([^']*qflow-run(?! *@)[^']*)'/g)) {
    if (!/^npm /.test(m[1]))
      found.push({ where: 'Jenkinsfile', line: m[1].replace(/^\.qflow\/node_modules\/\.bin\/qflow-run\b/, 'qflow-run'), env: jenkinsEnv });
  }
  const azure = parse(await readFile(path.join(root, 'examples/other-ci/azure-pipelines.yml'), 'utf8')) as unknown;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const step = node as { script?: unknown; env?: Record<string, string> };
    if (typeof step.script === 'string' && /^\s*qflow-run\b/.test(step.script))
      found.push({ where: 'azure-pipelines.yml', line: step.script, env: step.env ?? {} });
    Object.values(node).forEach(visit);
  };
  visit(azure);
  return found;
}

const run = promisify(execFile);

/** A command line as a shell runs it, with the bundled command standing for the installed one. */
async function runCommandLine(line: string, env: Record<string, string>, sim: QFlowSimulator) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-example-'));
  const script = line.replace(/^(npx .*? -- )?qflow-run\b/, `"${process.execPath}" "${CLI}"`).replace(/\$\(Build\.ArtifactStagingDirectory\)/g, dir);
  // Azure fills in $(NAME) from the pipeline's secret variables before the script runs.
  const filled = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v.replace(/\$\(QUALYS_CLIENT_ID\)/, CLIENT.id).replace(/\$\(QUALYS_CLIENT_SECRET\)/, CLIENT.secret)]),
  );
  try {
    const { stderr } = await run('/bin/sh', ['-c', script], {
      cwd: dir,
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        QFLOW_CLIENT_ID: CLIENT.id,
        QFLOW_CLIENT_SECRET: CLIENT.secret,
        ...filled,
        // The only change to the example: its gateway is the simulator (gateway-url wins over platform).
        QFLOW_GATEWAY_URL: sim.url,
        QFLOW_POLL_INTERVAL: '200ms',
        QFLOW_MAX_POLL_INTERVAL: '500ms',
      },
    });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? 1, stderr: failed.stderr ?? String(error) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('every example, as written', () => {
  it('runs each use of the action in the README and examples/ to success against the documented gateway', () =>
    withSimulator(
      {
        credentials: { clientId: CLIENT.id, clientSecret: CLIENT.secret, token: JWT },
        workflows: [sampleWorkflow({ id: WORKFLOWS[1], durationMs: 500 })],
      },
      async (sim, workflow) => {
        const examples = await actionExamples();
        expect(examples.length).toBeGreaterThanOrEqual(10);
        let lastExecution: string | undefined;
        for (const example of examples) {
          const { __defaults, ...written } = example.inputs;
          const defaults = __defaults ? (JSON.parse(__defaults) as Record<string, string>) : {};
          const inputs = Object.fromEntries(
            Object.entries(written)
              .filter(([name]) => !GITHUB_SIDE.has(name))
              .map(([name, value]) => [name, fillIn(value, defaults, lastExecution)]),
          );
          const auth: Record<string, string> = inputs.token ? { 'client-id': '', 'client-secret': '' } : {};
          const { report, lines } = await runEngine(sim, workflow, { ...auth, ...inputs, 'gateway-url': sim.url, timeout: '2m' });
          expect({ where: example.where, result: report.result, message: report.message }).toEqual({
            where: example.where,
            result: inputs.wait === 'false' ? 'started' : 'success',
            message: undefined,
          });
          expect({ where: example.where, errors: lines.filter((l) => l.startsWith('error')) }).toEqual({ where: example.where, errors: [] });
          lastExecution = report.executions[0]?.executionId ?? lastExecution;
        }
      },
    ));

  it('runs each qflow-run command line of the README, the Jenkinsfile and the Azure pipeline to exit 0', () =>
    withSimulator({ workflows: [sampleWorkflow({ id: WORKFLOWS[1], durationMs: 500 })] }, async (sim) => {
      const commands = await commandExamples();
      expect(commands.map((c) => c.where)).toEqual(expect.arrayContaining(['README.md', 'Jenkinsfile', 'azure-pipelines.yml']));
      for (const command of commands) {
        const env = { QFLOW_WORKFLOW_ID: WORKFLOWS[0], ...command.env };
        const result = await runCommandLine(command.line, env, sim);
        expect({ where: command.where, line: command.line, code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
          where: command.where,
          line: command.line,
          code: 0,
          stderr: '',
        });
      }
      expect(sim.callsTo('run').length).toBe(commands.length);
    }));

  it('runs the README\'s "try it locally" block as written: the simulator in the background, the command against it', async () => {
    try {
      const { code, output } = await runReadmeBlock('--summary qflow.md', 60_000);
      expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/\] Success\n[\s\S]*Made \d+ QFlow API calls/) });
      expect(await readFile(path.join(root, 'qflow.md'), 'utf8')).toMatch(/QFlow workflow succeeded/);
    } finally {
      await rm(path.join(root, 'qflow.md'), { force: true });
    }
  });
});

describe("the README's fleet on one subscription", () => {
  it('runs as written: 20 commands at once on a gateway of pages of 20 all succeed, and the last line counts them', async () => {
    try {
      const { code, output } = await runReadmeBlock('--page-size 20', 150_000);
      expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/^ +20 QFLOW_OUT_RESULT=success$/m) });
      // Each job's log says what the history and the budget made of its looks.
      const log = await readFile(path.join(root, 'job-1.log'), 'utf8');
      expect(log).toMatch(/Recent runs of this workflow took about/);
    } finally {
      for (const file of await readdir(root)) if (/^job-\d+\.(env|log)$/.test(file)) await rm(path.join(root, file));
    }
  }, 180_000);
});

/**
 * Runs the README's `sh` block that holds `marker` as written, but for the port (one free here), in the
 * checkout, and stops what it left running in the background (the simulator, with npm and tsx around it).
 */
async function runReadmeBlock(marker: string, limitMs: number): Promise<{ code: number | null; output: string }> {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes(marker));
  expect(block).toBeDefined();
  const port = await freePort();
  const shell = spawn('/bin/sh', ['-c', block!.replaceAll('8787', String(port))], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  shell.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => process.kill(-shell.pid!, 'SIGKILL'), limitMs);
  try {
    const code = await new Promise<number | null>((resolve) => shell.on('exit', resolve));
    return { code, output };
  } finally {
    clearTimeout(timer);
    try {
      process.kill(-shell.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

describe("the README's other commands", () => {
  const npm = (args: string[]) => run('npm', args, { cwd: root, timeout: 90_000, env: { ...process.env, npm_config_update_notifier: 'false' } });

  it('npm start: the bundled action against the simulator, a run that succeeds and one whose step fails', async () => {
    const { stdout } = await npm(['start']);
    expect(stdout).toContain('## ✅ QFlow workflow succeeded');
    expect(stdout).toMatch(/exit code 0, \d+ calls to the simulator/);
    expect(stdout).toContain('## ❌ QFlow workflow failed at step Stop the exposed instances');
    expect(stdout).toContain('exit code 1: the step fails');
  });

  it("npm run simulator -- --help: lists the workflows the README's commands name, and the one that fails", async () => {
    const { stdout } = await npm(['run', '--silent', 'simulator', '--', '--help']);
    expect(stdout).toMatch(/f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a +succeeds/);
    expect(stdout).toMatch(/[0-9a-f-]{36} +fails at its second step/);
  });
});

describe("npm run simulator with the flags of a fleet's gateway", () => {
  it('serves pages of --page-size, the --rate-limit in its headers, answers after --latency and --history past runs of --run-seconds', async () => {
    const port = await freePort();
    const args = ['src/simulator/cli.ts', '--port', String(port), '--page-size=20', '--rate-limit', '60/360', '--latency', '50-60'];
    const sim = spawn(path.join(root, 'node_modules/.bin/tsx'), [...args, '--run-seconds', '30', '--history', '25'], { cwd: root, stdio: 'pipe' });
    try {
      await new Promise<void>((resolve, reject) => {
        sim.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
        sim.on('exit', (code) => reject(new Error(`the simulator ended with ${code}`)));
      });
      const started = Date.now();
      const answer = await fetch(`http://127.0.0.1:${port}/qflowapi/v1/workflows/f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a/executions?pageSize=100`, {
        headers: { Authorization: 'Bearer sim-token' },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(50);
      expect(answer.headers.get('X-RateLimit-Limit')).toBe('60');
      expect(answer.headers.get('X-RateLimit-Window-Sec')).toBe('360');
      const page = (await answer.json()) as { total: string; items: { startDate: number; endDate: number }[] };
      expect(page.total).toBe('25');
      expect(page.items).toHaveLength(20);
      for (const item of page.items) {
        // Whole epoch milliseconds, as QFlow writes them, and a run of 30 s ± 10 %.
        expect(Number.isInteger(item.endDate)).toBe(true);
        expect(item.endDate - item.startDate).toBeGreaterThanOrEqual(27_000);
        expect(item.endDate - item.startDate).toBeLessThanOrEqual(33_000);
      }
    } finally {
      sim.kill();
    }
  });

  it('refuses a flag with a wrong value, naming it and the form expected', async () => {
    const refused = await run(path.join(root, 'node_modules/.bin/tsx'), ['src/simulator/cli.ts', '--rate-limit', '300'], { cwd: root }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining("--rate-limit: expected calls/seconds, such as 300/3600, got '300'.") });
    // A misspelt flag would start the default gateway, and a trial of a tight budget would test none.
    const misspelt = await run(path.join(root, 'node_modules/.bin/tsx'), ['src/simulator/cli.ts', '--rate-limt=30/360'], { cwd: root }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(misspelt).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown argument '--rate-limt'.") });
  });
});

/** A loopback port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
