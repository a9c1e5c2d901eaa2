/**
 * A step list and a step's input or output as the docs show them (samples/step-list.json, the 1.18
 * notes on `parseJson`): what answers.ts serves for an execution's steps.
 */
import { createHash } from 'node:crypto';
import { CREATED_BY, CUSTOMER_ID, endOf, type Answer, type SimExecution, type SimStep } from './model.js';

/** One page of an execution's steps at `now`: each running until the execution ends, then its own status. */
export function stepList(execution: SimExecution, steps: SimStep[], pageSize: number, pageNumber: number, now: number): Answer {
  const ended = now >= endOf(execution);
  const startedAt = execution.createdAt + execution.startDelayMs;
  const each = execution.durationMs / Math.max(1, steps.length);
  // Items in the shape of samples/step-list.json: `id` a ULID of the step's own, `total` a number.
  const all = steps.map((s, i) => ({
    id: stepUlid(startedAt + i * each, execution.id, i),
    createdAt: Math.round(startedAt + i * each),
    updatedAt: Math.round(ended ? startedAt + (i + 1) * each : now),
    tags: CREATED_BY,
    customerId: CUSTOMER_ID,
    eventOrder: i + 1,
    nodeId: s.nodeId,
    execution: execution.id,
    nodeType: s.nodeType,
    status: ended ? (s.status ?? execution.finalStatus) : execution.runningStatus,
    ...(ended && s.message !== undefined ? { message: s.message } : {}),
  }));
  return { status: 200, body: { total: all.length, items: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) } };
}

/**
 * A step's input or output: with `parseJson` the JSON value itself, else that value serialized as a
 * JSON string (as servers before 1.18 answer either way); a large output streamed, a text one as text.
 */
export function stepData(step: SimStep, kind: 'input' | 'output', parseJson: boolean): Answer {
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
  if (value === undefined) return { status: 404, body: { message: `Step ${step.nodeId} has no ${kind}` } };
  return {
    status: 200,
    body: parseJson ? JSON.stringify(value) : JSON.stringify(JSON.stringify(value)),
    headers: { 'Content-Type': 'application/json' },
  };
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
