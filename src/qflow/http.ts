/**
 * The one HTTP layer every QFlow and login call goes through: it carries out the retry rules
 * (retry.ts decides what a call does after each try), waits out a throttled call, keeps to the calls
 * in flight the gateway allows, keeps the API budget told of every answer, renews the token. One try
 * of a call is transport.ts's; the words of an error are http-wording.ts's.
 */
import type http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { setMaxListeners } from 'node:events';
import type { Writable } from 'node:stream';
import { DeadlineError, NetworkError, QFlowApiError, RunCancelledError, RunOutcomeUnknownError, abortReason } from '../errors.js';
import type { Log } from '../log.js';
import { Slots } from '../pool.js';
import type { ApiBudget, Endpoint } from './budget.js';
import { describeNetworkError, excerpt, httpError } from './http-wording.js';
import { readLimits, type AnswerLimits } from './limits.js';
import {
  CrowdMemory,
  DEFAULT_RETRY_POLICY,
  RetryBudget,
  afterNoAnswer,
  beforeDeadline,
  holdOf,
  nextMove,
  type Hold,
  type RetryPolicy,
  type Tries,
} from './retry.js';
import { Transport, type Exchange } from './transport.js';
import { humanDuration, whyNotWaited, type Clock } from '../time.js';
import type { SettingNames } from '../names.js';

/** The least time a try is given for its answer before the deadline (see endsTooLate). */
const ANSWER_ROOM_MS = 1000;

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path below the gateway URL, starting with '/'. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: string;
  /** What the call does, for messages: "list the executions of workflow …". */
  purpose: string;
  /** The call starts something: it is retried only when QFlow certainly did not act on it. */
  unsafe?: boolean;
  /**
   * The QFlow endpoint called. Such a call sends the bearer token, waits for the API budget, and
   * its answer is reported to the budget; the login calls have none.
   */
  endpoint?: Endpoint;
  /** Messages for particular HTTP statuses, replacing the general ones. */
  hints?: Partial<Record<number, string>>;
  /**
   * Write a successful answer's body here as it arrives instead of keeping it in memory (a new stream
   * per attempt), up to `maxSinkBytes`.
   */
  sink?: () => Writable;
  maxSinkBytes?: number;
  /** Give up rather than wait past this instant (epoch ms): no retry, throttled wait or answer goes beyond it. */
  deadline?: number;
}

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as text; '' when it went to a sink. */
  body: string;
  bytes: number;
}

/** Supplies the bearer JWT; implemented in auth.ts. */
export interface TokenSource {
  /** The JWT; a login it needs ends by `deadline`, the deadline of the call that needs it. */
  get(signal: AbortSignal, deadline?: number): Promise<string>;
  /** Drops the token after a 401; true when a fresh one can be had, so the call is worth repeating. */
  renew(): boolean;
  /** What a 401 means for this kind of credential. */
  readonly rejectedHint: string;
}

/**
 * Builds the agent for a gateway URL when the front-end's environment names a proxy (HTTPS_PROXY and
 * friends); undefined for a direct connection. The engine reads no environment itself.
 */
export type AgentFactory = (url: URL, keepAlive: boolean) => Promise<http.Agent | undefined>;

export interface HttpOptions {
  baseUrl: string;
  requestTimeoutMs: number;
  /** Aborted when the job is cancelled: every call and pause stops at once. */
  signal: AbortSignal;
  log: Log;
  clock: Clock;
  retryPolicy?: RetryPolicy;
  random?: () => number;
  /** A proxy's agent, from the front-end; a direct keep-alive connection without one. */
  agent?: AgentFactory;
  /** The subscription's API budget, which this layer keeps told of every answer; the engine hands it to the wait too. */
  budget: ApiBudget;
  /** The source of the JWT, given the calls it may make to log in (which carry no token). */
  tokens: (login: Pick<ApiHttp, 'send'>) => TokenSource;
  /** How the front-end names its settings, for the hints about them. */
  names: SettingNames;
}

