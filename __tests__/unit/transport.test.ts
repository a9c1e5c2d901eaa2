import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Transport } from '../../src/qflow/transport.js';
import type { ApiRequest } from '../../src/qflow/http.js';
import { systemClock } from '../../src/time.js';

/** A loopback server whose answer each path chooses. */
let server: http.Server;
let base: string;
const seenHeaders: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenHeaders.push(req.headers);
    if (req.url === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": 1}');
    } else if (req.url === '/silent') {
      // Never answers: the request timeout ends the try.
    } else if (req.url === '/trickle') {
      res.writeHead(200);
      const timer = setInterval(() => res.write(' '), 40);
      res.on('close', () => clearInterval(timer));
    } else if (req.url === '/large') {
      res.writeHead(200);
      res.end('x'.repeat(64 * 1024));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const request = (path: string, extra: Partial<ApiRequest> = {}): ApiRequest => ({ method: 'GET', path, purpose: 'test', ...extra });
const transport = (requestTimeoutMs = 2000, signal = new AbortController().signal) => new Transport({ requestTimeoutMs, signal, clock: systemClock });

describe('Transport.exchange', () => {
  it('sends the bearer token and its own user agent, and hands back the answer whole', async () => {
    const exchange = await transport().exchange(request('/ok'), new URL(`${base}/ok`), 'the-jwt');
    expect(exchange).toMatchObject({ kind: 'answer', status: 200, body: '{"data": 1}', bytes: 11 });
    expect(seenHeaders.at(-1)).toMatchObject({ authorization: 'Bearer the-jwt', 'user-agent': 'qflow-run-action', accept: 'application/json' });
  });

  it('gives up on a server that never answers within the request timeout, knowing the request reached it', async () => {
    const exchange = await transport(300).exchange(request('/silent'), new URL(`${base}/silent`), undefined);
    expect(exchange).toMatchObject({ kind: 'failed', connected: true, timedOut: true });
    expect(exchange.kind === 'failed' && exchange.error.message).toMatch(/^no answer within/);
  });

  it('bounds an answer that trickles in, which an idle timer alone never would', async () => {
    const exchange = await transport(300).exchange(request('/trickle'), new URL(`${base}/trickle`), undefined);
    expect(exchange).toMatchObject({ kind: 'failed', timedOut: true });
    expect(exchange.kind === 'failed' && exchange.error.message).toMatch(/^the answer did not arrive whole within/);
  });

  it('gives a call with a deadline no more than the time left until it', async () => {
    const exchange = await transport(60_000).exchange(request('/silent', { deadline: Date.now() + 200 }), new URL(`${base}/silent`), undefined);
    expect(exchange).toMatchObject({ kind: 'failed', timedOut: true });
  });

  it('says a refused connection never reached the gateway: a run call may then be sent again', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const exchange = await transport().exchange(request('/ok', { unsafe: true }), new URL(`http://127.0.0.1:${port}/ok`), undefined);
    expect(exchange).toMatchObject({ kind: 'failed', connected: false, timedOut: false });
    expect(exchange.kind === 'failed' && (exchange.error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('ends a download to a sink once it passes its size', async () => {
    const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
    const exchange = await transport().exchange(request('/large', { sink, maxSinkBytes: 1024 }), new URL(`${base}/large`), undefined);
    expect(exchange.kind).toBe('failed');
    expect(exchange.kind === 'failed' && exchange.error.message).toBe('the answer is larger than 1024 bytes, the most taken');
  });

  it('stops at once when the job is cancelled', async () => {
    const cancel = new AbortController();
    const pending = transport(60_000, cancel.signal).exchange(request('/silent'), new URL(`${base}/silent`), undefined);
    setTimeout(() => cancel.abort(), 50);
    const exchange = await pending;
    expect(exchange).toMatchObject({ kind: 'failed', timedOut: false });
  });
});
