/**
 * Runs the bundled action (`dist/index.js`) as the GitHub runner does: inputs as INPUT_* variables,
 * outputs and the job summary through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ACTION_ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** RUNNER_TEMP of the run: the default result file is in it. */
  runnerTemp: string;
  /** Milliseconds from spawn to exit. */
  elapsedMs: number;
  /** When the process exited (epoch ms). */
  exitedAt: number;
}

export interface RunOptions {
  /** Extra environment, such as RUNNER_DEBUG=1. */
  env?: Record<string, string>;
  /** Called once the process has started, e.g. to send it a signal later. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  /** Keep RUNNER_TEMP (the caller removes it). */
  keepTemp?: boolean;
  /** Options for node itself, placed before the script (such as `--require` of an observer). */
  nodeArgs?: string[];
}

/** `inputs` are named as in action.yml (`workflow-id`), the way a `with:` block names them. */
export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'qflow-runner-'));
  const outputFile = path.join(runnerTemp, 'github_output');
  const summaryFile = path.join(runnerTemp, 'step_summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerTemp,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) {
    // The runner's own rule: upper case, spaces to underscores, dashes kept.
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const started = Date.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ACTION_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let exitedAt = 0;
  child.on('exit', () => (exitedAt = Date.now()));
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig])),
  );
  const run: ActionRun = {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    runnerTemp,
    elapsedMs: exitedAt - started,
    exitedAt,
  };
  if (!options.keepTemp) await rm(runnerTemp, { recursive: true, force: true });
  return run;
}

/** The GITHUB_OUTPUT file format: `name<<DELIMITER`, the value's lines, then `DELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      outputs[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}