type Answer = Extract<Exchange, { kind: 'answer' }>;
type Failure = Extract<Exchange, { kind: 'failed' }>;

export class ApiHttp {
  /** QFlow API requests sent (login calls excluded: the gateway does not count them). */
  apiCalls = 0;
  /** Of them, those the gateway held back (by its rate or its concurrency limit), each sent again or given up. */
  heldBack = 0;
  private readonly crowd = new CrowdMemory();
  private readonly budget: ApiBudget;
  private readonly tokens: TokenSource;
  private readonly policy: RetryPolicy;
  private readonly retries = new RetryBudget();
  private readonly random: () => number;
  private readonly transport: Transport;
  /** QFlow calls in flight: no more than the gateway allows at once (its latest word, else 2). */
  private readonly slots: Slots;

  constructor(private readonly options: HttpOptions) {
    // Every call in flight listens for the cancellation: hundreds of step outputs are no leak.
    setMaxListeners(0, options.signal);
    this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
    this.budget = options.budget;
    this.transport = new Transport(options);
    this.slots = new Slots(() => this.budget.maxConcurrent);
    this.tokens = options.tokens(this);
  }

  /** Sends a call, trying again where that is safe and worth it; the answer of a success, else an error that says why. */
  async send(request: ApiRequest): Promise<ApiResponse> {
    const url = this.url(request);
    const tries: Tries = { attempt: 0, renewed: false, throttledWaits: 0 };
    for (;;) {
      const { signal } = this.options;
      if (signal.aborted) throw abortReason(signal);
      tries.attempt++;
      const { exchange, started } = await this.tryOnce(request, url);
      if (exchange.kind === 'failed') {
        await this.afterFailure(request, url, exchange, tries, started);
        continue;
      }
      const answer = await this.afterAnswer(request, url, exchange, tries, started);
      if (answer) return answer;
    }
  }

  /**
   * One try: the budget's wait and the token for a QFlow call, a slot among the calls in flight, the
   * exchange, counted; `started` when it went out, for the debug log.
   */
  private async tryOnce(request: ApiRequest, url: URL): Promise<{ exchange: Exchange; started: number }> {
    const { endpoint } = request;
    const { clock } = this.options;
    if (endpoint === undefined) {
      const started = clock.now();
      return { exchange: await this.transport.exchange(request, url, undefined), started };
    }
    await this.waitForBudget(request, endpoint);
    const token = await this.tokens.get(this.options.signal, request.deadline);
    let started = clock.now();
    const exchange = await this.slots.run(() => {
      started = clock.now();
      return this.transport.exchange(request, url, token);
    });
    if (exchange.kind === 'answer' || exchange.connected) this.apiCalls++;
    return { exchange, started };
  }

  /** A try that got no answer: tried again after a pause when the rules allow (see afterNoAnswer); else it throws. */
  private async afterFailure(request: ApiRequest, url: URL, failure: Failure, tries: Tries, started: number): Promise<void> {
    const { signal, clock, log } = this.options;
    if (signal.aborted) {
      // Cancelled with the run call already at the gateway: QFlow may have acted on it.
      if (request.unsafe && failure.connected)
        throw new RunCancelledError(`The job was cancelled while the request to ${request.purpose} was on its way.`);
      throw abortReason(signal);
    }
    const what = describeNetworkError(failure.error, url, this.options.names);
    if ((failure.error as NodeJS.ErrnoException).code === 'ETOOLARGE') throw new QFlowApiError(`Could not ${request.purpose}: ${what}.`);
    log.debug(`${request.method} ${shown(url)} failed after ${humanDuration(clock.now() - started)}: ${what}`);
    const move = afterNoAnswer(failure, this.callKind(request), tries, this.rules());
    if (move.kind === 'outcome-unknown') {
      throw new RunOutcomeUnknownError(`The request to ${request.purpose} reached the gateway but its answer was lost (${what}).`);
    }
    if (move.kind === 'fail') {
      throw new NetworkError(`Could not ${request.purpose}: ${what} (${tries.attempt} attempt${tries.attempt === 1 ? '' : 's'}).`);
    }
    await this.pause(move.ms, request, what);
  }

