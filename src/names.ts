/** The run's inputs and outputs, generated from action.yml (src/io-names.ts): nothing else spells these strings. */
export { Input, Output } from './io-names.js';
import { Input } from './io-names.js';

/**
 * How a front-end names a setting to its user: the action its inputs ('timeout'), the command its
 * flags (--timeout) or variables (QFLOW_TIMEOUT), as each was given. Every message about a setting is
 * worded through it, so the engine never speaks one front-end's language to the other's users.
 */
export interface SettingNames {
  /** The setting: 'timeout', --timeout or QFLOW_TIMEOUT. */
  readonly of: (name: Input) => string;
  /** The setting opening a sentence about the value given: Input 'timeout', Flag --timeout or QFLOW_TIMEOUT. */
  readonly subject: (name: Input) => string;
  /** The setting given a value, as the user writes it: 'wait: true' or --wait true. */
  readonly set: (name: Input, value: string) => string;
  /** The program, in a sentence: "the action" or "qflow-run". */
  readonly program: string;
  /** Markdown: where a result file the user did not place (in the temp folder) is named, after "at the path". */
  readonly resultPathIn: string;
}

/** The action's inputs, as a workflow's `with:` gives them. */
export const INPUT_NAMES: SettingNames = {
  of: (name) => `'${name}'`,
  subject: (name) => `Input '${name}'`,
  set: (name, value) => `'${name}: ${value}'`,
  program: 'the action',
  resultPathIn: "in the step's `output-file` output",
};

/** What the `result` output says about the run, in one word a later step can test. */
export type Result = 'success' | 'failure' | 'timed_out' | 'cancelled' | 'started' | 'validated';

/** A result that is no failure: the executions succeeded, were started (`wait: false`) or were only checked (`dry-run`). */
export function isFine(result: Result): boolean {
  return result === 'success' || result === 'started' || result === 'validated';
}
