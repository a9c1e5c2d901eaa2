/**
 * Untrusted text in the summary and the comment renders as text, read the way GitHub reads Markdown (a
 * GFM renderer, then the HTML as a browser's DOM sees it): generated hostile strings in a table cell and
 * in a quoted line come out as nothing but that text.
 */
import { describe, expect, it } from '@jest/globals';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { mdCode, mdText } from '../../src/markdown.js';
import { generated, HOSTILE } from '../support/hostile.js';

/** What a reader sees of a text: one line, no unseen characters, cut as mdText cuts it. */
function seen(text: string, max = 2000): string {
  const line = text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function render(markdown: string): Document {
  return new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window.document;
}

describe('untrusted text in Markdown', () => {
  it('renders as exactly its text in a table cell and in a quote: no element, link, image, comment or mention', () => {
    for (const text of [...HOSTILE, ...generated(400)]) {
      const doc = render(`| Step |\n|---|\n| ${mdText(text)} |\n\n> ${mdText(text)}\n`);
      const tags = [...doc.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
      expect({ text, tags: [...new Set(tags)].sort() }).toEqual({
        text,
        tags: ['blockquote', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr'].filter((t) => tags.includes(t)),
      });
      expect(tags.filter((t) => t === 'td')).toHaveLength(1);
      const comments = doc.createTreeWalker(doc.body, 128 /* NodeFilter.SHOW_COMMENT */);
      expect(comments.nextNode()).toBeNull();
      const cell = doc.querySelector('td')!.textContent;
      const quote = doc.querySelector('blockquote')!.textContent.trim();
      expect({ text, cell: cell.replace(/\u2060/g, '') }).toEqual({ text, cell: seen(text) });
      expect({ text, quote: quote.replace(/\u2060/g, '') }).toEqual({ text, quote: seen(text) });
      // No mention, issue reference or autolink can start: a word joiner follows every @ and #.
      expect(cell).not.toMatch(/[@#][^\u2060]/);
    }
  });

  it('keeps an ID in one code span and one cell, whatever it holds', () => {
    for (const id of ['a|b', 'a`b', 'x\ny', '<b>id</b>']) {
      const doc = render(`| ID |\n|---|\n| ${mdCode(id)} |\n`);
      expect(doc.querySelectorAll('td')).toHaveLength(1);
      expect(doc.querySelectorAll('td code')).toHaveLength(1);
      expect(doc.querySelector('td')!.textContent).toBe(id.replace(/`/g, "'").replace(/\n/g, ' '));
    }
  });
});
