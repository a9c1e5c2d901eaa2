/** The shared-subscription table: many jobs, or one step with `matrix`, against one subscription's budget. */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { endOf, QFlowSimulator, type RecordedCall, type SimWorkflow } from '../simulator/server.js';
import { runAction } from '../simulator/runner.js';
import { median } from '../wait/history.js';
import { RATE_LIMIT, SCALE, TRACE, actionInputs, addHistory, isCrowdedAnswer, isThrottledAnswer, runFixedPoller, scaled, seconds } from './common.js';
import type { Row } from './polling.js';

/**
 * Jobs sharing one subscription: jobs of the action started 0.5 s apart (or over `arrivalMs`, or beside
 * a steady other client spending `otherPerHour` calls an hour), fixed pollers, and one step with a
 * `matrix`. The action's rows run SHARED_RUNS times, each on a subscription of its own: their targets
 * must hold in every run.
 */
export interface SharedCase {
  jobs: number;
  poller: SharedPoller;
  arrivalMs?: number;
  otherPerHour?: number;
  /** The most items a page of the execution list holds (the docs name no largest; by default every size asked is served). */
  pageSize?: number;
  /** Answers take 100–300 ms (scaled like every other duration). */
  latency?: boolean;
}
export const SHARED: SharedCase[] = [
  { jobs: 20, poller: 'action' },
  { jobs: 40, poller: 'action' },
  { jobs: 40, poller: 'fixed 10 s' },
  { jobs: 40, poller: 'action', arrivalMs: 600_000 },
  { jobs: 40, poller: 'action', otherPerHour: 100 },
  { jobs: 50, poller: 'fan-out' },
  { jobs: 50, poller: 'action' },
  { jobs: 50, poller: 'fixed 10 s' },
  { jobs: 80, poller: 'action' },
  // Gateways that page by less than the fleet, or answer slowly: the targets hold there too.
  { jobs: 20, poller: 'action', pageSize: 50 },
  { jobs: 40, poller: 'action', pageSize: 50 },
  { jobs: 50, poller: 'action', pageSize: 50 },
  { jobs: 20, poller: 'action', pageSize: 20 },
  { jobs: 40, poller: 'action', pageSize: 20 },
  { jobs: 50, poller: 'action', pageSize: 20 },
  { jobs: 50, poller: 'action', pageSize: 10 },
  { jobs: 50, poller: 'action', latency: true },
  { jobs: 50, poller: 'action', pageSize: 20, latency: true },
];
/** Of 80 jobs, the budget pays about three quarters within the hour (see the README): at least this many must succeed. */
export const EIGHTY_SERVED = 55;
export const SHARED_RUNS = Number(process.env.BENCH_SHARED_RUNS ?? 3);
/** The spread of the ends of a 5-minute workflow whose runs take ±10 %. */
export const ENDS_SPREAD_MS = 60_000;

export type SharedPoller = 'action' | 'fixed 10 s' | 'fan-out';

export interface SharedRow extends SharedCase {
  /** Runs of the row: each on a subscription of its own. */
  runs: number;
  succeeded: number;
  /** All calls of a run; with several runs, of the run that spent most. */
  calls: number;
  /** With several runs, the calls of the run that spent least. */
  callsLeast: number;
  /** Answers that held a call back for the rate limit: all, and the most of one job. */
  throttledTotal: number;
  throttledMax: number;
  /** Answers that held a call back for the concurrency limit: all, and the most of one job. */
  crowdedTotal: number;
  crowdedMax: number;
  delays: number[];
  delayMedianMs: number;
  delayMaxMs: number;
  /** Per run: the median and the longest delay, and the most throttled answers of one job. */
  perRun: { delayMedianMs: number; delayMaxMs: number; throttledMax: number; succeeded: number }[];
  /** Jobs that timed out and named the API budget as the cause. */
  budgetNamed: number;
}

/**
 * The reference planner: a planner that sees every job and knows nothing a job cannot learn. Each job
 * needs a run call, a look that reads the history and a step list; what is left of the budget (less a
 * steady other client's calls) is shared evenly as looks across the minute in which the ends fall.
 * Undefined when the budget cannot pay for one look a job.
 */
