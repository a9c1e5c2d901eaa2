/**
 * Start-up and memory: process start to first request (the action and the command), the command's
 * install from its packed tarball, and the peak RSS with a 50 MB step output.
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { packCommand } from '../release/pack-command.js';
import { QFlowSimulator, type SimWorkflow } from '../simulator/server.js';
import { ACTION_ENTRY, runAction } from '../simulator/runner.js';
import { median } from '../wait/history.js';
import { PEAK_RSS, TOKEN } from './common.js';

/** The command's bundle, as the packed tarball installs it. */
const COMMAND_ENTRY = path.resolve('dist/cli/index.js');

/**
 * Milliseconds from spawning the action, and the command, to its first request, and from spawning
 * `node -e 0` to its exit: medians of `count`.
 */
export async function startTimes(count: number): Promise<{ action: number; command: number; bare: number }> {
  const sim = new QFlowSimulator({ credentials: { token: TOKEN } });
  await sim.start();
  const action: number[] = [];
  const command: number[] = [];
  const bare: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).on('exit', resolve));
      bare.push(performance.now() - t);
      const env = { PATH: process.env.PATH ?? '' };
      action.push(
        await firstRequest(sim, ACTION_ENTRY, { ...env, 'INPUT_GATEWAY-URL': sim.url, INPUT_TOKEN: TOKEN, 'INPUT_WORKFLOW-ID': randomUUID() }),
      );
      command.push(
        await firstRequest(sim, COMMAND_ENTRY, { ...env, QFLOW_GATEWAY_URL: sim.url, QFLOW_TOKEN: TOKEN, QFLOW_WORKFLOW_ID: randomUUID() }),
      );
    }
  } finally {
    await sim.stop();
  }
  return { action: median(action), command: median(command), bare: median(bare) };
}

/** Milliseconds from spawning `entry` to the simulator's first call from it; waits for it to exit. */
async function firstRequest(sim: QFlowSimulator, entry: string, env: NodeJS.ProcessEnv): Promise<number> {
  const before = sim.calls.length;
  const t = performance.now();
  const child = spawn(process.execPath, [entry], { env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  while (sim.calls.length === before) await new Promise((resolve) => setTimeout(resolve, 1));
  const ms = performance.now() - t;
  await exited;
  return ms;
}

/**
 * Milliseconds to install the command from its packed tarball into an empty folder, offline with an
 * empty npm cache (nothing fetched), as a CI job does: the median of `count`.
 */
export async function installTime(count: number, scratch: string): Promise<number> {
  const { tarball } = await packCommand(path.join(scratch, 'packed'));
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-install-'));
    try {
      const t = performance.now();
      await promisify(execFile)(
        'npm',
        ['install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(dir, 'cache'), '--prefix', dir, tarball],
        {
          env: { ...process.env, npm_config_update_notifier: 'false' },
        },
      );
      times.push(performance.now() - t);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return median(times);
}

export async function largeOutputPeak(scratch: string): Promise<number> {
  const workflow: SimWorkflow = {
    id: randomUUID(),
    durationMs: 200,
    finalStatus: 'Success',
    steps: [{ nodeId: 'node-big', nodeType: 'AWS', outputBytes: 50 * 1024 * 1024 }],
  };
  const sim = new QFlowSimulator({ credentials: { token: TOKEN }, workflows: [workflow] });
  await sim.start();
  const rssFile = path.join(scratch, 'large.rss');
  try {
    const run = await runAction(
      { 'gateway-url': sim.url, token: TOKEN, 'workflow-id': workflow.id, 'poll-interval': '100ms', 'step-outputs': '*' },
      { nodeArgs: ['--require', PEAK_RSS], env: { PEAK_RSS_FILE: rssFile } },
    );
    if (run.exitCode !== 0) throw new Error(`The 50 MB run failed: ${run.stdout}`);
  } finally {
    await sim.stop();
  }
  return Number(await readFile(rssFile, 'utf8')) / 1024;
}
