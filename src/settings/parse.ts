import { JsonChecker } from '../json-check.js';
import { InputError, quote } from '../errors.js';
import { isNodeId, isUuid } from '../qflow/forms.js';

/**
 * One part of a duration: a number and a unit, spaces around them allowed, in the short forms (`1h30m`)
 * and in the words CI users write (`30 minutes`, `1h 30m`, `90 sec`: GitLab's own forms).
 */
const DURATION_PART = /\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*/giy;
const UNIT_MS: Record<string, number> = {
  ms: 1,
  msec: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
};

export function parseUuid(what: string, value: string): string {
  if (!isUuid(value)) {
    throw new InputError(
      `${what} is ${quote(value)}, which is not a UUID. Expected the form 0ffaf046-768b-79fc-83f6-aa25be52c2a1 (copy it from the QFlow URL or API).`,
    );
  }
  return value.toLowerCase();
}

/** A duration given as a bare number, which is read as seconds. */
export function isBareNumber(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text.trim());
}

/** A duration such as `45m`, `1h30m`, `1h 30m`, `30 minutes`, `90 sec` or `500ms`; a bare number counts as seconds. */
export function parseDuration(what: string, value: string): number {
  const text = value.trim();
  const total = isBareNumber(text) ? Number(text) * 1000 : sumOfParts(text);
  if (total === undefined) {
    throw new InputError(
      `${what} is ${quote(value)}, which is not a duration. Expected a number with a unit, such as 45m, 1h30m, 1h 30m, 30 minutes, 90s or 500ms (a bare number is seconds).`,
    );
  }
  if (total <= 0) throw new InputError(`${what} is ${quote(value)}; it must be longer than zero.`);
  return Math.round(total);
}

/** The milliseconds of `1h30m`-style text, or undefined when any of it is not a number with a unit. */
function sumOfParts(text: string): number | undefined {
  let total = 0;
  let end = 0;
  DURATION_PART.lastIndex = 0;
  for (let m = DURATION_PART.exec(text); m; m = DURATION_PART.exec(text)) {
    const unit = UNIT_MS[m[2].toLowerCase()];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    end = DURATION_PART.lastIndex;
  }
  return text !== '' && end === text.length ? total : undefined;
}

export function parsePositiveInteger(what: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InputError(`${what} is ${quote(value)}. Expected a whole number of at least 1.`);
  return Number(value);
}

export function parseBoolean(what: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`${what} is ${quote(value)}. Expected true or false.`);
}

/** A comma- or newline-separated list, blanks dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Which steps to fetch: none, every one (`*`), or the listed node IDs. */
export type NodeSelection = 'all' | string[];

export function parseNodeSelection(what: string, value: string): NodeSelection {
  const items = parseList(value);
  if (items.includes('*')) {
    if (items.length > 1) throw new InputError(`${what} mixes '*' with node IDs. Give either '*' for every step or a list of node IDs.`);
    return 'all';
  }
  for (const item of items) {
    if (!isNodeId(item)) {
      throw new InputError(
        `${what} names the node ID ${quote(item)}, which has characters a node ID does not have. Expected node IDs such as node-e3a84822-qualysevent, separated by commas or newlines, or '*'.`,
      );
    }
  }
  return [...new Set(items)];
}

/** Parses YAML text, throwing the `yaml` package's errors (which carry `linePos`). */
export type YamlParser = (text: string) => unknown;

