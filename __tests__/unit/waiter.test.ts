import { describe, expect, it } from '@jest/globals';
import { CancelledError, NetworkError, QFlowApiError } from '../../src/errors.js';
import type { ExecutionQuery, ExecutionRecord, Page } from '../../src/qflow/client.js';
import { StatusRules } from '../../src/wait/status.js';
import { INPUT_NAMES } from '../../src/names.js';
import { LARGEST_PAGE, PAGE_SIZE } from '../../src/wait/list-search.js';
import { waitForExecutions, type WaitOptions } from '../../src/wait/waiter.js';
import { FakeClock, memoryLog } from '../support/fake-clock.js';

const WF = 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a';
const EX = '6ad5f333-c4ad-4008-b0d3-caab170d130b';

function execution(status: string, id = EX, createdAt = 0): ExecutionRecord {
  return { id, status, createdAt, startDate: createdAt, raw: { id, status } };
}

/** A list whose answer for each call comes from `answer(call number, query)`. */
function listing(answer: (call: number, query: ExecutionQuery) => Page<ExecutionRecord>) {
  const queries: ExecutionQuery[] = [];
  return {
    queries,
    client: {
      listExecutions: async (_workflowId: string, query: ExecutionQuery) => {
        queries.push(query);
        return answer(queries.length, query);
      },
    },
  };
}

/** The options of a wait for one execution: `startedAt` undefined for one that already existed. */
type OneOptions = Omit<WaitOptions, 'executions'> & { executionId: string; startedAt?: number };

/** Waits for the one execution, as a fan-out of one. */
async function waitForExecution(o: OneOptions) {
  const { executionId, startedAt, ...rest } = o;
  const outcome = await waitForExecutions({ ...rest, executions: [{ id: executionId, startedAt }] });
  return { ...outcome.outcomes.get(executionId)!, polls: outcome.polls, budgetPauseMs: outcome.budgetPauseMs, budgetNote: outcome.budgetNote };
}

function options(
  client: WaitOptions['client'],
  overrides: Partial<OneOptions> = {},
): OneOptions & { clock: FakeClock; log: ReturnType<typeof memoryLog> } {
  const clock = (overrides.clock as FakeClock) ?? new FakeClock();
  return {
    client,
    workflowId: WF,
    executionId: EX,
    startedAt: clock.now(),
    deadline: clock.now() + 3600_000,
    pollIntervalMs: 5000,
    maxPollIntervalMs: 60_000,
    rules: new StatusRules(['Success']),
    log: memoryLog(),
    signal: new AbortController().signal,
    random: () => 0.5,
    names: INPUT_NAMES,
    ...overrides,
    clock,
  } as OneOptions & { clock: FakeClock; log: ReturnType<typeof memoryLog> };
}

