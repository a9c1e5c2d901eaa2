/**
 * A fleet of waits on one subscription, as pure planners over a shared rolling window: each job's own
 * ApiBudget reads the headers its calls would get, and nextPollDelay plans its next look. No processes,
 * no sockets: time is simulated, so a fleet of 100 runs in a fraction of a second.
 */
import { RollingWindow } from '../../src/simulator/rolling-window.js';
import { readBudgetHeaders } from '../../src/qflow/limits.js';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiBudget } from '../../src/qflow/budget.js';
import { MAX_THROTTLE_DOUBLINGS, throttleSpread } from '../../src/qflow/retry.js';
import { LATELY_ENDED, nextPollDelay } from '../../src/wait/schedule.js';
import { durationModel, TRUSTED_SAMPLES } from '../../src/wait/history.js';
import { CLOCK_SKEW_MS, LARGEST_PAGE } from '../../src/wait/list-search.js';
import { chanceStillRunning } from '../../src/wait/schedule.js';

export interface FleetOptions {
  jobs: number;
  /** Calls per window, and the window. */
  limit?: number;
  windowMs?: number;
  /** Each execution runs this long × (1 ± spread). */
  durationMs?: number;
  spread?: number;
  /** Jobs start this far apart. */
  staggerMs?: number;
  /** Jobs start at random over this long instead. */
  arrivalMs?: number;
  /** Another client that has spent this many calls a window at a steady pace, and goes on doing so. */
  otherPerWindow?: number;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  timeoutMs?: number;
  seed?: number;
  /**
   * The most items a page of the execution list holds (the gateway's own page size). The first look
   * sees the newest that many; a later look pages through the executions created around its own
   * until it is found, and once that took more than a page, reads from its own on.
   */
  pageSize?: number;
  /** Print each call and each plan. */
  debug?: boolean;
}

export interface FleetResult {
  /** Per job: ms from its end to the look that saw it; undefined when it timed out. */
  delays: (number | undefined)[];
  /** Per job: answers that held a call back. */
  throttled: number[];
  /** Per job: the longest it went between two calls, ms. */
  longestGap: number[];
  /** The most calls admitted within any one window. */
  mostInWindow: number;
  calls: number;
}

