/**
 * Untrusted text in Markdown: the one way step names, types, statuses, messages, labels, variable values
 * and IDs from answers go into the job summary and the pull-request comment. A gateway, a proxy or a
 * workflow's author can put anything in them; a reviewer deciding on a deployment reads this page, so
 * what they wrote must show as the text it is: never HTML, a link, an image, a heading, a hidden
 * comment, a table break, or a mention that notifies someone.
 *
 * Decided: mentions (`@team`), issue references (`#12`) and autolinks (`https://…`, `www.…`,
 * `a@b.example`) are broken with a WORD JOINER (U+2060), which shows as nothing, rather than put in
 * code spans: a code span would change how every message reads, and a backtick in the text could end it.
 * Markdown's punctuation is escaped with a backslash, and `<`, `>`, `&` become entities, so a reader
 * sees the characters themselves. Mermaid labels keep their own escaping (report/diagram.ts).
 */

/** Bidirectional controls: they reorder what a reader sees. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Control characters and the Unicode line and paragraph separators: a line break would end the table row. */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Characters that start inline Markdown anywhere in a line (escapes, code, emphasis, links, strikethrough,
 * table cells); a backslash before each makes it plain. The rest matter only where a line starts.
 */
const INLINE = /[\\`*_[\]|~]/g;
/** What opens a block (a list item, a heading, a quote, a rule) at the start of a line. */
const BLOCK_START = /^(?:[-+=#]|\d{1,9}(?=[.)]))/;
const WORD_JOINER = '\u2060';

/** Text as Markdown that renders as that text, on one line, cut at `max` characters (before escaping). */
export function mdText(text: string, max = 2000): string {
  const line = text.replace(BIDI, '').replace(BREAKS, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return (
    cut
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(INLINE, (c) => `\\${c}`)
      // Within a word (credentials_azure) an underscore starts no emphasis: left as it is, for a readable file.
      .replace(/(?<=[\p{L}\p{N}])\\_(?=[\p{L}\p{N}])/gu, '_')
      // "1. x" and "2) x" are list items: the dot or bracket is escaped; "- x", "# x" their first character.
      .replace(BLOCK_START, (start) => (/^\d/.test(start) ? start : `\\${start}`))
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
      // Mentions, emails, issue references and autolinks: a word joiner after the character that starts them.
      .replace(/[@#]/g, (c) => `${c}${WORD_JOINER}`)
      .replace(/(www)\./gi, `$1${WORD_JOINER}.`)
      .replace(/:\/\//g, `:${WORD_JOINER}//`)
  );
}

/** An ID (a UUID, a node ID, a path) as inline code: its backticks cannot end the span, nor a `|` the table cell. */
export function mdCode(text: string): string {
  const line = text.replace(BIDI, '').replace(BREAKS, ' ').replace(/`/g, "'").replace(/\|/g, '\\|');
  return `\`${line}\``;
}

/**
 * Our own documentation text (action.yml's descriptions) as one table cell: its Markdown is meant, so
 * only what would end the row or the cell, a line break or a `|`, is changed.
 */
export function mdDocCell(text: string): string {
  return text
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}
