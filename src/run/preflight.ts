/**
 * Mistakes caught before a run is wasted: the workflow's own definition, read once before any run
 * call (once for a whole fan-out), says which variables it has and which nodes. An override that
 * names a variable the workflow does not declare (`regoin`), an override without every cloud variable
 * the workflow declares, or a node ID in `step-outputs`/`step-inputs` that is no node of the workflow
 * is an error naming the input and the nearest match, with no execution started.
 *
 * A definition that cannot be read (a role without READ answers 403, or an unknown shape) skips these
 * checks with one warning: the run goes on. A 401 or a 404 there ends the step before the run: the run
 * call would get the same answer.
 */
import { InputError, QFlowApiError, quote } from '../errors.js';
import type { Log } from '../log.js';
import { Input } from '../names.js';
import type { QFlowClient } from '../qflow/client.js';
import type { WorkflowDefinition } from '../qflow/definition.js';
import type { Settings } from './inputs.js';
import type { NodeSelection } from './parse.js';

/**
 * The cloud variables of QFlow 1.18 and 1.19: when a run overrides variables, each one the workflow
 * declares needs a value. `connectorId` (1.19) stands for any of the credentials variables.
 */
const CLOUD_VARIABLES = [
  'credentials',
  'credentials_azure',
  'credentials_gcp',
  'connectorId',
  'region',
  'resourceGroup',
  'project',
  'oci_region',
  'compartment',
];
const CONNECTOR_VARIABLES = ['credentials', 'credentials_azure', 'credentials_gcp', 'connectorId'];

/**
 * Whether the definition can catch a mistake here: override variables, node IDs or a fan-out to check,
 * or a dry run. Otherwise the run call says all it would (a missing workflow answers 404 there too), and
 * the call is spared: the step names it would add to the summary are not worth a call of the budget.
 */
export function worthReading(settings: Settings): boolean {
  const nodes = (selection: NodeSelection) => selection !== 'all' && selection.length > 0;
  return (
    settings.dryRun ||
    settings.fanOut ||
    settings.runs.some((r) => Object.keys(r.variables ?? {}).length > 0) ||
    nodes(settings.stepOutputs) ||
    nodes(settings.stepInputs)
  );
}

/** Reads the definition and checks the settings against it; undefined when it could not be read. */
export async function checkAgainstDefinition(
  client: Pick<QFlowClient, 'getWorkflow'>,
  settings: Settings,
  log: Log,
  deadline: number,
): Promise<WorkflowDefinition | undefined> {
  let definition: WorkflowDefinition;
  try {
    definition = await client.getWorkflow(settings.workflowId, deadline);
  } catch (error) {
    // The run call would be refused the same way: stop here, once, whatever the number of runs.
    if (error instanceof QFlowApiError && (error.status === 401 || error.status === 404)) throw error;
    if (!(error instanceof QFlowApiError)) throw error;
    log.warning(
      `${error.message} The variables and node IDs are not checked against the workflow's definition; the run goes on.${error.status === 403 ? ' (Reading it needs READ on the workflow.)' : ''}`,
    );
    return undefined;
  }
  checkVariables(settings, definition);
  checkNodes(Input.StepOutputs, settings.stepOutputs, definition);
  checkNodes(Input.StepInputs, settings.stepInputs, definition);
  return definition;
}

function checkVariables(settings: Settings, definition: WorkflowDefinition): void {
  const declared = definition.variables;
  settings.runs.forEach((run, i) => {
    const given = Object.keys(run.variables ?? {});
    if (given.length === 0) return;
    const where = settings.fanOut ? `Input '${Input.Matrix}' item ${i + 1} (with '${Input.Variables}')` : `Input '${Input.Variables}'`;
    if (!settings.allowUnknownVariables) {
      const unknown = given.find((name) => !declared.includes(name));
      if (unknown !== undefined) {
        const near = nearest(unknown, declared);
        throw new InputError(
          `${where} overrides the variable ${quote(unknown)}, which workflow ${settings.workflowId} does not declare${near ? `. Did you mean ${quote(near)}?` : '.'} Its variables: ${declared.join(', ') || 'none'}. To pass it anyway, set '${Input.AllowUnknownVariables}: true'.`,
        );
      }
    }
    // QFlow 1.18: an override needs a value for every cloud variable the workflow has.
    const needed = declared.filter((name) => CLOUD_VARIABLES.includes(name));
    const missing = needed.filter((name) =>
      CONNECTOR_VARIABLES.includes(name) ? !CONNECTOR_VARIABLES.some((c) => given.includes(c)) : !given.includes(name),
    );
    if (missing.length > 0) {
      throw new InputError(
        `${where} overrides variables but leaves out ${missing.map(quote).join(', ')}. When variables are overridden, QFlow needs every cloud variable the workflow has (${needed.join(', ')}): give ${missing.length === 1 ? 'it' : 'them'} too.`,
      );
    }
  });
}

function checkNodes(input: Input, selection: NodeSelection, definition: WorkflowDefinition): void {
  if (selection === 'all' || definition.components.length === 0) return;
  const ids = definition.components.map((c) => c.id);
  const unknown = selection.find((id) => !ids.includes(id));
  if (unknown === undefined) return;
  const near = nearest(unknown, ids);
  throw new InputError(
    `Input '${input}' names the node ${quote(unknown)}, which is not a node of the workflow${near ? `. Did you mean ${quote(near)}?` : '.'} Its nodes: ${definition.components.map((c) => `${c.id} (${c.name})`).join(', ')}.`,
  );
}

/** The candidate closest to `word` by edit distance, when it is close enough to be a likely typo. */
export function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Edits from one word to the other, a swap of two neighbours counting as one (regoin for region). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
