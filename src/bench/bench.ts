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
 * job's log and every call the subscription answered, and the polling rows each run's log of the
 * action (in `polling/`, named by row and delay), to see why a row fares as it does.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACTION_ENTRY } from '../simulator/runner.js';
import { DEFAULT_RATE_LIMIT } from '../simulator/server.js';
import { RATE_LIMIT, RUNS, SCALE, seconds, verdict } from './common.js';
import { pollingChecks, pollingTable } from './polling.js';
import {
  SHARED,
  SHARED_RUNS,
  describeShared,
  referenceDelays,
  sharedChecks,
  sharedSubscription,
  pooled,
  FAN_OUT_RUNS,
  type SharedCase,
  type SharedRow,
} from './shared.js';
import { installTime, largeOutputPeak, startTimes } from './startup.js';

/** Which tables to run: all without arguments; `shared:50` runs only the shared rows of 50 executions. */
function selection(args: string[]): { polling: boolean; startup: boolean; shared: SharedCase[] } {
  if (args.length === 0) return { polling: true, startup: true, shared: SHARED };
  const known = ['polling', 'shared', 'startup'];
  const bad = args.find((a) => !known.includes(a.split(':')[0]));
  if (bad !== undefined) throw new Error(`Unknown table '${bad}'. Expected any of ${known.join(', ')} (shared:N for the rows of N executions).`);
  // shared:N, or shared:N:KIND (action, staggered, steady, fixed, fan-out, pages-50, pages-20, pages-10,
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
          `  ${describeShared(c)}, run ${run + 1}: ${one.succeeded} of ${c.jobs} succeeded, ${one.calls} calls, held back by the rate limit ${one.throttledTotal} (most ${one.throttledMax}), at the concurrency limit ${one.crowdedTotal} (most ${one.crowdedMax}), delay median ${seconds(one.delayMedianMs)}, max ${seconds(one.delayMaxMs)}, ${one.budgetNamed} timed out naming the budget\n`,
        );
      }
      shared.push(pooled(runs));
    }
    const start = chosen.startup ? await startTimes(20) : undefined;
    const bundleBytes = (await stat(ACTION_ENTRY)).size;
    const largePeakMiB = chosen.startup ? await largeOutputPeak(scratch) : undefined;
    const installMs = chosen.startup ? await installTime(5, scratch) : undefined;

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
        '| executions | poller | succeeded | API calls, all (a run) | held back by the rate limit (most in one job) | at the concurrency limit (most in one job) | detection delay, median | detection delay, max | slowest run, median / max | reference, median / max |',
      );
      lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    }
    for (const r of shared) {
      const ref = referenceDelays(r);
      const worst = r.perRun.reduce((a, b) => (b.delayMaxMs > a.delayMaxMs ? b : a));
      lines.push(
        `| ${r.jobs} | ${describeShared(r)}${r.runs > 1 ? ` (${r.runs} runs)` : ''} | ${r.succeeded} of ${r.jobs * r.runs} | ${r.runs > 1 ? `${r.callsLeast}–${r.calls}` : r.calls} | ${r.throttledTotal} (${r.throttledMax}) | ${r.crowdedTotal} (${r.crowdedMax}) | ${seconds(r.delayMedianMs)} | ${seconds(r.delayMaxMs)} | ${seconds(worst.delayMedianMs)} / ${seconds(worst.delayMaxMs)} | ${ref ? `${seconds(ref.medianMs)} / ${seconds(ref.maxMs)}` : 'cannot pay'} |`,
      );
    }
    lines.push('');
    if (start && largePeakMiB !== undefined) {
      lines.push(
        `Process start to first request: the action ${start.action.toFixed(0)} ms, the command ${start.command.toFixed(0)} ms (medians of 20); \`node -e 0\`: ${start.bare.toFixed(0)} ms; ratios ${(start.action / start.bare).toFixed(2)} and ${(start.command / start.bare).toFixed(2)}.`,
      );
      lines.push(`The command installed from its tarball, offline, into an empty folder: ${((installMs ?? 0) / 1000).toFixed(1)} s (median of 5).`);
      lines.push(
        `Bundle: dist/index.js ${(bundleBytes / 1024).toFixed(0)} KiB. Peak RSS with a 50 MB step output: ${largePeakMiB.toFixed(0)} MiB (${(largePeakMiB / 50).toFixed(2)}× the output).`,
      );
    }

    const checks: [string, boolean][] = [];
    if (rows.length) pollingChecks(rows, checks);
    sharedChecks(shared, rows, checks);
    if (start && largePeakMiB !== undefined) {
      checks.push([`start to first request ${(start.action / start.bare).toFixed(2)}× \`node -e 0\` < 3×`, start.action < 3 * start.bare]);
      checks.push([
        `the command's start to first request ${(start.command / start.bare).toFixed(2)}× \`node -e 0\` < 3×`,
        start.command < 3 * start.bare,
      ]);
      checks.push([
        `the command's install from its tarball ${((installMs ?? 0) / 1000).toFixed(1)} s < 5 s`,
        installMs !== undefined && installMs < 5000,
      ]);
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

await main();