export function referenceDelays(c: SharedCase): { medianMs: number; maxMs: number } | undefined {
  const budget = RATE_LIMIT.limit - (c.otherPerHour ?? 0);
  const looks = (budget - 3 * c.jobs) / c.jobs;
  if (looks < 1) return undefined;
  const spacing = ENDS_SPREAD_MS / looks;
  return { medianMs: spacing / 2, maxMs: spacing };
}

/**
 * Runs of the one step with `matrix`: one run's delays depend on how its 50 ends and its 20-run
 * history happen to fall, so the row pools the ends of several, as the other rows pool 25 runs.
 */
export const FAN_OUT_RUNS = 5;

/** Several runs of a row as one: the delays of every end pooled, the calls of the run that spent most. */
export function pooled(runs: SharedRow[]): SharedRow {
  const delays = runs.flatMap((r) => r.delays);
  return {
    ...runs[0],
    runs: runs.length,
    succeeded: runs.reduce((sum, r) => sum + r.succeeded, 0),
    calls: Math.max(...runs.map((r) => r.calls)),
    callsLeast: Math.min(...runs.map((r) => r.calls)),
    throttledTotal: runs.reduce((sum, r) => sum + r.throttledTotal, 0),
    throttledMax: Math.max(...runs.map((r) => r.throttledMax)),
    crowdedTotal: runs.reduce((sum, r) => sum + r.crowdedTotal, 0),
    crowdedMax: Math.max(...runs.map((r) => r.crowdedMax)),
    delays,
    delayMedianMs: median(delays),
    delayMaxMs: Math.max(...delays),
    perRun: runs.flatMap((r) => r.perRun),
    budgetNamed: runs.reduce((sum, r) => sum + r.budgetNamed, 0),
  };
}

/**
 * `jobs` executions of one 5-minute workflow (durations ±10 %, a 20-run history) on one subscription
 * of 300 calls per hour, each poller on a subscription of its own: as many jobs of the action or of
 * a fixed 10 s poller, started 50 ms apart as a matrix starts them, or one step of the action with a
 * `matrix` of that many items. For the one step, an end counts as noticed at the first look after it.
 */
