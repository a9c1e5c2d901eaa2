/** A QFlow client for tests: the HTTP layer against `baseUrl`, with a fixed JWT and a budget of its own. */
import { ApiBudget } from '../../src/qflow/budget.js';
import { QFlowClient } from '../../src/qflow/client.js';
import { ApiHttp } from '../../src/qflow/http.js';
import type { Clock } from '../../src/time.js';
import { memoryLog } from './fake-clock.js';
import { INPUT_NAMES } from '../../src/names.js';

export function testClient(baseUrl: string, clock: Clock, options: { token?: string; requestTimeoutMs?: number } = {}): QFlowClient {
  const http = new ApiHttp({
    baseUrl,
    names: INPUT_NAMES,
    requestTimeoutMs: options.requestTimeoutMs ?? 1000,
    signal: new AbortController().signal,
    log: memoryLog(),
    clock,
    budget: new ApiBudget(clock),
    tokens: () => ({ rejectedHint: '', get: () => Promise.resolve(options.token ?? 'jwt'), renew: () => false }),
  });
  return new QFlowClient(http, clock, INPUT_NAMES);
}
