/**
 * A QFlow API simulator for tests, the demo and the benchmark. It serves the documented endpoints on
 * loopback with the documented answer shapes (and their variants: both run answers, both paging
 * styles, string-encoded step data), runs executions on a real clock, and lets a test script faults.
 *
 * By default it enforces the documented limits and sends their headers on every `/qflowapi` answer
 * [doc]: 300 calls per 3600 s on a rolling window and 2 calls at once, per subscription, `/auth` not
 * counted. Where the reference sheet marks a point [open] or the docs are unsure, it takes the harder
 * reading: limits are set "for each API", which may mean each endpoint or the QFlow API as a whole, so
 * all QFlow endpoints share one count unless `rateLimit.per` is 'endpoint'; a blocked call is answered
 * 409, as the classic API documents [doc] (429, reported for the gateway [3p], is selectable). A blocked
 * call does not count: the classic API's limits document has 300 calls received from 2 PM, the first
 * blocked at 2:30 PM, and the next one run at 3 PM, an hour after the first of the 300, however many
 * were blocked between [doc]; the gateway pages' example (300 calls in 5 minutes, "wait 55 minutes")
 * reads the same, and `X-RateLimit-ToWait-Sec` would mislead if blocked calls pushed it on. A list
 * serves the `pageSize` asked for, which the docs define as the number of records in the answer [doc]
 * without naming a largest one [open]; `maxPageSize` plays a server that caps or refuses larger pages.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SimulatedQFlow } from './answers.js';
import { Meter } from './meter.js';
import {
  DEFAULT_CONCURRENCY_LIMIT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SUBSCRIPTION,
  type Answer,
  type Endpoint,
  type Fault,
  type FaultAction,
  type Handler,
  type RateLimit,
  type RecordedCall,
  type Request,
  type SimulatorOptions,
  type Spending,
} from './model.js';

export * from './model.js';

/** The simulated gateway: QFlow's answers behind the login, the documented limits and the faults a test scripts. */
export class QFlowSimulator extends SimulatedQFlow {
  readonly calls: RecordedCall[] = [];

  private readonly faults: Fault[] = [];

  private readonly tokens = new Map<string, number>();

  /** Tokens that belong to a subscription of their own (see addToken); any other is 'default'. */
  private readonly subscriptions = new Map<string, string>();

  private readonly meters = new Map<string, Meter>();

  private server?: http.Server;

  url = '';

