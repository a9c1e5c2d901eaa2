/**
 * Every sink holds gateway text as text. Generated hostile strings (HTML, Markdown, Mermaid, workflow
 * commands, line breaks, `=`, quotes, `$(…)`, bidi controls, long text) are put into every field a
 * gateway or a workflow's author controls (step names, types, statuses and messages, step output) and
 * every field a user gives (a matrix label, variable values); then each sink is read the way its reader
 * reads it: the log as the runner reads commands, the outputs, the summary and the comment through a GFM
 * renderer, the dotenv report as GitLab reads it, the JSON and the result file as JSON. The outcome
 * must not change.
 */
import { describe, expect, it } from '@jest/globals';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { dotenvText } from '../../src/cli/publish.js';
import { Output } from '../../src/names.js';
import { buildOutputs } from '../../src/report/outputs.js';
import { fitComment } from '../../src/action/comment.js';
import { withSimulator } from '../support/e2e.js';
import { runEngine } from '../support/engine.js';
import { generated } from '../support/hostile.js';

/** The elements a summary may have: its own headings, tables, quote, emphasis, code and the diagram. */
const ALLOWED = new Set(['h2', 'h3', 'p', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'strong', 'em']);

function markupIn(markdown: string): string[] {
  const doc = new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window.document;
  const found = [...doc.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).filter((t) => !ALLOWED.has(t));
  const walker = doc.createTreeWalker(doc.body, 128 /* comments */);
  if (walker.nextNode()) found.push('<!-- comment -->');
  // A mention or an issue reference notifies only when @ or # is followed by a name.
  if (/[@#][\w-]/.test(doc.body.textContent)) found.push('mention');
  return found;
}

describe('every sink, with hostile text in every field', () => {
  it.each([1, 2, 3])('keeps text as text and the outcome as it is (seed %i)', (seed) => {
    const texts = generated(24, seed);
    const label =
      texts[0]
        .replace(/[\r\n\u2028\u2029\u202e]/g, ' ')
        .slice(0, 60)
        .trim() || 'x';
    return withSimulator(
      {
        workflow: {
          finalStatus: 'Failed',
          steps: texts.map((text, i) => ({
            nodeId: `node-${i}-step`,
            nodeType: text.slice(0, 40),
            name: text,
            status: i === 3 ? 'Failed' : `Success ${text.slice(0, 20)}`,
            message: text,
            output: { text, [text.slice(0, 30)]: [text] },
          })),
        },
        listDelayMs: 0,
      },
      async (sim, workflow) => {
        const published: { values?: Map<Output, string> } = {};
        const { report, lines, summary, resultFile } = await runEngine(
          sim,
          workflow,
          {
            matrix: JSON.stringify([
              { label, variables: { credentials: 'aa70acae-6ea8-3acf-b504-f327855b316a', region: 'us-east-1', note: texts[1] } },
            ]),
            'step-outputs': '*',
            'allow-unknown-variables': 'true',
          },
          undefined,
          async (r, redactor) => {
            published.values = (await buildOutputs(r, redactor)).values;
          },
        );
        // The outcome: the failed step fails the run, whatever the text around it.
        expect(report.result).toBe('failure');
        expect(report.executions[0].failedSteps.map((s) => s.nodeId)).toEqual(['node-3-step']);
        // The log: no line the runner would take for a command.
        for (const line of lines.flatMap((l) => l.split(/\r?\n|\r/))) expect(line).not.toMatch(/^\s*::/);
        // The summary and the comment, as GitHub renders them.
        expect(markupIn(summary)).toEqual([]);
        expect(markupIn(fitComment(summary))).toEqual([]);
        // The outputs: one-line ones on one line, JSON ones valid JSON.
        const values = published.values!;
        for (const name of [Output.ExecutionId, Output.Status, Output.Result, Output.StartedAt, Output.EndedAt, Output.DurationSeconds]) {
          expect(values.get(name) ?? '').not.toMatch(/[\r\n\u2028\u2029]/);
        }
        for (const name of [Output.Executions, Output.StepOutputs, Output.FailedSteps])
          expect(() => JSON.parse(values.get(name) ?? 'null') as unknown).not.toThrow();
        // The step output arrives whole, as data.
        const outputs = JSON.parse(values.get(Output.StepOutputs)!) as Record<string, Record<string, unknown>>;
        const first = Object.values(outputs)[0];
        expect(Object.values(first)[0]).toEqual({ text: texts[0], [texts[0].slice(0, 30)]: [texts[0]] });
        // The dotenv report, as GitLab reads it: our keys only, one a line.
        const dotenv = dotenvText(values).text;
        const keys = dotenv
          .trimEnd()
          .split('\n')
          .map((l) => l.slice(0, l.indexOf('=')));
        expect(keys.every((k) => /^QFLOW_OUT_[A-Z_]+$/.test(k))).toBe(true);
        expect(new Set(keys).size).toBe(keys.length);
        // The result file is JSON.
        expect(resultFile).toMatchObject({ result: 'failure' });
      },
    );
  });
});

describe('internal faults and neighbours of secrets', () => {
  it('keeps a step output nested 100,000 deep as data, with no internal error text', () =>
    withSimulator(
      { workflow: { steps: [{ nodeId: 'node-1-deep', nodeType: 'AWS', outputText: '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) }] } },
      async (sim, workflow) => {
        const { report, lines } = await runEngine(sim, workflow, { 'step-outputs': '*' });
        expect(report.result).toBe('success');
        expect(lines.join('\n')).not.toMatch(/Maximum call stack|RangeError|TypeError/);
        expect(report.executions[0].stepOutputs).toHaveLength(1);
      },
    ));

  it("masks a refused login's secret, not the words after 'password:'", () =>
    withSimulator({ credentials: { username: 'alice', password: 'right-password-1' } }, async (sim, workflow) => {
      const { report } = await runEngine(sim, workflow, { 'client-id': '', 'client-secret': '', username: 'alice', password: 'wrong-password-1' });
      expect(report.message).toContain('Could not log in with the username and password: QFlow answered HTTP 401.');
      expect(report.message).not.toContain('wrong-password-1');
    }));
});
