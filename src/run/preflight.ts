/**
 * Mistakes caught before a run is wasted: the workflow's own definition, read once before any run
 * call (once for a whole fan-out), says which variables it has saved and which nodes it has. Refused,
 * with no execution started: what QFlow itself would refuse (an override without a cloud variable the
 * workflow uses), a near-certain typo (`regoin` beside a `region` the override leaves out), and a
 * node ID in `step-outputs`/`step-inputs` that is no node of the workflow. An override variable the
 * definition does not list is otherwise sent, with one warning: QFlow accepts user-defined variables,
 * and whether a definition lists them is not documented (the guide's sample lists none).
 *
 * A definition that cannot be read (a role without READ answers 403, or an unknown shape) skips these
 * checks with one warning: the run goes on. A 401 or a 404 there ends the step before the run: the run
 * call would get the same answer.
 */
import { InputError, QFlowApiError, quote } from '../errors.js';
import type { Log } from '../log.js';
import { Input } from '../names.js';
import { nearest } from '../nearest.js';
import type { QFlowClient } from '../qflow/client.js';
import type { WorkflowDefinition } from '../qflow/definition.js';
import { isFanOut, runsOf, type Settings } from '../settings/settings.js';
import type { NodeSelection } from '../settings/parse.js';

/**
 * The cloud variables of QFlow 1.18 and 1.19: when a run overrides variables, each one the workflow
 * uses needs a value. `connectorId` (1.19) stands for any of the credentials variables.
 */
const CONNECTOR_VARIABLES = ['credentials', 'credentials_azure', 'credentials_gcp', 'connectorId'];
const CLOUD_VARIABLES = [...CONNECTOR_VARIABLES, 'region', 'resourceGroup', 'project', 'oci_region', 'compartment'];

/**
 * Whether the definition can catch a mistake here: override variables, node IDs or a fan-out to check,
 * or a dry run. Otherwise the run call says all it would (a missing workflow answers 404 there too);
 * the definition is then read after the wait, for the summary, when the budget has room (see engine).
 */
export function worthReading(settings: Settings): boolean {
  const nodes = (selection: NodeSelection) => selection !== 'all' && selection.length > 0;
  return (
    settings.plan.kind === 'dry-run' ||
    isFanOut(settings.plan) ||
    runsOf(settings.plan).some((r) => Object.keys(r.variables ?? {}).length > 0) ||
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
  checkVariables(settings, definition, log);
  checkNodes(settings.names.subject(Input.StepOutputs), settings.stepOutputs, definition);
  checkNodes(settings.names.subject(Input.StepInputs), settings.stepInputs, definition);
  return definition;
}

/**
 * Decided: a definition that does list user-defined variables (a key that is no system variable)
 * changes nothing but the candidates for "did you mean": an unlisted variable is still sent with a
 * warning, since QFlow's run call accepts variables the workflow has not saved and no document says
 * it refuses them.
 */
function checkVariables(settings: Settings, definition: WorkflowDefinition, log: Log): void {
  const listed = definition.variables.map((v) => v.name);
  // 1.18: an override needs a value for every cloud variable the workflow uses, those its saved
  // variables give a value; an empty slot belongs to a cloud the workflow does not use.
  const used = definition.variables.filter((v) => v.hasValue && CLOUD_VARIABLES.includes(v.name)).map((v) => v.name);
  const unlisted = new Set<string>();
  const { names } = settings;
  runsOf(settings.plan).forEach((run, i) => {
    const given = Object.keys(run.variables ?? {});
    if (given.length === 0) return;
    const where = isFanOut(settings.plan)
      ? `${names.subject(Input.Matrix)} item ${i + 1} (with ${names.of(Input.Variables)})`
      : names.subject(Input.Variables);
    // connectorId (1.19) is a variable of every workflow with credentials, listed or not.
    const unknown = given.filter((name) => !listed.includes(name) && name !== 'connectorId');
    if (!settings.allowUnknownVariables) {
      const leftOut = listed.filter((name) => !given.includes(name));
      for (const name of unknown) {
        const near = nearest(name, leftOut);
        if (near === undefined) continue;
        throw new InputError(
          `${where} overrides the variable ${quote(name)}, which workflow ${settings.workflowId} does not list, and leaves out ${quote(near)}. Did you mean ${quote(near)}? Its variables: ${listed.join(', ')}. If ${quote(name)} is a variable of its own, set ${names.set(Input.AllowUnknownVariables, 'true')}.`,
        );
      }
      unknown.forEach((name) => unlisted.add(name));
    }
    const missing = used.filter((name) =>
      CONNECTOR_VARIABLES.includes(name) ? !CONNECTOR_VARIABLES.some((c) => given.includes(c)) : !given.includes(name),
    );
    if (missing.length > 0) {
      throw new InputError(
        `${where} overrides variables but leaves out ${missing.map(quote).join(', ')}. When variables are overridden, QFlow needs a value for every cloud variable the workflow uses (${used.join(', ')}): give ${missing.length === 1 ? 'it' : 'them'} too.`,
      );
    }
  });
  if (unlisted.size > 0) {
    const shown = [...unlisted].map(quote).join(', ');
    log.warning(
      `The workflow's definition does not list ${unlisted.size === 1 ? 'the variable' : 'the variables'} ${shown} (its variables: ${listed.join(', ') || 'none'}); sent as given, since QFlow accepts user-defined variables. Check the spelling; set ${names.set(Input.AllowUnknownVariables, 'true')} to silence this.`,
    );
  }
}

/** `what`: the setting as its front-end names it (Input 'step-outputs', --step-outputs). */
function checkNodes(what: string, selection: NodeSelection, definition: WorkflowDefinition): void {
  if (selection === 'all' || definition.components.length === 0) return;
  const ids = definition.components.map((c) => c.id);
  const unknown = selection.find((id) => !ids.includes(id));
  if (unknown === undefined) return;
  const near = nearest(unknown, ids);
  throw new InputError(
    `${what} names the node ${quote(unknown)}, which is not a node of the workflow${near ? `. Did you mean ${quote(near)}?` : '.'} Its nodes: ${definition.components.map((c) => `${c.id} (${c.name})`).join(', ')}.`,
  );
}
