import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { Input, Output } from '../src/action/constants.js';
import { renderTables, withTables } from '../src/docs/readme.js';

const root = new URL('../', import.meta.url);
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

  it('name every input and output the code reads and writes, and no other', async () => {
    const action = parse(await read('action.yml')) as { inputs: object; outputs: object };
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort());
  });
});
