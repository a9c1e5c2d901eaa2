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
 * 409, as the classic API documents [doc] (429, reported for the gateway [3p], is selectable). Whether a
 * blocked call counts is not documented [open]; it does not count here, since `X-RateLimit-ToWait-Sec`
 * would mislead if it did. A list serves the `pageSize` asked for, which the docs define as the number
 * of records in the answer [doc] without naming a largest one [open]; `maxPageSize` plays a server
 * that caps or refuses larger pages.
 */
import { createHash, randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimStep {
  nodeId: string;
  nodeType: string;
  /** The component's name in the workflow's definition; the node ID by default. */
  name?: string;
  /** The step's output; omit for a step that produced none (its output answers 404). */
  output?: unknown;
  input?: unknown;
  /** Instead of `output`: an output of about this many bytes, generated as it is sent. */
  outputBytes?: number;
  /** The step's status once the execution has ended; by default the execution's own final status. */
  status?: string;
  /** Instead of `output`: an answer that is plain text, not JSON (served as it is, whatever `parseJson` says). */
  outputText?: string;
  /**
   * The step's message once the execution has ended, served as `message` in the step list. The docs
   * show no such field [open]; gateways that explain a failed step may send one, so the client reads it.
   */
  message?: string;
}

export interface SimWorkflow {
  id: string;
  /** How long a new execution runs. */
  durationMs: number;
  /** Each new execution runs `durationMs` × (1 ± this fraction), drawn uniformly; 0 by default. */
  durationSpread?: number;
  /** The status it ends with. */
  finalStatus: string;
  /** The status an execution ends with, by what its run request carried; `finalStatus` by default. */
  finalStatusOf?: (request: { input?: unknown; variables?: Record<string, unknown> }) => string | undefined;
  /** The status it shows while it runs. */
  runningStatus?: string;
  steps: SimStep[];
  /** How long a new execution waits in QFlow's queue before it starts (drawn anew for each). */
  startDelayMs?: () => number;
  /**
   * The workflow's saved variables, as its definition lists them (`{key, value}`, values as lists);
   * by default AWS `credentials` and `region`.
   */
  variables?: { key: string; value: unknown[] }[];
}

export interface SimExecution {
  id: string;
  workflowId: string;
  createdAt: number;
  /** Queue time between creation and start. */
  startDelayMs: number;
  durationMs: number;
  finalStatus: string;
  runningStatus: string;
  /** What the run request carried. */
  request?: unknown;
  /** When it shows up in the execution list (the list is eventually consistent). */
  listedFrom: number;
}

export type Endpoint = 'auth' | 'oidc' | 'run' | 'list' | 'execution' | 'steps' | 'step-data' | 'workflow';

export type FaultAction =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Reads the request, acts on it (a run starts its execution), then drops the connection unanswered. */
  | { drop: true }
  /** Answers normally after this pause. */
  | { delayMs: number }
  /** A 200 whose body is not JSON. */
  | { malformed: true }
  /**
   * Answers `status` (200 by default) and then sends `body` (by default the endpoint's own answer) one
   * byte every `everyMs`, as a slow proxy does: no silence is ever long, but the answer never ends in
   * time. Gives up after a minute, so a test that forgot it cannot hang.
   */
  | { trickle: { everyMs: number; status?: number; body?: string } }
  /** Answers `echo` with a page that shows the request back, headers and body, as a debugging proxy does. */
  | { echo: number };

export interface Fault {
  endpoint: Endpoint;
  /** How many calls it hits; then the endpoint behaves again. */
  times: number;
  action: FaultAction;
}

export interface SimCredentials {
  token?: string;
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
}

export interface SimulatorOptions {
  workflows?: SimWorkflow[];
  credentials?: SimCredentials;
  /** Shape of the run answer: `message` (1.18 notes) or `data` (API guide). */
  runAnswer?: 'message' | 'data';
  /** Which paging parameter the list honours. */
  paging?: 'offset' | 'pageNumber' | 'none';
  /**
   * The largest page the lists send. The docs name none [open], so by default every size asked for
   * is served; beyond this one the server sends pages of this size (`cap`, with the total that says
   * there are more) or refuses the call with a 400 (`reject`).
   */
  maxPageSize?: number;
  pageSizeOverMax?: 'cap' | 'reject';
  /**
   * What the execution list does with its `query` (QQL, documented with the example `status:
   * Success`): `honour` (the default) lists only the executions whose status is the one named, as
   * written, and refuses any other QQL with a 400, the harder reading of a grammar the docs do not
   * give [open]; `ignore` lists as if there were none, as a gateway that does not know it; `reject`
   * refuses every query.
   */
  query?: 'honour' | 'ignore' | 'reject';
  /** A new execution appears in the list only after this long. */
  listDelayMs?: number;
  /** Answer step data as a JSON string whatever `parseJson` says (servers before 1.18). */
  legacyStepData?: boolean;
  /** A JWT issued by a login stops working after this many calls with it. */
  tokenCalls?: number;
  /** Lifetime written into the `exp` claim of issued JWTs. */
  tokenLifetimeSec?: number;
  /** The rate limit and its headers; false for a gateway that sends none. Default: 300 per 3600 s. */
  rateLimit?: false | RateLimit;
  /** Calls allowed at once per subscription, and their headers; false for none. Default: 2. */
  concurrencyLimit?: false | number;
  /**
   * Added to the time of every `/qflowapi` answer, during which the call counts as running: a fixed
   * time, or one drawn evenly between the two for each answer.
   */
  latencyMs?: number | [number, number];
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
}

export interface RateLimit {
  limit: number;
  windowSec: number;
  /** One count for all QFlow endpoints of a subscription (default), or one for each endpoint. */
  per?: 'subscription' | 'endpoint';
  /** How a call over the limit is answered. */
  blockedStatus?: 409 | 429;
}

/** Calls of other clients of a subscription, preloaded with `spend`. */
export interface Spending {
  /** The subscription spending: a token's own (see addToken), or 'default'. */
  subscription?: string;
  /** Spread evenly over this long before now; 0 puts them all at now. */
  overMs?: number;
  /** The other client keeps spending at the same pace from now on. */
  steady?: boolean;
  /** With `per: 'endpoint'`, the endpoint they count against. */
  endpoint?: Endpoint;
}

export interface RecordedCall {
  endpoint: Endpoint | 'unknown';
  /** Whose budget it counted against: the token's subscription. */
  subscription: string;
  method: string;
  path: string;
  query: Record<string, string>;
  at: number;
  status: number;
  /** The headers of the answer, as sent. */
  answerHeaders: Record<string, string>;
  authorization?: string;
}

const MAX_AGE_MS = 30 * 24 * 3600_000;
/**
 * The saved variables of a workflow that names none, as the API guide's sample of an AWS workflow lists
 * them (samples/workflow-details.json): all six system variables, those of the clouds it does not use
 * with an empty list, and no user-defined one (whether a definition lists those is [open]).
 */
export const DEFAULT_VARIABLES: { key: string; value: unknown[] }[] = [
  { key: 'region', value: ['us-east-1'] },
  { key: 'resourceGroup', value: [] },
  { key: 'project', value: [] },
  { key: 'credentials', value: ['@aa70acae-6ea8-3acf-b504-f327855b316a'] },
  { key: 'credentials_azure', value: [] },
  { key: 'credentials_gcp', value: [] },
];
/** The cloud variables of 1.18 and 1.19; `connectorId` (1.19) stands for any of the credentials ones. */
const CONNECTOR_VARIABLES = ['credentials', 'credentials_azure', 'credentials_gcp', 'connectorId'];
const CLOUD_VARIABLES = [...CONNECTOR_VARIABLES, 'region', 'resourceGroup', 'project', 'oci_region', 'compartment'];
/** The customer and the user the documented samples carry. */
const CUSTOMER_ID = '54f50897-26f3-c9af-83f9-e71459be70d9';
const CREATED_BY = ['created_by=0ffaf046-768b-79fc-83f6-aa25be52c2a1'];
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 300, windowSec: 3600 };
export const DEFAULT_CONCURRENCY_LIMIT = 2;
const DEFAULT_SUBSCRIPTION = 'default';

