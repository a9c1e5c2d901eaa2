/**
 * The answer parsers fed with a few thousand generated shapes (wrong types, missing fields, huge
 * strings, unicode, path and control characters): no crash, no unbounded wait, the documented failure
 * message, nothing written outside the work folder, and step data always left as valid JSON.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QFlowApiError, RunOutcomeUnknownError } from '../../src/errors.js';
import { readExecution, readExecutionId, readPage, readStep } from '../../src/qflow/client.js';
import { isNodeId, isUuid } from '../../src/qflow/forms.js';
import { JsonChecker } from '../../src/json-check.js';
import { timings } from '../../src/run/report.js';
import { systemClock } from '../../src/time.js';
import { scriptedServer, type Reply } from '../support/scripted-server.js';
import { testClient } from '../support/client.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const UUID = 'e5d57d53-79db-4840-a7a0-10d0cb1d8020';
  const strings = [
    '',
    ' ',
    UUID,
    UUID.toUpperCase(),
    ` ${UUID} `,
    '../../etc/passwd',
    '..\\..\\windows',
    '/absolute/path',
    'node-e3a84822-qualysevent',
    'trigger',
    'a/b',
    'Success',
    'Running\n::error::injected',
    '\u0000\u001b[31mred\u2028',
    'ünïcødé ✅ 𝔘',
    '%2e%2e%2f',
    'x'.repeat(100_000),
    '9'.repeat(400),
    '2026-11-28T10:00:00.000Z',
    'soon',
    '{"nested":"json"}',
  ];
  const value = (depth: number): unknown => {
    const kind = Math.floor(next() * (depth > 3 ? 5 : 8));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return next() < 0.5;
      case 2:
        return pick([0, -1, 1.5, 1e308, -1e308, 8.64e15 + 1, 1745233971431, Number.MAX_SAFE_INTEGER + 2, 42]);
      case 3:
      case 4:
        return pick(strings);
      case 5:
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default:
        return record(depth + 1);
    }
  };
  const fields = [
    'executionId',
    'data',
    'id',
    'execution',
    'items',
    'total',
    'status',
    'nodeId',
    'nodeType',
    'eventOrder',
    'createdAt',
    'startDate',
    'endDate',
    'details',
    'executionEndDate',
    'message',
    '__proto__',
  ];
  const record = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 6); i > 0; i--)
      Object.defineProperty(out, pick(fields), { value: value(depth), enumerable: true, configurable: true, writable: true });
    return out;
  };
  /** An answer body: mostly JSON of generated shapes, sometimes text that is not JSON at all. */
  const body = (): string => {
    const r = next();
    if (r < 0.1) return pick(['', '<html>gateway error</html>', 'not json', '{"truncated": [1, 2', '"a string"', 'null', '[]']);
    return JSON.stringify(value(0)) ?? 'null';
  };
  return { next, pick, value, body };
}

describe('answer parsers under generated shapes', () => {
  it('read 3000 generated answers without a crash, and only values of the documented forms come out', () => {
    const g = generator(1);
    for (let i = 0; i < 3000; i++) {
      const answer = g.value(0);
      const id = readExecutionId(answer);
      expect(id === undefined || (isUuid(id) && id === id.toLowerCase())).toBe(true);
      let page: ReturnType<typeof readPage> | undefined;
      try {
        page = readPage(answer, 'the executions');
      } catch (error) {
        expect(error).toBeInstanceOf(QFlowApiError);
        expect((error as Error).message).toMatch(/^QFlow's answer for the executions has no list of items: /);
        expect((error as Error).message.length).toBeLessThan(400);
        continue;
      }
      expect(page.total === undefined || (Number.isSafeInteger(page.total) && page.total >= 0)).toBe(true);
      for (const item of page.items) {
        const execution = readExecution(item);
        if (execution) {
          expect(isUuid(execution.id)).toBe(true);
          expect(execution.status).not.toMatch(CONTROL);
          expect(execution.status.length).toBeLessThanOrEqual(100);
          // Timings always print: every instant kept is within the range of a date.
          expect(() => timings(execution)).not.toThrow();
        }
        const step = readStep(item);
        if (step) {
          expect(isNodeId(step.nodeId)).toBe(true);
          expect(step.nodeType + step.status).not.toMatch(CONTROL);
        }
      }
    }
  });

  it('checks streamed JSON exactly as JSON.parse does, whatever the chunks', () => {
    const g = generator(2);
    for (let i = 0; i < 3000; i++) {
      let text = g.body();
      // Mutate some: cut, insert a stray character, or append junk.
      const r = g.next();
      if (r < 0.2) text = text.slice(0, Math.floor(g.next() * text.length));
      else if (r < 0.35) text = text.slice(0, 5) + g.pick([',', '}', ']', '"', ':', 'x', '\\', '\u0001', ' ']) + text.slice(5);
      else if (r < 0.45) text += g.pick([' ', '\n', ',', 'x', '}', '1']);
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const checker = new JsonChecker();
      for (let at = 0; at < text.length;) {
        const size = 1 + Math.floor(g.next() * 50);
        checker.push(text.slice(at, at + size));
        at += size;
      }
      expect({ text: text.slice(0, 200), valid: checker.end() }).toEqual({ text: text.slice(0, 200), valid });
    }
  });
});

describe('the client against a gateway answering generated shapes', () => {
  it('fails only with the documented messages, within its time, leaving step data as valid JSON inside the work folder', async () => {
    const g = generator(3);
    const answers: { status: number; body: string }[] = Array.from({ length: 400 }, () => ({ status: g.pick([200, 200, 201, 202]), body: g.body() }));
    let served = 0;
    const reply: Reply = (_req, res) => {
      const { status, body } = answers[served++ % answers.length];
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    const server = await scriptedServer([reply]);
    const work = await mkdtemp(path.join(os.tmpdir(), 'qflow-fuzz-'));
    const parentBefore = await readdir(os.tmpdir());
    const client = testClient(server.url, systemClock);
    const WF = 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a';
    const EX = 'e5d57d53-79db-4840-a7a0-10d0cb1d8020';
    try {
      for (let i = 0; i < 100; i++) {
        const started = Date.now();
        // Run: an execution ID of the documented form, or "may have started".
        await client.runWorkflow(WF, {}).then(
          (id) => expect(isUuid(id)).toBe(true),
          (error: Error) => {
            expect(error).toBeInstanceOf(RunOutcomeUnknownError);
            expect(error.message).toMatch(/An execution may have started: before running again, look in QFlow/);
          },
        );
        // Lists: a page, or an error that says the answer is not the documented one.
        const query = { startAt: Date.now() - 60_000, endAt: Date.now(), order: 'createdAt' as const, pageSize: 50, pageNumber: 1 };
        for (const read of [() => client.listExecutions(WF, query), () => client.listSteps(EX, 1, 100)]) {
          await read().then(
            (page) => expect(Array.isArray(page.items)).toBe(true),
            (error: Error) => {
              expect(error).toBeInstanceOf(QFlowApiError);
              expect(error.message).toMatch(/has no list of items|something that is not JSON/);
            },
          );
        }
        // Step data: always one valid JSON value in the file asked for.
        const file = path.join(work, `output-${i}.json`);
        await client.downloadStepData(EX, 'node-1', 'output', file);
        const text = await readFile(file, 'utf8');
        expect((): unknown => JSON.parse(text)).not.toThrow();
        expect(Date.now() - started).toBeLessThan(10_000);
      }
      expect((await readdir(work)).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `output-${i}.json`).sort());
      expect((await readdir(os.tmpdir())).filter((f) => !parentBefore.includes(f))).toEqual([]);
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);
});
