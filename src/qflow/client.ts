/**
 * The QFlow REST API (`/qflowapi/v1`), in the shapes the docs give. Where the docs disagree (two
 * answers to a run, two ways of paging, `total` as a string or a number) every documented shape is
 * accepted.
 */
import { createWriteStream } from 'node:fs';
import { QFlowApiError, RunCancelledError, RunOutcomeUnknownError } from '../errors.js';
import { isNodeId, isUuid, plainText } from './forms.js';
import { excerpt, type ApiHttp } from './http.js';
import { normalizeStepFile, type StepFile } from './step-data.js';
import { readDefinition, type WorkflowDefinition } from './definition.js';
import { iso, type Clock } from '../time.js';
import { Input, type SettingNames } from '../names.js';

const API = '/qflowapi/v1';

/** How far back the execution list may reach (QFlow 1.18 release notes). */
export const EXECUTION_LIST_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

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
  /** When the step started and ended (epoch ms), where the step list says. */
  startedAt?: number;
  endedAt?: number;
  /** The step's last change (epoch ms): its end, once the execution has ended. */
  updatedAt?: number;
  /** The step's own message (a failed step's error), where the step list gives one. */
  message?: string;
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
  /** QQL that the executions listed match, e.g. `status: Success` (the list's documented `query`). */
  query?: string;
}

export type StepDataKind = 'input' | 'output';

/** The most a step's input or output may weigh: a larger one is left out with a warning. */
export const MAX_STEP_DATA_BYTES = 256 * 1024 * 1024;

export class QFlowClient {
  constructor(
    private readonly http: ApiHttp,
    private readonly clock: Clock,
    /** How the front-end names its settings, for the hints about them. */
    private readonly names: SettingNames,
  ) {}

  /**
   * Starts an execution. Never repeated blindly: see ApiHttp for when the POST is retried. A call
   * that would have to wait past `deadline` is not sent (DeadlineError: nothing started).
   */
  async runWorkflow(workflowId: string, body: { input?: unknown; variables?: unknown }, deadline?: number): Promise<string> {
    const sentAt = this.clock.now();
    const unknownOutcome = (what: string) =>
      new RunOutcomeUnknownError(
        `${what} An execution may have started: before running again, look in QFlow for an execution of workflow ${workflowId} created between ${iso(sentAt - 60_000)} and ${iso(this.clock.now() + 60_000)}. To wait for it, run again with ${this.names.of(Input.ExecutionId)}. The run call is not repeated by itself, since that could start a second execution.`,
      );
    const mayHaveActed = 'It is unknown whether QFlow started an execution.';
    let answer: unknown;
    try {
      answer = await this.http.json({
        method: 'POST',
        path: `${API}/workflows/${workflowId}/run`,
        headers: { 'Content-Type': 'application/json' },
        // Only the documented fields: a request may carry more for the report (a matrix item's label).
        body: JSON.stringify({ input: body.input, variables: body.variables }),
        purpose: `run workflow ${workflowId}`,
        unsafe: true,
        endpoint: 'run',
        deadline,
        hints: {
          404: workflowNotFound(workflowId, this.names),
          500: mayHaveActed,
          502: mayHaveActed,
          504: mayHaveActed,
        },
      });
    } catch (error) {
      if (error instanceof RunCancelledError) throw new RunCancelledError(unknownOutcome(error.message).message);
      if (error instanceof RunOutcomeUnknownError) throw unknownOutcome(error.message);
      if (error instanceof QFlowApiError && error.status !== undefined && (error.status >= 500 || error.status < 300)) {
        throw unknownOutcome(error.message);
      }
      throw error;
    }
    const executionId = readExecutionId(answer);
    if (executionId === undefined) {
      // Not the documented answer: an ID that is not a UUID never becomes a URL, a file name or an output.
      throw unknownOutcome(
        `QFlow accepted the run of workflow ${workflowId} but its answer is not the documented one (an execution ID that is a UUID): ${excerpt(JSON.stringify(answer) ?? '')}.`,
      );
    }
    return executionId;
  }

