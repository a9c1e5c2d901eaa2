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
import { CancelledError, messageOf } from '../errors.js';
import type { Log } from '../log.js';
import type { NodeSelection } from '../settings/parse.js';
import type { QFlowClient, StepDataKind, StepRecord } from '../qflow/client.js';
import { Pager } from '../qflow/paging.js';
import { inPool } from '../pool.js';

/** Steps fetched at once: quick, without a burst that eats a small API budget in one second. */
const CONCURRENT_FETCHES = 4;
const STEP_PAGE_SIZE = 100;
/** Steps read at most for one execution (the README states it): a sane bound, said in a warning when reached. */
export const MAX_STEPS = 5000;

/** One step's input or output, kept in a file. */
export interface StepData {
  nodeId: string;
  file: string;
  bytes: number;
}

/**
 * Every step of an execution, following the list's `total` to the end, up to MAX_STEPS (with a
 * warning naming the bound when there are more). Steps whose node ID is not of the documented form
 * are left out with a warning: such an ID would go into URLs and outputs.
 */
export async function listAllSteps(client: Pick<QFlowClient, 'listSteps'>, executionId: string, log: Log, deadline?: number): Promise<StepRecord[]> {
  const steps: StepRecord[] = [];
  const pager = new Pager(STEP_PAGE_SIZE);
  let unreadable = 0;
  let total: number | undefined;
  // Whole pages only: a smaller last page asked by the same page number would start elsewhere in the list.
  for (let pages = 1; !pager.done && pager.seen < MAX_STEPS; pages++) {
    const page = await client.listSteps(executionId, pager.pageNumber, pager.size, deadline);
    // A server that ignores paging sends the first page again: stop there.
    const repeated = pages > 1 && page.items[0] !== undefined && steps.some((s) => s.nodeId === page.items[0].nodeId);
    if (repeated) break;
    steps.push(...page.items);
    unreadable += (page.received ?? page.items.length) - page.items.length;
    total = page.total ?? total;
    pager.advance(page.received ?? page.items.length, page.total);
  }
  if (steps.length > MAX_STEPS || (!pager.done && pager.seen >= MAX_STEPS)) {
    const counted = total !== undefined ? `${total} steps` : `more than ${MAX_STEPS} steps`;
    log.warning(
      `Execution ${executionId} has ${counted}; only the first ${MAX_STEPS} are read, so the failed steps and the summary cover those only.`,
    );
    steps.length = Math.min(steps.length, MAX_STEPS);
  }
  if (unreadable > 0) {
    log.warning(
      `${unreadable} step${unreadable === 1 ? '' : 's'} of execution ${executionId} had no node ID of the documented form and ${unreadable === 1 ? 'is' : 'are'} left out.`,
    );
  }
  // QFlow numbers steps in the order they ran; steps without a number go last.
  const order = (step: StepRecord) => step.eventOrder ?? Number.MAX_SAFE_INTEGER;
  return steps.sort((a, b) => order(a) - order(b));
}

/**
 * The node IDs a selection picks, warning about any the execution has no step for; `setting` is the
 * setting as its front-end names it ('step-outputs', --step-outputs).
 */
export function selectNodes(selection: NodeSelection, steps: StepRecord[], setting: string, log: Log): string[] {
  if (selection === 'all') return [...new Set(steps.map((s) => s.nodeId))];
  const known = new Set(steps.map((s) => s.nodeId));
  for (const nodeId of selection.filter((id) => !known.has(id))) {
    log.warning(`${setting} names the step ${nodeId}, which this execution does not have (it may not have run). Its data is left out.`);
  }
  return selection.filter((id) => known.has(id));
}

/**
 * Downloads the step data asked for. Step data is data: one that cannot be had (none, too large, a
 * failed call, no time left) is left out with a warning naming the step, and one that is not JSON is
 * kept as text; neither changes the execution's outcome. Only a cancellation stops the rest.
 */
export async function fetchStepData(
  client: Pick<QFlowClient, 'downloadStepData'>,
  executionId: string,
  nodeIds: string[],
  kind: StepDataKind,
  workDir: string,
  log: Log,
  options: { deadline?: number; scrub?: (value: unknown) => unknown } = {},
): Promise<StepData[]> {
  await mkdir(workDir, { recursive: true });
  const results = new Array<StepData | undefined>(nodeIds.length);
  await inPool(nodeIds, CONCURRENT_FETCHES, async (nodeId, index) => {
    const file = path.join(workDir, `${kind}-${index}.json`);
    try {
      const { bytes, asText } = await client.downloadStepData(executionId, nodeId, kind, file, options);
      if (asText) log.warning(`The ${kind} of step ${nodeId} is not JSON; it is kept as text.`);
      results[index] = { nodeId, file, bytes };
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      // A step that produced nothing answers 404: leave it out and say so, the rest is still useful.
      log.warning(`The ${kind} of step ${nodeId} is left out: ${messageOf(error)}`);
    }
  });
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

/**
 * The default result file in `dir`, named from `id` (a UUID, or a workflow UUID and a process ID,
 * both checked before they get here): the file always lands inside `dir`.
 */
export function defaultResultFile(dir: string, id: string): string {
  const folder = path.resolve(dir);
  const file = path.resolve(folder, `qflow-${id}.json`);
  if (!/^[\w-]+$/.test(id) || path.dirname(file) !== folder) throw new Error(`Refusing a result file name made from '${id}'.`);
  return file;
}

export async function removeWorkDir(workDir: string): Promise<void> {
  await rm(workDir, { recursive: true, force: true });
}
