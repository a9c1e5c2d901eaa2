/**
 * Waits for an execution to reach a final status by polling the workflow's execution list, the one
 * read the docs offer that also shows the workflow's other recent executions.
 */
import { CancelledError, DeadlineError, NetworkError, QFlowApiError } from './errors.js';
import { EXECUTION_LIST_MAX_AGE_MS } from './constants.js';
import { learnDurations, type DurationModel } from './history.js';
import type { Log } from './log.js';
import type { ExecutionQuery, ExecutionRecord, QFlowClient } from './qflow.js';
import type { ApiBudget } from './budget.js';
import { nextPollDelay, type Stretch } from './schedule.js';
import type { StatusRules } from './status.js';
import { humanDuration, type Clock } from './time.js';

/** Runner and QFlow clocks may disagree: the list window reaches this far beyond both ends. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** The oldest start of a list window, kept inside the 30 days the API allows even if clocks differ. */
const OLDEST_WINDOW_MS = EXECUTION_LIST_MAX_AGE_MS - 60 * 60_000;
export const PAGE_SIZE = 50;
/** Pages read per poll at most: 1,000 executions, enough for a month of a busy workflow. */
const MAX_PAGES = 20;
/** Full searches of the 30-day window that may miss an existing execution before it is declared not found. */
const NOT_FOUND_SEARCHES = 3;

export interface WaitOptions {
  client: Pick<QFlowClient, 'listExecutions'>;
  workflowId: string;
  executionId: string;
  /** When this action started the execution (epoch ms); undefined when waiting for one that already existed. */
  startedAt?: number;
  /** When to give up waiting (epoch ms). */
  deadline: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  rules: StatusRules;
  /** The subscription's API budget, as the gateway reports it; the polls fit within it. */
  budget?: Pick<ApiBudget, 'view' | 'notBefore'>;
  clock: Clock;
  log: Log;
  signal: AbortSignal;
  random?: () => number;
}

export type WaitOutcome = (
  | { kind: 'success' | 'failure'; execution: ExecutionRecord }
  | { kind: 'timed_out' | 'cancelled'; execution?: ExecutionRecord }
) & {
  polls: number;
  /** The longest pause the API budget stretched past max-poll-interval: the end may have been noticed this late. */
  budgetPauseMs?: number;
};

/** Which part of the execution list one poll reads. */
interface ListWindow {
  startAt: number;
  order: ExecutionQuery['order'];
  maxPages: number;
}

export async function waitForExecution(options: WaitOptions): Promise<WaitOutcome> {
  const { clock, log, rules, signal } = options;
  const random = options.random ?? Math.random;
  const waitStarted = clock.now();
  const existing = options.startedAt === undefined;
  let last: ExecutionRecord | undefined;
  let history: DurationModel | undefined;
  /** No look has succeeded yet: the next one reads the newest page, for the history. */
  let firstLook = true;
  let missedSearches = 0;
  const unknownStatuses = new Set<string>();
  let budgetPauseMs: number | undefined;
  let slowedDown = false;
  const ended = <T extends object>(outcome: T) => ({ ...outcome, budgetPauseMs });

  /**
   * The first poll reads the newest page of the widest window: the workflow's recent executions
   * teach the schedule how long a run takes, and a new execution is at the top. After that the
   * window starts just before the execution (or the run), oldest first, so one short page shows it.
   */
  const windowFor = (): ListWindow => {
    // Worked out anew for each poll: the 30-day limit moves with the clock during a long wait.
    const widest = clock.now() - OLDEST_WINDOW_MS;
    if (last?.createdAt !== undefined) return { startAt: Math.max(widest, last.createdAt - CLOCK_SKEW_MS), order: 'createdAt', maxPages: MAX_PAGES };
    if (existing) return { startAt: widest, order: '-createdAt', maxPages: MAX_PAGES };
    if (firstLook) return { startAt: widest, order: '-createdAt', maxPages: 1 };
    return { startAt: Math.max(widest, options.startedAt! - CLOCK_SKEW_MS), order: 'createdAt', maxPages: MAX_PAGES };
  };

  for (let poll = 1; ; poll++) {
    // An execution that already existed may be over: look at once. A new one needs a moment.
    if (!(existing && poll === 1)) {
      // Clocks of runner and QFlow may differ a little: an age below zero is read as zero.
      const elapsedMs = Math.max(0, clock.now() - (last?.startDate ?? options.startedAt ?? waitStarted));
      const delay = nextPollDelay({
        poll,
        elapsedMs,
        minMs: options.pollIntervalMs,
        maxMs: options.maxPollIntervalMs,
        history,
        budget: options.budget?.view('executions'),
        timeLeftMs: options.deadline - clock.now(),
        random: random(),
      });
      if (delay.stretched) {
        if (!slowedDown) log.info(describeStretch(delay.stretched, delay.ms));
        slowedDown = true;
        if (delay.ms > options.maxPollIntervalMs) budgetPauseMs = Math.max(budgetPauseMs ?? 0, delay.ms);
      }
      // Nothing is sent before a throttled answer's wait is over.
      const notBefore = options.budget?.notBefore('executions') ?? 0;
      const wakeAt = Math.min(Math.max(clock.now() + delay.ms, notBefore), options.deadline);
      try {
        await clock.sleep(wakeAt - clock.now(), signal);
      } catch (error) {
        if (error instanceof CancelledError) return ended({ kind: 'cancelled', execution: last, polls: poll - 1 });
        throw error;
      }
    }

    let search: SearchResult;
    try {
      search = await findExecution(options, windowFor());
    } catch (error) {
      if (error instanceof CancelledError) return ended({ kind: 'cancelled', execution: last, polls: poll });
      if (error instanceof DeadlineError) return ended({ kind: 'timed_out', execution: last, polls: poll });
      // A gateway that stays down through one look's retries may be back for the next: an outage
      // shorter than the timeout must not fail a deployment gate.
      if (!isTransient(error)) throw error;
      log.warning(`${(error as Error).message} Will look again.`);
      if (clock.now() >= options.deadline) return ended({ kind: 'timed_out', execution: last, polls: poll });
      continue;
    }

    if (firstLook) {
      firstLook = false;
      history = learnDurations(search.firstPage, rules, options.executionId);
      if (history) {
        log.info(
          `Recent runs of this workflow took about ${humanDuration(history.medianMs)} (±${humanDuration(history.spreadMs)}, from ${history.samples} runs); polling most around then.`,
        );
      }
    }
    const elapsed = humanDuration(clock.now() - waitStarted);
    const found = search.execution;
    if (found === undefined) {
      log.info(`[${elapsed}] execution ${options.executionId} is not listed yet.`);
      if (existing && search.complete && ++missedSearches >= NOT_FOUND_SEARCHES) {
        throw new QFlowApiError(
          `Execution ${options.executionId} is not among the executions of workflow ${options.workflowId} of the last 30 days. Check 'execution-id' and 'workflow-id' (executions older than 30 days are not available through the API).`,
        );
      }
    } else {
      last = found;
      const verdict = rules.classify(found.status);
      log.info(`[${elapsed}] ${found.status || '(no status)'}`);
      if (verdict === 'success' || verdict === 'failure') return ended({ kind: verdict, execution: found, polls: poll });
      if (verdict === 'unknown' && !unknownStatuses.has(found.status)) {
        unknownStatuses.add(found.status);
        log.info(
          `QFlow reported the status '${found.status}', which this action does not know; it is treated as not final. If it is final, list it in 'success-statuses' or 'failure-statuses'.`,
        );
      }
    }
    if (clock.now() >= options.deadline) return ended({ kind: 'timed_out', execution: last, polls: poll });
  }
}

