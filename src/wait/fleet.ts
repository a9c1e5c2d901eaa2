/**
 * The workflow's other executions that share the wait's API budget: most are other jobs waiting like
 * this one (a matrix), each a caller spending the same calls. Counted from what each look shows.
 * When a look reads the list only from the execution waited for on (a gateway whose pages are too
 * small for the whole fleet, see waiter.ts), the executions created before it are off the page: they
 * are remembered from the last look that showed them, each counted by the chance that a run of its
 * age still runs (the history's model), and those the page's total says come after it by the chance
 * that a run as young as the newest one read still runs.
 */
import type { ExecutionRecord } from '../qflow/client.js';
import type { DurationModel } from './history.js';
import type { ListWindow, SearchResult } from './list-search.js';
import { chanceStillRunning, LATELY_ENDED } from './schedule.js';
import type { StatusRules } from './status.js';

/** Executions off the page are taken to end this many spreads later than the history says (see expected). */
const UNSEEN_END_LATER_BY = 2;

export interface FleetCount {
  /** Other executions running: other callers of the same budget. */
  running: number;
  /** Other executions that ended so lately that their jobs may not have looked since. */
  finishing: number;
}

export class FleetView {
  /** Executions created before the oldest one waited for, seen running when they were last on a page. */
  private earlier: ExecutionRecord[] = [];
  /** Executions older than the first look's page that are no past success (the fleet's older part), created before `before`. */
  private unseen?: { count: number; before: number };
  /**
   * A first look that did not show the execution waited for (the gateway lists new ones late): when
   * the newest running execution it showed was created, and the pace (per ms) at which the running
   * ones it showed were created. See listedLate.
   */
  private listed?: { upTo: number; perMs: number };
  /**
   * How many executions the last look that read the window from before the execution waited for
   * left past its pages (the total's rest). When it stopped before reaching that execution (read by
   * its ID instead), some of them were created before it: no later look, read from it on, shows
   * those, and they are the rest less what such a look counts after it.
   */
  private pastThePages?: number;

  constructor(
    private readonly rules: StatusRules,
    private readonly maxPollIntervalMs: number,
  ) {}

  /**
   * Counts the callers a look through `window` shows. `oursCreatedAt`: when the oldest execution
   * waited for that the look found was created, as QFlow wrote it.
   */
  count(search: SearchResult, window: ListWindow, now: number, oursCreatedAt: number | undefined, history: DurationModel | undefined): FleetCount {
    const latelyFrom = now - LATELY_ENDED * this.maxPollIntervalMs;
    const runs = search.others.filter((item) => this.runs(item));
    let running = runs.length;
    const finishing = search.others.filter((item) => !this.runs(item) && item.endDate !== undefined && item.endDate > latelyFrom).length;
    // Oldest first, those the total says lie past the pages read are newer than any read: each at least
    // as likely to run as the newest read one (all of them, without a history). Not as the read ones
    // run: the page of an early job of a fleet holds runs that end about with its own, and the younger
    // part, most of it still running, would be counted at their low ratio (a job of 50 on pages of 10
    // counted a dozen callers where forty ran).
    if (search.beyond && window.order === 'createdAt') {
      const read = [...search.others, ...search.found.values()].map((e) => e.startDate ?? e.createdAt ?? now);
      const youngest = read.length ? now - Math.max(...read) : 0;
      running += expected(new Array<number>(search.beyond).fill(youngest), history);
    }
    if (!window.fromOurs && !window.newOnTop) this.unseen = undefined; // a look that showed them all
    if (!window.fromOurs) {
      // A look that did not show the execution waited for keeps every running one: which of them are
      // older than it is told once a look finds it. A gateway that lists a new execution a second
      // late showed the first look part of the fleet's older executions without it; forgotten, they
      // were in no later page (those read from it on), and a job of 50 counted 15 callers where 45
      // ran. Those created just before it and listed after that look are in no page: see listedLate.
      this.earlier = runs.filter((item) => item.createdAt !== undefined && (oursCreatedAt === undefined || item.createdAt < oursCreatedAt));
      if (window.newOnTop && oursCreatedAt === undefined) this.listed = paceOf(this.earlier);
      // Read from before its run, the window held those listed late: on its pages or past them.
      else if (!window.newOnTop) this.listed = undefined;
      this.pastThePages = window.order === 'createdAt' && oursCreatedAt !== undefined ? search.beyond : undefined;
    } else {
      const older = this.earlier.filter((item) => oursCreatedAt === undefined || item.createdAt! < oursCreatedAt);
      running += expected(
        older.map((item) => (item.startDate === undefined ? 0 : now - item.startDate)),
        history,
      );
      if (oursCreatedAt !== undefined) running += expected(new Array<number>(this.listedLate(oursCreatedAt)).fill(now - oursCreatedAt), history);
      if (oursCreatedAt !== undefined && this.pastThePages !== undefined) {
        // Between the pages read and the execution waited for: at least as old as it.
        const between = Math.max(0, this.pastThePages - search.others.length - (search.beyond ?? 0));
        running += expected(new Array<number>(between).fill(now - oursCreatedAt), history);
      }
    }
    // Older than the page, the unseen ones are at least as old as its oldest execution.
    if (this.unseen && (window.fromOurs || window.newOnTop))
      running += expected(new Array<number>(this.unseen.count).fill(now - this.unseen.before), history);
    return { running, finishing };
  }

  /**
   * The first look's page showed only the executions created since `before`: `count` older ones are
   * neither on it nor past successes. Most are the older part of the fleet, other callers of the same
   * budget; past failures count too, the reading that spares the budget.
   */
  offThePage(count: number, before: number): void {
    if (count > 0) this.unseen = { count, before };
  }

  /**
   * Those created between the newest running execution the first look showed and the execution waited
   * for: listed after that look, they are in no page of a look that reads from the execution waited for
   * on. Taken as created at the pace of those the first look showed (a job of 50 started 0.5 s apart
   * on a gateway that lists new executions 10 s late counted 25 callers where 49 ran, and spent past
   * the window). No more than twice as many as the first look showed: a few created together make a
   * pace no fleet keeps for long.
   */
  private listedLate(oursCreatedAt: number): number {
    if (this.listed === undefined || oursCreatedAt <= this.listed.upTo) return 0;
    const between = Math.round(this.listed.perMs * (oursCreatedAt - this.listed.upTo)) - 1;
    return Math.max(0, Math.min(between, 2 * this.earlier.length));
  }

  /** The status is what QFlow says: an item not in a final status runs, whatever end date it carries. */
  private runs(item: ExecutionRecord): boolean {
    const verdict = this.rules.classify(item.status);
    return verdict !== 'success' && verdict !== 'failure';
  }
}

/** When the newest of these executions was created, and the pace at which they were: two at least, apart in time. */
function paceOf(executions: ExecutionRecord[]): { upTo: number; perMs: number } | undefined {
  const created = executions.map((e) => e.createdAt!);
  if (created.length < 2) return undefined;
  const span = Math.max(...created) - Math.min(...created);
  return span > 0 ? { upTo: Math.max(...created), perMs: (created.length - 1) / span } : undefined;
}

/**
 * How many executions of these ages still run: all without a history, else as its model says with
 * each end two spreads later. A count that runs short starves the fleet (each job spends as if alone):
 * with one spread, a run of 50 jobs on pages of 20 had 15 time out; one that runs long only slows it.
 */
function expected(ages: number[], history: DurationModel | undefined): number {
  if (!history) return ages.length;
  return Math.round(ages.reduce((sum, age) => sum + chanceStillRunning(history, age, UNSEEN_END_LATER_BY), 0));
}
