import { describe, expect, it } from '@jest/globals';
import { label, MAX_DIAGRAM_NODES, workflowDiagram } from '../../src/report/diagram.js';
import type { StepRecord } from '../../src/qflow/client.js';
import type { WorkflowComponent } from '../../src/qflow/definition.js';

const node = (id: string, name: string, type: string, next: string[] = [], previous: string[] = []): WorkflowComponent => ({
  id,
  name,
  type,
  next,
  previous,
});
const step = (nodeId: string): StepRecord => ({ nodeId, nodeType: 'AWS', status: 'Success' });

/** trigger → scan → fix, as the API guide's sample draws a workflow. */
const WORKFLOW = [
  node('trigger', 'On demand', 'trigger', ['scan']),
  node('scan', 'Find open buckets', 'AWS', ['fix']),
  node('fix', 'Close them', 'AWS', [], ['scan']),
];

/** The class each node is drawn with, by the label it shows. */
function classes(diagram: string): Record<string, string> {
  const labels = new Map([...diagram.matchAll(/^ {2}(n\d+)\["(.*)"\]$/gm)].map((m) => [m[1], m[2]]));
  return Object.fromEntries([...diagram.matchAll(/^ {2}class (n\d+) (\w+)$/gm)].map((m) => [labels.get(m[1]) ?? m[1], m[2]]));
}

describe('workflowDiagram', () => {
  it('draws each node by its name, with one edge per link however the definition gives it', () => {
    const diagram = workflowDiagram(WORKFLOW, [], new Set())!;
    expect(diagram.startsWith('```mermaid\nflowchart LR\n')).toBe(true);
    expect(diagram.endsWith('\n```')).toBe(true);
    // scan → fix is given as the scan's next and as the fix's previous: drawn once.
    expect(diagram.match(/-->/g)).toHaveLength(2);
    expect(diagram).toContain('n0 --> n1');
    expect(diagram).toContain('n1 --> n2');
  });

  it('colours a failed run: the trigger ran, the step before succeeded, the failed one is red, the rest did not run', () => {
    expect(classes(workflowDiagram(WORKFLOW, [step('scan')], new Set(['scan']))!)).toEqual({
      'On demand': 'succeeded',
      'Find open buckets': 'failed',
      'Close them': 'notrun',
    });
  });

  it('draws the nodes without a step as not known yet while the execution has not ended (a wait that timed out)', () => {
    expect(classes(workflowDiagram(WORKFLOW, [step('scan')], new Set(), false)!)).toEqual({
      'On demand': 'succeeded',
      'Find open buckets': 'succeeded',
      'Close them': 'unknown',
    });
  });

  it('gives every class a dark text colour, so labels read on pale fills in both of GitHub’s themes', () => {
    const defs = workflowDiagram(WORKFLOW, [], new Set())!
      .split('\n')
      .filter((l) => l.includes('classDef'));
    expect(defs).toHaveLength(4);
    for (const def of defs) expect(def).toMatch(/color:#1f2328/);
  });

  it('draws nothing for no nodes, or for more than it can draw legibly', () => {
    expect(workflowDiagram([], [], new Set())).toBeUndefined();
    const many = Array.from({ length: MAX_DIAGRAM_NODES + 1 }, (_, i) => node(`n${i}`, `Step ${i}`, 'AWS'));
    expect(workflowDiagram(many, [], new Set())).toBeUndefined();
    expect(workflowDiagram(many.slice(1), [], new Set())).toBeDefined();
  });

  it('ignores a link to a node the definition does not have', () => {
    const diagram = workflowDiagram([node('a', 'A', 'AWS', ['ghost'], ['phantom'])], [], new Set())!;
    expect(diagram).not.toContain('-->');
  });
});

describe('label', () => {
  it('turns what Mermaid reads as syntax into entity codes, on one line', () => {
    expect(label('Fix "open" [buckets] <now>; a|b')).toBe('Fix #34;open#34; #91;buckets#93; #60;now#62;#59; a#124;b');
    expect(label('line one\r\nline two')).toBe('line one line two');
  });

  it('drops the characters that reverse how text reads, and keeps a label short', () => {
    expect(label('abc\u202edef')).toBe('abcdef');
    expect(label('x'.repeat(500))).toHaveLength(200);
  });
});
