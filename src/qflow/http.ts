/**
 * The one HTTP layer every QFlow and login call goes through: timeouts, cancellation, retries,
 * throttling, the calls in flight the gateway allows, token renewal and error messages live here and
 * nowhere else.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { setMaxListeners } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeadlineError, NetworkError, QFlowApiError, RunCancelledError, RunOutcomeUnknownError, abortReason } from '../errors.js';
import type { Log } from '../log.js';
import { ApiBudget, admission, readBudgetHeaders, type Endpoint } from './budget.js';
import { DEFAULT_RETRY_POLICY, RetryBudget, backoffDelay, isThrottled, serverWaitMs, throttleSpread, type RetryPolicy } from './retry.js';
import { humanDuration, type Clock } from '../time.js';
import { plainText } from './forms.js';
import { Input, INPUT_NAMES, type SettingNames } from '../names.js';

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
  /** How the front-end names its settings, for the hints about them (the action's inputs by default). */
  names?: SettingNames;
}

type Exchange =
  | { kind: 'answer'; status: number; headers: IncomingHttpHeaders; body: string; bytes: number }
  | { kind: 'failed'; error: Error; connected: boolean; timedOut: boolean };

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
/** Throttled answers waited out for one call, whatever the server asks, so a stuck limiter cannot hold us forever. */
const MAX_THROTTLE_WAITS = 20;
/** An answer kept in memory larger than this is refused; step data goes to a sink instead. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * `request-timeout` bounds each answer whole, not only the silences in it: a gateway or proxy that
 * trickles a byte now and then never trips an idle timer. An answer streamed to a sink (step data,
 * possibly tens of megabytes) may take this many times as long.
 */
const SINK_TIME_FACTOR = 4;
const EXCERPT_CHARS = 300;
/** How long a kept-alive connection may sit idle before it is closed on our side. */
const IDLE_SOCKET_MS = 4000;
const USER_AGENT = 'qflow-run-action';

const GENERAL_HINTS: Partial<Record<number, string>> = {
  403: "The Qualys user lacks a permission QFlow needs: the role needs 'API Access', an OAuth client needs 'Qualys Flow Access', and the user needs EXECUTE on the workflow to run it and READ or LIST to follow its executions.",
};

export class ApiHttp {
  /** QFlow API requests sent (login calls excluded: the gateway does not count them). */
  apiCalls = 0;
  private readonly budget: ApiBudget;
  private readonly tokens: TokenSource;
  private readonly policy: RetryPolicy;
  private readonly retries = new RetryBudget();
  private readonly random: () => number;
  private agents = new Map<string, http.Agent>();
  /** QFlow calls in flight, and the calls waiting for one of them to end. */
  private inFlight = 0;
  private readonly waitingForSlot: (() => void)[] = [];

  constructor(private readonly options: HttpOptions) {
    // Every call in flight listens for the cancellation: hundreds of step outputs are no leak.
    setMaxListeners(0, options.signal);
    this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
    this.budget = options.budget;
    this.tokens = options.tokens(this);
  }