  /**
   * An answer, its limits told to the budget, then what the rules say (see nextMove): a success is
   * returned; a rejected token renewed, a call held back waited out or a server error retried give
   * undefined (try again); anything else throws.
   */
  private async afterAnswer(request: ApiRequest, url: URL, answer: Answer, tries: Tries, started: number): Promise<ApiResponse | undefined> {
    const { clock, log } = this.options;
    log.debug(`${request.method} ${shown(url)} -> HTTP ${answer.status} in ${humanDuration(clock.now() - started)}`);
    const { status } = answer;
    const limits = readLimits(status, answer.headers, clock.now());
    const msLeft = request.deadline === undefined ? Infinity : request.deadline - clock.now();
    const hold = beforeDeadline(
      holdOf(status, limits, clock.now() - started, tries, this.policy, this.random, this.crowd.level),
      msLeft,
      2 * answerRoom(msLeft),
      tries,
    );
    this.crowd.answered(limits.admitted);
    if (request.endpoint !== undefined) this.budget.record(request.endpoint, limits.said, limits.admitted, hold?.ms ?? 0);
    const move = nextMove(status, hold, this.callKind(request), tries, { ...this.rules(), renew: () => this.tokens.renew() });
    switch (move.kind) {
      case 'done':
        return answer;
      case 'renew-token':
        // The JWT expired mid-wait: get a new one and repeat the call once.
        log.info('The QFlow token was rejected (HTTP 401); logging in again.');
        return undefined;
      case 'wait-out':
        this.heldBack++;
        await this.waitOut(request, status, limits, move, tries.throttledWaits);
        return undefined;
      case 'retry':
        await this.pause(move.ms, request, `HTTP ${status}`);
        return undefined;
      case 'fail':
        throw httpError(request, answer, this.tokens.rejectedHint, hold !== undefined);
    }
  }

  private callKind(request: ApiRequest) {
    return { unsafe: request.unsafe, withToken: request.endpoint !== undefined };
  }

  private rules() {
    return { policy: this.policy, retries: this.retries, random: this.random };
  }

  /**
   * Waits out a call the gateway held back (`timesHeld` times, this one counted), saying why (at debug
   * level for the routine concurrency limit).
   */
  private async waitOut(request: ApiRequest, status: number, limits: AnswerLimits, held: Hold, timesHeld: number): Promise<void> {
    const { ms: wait, spread } = held;
    const reason =
      status === 503
        ? 'QFlow is unavailable (HTTP 503)'
        : limits.admitted === 'too-many-running'
          ? `the gateway allows fewer calls at once than were running (HTTP ${status})`
          : `QFlow is throttling API calls: the subscription's API rate limit is reached (HTTP ${status})`;
    const more = held.lastTry
      ? `${spread > 0 ? `, and ${humanDuration(spread)} more,` : ','} to try once more just before the timeout`
      : spread <= 0
        ? ''
        : limits.admitted === 'rate-limited' && timesHeld > 1
          ? `, and ${humanDuration(spread)} more: held back ${timesHeld} times, the calls the window gave back went to other callers`
          : `, and ${humanDuration(spread)} more so callers held back together come back apart`;
    const message = `${reason}; waiting ${humanDuration(wait - spread)}${limits.askedMs !== undefined ? ' as the gateway asked' : ''}${more}.`;
    const pastDeadline = this.endsTooLate(request, wait);
    // Running into the concurrency limit is routine when other jobs share the subscription; a wait
    // past the timeout is not made, and the caller says so.
    if (limits.admitted === 'too-many-running' || pastDeadline) this.options.log.debug(message);
    else this.options.log.info(message);
    await this.pause(wait, request, undefined, wait - spread, limits.admitted === 'rate-limited');
  }