export function runFleet(options: FleetOptions): FleetResult {
  const {
    jobs,
    limit = 300,
    windowMs = 3_600_000,
    durationMs = 300_000,
    spread = 0.1,
    staggerMs = 500,
    pollIntervalMs = 2000,
    maxPollIntervalMs = 60_000,
    timeoutMs = 3_600_000,
    pageSize = LARGEST_PAGE,
  } = options;
  let seed = options.seed ?? 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pastRuns = 20;
  const history = durationModel(Array.from({ length: pastRuns }, () => durationMs * (1 - spread + 2 * spread * random())))!;
  const gateway = new RollingWindow(limit, windowMs);
  // The other client's calls, from a window before the first job on.
  if (options.otherPerWindow) gateway.spendSteadily(windowMs / options.otherPerWindow, -windowMs + windowMs / options.otherPerWindow);
  let now = 0;
  const clock = { now: () => now, sleep: () => Promise.resolve() };
  /** One call to the gateway at `now`: admitted or throttled, and the headers of its answer. */
  const call = (): { ok: boolean; headers: IncomingHttpHeaders } => {
    const ok = gateway.take(now);
    const headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-window-sec': String(windowMs / 1000),
      'x-ratelimit-remaining': String(gateway.remaining(now)),
      'x-ratelimit-towait-sec': String(ok ? 0 : gateway.toWaitSec(now)),
    };
    return { ok, headers };
  };
  interface Job {
    start: number;
    end: number;
    budget: ApiBudget;
    poll: number;
    next: number;
    /** The past runs: from the first look's page, or read apart when the fleet's new executions crowded them off it. */
    history?: typeof history;
    /** 'run', then 'look' until the end is seen ('history' once after the first look, if needed), then 'steps', then done. */
    phase: 'run' | 'look' | 'history' | 'steps' | 'done';
    /** Pages of the current look still to read. */
    pagesLeft: number;
    /** A look had to read more than one page: later ones read from this job's execution on. */
    crowded: boolean;
    /** The current look reads from this job's execution on. */
    fromOurs?: boolean;
    /** Jobs created before this one, seen running at the last look that showed them. */
    earlier: Job[];
    /** Older executions off the first look's page, running then, created before `before`. */
    unseen?: { count: number; before: number };
    delay?: number;
    throttled: number;
    /** Throttled answers to the call it is making now, each spreading its return twice as wide. */
    heldInARow: number;
    last: number;
    longestGap: number;
  }
  const fleet: Job[] = Array.from({ length: jobs }, (_, i) => {
    const start = options.arrivalMs ? random() * options.arrivalMs : i * staggerMs;
    return {
      start,
      end: start + durationMs * (1 - spread + 2 * spread * random()),
      budget: new ApiBudget(clock),
      poll: 1,
      next: start,
      phase: 'run',
      pagesLeft: 0,
      crowded: false,
      earlier: [],
      throttled: 0,
      heldInARow: 0,
      last: start,
      longestGap: 0,
    };
  });
  let calls = 0;
  let mostInWindow = 0;
  for (;;) {
    const job = fleet.filter((j) => j.phase !== 'done').sort((a, b) => a.next - b.next)[0];
    if (!job) break;
    now = job.next;
    if (now > job.start + timeoutMs) {
      job.phase = 'done';
      continue;
    }
    const { ok, headers } = call();
    calls++;
    job.longestGap = Math.max(job.longestGap, now - job.last);
    job.last = now;
    mostInWindow = Math.max(mostInWindow, limit - gateway.remaining(now));
    const endpoint = job.phase === 'run' ? 'run' : job.phase === 'steps' ? 'steps' : 'executions';
    job.budget.record(
      endpoint,
      readBudgetHeaders(headers),
      ok ? 'admitted' : 'rate-limited',
      ok ? 0 : Number(headers['x-ratelimit-towait-sec']) * 1000,
    );
    if (options.debug)
      console.log(`${(now / 1000).toFixed(0)}s job ${fleet.indexOf(job)} ${job.phase} ${ok ? 'ok' : 'THROTTLED'} left ${gateway.remaining(now)}`);
    if (!ok) {
      job.throttled++;
      // As the HTTP layer does: the wait asked for and a spread on top, so throttled callers do not all come back at once.
      const asked = Math.max(0, job.budget.notBefore(endpoint) - now);
      job.next = now + asked + throttleSpread(asked, windowMs, limit, random()) * 2 ** Math.min(job.heldInARow++, MAX_THROTTLE_DOUBLINGS);
      continue;
    }
    job.heldInARow = 0;
    if (job.phase === 'steps') {
      job.phase = 'done';
      continue;
    }
    const started = fleet.filter((j) => j.start <= now).sort((a, b) => a.start - b.start);
    const runs = (j: Job) => j !== job && j.end > now;
    const firstLook = job.phase === 'look' && job.poll === 2;
    if (job.phase === 'look' && !firstLook) {
      // A look at the list: the pages up to this job's execution, or one from it on once crowded.
      if (job.pagesLeft === 0) {
        const index = started.filter((j) => j.start >= job.start - CLOCK_SKEW_MS).indexOf(job);
        job.pagesLeft = job.crowded ? 1 : Math.floor(index / pageSize) + 1;
        job.fromOurs = job.crowded;
      }
      if (--job.pagesLeft > 0) {
        job.crowded = true;
        job.next = now + 50;
        continue;
      }
      if (now >= job.end) {
        job.delay = now - job.end;
        job.phase = 'steps';
        job.next = now + 100;
        continue;
      }
    }
    if (job.phase === 'history') job.history = history;
    if (firstLook) {
      // The first look's page, newest first: the executions started so far, then the past runs.
      if (pageSize - started.length >= TRUSTED_SAMPLES) job.history = history;
      else {
        job.phase = 'history';
        job.next = now + 50;
        continue;
      }
    }
    // The callers this look counts (see src/wait/fleet.ts).
    let otherRunning = 0;
    let otherFinishing = 0;
    if (endpoint !== 'run') {
      const finishing = (j: Job) => j !== job && j.end <= now && j.end > now - LATELY_ENDED * maxPollIntervalMs;
      const own = started.indexOf(job);
      if (job.phase === 'history' || firstLook) {
        const page = started.slice(-pageSize);
        otherRunning = page.filter(runs).length;
        otherFinishing = page.filter(finishing).length;
        if (job.phase === 'history') {
          // The page was crowded: later looks read from this job's own execution on, and the older
          // executions off the page that are no past success count as running (by the pages' totals).
          job.crowded = true;
          job.earlier = page.includes(job) ? page.slice(0, page.indexOf(job)).filter(runs) : [];
          job.unseen = { count: started.filter((j) => !page.includes(j) && runs(j)).length, before: page[0].start };
          otherRunning += job.unseen.count;
        }
      } else if (!job.fromOurs) {
        const window = started.filter((j) => j.start >= job.start - CLOCK_SKEW_MS);
        otherRunning = window.filter(runs).length;
        otherFinishing = window.filter(finishing).length;
        job.earlier = started.slice(0, own).filter(runs);
        job.unseen = undefined;
      } else {
        // The page from its own on and, by the page's total, those after it; those before as remembered.
        const still = (age: number) => (job.history ? chanceStillRunning(job.history, age, 2) : 1);
        const earlier = job.earlier.reduce((sum, j) => sum + still(now - j.start), 0);
        const unseen = job.unseen ? job.unseen.count * still(now - job.unseen.before) : 0;
        otherRunning = started.slice(own).filter(runs).length + Math.round(earlier) + Math.round(unseen);
        otherFinishing = started.slice(own, own + pageSize).filter(finishing).length;
      }
    }
    job.phase = 'look';
    const delay = nextPollDelay({
      poll: job.poll++,
      elapsedMs: now - job.start,
      minMs: pollIntervalMs,
      maxMs: maxPollIntervalMs,
      history: job.history,
      budget: job.budget.view('executions'),
      otherRunning: endpoint === 'run' ? undefined : otherRunning,
      otherFinishing: endpoint === 'run' ? undefined : otherFinishing,
      timeLeftMs: job.start + timeoutMs - now,
      random: random(),
    });
    if (options.debug)
      console.log(
        `  -> ${fleet.indexOf(job)} running ${otherRunning} finishing ${otherFinishing} delay ${Math.round(delay.ms / 1000)}s share ${delay.stretched?.share.toFixed(2)} planned ${delay.stretched?.plannedLooks.toFixed(1)} others/min ${((job.budget.view('executions')?.othersPerMs ?? 0) * 60000).toFixed(1)}`,
      );
    job.next = Math.max(now + delay.ms, job.budget.notBefore('executions'));
  }
  return {
    delays: fleet.map((j) => j.delay),
    throttled: fleet.map((j) => j.throttled),
    longestGap: fleet.map((j) => j.longestGap),
    mostInWindow,
    calls,
  };
}
