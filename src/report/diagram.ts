/**
 * A picture of the workflow for the summary: a Mermaid flowchart of its nodes (from the definition's
 * `next` and `previous`), each styled by its step's status. GitHub renders Mermaid with its defaults
 * (at most 50,000 characters and 500 edges); the picture is drawn only well within them.
 */
import type { StepRecord } from '../qflow/client.js';
import type { WorkflowComponent } from '../qflow/definition.js';

/** Nodes drawn at most: beyond this the steps table alone says it. */
export const MAX_DIAGRAM_NODES = 60;

/**
 * What each colour means, for the line under the picture. Every box has dark text on a pale fill, so it
 * reads the same in GitHub's light and dark themes.
 */
const LEGEND: Record<string, string> = {
  succeeded: 'green: succeeded',
  failed: 'red: failed',
  notrun: 'grey dashed: not run',
  unknown: 'yellow dashed: not known yet (the execution had not ended)',
};

/** The legend of a diagram: what each colour it uses means, and only those. */
export function legendOf(diagram: string): string {
  return Object.entries(LEGEND)
    .filter(([kind]) => new RegExp(`^  class n\\d+ ${kind}$`, 'm').test(diagram))
    .map(([, meaning]) => meaning)
    .join(', ');
}

/**
 * The Mermaid block, or undefined when there is nothing to draw or too much. `ended`: the execution
 * ended, so a node without a step did not run; before its end (a wait that timed out) it is not known yet.
 */
export function workflowDiagram(components: WorkflowComponent[], steps: StepRecord[], failed: Set<string>, ended = true): string | undefined {
  if (components.length === 0 || components.length > MAX_DIAGRAM_NODES) return undefined;
  // Mermaid's own IDs are n0, n1, …: a node ID can hold characters Mermaid reads as syntax.
  const key = new Map(components.map((c, i) => [c.id, `n${i}`]));
  const ran = new Set(steps.map((s) => s.nodeId));
  const lines = ['```mermaid', 'flowchart LR'];
  for (const c of components) lines.push(`  ${key.get(c.id)}["${label(c.name)}"]`);
  const edges = new Set<string>();
  for (const c of components) {
    for (const next of c.next) if (key.has(next)) edges.add(`${key.get(c.id)} --> ${key.get(next)}`);
    for (const previous of c.previous) if (key.has(previous)) edges.add(`${key.get(previous)} --> ${key.get(c.id)}`);
  }
  for (const edge of edges) lines.push(`  ${edge}`);
  for (const c of components) {
    // The trigger node (`trigger` in the API guide's sample) is no step of the list: it ran if anything did.
    const triggered = c.type.toLowerCase() === 'trigger' && !ran.has(c.id) && steps.length > 0;
    const kind = failed.has(c.id) ? 'failed' : ran.has(c.id) || triggered ? 'succeeded' : ended ? 'notrun' : 'unknown';
    lines.push(`  class ${key.get(c.id)} ${kind}`);
  }
  lines.push(
    '  classDef succeeded fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
    '  classDef failed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,color:#1f2328',
    '  classDef notrun fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:3 3,color:#1f2328',
    '  classDef unknown fill:#fff8c5,stroke:#9a6700,stroke-dasharray:3 3,color:#1f2328',
    '```',
  );
  return lines.join('\n');
}

/** A step name as a Mermaid label: quotes, brackets and the like as entity codes, on one line. */
export function label(name: string): string {
  return name
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[#"<>&{}[\]()|`;]/g, (c) => `#${c.charCodeAt(0)};`)
    .slice(0, 200);
}
