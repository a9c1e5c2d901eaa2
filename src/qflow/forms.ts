/**
 * The documented forms of what QFlow answers, checked before a value goes into a URL, a file name, an
 * output or a log. Everything a gateway (or a proxy in front of it) sends is untrusted: an
 * `executionId` holding `../` would otherwise become a path, and a status holding a newline and
 * `::` would become a command to the runner.
 */

/** Workflow and execution IDs are UUIDs (qflow-api.md: every sample and the run answer). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Characters a QFlow node ID is made of (e.g. `node-e3a84822-qualysevent`, `trigger`); keeps URLs unambiguous. */
const NODE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;
/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isNodeId(value: unknown): value is string {
  return typeof value === 'string' && NODE_ID.test(value);
}

/**
 * A short text from an answer (a status, a step type) made safe to print: control characters become
 * a space, so it stays on one line, and it is cut at `max` characters. '' for anything but a string.
 */
export function plainText(value: unknown, max = 100): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(CONTROL, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