/** One subscription's use of the gateway: the calls in its rolling windows and the calls running now. */
class Meter {
  running = 0;
  private readonly windows = new Map<string, number[]>();
  private readonly steady = new Map<string, { next: number; everyMs: number }>();

  constructor(
    private readonly rate: RateLimit | undefined,
    private readonly concurrency: number | undefined,
  ) {}

  /** Admits a call or says why not; an admitted call counts. */
  admit(endpoint: Endpoint, now: number): 'admitted' | 'too-many-running' | 'rate-limited' {
    if (this.concurrency !== undefined && this.running > this.concurrency) return 'too-many-running';
    if (!this.rate) return 'admitted';
    const used = this.used(endpoint, now);
    if (used.length >= this.rate.limit) return 'rate-limited';
    used.push(now);
    return 'admitted';
  }

  headers(endpoint: Endpoint, now: number, blocked: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.rate) {
      const used = this.used(endpoint, now);
      const oldest = Math.min(...used);
      headers['X-RateLimit-Limit'] = String(this.rate.limit);
      headers['X-RateLimit-Window-Sec'] = String(this.rate.windowSec);
      headers['X-RateLimit-Remaining'] = String(Math.max(0, this.rate.limit - used.length));
      const rateBlocked = blocked && used.length >= this.rate.limit;
      headers['X-RateLimit-ToWait-Sec'] = rateBlocked ? String(Math.max(1, Math.ceil((oldest + this.rate.windowSec * 1000 - now) / 1000))) : '0';
    }
    if (this.concurrency !== undefined) {
      headers['X-Concurrency-Limit-Limit'] = String(this.concurrency);
      headers['X-Concurrency-Limit-Running'] = String(this.running);
    }
    return headers;
  }

  spend(calls: number, now: number, { overMs = 0, steady = false, endpoint = 'list' }: Spending): void {
    if (!this.rate || calls <= 0) return;
    const used = this.used(endpoint, now);
    for (let i = 0; i < calls; i++) used.push(now - overMs + (overMs * (i + 1)) / calls);
    if (steady) {
      const everyMs = (overMs || this.rate.windowSec * 1000) / calls;
      this.steady.set(this.key(endpoint), { next: now + everyMs, everyMs });
    }
  }

  private key(endpoint: Endpoint): string {
    return this.rate?.per === 'endpoint' ? endpoint : 'all';
  }

  /** The calls in the window now, the steady other client's included. */
  private used(endpoint: Endpoint, now: number): number[] {
    const key = this.key(endpoint);
    const windowMs = this.rate!.windowSec * 1000;
    const steady = this.steady.get(key);
    let used = this.windows.get(key) ?? [];
    // The steady client's calls since, each counted only if the window had room for it then: a
    // refused call does not count.
    for (; steady && steady.next <= now; steady.next += steady.everyMs) {
      const at = steady.next;
      used = used.filter((t) => t > at - windowMs);
      if (used.length < this.rate!.limit) used.push(at);
    }
    used = used.filter((t) => t > now - windowMs);
    this.windows.set(key, used);
    return used;
  }
}

