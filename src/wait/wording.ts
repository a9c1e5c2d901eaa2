/**
 * What the wait says in the log: each look's progress, and why the looks slowed down, with the figures
 * (the calls left, the callers seen, the share this wait took).
 */
import type { ExecutionRecord } from '../qflow/client.js';
import { humanDuration } from '../time.js';
import type { SearchResult } from './list-search.js';
import type { Stretch } from './schedule.js';
import type { ExecutionOutcome } from './waiter.js';

/** One execution's progress, as a line of the log. */
export function describeOne(id: string, outcomes: Map<string, ExecutionOutcome>, search: SearchResult, started: boolean): string {
  const found = search.found.get(id) ?? outcomes.get(id)?.execution;
  if (found !== undefined) return found.status || '(no status)';
  // The first look reads only the newest page: filled with other new executions (a fleet larger than
  // the gateway's page), it leaves out one that is listed further on, which later looks read; so does a
  // page read before QFlow listed it, which shows only older ones (a lone job on a gateway that lists late).
  const read = search.others.length + search.found.size;
  if (!search.complete && (search.beyond ?? 0) > 0 && started) {
    return `execution ${id} is not among the ${read} newest executions of the workflow (newer runs filled them, or QFlow has not listed it yet); the next look reads further.`;
  }
  return `execution ${id} is not listed yet${started ? ' (QFlow lists a new execution after a moment)' : ''}.`;
}

/** A fan-out's progress: how many executions are in each status. */
export function describeMany(outcomes: Map<string, ExecutionOutcome>, pending: Map<string, { last?: ExecutionRecord }>, unlisted: number): string {
  const counts = new Map<string, number>();
  const statuses = [
    ...[...outcomes.values()].map((o) => o.execution?.status),
    ...[...pending.values()].filter((p) => p.last).map((p) => p.last!.status),
  ];
  for (const status of statuses) counts.set(status || '(no status)', (counts.get(status || '(no status)') ?? 0) + 1);
  if (unlisted > 0) counts.set('not listed yet', unlisted);
  return `${outcomes.size} of ${outcomes.size + pending.size} ended; ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`;
}

/**
 * The one log line that says why the polls slowed down, with the figures; `pastLongest` names the
 * setting the next pause goes beyond, when it does.
 */
export function describeStretch(stretch: Stretch, pauseMs: number, pastLongest?: string): string {
  const next = `next look in ${humanDuration(pauseMs)}${pastLongest ? `, longer than ${pastLongest}` : ''}`;
  // The share counts each look by the chance that it is made (k looks where the end is likely count
  // as (k + 1) / 2): "a share of about 5 looks" and then 9 looks read as a broken promise unless said.
  const likely = stretch.whereLikely?.looks;
  const how =
    likely !== undefined && likely > 1
      ? `Up to ${likely} looks go where its end is most likely, each after the first made only if the execution still runs (${next}).`
      : likely !== undefined
        ? `One look goes where its end is most likely (${next}).`
        : stretch.share < 1
          ? `Looks go where its end is most likely (${next}).`
          : `Pauses are ${stretch.factor.toFixed(1)}× as long as planned (${next}).`;
  return `Polling less often to spare the subscription's API budget: ${describeShare(stretch)} ${how}`;
}

/** The figures behind a stretched pause: what was left, the callers seen, the share this wait took. */
export function describeShare(stretch: Stretch): string {
  const { budget, callers } = stretch;
  const others =
    callers > 1 ? `, shared with ${callers - 1} other running execution${callers === 2 ? '' : 's'} of this workflow (other jobs polling it)` : '';
  // Counted in the share, or the line would speak of one other job beside a share of one look.
  const perMinute = Math.round((stretch.unseenPerMs ?? 0) * 60_000);
  // Faster than the window allows over its length is a burst (a fleet starting), not a pace that goes
  // on: "390 calls a minute" beside a budget of 50 a minute read as a wrong figure.
  const windowPerMinute = (budget.limit * 60_000) / budget.windowMs;
  const burst = perMinute > windowPerMinute ? `, in a burst (the window allows about ${formatCount(windowPerMinute)} a minute over its length)` : '';
  const unseen =
    perMinute > 0
      ? `${others ? ' and' : ', shared'} with other callers of the subscription not on the list, spending about ${perMinute.toLocaleString('en-US')} call${perMinute === 1 ? '' : 's'} a minute${burst}`
      : '';
  const plan =
    stretch.share < 1
      ? `not enough for the last look and step list of every running execution, so ${stretch.waitsForWindow ? (callers > 1 ? 'this wait lets the others look first' : 'this wait waits for the window to give calls back') : 'this wait looks once, when its execution has most likely ended'}`
      : `a share of about ${plural(Math.floor(stretch.share), 'look')} for this wait, which planned about ${Math.ceil(stretch.plannedLooks)} within ${humanDuration(stretch.horizonMs)}`;
  const matrix = callers > 1 ? " For many executions of one workflow, one step with 'matrix' waits for all of them with the calls of one wait." : '';
  return `${budget.remaining} of ${budget.limit} calls left in the ${humanDuration(budget.windowMs)} rate-limit window${others}${unseen}; ${plan}.${matrix}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A count for a line of the log: whole when 10 or more, else to one decimal. */
function formatCount(n: number): string {
  return (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10).toLocaleString('en-US');
}