  /** The workflow's definition: its variables and its nodes (see definition.ts). */
  async getWorkflow(workflowId: string, deadline?: number): Promise<WorkflowDefinition> {
    const answer = await this.http.json({
      method: 'GET',
      path: `${API}/workflows/${workflowId}`,
      purpose: `read the definition of workflow ${workflowId}`,
      endpoint: 'workflow',
      deadline,
      hints: { 404: workflowNotFound(workflowId, this.names) },
    });
    return readDefinition(answer);
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
        ...(query.query === undefined ? {} : { query: query.query }),
      },
      purpose: `list the executions of workflow ${workflowId}`,
      endpoint: 'executions',
      deadline,
      hints: {
        404: workflowNotFound(workflowId, this.names),
      },
    });
    const page = readPage(answer, `the executions of workflow ${workflowId}`);
    return { ...page, items: page.items.map(readExecution).filter((e): e is ExecutionRecord => e !== undefined) };
  }

  /**
   * One execution by its ID (`GET /executions/{executionId}`, the answer wrapped in `data` as documented;
   * a bare record is read alike). Its status and its creation as QFlow wrote it, in one call whatever
   * the size of the fleet around it in the execution list.
   */
  async getExecution(executionId: string, deadline?: number): Promise<ExecutionRecord> {
    const answer = await this.http.json({
      method: 'GET',
      path: `${API}/executions/${executionId}`,
      purpose: `read execution ${executionId}`,
      endpoint: 'execution',
      deadline,
    });
    const wrapped = isRecord(answer) && isRecord(answer.data) ? answer.data : answer;
    const record = isRecord(wrapped) ? readExecution(wrapped) : undefined;
    if (record === undefined || record.id !== executionId.toLowerCase()) {
      throw new QFlowApiError(
        `Could not read execution ${executionId}: QFlow's answer is not the documented one (the execution with that ID): ${excerpt(JSON.stringify(answer) ?? '')}.`,
      );
    }
    return record;
  }

  async listSteps(executionId: string, pageNumber: number, pageSize: number, deadline?: number): Promise<Page<StepRecord>> {
    const answer = await this.http.json({
      method: 'GET',
      path: `${API}/executions/${executionId}/steps`,
      query: { pageSize, pageNumber, offset: (pageNumber - 1) * pageSize },
      purpose: `list the steps of execution ${executionId}`,
      endpoint: 'steps',
      deadline,
      hints: { 404: `Execution ${executionId} was not found (executions older than 30 days are no longer available).` },
    });
    const page = readPage(answer, `the steps of execution ${executionId}`);
    return { ...page, items: page.items.map(readStep).filter((s): s is StepRecord => s !== undefined) };
  }

  /**
   * Writes a step's input or output to `file` as JSON, streaming it so a large output is never held
   * in memory whole (see step-data.ts). `scrub` may change a value small enough to parse.
   */
  async downloadStepData(
    executionId: string,
    nodeId: string,
    kind: StepDataKind,
    file: string,
    options: { deadline?: number; scrub?: (value: unknown) => unknown } = {},
  ): Promise<StepFile> {
    const response = await this.http.send({
      method: 'GET',
      path: `${API}/executions/${executionId}/steps/${encodeURIComponent(nodeId)}/${kind}`,
      query: { parseJson: true },
      purpose: `fetch the ${kind} of step ${nodeId}`,
      endpoint: 'step-data',
      sink: () => createWriteStream(file),
      maxSinkBytes: MAX_STEP_DATA_BYTES,
      deadline: options.deadline,
      hints: { 404: `Step ${nodeId} of execution ${executionId} was not found, or it has no ${kind}.` },
    });
    return normalizeStepFile(file, response.bytes, options.scrub);
  }
}

function workflowNotFound(workflowId: string, names: SettingNames): string {
  return `Workflow ${workflowId} was not found: check ${names.of(Input.WorkflowId)} and that the Qualys user can see the workflow.`;
}