/** Text that opens like a JSON object or list was meant as JSON: YAML would quietly read `"b": }` as null. */
const MEANT_AS_JSON = /^(\{\s*"|\[)/;

function needsYaml(value: string): boolean {
  const text = value.trim();
  if (text === '' || MEANT_AS_JSON.test(text)) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * The YAML parser, loaded only when one of `values` is neither empty nor JSON: it is a fifth of the
 * bundle and a good share of the start-up time, and most runs pass JSON or nothing.
 */
export async function yamlParserFor(values: string[]): Promise<YamlParser | undefined> {
  if (!values.some(needsYaml)) return undefined;
  // Eager: kept in the one bundle file (so its licence stays in licenses.txt) but run only now.
  const { parse } = await import(/* webpackMode: "eager" */ 'yaml');
  return (text): unknown => parse(text, { uniqueKeys: true });
}

/**
 * A JSON or YAML value. JSON is tried first so a JSON typo is reported with JSON's own position;
 * YAML is accepted because workflow authors write their `with:` blocks in YAML. `parseYaml` comes
 * from yamlParserFor, which loads it when this text needs it. Undefined for an empty input.
 */
export function parseStructured(what: string, value: string, parseYaml?: YamlParser): unknown {
  const text = value.trim();
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (jsonError) {
    if (MEANT_AS_JSON.test(text)) throw new InputError(`${what} is not valid JSON: ${describeJsonError(text, jsonError)}`);
    if (!parseYaml) throw new Error(`The YAML parser was not loaded for ${what}.`, { cause: jsonError });
    try {
      return parseYaml(text);
    } catch (yamlError) {
      throw new InputError(`${what} is neither valid JSON nor valid YAML: ${describeYamlError(yamlError)}`);
    }
  }
  // JSON.parse lets the last of two equal keys win without a word; YAML (uniqueKeys) refuses them, and so does this.
  const duplicate = scanJson(text).duplicate;
  if (duplicate) {
    throw new InputError(
      `${what} gives the key ${quote(duplicate.key)} twice (at ${lineAndColumn(text, duplicate.offset)}). Expected each key once in a mapping.`,
    );
  }
  return parsed;
}

/** A JSON or YAML mapping (see parseStructured). */
export function parseMapping(what: string, value: string, parseYaml?: YamlParser): Record<string, unknown> | undefined {
  const parsed = parseStructured(what, value, parseYaml);
  if (parsed === undefined) return undefined;
  return checkMapping(what, parsed);
}

/** `value` if it is a mapping; otherwise an error that says what `what` is instead. */
export function checkMapping(what: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      `${what} is ${describeKind(value)}. Expected a mapping of names to values, in JSON ({"region": "us-east-1"}) or YAML (region: us-east-1).`,
    );
  }
  return value as Record<string, unknown>;
}

export function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${quote(typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value))}`;
}

function describeJsonError(text: string, error: unknown): string {
  // V8 names the position for some errors only ("Unexpected token '}'" has none): find it ourselves.
  const message = (error instanceof Error ? error.message : String(error)).split(/, "| in JSON at position|\s*\(line \d+/)[0];
  return `syntax error at ${lineAndColumn(text, scanJson(text).errorOffset ?? text.length)}: ${message}`;
}

/** Where `text` stops being JSON, and the first key it gives twice in one object. */
export function scanJson(text: string): { errorOffset?: number; duplicate?: { key: string; offset: number } } {
  const checker = new JsonChecker({ keys: true });
  checker.push(text);
  if (!checker.end()) return { errorOffset: checker.errorOffset };
  return checker.duplicate ? { duplicate: checker.duplicate } : {};
}

function describeYamlError(error: unknown): string {
  const linePos = (error as { linePos?: { line: number; col: number }[] } | null)?.linePos;
  if (error instanceof Error && linePos) {
    const { line, col } = linePos[0];
    return `YAML syntax error at line ${line}, column ${col}: ${error.message.split(' at line ')[0]}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * QFlow rejects an override whose value is blank ("no variable field should be left blank",
 * 1.18 release notes), so catch it here with the variable's name rather than after a round trip.
 */
export function checkVariableValues(what: string, variables: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(variables)) {
    const blank = value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
    if (blank) {
      throw new InputError(
        `${what} leaves the variable ${quote(key)} blank (${JSON.stringify(value)}). QFlow needs a value for every overridden variable: give one, or leave ${quote(key)} out to keep the saved value.`,
      );
    }
    // Single quotes on a shell line keep `$REGION` as it is: no overridden variable's value looks like that.
    const reference = typeof value === 'string' ? unexpandedReference(value, true) : undefined;
    if (reference !== undefined) {
      throw new InputError(
        `${what} gives the variable ${quote(key)} the text ${quote(value as string)}, a reference to the CI variable ${reference} that was not expanded. Expected its value: define ${reference} in the CI (for a secret in Azure Pipelines, map it into the step's env), or write the value itself.`,
      );
    }
  }
}

/**
 * The CI variable a value names when it is nothing but a reference left unexpanded: Azure's `$(NAME)`
 * for a variable that is not defined (or a secret not mapped into the step), a shell's `${NAME}` in
 * single quotes or in a `with:` block, which no shell reads; with `bare`, `$NAME` too (upper case: no
 * plausible value of a setting that holds no secret, while a password may well begin with `$`).
 */
export function unexpandedReference(value: string, bare = false): string | undefined {
  const text = value.trim();
  const reference = /^\$\(([A-Za-z_][\w.]*)\)$/.exec(text) ?? /^\$\{([A-Za-z_]\w*)\}$/.exec(text);
  return (reference ?? (bare ? /^\$([A-Z_][A-Z0-9_]*)$/.exec(text) : null))?.[1];
}
