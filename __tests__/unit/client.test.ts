import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RunOutcomeUnknownError } from '../../src/errors.js';
import { MAX_STEP_DATA_BYTES, readExecution, readInstant, readPage } from '../../src/qflow/client.js';
import { FakeClock } from '../support/fake-clock.js';
import { testClient } from '../support/client.js';

const GATEWAY = 'https://gateway.qg1.apps.qualys.com';
const WF = 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a';
const EX = 'e5d57d53-79db-4840-a7a0-10d0cb1d8020';

beforeAll(() => nock.disableNetConnect());
// Each test file loads its own nock; unpatch http so the next file's nock is the only one.
afterAll(() => nock.restore());
afterEach(() => nock.cleanAll());

function qflow() {
  const clock = new FakeClock();
  return testClient(GATEWAY, clock);
}

describe('runWorkflow', () => {
  it('posts input and variables and reads the 1.18 answer', async () => {
    const scope = nock(GATEWAY, { reqheaders: { authorization: 'Bearer jwt', 'content-type': 'application/json' } })
      .post(`/qflowapi/v1/workflows/${WF}/run`, { input: { bucketName: 'b' }, variables: { region: 'us-east-1' } })
      .reply(200, { message: 'Workflow execution started', executionId: EX });
    await expect(qflow().runWorkflow(WF, { input: { bucketName: 'b' }, variables: { region: 'us-east-1' } })).resolves.toBe(EX);
    scope.done();
  });

  it('reads the API guide answer, wrapped in data', async () => {
    nock(GATEWAY)
      .post(`/qflowapi/v1/workflows/${WF}/run`)
      .reply(201, { data: { executionId: EX.toUpperCase(), workflowId: WF, forceRun: true } });
    await expect(qflow().runWorkflow(WF, {})).resolves.toBe(EX);
  });

  it('leaves out what was not given', async () => {
    const scope = nock(GATEWAY)
      .post(`/qflowapi/v1/workflows/${WF}/run`, (body) => JSON.stringify(body) === '{}')
      .reply(200, { executionId: EX });
    await qflow().runWorkflow(WF, { input: undefined, variables: undefined });
    scope.done();
  });

  it('says an execution may have started when the answer names none', async () => {
    nock(GATEWAY).post(`/qflowapi/v1/workflows/${WF}/run`).reply(200, { message: 'ok' });
    const error = (await qflow()
      .runWorkflow(WF, {})
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(RunOutcomeUnknownError);
    expect(error.message).toMatch(
      /is not the documented one \(an execution ID that is a UUID\): \{"message":"ok"\}\. An execution may have started: before running again, look in QFlow for an execution of workflow f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a created between 2026-11-28T09:59:00.000Z and 2026-11-28T10:01:00.000Z/,
    );
  });

  it('says an execution may have started after a 500', async () => {
    nock(GATEWAY).post(`/qflowapi/v1/workflows/${WF}/run`).reply(500, { message: 'internal' });
    await expect(qflow().runWorkflow(WF, {})).rejects.toThrow(
      /HTTP 500. It is unknown whether QFlow started an execution.*An execution may have started/,
    );
  });

  it('names the workflow on a 404', async () => {
    nock(GATEWAY).post(`/qflowapi/v1/workflows/${WF}/run`).reply(404, { message: 'Not found' });
    await expect(qflow().runWorkflow(WF, {})).rejects.toThrow(`Workflow ${WF} was not found: check 'workflow-id'`);
  });
});

describe('listExecutions', () => {
  it('asks for a window, an order and a page in both paging styles, and reads total as a string', async () => {
    const item = {
      execution: EX,
      id: EX,
      workflow: WF,
      status: 'Success',
      createdAt: 1745233971431,
      startDate: 1745233971431,
      endDate: 1745233995144,
    };
    const scope = nock(GATEWAY)
      .get(`/qflowapi/v1/workflows/${WF}/executions`)
      .query({
        pageSize: '50',
        pageNumber: '3',
        offset: '100',
        startAt: '2025-04-20T01:45:36.220Z',
        endAt: '2025-05-12T01:45:36.220Z',
        order: 'createdAt',
      })
      .reply(200, { total: '9', items: [item] });
    const page = await qflow().listExecutions(WF, {
      startAt: Date.parse('2025-04-20T01:45:36.220Z'),
      endAt: Date.parse('2025-05-12T01:45:36.220Z'),
      order: 'createdAt',
      pageSize: 50,
      pageNumber: 3,
    });
    scope.done();
    expect(page.total).toBe(9);
    expect(page.items[0]).toMatchObject({ id: EX, status: 'Success', startDate: 1745233971431, endDate: 1745233995144 });
  });

  it('explains a 404 in the words of the inputs', async () => {
    nock(GATEWAY).get(`/qflowapi/v1/workflows/${WF}/executions`).query(true).reply(404, {});
    await expect(qflow().listExecutions(WF, { startAt: 0, endAt: 1, order: 'createdAt', pageSize: 1, pageNumber: 1 })).rejects.toThrow(
      /Workflow f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a was not found/,
    );
  });

  it('reports an answer without items', async () => {
    nock(GATEWAY).get(`/qflowapi/v1/workflows/${WF}/executions`).query(true).reply(200, { nothing: true });
    await expect(qflow().listExecutions(WF, { startAt: 0, endAt: 1, order: 'createdAt', pageSize: 1, pageNumber: 1 })).rejects.toThrow(
      /answer for the executions of workflow .* has no list of items/,
    );
  });
});

describe('step data', () => {
  it('lists steps in any documented wrapping', async () => {
    nock(GATEWAY)
      .get(`/qflowapi/v1/executions/${EX}/steps`)
      .query(true)
      .reply(200, { data: { total: 1, items: [{ nodeId: 'n1', nodeType: 'AWS', status: 'Success', eventOrder: 1 }] } });
    const page = await qflow().listSteps(EX, 1, 100);
    expect(page).toEqual({ total: 1, received: 1, items: [{ nodeId: 'n1', nodeType: 'AWS', status: 'Success', eventOrder: 1 }] });
  });

  it('asks for parseJson=true and writes the value to the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-test-'));
    nock(GATEWAY)
      .get(`/qflowapi/v1/executions/${EX}/steps/node-1/output`)
      .query({ parseJson: 'true' })
      .reply(200, [{ a: 1 }]);
    const file = path.join(dir, 'out.json');
    await qflow().downloadStepData(EX, 'node-1', 'output', file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([{ a: 1 }]);
  });

  it('decodes the JSON string a server before 1.18 sends', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-test-'));
    nock(GATEWAY)
      .get(`/qflowapi/v1/executions/${EX}/steps/node-1/input`)
      .query(true)
      .reply(200, JSON.stringify(JSON.stringify({ region: 'us-east-1' })));
    const file = path.join(dir, 'in.json');
    const { bytes } = await qflow().downloadStepData(EX, 'node-1', 'input', file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ region: 'us-east-1' });
    expect(bytes).toBe(Buffer.byteLength('{"region":"us-east-1"}'));
  });

  it('keeps a plain string output as a string, and an empty one as null', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-test-'));
    nock(GATEWAY).get(`/qflowapi/v1/executions/${EX}/steps/s/output`).query(true).reply(200, '"done"');
    nock(GATEWAY).get(`/qflowapi/v1/executions/${EX}/steps/e/output`).query(true).reply(200, '');
    await qflow().downloadStepData(EX, 's', 'output', path.join(dir, 's.json'));
    await qflow().downloadStepData(EX, 'e', 'output', path.join(dir, 'e.json'));
    expect(await readFile(path.join(dir, 's.json'), 'utf8')).toBe('"done"');
    expect(await readFile(path.join(dir, 'e.json'), 'utf8')).toBe('null');
  });

  it('keeps an answer that is not JSON as a JSON string, and says so', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-test-'));
    nock(GATEWAY).get(`/qflowapi/v1/executions/${EX}/steps/t/output`).query(true).reply(200, "Bob's box: stopped\n");
    const file = path.join(dir, 't.json');
    expect(await qflow().downloadStepData(EX, 't', 'output', file)).toMatchObject({ asText: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toBe("Bob's box: stopped\n");
  });

  it('refuses step data larger than the most it takes, naming the size', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-test-'));
    const big = Buffer.alloc(MAX_STEP_DATA_BYTES + 1024, 'x');
    nock(GATEWAY).get(`/qflowapi/v1/executions/${EX}/steps/big/output`).query(true).reply(200, big);
    await expect(qflow().downloadStepData(EX, 'big', 'output', path.join(dir, 'big.json'))).rejects.toThrow(
      'Could not fetch the output of step big: the answer is larger than 256 MiB, the most taken.',
    );
  });
});

