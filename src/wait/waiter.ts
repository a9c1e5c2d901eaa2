/**
 * Waits for executions to reach a final status by polling the workflow's execution list, the one
 * read the docs offer that shows every execution of the workflow at once: one look serves a single
 * execution and a fan-out of many alike, and also shows the workflow's recent runs (its history).
 */
import { CancelledError, DeadlineError, messageOf, NetworkError, QFlowApiError } from '../errors.js';
import type { DurationModel } from './history.js';
import type { Log } from '../log.js';
import { Input, type SettingNames } from '../names.js';
import type { ExecutionRecord, QFlowClient } from '../qflow/client.js';
import type { ApiBudget, Endpoint } from '../qflow/budget.js';
import { FleetView, type FleetCount } from './fleet.js';
import { findExecutions, LARGEST_PAGE, OLDEST_WINDOW_MS, windowFor, type ListWindow, type SearchResult } from './list-search.js';
import { historyFromFirstLook } from './past-runs.js';
import { findOnAPageOrById, readById, type ByIdContext } from './find-one.js';
import { nextPollDelay } from './schedule.js';
import type { StatusRules } from './status.js';
import { describeMany, describeOne, describeShare, describeStretch } from './wording.js';
import { humanDuration, type Clock } from '../time.js';

/** Full searches of the 30-day window that may miss an existing execution before it is declared not found. */
const NOT_FOUND_SEARCHES = 3;

export interface WaitOptions {
  /** `getExecution`, when given, reads one execution the list's small pages hide among a fleet (see readsOursAlone). */
  client: Pick<QFlowClient, 'listExecutions'> & Partial<Pick<QFlowClient, 'getExecution'>>;
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
  budget?: Pick<ApiBudget, 'view' | 'notBefore'> & Partial<Pick<ApiBudget, 'heldBack'>>;
  /** Stop waiting for the others as soon as one execution fails. */
  failFast?: boolean;
  /** Told of each execution as soon as its final status is seen. */
  onEnded?: (id: string, outcome: ExecutionOutcome) => void;
  clock: Clock;
  log: Log;
  signal: AbortSignal;
  random?: () => number;
  /** How the front-end names its settings, for the messages about them. */
  names: SettingNames;
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
  /**
   * The longest pause the API budget stretched past max-poll-interval, or the longest time between two
   * looks when the rate limit held the later one back: an end may have been noticed this late.
   */
  budgetPauseMs?: number;
  /** Why the budget slowed the looks, with the figures of the longest pause (or the first that was stretched). */
  budgetNote?: string;
  /**
   * The wait stopped before the timeout: the gateway's rate limit asked for no calls for this long
   * (ms), past it or too close to it for a call's answer. `afterMs`: how long the wait had gone on;
   * `leftMs`: the time then left before the timeout; `limit` and `windowMs`: the rate limit, as the
   * gateway stated it.
   */
  budgetSpent?: { forMs: number; afterMs: number; leftMs: number; limit?: number; windowMs?: number };
}

interface Pending {
  startedAt?: number;
  last?: ExecutionRecord;
}

/** The most time the last look before the deadline is given (see lastLookAt). */
const LAST_LOOK_MS = 5000;

/** A look reads the execution list or, once, its execution by its ID: what is left is the least either says. */
const LOOKS_ALSO: Endpoint[] = ['execution'];

export async function waitForExecutions(options: WaitOptions): Promise<WaitOutcome> {
  return new ExecutionWatch(options).run();
}

/** What one look found, or how the wait ended during it. */
type LookResult = { search: SearchResult; window: ListWindow; alone?: boolean } | { ended: WaitOutcome } | 'look again';

/**
 * One wait: the executions still pending and what the looks have taught (the history, the fleet, the
 * budget's pauses), with its moves: the next pause, a look, taking in what the look found, finishing.
 */
