/**
 * `npm run bench`: how many API calls the action spends and how soon it notices the end of an
 * execution, next to fixed-interval pollers (the pattern of the action's peers), measured in one run
 * against the QFlow simulator. Time is scaled down: durations and intervals are divided by
 * BENCH_SCALE (default 10), so their ratios hold, and results are shown in unscaled seconds; each row
 * is BENCH_RUNS runs (default 25).
 *
 * The fixed pollers look at a random phase against the end, as they would against real durations,
 * which are no exact multiple of their interval; the phases of a row's runs are spread evenly over
 * the interval (one at random in each of RUNS equal parts), so that a row's median is the poller's
 * true median rather than the luck of a few draws. "History" means 20 earlier successful runs whose
 * durations spread ±10 % around the execution's own.
 *
 * The simulator sends the documented rate-limit headers and enforces their limits (300 calls per
 * 3600 s, the window scaled like every other duration, and 2 calls at once); each measured run has
 * a subscription of its own, except in the shared-subscription table, where many jobs share one.
 *
 * `npm run bench -- TABLE…` runs only the tables named (`polling`, `shared`, `startup`), and the
 * targets that need them; `shared:50` runs only the shared-subscription rows of 50 executions, and
 * `shared:50:action` only the one of the action's jobs started together (`staggered`, `steady`,
 * `fixed` and `fan-out` pick the others). With BENCH_TRACE=folder, the shared rows leave there each
 * job's log and every call the subscription answered, to see why a row fares as it does.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RATE_LIMIT, endOf, QFlowSimulator, type RecordedCall, type SimExecution, type SimWorkflow } from '../simulator/server.js';
import { ACTION_ENTRY, runAction } from '../simulator/runner.js';
import { median } from '../wait/history.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
/** A folder for the log of each job of the shared-subscription rows and their calls, to see why a row fares as it does. */
const TRACE = process.env.BENCH_TRACE;
/** Real ms between two process starts, so starting dozens of processes does not load the machine at once. */
const STAGGER_MS = 250;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PEAK_RSS = path.join(HERE, 'peak-rss.cjs');
const FIXED_POLLER = path.join(HERE, 'fixed-poller.mjs');
const TOKEN = 'bench-token';
/** The action's defaults, which the benchmark measures. */
const ACTION_DEFAULTS = { pollIntervalMs: 2000, maxPollIntervalMs: 60_000, timeoutMs: 3_600_000 };
/** The documented default budget, its window scaled like every other duration. */
const RATE_LIMIT = { limit: DEFAULT_RATE_LIMIT.limit, windowSec: DEFAULT_RATE_LIMIT.windowSec / SCALE };
/**
 * Jobs sharing one subscription: jobs of the action started 0.5 s apart (or over `arrivalMs`, or beside
 * a steady other client spending `otherPerHour` calls an hour), fixed pollers, and one step with a
 * `matrix`. The action's rows run SHARED_RUNS times, each on a subscription of its own: their targets
 * must hold in every run.
 */
interface SharedCase {
  jobs: number;
  poller: SharedPoller;
  arrivalMs?: number;
  otherPerHour?: number;
  /** The most items a page of the execution list holds (the docs name no largest; by default every size asked is served). */
  pageSize?: number;
  /** Answers take 100–300 ms (scaled like every other duration). */
  latency?: boolean;
}
const SHARED: SharedCase[] = [
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
  { jobs: 50, poller: 'action', latency: true },
  { jobs: 50, poller: 'action', pageSize: 20, latency: true },
];
/** Of 80 jobs, the budget pays about three quarters within the hour (see the README): at least this many must succeed. */
const EIGHTY_SERVED = 55;
const SHARED_RUNS = Number(process.env.BENCH_SHARED_RUNS ?? 3);
/** The spread of the ends of a 5-minute workflow whose runs take ±10 %. */
const ENDS_SPREAD_MS = 60_000;

const scaled = (ms: number) => ms / SCALE;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Poller = 'action' | 'fixed 10 s' | 'fixed 5 s';

