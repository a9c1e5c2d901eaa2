/**
 * The README's tables of inputs and outputs, generated from action.yml so the two never drift.
 * `npm run docs` rewrites them; a test fails when the README disagrees with action.yml.
 */
import { parse } from 'yaml';

interface ActionMetadata {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

const MARKERS = {
  inputs: ['<!-- inputs: generated from action.yml by `npm run docs` -->', '<!-- end of inputs -->'],
  outputs: ['<!-- outputs: generated from action.yml by `npm run docs` -->', '<!-- end of outputs -->'],
} as const;

function cell(text: string): string {
  return text
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** The Markdown tables of action.yml's inputs and outputs. */
export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionMetadata;
  const inputs = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback = input.required ? '(required)' : input.default ? `\`${cell(input.default)}\`` : '';
    return `| \`${name}\` | ${fallback} | ${cell(input.description ?? '')} |`;
  });
  const outputs = Object.entries(action.outputs ?? {}).map(([name, output]) => `| \`${name}\` | ${cell(output.description ?? '')} |`);
  return {
    inputs: ['| input | default | meaning |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | meaning |', '|---|---|', ...outputs].join('\n'),
  };
}

/** The README with its generated tables replaced by `tables`; throws when a marker is missing. */
export function withTables(readme: string, tables: { inputs: string; outputs: string }): string {
  let text = readme;
  for (const kind of ['inputs', 'outputs'] as const) {
    const [open, close] = MARKERS[kind];
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) throw new Error(`README.md has no '${open}' … '${close}' block for the ${kind} table.`);
    text = `${text.slice(0, start + open.length)}\n${tables[kind]}\n${text.slice(end)}`;
  }
  return text;
}