/** The run answer: `{executionId}` (1.18 notes) or `{data: {executionId}}` (API guide); a UUID, or undefined. */
export function readExecutionId(answer: unknown): string | undefined {
  const record = (answer !== null && typeof answer === 'object' ? answer : {}) as { executionId?: unknown; data?: unknown };
  const data = (record.data !== null && typeof record.data === 'object' ? record.data : {}) as { executionId?: unknown };
  const id = record.executionId ?? data.executionId;
  return isUuid(typeof id === 'string' ? id.trim() : id) ? (id as string).trim().toLowerCase() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `{total, items}`, wrapped in `data` or not; `total` may be a string ("9"). */
export function readPage(answer: unknown, what: string): Page<Record<string, unknown>> {
  const outer = answer as Record<string, unknown> | null;
  const body: unknown = outer && typeof outer === 'object' && 'data' in outer ? outer.data : outer;
  const items = Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.items;
  if (!Array.isArray(items)) {
    throw new QFlowApiError(`QFlow's answer for ${what} has no list of items: ${excerpt(JSON.stringify(answer) ?? '')}`);
  }
  const rawTotal = Array.isArray(body) ? undefined : (body as Record<string, unknown>).total;
  const total =
    typeof rawTotal === 'number' && Number.isSafeInteger(rawTotal) && rawTotal >= 0
      ? rawTotal
      : typeof rawTotal === 'string' && /^\d{1,15}$/.test(rawTotal)
        ? Number(rawTotal)
        : undefined;
  return { items: items.filter((i) => i !== null && typeof i === 'object') as Record<string, unknown>[], total, received: items.length };
}

/** The range of a JavaScript Date: an instant beyond it cannot be written as ISO 8601. */
const LATEST_INSTANT = 8.64e15;

/** An instant as QFlow writes it: epoch ms (number or digits) or an ISO 8601 string; undefined for anything else. */
export function readInstant(value: unknown): number | undefined {
  let instant: number | undefined;
  if (typeof value === 'number') instant = value;
  else if (typeof value === 'string' && value.trim() !== '') instant = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
  return instant !== undefined && Number.isFinite(instant) && Math.abs(instant) <= LATEST_INSTANT ? instant : undefined;
}

/** A list item, or undefined when its ID is not a UUID (an item like that cannot be the one waited for). */
export function readExecution(item: Record<string, unknown>): ExecutionRecord | undefined {
  const id = item.id ?? item.execution ?? item.executionId;
  if (!isUuid(id)) return undefined;
  const details = (item.details !== null && typeof item.details === 'object' ? item.details : {}) as Record<string, unknown>;
  return {
    id: id.toLowerCase(),
    status: plainText(item.status),
    createdAt: readInstant(item.createdAt),
    startDate: readInstant(item.startDate) ?? readInstant(item.createdAt),
    endDate: readInstant(item.endDate) ?? readInstant(details.executionEndDate),
    raw: item,
  };
}

/** A step, or undefined when its node ID is not of the documented form (it would go into URLs and outputs). */
export function readStep(item: Record<string, unknown>): StepRecord | undefined {
  if (!isNodeId(item.nodeId)) return undefined;
  return {
    nodeId: item.nodeId,
    nodeType: plainText(item.nodeType),
    status: plainText(item.status),
    eventOrder: typeof item.eventOrder === 'number' && Number.isFinite(item.eventOrder) ? item.eventOrder : undefined,
    // The documented step list gives only `createdAt` and `updatedAt` (samples/step-list.json): the step
    // began when QFlow created it, and its last change is its end once the execution has ended (what
    // the fields mean is [open]; a start or end of its own, where a gateway sends one, wins).
    startedAt: readInstant(item.startDate ?? item.startTime ?? item.startedAt ?? item.createdAt),
    endedAt: readInstant(item.endDate ?? item.endTime ?? item.endedAt),
    updatedAt: readInstant(item.updatedAt),
    message: plainText(item.message ?? item.error ?? item.errorMessage, 300) || undefined,
  };
}