interface Case {
  poller: Poller;
  history: boolean;
  /** The execution fails at a tenth of its usual duration. */
  failsEarly?: boolean;
  /** The execution takes a duration drawn from its history's spread, as real runs do, instead of the usual one. */
  drawn?: boolean;
  /**
   * What other clients left of the run's subscription: 50 of 300 calls, another client spending the
   * rest at a steady pace; or nothing, all 300 spent over the last window.
   */
  budget?: 'fifty left' | 'spent';
  /** Override variables, which the action checks against the workflow's definition first: one call more. */
  variables?: boolean;
}

interface Measure {
  calls: number;
  /** Reads of the workflow's definition. */
  definitionReads: number;
  /** Answers that held a call back (409 or 429). */
  throttled: number;
  /** From the end of the execution to the exit of the process, unscaled ms. */
  delayMs: number;
  peakRssKiB: number;
}

const CASES: Case[] = [
  { poller: 'action', history: true },
  { poller: 'action', history: false },
  { poller: 'fixed 10 s', history: false },
  { poller: 'fixed 5 s', history: false },
];
/** For the longer executions: how the action fares with runs that do not end at their usual time. */
const LONG_CASES: Case[] = [
  { poller: 'action', history: true, failsEarly: true },
  { poller: 'action', history: true, drawn: true },
];
/** For the shorter executions, where one call counts most: override variables, checked against the definition. */
const CHECKED_CASES: Case[] = [{ poller: 'action', history: true, variables: true }];
/** For the 5-minute executions: a budget that other clients have mostly or wholly spent. */
const BUDGET_CASES: Case[] = [
  { poller: 'action', history: true, budget: 'fifty left' },
  { poller: 'action', history: true, budget: 'spent' },
];

/** Overrides of the simulator's default variables, complete as the 1.18 rule asks (an AWS connector and region). */
const OVERRIDES = 'credentials: aa70acae-6ea8-3acf-b504-f327855b316a\nregion: eu-west-1';

const isThrottledAnswer = (call: RecordedCall) => call.status === 409 || call.status === 429;

