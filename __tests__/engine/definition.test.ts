/**
 * The workflow's own definition: mistakes caught before a run is wasted (zero run calls), dry-run, and
 * a summary that shows what ran, read as GitHub shows it (a GFM renderer; Mermaid's own parser).
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { label } from '../../src/report/diagram.js';
import { buildOutputs } from '../../src/report/outputs.js';
import { Redactor } from '../../src/redact.js';
import { Output } from '../../src/names.js';
import { withSimulator } from '../support/e2e.js';
import { runEngine } from '../support/engine.js';

const CONNECTOR_A = 'aa70acae-6ea8-3acf-b504-f327855b316a';
const CONNECTOR_B = '5b1e7c0d-2f44-4c1e-9a53-0c8f1e2d3b4a';

/** Mermaid's parser, which in Node needs a DOM. */
async function parseMermaid(text: string): Promise<unknown> {
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  return mermaid.parse(text, { suppressErrors: false });
}

describe('checks against the definition, before any run call', () => {
  it("runs the 1.18 release notes' example (credentials, region and a user-defined name) against the documented definition", () =>
    withSimulator({}, async (sim, workflow) => {
      // The API guide's sample as it is: all six system variables, the unused clouds' empty, no user-defined one.
      const documented = await readFile(new URL('../fixtures/samples/workflow-details.json', import.meta.url), 'utf8');
      sim.addFault({ endpoint: 'workflow', times: 1, action: { status: 200, body: documented, headers: { 'Content-Type': 'application/json' } } });
      const { report, lines } = await runEngine(sim, workflow, {
        input: '{"bucketName": "test-bucket-1", "totalBucketCount": 4}',
        variables: `{"credentials": "${CONNECTOR_A}", "region": "us-east-1", "name": "maha2"}`,
      });
      expect(report.result).toBe('success');
      expect(sim.executions[0].request).toEqual({
        input: { bucketName: 'test-bucket-1', totalBucketCount: 4 },
        variables: { credentials: CONNECTOR_A, region: 'us-east-1', name: 'maha2' },
      });
      // Sent, with one warning that names the workflow's variables.
      expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([
        `warning: The workflow's definition does not list the variable "name" (its variables: region, resourceGroup, project, credentials, credentials_azure, credentials_gcp); sent as given, since QFlow accepts user-defined variables. Check the spelling; set 'allow-unknown-variables: true' to silence this.`,
      ]);
    }));

  it('runs a matrix over two accounts against the documented definition', () =>
    withSimulator({}, async (sim, workflow) => {
      const documented = await readFile(new URL('../fixtures/samples/workflow-details.json', import.meta.url), 'utf8');
      sim.addFault({ endpoint: 'workflow', times: 1, action: { status: 200, body: documented, headers: { 'Content-Type': 'application/json' } } });
      const { report } = await runEngine(sim, workflow, { matrix: `{"credentials": ["${CONNECTOR_A}", "${CONNECTOR_B}"], "region": ["us-east-1"]}` });
      expect(report.result).toBe('success');
      expect(sim.executions.map((e) => e.request)).toEqual([
        { variables: { credentials: CONNECTOR_A, region: 'us-east-1' } },
        { variables: { credentials: CONNECTOR_B, region: 'us-east-1' } },
      ]);
    }));

  it('refuses a close misspelling of a variable the override leaves out, naming it, before any run call', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report } = await runEngine(sim, workflow, { variables: `{"credentials": "${CONNECTOR_A}", "regoin": "us-east-1"}` });
      expect(report.ending).toBe('bad-input');
      expect(report.message).toBe(
        `Input 'variables' overrides the variable "regoin", which workflow ${workflow.id} does not list, and leaves out "region". Did you mean "region"? Its variables: region, resourceGroup, project, credentials, credentials_azure, credentials_gcp. If "regoin" is a variable of its own, set 'allow-unknown-variables: true'.`,
      );
      expect(sim.callsTo('run')).toHaveLength(0);
    }));

  it('passes a near name with allow-unknown-variables, and warns of none', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report, lines } = await runEngine(sim, workflow, {
        variables: `{"credentials": "${CONNECTOR_A}", "region": "us-east-1", "regions": "all"}`,
        'allow-unknown-variables': 'true',
      });
      expect(report.result).toBe('success');
      expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
      expect(sim.callsTo('run')).toHaveLength(1);
    }));

  it('refuses an override that leaves out a cloud variable the workflow uses, and only those', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report } = await runEngine(sim, workflow, { variables: `{"credentials": "${CONNECTOR_A}"}` });
      expect(report.message).toBe(
        `Input 'variables' overrides variables but leaves out "region". When variables are overridden, QFlow needs a value for every cloud variable the workflow uses (region, credentials): give it too.`,
      );
      expect(sim.callsTo('run')).toHaveLength(0);
      // connectorId (1.19) stands for credentials; the empty Azure and GCP slots need nothing.
      const ok = await runEngine(sim, workflow, { variables: `{"connectorId": "${CONNECTOR_A}", "region": "us-east-1"}` });
      expect(ok.report.result).toBe('success');
      expect(ok.lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
    }));

  it("asks an Azure workflow's override for its resource group", () =>
    withSimulator(
      {
        workflow: {
          variables: [
            { key: 'region', value: [] },
            { key: 'resourceGroup', value: ['rg-prod'] },
            { key: 'project', value: [] },
            { key: 'credentials', value: [] },
            { key: 'credentials_azure', value: [`@${CONNECTOR_B}`] },
            { key: 'credentials_gcp', value: [] },
          ],
        },
      },
      async (sim, workflow) => {
        const { report } = await runEngine(sim, workflow, { variables: `{"credentials_azure": "${CONNECTOR_B}"}` });
        expect(report.message).toMatch(/leaves out "resourceGroup"\. .* \(resourceGroup, credentials_azure\)/);
        const ok = await runEngine(sim, workflow, { variables: `{"credentials_azure": "${CONNECTOR_B}", "resourceGroup": "rg-test"}` });
        expect(ok.report.result).toBe('success');
        expect(sim.callsTo('run')).toHaveLength(1);
      },
    ));

  it('refuses a node ID in step-outputs that is no node of the workflow, naming the nearest', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report } = await runEngine(sim, workflow, { 'step-outputs': 'node-7c1d9e20-stop-instance' });
      expect(report.message).toMatch(
        /Input 'step-outputs' names the node "node-7c1d9e20-stop-instance", which is not a node of the workflow\. Did you mean "node-7c1d9e20-stop-instances"\?/,
      );
      expect(sim.callsTo('run')).toHaveLength(0);
    }));

  it('goes on with one warning when the definition cannot be read (403)', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'workflow', times: 1, action: { status: 403, body: '{"message":"no READ"}' } });
      const { report, lines } = await runEngine(sim, workflow, {
        variables: `{"credentials": "${CONNECTOR_A}", "region": "us-east-1", "regoin": "x"}`,
      });
      expect(report.result).toBe('success');
      expect(lines.filter((l) => l.startsWith('warning:') && l.includes('not checked against'))).toHaveLength(1);
    }));

  it('stops a fan-out at a missing workflow with one error and no run call, reading the definition once', () =>
    withSimulator({}, async (sim, workflow) => {
      sim.addFault({ endpoint: 'workflow', times: 1, action: { status: 404, body: '{"message":"Workflow not found"}' } });
      const { report } = await runEngine(sim, workflow, { matrix: '{"region": ["us-east-1", "eu-west-1", "ap-south-1"]}' });
      expect(report.ending).toBe('no-result');
      expect(report.message).toMatch(/HTTP 404.*was not found/);
      expect(sim.callsTo('run')).toHaveLength(0);
      expect(sim.callsTo('workflow')).toHaveLength(1);
    }));

  it('stops a fan-out with a refused token at the first answer, with no run call', () =>
    withSimulator({ credentials: { token: 'good-token' } }, async (sim, workflow) => {
      const { report } = await runEngine(sim, workflow, {
        'client-id': '',
        'client-secret': '',
        token: 'stale-token',
        matrix: '{"region": ["us-east-1", "eu-west-1"]}',
      });
      expect(report.message).toMatch(/HTTP 401/);
      expect(sim.callsTo('run')).toHaveLength(0);
    }));

  it('dry-run checks everything and shows the run requests, starting nothing', () =>
    withSimulator({}, async (sim, workflow) => {
      const { report, lines, summary } = await runEngine(sim, workflow, {
        'dry-run': 'true',
        matrix: `{"credentials": ["${CONNECTOR_A}", "${CONNECTOR_B}"], "region": ["us-east-1"]}`,
      });
      expect(report.result).toBe('validated');
      expect(sim.callsTo('run')).toHaveLength(0);
      expect(lines.filter((l) => l.startsWith('Dry run: would send POST'))).toHaveLength(2);
      expect(summary).toContain('checked, nothing started (dry run)');
    }));
});