describe('waitForExecution', () => {
  it('keeps polling while the new execution is not yet listed, then follows it to success', async () => {
    const { client, queries } = listing((call) => ({
      items: call < 3 ? [] : [execution(call < 5 ? 'Running' : 'Success')],
      total: call < 3 ? 0 : 1,
    }));
    const o = options(client);
    const outcome = await waitForExecution(o);
    expect(outcome).toMatchObject({ kind: 'success', polls: 5, execution: { status: 'Success' } });
    expect(queries).toHaveLength(5);
    // A new execution: why it may not be listed is said with it.
    expect(o.log.text('info')).toContain(`execution ${EX} is not listed yet (QFlow lists a new execution after a moment).`);
  });

  it('waits poll-interval before the first look at a new execution', async () => {
    const { client } = listing(() => ({ items: [execution('Success')] }));
    const o = options(client);
    await waitForExecution(o);
    expect(o.clock.sleeps).toEqual([5000]);
  });

  it('looks at an existing execution at once', async () => {
    const { client } = listing(() => ({ items: [execution('Success')] }));
    const o = options(client, { startedAt: undefined });
    await waitForExecution(o);
    expect(o.clock.sleeps).toEqual([]);
  });

  it('first reads the newest page of the widest window, then a narrow window from just before the run', async () => {
    const { client, queries } = listing((call) => ({ items: call < 2 ? [] : [execution('Success')] }));
    const o = options(client);
    const started = o.clock.now();
    await waitForExecution(o);
    const thirtyDaysLessAnHour = 30 * 24 * 3600_000 - 3600_000;
    expect(queries[0]).toEqual({
      startAt: started + 5000 - thirtyDaysLessAnHour,
      endAt: started + 5000 + 5 * 60_000,
      order: '-createdAt',
      pageSize: LARGEST_PAGE,
      pageNumber: 1,
    });
    expect(queries[1]).toMatchObject({ startAt: started - 5 * 60_000, order: 'createdAt', pageNumber: 1, pageSize: LARGEST_PAGE });
  });

  it('asks for the usual page size from the look after a gateway refused the largest, not again at every look', async () => {
    const pageSizes: number[] = [];
    const { client } = listing((call, q) => {
      pageSizes.push(q.pageSize);
      if (q.pageSize > PAGE_SIZE) throw new QFlowApiError('pageSize must be at most 50', 400);
      return { items: [execution(call < 6 ? 'Running' : 'Success')] };
    });
    const outcome = await waitForExecution(options(client));
    expect(outcome.kind).toBe('success');
    expect(pageSizes[0]).toBe(LARGEST_PAGE);
    expect(pageSizes.slice(1)).toEqual(Array<number>(pageSizes.length - 1).fill(PAGE_SIZE));
    expect(pageSizes.length).toBeGreaterThan(3);
  });

  it('asks for the page size a gateway sends from the look after it sent fewer than asked, not for the largest at every look', async () => {
    const pageSizes: number[] = [];
    const past = Array.from({ length: 19 }, (_, i) => ({
      ...execution('Success', `10000000-0000-0000-0000-${String(i).padStart(12, '0')}`, -(i + 1) * 3600_000),
      endDate: -(i + 1) * 3600_000 + 300_000,
    }));
    const { client } = listing((call, q) => {
      pageSizes.push(q.pageSize);
      // At most 20 a page, of 40 in all: ours on top, the past runs after it.
      return { items: [execution(call < 4 ? 'Running' : 'Success'), ...past].slice(0, 20), total: 40 };
    });
    const outcome = await waitForExecution(options(client));
    expect(outcome.kind).toBe('success');
    expect(pageSizes[0]).toBe(LARGEST_PAGE);
    expect(pageSizes.slice(1)).toEqual(Array<number>(pageSizes.length - 1).fill(20));
  });

  it('learns how long the workflow usually takes from the first page, and plans the polls with it', async () => {
    const clock = new FakeClock();
    const past = [58, 60, 61, 59, 62, 60].map((s, i) => ({
      ...execution('Success', `00000000-0000-0000-0000-00000000000${i}`, clock.now() - (i + 1) * 3600_000),
      endDate: clock.now() - (i + 1) * 3600_000 + s * 1000,
    }));
    const { client } = listing((call) => ({ items: [execution(call < 4 ? 'Running' : 'Success', EX, clock.now()), ...past] }));
    const o = options(client, { clock, pollIntervalMs: 1000 });
    await waitForExecution(o);
    expect(o.log.text('info')).toContain('Recent runs of this workflow took about 1m (±3s, from 6 runs); polling most around then.');
    // After the first look, the next one is planned shortly before the usual minute is up.
    expect(o.clock.sleeps[1]).toBeGreaterThan(40_000);
    expect(o.clock.sleeps[0] + o.clock.sleeps[1]).toBeLessThan(60_000);
  });

  it('searches an existing execution over the widest window allowed, newest first, then narrows it', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    const createdAt = start - 3 * 24 * 3600_000;
    const { client, queries } = listing((call) => ({ items: [execution(call < 2 ? 'Running' : 'Failed', EX, createdAt)] }));
    const outcome = await waitForExecution(options(client, { clock, startedAt: undefined }));
    expect(outcome.kind).toBe('failure');
    const thirtyDaysLessAnHour = 30 * 24 * 3600_000 - 3600_000;
    expect(queries[0]).toMatchObject({ startAt: start - thirtyDaysLessAnHour, order: '-createdAt' });
    expect(queries[1]).toMatchObject({ startAt: createdAt - 5 * 60_000, order: 'createdAt' });
  });

  it('pages through the list until the execution is found', async () => {
    const others = Array.from({ length: 120 }, (_, i) => execution('Success', `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`));
    const all = [...others, execution('Success')];
    const { client, queries } = listing((_call, q) => ({
      items: all.slice((q.pageNumber - 1) * q.pageSize, q.pageNumber * q.pageSize),
      total: all.length,
    }));
    const outcome = await waitForExecution(options(client));
    expect(outcome.kind).toBe('success');
    // The first look reads one page only; the next pages through the narrow window, by the largest page.
    expect(queries.map((q) => q.pageNumber)).toEqual([1, 1, 2]);
    expect(queries.map((q) => q.pageSize)).toEqual([LARGEST_PAGE, LARGEST_PAGE, LARGEST_PAGE]);
  });

  it('stops paging when the server ignores the paging parameters', async () => {
    const page = Array.from({ length: PAGE_SIZE }, (_, i) => execution('Success', `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`));
    const { client, queries } = listing((call) => (call < 4 ? { items: page, total: 500 } : { items: [execution('Success')], total: 1 }));
    const o = options(client);
    await waitForExecution(o);
    expect(queries.map((q) => q.pageNumber)).toEqual([1, 1, 2, 1]);
  });

  it('reports an unknown status once and keeps waiting through it', async () => {
    const { client } = listing((call) => ({ items: [execution(call < 4 ? 'Cooking' : 'Success')] }));
    const o = options(client);
    const outcome = await waitForExecution(o);
    expect(outcome.kind).toBe('success');
    const notes = o.log.lines.filter((l) => l.message.includes("status 'Cooking', which the action does not know"));
    expect(notes).toHaveLength(1);
  });

  it('looks again after a look that failed for a transient reason', async () => {
    const { client, queries } = listing((call) => {
      if (call === 2) throw new NetworkError('Could not list the executions: the connection was reset (ECONNRESET) (5 attempts).');
      if (call === 3) throw new QFlowApiError('Could not list the executions: QFlow answered HTTP 502.', 502, true);
      return { items: [execution(call < 5 ? 'Running' : 'Success')] };
    });
    const o = options(client);
    await expect(waitForExecution(o)).resolves.toMatchObject({ kind: 'success' });
    expect(queries).toHaveLength(5);
    expect(o.log.text('warning')).toContain('(ECONNRESET) (5 attempts). Will look again.');
  });

  it('learns the history from the first look that succeeds', async () => {
    const clock = new FakeClock();
    const past = [60, 61, 59].map((s, i) => ({
      ...execution('Success', `00000000-0000-0000-0000-00000000000${i}`, clock.now() - (i + 1) * 3600_000),
      endDate: clock.now() - (i + 1) * 3600_000 + s * 1000,
    }));
    const { client, queries } = listing((call) => {
      if (call === 1) throw new NetworkError('Could not list the executions: the connection was reset (ECONNRESET) (5 attempts).');
      return { items: [execution(call < 3 ? 'Running' : 'Success', EX, clock.now()), ...past] };
    });
    const o = options(client, { clock });
    await waitForExecution(o);
    expect(queries[1].order).toBe('-createdAt');
    expect(o.log.text('info')).toContain('Recent runs of this workflow took about 1m');
  });

  it('fails at once on an error that another look cannot mend', async () => {
    const { client } = listing(() => {
      throw new QFlowApiError('Could not list the executions: QFlow answered HTTP 403.', 403);
    });
    await expect(waitForExecution(options(client))).rejects.toThrow('HTTP 403');
  });

  it('counts a failure status as a failure', async () => {
    const { client } = listing(() => ({ items: [execution('TIMED_OUT')] }));
    await expect(waitForExecution(options(client))).resolves.toMatchObject({ kind: 'failure' });
  });

  it('stops by the deadline with the last status seen, after one last look early enough to be answered by then', async () => {
    const { client, queries } = listing(() => ({ items: [execution('Running')] }));
    const clock = new FakeClock();
    const o = options(client, { clock, deadline: clock.now() + 60_000 });
    const outcome = await waitForExecution(o);
    expect(outcome).toMatchObject({ kind: 'timed_out', execution: { status: 'Running' } });
    // The last look is 5 s before the deadline (a tenth of a one-minute wait is 6 s): its answer has that long.
    expect(clock.now()).toBe(o.deadline - 5000);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(55_000);
    expect(queries.length).toBeGreaterThan(1);
  });

  it('ends when the job is cancelled', async () => {
    const cancel = new AbortController();
    const { client } = listing((call) => {
      if (call === 2) cancel.abort(new CancelledError());
      return { items: [execution('Running')] };
    });
    const outcome = await waitForExecution(options(client, { signal: cancel.signal }));
    expect(outcome).toMatchObject({ kind: 'cancelled', polls: 2, execution: { status: 'Running' } });
  });

  it('declares an existing execution not found after three full searches miss it', async () => {
    const { client, queries } = listing(() => ({ items: [], total: 0 }));
    const o = options(client, { startedAt: undefined });
    await expect(waitForExecution(o)).rejects.toThrow(`Execution ${EX} is not among the executions of workflow ${WF} of the last 30 days`);
    expect(queries).toHaveLength(3);
    // Not told that QFlow lists a new execution after a moment: this one was not new.
    expect(o.log.text('info')).toContain(`execution ${EX} is not listed yet.`);
  });

  it('polls less often when the API budget runs low, says why once, and reports how far the pauses grew', async () => {
    const clock = new FakeClock();
    const startedAt = clock.now();
    const { client } = listing((call) => ({ items: [execution(call < 4 ? 'Running' : 'Success', EX, startedAt)] }));
    const budget = { view: () => ({ remaining: 1, limit: 300, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0 };
    const o = options(client, { clock, budget });
    const outcome = await waitForExecution(o);
    // Not even the look and step list this wait needs to finish: a look every 30 s, 0.4 of the pace
    // at which a 300-per-hour window gives calls back.
    expect(o.clock.sleeps.slice(0, 3)).toEqual([30_000, 30_000, 30_000]);
    const notes = o.log.lines.filter((l) => l.message.startsWith("Polling less often to spare the subscription's API budget"));
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('1 of 300 calls left in the 1h rate-limit window');
    expect(outcome.budgetPauseMs).toBeUndefined();
  });

  it('reports the longest pause the budget stretched past max-poll-interval', async () => {
    const { client } = listing((call) => ({ items: [execution(call < 3 ? 'Running' : 'Success')] }));
    const budget = { view: () => ({ remaining: 0, limit: 30, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0 };
    const outcome = await waitForExecution(options(client, { budget }));
    expect(outcome.budgetPauseMs).toBe(300_000);
    expect(outcome.budgetNote).toContain(
      '0 of 30 calls left in the 1h rate-limit window; not enough for the last look and step list of every running execution, so this wait waits for the window to give calls back',
    );
  });

  it('reports a look the rate limit held back for minutes, though every planned pause was short', async () => {
    const clock = new FakeClock();
    const startedAt = clock.now();
    const budget = { view: () => ({ remaining: 200, limit: 300, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0, heldBack: 0 };
    const { client } = listing((call) => {
      // The third look's call is held back 5½ minutes inside the HTTP layer before its answer comes.
      if (call === 3) {
        budget.heldBack++;
        clock.time += 330_000;
      }
      return { items: [execution(call < 3 ? 'Running' : 'Success', EX, startedAt)] };
    });
    const outcome = await waitForExecution(options(client, { clock, budget }));
    expect(outcome.kind).toBe('success');
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(60_000);
    expect(outcome.budgetPauseMs).toBeGreaterThanOrEqual(330_000);
    expect(outcome.budgetNote).toBe("The gateway's rate limit held a look back: the subscription's calls were spent for the moment.");
  });

  it('makes the looks it planned where the end is likely, not as many again at each look, while its run goes on', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    // Twenty past runs of 270 to 327 s, and five other jobs' executions running beside this one.
    const past = Array.from({ length: 20 }, (_, i) => ({
      ...execution('Success', `10000000-0000-0000-0000-${String(i).padStart(12, '0')}`, start - (i + 1) * 3600_000),
      endDate: start - (i + 1) * 3600_000 + (270 + 3 * i) * 1000,
    }));
    const others = Array.from({ length: 5 }, (_, i) => execution('Running', `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`, start));
    const looksAt: number[] = [];
    const { client } = listing(() => {
      looksAt.push(clock.now() - start);
      return { items: [execution(clock.now() - start < 600_000 ? 'Running' : 'Success', EX, start), ...others, ...past] };
    });
    // 40 calls left, never fewer (the fake's figures): a share of about 2.9 looks, 4 where the end is likely.
    const budget = { view: () => ({ remaining: 40, limit: 300, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0 };
    await waitForExecution(options(client, { clock, budget, pollIntervalMs: 1000 }));
    // After the first look, those up to the likely end (the longest past run, 327 s): the four planned,
    // not ever closer together as each look planned four anew into what was left.
    const nearEnd = looksAt.filter((t) => t > 1000 && t <= 327_000);
    expect(nearEnd.length).toBeGreaterThanOrEqual(2);
    expect(nearEnd.length).toBeLessThanOrEqual(4);
  });

  it('keeps calls for the jobs of executions that ended a moment ago, which may not have looked yet', async () => {
    const pause = async (endedAgoMs: number) => {
      const clock = new FakeClock();
      const past = [300, 320, 280, 310, 290].map((s, i) => ({
        ...execution('Success', `10000000-0000-0000-0000-00000000000${i}`, clock.now() - (i + 1) * 3600_000),
        endDate: clock.now() - (i + 1) * 3600_000 + s * 1000,
      }));
      // Ten other jobs' executions that ended `endedAgoMs` before the first look.
      const others = Array.from({ length: 10 }, (_, i) => ({
        ...execution('Success', `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`, clock.now() + 5000 - endedAgoMs - 300_000),
        endDate: clock.now() + 5000 - endedAgoMs,
      }));
      const { client } = listing((call) => ({ items: [execution(call < 3 ? 'Running' : 'Success', EX, clock.now()), ...others, ...past] }));
      const budget = { view: () => ({ remaining: 30, limit: 300, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0 };
      const o = options(client, { clock, budget });
      await waitForExecution(o);
      return o.clock.sleeps[1];
    };
    // 30 left: with ten jobs that may still need a look and a step list each, this wait keeps to its
    // reserved look, at the likely end; with their ends long seen, it may look sooner.
    expect(await pause(5000)).toBeGreaterThan(await pause(40 * 60_000));
  });

  it('counts an execution whose status is not final as running, whatever end date it carries', async () => {
    const pause = async (endDate: number | undefined) => {
      const clock = new FakeClock();
      // Ten other jobs' executions, still Running: some gateways fill in an end date early.
      const others = Array.from({ length: 10 }, (_, i) => ({
        ...execution('Running', `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`, clock.now() - 60_000),
        endDate: endDate === undefined ? undefined : clock.now() - endDate,
      }));
      const { client } = listing((call) => ({ items: [execution(call < 3 ? 'Running' : 'Success', EX, clock.now()), ...others] }));
      const budget = { view: () => ({ remaining: 30, limit: 300, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0 };
      const o = options(client, { clock, budget });
      await waitForExecution(o);
      return o.clock.sleeps.slice(0, 3);
    };
    const alone = await (async () => {
      const clock = new FakeClock();
      const { client } = listing((call) => ({ items: [execution(call < 3 ? 'Running' : 'Success', EX, clock.now())] }));
      const o = options(client, {
        clock,
        budget: { view: () => ({ remaining: 30, limit: 300, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0 },
      });
      await waitForExecution(o);
      return o.clock.sleeps.slice(0, 3);
    })();
    const running = await pause(undefined);
    // Ten callers share the 30 calls left: this wait looks less often than one alone would.
    expect(running).not.toEqual(alone);
    expect(await pause(40 * 60_000)).toEqual(running);
  });

  it('keeps the plan when the budget can pay for it', async () => {
    const run = async (budget?: OneOptions['budget']) => {
      const { client } = listing((call) => ({ items: [execution(call < 6 ? 'Running' : 'Success')] }));
      const o = options(client, { budget });
      await waitForExecution(o);
      return o;
    };
    const healthy = await run({ view: () => ({ remaining: 290, limit: 300, windowMs: 3_600_000, othersPerMs: 0 }), notBefore: () => 0 });
    const without = await run();
    expect(healthy.clock.sleeps).toEqual(without.clock.sleeps);
    expect(healthy.log.text()).not.toContain('Polling less often');
  });

  it("does not look before a throttled answer's wait is over", async () => {
    const { client } = listing((call) => ({ items: [execution(call < 2 ? 'Running' : 'Success')] }));
    const clock = new FakeClock();
    const blockedUntil = clock.now() + 90_000;
    const o = options(client, { clock, budget: { view: () => undefined, notBefore: () => blockedUntil } });
    await waitForExecution(o);
    expect(clock.sleeps[0]).toBe(90_000);
  });
});

describe('waitForExecutions, for a fan-out', () => {
  const ids = ['00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000a3'];

  function fanOut(client: WaitOptions['client'], overrides: Partial<WaitOptions> = {}) {
    const clock = (overrides.clock as FakeClock | undefined) ?? new FakeClock();
    const log = memoryLog();
    return {
      client,
      workflowId: WF,
      executions: ids.map((id) => ({ id, startedAt: clock.now() })),
      deadline: clock.now() + 3600_000,
      pollIntervalMs: 5000,
      maxPollIntervalMs: 60_000,
      rules: new StatusRules(['Success']),
      signal: new AbortController().signal,
      random: () => 0.5,
      names: INPUT_NAMES,
      clock,
      ...overrides,
      log,
    };
  }

  it('follows every execution with one look at the list, and collects each once as it ends', async () => {
    // The n-th execution ends at the (n+1)-th look; the second one fails.
    const { client, queries } = listing((call) => ({
      items: ids.map((id, i) => execution(call < i + 2 ? 'Running' : i === 1 ? 'Failed' : 'Success', id)),
    }));
    const ended: string[] = [];
    const o = fanOut(client, { onEnded: (id) => ended.push(id) });
    const outcome = await waitForExecutions(o);
    expect(queries).toHaveLength(4);
    expect(ended).toEqual(ids);
    expect([...outcome.outcomes].map(([id, x]) => [id, x.kind])).toEqual([
      [ids[0], 'success'],
      [ids[1], 'failure'],
      [ids[2], 'success'],
    ]);
    expect(o.log.text('info')).toContain('[5s] 0 of 3 ended; 3 Running');
    expect(o.log.text('info')).toContain('2 of 3 ended; 1 Success, 1 Failed, 1 Running');
  });

  it('stops at the first failure with fail-fast, the others marked as not waited for', async () => {
    const { client, queries } = listing((call) => ({ items: ids.map((id, i) => execution(call >= 2 && i === 1 ? 'Failed' : 'Running', id)) }));
    const outcome = await waitForExecutions(fanOut(client, { failFast: true }));
    expect(queries).toHaveLength(2);
    expect(outcome.stoppedAtFailure).toBe(true);
    expect([...outcome.outcomes.values()].map((x) => x.kind).sort()).toEqual(['cancelled', 'cancelled', 'failure']);
  });

  it("learns the history on the first look although other jobs' new executions fill more than a usual page", async () => {
    const clock = new FakeClock();
    // A matrix of 61 jobs started together: each sees the other 60 running, newer than any past run.
    const others = Array.from({ length: 60 }, (_, i) => execution('Running', `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`, clock.now()));
    const past = [60, 61, 59, 60].map((s, i) => ({
      ...execution('Success', `10000000-0000-0000-0000-00000000000${i}`, clock.now() - (i + 1) * 3600_000),
      endDate: clock.now() - (i + 1) * 3600_000 + s * 1000,
    }));
    const { client, queries } = listing((call, q) => {
      const all = [execution(call < 2 ? 'Running' : 'Success', EX, clock.now()), ...others, ...past];
      return { items: all.slice((q.pageNumber - 1) * q.pageSize, q.pageNumber * q.pageSize), total: all.length };
    });
    const o = options(client, { clock });
    await waitForExecution(o);
    expect(queries[0]).toMatchObject({ order: '-createdAt', pageNumber: 1 });
    expect(queries[1]).toMatchObject({ order: 'createdAt' });
    expect(o.log.text('info')).toContain('Recent runs of this workflow took about 1m (±2s, from 4 runs)');
  });

  it('reads on past a first page of its own new executions to find the history, and learns only from the others', async () => {
    const clock = new FakeClock();
    // So many that the first look's page, the largest it asks for, holds nothing else.
    const many = Array.from({ length: LARGEST_PAGE }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const past = [60, 61, 59, 60].map((s, i) => ({
      ...execution('Success', `10000000-0000-0000-0000-00000000000${i}`, clock.now() - (i + 1) * 3600_000),
      endDate: clock.now() - (i + 1) * 3600_000 + s * 1000,
    }));
    // Ours end at once, in a second: were they learned from, the usual duration would be a second.
    const ours = many.map((id) => ({ ...execution('Success', id, clock.now()), endDate: clock.now() + 1000 }));
    const all = [...ours, ...past];
    const { client, queries } = listing((_call, q) => ({
      items: all.slice((q.pageNumber - 1) * q.pageSize, q.pageNumber * q.pageSize),
      total: all.length,
    }));
    const o = fanOut(client, { clock, executions: many.map((id) => ({ id, startedAt: clock.now() })) });
    await waitForExecutions(o);
    expect(queries.map((q) => [q.order, q.pageNumber, q.pageSize])).toEqual([
      ['-createdAt', 1, LARGEST_PAGE],
      ['-createdAt', 2, LARGEST_PAGE],
    ]);
    expect(o.log.text('info')).toContain('Recent runs of this workflow took about 1m (±2s, from 4 runs)');
  });

  it('reads the past runs apart when the first page leaves too few ended runs for a history, and then looks from its own execution on', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const id = (i: number) => `30000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
    // A fleet of 46 running, then three past runs of which one hung: with it left out, two say too little.
    const fleet = Array.from({ length: 46 }, (_, i) => execution('Running', id(i), t0 - i));
    const past = [60, 61, 600].map((s, i) => ({
      ...execution('Success', id(100 + i), t0 - (i + 1) * 3600_000),
      endDate: t0 - (i + 1) * 3600_000 + s * 1000,
    }));
    const more = [59, 60, 62, 61].map((s, i) => ({
      ...execution('Success', id(200 + i), t0 - (i + 10) * 3600_000),
      endDate: t0 - (i + 10) * 3600_000 + s * 1000,
    }));
    const { client, queries } = crowdedList(t0, fleet, [...past, ...more]);
    const o = options(client, { clock });
    await waitForExecution(o);
    expect(queries[1]).toMatchObject({ query: 'status: Success', order: '-createdAt', pageSize: 20 });
    expect(o.log.text('info')).toContain('Recent runs of this workflow took about 1m');
    expect(queries.slice(2).every((q) => q.startAt === t0 - 50)).toBe(true);
  });

  it('reads the past runs apart when the first page holds only a few, though enough for a history', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const id = (i: number) => `31000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
    // A fleet of 46 running, then three past runs that happened to end within a second of each other;
    // the runs before them took 50 to 70 s.
    const fleet = Array.from({ length: 46 }, (_, i) => execution('Running', id(i), t0 - i));
    const past = [60, 60.5, 61, 50, 70, 55, 65, 52, 68, 58, 62, 57].map((s, i) => ({
      ...execution('Success', id(100 + i), t0 - (i + 1) * 3600_000),
      endDate: t0 - (i + 1) * 3600_000 + s * 1000,
    }));
    const { client, queries } = crowdedList(t0, fleet, past);
    const o = options(client, { clock });
    await waitForExecution(o);
    expect(queries[1]).toMatchObject({ query: 'status: Success', order: '-createdAt', pageSize: 20 });
    // The three on the page and the nine read apart, learnt together: not the three alone.
    expect(o.log.text('info')).toContain('took about 1m (±6s, from 12 runs)');
  });
});

describe("waitForExecution, its execution hidden among a fleet larger than the gateway's page", () => {
  /**
   * Pages of 20; ours was created first, then 60 executions of other jobs, all running, then come
   * 12 past runs of about a minute. Ours ends at the `endsAtCall`-th call to the gateway.
   */
  function hidden(t0: number, endsAtCall: number, details: 'served' | 'refused') {
    const id = (i: number) => `32000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
    const fleet = Array.from({ length: 60 }, (_, i) => execution('Running', id(i), t0 + 10 * (i + 1)));
    const past = Array.from({ length: 12 }, (_, i) => ({
      ...execution('Success', id(100 + i), t0 - (i + 1) * 3600_000),
      endDate: t0 - (i + 1) * 3600_000 + (55 + i) * 1000,
    }));
    const calls: string[] = [];
    const ours = () => execution(calls.length < endsAtCall ? 'Running' : 'Success', EX, t0 - 50);
    const { client, queries } = listing((_call, q) => {
      calls.push('list');
      const all = [ours(), ...fleet, ...past].filter((e) => e.createdAt! <= q.endAt && e.createdAt! >= q.startAt);
      const matching = q.query ? all.filter((e) => e.status === 'Success') : all;
      const sorted = [...matching].sort((a, b) => (q.order === 'createdAt' ? a.createdAt! - b.createdAt! : b.createdAt! - a.createdAt!));
      const from = (q.pageNumber - 1) * 20;
      return { items: sorted.slice(from, from + 20), total: sorted.length };
    });
    const getExecution = async (executionId: string) => {
      calls.push(`execution ${executionId}`);
      if (details === 'refused') throw new QFlowApiError('Could not read execution: HTTP 403 (Forbidden).', 403);
      return ours();
    };
    return { client: { ...client, getExecution }, queries, calls };
  }

  it('reads it by its ID once, not by paging through the fleet, then looks one page from it on', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const { client, queries, calls } = hidden(t0, 5, 'served');
    const o = options(client, { clock });
    const outcome = await waitForExecution(o);
    expect(outcome.kind).toBe('success');
    // The newest page (the fleet), the past runs apart, ours by its ID, then one page from ours on.
    expect(calls).toEqual(['list', 'list', `execution ${EX}`, 'list', 'list']);
    expect(queries.slice(2).every((q) => q.startAt === t0 - 50 && q.order === 'createdAt' && q.pageNumber === 1)).toBe(true);
    expect(o.log.text('info')).toContain('Running');
  });

  it('listed after the first look, is read by its ID once the next look finds a page of the fleet without it, not by paging on', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const id = (i: number) => `33000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
    // 30 jobs started before ours, 30 after; the first look lists only the first 8 (QFlow lists late).
    const before = Array.from({ length: 30 }, (_, i) => execution('Running', id(i), t0 - 3000 + 10 * i));
    const after = Array.from({ length: 30 }, (_, i) => execution('Running', id(100 + i), t0 + 10 * (i + 1)));
    const past = Array.from({ length: 12 }, (_, i) => ({
      ...execution('Success', id(200 + i), t0 - (i + 1) * 3600_000),
      endDate: t0 - (i + 1) * 3600_000 + (55 + i) * 1000,
    }));
    const calls: string[] = [];
    const ours = () => execution(calls.length < 5 ? 'Running' : 'Success', EX, t0 - 50);
    const { client, queries } = listing((call, q) => {
      calls.push('list');
      const listed = call === 1 ? [...before.slice(0, 8), ...past] : [...before, ours(), ...after, ...past];
      const all = listed.filter((e) => e.createdAt! <= q.endAt && e.createdAt! >= q.startAt);
      const sorted = [...all].sort((a, b) => (q.order === 'createdAt' ? a.createdAt! - b.createdAt! : b.createdAt! - a.createdAt!));
      const from = (q.pageNumber - 1) * 20;
      return { items: sorted.slice(from, from + 20), total: sorted.length };
    });
    let refused = false;
    const getExecution = async (executionId: string) => {
      calls.push(`execution ${executionId}`);
      if (refused) throw new QFlowApiError('Could not read execution: HTTP 403 (Forbidden).', 403);
      return ours();
    };
    const o = options({ ...client, getExecution }, { clock });
    expect((await waitForExecution(o)).kind).toBe('success');
    // The newest page, then one page of the fleet from before the run and ours by its ID, then one page from ours on.
    expect(calls).toEqual(['list', 'list', `execution ${EX}`, 'list', 'list']);
    expect(queries.every((q) => q.pageNumber === 1)).toBe(true);
    expect(queries.slice(2).every((q) => q.startAt === t0 - 50 && q.order === 'createdAt')).toBe(true);

    // A gateway that refuses the read by ID: that look pages on through the window and finds it there.
    calls.length = 0;
    queries.length = 0;
    refused = true;
    const again = options({ ...client, getExecution }, { clock: new FakeClock(t0) });
    expect((await waitForExecution(again)).kind).toBe('success');
    expect(calls.slice(0, 5)).toEqual(['list', 'list', `execution ${EX}`, 'list', 'list']);
    expect(queries.slice(1, 4).map((q) => q.pageNumber)).toEqual([1, 1, 2]);
    // In the same look, not the next one after a pause.
    expect(queries[3].endAt).toBe(queries[1].endAt);
    expect(calls.filter((c) => c.startsWith('execution'))).toHaveLength(1);
    expect(again.log.text('debug')).toContain('Reading the execution list instead');
  });

  it('pages through the list as before when the gateway refuses to read one execution', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const { client, queries, calls } = hidden(t0, 7, 'refused');
    const o = options(client, { clock });
    const outcome = await waitForExecution(o);
    expect(outcome.kind).toBe('success');
    expect(calls.filter((c) => c.startsWith('execution'))).toHaveLength(1);
    // The look after the refusal read the window from before the run, oldest first: ours tops it.
    expect(queries[2]).toMatchObject({ order: 'createdAt', pageNumber: 1 });
    expect(o.log.text('debug')).toContain('Reading the execution list instead');
  });
});

/**
 * An execution list of pages of 50 that a fleet crowds: its executions (ours, created 50 ms before
 * `t0`, fourth among them, ending at the fourth look), then the past runs, newest first; it honours the
 * window, the `query` for successes and the order asked for.
 */
function crowdedList(t0: number, fleet: ExecutionRecord[], past: ExecutionRecord[]) {
  const ours = (call: number) => execution(call < 4 ? 'Running' : 'Success', EX, t0 - 50);
  return listing((call, q) => {
    const all = [...fleet.slice(0, 3), ours(call), ...fleet.slice(3), ...past].filter((e) => e.createdAt! <= q.endAt && e.createdAt! >= q.startAt);
    const matching = q.query ? all.filter((e) => e.status === 'Success') : all;
    const sorted = q.order === 'createdAt' ? [...matching].sort((a, b) => a.createdAt! - b.createdAt!) : matching;
    return { items: sorted.slice(0, 50), total: sorted.length };
  });
}