class ExecutionWatch {
  private readonly names: SettingNames;
  private readonly random: () => number;
  private readonly waitStarted: number;
  private readonly pending: Map<string, Pending>;
  private readonly outcomes = new Map<string, ExecutionOutcome>();
  /** An execution that already existed (`execution-id`) is looked at at once, and may not be found. */
  private readonly existing: boolean;
  private readonly fleet: FleetView;
  /**
   * The last look starts this much before the deadline, so its answer is in by then: no call of the
   * wait goes past the timeout. At most 5 s, less in a wait shorter than ten of them.
   */
  private readonly lastLookAt: number;
  private history?: DurationModel;
  /** No look has succeeded yet: the next one reads the newest page, for the history. */
  private firstLook = true;
  /**
   * A look had to read more than one page to find the executions waited for: the gateway's pages are
   * smaller than the fleet created around them. Later looks read from the oldest of them on, which is
   * then first on the page, while that finds them.
   */
  private crowded = false;
  private fromOursFinds = true;
  /** The execution waited for was read by its ID once (see readsOursAlone). */
  private readOursAlone = false;
  /** The page size looks ask for: smaller once the gateway has refused the largest. */
  private pageSize = LARGEST_PAGE;
  private missedSearches = 0;
  private readonly unknownStatuses = new Set<string>();
  private budgetPauseMs?: number;
  private budgetNote?: string;
  private budgetSpent?: WaitOutcome['budgetSpent'];
  private slowedDown = false;
  /** When the last look's answer came in: the time between two looks is what a reader of the summary feels. */
  private lastAnswerAt?: number;
  /** Of the looks the last pause planned where the end is likely, those left after the one it led to. */
  private likelyLooksLeft?: number;
  /** The other callers of the same budget the last look counted (see fleet.ts). */
  private callers?: FleetCount;
  /** Every execution waited for, by ID: none of them is a past run. */
  private readonly wanted: Set<string>;

  constructor(private readonly options: WaitOptions) {
    const { clock } = options;
    this.names = options.names;
    this.random = options.random ?? Math.random;
    this.waitStarted = clock.now();
    this.pending = new Map(options.executions.map(({ id, startedAt }) => [id, { startedAt }]));
    this.existing = options.executions.some((e) => e.startedAt === undefined);
    this.wanted = new Set(options.executions.map((e) => e.id));
    this.fleet = new FleetView(options.rules, options.maxPollIntervalMs);
    this.lastLookAt = options.deadline - Math.min(LAST_LOOK_MS, Math.max(0, options.deadline - clock.now()) / 10);
  }

  async run(): Promise<WaitOutcome> {
    for (let poll = 1; ; poll++) {
      // An execution that already existed may be over: look at once. A new one needs a moment.
      if (!(this.existing && poll === 1) && !(await this.pause(poll))) return this.finish('cancelled', poll - 1);
      const heldBefore = this.options.budget?.heldBack ?? 0;
      const look = await this.look(poll);
      if (look === 'look again') continue;
      if ('ended' in look) return look.ended;
      this.noteHeldLook(heldBefore);
      const ended = await this.takeIn(look.search, look.window, poll, look.alone);
      if (ended) return ended;
    }
  }

  /** Sleeps until the next look, as the schedule and the budget say; false when the job is cancelled. */
  private async pause(poll: number): Promise<boolean> {
    const { options } = this;
    const { clock, log } = options;
    // The schedule follows the execution that has run longest of those still pending. Clocks of
    // runner and QFlow may differ a little: an age below zero is read as zero.
    const started = Math.min(...[...this.pending.values()].map((p) => p.last?.startDate ?? p.startedAt ?? this.waitStarted));
    const delay = nextPollDelay({
      poll,
      elapsedMs: Math.max(0, clock.now() - started),
      minMs: options.pollIntervalMs,
      maxMs: options.maxPollIntervalMs,
      history: this.history,
      pending: this.pending.size,
      budget: options.budget?.view('executions', LOOKS_ALSO),
      otherRunning: this.callers?.running,
      otherFinishing: this.callers?.finishing,
      likelyLooksLeft: this.likelyLooksLeft,
      timeLeftMs: options.deadline - clock.now(),
      random: this.random(),
    });
    const likely = delay.stretched?.whereLikely;
    this.likelyLooksLeft = likely ? likely.looks - 1 : undefined;
    if (delay.stretched) {
      const pastLongest = delay.ms > options.maxPollIntervalMs;
      const first = !this.slowedDown;
      if (first) log.info(describeStretch(delay.stretched, delay.ms, pastLongest ? this.names.of(Input.MaxPollInterval) : undefined));
      this.slowedDown = true;
      // Said at the end of a wait that times out, even when no pause went past max-poll-interval.
      this.budgetNote ??= describeShare(delay.stretched);
      if (pastLongest && delay.ms > (this.budgetPauseMs ?? 0)) {
        this.budgetPauseMs = delay.ms;
        this.budgetNote = describeShare(delay.stretched);
        // Each longer pause past max-poll-interval is said, with its figures: the end may be noticed
        // that late (the first line said the first one).
        if (!first) log.info(`Next look in ${humanDuration(delay.ms)}, longer than ${this.names.of(Input.MaxPollInterval)}: ${this.budgetNote}`);
      }
    }
    // Nothing is sent before a throttled answer's wait is over.
    const notBefore = options.budget?.notBefore('executions', LOOKS_ALSO) ?? 0;
    const wakeAt = Math.min(Math.max(clock.now() + delay.ms, notBefore), Math.max(clock.now(), this.lastLookAt));
    try {
      await clock.sleep(wakeAt - clock.now(), options.signal);
      return true;
    } catch (error) {
      if (error instanceof CancelledError) return false;
      throw error;
    }
  }

