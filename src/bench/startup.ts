/** Start-up and memory: process start to first request, and the peak RSS with a 50 MB step output. */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { QFlowSimulator, type SimWorkflow } from '../simulator/server.js';
import { ACTION_ENTRY, runAction } from '../simulator/runner.js';
import { median } from '../wait/history.js';
import { PEAK_RSS, TOKEN } from './common.js';

/** Milliseconds from spawning the action to its first request, and from spawning `node -e 0` to its exit. */
export async function startTimes(count: number): Promise<{ action: number; bare: number }> {
  const sim = new QFlowSimulator({ credentials: { token: TOKEN } });
  await sim.start();
  const action: number[] = [];
  const bare: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      let t = performance.now();
      await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).on('exit', resolve));
      bare.push(performance.now() - t);
      const before = sim.calls.length;
      t = performance.now();
      const child = spawn(process.execPath, [ACTION_ENTRY], {
        env: { PATH: process.env.PATH ?? '', 'INPUT_GATEWAY-URL': sim.url, INPUT_TOKEN: TOKEN, 'INPUT_WORKFLOW-ID': randomUUID() },
        stdio: 'ignore',
      });
      while (sim.calls.length === before) await new Promise((resolve) => setTimeout(resolve, 1));
      action.push(performance.now() - t);
      await new Promise((resolve) => child.on('exit', resolve));
    }
  } finally {
    await sim.stop();
  }
  return { action: median(action), bare: median(bare) };
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
