/**
 * The `qflow-run` command against the simulator: each exit code, --json, --dotenv, --summary,
 * settings from the environment alone, secrets kept out of its output, and cancellation. In-process
 * (src/ as it is), with one run of the bundle as a smoke test.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { EXIT, main } from '../../src/cli/main.js';
import { Output } from '../../src/names.js';
import { CLIENT, withSimulator } from '../support/e2e.js';
import type { QFlowSimulator, SimWorkflow } from '../../src/simulator/server.js';

const CLI_BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli/index.js');

function capture(tty = false) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; text: () => string };
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  stream.isTTY = tty;
  stream.text = () => text;
  return stream;
}

/** Runs the command in-process with the simulator's URL and OAuth client in the environment. */
async function qflowRun(sim: QFlowSimulator, workflow: SimWorkflow, argv: string[], env: Record<string, string> = {}, signals = new EventEmitter()) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-cli-'));
  const stdout = capture();
  const stderr = capture((env.TTY ?? '') === '1');
  const code = await main(
    argv,
    {
      QFLOW_GATEWAY_URL: sim.url,
      QFLOW_WORKFLOW_ID: workflow.id,
      QFLOW_CLIENT_ID: CLIENT.id,
      QFLOW_CLIENT_SECRET: CLIENT.secret,
      QFLOW_POLL_INTERVAL: '200ms',
      QFLOW_MAX_POLL_INTERVAL: '500ms',
      TMPDIR: dir,
      ...env,
    },
    { stdout, stderr },
    signals,
  );
  return { code, stdout: stdout.text(), stderr: stderr.text(), dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

describe('qflow-run', () => {
  it('exits 0 on success, with settings from the environment alone, and writes the dotenv report and the summary', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, []);
      const dotenv = path.join(run.dir, 'qflow.env');
      const summary = path.join(run.dir, 'qflow.md');
      const second = await qflowRun(sim, workflow, ['--dotenv', dotenv, '--summary', summary]);
      expect(run.code).toBe(EXIT.success);
      expect(second.code).toBe(EXIT.success);
      const lines = (await readFile(dotenv, 'utf8')).trim().split('\n');
      expect(lines).toContain(`QFLOW_OUT_EXECUTION_ID=${sim.executions[1].id}`);
      expect(lines).toContain('QFLOW_OUT_STATUS=Success');
      expect(lines).toContain('QFLOW_OUT_RESULT=success');
      expect(lines.every((l) => /^QFLOW_OUT_[A-Z_]+=[^\n]*$/.test(l))).toBe(true);
      expect(await readFile(summary, 'utf8')).toContain('## ✅ QFlow workflow succeeded');
      // The summary sends the reader to the log for a result file in the temp folder: the log says where.
      const resultFile = lines.find((l) => l.startsWith('QFLOW_OUT_OUTPUT_FILE='))!.slice('QFLOW_OUT_OUTPUT_FILE='.length);
      expect(await readFile(summary, 'utf8')).toContain('at the path in the log');
      expect(second.stderr).toContain(`Result file: ${resultFile} (in the temp folder;`);
      for (const out of [run.stderr, run.stdout, second.stderr]) expect(out).not.toContain(CLIENT.secret);
      await run.cleanup();
      await second.cleanup();
    }));

  it('prints the result as one JSON document on stdout with --json, step data included', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, ['--json', '--step-outputs', 'node-7c1d9e20-stop-instances']);
      expect(run.code).toBe(EXIT.success);
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(result).toMatchObject({
        executionId: sim.executions[0].id,
        result: 'success',
        stepOutputs: { 'node-7c1d9e20-stop-instances': workflow.steps[1].output },
      });
      await run.cleanup();
    }));

  it('logs one line per change of status on stderr, without colour unless on a terminal', () =>
    withSimulator({ workflow: { durationMs: 2000 } }, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, []);
      const looks = run.stderr.split('\n').filter((l) => /^\[[^\]]+\] Running$/.test(l));
      expect(sim.callsTo('list').length).toBeGreaterThan(2);
      expect(looks).toHaveLength(1);
      expect(run.stderr).not.toContain('\u001b[');
      const tty = await qflowRun(sim, workflow, ['--workflow-id', 'nope'], { TTY: '1' });
      expect(tty.stderr).toContain('\u001b[31m');
      const noColour = await qflowRun(sim, workflow, ['--workflow-id', 'nope'], { TTY: '1', NO_COLOR: '1' });
      expect(noColour.stderr).not.toContain('\u001b[');
      await Promise.all([run, tty, noColour].map((r) => r.cleanup()));
    }));

  it('exits 1 when the execution fails', () =>
    withSimulator({ workflow: { finalStatus: 'Failed' } }, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, []);
      expect(run.code).toBe(EXIT.failed);
      expect(run.stderr).toMatch(/ended with status 'Failed'/);
      await run.cleanup();
    }));

  it.each([
    [['--workflow-id', 'not-a-uuid'], /Flag --workflow-id is "not-a-uuid", which is not a UUID/],
    [['--timeout', 'soon'], /Flag --timeout is "soon", which is not a duration/],
    [['--bogus', 'x'], /Unknown flag --bogus\. See qflow-run --help\./],
    [['--step-output', 'x'], /Unknown flag --step-output\. Did you mean --step-outputs\?/],
    [['--dotenf', 'x'], /Unknown flag --dotenf\. Did you mean --dotenv\?/],
    [['--comment-on-pr'], /Unknown flag --comment-on-pr\. It is for the GitHub Action only/],
    [['stray'], /'stray' is not a flag/],
    // Output files: none named (an unset "$SUMMARY", a folder), or two sinks in one file.
    [['--summary', ''], /Flag --summary is blank\. Expected the path of a file, such as "qflow\.md"\./],
    [['--summary', 'reports/'], /Flag --summary names the folder "reports\/"\. Expected a file, such as "reports\/qflow\.md"\./],
    [
      ['--summary', 'qflow.out', '--dotenv', 'qflow.out'],
      /--summary and --dotenv name the same file, ".*qflow\.out"\. Expected a file of its own for each\./,
    ],
    [['--dotenv', 'r.json', '--output-file', 'r.json'], /--dotenv and --output-file name the same file/],
  ])('exits 2 on bad usage %j before any call, naming the flag', (argv, message) =>
    withSimulator({}, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, argv);
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toMatch(message);
      expect(sim.calls).toHaveLength(0);
      await run.cleanup();
    }),
  );

  it('reads --matrix, --input and --variables from a file given as @path, and names a file it cannot read', () =>
    withSimulator({}, async (sim, workflow) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-files-'));
      const matrix = path.join(dir, 'accounts.yml');
      await writeFile(matrix, 'credentials: [aa70acae-6ea8-3acf-b504-f327855b316a]\nregion: [us-east-1, eu-west-1]\n');
      const run = await qflowRun(sim, workflow, ['--matrix', `@${matrix}`, '--dry-run', 'true', '--json']);
      expect(run.code).toBe(EXIT.success);
      expect(run.stderr).toContain('"region":"eu-west-1"');
      // --json prints the result document whether or not anything started, as for a run that did: a single
      // run refused at its login too.
      const refused = await qflowRun(sim, workflow, ['--json'], { QFLOW_CLIENT_SECRET: 'wrong' });
      expect(refused.code).toBe(EXIT.noResult);
      const document = JSON.parse(refused.stdout) as Record<string, unknown>;
      expect(document).toMatchObject({ workflowId: workflow.id, result: 'failure', steps: [] });
      expect(document.executionId).toBeUndefined();
      await refused.cleanup();
      expect(JSON.parse(run.stdout)).toMatchObject({ workflowId: workflow.id, result: 'validated', apiCalls: expect.any(Number) });
      const missing = await qflowRun(sim, workflow, [], { QFLOW_VARIABLES: `@${path.join(dir, 'nope.yml')}` });
      expect(missing.code).toBe(EXIT.usage);
      expect(missing.stderr).toContain(`error: QFLOW_VARIABLES names the file "${path.join(dir, 'nope.yml')}", which does not exist.`);
      // What is wrong inside a file names the file too.
      const broken = path.join(dir, 'broken.yml');
      await writeFile(broken, 'region: [us-east-1\n');
      const yaml = await qflowRun(sim, workflow, ['--variables', `@${broken}`]);
      expect(yaml.code).toBe(EXIT.usage);
      expect(yaml.stderr).toContain(`error: Flag --variables (the file ${broken}) is neither valid JSON nor valid YAML: YAML syntax error at line 1`);
      await yaml.cleanup();
      expect(sim.callsTo('run')).toHaveLength(0);
      await Promise.all([run.cleanup(), missing.cleanup(), rm(dir, { recursive: true, force: true })]);
    }));

  it('speaks to Azure Pipelines on its agent: output variables, the summary tab and issues, as the agent reads them', () =>
    withSimulator({ workflow: { finalStatus: 'Failed' } }, async (sim, workflow) => {
      const agentTemp = await mkdtemp(path.join(os.tmpdir(), 'qflow-agent-'));
      const run = await qflowRun(sim, workflow, [], { TF_BUILD: 'True', AGENT_TEMPDIRECTORY: agentTemp });
      expect(run.code).toBe(EXIT.failed);
      // The agent reads one logging command a line: ##vso[area.action properties]data.
      const commands = run.stdout.split('\n').filter((line) => line.startsWith('##vso['));
      const variables = new Map(
        commands.flatMap((line) => {
          const m = /^##vso\[task\.setvariable variable=([^;\]]+);isOutput=true\](.*)$/.exec(line);
          return m ? [[m[1], m[2]] as const] : [];
        }),
      );
      expect(variables.get('QFLOW_OUT_EXECUTION_ID')).toBe(sim.executions[0].id);
      expect(variables.get('QFLOW_OUT_RESULT')).toBe('failure');
      expect(variables.get('QFLOW_OUT_STATUS')).toBe('Failed');
      // The agent's temp folder, not the system's: the run's files stay with the job.
      expect(variables.get('QFLOW_OUT_OUTPUT_FILE')).toMatch(new RegExp(`^${agentTemp}/qflow-`));
      const upload = commands.find((line) => line.startsWith('##vso[task.uploadsummary]'));
      expect(await readFile(upload!.slice('##vso[task.uploadsummary]'.length), 'utf8')).toContain('## ❌ QFlow workflow failed');
      const issue = commands.find((line) => line.startsWith('##vso[task.logissue type=error]'));
      expect(issue).toContain(`QFlow execution ${sim.executions[0].id} ended with status 'Failed'`);
      // Said once: the issue is what the log shows, not a plain line beside it.
      const said = `${run.stdout}\n${run.stderr}`
        .split('\n')
        .filter((line) => line.includes(`QFlow execution ${sim.executions[0].id} ended with status 'Failed'`));
      expect(said).toEqual([issue]);
      // Off the agent, or with --ci plain, none of it.
      const plain = await qflowRun(sim, workflow, ['--ci', 'plain'], { TF_BUILD: 'True' });
      expect(plain.stdout).not.toContain('##vso[');
      await Promise.all([run.cleanup(), plain.cleanup(), rm(agentTemp, { recursive: true, force: true })]);
    }));

  it('refuses a CI variable left unexpanded before any call, naming it', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, [], { QFLOW_CLIENT_SECRET: '$(QUALYS_CLIENT_SECRET)' });
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toContain('error: QFLOW_CLIENT_SECRET is a reference to the variable QUALYS_CLIENT_SECRET that was not expanded');
      expect(sim.calls).toHaveLength(0);
      await run.cleanup();
    }));

  it('refuses an execution ID given blank, as an earlier job that handed none on leaves it, instead of starting the workflow again', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, ['--execution-id', '']);
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toContain('error: Flag --execution-id is given but blank');
      expect(sim.calls).toHaveLength(0);
      await run.cleanup();
    }));

  it('names a setting the way it was given: the variable it came from, or the flag', () =>
    withSimulator({}, async (sim, workflow) => {
      const fromVariable = await qflowRun(sim, workflow, [], { QFLOW_TIMEOUT: 'soon' });
      expect(fromVariable.code).toBe(EXIT.usage);
      expect(fromVariable.stderr).toContain('error: QFLOW_TIMEOUT is "soon", which is not a duration');
      const misspelt = await qflowRun(sim, workflow, [], {
        QFLOW_VARIABLES: '{"credentials": "aa70acae-6ea8-3acf-b504-f327855b316a", "regoin": "x"}',
      });
      expect(misspelt.code).toBe(EXIT.usage);
      expect(misspelt.stderr).toContain('\nerror: QFLOW_VARIABLES overrides the variable "regoin"');
      expect(misspelt.stderr).toContain('set --allow-unknown-variables true.');
      expect(sim.callsTo('run')).toHaveLength(0);
      await Promise.all([fromVariable, misspelt].map((r) => r.cleanup()));
    }));

  it("speaks of itself and its own settings in the engine's messages too, never of an action or its inputs", () =>
    withSimulator({}, async (sim, workflow) => {
      const rejected = await qflowRun(sim, workflow, [], {
        QFLOW_CLIENT_ID: '',
        QFLOW_CLIENT_SECRET: '',
        QFLOW_TOKEN: 'not-a-token-the-gateway-issued',
      });
      expect(rejected.code).toBe(EXIT.noResult);
      expect(rejected.stderr).toContain(
        'QFLOW_TOKEN is invalid or has expired (a Qualys JWT lasts 4 hours). Pass a fresh one, or give --client-id/QFLOW_CLIENT_SECRET so qflow-run logs in',
      );
      const missing = await qflowRun(sim, workflow, ['--workflow-id', '00000000-0000-4000-8000-000000000000']);
      expect(missing.stderr).toContain('check --workflow-id and that the Qualys user can see the workflow');
      for (const run of [rejected, missing]) expect(run.stderr).not.toMatch(/\baction\b|Input '/);
      await Promise.all([rejected, missing].map((r) => r.cleanup()));
    }));

  it('refuses a QFLOW_ variable one or two edits from a setting, naming it, and leaves other QFLOW_ variables alone', () =>
    withSimulator({}, async (sim, workflow) => {
      const typo = await qflowRun(sim, workflow, [], { QFLOW_STEP_OUTPUT: 'node-7c1d9e20-stop-instances' });
      expect(typo.code).toBe(EXIT.usage);
      expect(typo.stderr).toContain(
        'error: The environment variable QFLOW_STEP_OUTPUT is not a setting of qflow-run. Did you mean QFLOW_STEP_OUTPUTS?',
      );
      expect(sim.calls).toHaveLength(0);
      // A pipeline's own variable, an earlier job's outputs and the debug switch are no typos.
      const others = await qflowRun(sim, workflow, [], {
        QFLOW_RUN: 'npx qflow-run',
        QFLOW_OUT_EXECUTION_ID: '6ad5f333-c4ad-4008-b0d3-caab170d130b',
        QFLOW_OUT_RESULT: 'success',
        QFLOW_DEBUG: '1',
      });
      expect(others.code).toBe(EXIT.success);
      await Promise.all([typo, others].map((r) => r.cleanup()));
    }));

  it("starts its own execution in a later job that was handed an earlier job's dotenv report", () =>
    withSimulator({}, async (sim, workflow) => {
      const first = await qflowRun(sim, workflow, ['--dotenv', 'first.env']);
      const dotenv = await readFile(path.join(process.cwd(), 'first.env'), 'utf8').finally(() => rm(path.join(process.cwd(), 'first.env')));
      // As GitLab hands a dotenv report to the jobs that need it: each line a variable.
      const handed = Object.fromEntries(
        dotenv
          .trim()
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      const second = await qflowRun(sim, workflow, [], handed);
      expect([first.code, second.code]).toEqual([EXIT.success, EXIT.success]);
      expect(sim.executions).toHaveLength(2);
      expect(sim.callsTo('run')).toHaveLength(2);
      // Waiting for the first one is asked for by name.
      const third = await qflowRun(sim, workflow, ['--execution-id', handed.QFLOW_OUT_EXECUTION_ID], handed);
      expect(third.code).toBe(EXIT.success);
      expect(sim.callsTo('run')).toHaveLength(2);
      await Promise.all([first, second, third].map((r) => r.cleanup()));
    }));

  it('checks every output path before any call: a missing folder is made, a folder where a file belongs is refused', () =>
    withSimulator({}, async (sim, workflow) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-paths-'));
      const folder = await qflowRun(sim, workflow, ['--summary', dir]);
      expect(folder.code).toBe(EXIT.usage);
      expect(folder.stderr).toContain(`error: Flag --summary names the folder "${dir}". Expected a file`);
      const resultInFolder = await qflowRun(sim, workflow, [], { QFLOW_OUTPUT_FILE: dir });
      expect(resultInFolder.code).toBe(EXIT.usage);
      expect(resultInFolder.stderr).toContain(`QFLOW_OUTPUT_FILE names the folder "${dir}"`);
      expect(sim.calls).toHaveLength(0);
      const nested = await qflowRun(sim, workflow, [
        '--summary',
        path.join(dir, 'reports/qflow.md'),
        '--dotenv',
        path.join(dir, 'env/qflow.env'),
        '--output-file',
        path.join(dir, 'results/qflow.json'),
      ]);
      expect(nested.code).toBe(EXIT.success);
      expect(await readFile(path.join(dir, 'reports/qflow.md'), 'utf8')).toContain('QFlow workflow succeeded');
      expect(await readFile(path.join(dir, 'env/qflow.env'), 'utf8')).toContain(`QFLOW_OUT_EXECUTION_ID=${sim.executions[0].id}`);
      expect(JSON.parse(await readFile(path.join(dir, 'results/qflow.json'), 'utf8'))).toMatchObject({ result: 'success' });
      await Promise.all([folder, resultInFolder, nested].map((r) => r.cleanup()));
      await rm(dir, { recursive: true, force: true });
    }));

  it('hands the execution ID on in the dotenv report as soon as it has started, so a cancelled job still passes it on', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-early-'));
      const dotenv = path.join(dir, 'qflow.env');
      const signals = new EventEmitter();
      let seen = '';
      const timer = setInterval(() => {
        void readFile(dotenv, 'utf8').then(
          (text) => {
            if (seen !== '' || sim.callsTo('list').length === 0) return;
            seen = text;
            clearInterval(timer);
            signals.emit('SIGTERM', 'SIGTERM');
          },
          () => undefined,
        );
      }, 20);
      const run = await qflowRun(sim, workflow, ['--dotenv', dotenv], {}, signals);
      expect(seen).toContain(`QFLOW_OUT_EXECUTION_ID=${sim.executions[0].id}`);
      expect(seen).toContain('QFLOW_OUT_RESULT=started');
      expect(run.code).toBe(EXIT.cancelled);
      expect(await readFile(dotenv, 'utf8')).toContain(`QFLOW_OUT_EXECUTION_ID=${sim.executions[0].id}`);
      await run.cleanup();
      await rm(dir, { recursive: true, force: true });
    }));

  it('keeps its outcome and exit code when stdout is closed early, with no stack trace, and removes its work folder', () =>
    withSimulator({}, async (sim, workflow) => {
      const tmp = await mkdtemp(path.join(os.tmpdir(), 'qflow-epipe-'));
      const env = {
        QFLOW_GATEWAY_URL: sim.url,
        QFLOW_WORKFLOW_ID: workflow.id,
        QFLOW_CLIENT_ID: CLIENT.id,
        QFLOW_CLIENT_SECRET: CLIENT.secret,
        QFLOW_POLL_INTERVAL: '200ms',
        TMPDIR: tmp,
      };
      const run = await spawnBundle(['--json', '--step-outputs', '*'], env, { closeStdout: true });
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
      expect((await readdir(tmp)).filter((f) => f.startsWith('qflow-work-'))).toEqual([]);
      // And with stderr closed too (`2>&1 | head -c 1`): the dotenv report still carries the execution.
      const dotenv = path.join(tmp, 'qflow.env');
      const both = await spawnBundle(['--json', '--dotenv', dotenv], env, { closeStdout: true, closeStderr: true });
      expect(both.code).toBe(0);
      expect(await readFile(dotenv, 'utf8')).toContain(`QFLOW_OUT_EXECUTION_ID=${sim.executions[1].id}\nQFLOW_OUT_RESULT=success`);
      expect((await readdir(tmp)).filter((f) => f.startsWith('qflow-work-'))).toEqual([]);
      await rm(tmp, { recursive: true, force: true });
    }));

  it('exits 3 at the timeout', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, [], { QFLOW_TIMEOUT: '1s' });
      expect(run.code).toBe(EXIT.timedOut);
      await run.cleanup();
    }));

  it('exits 4 when the login is refused, and 4 when the run call may have started', () =>
    withSimulator({}, async (sim, workflow) => {
      const refused = await qflowRun(sim, workflow, [], { QFLOW_CLIENT_SECRET: 'wrong-secret' });
      expect(refused.code).toBe(EXIT.noResult);
      expect(refused.stderr).toMatch(/HTTP 401/);
      expect(refused.stderr).not.toContain('wrong-secret');
      sim.addFault({ endpoint: 'run', times: 1, action: { drop: true } });
      const lost = await qflowRun(sim, workflow, []);
      expect(lost.code).toBe(EXIT.noResult);
      expect(lost.stderr).toMatch(/An execution may have started/);
      await refused.cleanup();
      await lost.cleanup();
    }));

  it('warns when a secret is given as a flag, and still works', () =>
    withSimulator({}, async (sim, workflow) => {
      const run = await qflowRun(sim, workflow, ['--client-secret', CLIENT.secret], { QFLOW_CLIENT_SECRET: '' });
      expect(run.code).toBe(EXIT.success);
      expect(run.stderr).toContain('warning: --client-secret was given on the command line');
      expect(run.stderr).not.toContain(CLIENT.secret);
      await run.cleanup();
    }));

  it('exits 130 when cancelled by SIGINT, saying the execution goes on', () =>
    withSimulator({ workflow: { durationMs: 60_000 } }, async (sim, workflow) => {
      const signals = new EventEmitter();
      const timer = setInterval(() => {
        if (sim.callsTo('list').length > 0) {
          clearInterval(timer);
          signals.emit('SIGINT', 'SIGINT');
        }
      }, 20);
      const run = await qflowRun(sim, workflow, [], {}, signals);
      expect(run.code).toBe(EXIT.cancelled);
      expect(run.stderr).toMatch(/goes on in QFlow/);
      await run.cleanup();
    }));

  it('runs as the bundled command, --help listing every flag with its variable', () =>
    withSimulator({}, async (sim, workflow) => {
      const help = await spawnBundle(['--help'], {});
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/--workflow-id\s+QFLOW_WORKFLOW_ID/);
      expect(help.stdout).toMatch(/--client-secret\s+QFLOW_CLIENT_SECRET \(set it there, not as a flag\)/);
      const run = await spawnBundle(['--json'], {
        QFLOW_GATEWAY_URL: sim.url,
        QFLOW_WORKFLOW_ID: workflow.id,
        QFLOW_CLIENT_ID: CLIENT.id,
        QFLOW_CLIENT_SECRET: CLIENT.secret,
        QFLOW_POLL_INTERVAL: '200ms',
      });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ result: 'success', executionId: sim.executions[0].id });
    }));
});

