/**
 * What an answer says of the gateway's limits, read once per answer: the budget headers Qualys sends
 * on every answer (`X-RateLimit-*`, `X-Concurrency-Limit-*`), whether the call was let through, and
 * the wait the gateway asked for. The HTTP layer reads it; the budget and the retry policy use it.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The budget headers of one answer, where present and numeric. */
export interface BudgetHeaders {
  limit?: number;
  windowSec?: number;
  remaining?: number;
  toWaitSec?: number;
  concurrencyLimit?: number;
  concurrencyRunning?: number;
}

/**
 * Whether the gateway let a call through. It answers 429 for a blocked call; the classic Qualys API
 * answers 409, over the rate limit or over the concurrency limit. Since every answer carries the
 * budget headers, a 409 is a block only when they say so (nothing left, a wait asked, more calls
 * running than allowed) or a `Retry-After` comes with it; otherwise it is a conflict.
 */
export type Admission = 'admitted' | 'rate-limited' | 'too-many-running';

function admissionOf(status: number, said: BudgetHeaders, retryAfter: boolean): Admission {
  if (status !== 409 && status !== 429) return 'admitted';
  const rateLimited = said.remaining === 0 || (said.toWaitSec ?? 0) > 0 || retryAfter;
  // The docs count the blocked call among those running; a gateway that counts it out says the limit itself.
  const overConcurrency =
    said.concurrencyRunning !== undefined && said.concurrencyLimit !== undefined && said.concurrencyRunning >= said.concurrencyLimit;
  if (overConcurrency && !rateLimited) return 'too-many-running';
  return rateLimited || status === 429 ? 'rate-limited' : 'admitted';
}

/** An answer's limits, as the HTTP layer reads them once. */
export interface AnswerLimits {
  said: BudgetHeaders;
  admitted: Admission;
  /** The wait the gateway asked for, in milliseconds: `X-RateLimit-ToWait-Sec`, else `Retry-After`. */
  askedMs?: number;
}

export function readLimits(status: number, headers: IncomingHttpHeaders, now: number): AnswerLimits {
  const said = readBudgetHeaders(headers);
  const retryAfter = header(headers, 'retry-after')?.trim();
  return { said, admitted: admissionOf(status, said, retryAfter !== undefined), askedMs: askedWaitMs(said, retryAfter, now) };
}

export function readBudgetHeaders(headers: IncomingHttpHeaders): BudgetHeaders {
  return {
    limit: numberHeader(headers, 'x-ratelimit-limit'),
    windowSec: numberHeader(headers, 'x-ratelimit-window-sec'),
    remaining: numberHeader(headers, 'x-ratelimit-remaining'),
    toWaitSec: numberHeader(headers, 'x-ratelimit-towait-sec'),
    concurrencyLimit: numberHeader(headers, 'x-concurrency-limit-limit'),
    concurrencyRunning: numberHeader(headers, 'x-concurrency-limit-running'),
  };
}

/**
 * How long the server asked us to wait, in milliseconds: `X-RateLimit-ToWait-Sec` (Qualys), else
 * `Retry-After` in seconds or as an HTTP date.
 */
function askedWaitMs(said: BudgetHeaders, retryAfter: string | undefined, now: number): number | undefined {
  // 0 means not blocked by the rate limit (a call over the concurrency limit): no wait was asked.
  if (said.toWaitSec !== undefined && said.toWaitSec > 0) return said.toWaitSec * 1000;
  if (retryAfter === undefined || retryAfter === '') return undefined;
  if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(headers: IncomingHttpHeaders, name: string): number | undefined {
  const text = header(headers, name)?.trim();
  return text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
