/**
 * One try of one HTTP call: the connection (direct with keep-alive, or the front-end's proxy), the
 * request timeout and the deadline for the whole answer, cancellation, and the answer read whole or
 * streamed to a sink, within its size. What to make of the answer is http.ts's.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { abortReason } from '../errors.js';
import { humanDuration, type Clock } from '../time.js';
import type { AgentFactory, ApiRequest } from './http.js';

/** What one try came to: an answer, or a failure, with whether the request may have reached the gateway. */
export type Exchange =
  | { kind: 'answer'; status: number; headers: IncomingHttpHeaders; body: string; bytes: number }
  | { kind: 'failed'; error: Error; connected: boolean; timedOut: boolean };

/** An answer kept in memory larger than this is refused; step data goes to a sink instead. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * `request-timeout` bounds each answer whole, not only the silences in it: a gateway or proxy that
 * trickles a byte now and then never trips an idle timer. An answer streamed to a sink (step data,
 * possibly tens of megabytes) may take this many times as long.
 */
const SINK_TIME_FACTOR = 4;
/** How long a kept-alive connection may sit idle before it is closed on our side. */
const IDLE_SOCKET_MS = 4000;
const USER_AGENT = 'qflow-run-action';

export interface TransportOptions {
  requestTimeoutMs: number;
  signal: AbortSignal;
  clock: Clock;
  /** A proxy's agent, from the front-end; a direct keep-alive connection without one. */
  agent?: AgentFactory;
}

export class Transport {
  private agents = new Map<string, http.Agent>();

  constructor(private readonly options: TransportOptions) {}

  private async agentFor(url: URL, unsafe: boolean): Promise<http.Agent | undefined> {
    // A call that starts something gets a connection of its own: on a reused keep-alive connection
    // that the server has just closed, a reset would leave it unknown whether QFlow acted.
    const key = `${unsafe ? 'fresh' : 'shared'} ${url.origin}`;
    if (!this.agents.has(key)) this.agents.set(key, (await this.options.agent?.(url, !unsafe)) ?? directAgent(url, !unsafe));
    return this.agents.get(key);
  }

  /** Sends `request` once, with the bearer `token` if given; never throws. */
  async exchange(request: ApiRequest, url: URL, token: string | undefined): Promise<Exchange> {
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
        receive(incoming, outgoing, request).then(settle, fail);
      });
      outgoing.end(request.body);
    });
  }
}

/**
 * Reads an answer: a success for a sink streamed to it, within its size; anything else kept in memory,
 * within MAX_BODY_BYTES. An answer too large ends the request (and with it the try).
 */
function receive(incoming: http.IncomingMessage, outgoing: http.ClientRequest, request: ApiRequest): Promise<Exchange> {
  const status = incoming.statusCode ?? 0;
  const tooLarge = (most: number) =>
    outgoing.destroy(Object.assign(new Error(`the answer is larger than ${describeBytes(most)}, the most taken`), { code: 'ETOOLARGE' }));
  let bytes = 0;
  if (status >= 200 && status < 300 && request.sink) {
    const most = request.maxSinkBytes ?? Infinity;
    incoming.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > most) tooLarge(most);
    });
    return pipeline(incoming, request.sink()).then(() => ({ kind: 'answer', status, headers: incoming.headers, body: '', bytes }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_BODY_BYTES) tooLarge(MAX_BODY_BYTES);
      else chunks.push(chunk);
    });
    incoming.on('end', () => resolve({ kind: 'answer', status, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8'), bytes }));
    incoming.on('error', reject);
  });
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
