/** Runs the engine in-process against the simulator, as a front-end would, with a host that keeps the log. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { disposeRun, runQFlow, type Host } from '../../src/run/engine.js';
import { readSettings } from '../../src/settings/read.js';
import type { RunReport } from '../../src/run/report.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { Redactor } from '../../src/redact.js';
import { systemClock } from '../../src/time.js';
import { INPUT_NAMES, type Input } from '../../src/names.js';
import { CLIENT, FAST } from './e2e.js';
import type { QFlowSimulator, SimWorkflow } from '../../src/simulator/server.js';

export async function runEngine(
  sim: QFlowSimulator,
  workflow: SimWorkflow,
  inputs: Record<string, string> = {},
  cancel?: AbortController,
  /** Called with the report before its step data is removed, as a front-end publishes it. */
  publish?: (report: RunReport, redactor: Redactor) => Promise<void>,
) {
  const values: Record<string, string> = {
    'gateway-url': sim.url,
    'workflow-id': workflow.id,
    'client-id': CLIENT.id,
    'client-secret': CLIENT.secret,
    ...FAST,
    ...inputs,
  };
  const redactor = new Redactor();
  const lines: string[] = [];
  const started: string[][] = [];
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'qflow-engine-'));
  const host: Host = {
    log: { info: (m) => lines.push(redactor.text(m)), debug: () => undefined, warning: (m) => lines.push(`warning: ${redactor.text(m)}`) },
    signal: (cancel ?? new AbortController()).signal,
    clock: systemClock,
    tempDir,
    redactor,
    registerSecret: (s) => redactor.add(s),
    group: (_title, body) => body(),
    onStarted: (ids) => started.push(ids),
  };
  const settings = await readSettings(
    (name: Input) => values[name] ?? '',
    (s) => redactor.add(s),
    INPUT_NAMES,
  );
  const report = await runQFlow(settings, host);
  const summary = redactor.text(summaryMarkdown(report));
  const resultFile = report.outputFile ? (JSON.parse(await readFile(report.outputFile, 'utf8')) as Record<string, unknown>) : undefined;
  await publish?.(report, redactor);
  await disposeRun(report);
  await rm(tempDir, { recursive: true, force: true });
  return { report, lines, started, resultFile, summary };
}
