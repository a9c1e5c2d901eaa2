/**
 * The `matrix` input: one step that starts the workflow once per item, for instance for each AWS
 * account (connector) and region. Two forms, as a GitHub matrix has:
 * - a list of items, each giving `variables` and/or `input`, and optionally a `label` that names the
 *   item in the log, the job summary and the `executions` output (such as `prod-eu`);
 * - a mapping of lists, such as `{credentials: [a, b], region: [us-east-1, eu-west-1]}`, whose
 *   product gives one item per combination, each combination a set of variables.
 * Every item is merged over the step's own `variables` and `input`.
 */
import { Input, type SettingNames } from '../names.js';
import { InputError, quote } from '../errors.js';
import { checkMapping, checkVariableValues, describeKind } from './parse.js';

/** One run request of the fan-out. */
export interface RunRequest {
  /** The `input` object of the run request; undefined leaves it out. */
  input?: Record<string, unknown>;
  /** The `variables` override object of the run request; undefined leaves it out. */
  variables?: Record<string, unknown>;
  /** What the user calls the item, when a matrix item gives a `label`; never sent. */
  label?: string;
}

/** More executions than this from one step would be a runaway matrix, not a remediation job. */
export const MAX_MATRIX_ITEMS = 256;
const ITEM_KEYS = ['label', 'variables', 'input'];
/** The longest `label` of a matrix item: it names a row of a table, it does not describe it. */
export const MAX_LABEL_LENGTH = 60;

/**
 * The run requests of a `matrix` (already parsed from JSON or YAML), each merged over the step's
 * own `input` and `variables`. Every problem names the item and the key.
 */
export function expandMatrix(matrix: unknown, base: RunRequest, names: SettingNames): RunRequest[] {
  const matrixInput = names.subject(Input.Matrix);
  const items = Array.isArray(matrix) ? matrix.map((item, i) => listItem(item, i + 1, matrixInput)) : product(matrix, matrixInput);
  if (items.length === 0) throw new InputError(`${matrixInput} has no items. Expected at least one, or leave ${names.of(Input.Matrix)} out.`);
  if (items.length > MAX_MATRIX_ITEMS) {
    throw new InputError(
      `${matrixInput} makes ${items.length} executions. Expected at most ${MAX_MATRIX_ITEMS} from one step: split it across jobs.`,
    );
  }
  const seen = new Map<string, number>();
  return items.map((item, i) => {
    const variables = base.variables || item.variables ? { ...base.variables, ...item.variables } : undefined;
    const input = base.input || item.input ? { ...base.input, ...item.input } : undefined;
    if (variables) checkVariableValues(`${matrixInput} item ${i + 1}`, variables);
    const key = JSON.stringify({ variables, input });
    const twin = seen.get(key);
    if (twin !== undefined) {
      throw new InputError(
        `${matrixInput} items ${twin} and ${i + 1} would start the same run. Expected each item to differ in its variables or input.`,
      );
    }
    seen.set(key, i + 1);
    return { variables, input, ...(item.label !== undefined ? { label: item.label } : {}) };
  });
}

function listItem(item: unknown, number: number, matrixInput: string): RunRequest {
  const what = `${matrixInput} item ${number}`;
  const fields = checkMapping(what, item);
  const unknown = Object.keys(fields).find((key) => !ITEM_KEYS.includes(key));
  if (unknown !== undefined) {
    throw new InputError(
      `${what} has the key ${quote(unknown)}. Expected only 'label', 'variables' and 'input', as in {label: prod-eu, variables: {region: eu-west-1}}.`,
    );
  }
  const label = fields.label === undefined ? undefined : checkLabel(what, fields.label);
  return {
    ...(label !== undefined ? { label } : {}),
    variables: fields.variables === undefined ? undefined : checkMapping(`${what}'s 'variables'`, fields.variables),
    input: fields.input === undefined ? undefined : checkMapping(`${what}'s 'input'`, fields.input),
  };
}

/** How the log and the summary name a matrix item: its number, and its label if it has one ("2 prod-eu"). */
export function itemName(item: number, request?: RunRequest): string {
  return request?.label !== undefined ? `${item} ${request.label}` : String(item);
}

/** A label is one line of ordinary text, short enough for a table cell. */
function checkLabel(what: string, label: unknown): string {
  const text = typeof label === 'number' ? String(label) : label;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_LABEL_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new InputError(
      `${what}'s 'label' is ${typeof text === 'string' ? (text.trim() === '' ? 'blank' : text.length > MAX_LABEL_LENGTH ? `${text.length} characters long` : 'not on one line (it holds a line break or another control character)') : describeKind(label)}. Expected a name of up to ${MAX_LABEL_LENGTH} characters on one line, such as prod-eu.`,
    );
  }
  return text.trim();
}

/** A mapping of lists of variable values, expanded to every combination, in the order GitHub expands a matrix. */
function product(matrix: unknown, matrixInput: string): RunRequest[] {
  const lists = Object.entries(checkMapping(matrixInput, matrix));
  let combinations: Record<string, unknown>[] = [{}];
  for (const [name, values] of lists) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new InputError(
        `${matrixInput} gives ${quote(name)} as ${describeKind(values)}${Array.isArray(values) ? ' with no values' : ''}. Expected a list of values, as in ${name}: [us-east-1, eu-west-1].`,
      );
    }
    const bad: unknown = (values as unknown[]).find((v) => v === null || typeof v === 'object');
    if (bad !== undefined) {
      throw new InputError(
        `${matrixInput} lists ${describeKind(bad)} among the values of ${quote(name)}. Expected single values: text, numbers or true/false.`,
      );
    }
    combinations = combinations.flatMap((combination) => (values as unknown[]).map((value) => ({ ...combination, [name]: value })));
    if (combinations.length > MAX_MATRIX_ITEMS) break;
  }
  return combinations.map((variables) => ({ variables }));
}
