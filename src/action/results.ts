/**
 * After the execution ends: its steps, the step outputs and inputs asked for, and the full result
 * file. Step data goes from the socket to a file and from there into the result file, so a step
 * output of tens of megabytes is never held in memory.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { QFlowApiError } from '../errors.js';
import type { Log } from '../log.js';
import type { NodeSelection } from './parse.js';
import type { QFlowClient, StepDataKind, StepRecord } from '../qflow/client.js';
import { Pager } from '../qflow/paging.js';

/** Steps fetched at once: quick, without a burst that eats a small API budget in one second. */
const CONCURRENT_FETCHES = 4;
const STEP_PAGE_SIZE = 100;
const MAX_STEP_PAGES = 50;

/** One step's input or output, kept in a file. */
export interface StepData {
  nodeId: string;
  file: string;
  bytes: number;
}

export async function listAllSteps(client: QFlowClient, executionId: string): Promise<StepRecord[]> {
  const steps: StepRecord[] = [];
  const pager = new Pager(STEP_PAGE_SIZE);
  for (let pages = 1; pages <= MAX_STEP_PAGES && !pager.done; pages++) {
    const page = await client.listSteps(executionId, pager.pageNumber, pager.size);
    // A server that ignores paging sends the first page again: stop there.
    const repeated = pages > 1 && page.items[0] !== undefined && steps.some((s) => s.nodeId === page.items[0].nodeId);
    if (repeated) break;
    steps.push(...page.items);
    pager.advance(page.received ?? page.items.length, page.total);
  }
  // QFlow numbers steps in the order they ran; steps without a number go last.
  const order = (step: StepRecord) => step.eventOrder ?? Number.MAX_SAFE_INTEGER;
  return steps.sort((a, b) => order(a) - order(b));
}

/** The node IDs a selection picks, warning about any the execution has no step for. */
export function selectNodes(selection: NodeSelection, steps: StepRecord[], inputName: string, log: Log): string[] {
  if (selection === 'all') return [...new Set(steps.map((s) => s.nodeId))];
  const known = new Set(steps.map((s) => s.nodeId));
  for (const nodeId of selection.filter((id) => !known.has(id))) {
    log.warning(`'${inputName}' names the step ${nodeId}, which this execution does not have (it may not have run). Its data is left out.`);
  }
  return selection.filter((id) => known.has(id));
}

export async function fetchStepData(
  client: QFlowClient,
  executionId: string,
  nodeIds: string[],
  kind: StepDataKind,
  workDir: string,
  log: Log,
): Promise<StepData[]> {
  await mkdir(workDir, { recursive: true });
  const results = new Array<StepData | undefined>(nodeIds.length);
  let next = 0;
  const worker = async () => {
    while (next < nodeIds.length) {
      const index = next++;
      const nodeId = nodeIds[index];
      const file = path.join(workDir, `${kind}-${index}.json`);
      try {
        results[index] = { nodeId, file, bytes: await client.downloadStepData(executionId, nodeId, kind, file) };
      } catch (error) {
        // A step that produced nothing answers 404: leave it out and say so, the rest is still useful.
        if (error instanceof QFlowApiError && error.status === 404) log.warning(error.message);
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FETCHES, nodeIds.length) }, worker));
  return results.filter((r): r is StepData => r !== undefined);
}

/** Reads a step's data back as a value; only called for data small enough for an output. */
export async function readStepData(data: StepData): Promise<unknown> {
  return JSON.parse(await readFile(data.file, 'utf8'));
}

/** Step data keyed by node ID; for a fan-out, grouped by execution ID first. */
export type StepDataTree = StepData[] | Record<string, StepData[]>;

/**
 * Writes the full result as one JSON object: `fields` first, then each entry of `stepData`
 * (`stepOutputs`, `stepInputs`) streamed from its files.
 */
export async function writeResultFile(file: string, fields: Record<string, unknown>, stepData: Record<string, StepDataTree>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const writeTree = async (tree: StepDataTree, indent: string) => {
    const entries: [string, StepData | StepData[]][] = Array.isArray(tree) ? tree.map((data) => [data.nodeId, data]) : Object.entries(tree);
    await write('{');
    for (const [i, [key, value]] of entries.entries()) {
      await write(`${i === 0 ? '' : ','}\n${indent}  ${JSON.stringify(key)}: `);
      if (Array.isArray(value)) await writeTree(value, `${indent}  `);
      else await pipeline(createReadStream(value.file), out as Writable, { end: false });
    }
    await write(entries.length ? `\n${indent}}` : '}');
  };
  const head = JSON.stringify(fields, null, 2);
  await write(head.slice(0, head.lastIndexOf('}')).trimEnd());
  for (const [key, tree] of Object.entries(stepData)) {
    await write(`,\n  ${JSON.stringify(key)}: `);
    await writeTree(tree, '  ');
  }
  out.end('\n}\n');
  await once(out, 'finish');
}

export async function removeWorkDir(workDir: string): Promise<void> {
  await rm(workDir, { recursive: true, force: true });
}
