import { describe, expect, it } from '@jest/globals';

import { summaryMarkdown } from '../../src/report/summary.js';
import { report } from '../support/report.js';

describe('summaryMarkdown', () => {
  it('shows the IDs, status, timings and result file, and the failed steps first', () => {
    const md = summaryMarkdown(
      report({
        result: 'failure',
        status: 'Failed',
        outputFile: '/tmp/r.json',
        outputFileChosen: true,
        message: 'QFlow execution ended with status Failed.',
      }),
    );
    expect(md).toContain('## ❌ QFlow workflow failed at node `node-b`');
    expect(md).toContain('| Execution | `6ad5f333-c4ad-4008-b0d3-caab170d130b` |');
    expect(md).toContain('| Duration | 1m 5s |');
    expect(md).toContain('| Result file | `/tmp/r.json` |');
    expect(md).toContain('> QFlow execution ended with status Failed.');
    expect(md).toContain('### Steps (2, 1 failed)');
    expect(md.indexOf('`node-b`')).toBeLessThan(md.indexOf('`node-a`'));
    expect(md).toContain('| `node-b` | AWS | ❌ Failed |');
  });

  it("shows no temp path for a result file left in the runner's temp folder, but where its path is", () => {
    const md = summaryMarkdown(report({ outputFile: '/home/runner/work/_temp/qflow-6ad5f333.json' }));
    expect(md).not.toContain('_temp');
    expect(md).toContain("| Result file | JSON on the runner, at the path in the step's `output-file` output |");
  });

  it('names the failed step by its name in the headline, and draws nodes not known yet as such while the execution runs', () => {
    const definition = {
      components: [
        { id: 'node-a', name: 'Find buckets', type: 'Trigger', next: ['node-b'], previous: [] },
        { id: 'node-b', name: 'Block public access', type: 'AWS', next: [], previous: ['node-a'] },
      ],
      variables: [],
    };
    const failed = summaryMarkdown(report({ result: 'failure', status: 'Failed', definition }));
    expect(failed).toContain('## ❌ QFlow workflow failed at step Block public access');
    expect(failed).toContain('classDef failed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,color:#1f2328');
    const running = summaryMarkdown(report({ result: 'timed_out', status: 'Running', steps: [], failedSteps: [], definition }));
    expect(running).toMatch(/class n1 unknown/);
    expect(running).not.toMatch(/class n1 notrun/);
    expect(running).toContain('_yellow dashed: not known yet (the execution had not ended)_');
    // The legend names only the colours drawn.
    expect(failed).toContain('_green: succeeded, red: failed_');
  });

  it('escapes table characters in values', () => {
    const md = summaryMarkdown(report({ steps: [{ nodeId: 'n', nodeType: 'a|b', status: 'x\ny' }], failedSteps: [] }));
    expect(md).toContain('| `n` | a\\|b | x y |');
  });

  it('stays far under the 1 MiB summary limit with thousands of steps', () => {
    const steps = Array.from({ length: 5000 }, (_, i) => ({ nodeId: `node-${i}-${'z'.repeat(200)}`, nodeType: 'AWS', status: 'Success' }));
    const md = summaryMarkdown(report({ steps, failedSteps: [] }));
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('more steps are listed in the result file.');
  });
});