  /**
   * A look the rate limit held back (the subscription's calls spent, by this job or others) may come
   * far later than any pause planned: the summary says so as it says a stretched pause, or a job
   * that succeeded would speak of looks a minute apart when its end was noticed minutes late.
   */
  private noteHeldLook(heldBefore: number): void {
    const now = this.options.clock.now();
    const gap = now - (this.lastAnswerAt ?? this.waitStarted);
    this.lastAnswerAt = now;
    const held = (this.options.budget?.heldBack ?? 0) > heldBefore;
    if (!held || gap <= this.options.maxPollIntervalMs || gap <= (this.budgetPauseMs ?? 0)) return;
    this.budgetPauseMs = gap;
    this.budgetNote = `The gateway's rate limit held a look back: the subscription's calls were spent for the moment.`;
  }

  /** One look at the execution list; a failure another look may mend is said, and the wait goes on. */
  private async look(poll: number): Promise<LookResult> {
    const { clock, log } = this.options;
    const window = this.windowFor();
    try {
      const byId = this.byId(window);
      if (byId !== undefined) this.readOursAlone = true;
      const [id] = this.pending.keys();
      const ours = byId === 'alone' ? await readById(this.byIdContext(), id, this.pageSize) : undefined;
      if (ours) return { search: ours, window, alone: true };
      if (byId === 'after a page') return { search: await findOnAPageOrById(this.byIdContext(), window, id), window };
      return { search: await findExecutions(this.options, window, new Set(this.pending.keys())), window };
    } catch (error) {
      if (error instanceof CancelledError) return { ended: this.finish('cancelled', poll) };
      if (error instanceof DeadlineError) {
        log.warning(error.message);
        if (error.budgetSpentForMs !== undefined) {
          const view = this.options.budget?.view('executions', LOOKS_ALSO);
          const rate = view ? { limit: view.limit, windowMs: view.windowMs } : {};
          const leftMs = Math.max(0, this.options.deadline - clock.now());
          this.budgetSpent = { forMs: error.budgetSpentForMs, afterMs: clock.now() - this.waitStarted, leftMs, ...rate };
        }
        return { ended: this.finish('timed_out', poll) };
      }
      // A gateway that stays down through one look's retries may be back for the next: an outage
      // shorter than the timeout must not fail a deployment gate.
      if (!isTransient(error)) throw error;
      log.warning(`${messageOf(error)} Will look again.`);
      return clock.now() >= this.lastLookAt ? { ended: this.finish('timed_out', poll) } : 'look again';
    }
  }

  /**
   * How the next look reads the one execution waited for by its ID, once, when paging through a fleet
   * larger than the gateway's page would cost more (then later looks read one page from it on):
   * - 'alone': the first look's page was filled with newer executions (a fleet larger than the page)
   *   and did not show it; the next look would page through the fleet from before its run (50 jobs on
   *   pages of 10: three pages a job, at about the same moment, past what the budget had planned, and
   *   18 jobs were held back for the rate limit's whole window). The first look counted the fleet.
   * - 'after a page': it has not been seen yet (QFlow lists a new one late, so the first look rarely
   *   shows it) and the next look reads the window from before its run, oldest first: one page counts
   *   the fleet (its total), and if the execution is not on it, it is read by its ID (50 jobs started
   *   at once on pages of 20: a third of them read three pages, and the window's calls ran out before
   *   every job had made its last look).
   * A fan-out pages instead: one page shows many of its executions.
   */
  private byId(window: ListWindow): 'alone' | 'after a page' | undefined {
    const [only] = this.pending.values();
    const once =
      this.options.client.getExecution !== undefined &&
      !this.readOursAlone &&
      !this.existing &&
      this.pending.size === 1 &&
      only.last?.createdAt === undefined;
    if (!once) return undefined;
    if (this.crowded) return 'alone';
    return window.order === 'createdAt' && !window.fromOurs ? 'after a page' : undefined;
  }

  private byIdContext(): ByIdContext {
    return this.options as ByIdContext;
  }

  /** Which part of the list the next look reads (see list-search.ts windowFor). */
  private windowFor(): ListWindow {
    return windowFor({
      now: this.options.clock.now(),
      pending: [...this.pending.values()].map((p) => ({ createdAt: p.last?.createdAt, startedAt: p.startedAt })),
      crowded: this.crowded && this.fromOursFinds,
      firstLook: this.firstLook,
      existing: this.existing,
      pageSize: this.pageSize,
    });
  }