  async send(request: ApiRequest): Promise<ApiResponse> {
    const { signal, clock, log } = this.options;
    const url = this.url(request);
    const shownUrl = decodeURIComponent(`${url.pathname}${url.search}`);
    let attempt = 0;
    let renewed = false;
    let throttledWaits = 0;
    for (;;) {
      if (signal.aborted) throw abortReason(signal);
      attempt++;
      const { endpoint } = request;
      if (endpoint !== undefined) await this.waitForBudget(request, endpoint);
      const token = endpoint !== undefined ? await this.tokens.get(signal, request.deadline) : undefined;
      const started = clock.now();
      const exchange = await this.exchangeInSlot(request, url, token);
      if (endpoint !== undefined && (exchange.kind === 'answer' || exchange.connected)) this.apiCalls++;

      if (exchange.kind === 'failed') {
        if (signal.aborted) {
          // Cancelled with the run call already at the gateway: QFlow may have acted on it.
          if (request.unsafe && exchange.connected)
            throw new RunCancelledError(`The job was cancelled while the request to ${request.purpose} was on its way.`);
          throw abortReason(signal);
        }
        const what = describeNetworkError(exchange.error, url, this.options.names ?? INPUT_NAMES);
        if ((exchange.error as NodeJS.ErrnoException).code === 'ETOOLARGE') {
          throw new QFlowApiError(`Could not ${request.purpose}: ${what}.`);
        }
        log.debug(`${request.method} ${shownUrl} failed after ${humanDuration(clock.now() - started)}: ${what}`);
        if (request.unsafe && exchange.connected) {
          throw new RunOutcomeUnknownError(`The request to ${request.purpose} reached the gateway but its answer was lost (${what}).`);
        }
        if (attempt < this.policy.maxAttempts && this.retries.take(exchange.timedOut)) {
          await this.pause(backoffDelay(attempt, this.policy, this.random), request, what);
          continue;
        }
        throw new NetworkError(`Could not ${request.purpose}: ${what} (${attempt} attempt${attempt === 1 ? '' : 's'}).`);
      }

      log.debug(`${request.method} ${shownUrl} -> HTTP ${exchange.status} in ${humanDuration(clock.now() - started)}`);
      const { status, headers } = exchange;
      const admitted = admission(status, headers);
      const asked = serverWaitMs(headers, clock.now());
      // A call held back by the limits, or a 503 that says when to come back, was not acted on: safe to repeat, even a run.
      const heldBack = admitted !== 'admitted' || (status === 503 && asked !== undefined);
      // A wait asked for by the rate limit gets a spread on top, so callers held back together come back apart.
      const said = readBudgetHeaders(headers);
      const spread =
        admitted === 'rate-limited' && asked !== undefined
          ? throttleSpread(asked, said.windowSec !== undefined ? said.windowSec * 1000 : undefined, said.limit, this.random())
          : 0;
      const wait = heldBack ? (asked ?? backoffDelay(throttledWaits + 1, this.policy, this.random)) + spread : 0;
      if (endpoint !== undefined) this.budget.record(endpoint, headers, admitted, wait);
      if (status >= 200 && status < 300) {
        if (attempt === 1) this.retries.refund();
        return exchange;
      }
      if (status === 401 && endpoint !== undefined && !renewed && this.tokens.renew()) {
        // The JWT expired mid-wait: get a new one and repeat the call once.
        renewed = true;
        log.info('The QFlow token was rejected (HTTP 401); logging in again.');
        continue;
      }
      if (heldBack) {
        throttledWaits++;
        if (throttledWaits > MAX_THROTTLE_WAITS) throw this.httpError(request, exchange);
        const reason =
          status === 503
            ? 'QFlow is unavailable (HTTP 503)'
            : admitted === 'too-many-running'
              ? `the gateway allows fewer calls at once than were running (HTTP ${status})`
              : `QFlow is throttling API calls: the subscription's API rate limit is reached (HTTP ${status})`;
        const more = spread > 0 ? `, and ${humanDuration(spread)} more so callers held back together come back apart` : '';
        const message = `${reason}; waiting ${humanDuration(wait - spread)}${asked !== undefined ? ' as the gateway asked' : ''}${more}.`;
        // Running into the concurrency limit is routine when other jobs share the subscription.
        if (admitted === 'too-many-running') log.debug(message);
        else log.info(message);
        await this.pause(wait, request, undefined, wait - spread);
        continue;
      }
      if (!request.unsafe && RETRYABLE_STATUSES.has(status) && attempt < this.policy.maxAttempts && this.retries.take(false)) {
        await this.pause(backoffDelay(attempt, this.policy, this.random), request, `HTTP ${status}`);
        continue;
      }
      throw this.httpError(request, exchange);
    }
  }

  /** Holds a QFlow call back until the gateway's last throttled answer allows it. */
  private async waitForBudget(request: ApiRequest, endpoint: Endpoint): Promise<void> {
    const { clock, signal, log } = this.options;
    const wait = this.budget.notBefore(endpoint) - clock.now();
    if (wait <= 0) return;
    if (request.deadline !== undefined && clock.now() + wait > request.deadline) {
      throw new DeadlineError(
        `Could not ${request.purpose}: the subscription's API rate limit is reached and the gateway asked for no calls for ${humanDuration(wait)}, past the timeout.`,
      );
    }
    log.debug(`Waiting ${humanDuration(wait)} to ${request.purpose}: the gateway asked for no calls before then.`);
    await clock.sleep(wait, signal);
  }

