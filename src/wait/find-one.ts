/**
 * The one execution a job waits for, among a fleet the gateway's pages cannot show at once: read by
 * its ID (one call, its status and its creation as QFlow wrote it) rather than paging through the
 * fleet, after which looks read one page from it on (see waiter.ts).
 */
import { messageOf, QFlowApiError } from '../errors.js';
import type { QFlowClient } from '../qflow/client.js';
import { findExecutions, type ListWindow, type SearchContext, type SearchResult } from './list-search.js';

export interface ByIdContext extends SearchContext {
  client: SearchContext['client'] & Pick<QFlowClient, 'getExecution'>;
}

/**
 * The execution, by its ID, as a search that found it and read no list; undefined when the gateway
 * refused the read (a permission, an answer not the documented one): the list is read instead.
 */
export async function readById(context: ByIdContext, id: string, pageSize: number): Promise<SearchResult | undefined> {
  try {
    const execution = await context.client.getExecution(id, context.deadline);
    return { found: new Map([[id, execution]]), complete: false, others: [], pages: 1, pageSize };
  } catch (error) {
    if (!(error instanceof QFlowApiError) || error.transient) throw error;
    context.log.debug(`${messageOf(error)} Reading the execution list instead.`);
    return undefined;
  }
}

/**
 * One page of `window` (the fleet's count: its page and its total), then, when the execution is not
 * on it, the execution by its ID: two calls however far down the list it lies. Where the gateway
 * refuses the read by ID, the window is searched page by page.
 */
export async function findOnAPageOrById(context: ByIdContext, window: ListWindow, id: string): Promise<SearchResult> {
  const wanted = new Set([id]);
  const page = await findExecutions(context, window, wanted, 1);
  if (page.found.size > 0 || page.complete) return page;
  const byId = await readById(context, id, page.pageSize);
  if (byId === undefined) return findExecutions(context, window, wanted);
  // It lies past the page: the total counted it among the executions there.
  const beyond = page.beyond === undefined ? {} : { beyond: Math.max(0, page.beyond - 1) };
  return { ...page, found: byId.found, pages: page.pages + 1, ...beyond };
}