  constructor(options: SimulatorOptions = {}) {
    super(options);
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Scripts a fault for the next `times` calls of an endpoint. */
  addFault(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Accepts a fixed bearer token whose calls count against a subscription of its own. */
  addToken(token: string, subscription = token): void {
    this.subscriptions.set(token, subscription);
  }

  /** Preloads `calls` made by other clients of a subscription, as if they had made them. */
  spend(calls: number, spending: Spending = {}): void {
    this.meter(spending.subscription ?? DEFAULT_SUBSCRIPTION).spend(calls, Date.now(), spending);
  }

  callsTo(endpoint: Endpoint): RecordedCall[] {
    return this.calls.filter((c) => c.endpoint === endpoint);
  }

  /** Issues a JWT as the gateway would; exported for tests of expiry. */
  issueToken(lifetimeSec = this.options.tokenLifetimeSec ?? 4 * 3600): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'simulated', exp: Math.floor(Date.now() / 1000) + lifetimeSec, jti: randomUUID() })}.c2lt`;
    this.tokens.set(token, 0);
    return token;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const route = this.route(req.method ?? 'GET', url.pathname);
    const isApi = route !== undefined && route.endpoint !== 'auth' && route.endpoint !== 'oidc';
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const subscription = (token && this.subscriptions.get(token)) || DEFAULT_SUBSCRIPTION;
    // A call runs from its arrival until its answer is out, as the gateway counts X-Concurrency-Limit-Running.
    const meter = isApi ? this.meter(subscription) : undefined;
    if (meter) {
      meter.running++;
      let done = false;
      const leave = () => {
        if (!done) meter.running--;
        done = true;
      };
      // 'finish' once the answer is handed to the connection; 'close' if it never is.
      res.once('finish', leave);
      res.once('close', leave);
    }
    const body = await readBody(req);
    const call: RecordedCall = {
      endpoint: route?.endpoint ?? 'unknown',
      subscription,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      at: Date.now(),
      status: 0,
      answerHeaders: {},
      authorization: req.headers.authorization,
    };
    this.calls.push(call);
    let blocked = false;
    const budgetHeaders = () => (meter && isApi ? meter.headers(route.endpoint, Date.now(), blocked) : {});
    const send = async (status: number, payload: string | object, headers: Record<string, string> = {}) => {
      // The headers say what the gateway saw when it answered (a blocked call counted among those
      // running); the latency is the way back, during which other calls may end.
      const said = budgetHeaders();
      const latency = this.options.latencyMs;
      const ms = Array.isArray(latency) ? latency[0] + Math.random() * (latency[1] - latency[0]) : latency;
      if (meter && ms) await new Promise((r) => setTimeout(r, ms));
      call.status = status;
      call.answerHeaders = { 'Content-Type': typeof payload === 'string' ? 'text/plain' : 'application/json', ...said, ...headers };
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      res.writeHead(status, call.answerHeaders);
      res.end(text);
    };
    if (!route) return send(404, { message: `No such endpoint: ${req.method} ${url.pathname}` });

    const fault = this.takeFault(route.endpoint);
    if (fault && 'status' in fault) return send(fault.status, fault.body ?? '', fault.headers);
    if (fault && 'malformed' in fault) return send(200, '<html>gateway error page</html>');
    if (fault && 'echo' in fault) {
      const shown = Object.entries(req.headers).map(([name, value]) => `${name}: ${String(value)}`);
      return send(fault.echo, `<html><pre>Request rejected.\n${req.method} ${req.url}\n${shown.join('\n')}\n\n${body}</pre></html>`);
    }
    if (fault && 'trickle' in fault) {
      const { everyMs, status = 200 } = fault.trickle;
      const answer = fault.trickle.body ?? JSON.stringify(route.handler({ url, body, headers: req.headers }).body ?? {});
      call.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json', ...budgetHeaders() });
      const givesUpAt = Date.now() + 60_000;
      for (let i = 0; i < answer.length && !res.destroyed && Date.now() < givesUpAt; i++) {
        res.write(answer[i]);
        await new Promise((r) => setTimeout(r, everyMs));
      }
      res.end();
      return;
    }
    // A held answer must not keep the process alive after the simulator stops.
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs).unref());

    if (meter) {
      const denied = this.checkToken(req.headers.authorization);
      if (denied) return send(401, { message: denied });
      const admitted = meter.admit(route.endpoint, Date.now());
      if (admitted !== 'admitted') {
        blocked = true;
        call.heldBack = admitted;
        const status = admitted === 'rate-limited' ? (this.rateLimit?.blockedStatus ?? 409) : 409;
        return send(status, { message: admitted === 'rate-limited' ? 'API rate limit exceeded' : 'Too many concurrent API calls' });
      }
    }
    if (fault && 'drop' in fault) {
      route.handler({ url, body, headers: req.headers }); // act on it, then lose the answer
      call.status = -1;
      req.socket.destroy();
      return;
    }
    const answer = route.handler({ url, body, headers: req.headers });
    if (answer.stream) {
      call.status = 200;
      call.answerHeaders = { 'Content-Type': 'application/json', ...budgetHeaders() };
      res.writeHead(200, call.answerHeaders);
      for (const chunk of answer.stream()) {
        if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
      }
      res.end();
      return;
    }
    return send(answer.status, answer.body ?? '', answer.headers);
  }

  private get rateLimit(): RateLimit | undefined {
    return this.options.rateLimit === false ? undefined : (this.options.rateLimit ?? DEFAULT_RATE_LIMIT);
  }

  private meter(subscription: string): Meter {
    let meter = this.meters.get(subscription);
    if (!meter) {
      const concurrency = this.options.concurrencyLimit === false ? undefined : (this.options.concurrencyLimit ?? DEFAULT_CONCURRENCY_LIMIT);
      this.meters.set(subscription, (meter = new Meter(this.rateLimit, concurrency)));
    }
    return meter;
  }

  private takeFault(endpoint: Endpoint): FaultAction | undefined {
    const fault = this.faults.find((f) => f.endpoint === endpoint && f.times > 0);
    if (!fault) return undefined;
    fault.times--;
    return fault.action;
  }

  private checkToken(authorization: string | undefined): string | undefined {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return 'Missing bearer token';
    if (token === this.options.credentials?.token || this.subscriptions.has(token)) return undefined;
    const uses = this.tokens.get(token);
    if (uses === undefined) return 'Invalid token';
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
    if (claims.exp * 1000 <= Date.now()) return 'Token expired';
    if (this.options.tokenCalls !== undefined && uses >= this.options.tokenCalls) return 'Token expired';
    this.tokens.set(token, uses + 1);
    return undefined;
  }

  /** The documented endpoints: method, path (its parts captured) and what answers it. */
  private readonly routes: [string, RegExp, Endpoint, (parts: string[], r: Request) => Answer][] = [
    ['POST', /^\/auth$/, 'auth', (_, r) => this.login(r)],
    ['POST', /^\/auth\/oidc$/, 'oidc', (_, r) => this.loginOidc(r)],
    ['POST', /^\/qflowapi\/v1\/workflows\/([^/]+)\/run$/, 'run', ([id], r) => this.run(id, r.body)],
    ['GET', /^\/qflowapi\/v1\/workflows$/, 'workflows', (_, r) => this.workflowList(r.url)],
    ['GET', /^\/qflowapi\/v1\/workflows\/([^/]+)$/, 'workflow', ([id]) => this.details(id)],
    ['GET', /^\/qflowapi\/v1\/workflows\/([^/]+)\/executions$/, 'list', ([id], r) => this.list(id, r.url)],
    ['GET', /^\/qflowapi\/v1\/executions\/([^/]+)$/, 'execution', ([id]) => this.one(id)],
    ['GET', /^\/qflowapi\/v1\/executions\/([^/]+)\/steps$/, 'steps', ([id], r) => this.steps(id, r.url)],
    [
      'GET',
      /^\/qflowapi\/v1\/executions\/([^/]+)\/steps\/([^/]+)\/(input|output)$/,
      'step-data',
      ([id, nodeId, kind], r) => this.stepData(id, decodeURIComponent(nodeId), kind as 'input' | 'output', r.url),
    ],
  ];

  private route(method: string, path: string): { endpoint: Endpoint; handler: Handler } | undefined {
    for (const [routeMethod, pattern, endpoint, answer] of this.routes) {
      const m = routeMethod === method ? pattern.exec(path) : null;
      if (m) return { endpoint, handler: (r) => answer(m.slice(1), r) };
    }
    return undefined;
  }

  private login({ body }: Request): Answer {
    const form = new URLSearchParams(body);
    const c = this.options.credentials ?? {};
    if (form.get('token') !== 'true' || !c.username || form.get('username') !== c.username || form.get('password') !== c.password) {
      return { status: 401, body: 'Invalid credentials' };
    }
    return { status: 201, body: this.issueToken() };
  }

  private loginOidc({ headers }: Request): Answer {
    const c = this.options.credentials ?? {};
    if (!c.clientId || headers.clientid !== c.clientId || headers.clientsecret !== c.clientSecret) {
      return { status: 401, body: { message: 'Invalid client credentials' } };
    }
    return { status: 200, body: this.issueToken() };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A workflow like the ones in the Qualys samples: a trigger, a cloud action and a notification. */
