/**
 * One look at the execution list: which part of it to read (the window) and the page-by-page search
 * for the executions waited for. What the pages show of the workflow's other executions is handed
 * back as it is: the history and the fleet count are worked out from it elsewhere.
 */
import { QFlowApiError } from '../errors.js';
import { EXECUTION_LIST_MAX_AGE_MS, type ExecutionQuery, type ExecutionRecord, type QFlowClient } from '../qflow/client.js';
import { Pager } from '../qflow/paging.js';
import type { Log } from '../log.js';
import type { Clock } from '../time.js';

/** Runner and QFlow clocks may disagree: a window set from the runner's clock reaches this far beyond both ends. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** The page asked for once a gateway refuses the largest: the usual size of Qualys APIs' pages. */
export const PAGE_SIZE = 50;
/**
 * Every look asks for the largest page, so that one call shows the whole fleet around the executions
 * waited for: the first look, the history beside the new executions of a fan-out or of the other jobs
 * of a matrix started with this one (their executions are newer than any past run; up to 80 of them
 * leave room for 20 past runs); later looks, every job of a matrix of up to 100 from the oldest on
 * (with pages of 50, the jobs past the fiftieth paid a second page at each look). No largest size is
 * documented: a gateway that refuses it is asked for PAGE_SIZE from then on; one that sends smaller
 * pages is paged by what it sends, and read for the history apart (see past-runs.ts).
 */
export const LARGEST_PAGE = 2 * PAGE_SIZE;
/** The oldest start of a list window, kept inside the 30 days the API allows even if clocks differ. */
export const OLDEST_WINDOW_MS = EXECUTION_LIST_MAX_AGE_MS - 60 * 60_000;
/** Pages read per look at most: 1,000 executions, enough for a month of a busy workflow. */
const MAX_PAGES = 20;

/** Which part of the execution list one look reads. */
export interface ListWindow {
  startAt: number;
  order: ExecutionQuery['order'];
  pageSize: number;
  /** Newest first after new executions: a page that holds other executions ends the search. */
  newOnTop: boolean;
  /**
   * The window starts at the creation of the oldest execution waited for, as QFlow wrote it: it is
   * first on the page, and the executions created before it are not read.
   */
  fromOurs?: boolean;
}

/** Where the wait stands, for the window of its next look. */
export interface WindowInput {
  now: number;
  /** Each execution still pending: its creation as QFlow wrote it, once seen, and when this run started it. */
  pending: { createdAt?: number; startedAt?: number }[];
  /** A look had to read more than one page to find them, and reading from their creation finds them. */
  crowded: boolean;
  /** No look has succeeded yet. */
  firstLook: boolean;
  /** The executions already existed (`execution-id`): they may be anywhere in the 30 days. */
  existing: boolean;
  /** The page size to ask for: LARGEST_PAGE, or PAGE_SIZE once the gateway has refused that. */
  pageSize: number;
}

/**
 * The first look reads the newest page of the widest window: the workflow's recent executions teach
 * the schedule how long a run takes, and new executions are at the top. After that the window starts
 * just before the oldest execution still pending (or its run), oldest first, so a short page shows
 * them; on a crowded list, at the oldest one's creation as QFlow wrote it.
 */
export function windowFor({ now, pending, crowded, firstLook, existing, pageSize }: WindowInput): ListWindow {
  // Worked out anew for each look: the 30-day limit moves with the clock during a long wait.
  const widest = now - OLDEST_WINDOW_MS;
  const created = pending.map((p) => p.createdAt);
  if (crowded && created.every((c) => c !== undefined)) {
    // QFlow's own clock: no allowance for skew, so the oldest execution waited for tops the page.
    return { startAt: Math.max(widest, Math.min(...created)), order: 'createdAt', pageSize, newOnTop: false, fromOurs: true };
  }
  const references = pending.map((p) => p.createdAt ?? p.startedAt);
  if (references.every((r) => r !== undefined) && !(firstLook && !existing)) {
    const startAt = Math.max(widest, Math.min(...references) - CLOCK_SKEW_MS);
    return { startAt, order: 'createdAt', pageSize, newOnTop: false };
  }
  return { startAt: widest, order: '-createdAt', pageSize, newOnTop: !existing };
}

