import { describe, expect, it } from '@jest/globals';
import type { IncomingHttpHeaders } from 'node:http';
import { readBudgetHeaders, readLimits } from '../../src/qflow/limits.js';

/** The headers a gateway sends on every answer, with `remaining` calls left of 300 per hour. */
const left = (remaining: number) => ({
  'x-ratelimit-limit': '300',
  'x-ratelimit-window-sec': '3600',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-towait-sec': '0',
});
const throttled = (toWaitSec: number) => ({ ...left(0), 'x-ratelimit-towait-sec': String(toWaitSec) });
/** Whether the gateway let the call through. */
const admission = (status: number, headers: IncomingHttpHeaders) => readLimits(status, headers, 0).admitted;
/** The gateway held the call back: it was not acted on, so it is safe to repeat. */
const heldBack = (status: number, headers: IncomingHttpHeaders) => readLimits(status, headers, 0).admitted !== 'admitted';
/** The wait the gateway asked of a held-back call. */
const asked = (headers: IncomingHttpHeaders, now: number) => readLimits(409, headers, now).askedMs;

describe('admission', () => {
  it('tells a call held back by the rate limit from one held back for concurrency and from a conflict', () => {
    expect(admission(200, left(10))).toBe('admitted');
    expect(admission(409, throttled(30))).toBe('rate-limited');
    expect(admission(429, {})).toBe('rate-limited');
    expect(admission(409, { ...left(10), 'x-concurrency-limit-limit': '2', 'x-concurrency-limit-running': '3' })).toBe('too-many-running');
    expect(admission(409, { ...left(10), 'x-concurrency-limit-limit': '2', 'x-concurrency-limit-running': '2' })).toBe('too-many-running');
    expect(admission(409, { ...left(10), 'x-concurrency-limit-limit': '2', 'x-concurrency-limit-running': '1' })).toBe('admitted');
  });

  it('reads the headers, ignoring what is not a number', () => {
    expect(readBudgetHeaders({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '12', 'x-ratelimit-window-sec': 'x' })).toMatchObject({
      limit: 300,
      remaining: 12,
      windowSec: undefined,
    });
  });
});

describe('throttling', () => {
  it('reads 429 as throttling', () => {
    expect(heldBack(429, {})).toBe(true);
  });
  it('reads a 409 as throttling only when its headers say the call was held back', () => {
    expect(heldBack(409, { 'x-ratelimit-towait-sec': '5' })).toBe(true);
    expect(heldBack(409, { 'x-ratelimit-remaining': '0', 'x-ratelimit-towait-sec': '0' })).toBe(true);
    expect(heldBack(409, { 'x-concurrency-limit-limit': '2', 'x-concurrency-limit-running': '3' })).toBe(true);
    expect(heldBack(409, { 'retry-after': '3' })).toBe(true);
    expect(heldBack(409, {})).toBe(false);
  });
  it('reads a 409 as a conflict when the budget headers every answer carries say nothing was held back', () => {
    const everyAnswer = {
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '120',
      'x-ratelimit-towait-sec': '0',
      'x-concurrency-limit-limit': '2',
      'x-concurrency-limit-running': '1',
    };
    expect(heldBack(409, everyAnswer)).toBe(false);
  });
  it('does not read a ToWait of 0 as a wait asked', () => {
    expect(asked({ 'x-ratelimit-towait-sec': '0' }, 0)).toBeUndefined();
  });
  it('prefers X-RateLimit-ToWait-Sec over Retry-After', () => {
    expect(asked({ 'x-ratelimit-towait-sec': '7', 'retry-after': '30' }, 0)).toBe(7000);
  });
  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(asked({ 'retry-after': '12' }, now)).toBe(12_000);
    expect(asked({ 'retry-after': 'Sat, 28 Nov 2026 10:00:45 GMT' }, now)).toBe(45_000);
    expect(asked({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(asked({}, now)).toBeUndefined();
  });
});
