/** Text a hostile gateway, proxy or workflow author might send, for the tests of every sink. */
export const HOSTILE = [
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
  '\n::set-output name=result::success',
  'QFLOW_OUT_RESULT=success',
  '\u202eevil\u202c',
  'a\u2028b\u2029c',
  'line\nbreak\r\nhere',
  ':rocket: <b>x</b>',
  '$(rm -rf /) `id` ${HOME}',
  '"quoted" \'single\' = equals',
  'x'.repeat(3000),
];

/** A deterministic mix of the hostile pieces and random characters. */
export function generated(count: number, seed = 7): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
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
