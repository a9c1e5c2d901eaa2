/**
 * Waits for an execution to reach a final status by polling the workflow's execution list, the one
 * read the docs offer that also shows the workflow's other recent executions.
 */
import { CancelledError, DeadlineError, QFlowApiError } from './errors.js';
import { EXECUTION_LIST_MAX_AGE_MS } from './constants.js';
import type { Log } from './log.js';
import type { ExecutionQuery, ExecutionRecord, QFlowClient } from './qflow.js';
import type { RateLimitState } from './retry.js';
import { nextPollDelay } from './schedule.js';
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
  rateLimit: RateLimitState;
  clock: Clock;
  log: Log;
  signal: AbortSignal;
  random?: () => number;
}

export type WaitOutcome =
  | { kind: 'success' | 'failure'; execution: ExecutionRecord; polls: number }
  | { kind: 'timed_out' | 'cancelled'; execution?: ExecutionRecord; polls: number };

export async function waitForExecution(options: WaitOptions): Promise<WaitOutcome> {
  const { clock, log, rules, signal } = options;
  const random = options.random ?? Math.random;
  const waitStarted = clock.now();
  const existing = options.startedAt === undefined;
  let windowStart = existing ? waitStarted - OLDEST_WINDOW_MS : options.startedAt! - CLOCK_SKEW_MS;
  let last: ExecutionRecord | undefined;
  let missedSearches = 0;
  const unknownStatuses = new Set<string>();

  for (let poll = 1; ; poll++) {
    // An execution that already existed may be over: look at once. A new one needs a moment.
    if (!(existing && poll === 1)) {
      const elapsedMs = clock.now() - (last?.startDate ?? options.startedAt ?? waitStarted);
      const delay = nextPollDelay({
        poll,
        elapsedMs,
        minMs: options.pollIntervalMs,
        maxMs: options.maxPollIntervalMs,
        rateLimit: options.rateLimit,
        random: random(),
      });
      if (delay.throttledBy) log.info(`Polling less often to spare the API budget: ${delay.throttledBy}.`);
      const wakeAt = Math.min(clock.now() + delay.ms, options.deadline);
      try {
        await clock.sleep(wakeAt - clock.now(), signal);
      } catch (error) {
        if (error instanceof CancelledError) return { kind: 'cancelled', execution: last, polls: poll - 1 };
        throw error;
      }
    }

    let search: SearchResult;
    try {
      search = await findExecution(options, windowStart, existing && last === undefined ? '-createdAt' : 'createdAt');
    } catch (error) {
      if (error instanceof CancelledError) return { kind: 'cancelled', execution: last, polls: poll };
      if (error instanceof DeadlineError) return { kind: 'timed_out', execution: last, polls: poll };
      throw error;
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
      // Once found, the window can start just before it, so one short page shows it from then on.
      if (found.createdAt !== undefined) windowStart = Math.max(windowStart, found.createdAt - CLOCK_SKEW_MS);
      const verdict = rules.classify(found.status);
      log.info(`[${elapsed}] ${found.status || '(no status)'}`);
      if (verdict === 'success' || verdict === 'failure') return { kind: verdict, execution: found, polls: poll };
      if (verdict === 'unknown' && !unknownStatuses.has(found.status)) {
        unknownStatuses.add(found.status);
        log.info(
          `QFlow reported the status '${found.status}', which this action does not know; it is treated as not final. If it is final, list it in 'success-statuses' or 'failure-statuses'.`,
        );
      }
    }
    if (clock.now() >= options.deadline) return { kind: 'timed_out', execution: last, polls: poll };
  }
}

interface SearchResult {
  execution?: ExecutionRecord;
  /** Every page of the window was read: a miss means the execution is not in it. */
  complete: boolean;
}

/** Reads the list a page at a time until the execution is on it or the pages run out. */
async function findExecution(options: WaitOptions, windowStart: number, order: ExecutionQuery['order']): Promise<SearchResult> {
  const now = options.clock.now();
  let firstIdOfPreviousPage: string | undefined;
  let seen = 0;
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
    const page = await options.client.listExecutions(
      options.workflowId,
      { startAt: windowStart, endAt: now + CLOCK_SKEW_MS, order, pageSize: PAGE_SIZE, pageNumber },
      options.deadline,
    );
    const execution = page.items.find((item) => item.id === options.executionId);
    if (execution) return { execution, complete: true };
    seen += page.items.length;
    const repeated = page.items.length > 0 && page.items[0].id === firstIdOfPreviousPage;
    if (repeated) {
      // The server ignored both paging parameters: there is nothing more to read.
      options.log.debug('The execution list ignored the paging parameters; reading one page only.');
      return { complete: true };
    }
    if (page.items.length < PAGE_SIZE || (page.total !== undefined && seen >= page.total)) return { complete: true };
    firstIdOfPreviousPage = page.items[0]?.id;
  }
  options.log.warning(`Read ${MAX_PAGES} pages of executions without finding ${options.executionId}; will look again.`);
  return { complete: false };
}
