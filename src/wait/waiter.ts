/**
 * Waits for executions to reach a final status by polling the workflow's execution list, the one
 * read the docs offer that shows every execution of the workflow at once: one look serves a single
 * execution and a fan-out of many alike, and also shows the workflow's recent runs (its history).
 */
import { CancelledError, DeadlineError, messageOf, NetworkError, QFlowApiError } from '../errors.js';
import { learnDurations, MIN_SAMPLES, type DurationModel } from './history.js';
import type { Log } from '../log.js';
import { Input, INPUT_NAMES, type SettingNames } from '../names.js';
import { EXECUTION_LIST_MAX_AGE_MS, type ExecutionRecord, type QFlowClient } from '../qflow/client.js';
import type { ApiBudget } from '../qflow/budget.js';
import { FleetView } from './fleet.js';
import { CLOCK_SKEW_MS, findExecutions, LARGEST_FIRST_PAGE, PAGE_SIZE, type ListWindow, type SearchResult } from './list-search.js';
import { readPastRuns } from './past-runs.js';
import { nextPollDelay, type Stretch } from './schedule.js';
import type { StatusRules } from './status.js';
import { humanDuration, type Clock } from '../time.js';

/** The oldest start of a list window, kept inside the 30 days the API allows even if clocks differ. */
const OLDEST_WINDOW_MS = EXECUTION_LIST_MAX_AGE_MS - 60 * 60_000;
/** Full searches of the 30-day window that may miss an existing execution before it is declared not found. */
const NOT_FOUND_SEARCHES = 3;

export interface WaitOptions {
  client: Pick<QFlowClient, 'listExecutions'>;
  workflowId: string;
  /**
   * The executions to wait for, each with when this run started it (epoch ms); `startedAt` is
   * undefined for one that already existed (`execution-id`).
   */
  executions: { id: string; startedAt?: number }[];
  /** When to give up waiting (epoch ms). */
  deadline: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  rules: StatusRules;
  /** The subscription's API budget, as the gateway reports it; the polls fit within it. */
  budget?: Pick<ApiBudget, 'view' | 'notBefore'>;
  /** Stop waiting for the others as soon as one execution fails. */
  failFast?: boolean;
  /** Told of each execution as soon as its final status is seen. */
  onEnded?: (id: string, outcome: ExecutionOutcome) => void;
  clock: Clock;
  log: Log;
  signal: AbortSignal;
  random?: () => number;
  /** How the front-end names its settings, for the messages about them (the action's inputs by default). */
  names?: SettingNames;
}

/** How the wait ended for one execution: its final verdict, or why the wait stopped before it. */
export interface ExecutionOutcome {
  kind: 'success' | 'failure' | 'timed_out' | 'cancelled';
  /** The execution as last seen in the list. */
  execution?: ExecutionRecord;
}

export interface WaitOutcome {
  /** Every execution waited for, by ID. */
  outcomes: Map<string, ExecutionOutcome>;
  polls: number;
  /** The wait stopped at the first failure (`failFast`); the others are marked cancelled. */
  stoppedAtFailure?: boolean;
  /** The longest pause the API budget stretched past max-poll-interval: an end may have been noticed this late. */
  budgetPauseMs?: number;
  /** Why, with the figures of that pause: the share of the calls left it had and the callers it saw. */
  budgetNote?: string;
}

interface Pending {
  startedAt?: number;
  last?: ExecutionRecord;
}

/** The most time the last look before the deadline is given (see lastLookAt). */
const LAST_LOOK_MS = 5000;