/** The action's inputs for a bench run: its defaults, scaled. */
function actionInputs(sim: QFlowSimulator, token: string, workflowId: string): Record<string, string> {
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
function runFixedPoller(sim: QFlowSimulator, token: string, workflowId: string, intervalMs: number, phase: number, rssFile: string) {
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
function addHistory(sim: QFlowSimulator, workflowId: string, durationMs: number): void {
  for (let i = 0; i < 20; i++) {
    sim.addExecution({ workflowId, createdAt: Date.now() - (i + 1) * 3600_000, durationMs: scaled(spreadOut(durationMs)), finalStatus: 'Success' });
  }
}

/** Ends to spread over ±10 %, like the history's. */
const spreadOut = (ms: number) => ms * (0.9 + 0.2 * Math.random());

/** `run` of RUNS: the fixed pollers' phase is random within the run's own part of the interval. */
async function measureOne(sim: QFlowSimulator, durationMs: number, c: Case, run: number, scratch: string): Promise<Measure> {
  const workflow: SimWorkflow = {
    id: randomUUID(),
    durationMs: scaled(c.failsEarly ? durationMs / 10 : c.drawn ? spreadOut(durationMs) : durationMs),
    finalStatus: c.failsEarly ? 'Failed' : 'Success',
    runningStatus: 'Running',
    steps: [{ nodeId: 'node-1', nodeType: 'AWS', output: { ok: true } }],
  };
  sim.addWorkflow(workflow);
  if (c.history) addHistory(sim, workflow.id, durationMs);
  // A subscription of its own, with what other clients left of it.
  const token = randomUUID();
  sim.addToken(token);
  if (c.budget === 'fifty left') sim.spend(RATE_LIMIT.limit - 50, { subscription: token, overMs: RATE_LIMIT.windowSec * 1000, steady: true });
  if (c.budget === 'spent') sim.spend(RATE_LIMIT.limit, { subscription: token, overMs: RATE_LIMIT.windowSec * 1000 });
  const rssFile = path.join(scratch, `${workflow.id}.rss`);
  let exitedAt: number;
  if (c.poller === 'action') {
    const inputs = { ...actionInputs(sim, token, workflow.id), ...(c.variables ? { variables: OVERRIDES } : {}) };
    const run = await runAction(inputs, { nodeArgs: ['--require', PEAK_RSS], env: { PEAK_RSS_FILE: rssFile } });
    if (run.outputs.result !== (c.failsEarly ? 'failure' : 'success')) throw new Error(`The action ended ${run.outputs.result}: ${run.stdout}`);
    exitedAt = run.exitedAt;
  } else {
    const interval = scaled(c.poller === 'fixed 10 s' ? 10_000 : 5000);
    exitedAt = (await runFixedPoller(sim, token, workflow.id, interval, (run + Math.random()) / RUNS, rssFile)).exitedAt;
  }
  const execution = sim.executions.find((e) => e.workflowId === workflow.id && e.request !== undefined) as SimExecution;
  const calls = sim.calls.filter((call) => call.subscription === token);
  return {
    calls: calls.length,
    definitionReads: calls.filter((call) => call.endpoint === 'workflow').length,
    throttled: calls.filter(isThrottledAnswer).length,
    delayMs: (exitedAt - endOf(execution)) * SCALE,
    peakRssKiB: Number(await readFile(rssFile, 'utf8')),
  };
}

interface Row {
  execution: string;
  durationMs: number;
  c: Case;
  calls: number;
  /** The calls of the wait itself: all but the definition reads (median). */
  waitCalls: number;
  /** Reads of the workflow's definition: the fewest and the most in one run. */
  definitionReads: [number, number];
  /** Throttled answers: the most in one run, and in all runs. */
  throttledMax: number;
  throttledTotal: number;
  delayMedianMs: number;
  delayMaxMs: number;
  peakRssMiB: number;
}

async function pollingTable(scratch: string): Promise<Row[]> {
  const rows: Row[] = [];
  const durations: [string, number][] = [
    ['30 s', 30_000],
    ['5 min', 300_000],
    ['30 min', 1_800_000],
  ];
  for (const [execution, durationMs] of durations) {
    const sim = new QFlowSimulator({ rateLimit: RATE_LIMIT });
    await sim.start();
    const cases = [
      ...CASES,
      ...(durationMs <= 300_000 ? CHECKED_CASES : []),
      ...(durationMs > 60_000 ? LONG_CASES : []),
      ...(durationMs === 300_000 ? BUDGET_CASES : []),
    ];
    // Starting a process takes CPU; a run whose execution ends while others start would notice late
    // for a reason of the machine's. So runs go in batches whose starts are over by half the duration.
    const batchSize = Math.max(1, Math.floor(scaled(durationMs) / 2 / STAGGER_MS));
    const jobs = Array.from({ length: RUNS }, (_, run) => cases.map((c, i) => ({ c, i, run }))).flat();
    const batches = Math.ceil(jobs.length / batchSize);
    process.stderr.write(
      `${execution}: ${cases.length} pollers × ${RUNS} runs in ${batches} batches, about ${seconds(batches * scaled(durationMs) * 1.7 + jobs.length * STAGGER_MS)} of real time...\n`,
    );
    const results: Measure[][] = cases.map(() => []);
    for (let first = 0; first < jobs.length; first += batchSize) {
      await Promise.all(
        jobs.slice(first, first + batchSize).map(async ({ c, i, run }, k) => {
          await new Promise((resolve) => setTimeout(resolve, STAGGER_MS * k));
          results[i].push(await measureOne(sim, durationMs, c, run, scratch));
        }),
      );
    }
    await sim.stop();
    cases.forEach((c, i) => {
      const measures = results[i];
      rows.push({
        execution,
        durationMs,
        c,
        calls: median(measures.map((m) => m.calls)),
        waitCalls: median(measures.map((m) => m.calls - m.definitionReads)),
        definitionReads: [Math.min(...measures.map((m) => m.definitionReads)), Math.max(...measures.map((m) => m.definitionReads))],
        throttledMax: Math.max(...measures.map((m) => m.throttled)),
        throttledTotal: measures.reduce((sum, m) => sum + m.throttled, 0),
        delayMedianMs: median(measures.map((m) => m.delayMs)),
        delayMaxMs: Math.max(...measures.map((m) => m.delayMs)),
        peakRssMiB: Math.max(...measures.map((m) => m.peakRssKiB)) / 1024,
      });
    });
  }
  return rows;
}

type SharedPoller = 'action' | 'fixed 10 s' | 'fan-out';

interface SharedRow extends SharedCase {
  /** Runs of the row: each on a subscription of its own. */
  runs: number;
  succeeded: number;
  /** All calls of a run; with several runs, of the run that spent most. */
  calls: number;
  /** With several runs, the calls of the run that spent least. */
  callsLeast: number;
  throttledTotal: number;
  throttledMax: number;
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
function referenceDelays(c: SharedCase): { medianMs: number; maxMs: number } | undefined {
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
const FAN_OUT_RUNS = 5;

/** Several runs of a row as one: the delays of every end pooled, the calls of the run that spent most. */
function pooled(runs: SharedRow[]): SharedRow {
  const delays = runs.flatMap((r) => r.delays);
  return {
    ...runs[0],
    runs: runs.length,
    succeeded: runs.reduce((sum, r) => sum + r.succeeded, 0),
    calls: Math.max(...runs.map((r) => r.calls)),
    callsLeast: Math.min(...runs.map((r) => r.calls)),
    throttledTotal: runs.reduce((sum, r) => sum + r.throttledTotal, 0),
    throttledMax: Math.max(...runs.map((r) => r.throttledMax)),
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
async function sharedSubscription(c: SharedCase, scratch: string): Promise<SharedRow> {
  const { jobs, poller } = c;
  const durationMs = 300_000;
  const sim = new QFlowSimulator({
    rateLimit: RATE_LIMIT,
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
        ].join('\t'),
      );
      await writeFile(path.join(trace, 'calls.tsv'), `${['s', 'job', 'endpoint', 'status', 'remaining'].join('\t')}\n${lines.join('\n')}\n`);
    }
    const tokens = [...new Set(results.map((r) => r.token))];
    const throttled = tokens.map((token) => calls.filter((call) => call.authorization === `Bearer ${token}` && isThrottledAnswer(call)).length);
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

/** Milliseconds from spawning the action to its first request, and from spawning `node -e 0` to its exit. */
async function startTimes(count: number): Promise<{ action: number; bare: number }> {
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

async function largeOutputPeak(scratch: string): Promise<number> {
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

function verdict(ok: boolean): string {
  return ok ? '✅' : '❌';
}

function describeShared(c: SharedCase): string {
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

/** Which tables to run: all without arguments; `shared:50` runs only the shared rows of 50 executions. */
function selection(args: string[]): { polling: boolean; startup: boolean; shared: SharedCase[] } {
  if (args.length === 0) return { polling: true, startup: true, shared: SHARED };
  const known = ['polling', 'shared', 'startup'];
  const bad = args.find((a) => !known.includes(a.split(':')[0]));
  if (bad !== undefined) throw new Error(`Unknown table '${bad}'. Expected any of ${known.join(', ')} (shared:N for the rows of N executions).`);
  // shared:N, or shared:N:KIND (action, staggered, steady, fixed, fan-out, pages-50, pages-20,
  // latency, latency-pages-20) for one kind of row.
  const picks = args.filter((a) => a.startsWith('shared:')).map((a) => a.split(':'));
  const kind = (c: SharedCase) =>
    c.latency
      ? `latency${c.pageSize ? `-pages-${c.pageSize}` : ''}`
      : c.pageSize
        ? `pages-${c.pageSize}`
        : c.arrivalMs
          ? 'staggered'
          : c.otherPerHour
            ? 'steady'
            : c.poller.split(' ')[0];
  const picked = (c: SharedCase) => picks.some(([, jobs, poller]) => Number(jobs) === c.jobs && (poller === undefined || kind(c) === poller));
  return {
    polling: args.includes('polling'),
    startup: args.includes('startup'),
    shared: args.includes('shared') ? SHARED : SHARED.filter(picked),
  };
}

async function main(): Promise<void> {
  const chosen = selection(process.argv.slice(2));
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'qflow-bench-'));
  try {
    const rows = chosen.polling ? await pollingTable(scratch) : [];
    const shared: SharedRow[] = [];
    for (const c of chosen.shared) {
      const times = c.poller === 'fan-out' ? FAN_OUT_RUNS : c.poller === 'action' ? SHARED_RUNS : 1;
      const runs: SharedRow[] = [];
      for (let run = 0; run < times; run++) {
        const one = await sharedSubscription(c, scratch);
        runs.push(one);
        // Said at once, so a long benchmark stopped early still tells what it measured.
        process.stderr.write(
          `  ${describeShared(c)}, run ${run + 1}: ${one.succeeded} of ${c.jobs} succeeded, ${one.calls} calls, throttled ${one.throttledTotal} (most ${one.throttledMax}), delay median ${seconds(one.delayMedianMs)}, max ${seconds(one.delayMaxMs)}, ${one.budgetNamed} timed out naming the budget\n`,
        );
      }
      shared.push(pooled(runs));
    }
    const start = chosen.startup ? await startTimes(20) : undefined;
    const bundleBytes = (await stat(ACTION_ENTRY)).size;
    const largePeakMiB = chosen.startup ? await largeOutputPeak(scratch) : undefined;

    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const lines: string[] = [];
    lines.push(`Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}.`);
    lines.push(
      `Time scale 1/${SCALE}, ${RUNS} runs per row; action with its defaults (poll-interval 2s, max-poll-interval 1m, timeout 1h). Delays and intervals in unscaled seconds.`,
    );
    lines.push(
      `Gateway: ${RATE_LIMIT.limit} calls per ${DEFAULT_RATE_LIMIT.windowSec} s (rolling window), 2 at once, headers on every answer; a subscription per run.`,
    );
    if (rows.length) {
      lines.push('');
      lines.push(
        '| execution | poller | history | API calls (median) | of them, definition reads | throttled answers (all runs) | detection delay, median | detection delay, max | peak RSS |',
      );
      lines.push('|---|---|---|---:|---:|---:|---:|---:|---:|');
    }
    for (const r of rows) {
      const who = r.c.failsEarly
        ? 'action, run fails at 1/10'
        : r.c.drawn
          ? 'action, run ends anywhere in ±10 %'
          : r.c.budget === 'fifty left'
            ? 'action, 50 of 300 calls left'
            : r.c.budget === 'spent'
              ? 'action, budget spent at the start'
              : r.c.variables
                ? 'action, variables checked against the definition'
                : r.c.poller;
      lines.push(
        `| ${r.execution} | ${who} | ${r.c.poller === 'action' ? (r.c.history ? 'yes' : 'no') : '–'} | ${r.calls} | ${r.definitionReads[0] === r.definitionReads[1] ? r.definitionReads[0] : r.definitionReads.join('–')} | ${r.throttledTotal} | ${seconds(r.delayMedianMs)} | ${seconds(r.delayMaxMs)} | ${r.peakRssMiB.toFixed(0)} MiB |`,
      );
    }
    if (shared.length) {
      lines.push('');
      lines.push(
        `Executions of a 5-minute workflow (±10 %, 20-run history) on one subscription of 300 calls per hour: jobs of the action or of a fixed poller started 50 ms (unscaled 0.5 s) apart unless said otherwise, or one step with a \`matrix\`, where an end counts as noticed at the first look after it. Rows of the action's jobs are ${SHARED_RUNS} runs, each on a subscription of its own, their delays pooled; the reference is a planner that sees every job (see the README):`,
      );
      lines.push('');
      lines.push(
        '| executions | poller | succeeded | API calls, all (a run) | throttled answers (most in one job) | detection delay, median | detection delay, max | slowest run, median / max | reference, median / max |',
      );
      lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    }
    for (const r of shared) {
      const ref = referenceDelays(r);
      const worst = r.perRun.reduce((a, b) => (b.delayMaxMs > a.delayMaxMs ? b : a));
      lines.push(
        `| ${r.jobs} | ${describeShared(r)}${r.runs > 1 ? ` (${r.runs} runs)` : ''} | ${r.succeeded} of ${r.jobs * r.runs} | ${r.runs > 1 ? `${r.callsLeast}–${r.calls}` : r.calls} | ${r.throttledTotal} (${r.throttledMax}) | ${seconds(r.delayMedianMs)} | ${seconds(r.delayMaxMs)} | ${seconds(worst.delayMedianMs)} / ${seconds(worst.delayMaxMs)} | ${ref ? `${seconds(ref.medianMs)} / ${seconds(ref.maxMs)}` : 'cannot pay'} |`,
      );
    }
    lines.push('');
    if (start && largePeakMiB !== undefined) {
      lines.push(
        `Process start to first request: ${start.action.toFixed(0)} ms (median of 20); \`node -e 0\`: ${start.bare.toFixed(0)} ms; ratio ${(start.action / start.bare).toFixed(2)}.`,
      );
      lines.push(
        `Bundle: dist/index.js ${(bundleBytes / 1024).toFixed(0)} KiB. Peak RSS with a 50 MB step output: ${largePeakMiB.toFixed(0)} MiB (${(largePeakMiB / 50).toFixed(2)}× the output).`,
      );
    }

    const checks: [string, boolean][] = [];
    if (rows.length) pollingChecks(rows, checks);
    sharedChecks(shared, rows, checks);
    if (start && largePeakMiB !== undefined) {
      checks.push([`start to first request ${(start.action / start.bare).toFixed(2)}× \`node -e 0\` < 3×`, start.action < 3 * start.bare]);
      checks.push([`peak RSS with a 50 MB output ${largePeakMiB.toFixed(0)} MiB < 200 MiB`, largePeakMiB < 200]);
    }
    lines.push('');
    lines.push('Targets:');
    for (const [text, ok] of checks) lines.push(`- ${verdict(ok)} ${text}`);
    console.log(lines.join('\n'));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function pollingChecks(rows: Row[], checks: [string, boolean][]): void {
  const find = (execution: string, poller: Poller, history: boolean, failsEarly = false) =>
    rows.find(
      (r) =>
        r.execution === execution &&
        r.c.poller === poller &&
        r.c.history === history &&
        !!r.c.failsEarly === failsEarly &&
        !r.c.drawn &&
        !r.c.budget &&
        !r.c.variables,
    )!;
  for (const execution of ['5 min', '30 min']) {
    const ours = find(execution, 'action', true);
    const fixed = find(execution, 'fixed 10 s', false);
    // The wait's own calls against the fixed poller's; the summary's definition read is checked below.
    checks.push([`${execution}, history: calls of the wait ${ours.waitCalls} ≤ 40 % of ${fixed.calls}`, ours.waitCalls <= 0.4 * fixed.calls]);
    checks.push([
      `${execution}, history: median delay ${seconds(ours.delayMedianMs)} ≤ half of ${seconds(fixed.delayMedianMs)}`,
      ours.delayMedianMs <= fixed.delayMedianMs / 2,
    ]);
    const early = find(execution, 'action', true, true);
    checks.push([`${execution}, run failing at 1/10: max delay ${seconds(early.delayMaxMs)} ≤ max-poll-interval 60 s`, early.delayMaxMs <= 60_000]);
  }
  {
    const ours = find('30 s', 'action', true);
    const fixed = find('30 s', 'fixed 10 s', false);
    checks.push([`30 s, history: calls of the wait ${ours.waitCalls} ≤ ${fixed.calls}`, ours.waitCalls <= fixed.calls]);
    checks.push([
      `30 s, history: median delay ${seconds(ours.delayMedianMs)} ≤ ${seconds(fixed.delayMedianMs)}`,
      ours.delayMedianMs <= fixed.delayMedianMs,
    ]);
  }
  {
    const ours = find('30 min', 'action', false);
    const fixed = find('30 min', 'fixed 10 s', false);
    checks.push([`30 min, no history: calls of the wait ${ours.waitCalls} ≤ a third of ${fixed.calls}`, ours.waitCalls <= fixed.calls / 3]);
  }
  for (const execution of ['30 s', '5 min', '30 min']) {
    const ours = find(execution, 'action', false);
    checks.push([`${execution}, no history: max delay ${seconds(ours.delayMaxMs)} ≤ max-poll-interval 60 s`, ours.delayMaxMs <= 60_000]);
  }
  for (const execution of ['30 s', '5 min']) {
    // The definition is read once, before the run call; the looks after it are those of any run, whose
    // count and delay vary from run to run with where the end falls against the looks (the plain row).
    const plain = find(execution, 'action', true);
    const checked = rows.find((r) => r.execution === execution && r.c.variables)!;
    const [fewest, most] = checked.definitionReads;
    checks.push([`${execution}, variables checked: the definition read once in every run (${fewest} to ${most})`, fewest === 1 && most === 1]);
    checks.push([
      `${execution}, variables checked: calls ${checked.calls} ≤ the plain row's ${plain.calls} + 1 + 10 %`,
      checked.calls <= Math.ceil(1.1 * plain.calls) + 1,
    ]);
    checks.push([
      `${execution}, variables checked: median delay ${seconds(checked.delayMedianMs)} ≤ the plain row's ${seconds(plain.delayMedianMs)} + 10 % (or 1 s, a tenth of a second of real time)`,
      checked.delayMedianMs <= plain.delayMedianMs + Math.max(0.1 * plain.delayMedianMs, 1000),
    ]);
  }
  // A plain run reads the definition once, after the wait, for the summary's step names and picture,
  // when the budget has room; with 50 of 300 calls left, or none, it does not.
  for (const r of rows.filter((r) => r.c.poller === 'action' && !r.c.variables)) {
    const [fewest, most] = r.definitionReads;
    const expected = r.c.budget ? 0 : 1;
    checks.push([
      `${r.execution}, ${r.c.budget ?? 'plain'}: definition reads for the summary ${fewest} to ${most} = ${expected}`,
      fewest === expected && most === expected,
    ]);
  }
  const fifty = rows.find((r) => r.c.budget === 'fifty left')!;
  checks.push([`5 min, 50 of 300 calls left: max delay ${seconds(fifty.delayMaxMs)} ≤ max-poll-interval 60 s`, fifty.delayMaxMs <= 60_000]);
  checks.push([`5 min, 50 of 300 calls left: ${fifty.throttledTotal} throttled answers = 0`, fifty.throttledTotal === 0]);
  const spent = rows.find((r) => r.c.budget === 'spent')!;
  checks.push([
    `5 min, budget spent at the start: every run succeeded, at most ${spent.throttledMax} throttled answer per run ≤ 1`,
    spent.throttledMax <= 1,
  ]);
}

/** The targets of the shared-subscription rows that ran; the fan-out's delay target needs the polling table too. */
function sharedChecks(shared: SharedRow[], rows: Row[], checks: [string, boolean][]): void {
  for (const r of shared.filter((row) => row.poller === 'action')) {
    const what = describeShared(r);
    const ref = referenceDelays(r);
    checks.push([`${what}: at most ${r.throttledMax} throttled answer per job ≤ 1 (every run)`, r.throttledMax <= 1]);
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
    `50 executions in one step: ${fan.throttledTotal} throttled answers = 0, all ${fan.succeeded} succeeded`,
    fan.throttledTotal === 0 && fan.succeeded === fan.jobs * fan.runs,
  ]);
  const single = rows.find((r) => r.execution === '5 min' && r.c.drawn);
  if (single) {
    checks.push([
      `50 executions in one step: median delay ${seconds(fan.delayMedianMs)} (${fan.runs} runs) within 1.5 s of one execution's ${seconds(single.delayMedianMs)}`,
      fan.delayMedianMs <= single.delayMedianMs + 1500,
    ]);
  }
}

await main();