describe('readers', () => {
  it('read instants as epoch ms, digit strings or ISO strings', () => {
    expect(readInstant(1745233971431)).toBe(1745233971431);
    expect(readInstant('1745233971431')).toBe(1745233971431);
    expect(readInstant('2025-04-21T11:12:51.431Z')).toBe(1745233971431);
    expect(readInstant(null)).toBeUndefined();
    expect(readInstant('soon')).toBeUndefined();
  });
  it('take the end from details.executionEndDate when endDate is missing', () => {
    expect(readExecution({ execution: EX, status: 'Success', createdAt: 1, details: { executionEndDate: 5 } })).toMatchObject({
      id: EX,
      startDate: 1,
      endDate: 5,
    });
  });
  it('read a bare list as a page without a total', () => {
    expect(readPage({ data: [{ a: 1 }, null] }, 'x')).toEqual({ items: [{ a: 1 }], total: undefined, received: 2 });
  });
});

describe('getExecution', () => {
  it('reads the documented answer, wrapped in data: the status and the creation as QFlow wrote it', async () => {
    const sample = JSON.parse(await readFile(path.join(import.meta.dirname, '../fixtures/samples/execution-details.json'), 'utf8')) as {
      data: { id: string };
    };
    nock(GATEWAY).get(`/qflowapi/v1/executions/${sample.data.id}`).reply(200, sample);
    await expect(qflow().getExecution(sample.data.id)).resolves.toMatchObject({ id: sample.data.id, status: 'Success', createdAt: 1746007562042 });
  });

  it('refuses an answer about another execution, whose status would be taken for this one', async () => {
    nock(GATEWAY)
      .get(`/qflowapi/v1/executions/${EX}`)
      .reply(200, { data: { id: '0e71f117-8a4b-4c59-9d3e-2b6f1c0a7e55', status: 'Success' } });
    await expect(qflow().getExecution(EX)).rejects.toThrow(`Could not read execution ${EX}: QFlow's answer is not the documented one`);
  });
});
