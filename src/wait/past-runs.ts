/**
 * The workflow's past runs, read apart when the first look's page held too few of them for a history:
 * the page was filled with newer executions, the other jobs of a matrix started with this one, on a
 * gateway whose pages are smaller than the fleet. One call asks the execution list for successes only
 * (its documented `query`, QQL `status: Success`; only successes tell how long a run takes), created
 * before the oldest execution on that page (`endAt`), newest first: whatever the page size and however
 * many jobs started. A gateway that ignores the query sends the next part of the list instead; the read
 * goes on from there, while it finds no history, the list goes on and the budget has half its window left.
 */
import { CancelledError, messageOf, QFlowApiError } from '../errors.js';
import type { ApiBudget } from '../qflow/budget.js';
import type { ExecutionQuery, ExecutionRecord, QFlowClient } from '../qflow/client.js';
import type { Log } from '../log.js';
import { learnDurations, TRUSTED_SAMPLES, type DurationModel } from './history.js';
import type { SearchResult } from './list-search.js';
import type { StatusRules } from './status.js';

/** QQL for the runs that tell how long the workflow takes (the query the docs give as their example). */
export const PAST_RUNS_QUERY = 'status: Success';
/** Past runs read: as many as the history wants, so a read is one page even on a small-paged gateway. */
export const PAST_RUNS_PAGE = 20;
/** Pages read at most where the query is ignored. */
const MAX_READS = 4;

export interface PastRunsRead {
  client: Pick<QFlowClient, 'listExecutions'>;
  workflowId: string;
  rules: StatusRules;
  budget?: Pick<ApiBudget, 'view'>;
  log: Log;
  deadline: number;
  /** The oldest instant the list may be asked for (epoch ms). */
  startAt: number;
  /** Only runs created before this instant: the oldest execution the first look's page showed. */
  before: number;
}

export interface PastRuns {
  runs: ExecutionRecord[];
  /**
   * How many successes the list holds before `before`, when the gateway honoured the query and gave
   * a total: with the first look's own total, it tells how many of the executions off that page are
   * not past successes (the fleet's older part, see fleet.ts).
   */
  successes?: number;
}

export async function readPastRuns(read: PastRunsRead): Promise<PastRuns> {
  const runs: ExecutionRecord[] = [];
  let successes: number | undefined;
  let endAt = read.before - 1;
  let query: string | undefined = PAST_RUNS_QUERY;
  for (let reads = 0; reads < MAX_READS; reads++) {
    const window: ExecutionQuery = { startAt: read.startAt, endAt, order: '-createdAt', pageSize: PAST_RUNS_PAGE, pageNumber: 1 };
    let page;
    try {
      page = await read.client.listExecutions(read.workflowId, query === undefined ? window : { ...window, query }, read.deadline);
    } catch (error) {
      // A gateway that refuses the query: the same read without it (a read, so asking twice is safe).
      if (query === undefined || !(error instanceof QFlowApiError && (error.status === 400 || error.status === 422))) throw error;
      read.log.debug(`The execution list refused the query "${query}"; reading past runs without it.`);
      query = undefined;
      page = await read.client.listExecutions(read.workflowId, window, read.deadline);
    }
    runs.push(...page.items);
    const honoured = query !== undefined && page.items.every((e) => read.rules.classify(e.status) === 'success');
    if (honoured) successes = page.total;
    if (honoured || learnDurations(runs, read.rules) !== undefined) break;
    if (query !== undefined) read.log.debug(`The execution list ignored the query "${query}"; reading on past the newest executions.`);
    query = undefined;
    const oldest = Math.min(...page.items.map((e) => e.createdAt ?? Infinity));
    const received = page.received ?? page.items.length;
    const listEnds = received === 0 || (page.total !== undefined && received >= page.total);
    if (listEnds || !Number.isFinite(oldest) || oldest > endAt || !roomToReadOn(read.budget)) break;
    endAt = oldest - 1;
  }
  return { runs, successes };
}

/** Reading on spends calls the fleet needs for its looks: only while half the window's calls are left. */
function roomToReadOn(budget: PastRunsRead['budget']): boolean {
  const view = budget?.view('executions');
  return view === undefined || view.remaining >= view.limit / 2;
}

/**
 * The history the past runs read apart teach together with the ended runs `onPage` (the first look's,
 * all newer than those read apart), none of `wanted` among them, and the successes counted. Together:
 * a page of 50 that holds 41 new executions and 9 past runs, and a read apart that brings 11 more,
 * teach one history of 20 runs, not one of 11, whose longest run (where a fleet short of calls makes
 * its last paid look) one run in 21 outlasts, not one in 12.
 */
export async function readHistory(
  read: PastRunsRead,
  wanted: ReadonlySet<string>,
  onPage: readonly ExecutionRecord[] = [],
): Promise<{ history?: DurationModel; successes?: number }> {
  const { runs, successes } = await readPastRuns(read);
  const seen = new Set(onPage.map((e) => e.id));
  return {
    history: learnDurations(
      [...onPage, ...runs.filter((e) => !seen.has(e.id))].filter((e) => !wanted.has(e.id)),
      read.rules,
    ),
    successes,
  };
}

/** What the first look teaches of the workflow's history, and of the fleet off its page. */
export interface FirstLookHistory {
  history?: DurationModel;
  /** The past runs were read apart: the page was filled with newer executions (a fleet larger than the page). */
  readApart: boolean;
  /** Executions off the first look's page that are no past success (the fleet's older part), created before `before`. */
  offThePage?: { count: number; before: number };
}

/**
 * The history from the first look's page, or, when that page held fewer ended runs than a history
 * read brings (filled with executions still running: a fleet started with this one, larger than the
 * gateway's page), from the past runs read apart, created before the oldest execution on the page. A
 * few runs, an outlier among them, or three that happened to end alike, would plan every look of the
 * wait. A read apart that fails is said, and the wait goes on without it.
 */
export async function historyFromFirstLook(
  search: SearchResult,
  read: Omit<PastRunsRead, 'before'>,
  wanted: ReadonlySet<string>,
): Promise<FirstLookHistory> {
  const { rules } = read;
  const onPage = learnDurations(search.others, rules);
  const ended = search.others.filter((e) => rules.classify(e.status) === 'success' || rules.classify(e.status) === 'failure');
  if ((onPage?.samples ?? 0) >= TRUSTED_SAMPLES || search.complete || ended.length >= PAST_RUNS_PAGE) return { history: onPage, readApart: false };
  try {
    const seen = [...search.others, ...search.found.values()];
    const before = Math.min(...seen.map((e) => e.createdAt ?? Infinity));
    const past = Number.isFinite(before) ? await readHistory({ ...read, before }, wanted, search.others) : {};
    const history = past.history && past.history.samples > (onPage?.samples ?? 0) ? past.history : onPage;
    // Off the page are the past runs, the fleet's older part and the executions waited for that the
    // page did not show (newer executions of the fleet filled it): the first look's total less the
    // successes and those. Counted among the others, a job of 40 spoke of 40 others.
    const ownOff = wanted.size - search.found.size;
    const off = search.beyond !== undefined && past.successes !== undefined ? search.beyond - past.successes - ownOff : 0;
    return { history, readApart: true, ...(off > 0 ? { offThePage: { count: off, before } } : {}) };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    read.log.info(`The workflow's past runs could not be read (${messageOf(error)}); polling without them.`);
    return { history: onPage, readApart: true };
  }
}
