import { describe, expect, it } from '@jest/globals';
import { onePerChange } from '../../src/cli/terminal.js';

describe("the command's log", () => {
  it('says a status once until it changes, though a note on the budget came between two looks that saw it', () => {
    const said: string[] = [];
    const info = onePerChange((line) => said.push(line));
    for (const line of [
      'Recent runs of this workflow took about 5m (±20s, from 20 runs); polling most around then.',
      '[6s] Running',
      "Polling less often to spare the subscription's API budget: 199 of 300 calls left.",
      '[29s] Running',
      '[4m 58s] Running',
      '[5m 3s] Success',
    ]) {
      info(line);
    }
    expect(said).toEqual([
      'Recent runs of this workflow took about 5m (±20s, from 20 runs); polling most around then.',
      '[6s] Running',
      "Polling less often to spare the subscription's API budget: 199 of 300 calls left.",
      '[5m 3s] Success',
    ]);
  });

  it('says a line said twice in a row once', () => {
    const said: string[] = [];
    const info = onePerChange((line) => said.push(line));
    info('Waiting 5s: the gateway asked for no calls before then.');
    info('Waiting 5s: the gateway asked for no calls before then.');
    expect(said).toHaveLength(1);
  });
});