export async function waitForExecutions(options: WaitOptions): Promise<WaitOutcome> {
  const { clock, log, rules, signal } = options;
  const names = options.names ?? INPUT_NAMES;
  const random = options.random ?? Math.random;
  const waitStarted = clock.now();
  const pending = new Map<string, Pending>(options.executions.map(({ id, startedAt }) => [id, { startedAt }]));
  const outcomes = new Map<string, ExecutionOutcome>();
  const single = pending.size === 1;
  const existing = options.executions.some((e) => e.startedAt === undefined);
  let history: DurationModel | undefined;
  /** No look has succeeded yet: the next one reads the newest page, for the history. */
  let firstLook = true;
  /**
   * A look had to read more than one page to find the executions waited for: the gateway's pages are
   * smaller than the fleet created around them. Later looks read from the oldest of them on, which is
   * then first on the page, while that finds them.
   */
  let crowded = false;
  let fromOursFinds = true;
  const fleet = new FleetView(rules, options.maxPollIntervalMs);
  let missedSearches = 0;
  const unknownStatuses = new Set<string>();
  let budgetPauseMs: number | undefined;
  let budgetNote: string | undefined;
  let slowedDown = false;
  /** Other executions of the workflow running at the last look: other callers of the same budget. */
  let otherRunning: number | undefined;
  /** Other executions seen at the last look to have ended so lately that their jobs may not have looked since. */
  let otherFinishing: number | undefined;

  /**
   * The last look starts this much before the deadline, so its answer is in by then: no call of the
   * wait goes past the timeout. At most 5 s, less in a wait shorter than ten of them.
   */
  const lastLookAt = options.deadline - Math.min(LAST_LOOK_MS, Math.max(0, options.deadline - clock.now()) / 10);

  /** Ends the wait: what is still pending ends as `kind`, with its last status seen. */
  const finish = (kind: ExecutionOutcome['kind'], polls: number, stoppedAtFailure = false): WaitOutcome => {
    for (const [id, state] of pending) outcomes.set(id, { kind, execution: state.last });
    return { outcomes, polls, budgetPauseMs, budgetNote, ...(stoppedAtFailure ? { stoppedAtFailure } : {}) };
  };

  /**
   * The first poll reads the newest page of the widest window: the workflow's recent executions
   * teach the schedule how long a run takes, and new executions are at the top. After that the
   * window starts just before the oldest execution still pending (or its run), oldest first, so a
   * short page shows them; on a crowded list, at the oldest one's creation as QFlow wrote it.
   */
  const windowFor = (): ListWindow => {
    // Worked out anew for each poll: the 30-day limit moves with the clock during a long wait.
    const widest = clock.now() - OLDEST_WINDOW_MS;
    const created = [...pending.values()].map((p) => p.last?.createdAt);
    if (crowded && fromOursFinds && created.every((c) => c !== undefined)) {
      // QFlow's own clock: no allowance for skew, so the oldest execution waited for tops the page.
      return { startAt: Math.max(widest, Math.min(...created)), order: 'createdAt', pageSize: PAGE_SIZE, newOnTop: false, fromOurs: true };
    }
    const references = [...pending.values()].map((p) => p.last?.createdAt ?? p.startedAt);
    if (references.every((r) => r !== undefined) && !(firstLook && !existing)) {
      const startAt = Math.max(widest, Math.min(...references) - CLOCK_SKEW_MS);
      return { startAt, order: 'createdAt', pageSize: PAGE_SIZE, newOnTop: false };
    }
    if (!existing) return { startAt: widest, order: '-createdAt', pageSize: LARGEST_FIRST_PAGE, newOnTop: true };
    return { startAt: widest, order: '-createdAt', pageSize: PAGE_SIZE, newOnTop: false };
  };

  for (let poll = 1; ; poll++) {
    // An execution that already existed may be over: look at once. A new one needs a moment.
    if (!(existing && poll === 1)) {
      // The schedule follows the execution that has run longest of those still pending. Clocks of
      // runner and QFlow may differ a little: an age below zero is read as zero.
      const started = Math.min(...[...pending.values()].map((p) => p.last?.startDate ?? p.startedAt ?? waitStarted));
      const delay = nextPollDelay({
        poll,
        elapsedMs: Math.max(0, clock.now() - started),
        minMs: options.pollIntervalMs,
        maxMs: options.maxPollIntervalMs,
        history,
        pending: pending.size,
        budget: options.budget?.view('executions'),
        otherRunning,
        otherFinishing,
        timeLeftMs: options.deadline - clock.now(),
        random: random(),
      });
      if (delay.stretched) {
        if (!slowedDown) log.info(describeStretch(delay.stretched, delay.ms));
        slowedDown = true;
        if (delay.ms > options.maxPollIntervalMs && delay.ms > (budgetPauseMs ?? 0)) {
          budgetPauseMs = delay.ms;
          budgetNote = describeShare(delay.stretched);
          // Each pause past max-poll-interval is said, with its figures: the end may be noticed that late.
          log.info(`Next look in ${humanDuration(delay.ms)}, longer than ${names.of(Input.MaxPollInterval)}: ${budgetNote}`);
        }
      }
      // Nothing is sent before a throttled answer's wait is over.
      const notBefore = options.budget?.notBefore('executions') ?? 0;
      const wakeAt = Math.min(Math.max(clock.now() + delay.ms, notBefore), Math.max(clock.now(), lastLookAt));
      try {
        await clock.sleep(wakeAt - clock.now(), signal);
      } catch (error) {
        if (error instanceof CancelledError) return finish('cancelled', poll - 1);
        throw error;
      }
    }

    let search: SearchResult;
    const window = windowFor();
    try {
      search = await findExecutions(options, window, new Set(pending.keys()));
    } catch (error) {
      if (error instanceof CancelledError) return finish('cancelled', poll);
      if (error instanceof DeadlineError) {
        log.warning(error.message);
        return finish('timed_out', poll);
      }
      // A gateway that stays down through one look's retries may be back for the next: an outage
      // shorter than the timeout must not fail a deployment gate.
      if (!isTransient(error)) throw error;
      log.warning(`${messageOf(error)} Will look again.`);
      if (clock.now() >= lastLookAt) return finish('timed_out', poll);
      continue;
    }

    if (window.fromOurs && search.found.size < pending.size) {
      // The gateway reads the window's start otherwise (exclusive, or rounded up): the wide window again.
      fromOursFinds = false;
    } else if (!window.fromOurs && window.order === 'createdAt' && search.pages > 1) {
      crowded = true;
    }
    if (firstLook) {
      firstLook = false;
      history = learnDurations(search.others, rules);
      const ended = search.others.filter((e) => rules.classify(e.status) === 'success' || rules.classify(e.status) === 'failure');
      if (!history && !search.complete && ended.length < MIN_SAMPLES) {
        // The page was filled with executions still running (a fleet started with this one, larger than
        // the gateway's page): read the past runs apart, and look from our own executions on.
        crowded = true;
        try {
          const seen = [...search.others, ...search.found.values()];
          const before = Math.min(...seen.map((e) => e.createdAt ?? Infinity));
          const past = Number.isFinite(before) ? await pastRunsBefore(options, before, clock.now() - OLDEST_WINDOW_MS) : {};
          history = past.history;
          // Off the page are the past runs and the fleet's older part: the first look's total less the successes.
          if (search.beyond !== undefined && past.successes !== undefined) fleet.offThePage(search.beyond - past.successes, before);
        } catch (error) {
          if (error instanceof CancelledError) return finish('cancelled', poll);
          log.info(`The workflow's past runs could not be read (${messageOf(error)}); polling without them.`);
        }
      }
      if (history) {
        log.info(
          `Recent runs of this workflow took about ${humanDuration(history.medianMs)} (±${humanDuration(history.spreadMs)}, from ${history.samples} runs); polling most around then.`,
        );
      }
    }
    const found = [...search.found.values()].map((e) => e.createdAt ?? Infinity);
    const oursCreatedAt = found.length && Number.isFinite(Math.min(...found)) ? Math.min(...found) : undefined;
    ({ running: otherRunning, finishing: otherFinishing } = fleet.count(search, window, clock.now(), oursCreatedAt, history));
    let failed = false;
    for (const [id, state] of pending) {
      const found = search.found.get(id);
      if (found === undefined) continue;
      state.last = found;
      const verdict = rules.classify(found.status);
      if (verdict === 'success' || verdict === 'failure') {
        const outcome = { kind: verdict, execution: found };
        outcomes.set(id, outcome);
        pending.delete(id);
        failed ||= verdict === 'failure';
        options.onEnded?.(id, outcome);
      } else if (verdict === 'unknown' && !unknownStatuses.has(found.status)) {
        unknownStatuses.add(found.status);
        log.info(
          `QFlow reported the status '${found.status}', which ${names.program} does not know; it is treated as not final. If it is final, list it in ${names.of(Input.SuccessStatuses)} or ${names.of(Input.FailureStatuses)}.`,
        );
      }
    }
    const elapsed = humanDuration(clock.now() - waitStarted);
    const unlisted = [...pending].filter(([id]) => !search.found.has(id)).map(([id]) => id);
    log.info(`[${elapsed}] ${single ? describeOne(options.executions[0].id, outcomes, search) : describeMany(outcomes, pending, unlisted.length)}`);
    if (pending.size === 0) return finish('success', poll);
    if (failed && options.failFast) return finish('cancelled', poll, true);
    if (existing && unlisted.length > 0 && search.complete && !window.fromOurs && ++missedSearches >= NOT_FOUND_SEARCHES) {
      throw new QFlowApiError(
        `Execution ${unlisted[0]} is not among the executions of workflow ${options.workflowId} of the last 30 days. Check ${names.of(Input.ExecutionId)} and ${names.of(Input.WorkflowId)} (executions older than 30 days are not available through the API).`,
      );
    }
    if (clock.now() >= lastLookAt) return finish('timed_out', poll);
  }
}

