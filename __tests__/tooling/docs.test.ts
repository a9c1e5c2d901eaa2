import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { Input, Output } from '../../src/names.js';
import { renderFlagsModule, renderNamesModule, renderTables, withTables } from '../../src/docs/readme.js';
import { DEFAULTS } from '../../src/settings/defaults.js';

const root = new URL('../../', import.meta.url);
const read = (name: string) => readFile(new URL(name, root), 'utf8');

describe('the README and action.yml', () => {
  it('have the same inputs and outputs: the README tables are generated (npm run docs)', async () => {
    const readme = await read('README.md');
    expect(withTables(readme, renderTables(await read('action.yml')))).toBe(readme);
  });

  it('notice a table edited by hand', async () => {
    const readme = await read('README.md');
    const edited = readme.replace('| `timeout` | `1h` |', '| `timeout` | `2h` |');
    expect(edited).not.toBe(readme);
    expect(withTables(edited, renderTables(await read('action.yml')))).not.toBe(edited);
  });

  it("give the command every input as a flag (less GitHub's own), with its variable and default: src/cli/flags.ts is generated", async () => {
    const { version } = JSON.parse(await read('package.json')) as { version: string };
    expect(renderFlagsModule(await read('action.yml'), version)).toBe(await read('src/cli/flags.ts'));
    const flags = await import('../../src/cli/flags.js');
    expect(flags.FLAGS.map((f) => f.name)).toEqual(Object.values(Input).filter((name) => name !== Input.CommentOnPr && name !== Input.GithubToken));
    expect(flags.FLAGS.find((f) => f.name === 'client-secret')).toMatchObject({ variable: 'QFLOW_CLIENT_SECRET', secret: true });
    expect(flags.FLAGS.find((f) => f.name === 'timeout')).toMatchObject({ variable: 'QFLOW_TIMEOUT', default: '1h' });
  });

  it('give the code its Input and Output enums: src/io-names.ts is generated', async () => {
    expect(renderNamesModule(await read('action.yml'))).toBe(await read('src/io-names.ts'));
  });

  it('state the defaults of the one table the settings reader follows (src/settings/defaults.ts)', async () => {
    const action = parse(await read('action.yml')) as { inputs: Record<string, { default?: string }> };
    for (const name of Object.values(Input)) {
      const stated = action.inputs[name].default ?? '';
      // An expression (the job's own token) is the runner's to fill in: action.yml's alone.
      if (stated.startsWith('${{')) expect(DEFAULTS[name]).toBeUndefined();
      else expect([name, stated]).toEqual([name, DEFAULTS[name] ?? '']);
    }
  });

  it('name every input and output the code reads and writes, and no other', async () => {
    const action = parse(await read('action.yml')) as { inputs: object; outputs: object };
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort());
  });
});
