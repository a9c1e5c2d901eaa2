import { describe, expect, it } from '@jest/globals';
import { QFlowApiError } from '../../src/errors.js';
import type { ExecutionQuery, ExecutionRecord, Page } from '../../src/qflow/client.js';
import { CLOCK_SKEW_MS, findExecutions, LARGEST_PAGE, OLDEST_WINDOW_MS, PAGE_SIZE, windowFor, type ListWindow } from '../../src/wait/list-search.js';
import { FakeClock, memoryLog } from '../support/fake-clock.js';

const run = (id: string, status = 'Running'): ExecutionRecord => ({ id, status, raw: { id, status } });

/**
 * An execution list holding `items` in the order asked for, paged as asked but never by more than
 * `largest`, with a total; `refuseAbove` answers 400 to a larger page size.
 */
function gateway(items: ExecutionRecord[], options: { largest?: number; refuseAbove?: number; ignorePaging?: boolean } = {}) {
  const queries: ExecutionQuery[] = [];
  const client = {
    listExecutions: async (_workflowId: string, query: ExecutionQuery): Promise<Page<ExecutionRecord>> => {
      queries.push(query);
      if (options.refuseAbove !== undefined && query.pageSize > options.refuseAbove) throw new QFlowApiError('pageSize too large', 400);
      const size = Math.min(query.pageSize, options.largest ?? Infinity);
      const start = options.ignorePaging ? 0 : (query.pageNumber - 1) * size;
      return { items: items.slice(start, start + size), total: items.length };
    },
  };
  return { client, queries };
}

function context(client: ReturnType<typeof gateway>['client']) {
  const clock = new FakeClock();
  return { client, workflowId: 'w', deadline: clock.now() + 60_000, clock, log: memoryLog() };
}

const NEWEST_FIRST: ListWindow = { startAt: 0, order: '-createdAt', pageSize: 100, newOnTop: true };
const OLDEST_FIRST: ListWindow = { startAt: 0, order: 'createdAt', pageSize: PAGE_SIZE, newOnTop: false };
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => run(`${prefix}${i}`));

describe('findExecutions', () => {
  it('newest first, reads on while a page holds only new executions, and stops at the first that holds others', async () => {
    const ours = ids(30, 'ours-');
    const past = ids(40, 'past-').map((e) => ({ ...e, status: 'Success' }));
    const { client, queries } = gateway([...ours, ...past], { largest: 20 });
    const c = context(client);
    const result = await findExecutions(c, NEWEST_FIRST, new Set(ours.map((e) => e.id)));
    expect(queries).toHaveLength(2);
    expect(result.found.size).toBe(30);
    expect(result.others.map((e) => e.id)).toEqual(past.slice(0, 10).map((e) => e.id));
    expect(result).toMatchObject({ complete: false, pages: 2, beyond: 30 });
    expect(c.log.text('debug')).toContain('The execution list sends pages of 20, not 100; paging by that size.');
  });

  it('oldest first, reads until every execution waited for is found, and no further', async () => {
    const list = [...ids(60, 'other-'), run('mine'), ...ids(60, 'later-')];
    const { client, queries } = gateway(list);
    const result = await findExecutions(context(client), OLDEST_FIRST, new Set(['mine']));
    expect(queries.map((q) => q.pageNumber)).toEqual([1, 2]);
    expect(result.found.has('mine')).toBe(true);
    expect(result.complete).toBe(false);
  });

  it('reads the whole window when an execution is not in it, and says so', async () => {
    const { client } = gateway(ids(70, 'other-'));
    const result = await findExecutions(context(client), OLDEST_FIRST, new Set(['missing']));
    expect(result).toMatchObject({ complete: true, pages: 2 });
    expect(result.found.size).toBe(0);
    expect(result.others).toHaveLength(70);
  });

  it('asks again with the usual page size when the gateway refuses the larger first page', async () => {
    const { client, queries } = gateway([run('mine')], { refuseAbove: PAGE_SIZE });
    const c = context(client);
    const result = await findExecutions(c, NEWEST_FIRST, new Set(['mine']));
    expect(queries.map((q) => q.pageSize)).toEqual([100, PAGE_SIZE]);
    expect(result.found.has('mine')).toBe(true);
    // The wait asks for that size from then on.
    expect(result.pageSize).toBe(PAGE_SIZE);
    expect(c.log.text('debug')).toContain(`refused pages of 100; reading pages of ${PAGE_SIZE}`);
  });

  it('passes on a refusal of the usual page size: nothing smaller is worth guessing', async () => {
    const { client } = gateway([run('mine')], { refuseAbove: 10 });
    await expect(findExecutions(context(client), OLDEST_FIRST, new Set(['mine']))).rejects.toThrow('pageSize too large');
  });

  it('reads one page of a gateway that ignores the paging parameters, instead of the same page twenty times', async () => {
    const { client, queries } = gateway(ids(80, 'other-'), { largest: 50, ignorePaging: true });
    const c = context(client);
    const result = await findExecutions(c, OLDEST_FIRST, new Set(['missing']));
    expect(queries).toHaveLength(2);
    expect(result.complete).toBe(true);
    expect(c.log.text('debug')).toContain('ignored the paging parameters');
  });

  it('gives up after twenty pages, warning, and leaves the next look to try again', async () => {
    const { client, queries } = gateway(ids(2000, 'other-'));
    const c = context(client);
    const result = await findExecutions(c, OLDEST_FIRST, new Set(['missing']));
    expect(queries).toHaveLength(20);
    expect(result.complete).toBe(false);
    expect(c.log.text('warning')).toContain('Read 20 pages of executions without finding 1 of the executions waited for');
  });
});

