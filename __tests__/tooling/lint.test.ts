import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const bin = (name: string) => path.resolve('node_modules/.bin', name);
// The project's own layer rules (a plain JS module, so loaded by a path TypeScript does not resolve).
const layersModule = '../../eslint.layers.js';
const { default: layers } = (await import(layersModule)) as { default: Linter.Config[] };

/** Lints `source` as if it were the file `file`, with exactly the layer rules. */
async function lintAs(file: string, source: string) {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layers],
  });
  const [result] = await eslint.lintText(source, { filePath: path.resolve(file) });
  return result;
}

describe('the lint and format checks of npm test', () => {
  it('fail on a planted lint error', () => {
    const run = spawnSync(bin('eslint'), ['--max-warnings', '0', '--stdin', '--stdin-filename', 'planted.js'], {
      input: 'const unused = 1;\n',
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("'unused' is assigned a value but never used");
  });

  it.each([
    ['src/qflow/planted.ts', "import { run } from '../action/main.js';"],
    ['src/wait/planted.ts', "import { runQFlow } from '../run/engine.js';"],
    ['src/run/planted.ts', "import * as core from '@actions/core';"],
    ['src/run/other.ts', "import { run } from '../cli/main.js';"],
    ['src/cli/planted.ts', "import { commentOnPullRequest } from '../action/comment.js';"],
    ['src/wait/other.ts', "import { readSettings } from '../settings/read.js';"],
    ['src/qflow/other.ts', "import { summaryMarkdown } from '../report/summary.js';"],
    ['src/settings/planted.ts', "import { runQFlow } from '../run/engine.js';"],
    ['src/cli/other.ts', "import { HttpClient } from '@actions/http-client';"],
    ['src/action/planted.ts', "import { publish } from '../cli/publish.js';"],
  ])('fail when %s imports upward, from the engine or a front-end, or from its sibling', async (file, source) => {
    const result = await lintAs(file, `${source}\nexport {};\n`);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['src/action/planted.ts', "export const m = await import('../cli/publish.js');"],
    ['src/cli/planted.ts', "export const m = await import('../action/proxy.js');"],
    ['src/cli/other.ts', "export const m = await import('@actions/github');"],
    ['src/wait/planted.ts', "export const m = await import('../settings/read.js');"],
    ['src/run/planted.ts', "export const m = await import('../cli/main.js');"],
  ])('fail when %s loads across the layers with import()', async (file, source) => {
    const result = await lintAs(file, `${source}\n`);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['no-restricted-syntax']);
  });

  it('let the front-ends import the engine', async () => {
    const result = await lintAs('src/cli/planted.ts', "import { runQFlow } from '../run/engine.js';\nexport {};\n");
    expect(result.messages).toEqual([]);
  });

  it('fail on code Prettier would lay out otherwise', () => {
    const run = spawnSync(bin('prettier'), ['--check', '--stdin-filepath', 'planted.ts'], { input: 'const  x = {a:1}\n', encoding: 'utf8' });
    expect(run.status).not.toBe(0);
  });
});
