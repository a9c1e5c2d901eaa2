import { describe, expect, it } from '@jest/globals';
import { StatusRules, normalizeStatus } from '../../src/wait/status.js';

describe('StatusRules', () => {
  const rules = new StatusRules(['Success']);

  it('compares ignoring case, spaces, _ and -', () => {
    expect(normalizeStatus('Timed_Out')).toBe('timedout');
    expect(rules.classify('SUCCESS')).toBe('success');
    expect(rules.classify('timed out')).toBe('failure');
    expect(rules.classify('TIMED-OUT')).toBe('failure');
  });

  it.each(['Failed', 'FAILURE', 'Error', 'Terminated', 'TIMED_OUT', 'Cancelled', 'canceled', 'Aborted', 'Stopped'])(
    'counts %s as a failure',
    (status) => expect(rules.classify(status)).toBe('failure'),
  );

  it.each(['Running', 'RUNNING', 'Queued', 'Pending', 'PAUSED', 'In Progress', 'Scheduled'])('counts %s as not final', (status) =>
    expect(rules.classify(status)).toBe('pending'),
  );

  it('calls anything else unknown, which the waiter treats as not final', () => {
    expect(rules.classify('COMPLETED')).toBe('unknown');
    expect(rules.classify('')).toBe('unknown');
  });

  it('takes the success list from the user', () => {
    const custom = new StatusRules(['Success', 'Completed']);
    expect(custom.classify('COMPLETED')).toBe('success');
  });

  it('lets a user-listed success override the built-in failure list', () => {
    expect(new StatusRules(['Stopped']).classify('stopped')).toBe('success');
  });

  it('adds the user failure statuses', () => {
    expect(new StatusRules(['Success'], ['Partially Done']).classify('PARTIALLY_DONE')).toBe('failure');
  });
});