  /** Holds a QFlow call back until the gateway's last throttled answer allows it. */
  private async waitForBudget(request: ApiRequest, endpoint: Endpoint): Promise<void> {
    const { clock, signal, log } = this.options;
    const wait = this.budget.notBefore(endpoint) - clock.now();
    if (wait <= 0) return;
    if (this.endsTooLate(request, wait)) {
      throw new DeadlineError(
        `Could not ${request.purpose}: the subscription's API rate limit is reached and the gateway asked for no calls for ${humanDuration(wait)}${this.leftBefore(request, wait)}.`,
        wait,
      );
    }
    log.debug(`Waiting ${humanDuration(wait)} to ${request.purpose}: the gateway asked for no calls before then.`);
    await clock.sleep(wait, signal);
  }

  /** Sends a call and reads its answer as JSON. */
  async json(request: ApiRequest): Promise<unknown> {
    const response = await this.send(request);
    try {
      return JSON.parse(response.body);
    } catch {
      throw new QFlowApiError(
        `Could not ${request.purpose}: QFlow answered HTTP ${response.status} with something that is not JSON: ${excerpt(response.body) || '(empty)'}`,
        response.status,
      );
    }
  }

  /**
   * Waits `ms` before a retry; `askedMs` is set for a call held back: what the gateway asked of it,
   * `rateLimited` when by the rate limit (the budget is spent until then).
   */
  private async pause(ms: number, request: ApiRequest, note?: string, askedMs?: number, rateLimited = false): Promise<void> {
    const { clock, signal, log } = this.options;
    if (this.endsTooLate(request, ms)) {
      // Out of time for the wait: the caller reports the timeout, with the cause.
      const why =
        askedMs === undefined
          ? `${note ?? 'it failed'}, and a retry would have to wait ${humanDuration(ms)}`
          : rateLimited
            ? `the gateway held it back (the subscription's API rate limit) and asked to wait ${humanDuration(askedMs)}`
            : `the gateway held it back and a retry would have to wait ${humanDuration(ms)}`;
      throw new DeadlineError(`Could not ${request.purpose}: ${why}${this.leftBefore(request, ms)}.`, rateLimited ? askedMs : undefined);
    }
    if (note) log.debug(`${note}; retrying in ${humanDuration(ms)}.`);
    await clock.sleep(ms, signal);
  }

  /**
   * A wait of `ms` before a try leaves it too little time for an answer before the deadline: less than
   * ANSWER_ROOM_MS (a tenth of the time left, when that is less). Such a try would fail for want of
   * time and hide why the time ran out: a job the rate limit held back until a millisecond before its
   * timeout said "no answer within 1ms" where the budget was the cause.
   */
  private endsTooLate(request: ApiRequest, ms: number): boolean {
    if (request.deadline === undefined) return false;
    const left = request.deadline - this.options.clock.now();
    return ms + answerRoom(left) > left;
  }

  /** Why a wait of `ms` is not made (see whyNotWaited). */
  private leftBefore(request: ApiRequest, ms: number): string {
    return whyNotWaited(ms, (request.deadline ?? Infinity) - this.options.clock.now(), 'a try');
  }

  private url(request: ApiRequest): URL {
    const url = new URL(this.options.baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }
}

/** The time a try needs for its answer with `msLeft` to the deadline: ANSWER_ROOM_MS, or a tenth of the time left when that is less. */
function answerRoom(msLeft: number): number {
  return Math.min(ANSWER_ROOM_MS, Math.max(0, msLeft) / 10);
}

/** The path and query of a call, as the debug log shows it. */
function shown(url: URL): string {
  return decodeURIComponent(`${url.pathname}${url.search}`);
}

export { describeBytes } from './transport.js';
export { excerpt } from './http-wording.js';
