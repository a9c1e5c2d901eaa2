/**
 * Untrusted text in the summary and the comment renders as text, read the way GitHub reads Markdown (a
 * GFM renderer, then the HTML as a browser's DOM sees it): generated hostile strings in a table cell and
 * in a quoted line come out as nothing but that text.
 */
import { describe, expect, it } from '@jest/globals';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { mdCode, mdText } from '../src/markdown.js';

const HOSTILE = [
  '<img src="https://tracker.example/p.gif">',
  '<h1>Approved by security</h1>',
  '[Approve the deploy](https://phish.example/ok)',
  '![x](https://tracker.example/i.png)',
  '<!-- the rest is hidden',
  '-->',
  'contact @acme/security-team',
  'mail root@example.com',
  'see #12 and GH-3',
  'https://phish.example/a?b=c',
  'www.phish.example',
  '| a | b |',
  '`code` ``x``',
  '**bold** _em_ ~~gone~~',
  '# heading',
  '> quote',
  '- item',
  '1. first',
  '---',
  '\\',
  '&lt;b&gt; &amp;',
  '<script>alert(1)</script>',
  '<details><summary>x</summary>',
  '::error::injected',
  '\u202eevil\u202c',
  'a\u2028b\u2029c',
  'line\nbreak\r\nhere',
  ':rocket: <b>x</b>',
  '$(rm -rf /) `id`',
  'x'.repeat(3000),
];

/** A deterministic mix of the hostile pieces and random characters. */
function generated(count: number): string[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = '<>&"\'`*_[]()#!|~\\-+.:@/ =\n\u2028\u202e$aZ9';
  return Array.from({ length: count }, () => {
    const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
      next() < 0.6
        ? HOSTILE[Math.floor(next() * HOSTILE.length)]
        : Array.from({ length: 8 }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    );
    return parts.join(next() < 0.5 ? ' ' : '');
  });
}

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
