import { describe, expect, it } from '@jest/globals';
import { CancelledError, DeadlineError, InputError, QFlowApiError, RunOutcomeUnknownError } from '../../src/errors.js';
import type { Result } from '../../src/names.js';
import { afterWait, conclude } from '../../src/run/conclude.js';
import { INPUT_NAMES } from '../../src/names.js';
import type { ExecutionReport } from '../../src/run/report.js';

/** An execution of item `item` with `result`; started unless `executionId` is null. */
function execution(result: Result, item = 1, executionId: string | null = `e${item}`, message?: string): ExecutionReport {
  return {
    item,
    ...(executionId ? { executionId } : {}),
    result,
    status: '',
    steps: [],
    failedSteps: [],
    stepOutputs: [],
    stepInputs: [],
    ...(message ? { message } : {}),
  };
}

describe('conclude', () => {
  it.each([
    [[execution('success')], 'success', 'succeeded'],
    [[execution('started')], 'started', 'succeeded'],
    [[execution('validated'), execution('validated', 2)], 'validated', 'succeeded'],
    [[execution('success'), execution('failure', 2)], 'failure', 'failed'],
    // A failure seen outranks the others' timeout or cancellation (fail-fast stops waiting for them): a gate must fail, not turn UNSTABLE.
    [[execution('failure'), execution('timed_out', 2)], 'failure', 'failed'],
    [[execution('cancelled'), execution('failure', 2)], 'failure', 'failed'],
    [[execution('timed_out'), execution('cancelled', 2)], 'cancelled', 'cancelled'],
  ] as const)('ends %j as %s, %s', (executions, result, ending) => {
    expect(conclude([...executions], true)).toMatchObject({ result, ending });
  });

  it('says how long a wait the spent budget stopped went on, and not "after 6m, before the 6m timeout"', () => {
    const stopped = (afterMs: number) =>
      afterWait(
        [execution('started')],
        { outcomes: new Map([['e1', { kind: 'timed_out' }]]), polls: 3, budgetSpent: { forMs: 330_000, afterMs, leftMs: 360_000 - afterMs } },
        360_000,
        INPUT_NAMES,
      )[0].message;
    expect(stopped(42_000)).toMatch(
      /^Stopped waiting after 42s, before the 6m 'timeout': the subscription's API budget is spent, and the gateway asked for no calls for 5m 30s, past the timeout\./,
    );
    expect(stopped(359_600)).toMatch(/^Stopped waiting just before the 6m 'timeout': the subscription's API budget is spent/);
    // A second asked for with two left (a look's answer needs time too): the time left is said, or
    // "no calls for 1s" after 5m 58s of 6m reads as a contradiction.
    const closeToTheEnd = afterWait(
      [execution('started')],
      { outcomes: new Map([['e1', { kind: 'timed_out' }]]), polls: 3, budgetSpent: { forMs: 1000, afterMs: 358_000, leftMs: 1800 } },
      360_000,
      INPUT_NAMES,
    )[0].message;
    expect(closeToTheEnd).toMatch(
      /^Stopped waiting after 5m 58s, before the 6m 'timeout': .* asked for no calls for 1s, which would leave 800ms before the timeout: too little for a call and its answer\./,
    );
    // An execution no look had listed yet is said to be so, not as one seen with no status.
    expect(closeToTheEnd).toContain(
      'Execution e1 was not listed yet when the wait stopped (QFlow lists a new execution late), and may have ended since;',
    );
    // With the rate limit the gateway stated, its figures.
    const named = afterWait(
      [execution('started')],
      {
        outcomes: new Map([['e1', { kind: 'timed_out' }]]),
        polls: 3,
        budgetSpent: { forMs: 330_000, afterMs: 42_000, leftMs: 318_000, limit: 300, windowMs: 3_600_000 },
      },
      360_000,
      INPUT_NAMES,
    )[0].message;
    expect(named).toMatch(/^Stopped waiting after 42s, before the 6m 'timeout': the subscription's API budget \(300 calls per 1h\) is spent/);
  });

  it('says a wait the spent budget stopped early saw the execution running, not that it still runs, with the figures of the share', () => {
    const note =
      '59 of 300 calls left in the 6m rate-limit window, shared with 79 other running executions of this workflow (other jobs polling it).';
    const [report] = afterWait(
      [execution('started')],
      {
        outcomes: new Map([['e1', { kind: 'timed_out', execution: { id: 'e1', status: 'Running', raw: {} } }]]),
        polls: 2,
        budgetNote: note,
        budgetSpent: { forMs: 325_000, afterMs: 33_000, leftMs: 207_000, limit: 300, windowMs: 360_000 },
      },
      240_000,
      INPUT_NAMES,
    );
    expect(report.message).toContain('Execution e1 was last seen Running and may have ended since;');
    expect(report.message).not.toContain('may still be running');
    expect(report.message).toContain(`'execution-id: e1'. Its looks were planned earlier, with these figures: ${note}`);
  });

  it('names what did not succeed in a fan-out, three at most', () => {
    const executions = [1, 2, 3, 4, 5].map((i) => execution(i === 1 ? 'success' : 'failure', i, `e${i}`, `item ${i} failed`));
    expect(conclude(executions, true).message).toBe(
      '4 of 5 executions did not succeed. Item 2: item 2 failed Item 3: item 3 failed Item 4: item 4 failed (1 more in the job summary)',
    );
  });

  it('has no result to act on when a run call may have started an execution', () => {
    const lost = execution('failure', 1, null, 'An execution may have started');
    expect(conclude([lost], false, { kind: 'not-started', error: new RunOutcomeUnknownError('lost') })).toMatchObject({
      result: 'failure',
      ending: 'no-result',
      message: 'An execution may have started',
    });
  });

  it('ends a run call held back past the timeout as timed out, not as an error', () => {
    const held = execution('timed_out', 1, null, 'No execution was started.');
    expect(conclude([held], false, { kind: 'not-started', error: new DeadlineError('past the timeout') })).toMatchObject({
      result: 'timed_out',
      ending: 'timed-out',
    });
  });

  it('tells a mistake found against the definition from an error of the run, and a cancellation from both', () => {
    expect(conclude([], false, { kind: 'thrown', error: new InputError("Input 'variables' …") }).ending).toBe('bad-input');
    expect(conclude([], false, { kind: 'thrown', error: new QFlowApiError('HTTP 500') }).ending).toBe('no-result');
    const cancelled = conclude([execution('started')], false, { kind: 'thrown', error: new CancelledError() });
    expect(cancelled).toMatchObject({ result: 'cancelled', ending: 'cancelled', message: 'The job was cancelled; execution e1 goes on in QFlow.' });
  });

  it('keeps an outcome already known when the job is cancelled while collecting', () => {
    const ended = { ...execution('success'), execution: { id: 'e1', status: 'Success', raw: {} } };
    expect(conclude([ended], false, { kind: 'thrown', error: new CancelledError() })).toMatchObject({
      result: 'success',
      ending: 'succeeded',
      // Not "goes on in QFlow": it ended.
      message: 'The job was cancelled after every execution ended; step details may be missing.',
    });
  });
});