describe('windowFor', () => {
  const now = 100 * 24 * 3600_000;
  const look = { now, crowded: false, firstLook: false, existing: false, pageSize: LARGEST_PAGE };

  it('reads the newest page, the largest, at the first look at new executions: the history is beside them', () => {
    expect(windowFor({ ...look, firstLook: true, pending: [{ startedAt: now - 1000 }] })).toEqual({
      startAt: now - OLDEST_WINDOW_MS,
      order: '-createdAt',
      pageSize: LARGEST_PAGE,
      newOnTop: true,
    });
  });

  it('then reads oldest first from a little before the oldest execution waited for, allowing for clock skew, the largest page too', () => {
    expect(windowFor({ ...look, pending: [{ startedAt: now - 5000 }, { createdAt: now - 9000, startedAt: now - 4000 }] })).toEqual({
      startAt: now - 9000 - CLOCK_SKEW_MS,
      order: 'createdAt',
      pageSize: LARGEST_PAGE,
      newOnTop: false,
    });
  });

  it('asks for the smaller page once the gateway has refused the largest', () => {
    expect(windowFor({ ...look, pageSize: PAGE_SIZE, pending: [{ createdAt: now - 9000 }] }).pageSize).toBe(PAGE_SIZE);
    expect(windowFor({ ...look, pageSize: PAGE_SIZE, crowded: true, pending: [{ createdAt: now - 9000 }] }).pageSize).toBe(PAGE_SIZE);
  });

  it("on a crowded list, from the oldest one's creation as QFlow wrote it, so it tops the page", () => {
    expect(windowFor({ ...look, crowded: true, pending: [{ createdAt: now - 9000 }, { createdAt: now - 7000 }] })).toMatchObject({
      startAt: now - 9000,
      fromOurs: true,
    });
    // Until every one of them has been seen, it cannot know where they start.
    expect(windowFor({ ...look, crowded: true, pending: [{ createdAt: now - 9000 }, { startedAt: now - 7000 }] }).fromOurs).toBeUndefined();
  });

  it('searches the whole 30 days, newest first, for an execution that already existed', () => {
    expect(windowFor({ ...look, firstLook: true, existing: true, pending: [{}] })).toEqual({
      startAt: now - OLDEST_WINDOW_MS,
      order: '-createdAt',
      pageSize: LARGEST_PAGE,
      newOnTop: false,
    });
  });
});
