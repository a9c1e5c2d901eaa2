import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = (name: string) => path.resolve('node_modules/.bin', name);

describe('the lint and format checks of npm test', () => {
  it('fail on a planted lint error', () => {
    const run = spawnSync(bin('eslint'), ['--max-warnings', '0', '--stdin', '--stdin-filename', 'planted.js'], {
      input: 'const unused = 1;\n',
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("'unused' is assigned a value but never used");
  });

  it('fail on code Prettier would lay out otherwise', () => {
    const run = spawnSync(bin('prettier'), ['--check', '--stdin-filepath', 'planted.ts'], { input: 'const  x = {a:1}\n', encoding: 'utf8' });
    expect(run.status).not.toBe(0);
  });
});
