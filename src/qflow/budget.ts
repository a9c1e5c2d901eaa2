/**
 * The subscription's API budget, as the gateway reports it. Qualys sends `X-RateLimit-Limit`,
 * `X-RateLimit-Window-Sec`, `X-RateLimit-Remaining` and `X-RateLimit-ToWait-Sec`, and
 * `X-Concurrency-Limit-Limit` / `-Running`, on every answer (Qualys "API rate limits"). The HTTP layer
 * tells this module each answer and when it came; the schedule asks it what a wait may spend, and
 * the HTTP layer asks it when a call may be sent and how many may be in flight.
 *
 * What is known and what is assumed:
 * - Limits are set "for each API", so each endpoint's reports are kept apart. Until an endpoint has
 *   answered, the freshest report of any endpoint stands in for it (one pool is the stricter reading),
 *   and a wait's looks, at the list or at one execution by its ID, take the least either says is left.
 * - The window rolls: calls free up as they age, at times the headers do not tell. So a report is
 *   taken as it is, less the calls this action made since, and forgotten once a whole window has passed.
 *   Calls freed later show up in the next answer's `Remaining`.
 * - A throttled answer's `ToWait` forbids any call before it; once it has passed, that answer's
 *   `Remaining: 0` says nothing about now.
 * - Other clients of the subscription (matrix jobs, other tools) show as `Remaining` falling by more
 *   than this action's own calls. That is measured as a rate (calls per unit of time, net of the calls
 *   the window frees meanwhile), not per call of ours: measured per call, a wait that pauses longer
 *   sees more of the others' calls between two of its own, takes itself for more crowded and pauses
 *   longer still, a spiral. A steady other client whose old calls age out as fast as it spends counts
 *   as none.
 */
import type { Clock } from '../time.js';
import type { Admission, BudgetHeaders } from './limits.js';

/** The endpoints whose budgets are kept apart: each call names one. */
export type Endpoint = 'workflow' | 'run' | 'executions' | 'execution' | 'steps' | 'step-data';

/** What the budget says about one endpoint now: enough for the schedule to fit its plan. */
export interface BudgetView {
  /** Calls left in the window: the latest `Remaining`, less this action's calls since. */
  remaining: number;
  limit: number;
  windowMs: number;
  /** Other clients' calls per millisecond, net of calls the window freed meanwhile; 0 alone. */
  othersPerMs: number;
}

/** Calls in flight until the gateway says how many it allows: the value in the Qualys examples. */
export const DEFAULT_CONCURRENCY = 2;
/**
 * The estimate of other clients' pace follows their spending over about this share of the rate-limit
 * window (a minute of an hour): long enough to smooth a burst of run calls, short enough to see a
 * fleet that has finished.
 */
const PACE_MEMORY = 1 / 60;

/**
 * A pace seen over less than this share of the pace memory says little: two calls of one job a moment
 * apart (a look and the history read after it) would take a burst of the fleet's start-up for a pace
 * that goes on. Such a stretch counts as this long.
 */
const SHORTEST_PACE_SPAN = 0.1;

interface Report {
  remaining: number;
  at: number;
  /** Set for a throttled answer: its `Remaining` holds until then and says nothing after. */
  validUntil?: number;
}

interface EndpointState {
  limit?: number;
  windowMs?: number;
  report?: Report;
  /** This action's calls answered without a `Remaining` since `report`. */
  callsSince: number;
  /** Other clients' calls and the time they were seen over, each faded by its age: their pace is the ratio. */
  othersSeen: { calls: number; ms: number };
  blockedUntil: number;
}

export class ApiBudget {
  private readonly endpoints = new Map<Endpoint, EndpointState>();
  private concurrencyLimit?: number;
  /** Answers the rate limit held back, every endpoint's: a wait can tell that one of its looks was held. */
  private rateLimited = 0;

  constructor(private readonly clock: Clock) {}

