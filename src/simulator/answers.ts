/**
 * QFlow as the Qualys docs describe its answers: the workflows and their executions, run on a real
 * clock, and the answers of the run call, the workflow's definition, the execution list, one
 * execution, its steps and a step's input or output, in the documented shapes and their variants.
 * The gateway around it (login, limits, faults, the HTTP server) is server.ts's.
 */
import { randomUUID } from 'node:crypto';
import {
  CLOUD_VARIABLES,
  CONNECTOR_VARIABLES,
  CREATED_BY,
  CUSTOMER_ID,
  DEFAULT_VARIABLES,
  MAX_AGE_MS,
  endOf,
  type Answer,
  type SimExecution,
  type SimStep,
  type SimWorkflow,
  type SimulatorOptions,
} from './model.js';
import { stepData, stepList } from './step-answers.js';

export class SimulatedQFlow {
  readonly executions: SimExecution[] = [];

  protected readonly workflows = new Map<string, SimWorkflow>();

  /** When the simulator was made: the sample workflows were saved before it. */
  protected readonly startedAt = Date.now();

  constructor(readonly options: SimulatorOptions = {}) {
    for (const workflow of options.workflows ?? []) this.workflows.set(workflow.id, workflow);
  }

  addWorkflow(workflow: SimWorkflow): void {
    this.workflows.set(workflow.id, workflow);
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
    // QFlow's dates are whole epoch milliseconds: a drawn duration must not make them fractions.
    full.createdAt = Math.round(full.createdAt);
    full.durationMs = Math.round(full.durationMs);
    full.startDelayMs = Math.round(full.startDelayMs);
    this.executions.push(full);
    return full;
  }

  protected run(workflowId: string, body: string): Answer {
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
  protected details(workflowId: string): Answer {
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

  /**
   * The workflow list (`GET /workflows`, where a user finds a workflow's ID). The docs name its
   * parameters (`pageSize`, `pageNumber`, `query`, `order`) but show no answer [open]: it is served in
   * the execution list's documented shape, `total` a string and the items newest first, paged by
   * `pageNumber` as that list's API guide pages. `query` and the date window are not applied here.
   */
  protected workflowList(url: URL): Answer {
    const q = url.searchParams;
    const pageSize = this.servedPageSize(Number(q.get('pageSize') ?? 10));
    if (typeof pageSize !== 'number') return pageSize;
    const all = [...this.workflows.values()];
    const from = (Number(q.get('pageNumber') ?? 1) - 1) * pageSize;
    const items = all.slice(from, from + pageSize).map((w) => ({
      id: w.id,
      name: w.name ?? w.id,
      createdAt: this.startedAt - 30 * 24 * 3600_000,
      updatedAt: this.startedAt - 24 * 3600_000,
      tags: CREATED_BY,
    }));
    return { status: 200, body: { total: String(all.length), items } };
  }

  protected list(workflowId: string, url: URL): Answer {
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
  protected queriedStatus(query: string | null): string | undefined | Answer {
    const handling = this.options.query ?? 'honour';
    if (query === null || handling === 'ignore') return undefined;
    const status = /^\s*status\s*:\s*(\S(?:.*\S)?)\s*$/.exec(query)?.[1];
    if (handling === 'reject' || status === undefined) return { status: 400, body: { message: `Invalid query: ${query}` } };
    return status;
  }

  /** The page size served for `asked`, or the refusal of a size beyond `maxPageSize`. */
  protected servedPageSize(asked: number): number | Answer {
    const largest = this.options.maxPageSize;
    if (largest === undefined || asked <= largest) return asked;
    if (this.options.pageSizeOverMax === 'reject') return { status: 400, body: { message: `pageSize must be at most ${largest}` } };
    return largest;
  }

  /** A list item in the shape of the 1.18 release notes' sample (samples/execution-list.json). */
  protected listItem(e: SimExecution, now: number): Record<string, unknown> {
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
  protected progress(e: SimExecution, now: number) {
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
  protected one(executionId: string): Answer {
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

  protected stepsOf(executionId: string): { execution: SimExecution; steps: SimStep[] } | undefined {
    const execution = this.executions.find((x) => x.id === executionId);
    const workflow = execution && this.workflows.get(execution.workflowId);
    return execution && workflow ? { execution, steps: workflow.steps.filter((s) => !s.notRun) } : undefined;
  }

  protected steps(executionId: string, url: URL): Answer {
    const found = this.stepsOf(executionId);
    if (!found) return { status: 404, body: { message: 'Execution not found' } };
    const pageSize = this.servedPageSize(Number(url.searchParams.get('pageSize') ?? 100));
    if (typeof pageSize !== 'number') return pageSize;
    return stepList(found.execution, found.steps, pageSize, Number(url.searchParams.get('pageNumber') ?? 1), Date.now());
  }

  protected stepData(executionId: string, nodeId: string, kind: 'input' | 'output', url: URL): Answer {
    const step = this.stepsOf(executionId)?.steps.find((s) => s.nodeId === nodeId);
    if (!step) return { status: 404, body: { message: 'Step not found' } };
    return stepData(step, kind, url.searchParams.get('parseJson') === 'true' && !this.options.legacyStepData);
  }
}