interface SearchResult {
  execution?: ExecutionRecord;
  /** Every page of the window was read: a miss means the execution is not in it. */
  complete: boolean;
  /** The executions on the first page read, for the history. */
  firstPage: ExecutionRecord[];
}

/** Reads the list a page at a time until the execution is on it or the pages run out. */
async function findExecution(options: WaitOptions, window: ListWindow): Promise<SearchResult> {
  const now = options.clock.now();
  let firstPage: ExecutionRecord[] = [];
  let seen = 0;
  for (let pageNumber = 1; pageNumber <= window.maxPages; pageNumber++) {
    const page = await options.client.listExecutions(
      options.workflowId,
      { startAt: window.startAt, endAt: now + CLOCK_SKEW_MS, order: window.order, pageSize: PAGE_SIZE, pageNumber },
      options.deadline,
    );
    if (pageNumber === 1) firstPage = page.items;
    const execution = page.items.find((item) => item.id === options.executionId);
    if (execution) return { execution, complete: true, firstPage };
    seen += page.items.length;
    if (pageNumber > 1 && page.items.length > 0 && page.items[0].id === firstPage[0]?.id) {
      // The server ignored both paging parameters: there is nothing more to read.
      options.log.debug('The execution list ignored the paging parameters; reading one page only.');
      return { complete: true, firstPage };
    }
    if (page.items.length < PAGE_SIZE || (page.total !== undefined && seen >= page.total)) return { complete: true, firstPage };
  }
  if (window.maxPages > 1) options.log.warning(`Read ${window.maxPages} pages of executions without finding ${options.executionId}; will look again.`);
  return { complete: false, firstPage };
}

/** The one log line that says why the polls slowed down, with the figures. */
function describeStretch(stretch: Stretch, pauseMs: number): string {
  const { budget } = stretch;
  const others = budget.othersPerCall >= 0.5 ? `, and other callers spend about ${Math.round(budget.othersPerCall)} for each of this action's` : '';
  const plan =
    stretch.share < 1
      ? 'not enough for one more look at the planned pace'
      : `about ${Math.floor(stretch.share)} for this wait, which planned about ${Math.ceil(stretch.plannedLooks)} looks within ${humanDuration(stretch.horizonMs)}`;
  return `Polling less often to spare the subscription's API budget: ${budget.remaining} of ${budget.limit} calls left in the ${humanDuration(budget.windowMs)} rate-limit window${others}; ${plan}. Pauses are ${stretch.factor.toFixed(1)}× as long as planned (next look in ${humanDuration(pauseMs)}).`;
}

/** A failure worth another look later: the connection, or a gateway down or throttling past the retries. */
function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof QFlowApiError && error.transient);
}
