import { describe, expect, it } from '@jest/globals';
import { inPool } from '../../src/pool.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inPool', () => {
  it('works through every item in order, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await inPool([10, 11, 12, 13, 14, 15, 16], 3, async (item, index) => {
      started.push(item - index);
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    });
    expect(started).toEqual([10, 10, 10, 10, 10, 10, 10]);
    expect(most).toBe(3);
  });

  it('starts no further item once told to stop, and lets those under way finish', async () => {
    const done: number[] = [];
    let stop = false;
    await inPool(
      [1, 2, 3, 4, 5, 6],
      2,
      async (item) => {
        await tick();
        if (item === 3) stop = true;
        done.push(item);
      },
      () => stop,
    );
    expect(done.sort()).toEqual([1, 2, 3, 4]);
  });

  it('ends with the error a piece of work throws', async () => {
    await expect(
      inPool([1, 2, 3], 2, async (item) => {
        await tick();
        if (item === 2) throw new Error('two');
      }),
    ).rejects.toThrow('two');
  });
});
