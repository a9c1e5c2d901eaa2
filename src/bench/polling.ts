/** The polling table: one execution at a time, the action next to fixed-interval pollers. */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { endOf, QFlowSimulator, type SimExecution, type SimWorkflow } from '../simulator/server.js';
import { runAction } from '../simulator/runner.js';
import { median } from '../wait/history.js';
import {
  PEAK_RSS,
  STAGGER_MS,
  RATE_LIMIT,
  TRACE,
  RUNS,
  SCALE,
  actionInputs,
  addHistory,
  isCrowdedAnswer,
  isThrottledAnswer,
  runFixedPoller,
  scaled,
  seconds,
  spreadOut,
} from './common.js';

export type Poller = 'action' | 'fixed 10 s' | 'fixed 5 s';

export interface Case {
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

export interface Measure {
  calls: number;
  /** Reads of the workflow's definition. */
  definitionReads: number;
  /** Answers that held a call back (409 or 429). */
  throttled: number;
  /** From the end of the execution to the exit of the process, unscaled ms. */
  delayMs: number;
  peakRssKiB: number;
}

export const CASES: Case[] = [
  { poller: 'action', history: true },
  { poller: 'action', history: false },
  { poller: 'fixed 10 s', history: false },
  { poller: 'fixed 5 s', history: false },
];
/** For the longer executions: how the action fares with runs that do not end at their usual time. */
export const LONG_CASES: Case[] = [
  { poller: 'action', history: true, failsEarly: true },
  { poller: 'action', history: true, drawn: true },
];
/** For the shorter executions, where one call counts most: override variables, checked against the definition. */
export const CHECKED_CASES: Case[] = [{ poller: 'action', history: true, variables: true }];
/** For the 5-minute executions: a budget that other clients have mostly or wholly spent. */
export const BUDGET_CASES: Case[] = [
  { poller: 'action', history: true, budget: 'fifty left' },
  { poller: 'action', history: true, budget: 'spent' },
];

/** Overrides of the simulator's default variables, complete as the 1.18 rule asks (an AWS connector and region). */
export const OVERRIDES = 'credentials: aa70acae-6ea8-3acf-b504-f327855b316a\nregion: eu-west-1';

/** `run` of RUNS: the fixed pollers' phase is random within the run's own part of the interval. */
export async function measureOne(sim: QFlowSimulator, durationMs: number, c: Case, run: number, scratch: string): Promise<Measure> {
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
    if (TRACE) await traceRun(durationMs, c, run.stdout, sim, workflow.id, exitedAt);
  } else {
    const interval = scaled(c.poller === 'fixed 10 s' ? 10_000 : 5000);
    exitedAt = (await runFixedPoller(sim, token, workflow.id, interval, (run + Math.random()) / RUNS, rssFile)).exitedAt;
  }
  const execution = sim.executions.find((e) => e.workflowId === workflow.id && e.request !== undefined) as SimExecution;
  const calls = sim.calls.filter((call) => call.subscription === token);
  return {
    calls: calls.length,
    definitionReads: calls.filter((call) => call.endpoint === 'workflow').length,
    // One job alone should meet neither limit: every answer that held a call back counts.
    throttled: calls.filter((call) => isThrottledAnswer(call) || isCrowdedAnswer(call)).length,
    delayMs: (exitedAt - endOf(execution)) * SCALE,
    peakRssKiB: Number(await readFile(rssFile, 'utf8')),
  };
}

/**
 * With BENCH_TRACE=folder: the action's log of one run, named by its row and delay, headed by when
 * the execution was created and ended and the process exited (real ms from its creation), so an
 * outlier can be read.
 */
async function traceRun(durationMs: number, c: Case, log: string, sim: QFlowSimulator, workflowId: string, exitedAt: number): Promise<void> {
  const execution = sim.executions.find((e) => e.workflowId === workflowId && e.request !== undefined) as SimExecution;
  const created = execution.createdAt;
  const delay = ((exitedAt - endOf(execution)) * SCALE) / 1000;
  const row = [
    `${durationMs / 60_000}min`,
    c.poller,
    c.history ? 'history' : 'no-history',
    c.failsEarly && 'fails-early',
    c.drawn && 'drawn',
    c.budget,
    c.variables && 'variables',
  ]
    .filter(Boolean)
    .join('-')
    .replace(/\W+/g, '-');
  const folder = path.join(TRACE as string, 'polling');
  await mkdir(folder, { recursive: true });
  const head = `created 0 ms, ended ${endOf(execution) - created} ms, exited ${exitedAt - created} ms (real); delay ${delay.toFixed(1)} s (unscaled)\n`;
  await writeFile(path.join(folder, `${row}-delay-${delay.toFixed(1)}s-${execution.id.slice(0, 8)}.log`), head + log);
}

export interface Row {
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

export async function pollingTable(scratch: string): Promise<Row[]> {
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

export function pollingChecks(rows: Row[], checks: [string, boolean][]): void {
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
