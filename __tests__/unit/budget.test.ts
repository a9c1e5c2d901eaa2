import { describe, expect, it } from '@jest/globals';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiBudget } from '../../src/qflow/budget.js';
import { readBudgetHeaders } from '../../src/qflow/limits.js';
import { FakeClock } from '../support/fake-clock.js';

/** The headers a gateway sends on every answer, with `remaining` calls left of 300 per hour. */
const left = (remaining: number) => ({
  'x-ratelimit-limit': '300',
  'x-ratelimit-window-sec': '3600',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-towait-sec': '0',
});
/** What the budget is told of an answer with these headers. */
const said = (headers: IncomingHttpHeaders) => readBudgetHeaders(headers);
const throttled = (toWaitSec: number) => ({ ...left(0), 'x-ratelimit-towait-sec': String(toWaitSec) });

function fresh() {
  const clock = new FakeClock();
  return { clock, budget: new ApiBudget(clock) };
}

describe('ApiBudget', () => {
  it('knows nothing until the gateway says something', () => {
    const { budget } = fresh();
    expect(budget.view('executions')).toBeUndefined();
    expect(budget.notBefore('executions')).toBe(0);
    budget.record('executions', said({}), 'admitted');
    expect(budget.view('executions')).toBeUndefined();
  });

  it('takes the latest Remaining, less the calls made since that were answered without one', () => {
    const { budget } = fresh();
    budget.record('executions', said(left(120)), 'admitted');
    budget.record('executions', said({}), 'admitted');
    budget.record('executions', said({}), 'admitted');
    expect(budget.view('executions')).toEqual({ remaining: 118, limit: 300, windowMs: 3_600_000, othersPerMs: 0 });
  });

  it("forbids any call before a throttled answer's wait, and forgets its Remaining: 0 once the wait is over", () => {
    const { clock, budget } = fresh();
    budget.record('executions', said(left(40)), 'admitted');
    clock.time += 1000;
    budget.record('executions', said(throttled(1)), 'rate-limited', 1000);
    expect(budget.notBefore('executions')).toBe(clock.now() + 1000);
    expect(budget.view('executions')?.remaining).toBe(0);
    clock.time += 1000;
    // Answers without headers from here on: nothing is known, so nothing holds the polls back.
    budget.record('executions', said({}), 'admitted');
    expect(budget.view('executions')).toBeUndefined();
  });

  it('forgets a report once a whole window has passed', () => {
    const { clock, budget } = fresh();
    budget.record('executions', said(left(3)), 'admitted');
    clock.time += 3_600_000;
    expect(budget.view('executions')).toBeUndefined();
  });

  it('learns how many callers like it spend the same budget from how Remaining falls between its calls', () => {
    const { clock, budget } = fresh();
    budget.record('executions', said(left(250)), 'admitted');
    for (let i = 1; i <= 6; i++) {
      clock.time += 60_000;
      // Nine others look once a minute too: Remaining falls by ten between two of ours.
      budget.record('executions', said(left(250 - 10 * i)), 'admitted');
    }
    // As a pace: nine calls a minute, whatever this action's own pauses.
    expect(budget.view('executions')!.othersPerMs * 60_000).toBeCloseTo(9, 0);
  });

  it('counts a steady other client that the window pays back as no other caller', () => {
    const { clock, budget } = fresh();
    for (let i = 0; i < 6; i++) {
      budget.record('executions', said(left(50 - (i % 2))), 'admitted');
      clock.time += 60_000;
    }
    expect(budget.view('executions')!.othersPerMs * 60_000).toBeLessThan(0.5);
  });

  it('keeps the endpoints apart, and lets the freshest report stand in for an endpoint not yet called', () => {
    const { clock, budget } = fresh();
    budget.record('run', said(throttled(20)), 'rate-limited', 20_000);
    // One pool is the stricter reading: before its own first answer, a look waits too.
    expect(budget.notBefore('executions')).toBe(clock.now() + 20_000);
    clock.time += 20_000;
    budget.record('run', said(left(0)), 'admitted');
    expect(budget.view('executions')?.remaining).toBe(0);
    budget.record('executions', said({ ...left(200), 'x-ratelimit-limit': '1000' }), 'admitted');
    expect(budget.view('executions')).toMatchObject({ remaining: 200, limit: 1000 });
    expect(budget.view('run')).toMatchObject({ remaining: 0, limit: 300 });
    expect(budget.notBefore('executions')).toBe(0);
  });

  it('takes what is left as the least that any of the endpoints a wait looks through says', () => {
    const { clock, budget } = fresh();
    budget.record('executions', said(left(225)), 'admitted');
    // Minutes later, the fleet has spent: the look that reads one execution by its ID says so.
    clock.time += 250_000;
    budget.record('execution', said(left(132)), 'admitted');
    expect(budget.view('executions', ['execution'])?.remaining).toBe(132);
    expect(budget.view('executions')?.remaining).toBe(225);
    clock.time += 1000;
    budget.record('executions', said(left(120)), 'admitted');
    expect(budget.view('executions', ['execution'])?.remaining).toBe(120);
    // Should the read by ID count in a pool of its own, its larger figure is not what the list has left.
    budget.record('execution', said(left(299)), 'admitted');
    expect(budget.view('executions', ['execution'])?.remaining).toBe(120);
    // Held back on either, a wait's next look waits too.
    budget.record('execution', said(throttled(30)), 'rate-limited', 30_000);
    expect(budget.notBefore('executions', ['execution'])).toBe(clock.now() + 30_000);
    expect(budget.notBefore('executions')).toBe(0);
  });

  it('allows as many calls at once as X-Concurrency-Limit-Limit says, two until it does', () => {
    const { budget } = fresh();
    expect(budget.maxConcurrent).toBe(2);
    budget.record('steps', said({ 'x-concurrency-limit-limit': '5', 'x-concurrency-limit-running': '1' }), 'admitted');
    expect(budget.maxConcurrent).toBe(5);
  });

  it('takes nothing about the rate budget from a call held back for concurrency', () => {
    const { budget } = fresh();
    budget.record('executions', said(left(100)), 'admitted');
    budget.record('executions', said({ ...left(90), 'x-concurrency-limit-limit': '2', 'x-concurrency-limit-running': '3' }), 'too-many-running');
    expect(budget.view('executions')?.remaining).toBe(100);
    expect(budget.notBefore('executions')).toBe(0);
  });
});