export async function sharedSubscription(c: SharedCase, scratch: string): Promise<SharedRow> {
  const { jobs, poller } = c;
  const durationMs = 300_000;
  const sim = new QFlowSimulator({
    rateLimit: RATE_LIMIT,
    // The docs do not say when a new execution shows in the list (qflow-api.md [open]): the harder
    // reading, a second late, as the simulator's command does. A job's first look then misses its own
    // execution and those started just before it.
    listDelayMs: Number(process.env.BENCH_LIST_DELAY_MS ?? scaled(1000)),
    ...(c.pageSize ? { maxPageSize: c.pageSize } : {}),
    ...(c.latency ? { latencyMs: [scaled(100), scaled(300)] as [number, number] } : {}),
  });
  // A folder of the row's own run: BENCH_TRACE/40-40-jobs-of-the-action-started-over-10-minutes-<time>.
  const trace = TRACE && path.join(TRACE, `${jobs}-${describeShared(c).replace(/\W+/g, '-')}-${Date.now()}`);
  await sim.start();
  try {
    process.stderr.write(`${jobs} executions on one subscription, ${describeShared(c)}...\n`);
    const workflow: SimWorkflow = {
      id: randomUUID(),
      durationMs: scaled(durationMs),
      durationSpread: 0.1,
      finalStatus: 'Success',
      runningStatus: 'Running',
      steps: [{ nodeId: 'node-1', nodeType: 'AWS', output: { ok: true } }],
    };
    sim.addWorkflow(workflow);
    addHistory(sim, workflow.id, durationMs);
    const subscription = 'shared';
    if (c.otherPerHour) {
      // Another client that has spent at its pace for the last hour and goes on doing so.
      sim.spend(c.otherPerHour, { subscription, overMs: RATE_LIMIT.windowSec * 1000, steady: true });
    }
    // A job that started no execution (its run call failed) has no end: it counts as not succeeded.
    const ends = (id: string | undefined) => {
      const execution = sim.executions.find((e) => e.id === id);
      return execution ? endOf(execution) : NaN;
    };
    let results: { token: string; delayMs: number; ok: boolean; budgetNamed?: boolean }[];
    if (poller === 'fan-out') {
      const token = randomUUID();
      sim.addToken(token, subscription);
      const regions = Array.from({ length: jobs }, (_, i) => `region-${i + 1}`);
      const run = await runAction({
        ...actionInputs(sim, token, workflow.id),
        matrix: JSON.stringify({ region: regions }),
        variables: 'credentials: aa70acae-6ea8-3acf-b504-f327855b316a',
      });
      const looks = sim.callsTo('list').map((call) => call.at);
      results = run.outputs['execution-id'].split(',').map((id) => ({
        token,
        delayMs: ((looks.find((at) => at >= ends(id)) ?? run.exitedAt) - ends(id)) * SCALE,
        ok: run.outputs.result === 'success',
      }));
    } else {
      results = await Promise.all(
        Array.from({ length: jobs }, async (_, job) => {
          const token = randomUUID();
          sim.addToken(token, subscription);
          const startAt = c.arrivalMs ? scaled(c.arrivalMs) * Math.random() : 50 * job;
          await new Promise((resolve) => setTimeout(resolve, startAt));
          if (poller === 'action') {
            const run = await runAction(actionInputs(sim, token, workflow.id));
            if (trace)
              await mkdir(trace, { recursive: true }).then(() => writeFile(path.join(trace, `job-${String(job).padStart(3, '0')}.log`), run.stdout));
            if (!Number.isFinite(ends(run.outputs['execution-id'])))
              process.stderr.write(`  job ${job} started no execution: ${run.outputs.result}\n`);
            return {
              token,
              delayMs: (run.exitedAt - ends(run.outputs['execution-id'])) * SCALE,
              ok: run.outputs.result === 'success' && Number.isFinite(ends(run.outputs['execution-id'])),
              budgetNamed: run.outputs.result === 'timed_out' && /API budget/.test(run.summary),
            };
          }
          const done = await runFixedPoller(sim, token, workflow.id, scaled(10_000), Math.random(), path.join(scratch, `${token}.rss`));
          return { token, delayMs: (done.exitedAt - ends(done.executionId)) * SCALE, ok: true };
        }),
      );
    }
    const calls = sim.calls.filter((call) => call.subscription === subscription);
    if (trace) {
      await mkdir(trace, { recursive: true });
      const t0 = calls[0]?.at ?? 0;
      const job = new Map(results.map((r, i) => [`Bearer ${r.token}`, i]));
      const lines = calls.map((call) =>
        [
          ((call.at - t0) * SCALE) / 1000,
          job.get(call.authorization ?? ''),
          call.endpoint,
          call.status,
          call.answerHeaders['X-RateLimit-Remaining'],
          call.heldBack ?? '',
        ].join('\t'),
      );
      await writeFile(
        path.join(trace, 'calls.tsv'),
        `${['s', 'job', 'endpoint', 'status', 'remaining', 'held back'].join('\t')}\n${lines.join('\n')}\n`,
      );
    }
    const tokens = [...new Set(results.map((r) => r.token))];
    const ofJob = (token: string, held: (call: RecordedCall) => boolean) =>
      calls.filter((call) => call.authorization === `Bearer ${token}` && held(call)).length;
    const throttled = tokens.map((token) => ofJob(token, isThrottledAnswer));
    const crowded = tokens.map((token) => ofJob(token, isCrowdedAnswer));
    const delays = results.filter((r) => r.ok).map((r) => r.delayMs);
    const succeeded = results.filter((r) => r.ok).length;
    return {
      ...c,
      runs: 1,
      succeeded,
      calls: calls.length,
      callsLeast: calls.length,
      throttledTotal: throttled.reduce((a, b) => a + b, 0),
      throttledMax: Math.max(...throttled),
      crowdedTotal: crowded.reduce((a, b) => a + b, 0),
      crowdedMax: Math.max(...crowded),
      delays,
      delayMedianMs: delays.length ? median(delays) : NaN,
      delayMaxMs: delays.length ? Math.max(...delays) : NaN,
      perRun: [
        {
          delayMedianMs: delays.length ? median(delays) : NaN,
          delayMaxMs: delays.length ? Math.max(...delays) : NaN,
          throttledMax: Math.max(...throttled),
          succeeded,
        },
      ],
      budgetNamed: results.filter((r) => r.budgetNamed).length,
    };
  } finally {
    await sim.stop();
  }
}

