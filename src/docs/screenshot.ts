/**
 * `npm run screenshot`: the README's picture of a failed run's job summary, in GitHub's light and dark
 * themes. It runs the bundled action against the simulator (the demo's failing run), renders the
 * summary it wrote as GitHub does (GFM with GitHub's own stylesheet, Mermaid in the theme's colours)
 * and photographs it in Chromium: docs/summary-failed-light.png and docs/summary-failed-dark.png.
 *
 * Needs Chromium (Debian: `apt-get install chromium`; or set CHROMIUM to its path). Not part of the
 * tests: the tests check the same summary as text, as GFM and as Mermaid.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { marked } from 'marked';
import { chromium } from 'playwright-core';
import { failingSampleWorkflow, QFlowSimulator } from '../simulator/server.js';
import { runAction } from '../simulator/runner.js';

const WIDTH = 880;
const THEMES = [
  { name: 'light', background: '#ffffff', css: 'github-markdown-light.css', mermaid: 'default' },
  { name: 'dark', background: '#0d1117', css: 'github-markdown-dark.css', mermaid: 'dark' },
] as const;

const summary = await failedRunSummary();
await mkdir('docs', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // The flags a closed network needs: no background calls home, no sandbox as root.
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const theme of THEMES) {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 600 }, deviceScaleFactor: 1 });
    await page.setContent(await html(summary, theme), { waitUntil: 'load' });
    // Mermaid draws after the page loads; the picture is taken once every diagram is an SVG.
    await page.waitForFunction(() => [...document.querySelectorAll('pre.mermaid')].every((pre) => pre.querySelector('svg') !== null));
    const file = path.join('docs', `summary-failed-${theme.name}.png`);
    await page.locator('article').screenshot({ path: file });
    console.log(`Wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
}

/** The job summary of the demo's failing run, as the bundled action wrote it. */
async function failedRunSummary(): Promise<string> {
  const workflow = failingSampleWorkflow({ durationMs: 3000 });
  const simulator = new QFlowSimulator({ workflows: [workflow], credentials: { clientId: 'demo-client', clientSecret: 'demo-client-secret' } });
  for (let i = 1; i <= 5; i++) {
    simulator.addExecution({ workflowId: workflow.id, createdAt: Date.now() - i * 3600_000, durationMs: 3000 + 100 * i, finalStatus: 'Success' });
  }
  const url = await simulator.start();
  try {
    const run = await runAction({
      'gateway-url': url,
      'client-id': 'demo-client',
      'client-secret': 'demo-client-secret',
      'workflow-id': workflow.id,
      'poll-interval': '1s',
      'max-poll-interval': '2s',
    });
    if (!run.summary.includes('```mermaid')) throw new Error(`The failing run wrote no picture of the workflow:\n${run.stdout}`);
    return run.summary;
  } finally {
    await simulator.stop();
  }
}

/** The summary as GitHub shows it: GFM in GitHub's stylesheet, the Mermaid blocks drawn by Mermaid. */
async function html(markdown: string, theme: (typeof THEMES)[number]): Promise<string> {
  const css = await readFile(path.join('node_modules', 'github-markdown-css', theme.css), 'utf8');
  const mermaid = await readFile(path.join('node_modules', 'mermaid', 'dist', 'mermaid.min.js'), 'utf8');
  const body = (await marked.parse(markdown, { gfm: true })).replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    (_, diagram: string) => `<pre class="mermaid">${diagram}</pre>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: ${theme.background}; }
article { box-sizing: border-box; width: ${WIDTH}px; padding: 24px 32px; }
pre.mermaid { background: transparent; text-align: center; }
</style></head><body><article class="markdown-body">${body}</article>
<script>${mermaid}</script>
<script>mermaid.initialize({ startOnLoad: true, theme: '${theme.mermaid}' });</script>
</body></html>`;
}
