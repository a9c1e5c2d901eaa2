import { describe, expect, it } from '@jest/globals';
import { Pager } from '../../src/qflow/paging.js';

/** The pages a pager asks for from a list of `length` items on a server whose pages hold at most `largest`. */
function pagesAsked(length: number, asked: number, largest: number, withTotal = true): [number, number][] {
  const pager = new Pager(asked);
  const pages: [number, number][] = [];
  while (!pager.done && pages.length < 20) {
    pages.push([pager.pageNumber, pager.size]);
    const size = Math.min(pager.size, largest);
    const from = (pager.pageNumber - 1) * size;
    pager.advance(Math.max(0, Math.min(size, length - from)), withTotal ? length : undefined);
  }
  return pages;
}

describe('Pager', () => {
  it('reads a list page by page and stops at its total', () => {
    expect(pagesAsked(120, 50, 1000)).toEqual([
      [1, 50],
      [2, 50],
      [3, 50],
    ]);
    expect(pagesAsked(100, 50, 1000)).toEqual([
      [1, 50],
      [2, 50],
    ]);
  });

  it('pages on by the size of a server that sends less than asked for while its total says there is more', () => {
    expect(pagesAsked(70, 100, 30)).toEqual([
      [1, 100],
      [2, 30],
      [3, 30],
    ]);
  });

  it('takes a short page as the last one when the server sends no total', () => {
    expect(pagesAsked(70, 100, 30, false)).toEqual([[1, 100]]);
    expect(pagesAsked(120, 50, 1000, false)).toEqual([
      [1, 50],
      [2, 50],
      [3, 50],
    ]);
  });

  it('stops at an empty page', () => {
    const pager = new Pager(50);
    pager.advance(0, 10);
    expect(pager.done).toBe(true);
  });
});
