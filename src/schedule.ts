/**
 * When to poll next: a pure function of where the wait stands, so every branch is testable without
 * a clock. Every pause stays within [poll-interval, max-poll-interval], except that a low API budget
 * may stretch it (a subscription's budget is shared by every job that polls it).
 */
import type { RateLimitState } from './retry.js';

export interface ScheduleInput {
  /** Which poll comes next, from 1. */
  poll: number;
  /** Time since the execution started (or since the wait began), ms. */
  elapsedMs: number;
  /** `poll-interval`: the first and shortest pause. */
  minMs: number;
  /** `max-poll-interval`: the longest pause. */
  maxMs: number;
  rateLimit: RateLimitState;
  /** Uniform in [0, 1). */
  random: number;
}

export interface PollDelay {
  ms: number;
  /** Why the pause is longer than the plan, when the API budget made it so. */
  throttledBy?: string;
}

/** Growth of the pause from one poll to the next when nothing better is known. */
const BACKOFF_FACTOR = 1.5;
/** Jitter of ±20 % so matrix jobs started together do not poll in lockstep. */
const JITTER = 0.2;
/** Of the calls left in the rate-limit window, the most one wait may plan to spend. */
const FAIR_SHARE = 0.5;

export function nextPollDelay(input: ScheduleInput): PollDelay {
  const { poll, minMs, maxMs } = input;
  const planned = poll <= 1 ? minMs : minMs * BACKOFF_FACTOR ** (poll - 1) * (1 + JITTER * (2 * input.random - 1));
  const ms = clamp(planned, minMs, maxMs);
  const floor = budgetFloorMs(input.rateLimit);
  if (floor !== undefined && floor > ms) {
    return {
      ms: floor,
      throttledBy: `${input.rateLimit.remaining} API calls left of ${input.rateLimit.limit ?? '?'} in the ${input.rateLimit.windowSec}s rate-limit window`,
    };
  }
  return { ms: Math.round(ms) };
}

/**
 * The shortest pause that keeps this wait within its fair share of the calls left: spending at most
 * half of what remains over one rate-limit window.
 */
export function budgetFloorMs(rateLimit: RateLimitState): number | undefined {
  const { remaining, windowSec } = rateLimit;
  if (remaining === undefined || windowSec === undefined || windowSec <= 0) return undefined;
  return Math.round((windowSec * 1000) / Math.max(1, remaining * FAIR_SHARE));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
