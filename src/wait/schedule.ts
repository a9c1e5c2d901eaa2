/**
 * When to poll next: a pure function of where the wait stands, so every branch is testable without
 * a clock. Every pause stays within [poll-interval, max-poll-interval less a twentieth for the look
 * itself], except when the subscription's API budget cannot pay for the plan (see fitToBudget).
 *
 * With a history of the workflow's durations, polls follow the chance that the execution ends: the
 * pause shrinks with the hazard (the rate at which still-running executions end at that age, from a
 * normal model of the history) to 1.25 poll-intervals at the usual duration. Long before the usual end
 * that is a long pause, capped by max-poll-interval so an early failure is still seen in time; near it
 * the pauses shrink, and past it they grow again, slowly. Without a history, or once the execution
 * runs well past its usual duration, each pause is half the time waited so far (so pauses grow by
 * half each poll), with jitter.
 *
 * The parts: timing.ts (the plan from the history), budget-fit.ts (the plan against the calls left),
 * normal.ts (the maths of the history's model).
 */
import { fitToBudget, type Stretch } from './budget-fit.js';
import { pauseAt, type ScheduleInput } from './timing.js';

export type { ScheduleInput } from './timing.js';
export type { Stretch } from './budget-fit.js';
export { chanceStillRunning, LATELY_ENDED } from './timing.js';

export interface PollDelay {
  ms: number;
  /** Set when the API budget could not pay for the plan, so the pauses were stretched. */
  stretched?: Stretch;
}

/** The pause before the next look. */
export function nextPollDelay(input: ScheduleInput): PollDelay {
  const ms = Math.round(pauseAt(input, input.elapsedMs, input.poll, 1, input.random));
  if (input.budget === undefined) return { ms };
  return fitToBudget(input, input.budget, ms);
}