/** One execution's progress, as a line of the log. */
function describeOne(id: string, outcomes: Map<string, ExecutionOutcome>, search: SearchResult): string {
  const found = search.found.get(id) ?? outcomes.get(id)?.execution;
  return found === undefined ? `execution ${id} is not listed yet.` : found.status || '(no status)';
}

/** A fan-out's progress: how many executions are in each status. */
function describeMany(outcomes: Map<string, ExecutionOutcome>, pending: Map<string, Pending>, unlisted: number): string {
  const counts = new Map<string, number>();
  const statuses = [
    ...[...outcomes.values()].map((o) => o.execution?.status),
    ...[...pending.values()].filter((p) => p.last).map((p) => p.last!.status),
  ];
  for (const status of statuses) counts.set(status || '(no status)', (counts.get(status || '(no status)') ?? 0) + 1);
  if (unlisted > 0) counts.set('not listed yet', unlisted);
  return `${outcomes.size} of ${outcomes.size + pending.size} ended; ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`;
}

/** The history from the past runs created before `before`, read apart (see past-runs.ts). */
async function pastRunsBefore(options: WaitOptions, before: number, startAt: number): Promise<{ history?: DurationModel; successes?: number }> {
  const { client, workflowId, rules, budget, log, deadline } = options;
  const { runs, successes } = await readPastRuns({ client, workflowId, rules, budget, log, deadline, startAt, before });
  const wanted = new Set(options.executions.map((e) => e.id));
  return {
    history: learnDurations(
      runs.filter((e) => !wanted.has(e.id)),
      rules,
    ),
    successes,
  };
}