  /** Takes in what a look found: the history on the first, the callers, each execution's status. The outcome once the wait is over. */
  private async takeIn(search: SearchResult, window: ListWindow, poll: number, alone = false): Promise<WaitOutcome | undefined> {
    const { options } = this;
    const { clock, log, rules } = options;
    this.pageSize = search.pageSize;
    if (window.fromOurs && search.found.size < this.pending.size) {
      // The gateway reads the window's start otherwise (exclusive, or rounded up): the wide window again.
      this.fromOursFinds = false;
    } else if (!window.fromOurs && window.order === 'createdAt' && search.pages > 1) {
      this.crowded = true;
    }
    if (this.firstLook) {
      this.firstLook = false;
      const cancelled = await this.learnHistory(search);
      if (cancelled) return this.finish('cancelled', poll);
    }
    const found = [...search.found.values()].map((e) => e.createdAt ?? Infinity);
    const oursCreatedAt = found.length && Number.isFinite(Math.min(...found)) ? Math.min(...found) : undefined;
    // A look that read only the execution waited for saw none of the fleet: the last count stands.
    if (!alone) this.callers = this.fleet.count(search, window, clock.now(), oursCreatedAt, this.history);
    let failed = false;
    for (const [id, state] of this.pending) {
      const execution = search.found.get(id);
      if (execution === undefined) continue;
      state.last = execution;
      const verdict = rules.classify(execution.status);
      if (verdict === 'success' || verdict === 'failure') {
        const outcome = { kind: verdict, execution };
        this.outcomes.set(id, outcome);
        this.pending.delete(id);
        failed ||= verdict === 'failure';
        options.onEnded?.(id, outcome);
      } else if (verdict === 'unknown' && !this.unknownStatuses.has(execution.status)) {
        this.unknownStatuses.add(execution.status);
        log.info(
          `QFlow reported the status '${execution.status}', which ${this.names.program} does not know; it is treated as not final. If it is final, list it in ${this.names.of(Input.SuccessStatuses)} or ${this.names.of(Input.FailureStatuses)}.`,
        );
      }
    }
    const elapsed = humanDuration(clock.now() - this.waitStarted);
    const unlisted = [...this.pending].filter(([id]) => !search.found.has(id)).map(([id]) => id);
    const single = options.executions.length === 1;
    log.info(
      `[${elapsed}] ${single ? describeOne(options.executions[0].id, this.outcomes, search, !this.existing) : describeMany(this.outcomes, this.pending, unlisted.length)}`,
    );
    if (this.pending.size === 0) return this.finish('success', poll);
    if (failed && options.failFast) return this.finish('cancelled', poll, true);
    if (this.existing && unlisted.length > 0 && search.complete && !window.fromOurs && ++this.missedSearches >= NOT_FOUND_SEARCHES) {
      throw new QFlowApiError(
        `Execution ${unlisted[0]} is not among the executions of workflow ${options.workflowId} of the last 30 days. Check ${this.names.of(Input.ExecutionId)} and ${this.names.of(Input.WorkflowId)} (executions older than 30 days are not available through the API).`,
      );
    }
    if (clock.now() >= this.lastLookAt) return this.finish('timed_out', poll);
    return undefined;
  }

  /** The history from the first look (see historyFromFirstLook), said in the log. True when the job was cancelled meanwhile. */
  private async learnHistory(search: SearchResult): Promise<boolean> {
    const { clock, log } = this.options;
    try {
      const learnt = await historyFromFirstLook(search, { ...this.options, startAt: clock.now() - OLDEST_WINDOW_MS }, this.wanted);
      this.history = learnt.history;
      // Later looks read from our own executions on: the page was filled with newer ones.
      if (learnt.readApart) this.crowded = true;
      if (learnt.offThePage) this.fleet.offThePage(learnt.offThePage.count, learnt.offThePage.before);
    } catch (error) {
      if (error instanceof CancelledError) return true;
      throw error;
    }
    if (this.history) {
      log.info(
        `Recent runs of this workflow took about ${humanDuration(this.history.medianMs)} (±${humanDuration(this.history.spreadMs)}, from ${this.history.samples} runs); polling most around then.`,
      );
    }
    return false;
  }

  /** Ends the wait: what is still pending ends as `kind`, with its last status seen. */
  private finish(kind: ExecutionOutcome['kind'], polls: number, stoppedAtFailure = false): WaitOutcome {
    for (const [id, state] of this.pending) this.outcomes.set(id, { kind, execution: state.last });
    return {
      outcomes: this.outcomes,
      polls,
      budgetPauseMs: this.budgetPauseMs,
      budgetNote: this.budgetNote,
      ...(this.budgetSpent ? { budgetSpent: this.budgetSpent } : {}),
      ...(stoppedAtFailure ? { stoppedAtFailure } : {}),
    };
  }
}

/** A failure worth another look later: the connection, or a gateway down or throttling past the retries. */
function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof QFlowApiError && error.transient);
}