export function describeShared(c: SharedCase): string {
  if (c.poller === 'fan-out') return 'action, one step with `matrix`';
  if (c.poller === 'fixed 10 s') return `${c.jobs} fixed 10 s pollers`;
  const how = c.arrivalMs
    ? `, started over ${c.arrivalMs / 60_000} minutes`
    : c.otherPerHour
      ? `, beside a client spending ${c.otherPerHour} calls/h`
      : '';
  const gateway = [c.pageSize && `pages of ${c.pageSize}`, c.latency && 'answers in 100–300 ms'].filter(Boolean).join(', ');
  return `${c.jobs} jobs of the action${how}${gateway ? ` (${gateway})` : ''}`;
}

/** The targets of the shared-subscription rows that ran; the fan-out's delay target needs the polling table too. */
export function sharedChecks(shared: SharedRow[], rows: Row[], checks: [string, boolean][]): void {
  for (const r of shared.filter((row) => row.poller === 'action')) {
    const what = describeShared(r);
    const ref = referenceDelays(r);
    checks.push([`${what}: at most ${r.throttledMax} answer per job held back by the rate limit ≤ 1 (every run)`, r.throttledMax <= 1]);
    if (!ref) {
      const failed = r.jobs * r.runs - r.succeeded;
      const fewest = Math.min(...r.perRun.map((p) => p.succeeded));
      if (r.jobs === 80) checks.push([`${what}: at least ${fewest} of 80 succeeded in every run ≥ ${EIGHTY_SERVED}`, fewest >= EIGHTY_SERVED]);
      checks.push([
        `${what}: every job succeeded or timed out naming the API budget (${r.succeeded} succeeded, ${r.budgetNamed} of ${failed} others named it)`,
        r.budgetNamed === failed,
      ]);
      continue;
    }
    checks.push([`${what}: ${r.succeeded} of ${r.jobs * r.runs} succeeded`, r.succeeded === r.jobs * r.runs]);
    const worstMedian = Math.max(...r.perRun.map((p) => p.delayMedianMs));
    const worstMax = Math.max(...r.perRun.map((p) => p.delayMaxMs));
    checks.push([
      `${what}: median delay ${seconds(worstMedian)} (slowest run) ≤ 2 × the reference ${seconds(ref.medianMs)}`,
      worstMedian <= 2 * ref.medianMs,
    ]);
    checks.push([`${what}: max delay ${seconds(worstMax)} (every run) ≤ 2 × max-poll-interval 120 s`, worstMax <= 120_000]);
  }
  const fan = shared.find((r) => r.poller === 'fan-out');
  if (!fan) return;
  checks.push([`50 executions in one step: at most ${fan.calls} API calls in a run ≤ 2 × 50 + 20`, fan.calls <= 120]);
  checks.push([
    `50 executions in one step: ${fan.throttledTotal + fan.crowdedTotal} answers holding a call back = 0, all ${fan.succeeded} succeeded`,
    fan.throttledTotal + fan.crowdedTotal === 0 && fan.succeeded === fan.jobs * fan.runs,
  ]);
  const single = rows.find((r) => r.execution === '5 min' && r.c.drawn);
  if (single) {
    checks.push([
      `50 executions in one step: median delay ${seconds(fan.delayMedianMs)} (${fan.runs} runs) within 1.5 s of one execution's ${seconds(single.delayMedianMs)}`,
      fan.delayMedianMs <= single.delayMedianMs + 1500,
    ]);
  }
}