  /** A QFlow call waits for a free slot, so no more are in flight than the gateway allows at once. */
  private async exchangeInSlot(request: ApiRequest, url: URL, token: string | undefined): Promise<Exchange> {
    if (request.endpoint === undefined) return this.exchange(request, url, token);
    while (this.inFlight >= this.budget.maxConcurrent) await new Promise<void>((resolve) => this.waitingForSlot.push(resolve));
    this.inFlight++;
    try {
      return await this.exchange(request, url, token);
    } finally {
      this.inFlight--;
      this.waitingForSlot.shift()?.();
    }
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

  /** Waits `ms` before a retry; `askedMs` is set for a throttled call: what the gateway asked of it. */
  private async pause(ms: number, request: ApiRequest, note?: string, askedMs?: number): Promise<void> {
    const { clock, signal, log } = this.options;
    if (request.deadline !== undefined && clock.now() + ms > request.deadline) {
      // Out of time for the wait: the caller reports the timeout, with the cause.
      const why =
        askedMs !== undefined
          ? `the gateway held it back (the subscription's API rate limit) and asked to wait ${humanDuration(askedMs)}`
          : `${note ?? 'it failed'}, and a retry would have to wait ${humanDuration(ms)}`;
      throw new DeadlineError(`Could not ${request.purpose}: ${why}, past the timeout.`);
    }
    if (note) log.debug(`${note}; retrying in ${humanDuration(ms)}.`);
    await clock.sleep(ms, signal);
  }

  private url(request: ApiRequest): URL {
    const url = new URL(this.options.baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  private httpError(request: ApiRequest, answer: { status: number; headers: http.IncomingHttpHeaders; body: string }): QFlowApiError {
    const { status, headers, body } = answer;
    const hint =
      request.hints?.[status] ??
      (status === 401 && request.endpoint !== undefined ? this.tokens.rejectedHint : undefined) ??
      GENERAL_HINTS[status] ??
      (status === 400 ? 'QFlow rejected the request as malformed.' : '');
    const said = serverMessage(body);
    const shown = said ? `QFlow says: ${said}` : body.trim() !== '' ? `Its answer began: ${excerpt(body)}` : '';
    return new QFlowApiError(
      [`Could not ${request.purpose}: QFlow answered HTTP ${status}.`, hint, shown].filter(Boolean).join(' '),
      status,
      isThrottled(status, headers) || RETRYABLE_STATUSES.has(status),
    );
  }

  private async agentFor(url: URL, unsafe: boolean): Promise<http.Agent | undefined> {
    // A call that starts something gets a connection of its own: on a reused keep-alive connection
    // that the server has just closed, a reset would leave it unknown whether QFlow acted.
    const key = `${unsafe ? 'fresh' : 'shared'} ${url.origin}`;
    if (!this.agents.has(key)) this.agents.set(key, (await this.options.agent?.(url, !unsafe)) ?? directAgent(url, !unsafe));
    return this.agents.get(key);
  }

  private async exchange(request: ApiRequest, url: URL, token: string | undefined): Promise<Exchange> {
    const agent = await this.agentFor(url, request.unsafe === true);
    const { signal, clock } = this.options;
    // Each try of a call with a deadline gets no more than the time left until it: no call goes past the timeout.
    const timeLeft = (ms: number) => (request.deadline === undefined ? ms : Math.max(1, Math.min(ms, request.deadline - clock.now())));
    const requestTimeoutMs = timeLeft(this.options.requestTimeoutMs);
    const answerTimeoutMs = timeLeft(this.options.requestTimeoutMs * (request.sink ? SINK_TIME_FACTOR : 1));
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT, ...request.headers };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));

    return new Promise<Exchange>((resolve) => {
      let connected = false;
      let timedOut = false;
      let settled = false;
      const outgoing = (url.protocol === 'https:' ? https : http).request(url, { method: request.method, headers, agent });
      const settle = (exchange: Exchange) => {
        if (settled) return;
        settled = true;
        clearTimeout(wholeAnswer);
        signal.removeEventListener('abort', onAbort);
        resolve(exchange);
      };
      const fail = (error: Error) => settle({ kind: 'failed', error, connected, timedOut });
      const onAbort = () => outgoing.destroy(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });

      // "Connected" marks the point after which QFlow may have received the request.
      outgoing.on('socket', (socket) => {
        if (!socket.connecting) connected = true;
        else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
      });
      // An idle timeout: it covers connecting and waiting for the answer, and a body that stops arriving.
      outgoing.setTimeout(requestTimeoutMs, () => {
        timedOut = true;
        outgoing.destroy(Object.assign(new Error(`no answer within ${humanDuration(requestTimeoutMs)}`), { code: 'ETIMEDOUT' }));
      });
      // And a deadline for the whole answer, so one that trickles in cannot hold the run.
      let answering = false;
      const wholeAnswer = setTimeout(() => {
        timedOut = true;
        const what = answering ? 'the answer did not arrive whole' : 'no answer';
        outgoing.destroy(Object.assign(new Error(`${what} within ${humanDuration(answerTimeoutMs)}`), { code: 'ETIMEDOUT' }));
      }, answerTimeoutMs);
      outgoing.on('error', fail);
      outgoing.on('response', (incoming) => {
        answering = true;
        const status = incoming.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        if (ok && request.sink) {
          let bytes = 0;
          const most = request.maxSinkBytes ?? Infinity;
          incoming.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes > most)
              outgoing.destroy(Object.assign(new Error(`the answer is larger than ${describeBytes(most)}, the most taken`), { code: 'ETOOLARGE' }));
          });
          pipeline(incoming, request.sink()).then(
            () => settle({ kind: 'answer', status, headers: incoming.headers, body: '', bytes }),
            (error: Error) => fail(error),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        incoming.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_BODY_BYTES) {
            outgoing.destroy(
              Object.assign(new Error(`the answer is larger than ${describeBytes(MAX_BODY_BYTES)}, the most taken`), { code: 'ETOOLARGE' }),
            );
          } else chunks.push(chunk);
        });
        incoming.on('end', () => settle({ kind: 'answer', status, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8'), bytes }));
        incoming.on('error', fail);
      });
      outgoing.end(request.body);
    });
  }
}

