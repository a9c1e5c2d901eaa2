/**
 * The README's tables of inputs, outputs and command flags, and the command's flag list
 * (src/cli/flags.ts), generated from action.yml so they never drift. `npm run docs` rewrites them; a
 * test fails when either disagrees with action.yml.
 */
import { mdDocCell } from '../markdown.js';
import { parse } from 'yaml';
import { GITHUB_ONLY, SECRET_INPUTS, variableOf, type Flag } from '../cli/flag.js';

interface ActionMetadata {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

const MARKERS = {
  inputs: ['<!-- inputs: generated from action.yml by `npm run docs` -->', '<!-- end of inputs -->'],
  outputs: ['<!-- outputs: generated from action.yml by `npm run docs` -->', '<!-- end of outputs -->'],
  flags: ['<!-- flags: generated from action.yml by `npm run docs` -->', '<!-- end of flags -->'],
} as const;

type Tables = Record<keyof typeof MARKERS, string>;

/** The command's flags: action.yml's inputs, less those that only make sense on GitHub. */
export function flagsOf(actionYml: string): Flag[] {
  const action = parse(actionYml) as ActionMetadata;
  return Object.entries(action.inputs ?? {})
    .filter(([name]) => !GITHUB_ONLY.includes(name))
    .map(([name, input]) => ({
      name,
      variable: variableOf(name),
      default: input.required ? '' : (input.default ?? ''),
      description: mdDocCell(input.description ?? ''),
      secret: SECRET_INPUTS.includes(name),
    }));
}

/** src/cli/flags.ts: the flags and the version, for `qflow-run --help` and `--version`. */
export function renderFlagsModule(actionYml: string, version: string): string {
  return [
    '// Generated from action.yml and package.json by `npm run docs`; a test fails when it is stale.',
    "import type { Flag } from './flag.js';",
    '',
    `export const VERSION = ${JSON.stringify(version)};`,
    '',
    `export const FLAGS: Flag[] = ${JSON.stringify(flagsOf(actionYml), null, 2)};`,
    '',
  ].join('\n');
}

/** Enum members that are not the name in PascalCase: `Input.Input` would read badly. */
const MEMBER_NAMES: Record<string, string> = { input: 'RunInput' };

/** src/io-names.ts: the Input and Output enums, one member for each input and output of action.yml, in its order. */
export function renderNamesModule(actionYml: string): string {
  const action = parse(actionYml) as ActionMetadata;
  const members = (names: string[]) =>
    names.map((name) => `  ${MEMBER_NAMES[name] ?? name.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase())} = '${name}',`);
  return [
    '// Generated from action.yml by `npm run docs`; a test fails when it is stale. Import them from names.ts.',
    '',
    "/** The run's inputs, named as action.yml names them; the command's flags are the same names (`--workflow-id`). */",
    'export enum Input {',
    ...members(Object.keys(action.inputs ?? {})),
    '}',
    '',
    "/** The action's outputs, as action.yml names them. */",
    'export enum Output {',
    ...members(Object.keys(action.outputs ?? {})),
    '}',
    '',
  ].join('\n');
}

/** The Markdown tables of action.yml's inputs and outputs. */
export function renderTables(actionYml: string): Tables {
  const action = parse(actionYml) as ActionMetadata;
  const inputs = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback = input.required ? '(required)' : input.default ? `\`${mdDocCell(input.default)}\`` : '';
    return `| \`${name}\` | ${fallback} | ${mdDocCell(input.description ?? '')} |`;
  });
  const outputs = Object.entries(action.outputs ?? {}).map(([name, output]) => `| \`${name}\` | ${mdDocCell(output.description ?? '')} |`);
  const flags = flagsOf(actionYml).map(
    (flag) =>
      `| \`--${flag.name}\` | \`${flag.variable}\`${flag.secret ? ' (use this)' : ''} | ${flag.default ? `\`${mdDocCell(flag.default)}\`` : ''} |`,
  );
  return {
    inputs: ['| input | default | meaning |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | meaning |', '|---|---|', ...outputs].join('\n'),
    flags: ['| flag | environment variable | default |', '|---|---|---|', ...flags].join('\n'),
  };
}

/** The README with its generated tables replaced by `tables`; throws when a marker is missing. */
export function withTables(readme: string, tables: Tables): string {
  let text = readme;
  for (const kind of ['inputs', 'outputs', 'flags'] as const) {
    const [open, close] = MARKERS[kind];
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) throw new Error(`README.md has no '${open}' … '${close}' block for the ${kind} table.`);
    text = `${text.slice(0, start + open.length)}\n${tables[kind]}\n${text.slice(end)}`;
  }
  return text;
}