export interface SearchResult {
  /** The executions looked for that are listed, by ID. */
  found: Map<string, ExecutionRecord>;
  /** Every page of the window was read: a miss means the execution is not in it. */
  complete: boolean;
  /** The other executions on the pages read, in the order listed. */
  others: ExecutionRecord[];
  /** Pages read. */
  pages: number;
  /** Executions of the window after the pages read, when the server gave a total. */
  beyond?: number;
  /** The page size for the next look: the window's, PAGE_SIZE when the gateway refused it, or the smaller one it sent. */
  pageSize: number;
}

export interface SearchContext {
  client: Pick<QFlowClient, 'listExecutions'>;
  workflowId: string;
  deadline: number;
  clock: Clock;
  log: Log;
}

/**
 * Reads the list a page at a time until every execution wanted is on it, the pages run out or
 * `maxPages` were read (a look that reads the rest of its window another way).
 */
export async function findExecutions(
  context: SearchContext,
  window: ListWindow,
  wanted: ReadonlySet<string>,
  maxPages = MAX_PAGES,
): Promise<SearchResult> {
  try {
    return await searchPages(context, window, wanted, maxPages);
  } catch (error) {
    // No largest page size is documented: a server that refuses the larger page is asked again with
    // the usual one (a read, so asking twice is safe).
    if (!(error instanceof QFlowApiError && (error.status === 400 || error.status === 422) && window.pageSize > PAGE_SIZE)) throw error;
    context.log.debug(`The execution list refused pages of ${window.pageSize}; reading pages of ${PAGE_SIZE}.`);
    return searchPages(context, { ...window, pageSize: PAGE_SIZE }, wanted, maxPages);
  }
}

async function searchPages(context: SearchContext, window: ListWindow, wanted: ReadonlySet<string>, maxPages: number): Promise<SearchResult> {
  const now = context.clock.now();
  const found = new Map<string, ExecutionRecord>();
  const others: ExecutionRecord[] = [];
  const pager = new Pager(window.pageSize);
  let total: number | undefined;
  let pages = 0;
  const done = (complete: boolean): SearchResult => ({
    found,
    complete,
    others,
    pages,
    ...(total !== undefined && !complete ? { beyond: Math.max(0, total - pager.seen) } : {}),
    // A gateway that sent smaller pages than asked is asked for its own size from then on: each look
    // would otherwise ask for 100 again and find out again.
    pageSize: Math.min(window.pageSize, pager.size),
  });
  let firstId: string | undefined;
  while (pages < maxPages) {
    const page = await context.client.listExecutions(
      context.workflowId,
      { startAt: window.startAt, endAt: now + CLOCK_SKEW_MS, order: window.order, pageSize: pager.size, pageNumber: pager.pageNumber },
      context.deadline,
    );
    pages++;
    total = page.total;
    if (pages > 1 && page.items.length > 0 && page.items[0].id === firstId) {
      // The server ignored both paging parameters: there is nothing more to read.
      context.log.debug('The execution list ignored the paging parameters; reading one page only.');
      return done(true);
    }
    firstId ??= page.items[0]?.id;
    let ours = 0;
    for (const item of page.items) {
      if (wanted.has(item.id)) {
        found.set(item.id, item);
        ours++;
      } else {
        others.push(item);
      }
    }
    const asked = pager.size;
    pager.advance(page.received ?? page.items.length, page.total);
    if (pager.done) return done(true);
    if (pager.size < asked) context.log.debug(`The execution list sends pages of ${pager.size}, not ${asked}; paging by that size.`);
    // Newest first, new executions come before all others: once a page holds others, the rest are
    // older; a page of nothing but new ones leaves the history on the next.
    if (window.newOnTop) {
      if (ours < page.items.length) return done(false);
    } else if (found.size === wanted.size) {
      return done(false);
    }
  }
  if (!window.newOnTop && pages === MAX_PAGES) {
    context.log.warning(
      `Read ${MAX_PAGES} pages of executions without finding ${wanted.size - found.size} of the executions waited for; will look again.`,
    );
  }
  return done(false);
}