/**
 * Keep-alive saves a TLS handshake per poll. An idle connection is dropped after 4 s, before a
 * server's keep-alive timeout (often 5 s) can close it under a request that is just being sent: that
 * race would cost a retry.
 */
function directAgent(url: URL, keepAlive: boolean): http.Agent {
  const options = { keepAlive, maxSockets: 8, timeout: IDLE_SOCKET_MS };
  return url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
}

function describeNetworkError(error: Error, url: URL, names: SettingNames): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ECONNREFUSED: `the connection to ${url.host} was refused`,
    ECONNRESET: 'the connection was reset',
    ENOTFOUND: `the gateway host name ${url.hostname} could not be resolved (check ${names.of(Input.GatewayUrl)} or ${names.of(Input.Platform)})`,
    EAI_AGAIN: `the gateway host name ${url.hostname} could not be resolved (temporary DNS failure)`,
    EPIPE: 'the connection was closed while sending',
  };
  if (code === 'ETIMEDOUT' || code === 'ETOOLARGE') return error.message;
  if (code && known[code]) return `${known[code]} (${code})`;
  return code ? `${error.message} (${code})` : error.message;
}

/** The server's own words from an error body: `message`, `errors[0].message` or `error`. */
function serverMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const errors = parsed.errors;
    const candidates = [
      parsed.message,
      Array.isArray(errors) ? ((errors[0] as Record<string, unknown> | undefined)?.message ?? errors[0]) : undefined,
      parsed.error,
      parsed.errorMessage,
    ];
    const found = candidates.find((c) => typeof c === 'string' && c.trim() !== '') as string | undefined;
    return found === undefined ? undefined : excerpt(found);
  } catch {
    return undefined;
  }
}

/**
 * At most a few hundred characters of a server's answer, on one line, without control characters,
 * anything like a JWT removed. (Every sink also scrubs it: see redact.ts.)
 */
export function excerpt(text: string): string {
  return plainText(text.replace(/\s+/g, ' ').replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted JWT]'), EXCERPT_CHARS + 3);
}
