import { describe, expect, it } from '@jest/globals';
import { InputError, QFlowApiError } from '../../src/errors.js';
import { Input, INPUT_NAMES } from '../../src/names.js';
import type { WorkflowDefinition } from '../../src/qflow/definition.js';
import { checkAgainstDefinition, worthReading } from '../../src/run/preflight.js';
import { readSettings } from '../../src/settings/read.js';
import { memoryLog } from '../support/fake-clock.js';

const WORKFLOW = 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a';
const CONNECTOR = 'aa70acae-6ea8-3acf-b504-f327855b3161';

/**
 * An AWS workflow's definition as the documented sample shapes it: all six system variables, the
 * unused clouds' without a value, and two nodes.
 */
const AWS_DEFINITION: WorkflowDefinition = {
  variables: [
    { name: 'credentials', hasValue: true },
    { name: 'region', hasValue: true },
    { name: 'credentials_azure', hasValue: false },
    { name: 'resourceGroup', hasValue: false },
    { name: 'credentials_gcp', hasValue: false },
    { name: 'project', hasValue: false },
  ],
  components: [
    { id: 'trigger', name: 'On demand', type: 'trigger', next: ['scan'], previous: [] },
    { id: 'scan', name: 'Find open buckets', type: 'AWS', next: [], previous: ['trigger'] },
  ],
};

function settings(inputs: Partial<Record<Input, string>>) {
  const values: Partial<Record<Input, string>> = { [Input.Platform]: 'US1', [Input.Token]: 'jwt', [Input.WorkflowId]: WORKFLOW, ...inputs };
  return readSettings(
    (name) => values[name] ?? '',
    () => undefined,
    INPUT_NAMES,
  );
}

/** Checks `inputs` against a definition (or a failure to read one): the error, or the warnings. */
async function check(inputs: Partial<Record<Input, string>>, definition: WorkflowDefinition | Error = AWS_DEFINITION) {
  const log = memoryLog();
  let reads = 0;
  const client = {
    getWorkflow: async () => {
      reads++;
      if (definition instanceof Error) throw definition;
      return definition;
    },
  };
  const read = await checkAgainstDefinition(client, await settings(inputs), log, Date.now() + 60_000);
  return { read, warnings: log.text('warning'), reads };
}

describe('worthReading', () => {
  it('reads the definition only where it can catch a mistake', async () => {
    expect(worthReading(await settings({}))).toBe(false);
    expect(worthReading(await settings({ [Input.StepOutputs]: '*' }))).toBe(false);
    expect(worthReading(await settings({ [Input.DryRun]: 'true' }))).toBe(true);
    expect(worthReading(await settings({ [Input.Variables]: `{credentials: ${CONNECTOR}, region: us-east-1}` }))).toBe(true);
    expect(worthReading(await settings({ [Input.StepOutputs]: 'scan' }))).toBe(true);
    expect(worthReading(await settings({ [Input.Matrix]: 'region: [a, b]' }))).toBe(true);
  });
});

describe('checkAgainstDefinition', () => {
  it('passes an override that gives every cloud variable the workflow uses, without a word', async () => {
    const { read, warnings } = await check({ [Input.Variables]: `{credentials: ${CONNECTOR}, region: eu-west-1}` });
    expect(read).toBe(AWS_DEFINITION);
    expect(warnings).toBe('');
  });

  it("refuses an override that leaves out a cloud variable the workflow uses, as QFlow would, but not an unused cloud's", async () => {
    await expect(check({ [Input.Variables]: `{credentials: ${CONNECTOR}}` })).rejects.toThrow(
      'Input \'variables\' overrides variables but leaves out "region". When variables are overridden, QFlow needs a value for every cloud variable the workflow uses (credentials, region): give it too.',
    );
  });

  it('takes connectorId for the credentials', async () => {
    const { warnings } = await check({ [Input.Variables]: `{connectorId: ${CONNECTOR}, region: eu-west-1}` });
    expect(warnings).toBe('');
  });

  it('refuses a near-certain typo, naming the variable it likely meant', async () => {
    await expect(check({ [Input.Variables]: `{credentials: ${CONNECTOR}, regoin: eu-west-1}` })).rejects.toThrow(
      /overrides the variable "regoin".*Did you mean "region"\?/,
    );
  });

  it('sends a variable of its own with one warning, or none when allowed', async () => {
    const given = `{credentials: ${CONNECTOR}, region: eu-west-1, bucketPrefix: logs}`;
    expect((await check({ [Input.Variables]: given })).warnings).toMatch(
      /does not list the variable "bucketPrefix".*set 'allow-unknown-variables: true' to silence this/,
    );
    expect((await check({ [Input.Variables]: given, [Input.AllowUnknownVariables]: 'true' })).warnings).toBe('');
  });

  it('names the matrix item whose variables are short', async () => {
    await expect(
      check({ [Input.Matrix]: `- variables: {credentials: ${CONNECTOR}, region: a}\n- variables: {credentials: ${CONNECTOR}}` }),
    ).rejects.toThrow(/^Input 'matrix' item 2 \(with 'variables'\) overrides variables but leaves out "region"/);
  });

  it('refuses a node ID that is no node of the workflow, listing its nodes', async () => {
    const error = await check({ [Input.StepOutputs]: 'scna' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'Input \'step-outputs\' names the node "scna", which is not a node of the workflow. Did you mean "scan"? Its nodes: trigger (On demand), scan (Find open buckets).',
    );
  });

  it('goes on without the checks when the definition may not be read, saying which permission reads it', async () => {
    const { read, warnings } = await check({ [Input.StepOutputs]: 'scna' }, new QFlowApiError('Could not read workflow: HTTP 403.', 403));
    expect(read).toBeUndefined();
    expect(warnings).toContain('the run goes on. (Reading it needs READ on the workflow.)');
  });

  it('stops before the run where the run call would get the same answer', async () => {
    await expect(check({}, new QFlowApiError('Could not read workflow: HTTP 404.', 404))).rejects.toThrow('HTTP 404');
    await expect(check({}, new QFlowApiError('Could not read workflow: HTTP 401.', 401))).rejects.toThrow('HTTP 401');
  });
});