describe('the summary shows what ran', () => {
  it('reads the definition once, after the wait, so a failed plain run shows step names and the picture', () =>
    withSimulator(
      {
        workflow: {
          finalStatus: 'Failed',
          steps: [
            { nodeId: 'node-7c1d9e20-stop-instances', nodeType: 'AWS', name: 'Stop instances', status: 'Failed' },
            { nodeId: 'node-41b2aa07-notify', nodeType: 'Email', name: 'Notify the team', status: 'Success' },
          ],
        },
      },
      async (sim, workflow) => {
        const { report, summary } = await runEngine(sim, workflow);
        expect(report.result).toBe('failure');
        expect(sim.callsTo('workflow')).toHaveLength(1);
        // After the run call: it spends nothing on a run that is refused or never starts.
        expect(sim.callsTo('workflow')[0].at).toBeGreaterThan(sim.callsTo('run')[0].at);
        expect(summary).toContain('| Stop instances | `node-7c1d9e20-stop-instances` | AWS | ❌ Failed |');
        expect(summary).toMatch(/```mermaid\n[\s\S]*n1\["Stop instances"\][\s\S]*class n1 failed/);
        // The trigger node is no step of the list: it ran, since the steps after it did.
        expect(summary).toMatch(/n0\["Trigger"\][\s\S]*n0 --> n1[\s\S]*class n0 succeeded/);
      },
    ));

  it('leaves the definition unread under budget pressure, and says so in the summary', () =>
    withSimulator({}, async (sim, workflow) => {
      // Other clients of the subscription have spent 200 of its 300 calls.
      sim.spend(200);
      const { report, summary } = await runEngine(sim, workflow);
      expect(report.result).toBe('success');
      expect(sim.callsTo('workflow')).toHaveLength(0);
      expect(summary).toMatch(
        /_Step names and the picture of the workflow are left out to spare the subscription's API budget \(\d+ of 300 calls left in the window\)\._/,
      );
      expect(summary).not.toContain('```mermaid');
    }));

  it('names the steps, draws the workflow with the failed node marked, and renders as GitHub would', () =>
    withSimulator(
      {
        workflow: {
          finalStatus: 'Failed',
          steps: [
            { nodeId: 'trigger', nodeType: 'Trigger', name: 'When "run" is called' },
            { nodeId: 'node-7c1d9e20-stop-instances', nodeType: 'AWS', name: 'Stop instances [prod] | #1', status: 'Failed' },
            { nodeId: 'node-41b2aa07-notify', nodeType: 'Email', name: 'Notify <team>', status: 'Success' },
          ],
        },
      },
      async (sim, workflow) => {
        const { summary } = await runEngine(sim, workflow, { 'step-outputs': 'node-41b2aa07-notify' });
        expect(summary).toContain('| Stop instances \\[prod\\] \\| #\u20601 | `node-7c1d9e20-stop-instances` | AWS | ❌ Failed |');
        const html = await marked.parse(summary, { gfm: true });
        // Every table has a header that says something.
        expect(html).not.toMatch(/<th>\s*<\/th>/);
        expect(html).toContain('<th>Workflow</th>');
        const diagram = /```mermaid\n([\s\S]*?)```/.exec(summary)?.[1];
        expect(diagram).toBeDefined();
        await expect(parseMermaid(diagram!)).resolves.toBeTruthy();
        expect(diagram).toMatch(/class n1 failed/);
        expect(diagram).toMatch(/n0 --> n1/);
      },
    ));

  it('escapes a step name so it cannot break the diagram', async () => {
    const names = ['a"] --> x["b', 'close ]) and (open', 'emoji ✅ & <b>bold</b>', 'hash # and ; semicolons'];
    const text = ['flowchart LR', ...names.map((n, i) => `  n${i}["${label(n)}"]`)].join('\n');
    await expect(parseMermaid(text)).resolves.toBeTruthy();
    // A right-to-left override would show the reader a name other than the one sent.
    expect(label('admin\u202egnp.exe')).toBe('admingnp.exe');
  });

  it('tells two connectors in one region apart in a fan-out', () =>
    withSimulator({}, async (sim, workflow) => {
      const { summary, report } = await runEngine(sim, workflow, {
        matrix: `{"credentials": ["${CONNECTOR_A}", "${CONNECTOR_B}"], "region": ["us-east-1"]}`,
      });
      expect(report.result).toBe('success');
      const rows = summary.split('\n').filter((l) => l.includes('us-east-1'));
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain(CONNECTOR_A);
      expect(rows[1]).toContain(CONNECTOR_B);
    }));
});

describe('a label for each matrix item', () => {
  it('names the item in the log, the summary and the executions output, and is not sent', () =>
    withSimulator({}, async (sim, workflow) => {
      const matrix = [
        `- label: prod-us`,
        `  variables: {credentials: ${CONNECTOR_A}, region: us-east-1}`,
        `- label: staging-us`,
        `  variables: {credentials: ${CONNECTOR_B}, region: us-east-1}`,
      ].join('\n');
      const { report, summary, lines } = await runEngine(sim, workflow, { matrix });
      expect(report.result).toBe('success');
      const rows = summary.split('\n').filter((l) => l.includes('us-east-1'));
      expect(rows[0]).toMatch(/^\| 1 prod-us \|/);
      expect(rows[1]).toMatch(/^\| 2 staging-us \|/);
      expect(lines.filter((l) => /^Started execution .* \(item \d (prod|staging)-us, credentials: /.test(l))).toHaveLength(2);
      const { values } = await buildOutputs(report, new Redactor());
      const executions = JSON.parse(values.get(Output.Executions)!) as { label?: string }[];
      expect(executions.map((e) => e.label)).toEqual(['prod-us', 'staging-us']);
      // QFlow is sent what the docs name, nothing more.
      expect(sim.executions.filter((e) => e.request !== undefined).map((e) => Object.keys(e.request as object).sort())).toEqual([
        ['variables'],
        ['variables'],
      ]);
    }));

  it.each([
    ['label: ""', /Input 'matrix' item 1's 'label' is blank\. Expected a name of up to 60 characters on one line, such as prod-eu\./],
    [`label: ${'x'.repeat(61)}`, /item 1's 'label' is 61 characters long\. Expected a name of up to 60 characters/],
    ['label: {name: prod}', /item 1's 'label' is a mapping\. Expected a name/],
    ['label: "prod\\nus"', /item 1's 'label' is not on one line \(it holds a line break/],
  ])('refuses a label that cannot name a row: %s', (label, message) =>
    withSimulator({}, async (sim, workflow) => {
      await expect(runEngine(sim, workflow, { matrix: `- ${label}\n  variables: {region: us-east-1, credentials: ${CONNECTOR_A}}` })).rejects.toThrow(
        message,
      );
      expect(sim.calls).toHaveLength(0);
    }),
  );
});

describe('smaller mistakes, before any call', () => {
  it('refuses an expired JWT given as token', () =>
    withSimulator({}, async (sim, workflow) => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const expired = `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) - 60 })}.sig`;
      await expect(runEngine(sim, workflow, { 'client-id': '', 'client-secret': '', token: expired })).rejects.toThrow(
        /Input 'token' is a JWT that expired at/,
      );
      expect(sim.calls).toHaveLength(0);
    }));

  it.each([
    ['region: [us-east-1, ]', /Input 'matrix' has an empty entry in a list \(", \]"\)/],
    ['region: [us-east-1, , eu-west-1]', /Input 'matrix' (has an empty entry|is neither valid JSON nor valid YAML)/],
  ])('refuses a matrix list with an empty entry: %s', (matrix, message) =>
    withSimulator({}, async (sim, workflow) => {
      await expect(runEngine(sim, workflow, { matrix })).rejects.toThrow(message);
      expect(sim.calls).toHaveLength(0);
    }),
  );
});
