import { describe, expect, it } from '@jest/globals';
import { QFlowApiError } from '../../src/errors.js';
import type { ExecutionQuery, ExecutionRecord, Page } from '../../src/qflow/client.js';
import type { SearchResult } from '../../src/wait/list-search.js';
import { historyFromFirstLook, PAST_RUNS_QUERY, readPastRuns, type PastRunsRead } from '../../src/wait/past-runs.js';
import { StatusRules } from '../../src/wait/status.js';
import { memoryLog } from '../support/fake-clock.js';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-28T10:00:00Z');
let n = 0;

/** A past run created `hoursAgo` hours before NOW that took a minute. */
function past(hoursAgo: number, status = 'Success'): ExecutionRecord {
  const id = `00000000-0000-0000-0000-${String(n++).padStart(12, '0')}`;
  const createdAt = NOW - hoursAgo * HOUR;
  return { id, status, createdAt, startDate: createdAt, endDate: createdAt + 60_000, raw: {} };
}

/** The fleet's older part, off the first look's page: executions created a moment before it, still running. */
function running(count: number): ExecutionRecord[] {
  return Array.from({ length: count }, (_, i) => ({ ...past(0), createdAt: NOW - 60_000 - (i + 1) * 100, status: 'Running', endDate: undefined }));
}

/** A list of `all` (newest first), served as a gateway that honours `endAt` and, as told, the query. */
function gateway(all: ExecutionRecord[], query: 'honour' | 'ignore' | 'reject' = 'honour', budget?: PastRunsRead['budget']) {
  const queries: ExecutionQuery[] = [];
  const read: PastRunsRead = {
    client: {
      listExecutions: async (_workflowId: string, q: ExecutionQuery): Promise<Page<ExecutionRecord>> => {
        queries.push(q);
        if (q.query !== undefined && query === 'reject') throw new QFlowApiError('Invalid query', 400);
        const matching = all.filter((e) => e.createdAt! <= q.endAt && (q.query === undefined || query === 'ignore' || e.status === 'Success'));
        return { items: matching.slice(0, q.pageSize), total: matching.length };
      },
    },
    workflowId: 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a',
    rules: new StatusRules(['Success']),
    budget,
    log: memoryLog(),
    deadline: NOW + HOUR,
    startAt: NOW - 29 * 24 * HOUR,
    before: NOW - 60_000,
  };
  return { read, queries };
}

describe('readPastRuns', () => {
  const history = Array.from({ length: 30 }, (_, i) => past(i + 1, i % 5 === 0 ? 'Failed' : 'Success'));

  it('reads the successes before the first page in one call, with the documented query, and counts them', async () => {
    const { read, queries } = gateway([...running(40), ...history]);
    const { runs, successes } = await readPastRuns(read);
    expect(queries).toEqual([
      { startAt: read.startAt, endAt: read.before - 1, order: '-createdAt', pageSize: 20, pageNumber: 1, query: PAST_RUNS_QUERY },
    ]);
    expect(runs).toHaveLength(20);
    expect(runs.every((r) => r.status === 'Success')).toBe(true);
    expect(successes).toBe(24);
  });

  it('reads on before the last run read when the gateway ignores the query, until the history is found', async () => {
    const { read, queries } = gateway([...running(50), ...history], 'ignore');
    const { runs, successes } = await readPastRuns(read);
    expect(queries.map((q) => q.query)).toEqual([PAST_RUNS_QUERY, undefined, undefined]);
    // Each read starts just before the oldest execution of the one before.
    expect(queries[1].endAt).toBe(Math.min(...runs.slice(0, 20).map((r) => r.createdAt!)) - 1);
    expect(runs.filter((r) => r.status === 'Success').length).toBeGreaterThanOrEqual(3);
    expect(successes).toBeUndefined();
  });

  it('asks again without the query when the gateway refuses it', async () => {
    const { read, queries } = gateway([...running(10), ...history], 'reject');
    const { runs } = await readPastRuns(read);
    expect(queries.map((q) => q.query)).toEqual([PAST_RUNS_QUERY, undefined]);
    expect(runs.filter((r) => r.status === 'Success').length).toBeGreaterThanOrEqual(3);
  });

  it('reads on only while half the calls of the window are left', async () => {
    const budget = { view: () => ({ remaining: 140, limit: 300, windowMs: HOUR, othersPerMs: 0 }) };
    const { read, queries } = gateway([...running(80), ...history], 'ignore', budget);
    await readPastRuns(read);
    expect(queries).toHaveLength(1);
  });

  it('stops at the end of the list', async () => {
    const { read, queries } = gateway(running(30), 'ignore');
    expect((await readPastRuns(read)).runs).toHaveLength(30);
    expect(queries).toHaveLength(2);
  });
});

describe('historyFromFirstLook', () => {
  const history = Array.from({ length: 30 }, (_, i) => past(i + 1));
  const look = (others: ExecutionRecord[], beyond?: number): SearchResult => ({
    found: new Map(),
    complete: false,
    others,
    pages: 1,
    beyond,
    pageSize: 100,
  });

  it('learns from the first page alone when it holds a history read worth of ended runs', async () => {
    const { read, queries } = gateway(history);
    const learnt = await historyFromFirstLook(look(history.slice(0, 20), 10), read, new Set());
    expect(queries).toHaveLength(0);
    expect(learnt).toMatchObject({ readApart: false, history: { samples: 20 } });
  });

  it('reads the past runs apart when the page is filled with a fleet still running, and counts the fleet off the page', async () => {
    const fleet = running(60);
    const { read, queries } = gateway([...fleet, ...history]);
    // A page of 20 of the fleet; off it, 40 more of the fleet and 30 past successes.
    const learnt = await historyFromFirstLook(look(fleet.slice(0, 20), 70), read, new Set());
    expect(queries).toHaveLength(1);
    expect(queries[0].query).toBe(PAST_RUNS_QUERY);
    expect(learnt.readApart).toBe(true);
    expect(learnt.history?.samples).toBe(20);
    expect(learnt.offThePage).toEqual({ count: 40, before: Math.min(...fleet.slice(0, 20).map((e) => e.createdAt!)) });
    // The execution this job waits for is one of the 40 off the page: 39 others.
    const own = await historyFromFirstLook(look(fleet.slice(0, 20), 70), read, new Set([fleet[30].id]));
    expect(own.offThePage?.count).toBe(39);
  });

  it('learns one history from the ended runs on the page and those read apart, not the larger of the two', async () => {
    // A page of 50: 41 of the fleet and the 9 newest past runs, too few to trust; 11 more past runs off it.
    const fleet = running(41);
    const pastRuns = Array.from({ length: 20 }, (_, i) => past(i + 1));
    const { read, queries } = gateway([...fleet, ...pastRuns]);
    const learnt = await historyFromFirstLook(look([...fleet, ...pastRuns.slice(0, 9)], 11), read, new Set());
    expect(queries).toHaveLength(1);
    expect(learnt.history?.samples).toBe(20);
  });

  it('goes on without the past runs when they cannot be read, and says so', async () => {
    const { read } = gateway(history);
    const log = memoryLog();
    const down = { ...read, log, client: { listExecutions: () => Promise.reject(new QFlowApiError('Gateway down', 502, true)) } };
    const learnt = await historyFromFirstLook(look(running(20)), down, new Set());
    expect(learnt).toEqual({ history: undefined, readApart: true });
    expect(log.text('info')).toContain("The workflow's past runs could not be read (Gateway down)");
  });
});
