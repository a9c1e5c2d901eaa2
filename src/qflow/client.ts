/**
 * The QFlow REST API (`/qflowapi/v1`), in the shapes the docs give. Where the docs disagree (two
 * answers to a run, two ways of paging, `total` as a string or a number) every documented shape is
 * accepted.
 */
import { createWriteStream } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { QFlowApiError, RunOutcomeUnknownError } from '../errors.js';
import type { ApiHttp } from './http.js';
import { iso, type Clock } from '../time.js';

const API = '/qflowapi/v1';

export interface ExecutionRecord {
  /** The execution UUID (`id`, or `execution` in the list items). */
  id: string;
  /** The status exactly as QFlow wrote it. */
  status: string;
  createdAt?: number;
  startDate?: number;
  endDate?: number;
  /** The item as QFlow sent it. */
  raw: Record<string, unknown>;
}

export interface StepRecord {
  nodeId: string;
  nodeType: string;
  status: string;
  eventOrder?: number;
}

export interface Page<T> {
  items: T[];
  /** How many there are in all, when the server says (the execution list sends it as a string). */
  total?: number;
  /** How many items the server sent, also those that could not be read; `items.length` when not given. */
  received?: number;
}

export interface ExecutionQuery {
  /** Only executions created at or after this instant (epoch ms); at most 30 days back. */
  startAt: number;
  endAt: number;
  /** `createdAt` oldest first, `-createdAt` newest first. */
  order: 'createdAt' | '-createdAt';
  pageSize: number;
  /** From 1. */
  pageNumber: number;
}

export type StepDataKind = 'input' | 'output';

export class QFlowClient {
  constructor(
    private readonly http: ApiHttp,
    private readonly clock: Clock,
  ) {}

  /** Starts an execution. Never repeated blindly: see ApiHttp for when the POST is retried. */
  async runWorkflow(workflowId: string, body: { input?: unknown; variables?: unknown }): Promise<string> {
    const sentAt = this.clock.now();
    const unknownOutcome = (what: string) =>
      new RunOutcomeUnknownError(
        `${what} An execution may have started: before running again, look in QFlow for an execution of workflow ${workflowId} created between ${iso(sentAt - 60_000)} and ${iso(this.clock.now() + 60_000)}. To wait for it, run this action with 'execution-id'. The action does not repeat the run itself, since that could start a second execution.`,
      );
    const mayHaveActed = 'It is unknown whether QFlow started an execution.';
    let answer: unknown;
    try {
      answer = await this.http.json({
        method: 'POST',
        path: `${API}/workflows/${workflowId}/run`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        purpose: `run workflow ${workflowId}`,
        unsafe: true,
        endpoint: 'run',
        hints: {
          404: workflowNotFound(workflowId),
          500: mayHaveActed,
          502: mayHaveActed,
          504: mayHaveActed,
        },
      });
    } catch (error) {
      if (error instanceof RunOutcomeUnknownError) throw unknownOutcome(error.message);
      if (error instanceof QFlowApiError && error.status !== undefined && (error.status >= 500 || error.status < 300)) {
        throw unknownOutcome(error.message);
      }
      throw error;
    }
    const executionId = readExecutionId(answer);
    if (executionId === undefined) {
      throw unknownOutcome(
        `QFlow accepted the run of workflow ${workflowId} but its answer names no execution ID: ${JSON.stringify(answer).slice(0, 300)}.`,
      );
    }
    return executionId;
  }

  async listExecutions(workflowId: string, query: ExecutionQuery, deadline?: number): Promise<Page<ExecutionRecord>> {
    const answer = await this.http.json({
      method: 'GET',
      path: `${API}/workflows/${workflowId}/executions`,
      query: {
        pageSize: query.pageSize,
        // The 1.18 notes page with `offset`, the API guide with `pageNumber` from 1: send both, so
        // whichever the server honours picks the same page.
        pageNumber: query.pageNumber,
        offset: (query.pageNumber - 1) * query.pageSize,
        startAt: new Date(query.startAt).toISOString(),
        endAt: new Date(query.endAt).toISOString(),
        order: query.order,
      },
      purpose: `list the executions of workflow ${workflowId}`,
      endpoint: 'executions',
      deadline,
      hints: {
        404: workflowNotFound(workflowId),
      },
    });
    const page = readPage(answer, `the executions of workflow ${workflowId}`);
    return { ...page, items: page.items.map(readExecution).filter((e): e is ExecutionRecord => e !== undefined) };
  }