/** The one log line that says why the polls slowed down, with the figures. */
function describeStretch(stretch: Stretch, pauseMs: number): string {
  return `Polling less often to spare the subscription's API budget: ${describeShare(stretch)} Pauses are ${stretch.factor.toFixed(1)}× as long as planned (next look in ${humanDuration(pauseMs)}).`;
}

/** The figures behind a stretched pause: what was left, the callers seen, the share this wait took. */
function describeShare(stretch: Stretch): string {
  const { budget, callers } = stretch;
  const others =
    callers > 1 ? `, shared with ${callers - 1} other running execution${callers === 2 ? '' : 's'} of this workflow (other jobs polling it)` : '';
  const plan =
    stretch.share < 1
      ? `not enough for the last look and step list of every running execution, so ${stretch.waitsForWindow ? 'this wait waits for the window to give calls back' : 'this wait looks once, when its execution has most likely ended'}`
      : `a share of about ${Math.floor(stretch.share)} looks for this wait, which planned about ${Math.ceil(stretch.plannedLooks)} within ${humanDuration(stretch.horizonMs)}`;
  const matrix = callers > 1 ? " For many executions of one workflow, one step with 'matrix' waits for all of them with the calls of one wait." : '';
  return `${budget.remaining} of ${budget.limit} calls left in the ${humanDuration(budget.windowMs)} rate-limit window${others}; ${plan}.${matrix}`;
}

/** A failure worth another look later: the connection, or a gateway down or throttling past the retries. */
function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof QFlowApiError && error.transient);
}