  /**
   * One answer of the gateway. A call held back by the rate limit did not count; `blockedForMs` says
   * how long the gateway asked to wait. A call held back by the concurrency limit says nothing about
   * the rate budget.
   */
  record(endpoint: Endpoint, said: BudgetHeaders, admitted: Admission, blockedForMs = 0): void {
    const now = this.clock.now();
    if (said.concurrencyLimit !== undefined && said.concurrencyLimit >= 1) this.concurrencyLimit = Math.floor(said.concurrencyLimit);
    if (admitted === 'too-many-running') return;
    const state = this.state(endpoint);
    if (said.limit !== undefined) state.limit = said.limit;
    if (said.windowSec !== undefined && said.windowSec > 0) state.windowMs = said.windowSec * 1000;
    if (admitted === 'rate-limited') {
      this.rateLimited++;
      state.blockedUntil = Math.max(state.blockedUntil, now + blockedForMs);
      state.report = { remaining: said.remaining ?? 0, at: now, validUntil: state.blockedUntil };
      return;
    }
    if (said.remaining === undefined) {
      state.callsSince++;
      return;
    }
    const previous = this.current(state, now);
    const elapsed = previous === undefined ? 0 : now - previous.at;
    if (previous !== undefined && previous.validUntil === undefined && elapsed > 0) {
      const ours = state.callsSince + 1;
      const others = Math.max(0, previous.remaining - ours - said.remaining);
      // Each stretch counts for the time it covers, so a pause of any length counts for what it saw.
      const fade = Math.exp(-elapsed / (PACE_MEMORY * (state.windowMs ?? 3_600_000)));
      state.othersSeen = { calls: state.othersSeen.calls * fade + others, ms: state.othersSeen.ms * fade + elapsed };
    }
    state.report = { remaining: said.remaining, at: now };
    state.callsSince = 0;
  }

  /** How many answers the rate limit has held back so far. */
  get heldBack(): number {
    return this.rateLimited;
  }

  /**
   * The earliest instant a call to `endpoint` may be sent (epoch ms): after any throttled answer's wait.
   * `alike`: endpoints that may count in the same pool (see view); a wait held back on any of them holds.
   */
  notBefore(endpoint: Endpoint, alike: Endpoint[] = []): number {
    const own = this.reporting([endpoint, ...alike]);
    return Math.max(0, ...(own.length ? own : [...this.endpoints.values()]).map((s) => s.blockedUntil));
  }

  /**
   * What is left for `endpoint` now, or undefined when the gateway has said nothing that still holds.
   * `alike`: endpoints whose calls may count in the same pool: the least any of them says is left. The
   * execution list and one execution read by its ID are both a wait's looks, and the docs do not say
   * whether they share a pool. Read as one pool, the later report is the lower (a look by ID not taken
   * in left a fleet's waits planning with what the list said minutes before, 93 calls more than were
   * left); read as two, the lower is the one to spare. The least is right, or stricter, either way.
   */
  view(endpoint: Endpoint, alike: Endpoint[] = []): BudgetView | undefined {
    const now = this.clock.now();
    const own = this.reporting([endpoint, ...alike]);
    const freshest = this.freshest();
    const views = (own.length ? own : freshest ? [freshest] : []).map((state) => this.viewOf(state, now));
    return views.reduce<BudgetView | undefined>((least, v) => (v && (!least || v.remaining < least.remaining) ? v : least), undefined);
  }

  /** Calls that may be in flight at once: the gateway's `X-Concurrency-Limit-Limit` once it has said. */
  get maxConcurrent(): number {
    return this.concurrencyLimit ?? DEFAULT_CONCURRENCY;
  }

  private state(endpoint: Endpoint): EndpointState {
    let state = this.endpoints.get(endpoint);
    if (!state) this.endpoints.set(endpoint, (state = { callsSince: 0, othersSeen: { calls: 0, ms: 0 }, blockedUntil: 0 }));
    return state;
  }

  /** The report, if it still says something about now. */
  private current(state: EndpointState, now: number): Report | undefined {
    const report = state.report;
    if (report === undefined) return undefined;
    if (report.validUntil !== undefined && now >= report.validUntil) return undefined;
    // Every call the report counted has aged out of the window since.
    if (state.windowMs !== undefined && now - report.at >= state.windowMs) return undefined;
    return report;
  }

  private viewOf(state: EndpointState, now: number): BudgetView | undefined {
    const report = this.current(state, now);
    if (!report || state.windowMs === undefined) return undefined;
    return {
      remaining: Math.max(0, report.remaining - state.callsSince),
      limit: state.limit ?? Math.max(1, report.remaining),
      windowMs: state.windowMs,
      othersPerMs:
        state.othersSeen.ms > 0 ? state.othersSeen.calls / Math.max(state.othersSeen.ms, SHORTEST_PACE_SPAN * PACE_MEMORY * state.windowMs) : 0,
    };
  }

  /** The states of these endpoints that the gateway has reported on. */
  private reporting(endpoints: Endpoint[]): EndpointState[] {
    return endpoints.map((e) => this.endpoints.get(e)).filter((s): s is EndpointState => s?.report !== undefined);
  }

  private freshest(): EndpointState | undefined {
    let best: EndpointState | undefined;
    for (const state of this.endpoints.values()) {
      if (state.report && (!best?.report || state.report.at > best.report.at)) best = state;
    }
    return best;
  }
}
