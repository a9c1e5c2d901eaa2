/**
 * The documented answers (../shared/reference/samples/, kept here as fixtures/samples/) replayed through
 * the client exactly as the docs show them, and the simulator's default answers held to the same
 * shapes: every key of a sample is in the simulator's answer, with a value of the same kind.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { QFlowClient } from '../../src/qflow/client.js';
import { systemClock } from '../../src/time.js';
import { BUDGET_HEADERS, withSimulator } from '../support/e2e.js';
import type { Endpoint, QFlowSimulator } from '../../src/simulator/server.js';
import { testClient } from '../support/client.js';

const HERE = path.join(import.meta.dirname, '../fixtures/samples');
/** Beside a checkout, the reference the fixtures are copied from. */
const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/reference/samples');

async function sample(name: string): Promise<string> {
  return readFile(path.join(HERE, name), 'utf8');
}

function clientOf(sim: QFlowSimulator): QFlowClient {
  return testClient(sim.url, systemClock, { token: 'contract-token', requestTimeoutMs: 5000 });
}

/** The simulator answers `endpoint` once with the sample's text, as a gateway would send it. */
function serve(sim: QFlowSimulator, endpoint: Endpoint, body: string): void {
  sim.addFault({ endpoint, times: 1, action: { status: 200, body, headers: { 'Content-Type': 'application/json' } } });
}

