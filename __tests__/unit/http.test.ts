import { afterEach, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { CancelledError, DeadlineError, NetworkError, QFlowApiError, RunOutcomeUnknownError } from '../../src/errors.js';
import { ApiBudget } from '../../src/qflow/budget.js';
import { ApiHttp, excerpt, type TokenSource } from '../../src/qflow/http.js';
import { systemClock } from '../../src/time.js';
import { FakeClock, memoryLog } from '../support/fake-clock.js';
import { after, drop, json, scriptedServer, type Reply } from '../support/scripted-server.js';
import { INPUT_NAMES } from '../../src/names.js';

let server: Awaited<ReturnType<typeof scriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(replies: Reply[], options: { requestTimeoutMs?: number; signal?: AbortSignal; clock?: FakeClock; tokens?: TokenSource } = {}) {
  server = await scriptedServer(replies);
  const clock = options.clock ?? new FakeClock();
  const log = memoryLog();
  const budget = new ApiBudget(clock);
  const http = new ApiHttp({
    baseUrl: server.url,
    names: INPUT_NAMES,
    requestTimeoutMs: options.requestTimeoutMs ?? 2000,
    signal: options.signal ?? new AbortController().signal,
    log,
    clock,
    random: () => 0.5,
    budget,
    tokens: () => options.tokens ?? fixedToken,
  });
  return { http, clock, log, budget, requests: server.requests };
}

const read = { method: 'GET' as const, path: '/qflowapi/v1/thing', purpose: 'read the thing' };
const run = { method: 'POST' as const, path: '/qflowapi/v1/workflows/w/run', purpose: 'run workflow w', body: '{}', unsafe: true };
/** A QFlow call: sends the token and reports its answer to the API budget. */
const qflowRead = { ...read, endpoint: 'executions' as const };
const fixedToken: TokenSource = { get: () => Promise.resolve('jwt'), renew: () => false, rejectedHint: '' };

describe('reads', () => {
  it.each([500, 502, 503, 504])('retries HTTP %i with backoff and succeeds', async (status) => {
    const { http, clock, requests } = await client([json(status, { message: 'busy' }), json(status, {}), json(200, { ok: true })]);
    await expect(http.json(read)).resolves.toEqual({ ok: true });
    expect(requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('gives up after five attempts with the last answer in the message, as worth trying later', async () => {
    const { http, requests } = await client([json(502, { message: 'bad gateway' })]);
    const error = (await http.json(read).catch((e: unknown) => e)) as QFlowApiError;
    expect(error.message).toBe('Could not read the thing: QFlow answered HTTP 502. QFlow says: bad gateway');
    expect(error.transient).toBe(true);
    expect(requests).toHaveLength(5);
  });

  it.each([400, 403, 404, 422])('does not retry HTTP %i, nor call it worth trying later', async (status) => {
    const { http, requests } = await client([json(status, { message: 'no' })]);
    const error = (await http.json(read).catch((e: unknown) => e)) as QFlowApiError;
    expect(error).toBeInstanceOf(QFlowApiError);
    expect(error.transient).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('names the permissions QFlow needs on a 403', async () => {
    const { http } = await client([json(403, { errors: [{ message: 'Access denied' }] })]);
    await expect(http.json(read)).rejects.toThrow(/'API Access'.*'Qualys Flow Access'.*EXECUTE.*READ or LIST.*QFlow says: Access denied/);
  });

  it('shows the server message of a 400', async () => {
    const { http } = await client([json(400, { message: 'startAt can only go back 30 days' })]);
    await expect(http.json(read)).rejects.toThrow(/HTTP 400. QFlow rejected the request as malformed. QFlow says: startAt can only go back 30 days/);
  });

  it('shows at most 300 characters of an error body, with any JWT removed', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    const { http } = await client([json(418, `<html>${jwt} ${'x'.repeat(1000)}</html>`)]);
    const error = (await http.json(read).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain(jwt);
    expect(error.message).toContain('[redacted JWT]');
    expect(error.message.length).toBeLessThan(450);
  });

  it('reports an answer that is not JSON', async () => {
    const { http } = await client([json(200, '<html>login page</html>')]);
    await expect(http.json(read)).rejects.toThrow(
      'Could not read the thing: QFlow answered HTTP 200 with something that is not JSON: <html>login page</html>',
    );
  });

  it('retries a dropped connection', async () => {
    const { http, requests } = await client([drop, json(200, { ok: 1 })]);
    await expect(http.json(read)).resolves.toEqual({ ok: 1 });
    expect(requests).toHaveLength(2);
  });

  it('retries an answer that does not come within the request timeout', async () => {
    const { http, requests } = await client([after(1500, json(200, { slow: true })), json(200, { ok: 1 })], {
      requestTimeoutMs: 200,
    });
    await expect(http.json(read)).resolves.toEqual({ ok: 1 });
    expect(requests).toHaveLength(2);
  });
});

describe('throttling', () => {
  it('waits X-RateLimit-ToWait-Sec after a 429, and a spread on top so throttled callers come back apart', async () => {
    const { http, clock, log } = await client([json(429, {}, { 'X-RateLimit-ToWait-Sec': '17' }), json(200, {})]);
    await http.json(read);
    // A quarter of the wait at most, drawn at random (0.5 here).
    expect(clock.sleeps).toEqual([17_000 + 0.5 * 0.25 * 17_000]);
    expect(log.text('info')).toContain(
      "QFlow is throttling API calls: the subscription's API rate limit is reached (HTTP 429); waiting 17s as the gateway asked, and 2s more so callers held back together come back apart.",
    );
  });

  it('comes back later each time the rate limit holds the same call back again, and still before the timeout', async () => {
    // 300 calls an hour: the window gives a call back every 12 s, and another client takes it each time.
    const spent = { 'X-RateLimit-Limit': '300', 'X-RateLimit-Window-Sec': '3600', 'X-RateLimit-Remaining': '0', 'X-RateLimit-ToWait-Sec': '2' };
    const clock = new FakeClock();
    const { http, log } = await client([...Array.from({ length: 4 }, () => json(409, {}, spent)), json(200, {})], { clock, tokens: fixedToken });
    await http.json({ ...qflowRead, deadline: clock.now() + 120_000 });
    // The asked 2 s, and half (random 0.5) of 12 s, 24 s, 48 s, then 96 s: 48 s more would leave too little of
    // the 2 minutes for another try, so the call is tried at the last moment that leaves its answer 2 s.
    expect(clock.sleeps).toEqual([2000 + 6000, 2000 + 12_000, 2000 + 24_000, 120_000 - 48_000 - 2000]);
    expect(log.text('info')).toContain(
      'waiting 2s as the gateway asked, and 12s more: held back 2 times, the calls the window gave back went to other callers.',
    );
    expect(log.text('info')).toContain('waiting 2s as the gateway asked, and 1m 8s more, to try once more just before the timeout.');
  });

  it('waits until the Retry-After date of a 409 that carries rate-limit headers', async () => {
    const clock = new FakeClock();
    const until = new Date(clock.now() + 42_000).toUTCString();
    const { http } = await client([json(409, {}, { 'Retry-After': until, 'X-RateLimit-Remaining': '0' }), json(200, {})], { clock });
    await http.json(read);
    expect(clock.sleeps).toEqual([42_000 + 0.5 * 0.25 * 42_000]);
  });

  it('gives up after twenty throttling waits, as worth trying later, also for the classic 409', async () => {
    const { http, requests } = await client([json(409, {}, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-ToWait-Sec': '1' })]);
    const error = (await http.json(read).catch((e: unknown) => e)) as QFlowApiError;
    expect(error.status).toBe(409);
    expect(error.transient).toBe(true);
    expect(requests).toHaveLength(21);
  });

  it('does not read a plain 409 as throttling', async () => {
    const { http, requests } = await client([json(409, { message: 'conflict' })]);
    await expect(http.json(read)).rejects.toThrow(/HTTP 409/);
    expect(requests).toHaveLength(1);
  });

  it('gives up rather than wait past the deadline', async () => {
    const clock = new FakeClock();
    const { http } = await client([json(429, {}, { 'X-RateLimit-ToWait-Sec': '600' })], { clock });
    const error = await http.json({ ...read, deadline: clock.now() + 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineError);
    // What the gateway asked, not with the spread this client would have added: the message names it as the gateway's.
    expect((error as DeadlineError).budgetSpentForMs).toBe(600_000);
  });

  it('gives up naming the budget when the wait asked would leave the try too little time for its answer', async () => {
    // Asked to wait 59.9 s of the minute left: a try in the last 100 ms would fail for want of time
    // ("no answer within 1ms") and hide that the rate limit was the cause.
    const clock = new FakeClock();
    const { http, requests } = await client([json(429, {}, { 'X-RateLimit-ToWait-Sec': '59.9' }), json(200, {})], { clock });
    const error = await http.json({ ...read, deadline: clock.now() + 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineError);
    expect((error as DeadlineError).budgetSpentForMs).toBe(59_900);
    expect((error as Error).message).toMatch(/asked to wait 1m, which would leave 100ms before the timeout: too little for a try and its answer\.$/);
    expect(requests).toHaveLength(1);
  });

  it('reports the budget headers of each QFlow answer to the budget', async () => {
    const { http, budget } = await client(
      [json(200, {}, { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '299', 'X-RateLimit-Window-Sec': '3600' })],
      { tokens: fixedToken },
    );
    await http.json(qflowRead);
    expect(budget.view('executions')).toEqual({ remaining: 299, limit: 300, windowMs: 3_600_000, othersPerMs: 0 });
  });

  it("sends no other call before a throttled answer's wait is over", async () => {
    const clock = new FakeClock();
    const { http, requests } = await client([json(409, {}, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-ToWait-Sec': '30' }), json(200, {})], {
      clock,
      tokens: fixedToken,
    });
    // The throttled call gives up: it may not wait past its deadline.
    await expect(http.json({ ...qflowRead, deadline: clock.now() + 10_000 })).rejects.toBeInstanceOf(DeadlineError);
    const throttledAt = clock.now();
    await http.json(qflowRead);
    expect(clock.sleeps).toEqual([30_000 + 0.5 * 0.25 * 30_000]);
    expect(clock.now()).toBe(throttledAt + 33_750);
    expect(requests).toHaveLength(2);
  });

  it('reads a 409 that the budget headers do not explain as a conflict, not throttling', async () => {
    const everyAnswer = {
      'X-RateLimit-Limit': '300',
      'X-RateLimit-Remaining': '120',
      'X-RateLimit-ToWait-Sec': '0',
      'X-Concurrency-Limit-Limit': '2',
      'X-Concurrency-Limit-Running': '1',
    };
    const { http, requests } = await client([json(409, { message: 'already running' }, everyAnswer)], { tokens: fixedToken });
    await expect(http.json(qflowRead)).rejects.toThrow(/HTTP 409.*already running/);
    expect(requests).toHaveLength(1);
  });

  it('reads a 409 at the concurrency limit as held back, from a gateway that counts the running calls without it', async () => {
    const atLimit = {
      'X-RateLimit-Remaining': '120',
      'X-RateLimit-ToWait-Sec': '0',
      'X-Concurrency-Limit-Limit': '2',
      'X-Concurrency-Limit-Running': '2',
    };
    const { http, requests } = await client([json(409, { message: 'Too many concurrent API calls' }, atLimit), json(200, { ok: 1 })], {
      tokens: fixedToken,
    });
    await expect(http.json({ ...run, endpoint: 'run' as const })).resolves.toEqual({ ok: 1 });
    expect(requests).toHaveLength(2);
  });

  it('repeats a call held back by the concurrency limit after a short pause, and only logs it for debugging', async () => {
    const busy = {
      'X-RateLimit-Remaining': '120',
      'X-RateLimit-ToWait-Sec': '0',
      'X-Concurrency-Limit-Limit': '2',
      'X-Concurrency-Limit-Running': '3',
    };
    const { http, clock, log, requests } = await client([json(409, {}, busy), json(200, { ok: 1 })], { tokens: fixedToken });
    await expect(http.json(qflowRead)).resolves.toEqual({ ok: 1 });
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([250]);
    expect(log.text('info')).toBe('');
    expect(log.text('debug')).toContain('the gateway allows fewer calls at once than were running (HTTP 409)');
  });
});

describe('calls at once', () => {
  /** Answers after 50 ms with `headers`, counting the most requests it held at once. */
  function slowServer(headers: Record<string, string>) {
    const seen = { running: 0, most: 0 };
    const reply: Reply = (req, res) => {
      seen.most = Math.max(seen.most, ++seen.running);
      setTimeout(() => {
        seen.running--;
        json(200, {}, headers)(req, res, '');
      }, 50);
    };
    return { reply, seen };
  }

  it('keeps no more QFlow calls in flight than X-Concurrency-Limit-Limit allows', async () => {
    const { reply, seen } = slowServer({ 'X-Concurrency-Limit-Limit': '3' });
    const { http } = await client([reply], { clock: systemClock as unknown as FakeClock, tokens: fixedToken });
    await http.json(qflowRead);
    await Promise.all(Array.from({ length: 10 }, () => http.json(qflowRead)));
    expect(seen.most).toBe(3);
  });

  it('keeps to two at once until the gateway says, the value in the Qualys examples', async () => {
    const { reply, seen } = slowServer({});
    const { http } = await client([reply], { clock: systemClock as unknown as FakeClock, tokens: fixedToken });
    await Promise.all(Array.from({ length: 6 }, () => http.json(qflowRead)));
    expect(seen.most).toBe(2);
  });
});

describe('the run call, which is not idempotent', () => {
  it('is never repeated when its answer is lost', async () => {
    const { http, requests } = await client([drop, json(200, { executionId: 'x' })]);
    await expect(http.json(run)).rejects.toBeInstanceOf(RunOutcomeUnknownError);
    expect(requests).toHaveLength(1);
  });

  it('is never repeated when its answer does not come in time', async () => {
    const { http, requests } = await client([after(1000, json(200, {}))], { requestTimeoutMs: 200 });
    await expect(http.json(run)).rejects.toThrow(/reached the gateway but its answer was lost \(no answer within 200ms\)/);
    expect(requests).toHaveLength(1);
  });

  it.each([500, 502, 504])('is not repeated after HTTP %i', async (status) => {
    const { http, requests } = await client([json(status, {}), json(200, {})]);
    await expect(http.json(run)).rejects.toThrow(new RegExp(`HTTP ${status}`));
    expect(requests).toHaveLength(1);
  });

  it('is repeated after a throttling answer, which QFlow did not act on', async () => {
    const { http, requests } = await client([json(429, {}, { 'X-RateLimit-ToWait-Sec': '2' }), json(200, { executionId: 'e' })]);
    await expect(http.json(run)).resolves.toEqual({ executionId: 'e' });
    expect(requests).toHaveLength(2);
  });

  it('is repeated after a 503 with Retry-After', async () => {
    const { http, clock, requests } = await client([json(503, {}, { 'Retry-After': '3' }), json(200, { executionId: 'e' })]);
    await expect(http.json(run)).resolves.toEqual({ executionId: 'e' });
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('is not repeated after a 503 without Retry-After', async () => {
    const { http, requests } = await client([json(503, {}), json(200, {})]);
    await expect(http.json(run)).rejects.toThrow(/HTTP 503/);
    expect(requests).toHaveLength(1);
  });

  it('is repeated when the connection was refused, since nothing was sent', async () => {
    const port = await freePort();
    const clock = new FakeClock();
    const http = new ApiHttp({
      baseUrl: `http://127.0.0.1:${port}`,
      names: INPUT_NAMES,
      requestTimeoutMs: 1000,
      signal: new AbortController().signal,
      log: memoryLog(),
      clock,
      budget: new ApiBudget(new FakeClock()),
      tokens: () => fixedToken,
    });
    await expect(http.json(run)).rejects.toThrow(
      /Could not run workflow w: the connection to 127\.0\.0\.1:\d+ was refused \(ECONNREFUSED\) \(5 attempts\)/,
    );
    expect(clock.sleeps).toHaveLength(4);
  });
});

describe('tokens', () => {
  function tokens(renewable: boolean) {
    let issued = 0;
    const source: TokenSource & { issued: () => number } = {
      rejectedHint: 'The token is invalid or has expired.',
      get: () => Promise.resolve(`token-${issued}`),
      renew: () => {
        if (renewable) issued++;
        return renewable;
      },
      issued: () => issued,
    };
    return source;
  }

  it('renews the token once after a 401 and repeats the call', async () => {
    const { http, requests } = await client([json(401, {}), json(200, { ok: 1 })], { tokens: tokens(true) });
    await expect(http.json(qflowRead)).resolves.toEqual({ ok: 1 });
    expect(requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-0', 'Bearer token-1']);
  });

  it('fails with the token hint when the renewed token is rejected too', async () => {
    const { http, requests } = await client([json(401, {})], { tokens: tokens(true) });
    await expect(http.json(qflowRead)).rejects.toThrow('QFlow answered HTTP 401. The token is invalid or has expired.');
    expect(requests).toHaveLength(2);
  });

  it('does not repeat a call with a fixed token', async () => {
    const { http, requests } = await client([json(401, {})], { tokens: tokens(false) });
    await expect(http.json(qflowRead)).rejects.toThrow(/HTTP 401/);
    expect(requests).toHaveLength(1);
  });

  it('counts the QFlow calls it makes', async () => {
    const { http } = await client([json(503, {}), json(200, {})], { tokens: tokens(false) });
    await http.json(qflowRead);
    expect(http.apiCalls).toBe(2);
  });
});

describe('cancellation', () => {
  it('ends a call in flight at once', async () => {
    const cancel = new AbortController();
    const { http } = await client([after(5000, json(200, {}))], { signal: cancel.signal, clock: systemClock as unknown as FakeClock });
    const started = Date.now();
    setTimeout(() => cancel.abort(new CancelledError()), 100);
    await expect(http.json(read)).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('excerpt', () => {
  it('folds white space', () => {
    expect(excerpt('  a \n\n b  ')).toBe('a b');
  });
});

it('reports a gateway it cannot reach', async () => {
  const port = await freePort();
  const http = new ApiHttp({
    baseUrl: `http://127.0.0.1:${port}`,
    names: INPUT_NAMES,
    requestTimeoutMs: 1000,
    signal: new AbortController().signal,
    log: memoryLog(),
    clock: new FakeClock(),
    budget: new ApiBudget(new FakeClock()),
    tokens: () => fixedToken,
  });
  await expect(http.json(read)).rejects.toBeInstanceOf(NetworkError);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('connections', () => {
  it('reuses a connection between close calls but not after it sat idle for 4 s, before a server would drop it', async () => {
    const { http } = await client([json(200, {})]);
    let connections = 0;
    server!.server.on('connection', () => connections++);
    await http.json(read);
    await http.json(read);
    expect(connections).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 4300));
    await http.json(read);
    expect(connections).toBe(2);
  }, 10_000);
});