function spawnBundle(
  argv: string[],
  env: Record<string, string>,
  options: { closeStdout?: boolean; closeStderr?: boolean } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...argv], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // As `| head -c 0` does: the reader is gone before the command writes.
    if (options.closeStdout) child.stdout.destroy();
    if (options.closeStderr) child.stderr.destroy();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the dotenv report', () => {
  it('stays below the 5 KB GitLab keeps, naming what it leaves out for the result file, and is safe to source in a shell', async () => {
    const { dotenvText } = await import('../../src/cli/publish.js');
    const ids = Array.from({ length: 150 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const { text, leftOut } = dotenvText(
      new Map([
        [Output.ExecutionId, ids.join(',')],
        [Output.Result, 'failure'],
        [Output.Status, 'Running;touch pwned $(id) `id` a b\nInjected=1'],
        [Output.OutputFile, '/tmp/qflow-f516.json'],
      ]),
    );
    expect(Buffer.byteLength(text)).toBeLessThan(4096);
    expect(leftOut).toEqual(['QFLOW_OUT_EXECUTION_ID']);
    // As GitLab reads it: one KEY=VALUE a line, no variable but ours.
    const read = Object.fromEntries(
      text
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(Object.keys(read).every((k) => /^QFLOW_OUT_[A-Z_]+$/.test(k))).toBe(true);
    expect(read).toMatchObject({
      QFLOW_OUT_EXECUTION_ID: '',
      QFLOW_OUT_LEFT_OUT: 'QFLOW_OUT_EXECUTION_ID',
      QFLOW_OUT_RESULT: 'failure',
      QFLOW_OUT_STATUS: 'Running_touch_pwned___id___id__a_b_Injected=1',
    });
  });
});