/** The shape of a JSON value: objects by their keys, arrays by their first item, the rest by type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value === null ? 'null' : typeof value;
}

describe('the documented answers, replayed through the client', () => {
  it('are the reference files, unchanged', async () => {
    const files = (await readdir(HERE)).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'execution-details.json',
        'execution-list.json',
        'run-answer-guide.json',
        'run-answer-release-notes.json',
        'step-list.json',
        'workflow-details.json',
      ]),
    );
    // Where the reference sits beside the checkout (CI and every developer), the copies must match it.
    if (existsSync(REFERENCE)) {
      const reference = (await readdir(REFERENCE)).sort();
      expect(files).toEqual(reference);
      for (const file of reference) expect(await readFile(path.join(HERE, file), 'utf8')).toBe(await readFile(path.join(REFERENCE, file), 'utf8'));
    }
  });

  it('reads both run answers', () =>
    withSimulator({}, async (sim, workflow) => {
      const client = clientOf(sim);
      for (const file of ['run-answer-release-notes.json', 'run-answer-guide.json']) {
        serve(sim, 'run', await sample(file));
        await expect(client.runWorkflow(workflow.id, {})).resolves.toBe('497d0fe7-5c1e-4d2a-9b7f-3d90e904d1c5');
      }
    }));

  it('reads the execution list, total a string', () =>
    withSimulator({}, async (sim, workflow) => {
      serve(sim, 'list', await sample('execution-list.json'));
      const page = await clientOf(sim).listExecutions(workflow.id, {
        startAt: Date.now() - 3600_000,
        endAt: Date.now(),
        order: '-createdAt',
        pageSize: 50,
        pageNumber: 1,
      });
      expect(page.total).toBe(9);
      expect(page.items.map((e) => [e.id, e.status, e.endDate! - e.startDate!])).toEqual([
        ['e5d57d53-79db-4840-a7a0-10d0cb1d8020', 'Success', 23713],
        ['6ad5f333-c4ad-4008-b0d3-caab170d130b', 'Success', 24453],
      ]);
    }));

  it('reads the execution details (the one execution a fleet hides from a small page), wrapped in data', () =>
    withSimulator({}, async (sim) => {
      serve(sim, 'execution', await sample('execution-details.json'));
      await expect(clientOf(sim).getExecution('0e71f117-8a4b-4c59-9d3e-2b6f1c0a7e55')).resolves.toMatchObject({
        id: '0e71f117-8a4b-4c59-9d3e-2b6f1c0a7e55',
        status: 'Success',
        createdAt: 1746007562042,
        startDate: 1746007562041,
        endDate: 1746007633052,
      });
    }));

  it("reads the workflow's details: all six system variables, the unused clouds' empty, and its nodes", () =>
    withSimulator({}, async (sim, workflow) => {
      serve(sim, 'workflow', await sample('workflow-details.json'));
      const definition = await clientOf(sim).getWorkflow(workflow.id);
      expect(definition.variables).toEqual([
        { name: 'region', hasValue: true },
        { name: 'resourceGroup', hasValue: false },
        { name: 'project', hasValue: false },
        { name: 'credentials', hasValue: true },
        { name: 'credentials_azure', hasValue: false },
        { name: 'credentials_gcp', hasValue: false },
      ]);
      expect(definition.components.map((c) => [c.id, c.name, c.next, c.previous])).toEqual([
        ['trigger', 'Trigger', ['node-6748e0e3-resource'], []],
        ['node-6748e0e3-resource', 'Resource', [], ['trigger']],
      ]);
    }));

  it('reads the step list, total a number', () =>
    withSimulator({}, async (sim) => {
      serve(sim, 'steps', await sample('step-list.json'));
      const page = await clientOf(sim).listSteps('0e72b4a1-abea-45b2-9ae9-91cd87506404', 1, 100);
      expect(page.total).toBe(6);
      expect(page.items).toEqual([
        expect.objectContaining({ nodeId: 'node-e3a84822-qualysevent', nodeType: 'qualysevent', status: 'Success', eventOrder: 2 }),
      ]);
    }));
});

describe("the simulator's default answers", () => {
  async function answer(sim: QFlowSimulator, pathAndQuery: string, init: RequestInit = {}): Promise<{ body: unknown; headers: Headers }> {
    const response = await fetch(`${sim.url}${pathAndQuery}`, { ...init, headers: { Authorization: 'Bearer sim', ...init.headers } });
    expect(response.status).toBe(200);
    return { body: await response.json(), headers: response.headers };
  }

  it('have the shapes of the documented ones, with the rate-limit and concurrency headers', () =>
    withSimulator({ credentials: { token: 'sim' }, listDelayMs: 0 }, async (sim, workflow) => {
      const run = await answer(sim, `/qflowapi/v1/workflows/${workflow.id}/run`, { method: 'POST', body: '{}' });
      expect(shape(run.body)).toEqual(shape(JSON.parse(await sample('run-answer-release-notes.json'))));
      const id = (run.body as { executionId: string }).executionId;
      await new Promise((r) => setTimeout(r, workflow.durationMs + 100));

      const checks: [string, string][] = [
        [`/qflowapi/v1/workflows/${workflow.id}`, 'workflow-details.json'],
        [`/qflowapi/v1/workflows/${workflow.id}/executions?pageSize=10`, 'execution-list.json'],
        [`/qflowapi/v1/executions/${id}`, 'execution-details.json'],
        [`/qflowapi/v1/executions/${id}/steps`, 'step-list.json'],
      ];
      for (const [url, file] of checks) {
        const { body, headers } = await answer(sim, url);
        expect({ url, shape: shape(body) }).toEqual({ url, shape: shape(JSON.parse(await sample(file))) });
        for (const name of BUDGET_HEADERS) {
          expect({ url, name, value: headers.get(name) }).toEqual({ url, name, value: expect.stringMatching(/^\d+$/) });
        }
      }
      // The definition, a JSON string, in the sample's shape too: the six system variables of an AWS workflow.
      const details = (await answer(sim, `/qflowapi/v1/workflows/${workflow.id}`)).body as { data: { definition: string } };
      const documented = JSON.parse(await sample('workflow-details.json')) as { data: { definition: string } };
      expect(shape(JSON.parse(details.data.definition))).toEqual(shape(JSON.parse(documented.data.definition)));
      expect((JSON.parse(details.data.definition) as { variables: unknown[] }).variables).toEqual(
        (JSON.parse(documented.data.definition) as { variables: unknown[] }).variables,
      );
    }));

  it('hold back a third call while two run (409, the concurrency limit) and any call past the rate limit (409, Remaining 0), saying which', () =>
    withSimulator({ credentials: { token: 'sim' }, rateLimit: { limit: 3, windowSec: 60 }, latencyMs: 300 }, async (sim, workflow) => {
      const list = () => fetch(`${sim.url}/qflowapi/v1/workflows/${workflow.id}/executions`, { headers: { Authorization: 'Bearer sim' } });
      const three = await Promise.all([list(), list(), list()]);
      expect(three.map((r) => r.status).sort()).toEqual([200, 200, 409]);
      const late = await list();
      expect(late.status).toBe(200);
      const spent = await list();
      expect(spent.status).toBe(409);
      expect(spent.headers.get('X-RateLimit-Remaining')).toBe('0');
      expect(sim.calls.map((c) => c.heldBack ?? 'admitted')).toEqual(expect.arrayContaining(['too-many-running', 'rate-limited', 'admitted']));
      expect(sim.calls.filter((c) => c.heldBack === 'too-many-running')).toHaveLength(1);
      expect(sim.calls[sim.calls.length - 1].heldBack).toBe('rate-limited');
    }));

  it("list the workflows (where the README sends a user for a workflow's ID), with the budget headers", () =>
    withSimulator({ credentials: { token: 'sim' } }, async (sim, workflow) => {
      const { body, headers } = await answer(sim, '/qflowapi/v1/workflows?pageSize=10&pageNumber=1');
      expect(body).toEqual({ total: '1', items: [expect.objectContaining({ id: workflow.id, name: expect.any(String) })] });
      for (const name of BUDGET_HEADERS) expect({ name, value: headers.get(name) }).toEqual({ name, value: expect.stringMatching(/^\d+$/) });
      expect((await answer(sim, '/qflowapi/v1/workflows?pageSize=10&pageNumber=2')).body).toEqual({ total: '1', items: [] });
    }));

  it('serve the API guide run answer when asked', () =>
    withSimulator({ credentials: { token: 'sim' }, runAnswer: 'data' }, async (sim, workflow) => {
      const run = await answer(sim, `/qflowapi/v1/workflows/${workflow.id}/run`, { method: 'POST', body: '{}' });
      expect(shape(run.body)).toEqual(shape(JSON.parse(await sample('run-answer-guide.json'))));
    }));
});
