import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { QFlowSimulator, sampleWorkflow, type SimulatorOptions, type SimWorkflow } from '../../src/simulator/server.js';
import { runAction, type ActionRun, type RunOptions } from '../../src/simulator/runner.js';

export const CLIENT = { id: 'e2e-client', secret: 'e2e-client-secret-9f8e7d' };

/** The rate-limit and concurrency headers the Qualys docs name for every gateway answer (qflow-api.md). */
export const BUDGET_HEADERS = [
  'X-RateLimit-Limit',
  'X-RateLimit-Window-Sec',
  'X-RateLimit-Remaining',
  'X-RateLimit-ToWait-Sec',
  'X-Concurrency-Limit-Limit',
  'X-Concurrency-Limit-Running',
];

/** Timings small enough for a test: executions of about a second, polls a few hundred ms apart. */
export const FAST = { 'poll-interval': '200ms', 'max-poll-interval': '500ms' };

export async function withSimulator<T>(
  options: SimulatorOptions & { workflow?: Partial<SimWorkflow> },
  body: (sim: QFlowSimulator, workflow: SimWorkflow) => Promise<T>,
): Promise<T> {
  const workflow = sampleWorkflow({ durationMs: 1000, ...options.workflow });
  const sim = new QFlowSimulator({
    credentials: { clientId: CLIENT.id, clientSecret: CLIENT.secret },
    ...options,
    workflows: [workflow, ...(options.workflows ?? [])],
  });
  await sim.start();
  try {
    return await body(sim, workflow);
  } finally {
    await sim.stop();
  }
}

/** Runs dist/index.js against the simulator with OAuth client credentials unless others are given. */
export function runAgainst(
  sim: QFlowSimulator,
  workflow: SimWorkflow,
  inputs: Record<string, string> = {},
  options: RunOptions = {},
): Promise<ActionRun> {
  const auth: Record<string, string> = inputs.token || inputs.username ? {} : { 'client-id': CLIENT.id, 'client-secret': CLIENT.secret };
  return runAction({ 'gateway-url': sim.url, 'workflow-id': workflow.id, ...FAST, ...auth, ...inputs }, options);
}

export async function readResultFile(run: ActionRun): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(run.outputs['output-file'], 'utf8')) as Record<string, unknown>;
}

/** The lines the runner shows as errors. */
export function errors(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length));
}

/**
 * Sends the action `signals` (300 ms apart, as a runner does SIGINT then SIGTERM) once it is
 * waiting, that is once its first look at the execution list has arrived.
 */
export function cancelWhenWaiting(sim: QFlowSimulator, ...signals: NodeJS.Signals[]) {
  let signalledAt = 0;
  return {
    onSpawn: (child: ChildProcess) => {
      const timer = setInterval(() => {
        if (sim.callsTo('list').length === 0) return;
        clearInterval(timer);
        signalledAt = Date.now();
        signals.forEach((signal, i) => setTimeout(() => child.kill(signal), 300 * i));
      }, 20);
    },
    /** Milliseconds from the first signal until now. */
    sinceSignal: () => Date.now() - signalledAt,
  };
}
