/**
 * What the simulator is made of and told: workflows, executions and their steps, the faults a test
 * scripts, its options, the documented limits, and the calls it recorded.
 */
import type http from 'node:http';
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
  /** A node of the definition the execution never reaches (after a failed step): not in its step list. */
  notRun?: boolean;
}

export interface SimWorkflow {
  id: string;
  /** Its name in the workflow list; its ID by default. */
  name?: string;
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

export type Endpoint = 'auth' | 'oidc' | 'run' | 'workflows' | 'list' | 'execution' | 'steps' | 'step-data' | 'workflow';

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
  /** Why the gateway held the call back, when it did: its rate limit or its concurrency limit. */
  heldBack?: 'rate-limited' | 'too-many-running';
}

export const MAX_AGE_MS = 30 * 24 * 3600_000;
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
export const CONNECTOR_VARIABLES = ['credentials', 'credentials_azure', 'credentials_gcp', 'connectorId'];
export const CLOUD_VARIABLES = [...CONNECTOR_VARIABLES, 'region', 'resourceGroup', 'project', 'oci_region', 'compartment'];
/** The customer and the user the documented samples carry. */
export const CUSTOMER_ID = '54f50897-26f3-c9af-83f9-e71459be70d9';
export const CREATED_BY = ['created_by=0ffaf046-768b-79fc-83f6-aa25be52c2a1'];
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 300, windowSec: 3600 };
export const DEFAULT_CONCURRENCY_LIMIT = 2;
export const DEFAULT_SUBSCRIPTION = 'default';

export interface Request {
  url: URL;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface Answer {
  status: number;
  body?: string | object;
  headers?: Record<string, string>;
  stream?: () => Iterable<string>;
}

export type Handler = (request: Request) => Answer;

/** When an execution ends (epoch ms). */
export function endOf(e: SimExecution): number {
  return e.createdAt + e.startDelayMs + e.durationMs;
}

/** A workflow like the ones in the Qualys samples: a trigger, a cloud action and a notification. */
export function sampleWorkflow(overrides: Partial<SimWorkflow> = {}): SimWorkflow {
  return {
    id: 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a',
    name: 'Stop exposed EC2 instances',
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

/**
 * The sample workflow as a real failure reads: the trigger ran, one step failed with its error, the
 * one after it never ran (the demo's and the README picture's failing run).
 */
export function failingSampleWorkflow(overrides: Partial<SimWorkflow> = {}): SimWorkflow {
  const shape = sampleWorkflow();
  return sampleWorkflow({
    id: '0b5e3a5c-95f1-4a35-9a3e-6e2b1c0d9f10',
    name: 'Stop exposed EC2 instances (a connector without the permission)',
    finalStatus: 'Failed',
    steps: [
      { ...shape.steps[0], status: 'Success' },
      { ...shape.steps[1], status: 'Failed', message: 'UnauthorizedOperation: the connector may not stop instances in us-east-1' },
      { ...shape.steps[2], notRun: true },
    ],
    ...overrides,
  });
}