  async listSteps(executionId: string, pageNumber: number, pageSize: number): Promise<Page<StepRecord>> {
    const answer = await this.http.json({
      method: 'GET',
      path: `${API}/executions/${executionId}/steps`,
      query: { pageSize, pageNumber, offset: (pageNumber - 1) * pageSize },
      purpose: `list the steps of execution ${executionId}`,
      endpoint: 'steps',
      hints: { 404: `Execution ${executionId} was not found (executions older than 30 days are no longer available).` },
    });
    const page = readPage(answer, `the steps of execution ${executionId}`);
    return { ...page, items: page.items.map(readStep).filter((s): s is StepRecord => s !== undefined) };
  }

  /**
   * Writes a step's input or output to `file` as JSON, streaming it so a large output is never held
   * in memory whole. Returns the size written.
   */
  async downloadStepData(executionId: string, nodeId: string, kind: StepDataKind, file: string): Promise<number> {
    const response = await this.http.send({
      method: 'GET',
      path: `${API}/executions/${executionId}/steps/${encodeURIComponent(nodeId)}/${kind}`,
      query: { parseJson: true },
      purpose: `fetch the ${kind} of step ${nodeId}`,
      endpoint: 'step-data',
      sink: () => createWriteStream(file),
      hints: { 404: `Step ${nodeId} of execution ${executionId} was not found, or it has no ${kind}.` },
    });
    return normalizeStepFile(file, response.bytes);
  }
}

function workflowNotFound(workflowId: string): string {
  return `Workflow ${workflowId} was not found: check 'workflow-id' and that the Qualys user can see the workflow.`;
}

/**
 * Servers before 1.18 ignore `parseJson=true` and send the value serialized as a JSON string; such
 * a file is decoded in place. An empty answer becomes `null`.
 */
async function normalizeStepFile(file: string, bytes: number): Promise<number> {
  if (bytes === 0) {
    await writeFile(file, 'null');
    return 4;
  }
  const head = Buffer.alloc(64);
  const handle = await open(file, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const first = head.toString('utf8').trimStart()[0];
  if (first !== '"') return bytes;
  const decoded = JSON.parse(await readFile(file, 'utf8')) as string;
  let value: unknown = decoded;
  try {
    value = JSON.parse(decoded);
  } catch {
    // A plain string output: keep it as a string.
  }
  const text = JSON.stringify(value);
  await writeFile(file, text);
  return Buffer.byteLength(text);
}

/** The run answer: `{executionId}` (1.18 notes) or `{data: {executionId}}` (API guide). */
export function readExecutionId(answer: unknown): string | undefined {
  const record = answer as { executionId?: unknown; data?: { executionId?: unknown; id?: unknown } } | null;
  const id = record?.executionId ?? record?.data?.executionId;
  return typeof id === 'string' && id.trim() !== '' ? id.trim().toLowerCase() : undefined;
}

/** `{total, items}`, wrapped in `data` or not; `total` may be a string ("9"). */
export function readPage(answer: unknown, what: string): Page<Record<string, unknown>> {
  const outer = answer as Record<string, unknown> | null;
  const body: unknown = outer && typeof outer === 'object' && 'data' in outer ? outer.data : outer;
  const items = Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.items;
  if (!Array.isArray(items)) {
    throw new QFlowApiError(`QFlow's answer for ${what} has no list of items: ${JSON.stringify(answer)?.slice(0, 300)}`);
  }
  const rawTotal = Array.isArray(body) ? undefined : (body as Record<string, unknown>).total;
  const total = typeof rawTotal === 'number' ? rawTotal : typeof rawTotal === 'string' && /^\d+$/.test(rawTotal) ? Number(rawTotal) : undefined;
  return { items: items.filter((i) => i !== null && typeof i === 'object') as Record<string, unknown>[], total, received: items.length };
}

/** An instant as QFlow writes it: epoch ms (number or digits) or an ISO 8601 string. */
export function readInstant(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    if (/^\d+$/.test(value.trim())) return Number(value);
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

export function readExecution(item: Record<string, unknown>): ExecutionRecord | undefined {
  const id = item.id ?? item.execution ?? item.executionId;
  if (typeof id !== 'string') return undefined;
  const details = item.details as Record<string, unknown> | undefined;
  return {
    id: id.toLowerCase(),
    status: typeof item.status === 'string' ? item.status : '',
    createdAt: readInstant(item.createdAt),
    startDate: readInstant(item.startDate) ?? readInstant(item.createdAt),
    endDate: readInstant(item.endDate) ?? readInstant(details?.executionEndDate),
    raw: item,
  };
}

function readStep(item: Record<string, unknown>): StepRecord | undefined {
  if (typeof item.nodeId !== 'string') return undefined;
  return {
    nodeId: item.nodeId,
    nodeType: typeof item.nodeType === 'string' ? item.nodeType : '',
    status: typeof item.status === 'string' ? item.status : '',
    eventOrder: typeof item.eventOrder === 'number' ? item.eventOrder : undefined,
  };
}