export class QFlowSimulator {
  readonly calls: RecordedCall[] = [];
  readonly executions: SimExecution[] = [];
  private readonly workflows = new Map<string, SimWorkflow>();
  private readonly faults: Fault[] = [];
  private readonly tokens = new Map<string, number>();
  /** Tokens that belong to a subscription of their own (see addToken); any other is 'default'. */
  private readonly subscriptions = new Map<string, string>();
  private readonly meters = new Map<string, Meter>();
  private server?: http.Server;
  /** When the simulator was made: the sample workflows were saved before it. */
  private readonly startedAt = Date.now();
  url = '';

  constructor(readonly options: SimulatorOptions = {}) {
    for (const workflow of options.workflows ?? []) this.workflows.set(workflow.id, workflow);
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

  addWorkflow(workflow: SimWorkflow): void {
    this.workflows.set(workflow.id, workflow);
  }

  /** Scripts a fault for the next `times` calls of an endpoint. */
  addFault(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Adds an execution that already exists, such as a finished one for history. */
  addExecution(execution: Partial<SimExecution> & { workflowId: string }): SimExecution {
    const workflow = this.workflows.get(execution.workflowId);
    const full: SimExecution = {
      id: randomUUID(),
      createdAt: Date.now(),
      durationMs: workflow?.durationMs ?? 1000,
      finalStatus: workflow?.finalStatus ?? 'Success',
      runningStatus: workflow?.runningStatus ?? 'Running',
      listedFrom: 0,
      startDelayMs: 0,
      ...execution,
    };
    this.executions.push(full);
    return full;
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

  private route(method: string, path: string): { endpoint: Endpoint; handler: Handler } | undefined {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/auth') return { endpoint: 'auth', handler: (r) => this.login(r) };
    if (method === 'POST' && path === '/auth/oidc') return { endpoint: 'oidc', handler: (r) => this.loginOidc(r) };
    if (method === 'POST' && (m = /^\/qflowapi\/v1\/workflows\/([^/]+)\/run$/.exec(path))) {
      const id = m[1];
      return { endpoint: 'run', handler: (r) => this.run(id, r.body) };
    }
    if (method === 'GET' && (m = /^\/qflowapi\/v1\/workflows\/([^/]+)$/.exec(path))) {
      const id = m[1];
      return { endpoint: 'workflow', handler: () => this.details(id) };
    }
    if (method === 'GET' && (m = /^\/qflowapi\/v1\/workflows\/([^/]+)\/executions$/.exec(path))) {
      const id = m[1];
      return { endpoint: 'list', handler: (r) => this.list(id, r.url) };
    }
    if (method === 'GET' && (m = /^\/qflowapi\/v1\/executions\/([^/]+)$/.exec(path))) {
      const id = m[1];
      return { endpoint: 'execution', handler: () => this.one(id) };
    }
    if (method === 'GET' && (m = /^\/qflowapi\/v1\/executions\/([^/]+)\/steps$/.exec(path))) {
      const id = m[1];
      return { endpoint: 'steps', handler: (r) => this.steps(id, r.url) };
    }
    if (method === 'GET' && (m = /^\/qflowapi\/v1\/executions\/([^/]+)\/steps\/([^/]+)\/(input|output)$/.exec(path))) {
      const [, id, nodeId, kind] = m;
      return { endpoint: 'step-data', handler: (r) => this.stepData(id, decodeURIComponent(nodeId), kind as 'input' | 'output', r.url) };
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

  private run(workflowId: string, body: string): Answer {
    const workflow = this.workflows.get(workflowId);
    if (!workflow) return { status: 404, body: { message: `Workflow ${workflowId} not found` } };
    let request: { input?: unknown; variables?: Record<string, unknown> };
    try {
      request = body === '' ? {} : (JSON.parse(body) as typeof request);
    } catch {
      return { status: 400, body: { message: 'Malformed JSON body' } };
    }
    // "No variable field should be left blank" (1.18 notes): the harder reading refuses white space and an empty list too.
    const blank = Object.entries(request.variables ?? {}).find(
      ([, v]) => v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0),
    );
    if (blank) return { status: 400, body: { message: `Variable ${blank[0]} must not be blank` } };
    // 1.18: an override needs a value for every cloud variable the workflow uses, that is every one its
    // saved variables give a value; an empty slot is a cloud it does not use (the 1.18 notes' own example
    // overrides credentials, region and a user-defined name of an AWS workflow that lists all six).
    const given = Object.keys(request.variables ?? {});
    if (given.length > 0) {
      const missing = (workflow.variables ?? DEFAULT_VARIABLES)
        .filter((v) => CLOUD_VARIABLES.includes(v.key) && v.value.length > 0)
        .map((v) => v.key)
        .filter((key) => (CONNECTOR_VARIABLES.includes(key) ? !CONNECTOR_VARIABLES.some((c) => given.includes(c)) : !given.includes(key)));
      if (missing.length)
        return { status: 400, body: { message: `When overriding variables, every cloud variable needs a value: ${missing.join(', ')}` } };
    }
    const now = Date.now();
    const execution = this.addExecution({
      workflowId,
      createdAt: now,
      startDelayMs: workflow.startDelayMs?.() ?? 0,
      durationMs: workflow.durationMs * (1 + (workflow.durationSpread ?? 0) * (2 * Math.random() - 1)),
      finalStatus: workflow.finalStatusOf?.(request) ?? workflow.finalStatus,
      request,
      listedFrom: now + (this.options.listDelayMs ?? 0),
    });
    return this.options.runAnswer === 'data'
      ? { status: 200, body: { data: { executionId: execution.id, workflowId, forceRun: true, source: 'PUBLIC_API' } } }
      : { status: 200, body: { message: 'Workflow execution started', executionId: execution.id } };
  }

  /**
   * The workflow's details in the shape of samples/workflow-details.json: `{data: {id, …, revision,
   * definition}}`, `definition` a JSON string holding `variables[]` and `components[]` (qflow-api.md,
   * "Workflow details and its definition" [doc]). The trigger node's ID is `trigger`, as in the sample;
   * the others are the steps, chained by `next` and `previous`. Branches (a list in `next`) are [open]
   * and not served.
   */
  private details(workflowId: string): Answer {
    const workflow = this.workflows.get(workflowId);
    if (!workflow) return { status: 404, body: { message: `Workflow ${workflowId} not found` } };
    const trigger = workflow.steps.some((s) => s.nodeId === 'trigger') ? [] : [{ name: 'Trigger', nodeId: 'trigger', nodeType: 'trigger' }];
    const nodes = [...trigger, ...workflow.steps];
    const ids = nodes.map((s) => s.nodeId);
    const components = nodes.map((step, i) => ({
      name: step.name ?? step.nodeId,
      id: step.nodeId,
      type: step.nodeType,
      next: ids[i + 1] ?? null,
      previous: ids[i - 1] ?? null,
    }));
    const variables = workflow.variables ?? DEFAULT_VARIABLES;
    const data = {
      id: workflowId,
      createdAt: this.startedAt - 30 * 24 * 3600_000,
      updatedAt: this.startedAt - 24 * 3600_000,
      tags: CREATED_BY,
      workflow: workflowId,
      revision: '2765c0f1d3a94b7e8f2a6c5d4b3e2f1a0ee2',
      definition: JSON.stringify({ variables, components }),
    };
    return { status: 200, body: { data } };
  }

  private list(workflowId: string, url: URL): Answer {
    if (!this.workflows.has(workflowId)) return { status: 404, body: { message: `Workflow ${workflowId} not found` } };
    const now = Date.now();
    const q = url.searchParams;
    const startAt = q.has('startAt') ? Date.parse(q.get('startAt')!) : now - MAX_AGE_MS;
    const endAt = q.has('endAt') ? Date.parse(q.get('endAt')!) : now;
    if (Number.isNaN(startAt) || Number.isNaN(endAt)) return { status: 400, body: { message: 'startAt and endAt must be ISO 8601 dates' } };
    if (startAt < now - MAX_AGE_MS) return { status: 400, body: { message: 'startAt can only go back 30 days' } };
    const order = q.get('order') ?? 'createdAt';
    const sign = order.startsWith('-') ? -1 : 1;
    const status = this.queriedStatus(q.get('query'));
    if (typeof status === 'object') return status;
    const matching = this.executions
      .filter(
        (e) =>
          e.workflowId === workflowId && e.listedFrom <= now && e.createdAt >= startAt && e.createdAt <= endAt && e.createdAt >= now - MAX_AGE_MS,
      )
      .filter((e) => status === undefined || this.progress(e, now).status === status)
      .sort((a, b) => sign * (a.createdAt - b.createdAt));
    const pageSize = this.servedPageSize(Number(q.get('pageSize') ?? 10));
    if (typeof pageSize !== 'number') return pageSize;
    const paging = this.options.paging ?? 'offset';
    const from = paging === 'offset' ? Number(q.get('offset') ?? 0) : paging === 'pageNumber' ? (Number(q.get('pageNumber') ?? 1) - 1) * pageSize : 0;
    const items = matching.slice(from, from + pageSize).map((e) => this.listItem(e, now));
    return { status: 200, body: { total: String(matching.length), items } };
  }

  /** The status a list's `query` asks for, none, or the refusal of a query (see SimulatorOptions.query). */
  private queriedStatus(query: string | null): string | undefined | Answer {
    const handling = this.options.query ?? 'honour';
    if (query === null || handling === 'ignore') return undefined;
    const status = /^\s*status\s*:\s*(\S(?:.*\S)?)\s*$/.exec(query)?.[1];
    if (handling === 'reject' || status === undefined) return { status: 400, body: { message: `Invalid query: ${query}` } };
    return status;
  }

  /** The page size served for `asked`, or the refusal of a size beyond `maxPageSize`. */
  private servedPageSize(asked: number): number | Answer {
    const largest = this.options.maxPageSize;
    if (largest === undefined || asked <= largest) return asked;
    if (this.options.pageSizeOverMax === 'reject') return { status: 400, body: { message: `pageSize must be at most ${largest}` } };
    return largest;
  }

  /** A list item in the shape of the 1.18 release notes' sample (samples/execution-list.json). */
  private listItem(e: SimExecution, now: number): Record<string, unknown> {
    const { startDate, endDate, status, updatedAt } = this.progress(e, now);
    const variables = (e.request as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
    const text = (value: unknown, otherwise: string) => (typeof value === 'string' ? value : otherwise);
    const region = text(variables.region, 'us-east-1');
    const account = text(variables.connectorId ?? variables.credentials, 'aa70acae-6ea8-3acf-b504-f327855b316a');
    return {
      execution: e.id,
      workflow: e.workflowId,
      endDate,
      parDateKey: new Date(e.createdAt).toISOString().slice(0, 10) + 'T00:00:00.000Z',
      executionType: 'Simple',
      source: e.request ? 'PUBLIC_API' : 'UI',
      parentExecutionId: null,
      tags: CREATED_BY,
      createdAt: e.createdAt,
      customerId: CUSTOMER_ID,
      details: { executionEndDate: endDate },
      id: e.id,
      categories: {
        regions: [region],
        projects: [null],
        solutions: ['AWS Best Practices'],
        cloud_providers: ['AWS'],
        services: [],
        accounts: [`@${account.replace(/^@/, '')}`],
        resource_groups: [],
        apps: [],
      },
      startDate,
      linkedExecutionIds: null,
      updatedAt,
      status,
    };
  }

  /** Where an execution stands at `now`: an execution still in the queue has no start date yet. */
  private progress(e: SimExecution, now: number) {
    const started = now >= e.createdAt + e.startDelayMs;
    const ended = now >= endOf(e);
    const endDate = ended ? endOf(e) : null;
    return {
      startDate: started ? e.createdAt + e.startDelayMs : null,
      endDate,
      status: ended ? e.finalStatus : started ? e.runningStatus : 'Queued',
      updatedAt: ended ? endDate! : now,
    };
  }

  /** One execution in the shape of samples/execution-details.json. */
  private one(executionId: string): Answer {
    const e = this.executions.find((x) => x.id === executionId);
    if (!e) return { status: 404, body: { message: 'Execution not found' } };
    const { startDate, endDate, status, updatedAt } = this.progress(e, Date.now());
    const data = {
      id: e.id,
      createdAt: e.createdAt,
      updatedAt,
      tags: CREATED_BY,
      workflow: e.workflowId,
      execution: e.id,
      customerId: CUSTOMER_ID,
      status,
      startDate,
      endDate,
      details: { executionEndDate: endDate },
      linkedExecutionIds: null,
    };
    return { status: 200, body: { data } };
  }

  private stepsOf(executionId: string): { execution: SimExecution; steps: SimStep[] } | undefined {
    const execution = this.executions.find((x) => x.id === executionId);
    const workflow = execution && this.workflows.get(execution.workflowId);
    return execution && workflow ? { execution, steps: workflow.steps } : undefined;
  }

  private steps(executionId: string, url: URL): Answer {
    const found = this.stepsOf(executionId);
    if (!found) return { status: 404, body: { message: 'Execution not found' } };
    const { execution } = found;
    const ended = Date.now() >= endOf(execution);
    const startedAt = execution.createdAt + execution.startDelayMs;
    const each = execution.durationMs / Math.max(1, found.steps.length);
    // Items in the shape of samples/step-list.json: `id` a ULID of the step's own, `total` a number.
    const all = found.steps.map((s, i) => ({
      id: stepUlid(startedAt + i * each, execution.id, i),
      createdAt: Math.round(startedAt + i * each),
      updatedAt: Math.round(ended ? startedAt + (i + 1) * each : Date.now()),
      tags: CREATED_BY,
      customerId: CUSTOMER_ID,
      eventOrder: i + 1,
      nodeId: s.nodeId,
      execution: execution.id,
      nodeType: s.nodeType,
      status: ended ? (s.status ?? execution.finalStatus) : execution.runningStatus,
      ...(ended && s.message !== undefined ? { message: s.message } : {}),
    }));
    const pageSize = this.servedPageSize(Number(url.searchParams.get('pageSize') ?? 100));
    if (typeof pageSize !== 'number') return pageSize;
    const pageNumber = Number(url.searchParams.get('pageNumber') ?? 1);
    return { status: 200, body: { total: all.length, items: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) } };
  }

  private stepData(executionId: string, nodeId: string, kind: 'input' | 'output', url: URL): Answer {
    const step = this.stepsOf(executionId)?.steps.find((s) => s.nodeId === nodeId);
    if (!step) return { status: 404, body: { message: 'Step not found' } };
    if (kind === 'output' && step.outputBytes !== undefined) {
      const size = step.outputBytes;
      return {
        status: 200,
        *stream() {
          const chunk = 'x'.repeat(64 * 1024);
          yield '{"blob":"';
          for (let sent = 0; sent < size; sent += chunk.length) yield chunk.slice(0, Math.min(chunk.length, size - sent));
          yield '"}';
        },
      };
    }
    if (kind === 'output' && step.outputText !== undefined) return { status: 200, body: step.outputText, headers: { 'Content-Type': 'text/plain' } };
    const value = kind === 'output' ? step.output : step.input;
    if (value === undefined) return { status: 404, body: { message: `Step ${nodeId} has no ${kind}` } };
    const parse = url.searchParams.get('parseJson') === 'true' && !this.options.legacyStepData;
    return {
      status: 200,
      body: parse ? JSON.stringify(value) : JSON.stringify(JSON.stringify(value)),
      headers: { 'Content-Type': 'application/json' },
    };
  }
}

/** A ULID (26 characters of Crockford's base 32: 10 of time, 16 drawn from the execution and the step). */
function stepUlid(at: number, executionId: string, index: number): string {
  const digits = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let time = '';
  for (let t = Math.max(0, Math.floor(at)), i = 0; i < 10; i++, t = Math.floor(t / 32)) time = digits[t % 32] + time;
  const seed = createHash('sha256').update(`${executionId}/${index}`).digest();
  let rest = '';
  for (let i = 0; i < 16; i++) rest += digits[seed[i] % 32];
  return time + rest;
}

/** When an execution ends (epoch ms). */
export function endOf(e: SimExecution): number {
  return e.createdAt + e.startDelayMs + e.durationMs;
}

interface Request {
  url: URL;
  body: string;
  headers: http.IncomingHttpHeaders;
}

interface Answer {
  status: number;
  body?: string | object;
  headers?: Record<string, string>;
  stream?: () => Iterable<string>;
}

type Handler = (request: Request) => Answer;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A workflow like the ones in the Qualys samples: a trigger, a cloud action and a notification. */
export function sampleWorkflow(overrides: Partial<SimWorkflow> = {}): SimWorkflow {
  return {
    id: 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a',
    durationMs: 3000,
    finalStatus: 'Success',
    runningStatus: 'Running',
    steps: [
      {
        nodeId: 'node-e3a84822-workflow-trigger',
        nodeType: 'WorkflowTrigger',
        name: 'Receive the run request',
        input: { source: 'PUBLIC_API' },
        output: [{ source: 'WORKFLOW_TRIGGER', input: { bucketName: 'test-bucket-1' } }],
      },
      {
        nodeId: 'node-7c1d9e20-stop-instances',
        nodeType: 'AWS',
        name: 'Stop the exposed instances',
        input: { InstanceIds: ['i-0663d3f3e572608d5'], credentials: '********************' },
        output: { StoppingInstances: [{ InstanceId: 'i-0663d3f3e572608d5', CurrentState: { Code: 80, Name: 'stopped' } }] },
      },
      {
        nodeId: 'node-41b2aa07-notify',
        nodeType: 'Email',
        name: 'Notify the security team',
        output: { sent: true, recipients: 2 },
      },
    ],
    ...overrides,
  };
}
