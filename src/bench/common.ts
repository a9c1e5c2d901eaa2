/** What every table of the benchmark shares: the time scale, the gateway's budget scaled alike, the pollers. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RATE_LIMIT, type QFlowSimulator, type RecordedCall } from '../simulator/server.js';

export const SCALE = Number(process.env.BENCH_SCALE ?? 10);
export const RUNS = Number(process.env.BENCH_RUNS ?? 25);
/** A folder for the log of each job of the shared-subscription rows and their calls, to see why a row fares as it does. */
export const TRACE = process.env.BENCH_TRACE;
/** Real ms between two process starts, so starting dozens of processes does not load the machine at once. */
export const STAGGER_MS = 250;
export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PEAK_RSS = path.join(HERE, 'peak-rss.cjs');
export const FIXED_POLLER = path.join(HERE, 'fixed-poller.mjs');
export const TOKEN = 'bench-token';
/** The action's defaults, which the benchmark measures. */
export const ACTION_DEFAULTS = { pollIntervalMs: 2000, maxPollIntervalMs: 60_000, timeoutMs: 3_600_000 };
/** The documented default budget, its window scaled like every other duration. */
export const RATE_LIMIT = { limit: DEFAULT_RATE_LIMIT.limit, windowSec: DEFAULT_RATE_LIMIT.windowSec / SCALE };

export const scaled = (ms: number) => ms / SCALE;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * An answer that held the call back for the rate limit: the budget the fleet shares was spent. A call
 * held back because two others were running at that instant (the concurrency limit) is counted apart
 * (isCrowdedAnswer): it spends no budget, and jobs that cannot see each other meet it at a rate set by
 * how busy the gateway is, whatever they plan.
 */
export const isThrottledAnswer = (call: RecordedCall) => call.heldBack === 'rate-limited';
/** An answer that held the call back for the concurrency limit (see isThrottledAnswer). */
export const isCrowdedAnswer = (call: RecordedCall) => call.heldBack === 'too-many-running';

/** The action's inputs for a bench run: its defaults, scaled. */
export function actionInputs(sim: QFlowSimulator, token: string, workflowId: string): Record<string, string> {
  return {
    'gateway-url': sim.url,
    token,
    'workflow-id': workflowId,
    'poll-interval': `${scaled(ACTION_DEFAULTS.pollIntervalMs)}ms`,
    'max-poll-interval': `${scaled(ACTION_DEFAULTS.maxPollIntervalMs)}ms`,
    timeout: `${scaled(ACTION_DEFAULTS.timeoutMs)}ms`,
  };
}

/** Runs the fixed-interval poller to its end; resolves with its exit time and the execution it started. */
export function runFixedPoller(sim: QFlowSimulator, token: string, workflowId: string, intervalMs: number, phase: number, rssFile: string) {
  return new Promise<{ exitedAt: number; executionId: string }>((resolve, reject) => {
    let stdout = '';
    const child = spawn(process.execPath, ['--require', PEAK_RSS, FIXED_POLLER, sim.url, token, workflowId, String(intervalMs), String(phase)], {
      env: { ...process.env, PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('exit', () => resolve({ exitedAt: Date.now(), executionId: stdout.trim().split('\n').pop() ?? '' }));
    child.on('error', reject);
  });
}

/** 20 earlier successful runs, hours ago, whose durations spread ±10 % around `durationMs`. */
export function addHistory(sim: QFlowSimulator, workflowId: string, durationMs: number): void {
  for (let i = 0; i < 20; i++) {
    sim.addExecution({ workflowId, createdAt: Date.now() - (i + 1) * 3600_000, durationMs: scaled(spreadOut(durationMs)), finalStatus: 'Success' });
  }
}

/** Ends to spread over ±10 %, like the history's. */
export const spreadOut = (ms: number) => ms * (0.9 + 0.2 * Math.random());

export function verdict(ok: boolean): string {
  return ok ? '✅' : '❌';
}
