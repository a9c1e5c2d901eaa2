import { describe, expect, it } from '@jest/globals';
import { Input, INPUT_NAMES } from '../../src/names.js';
import { readSettings } from '../../src/settings/read.js';
import { runsOf } from '../../src/settings/settings.js';

const WORKFLOW = 'f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a';

function settingsFrom(inputs: Partial<Record<Input, string>>, secrets: string[] = []) {
  return readSettings(
    (name) => inputs[name] ?? '',
    (s) => secrets.push(s),
    INPUT_NAMES,
  );
}

const base = { [Input.Platform]: 'US1', [Input.Token]: 'jwt-token', [Input.WorkflowId]: WORKFLOW };

describe('readSettings', () => {
  it('applies the documented defaults', async () => {
    const s = await settingsFrom(base);
    expect(s).toMatchObject({
      gatewayUrl: 'https://gateway.qg1.apps.qualys.com',
      credentials: { kind: 'token', token: 'jwt-token' },
      workflowId: WORKFLOW,
      plan: { kind: 'start', runs: [{ input: undefined, variables: undefined }], fanOut: false, wait: true },
      timeoutMs: 3_600_000,
      pollIntervalMs: 2000,
      maxPollIntervalMs: 60_000,
      requestTimeoutMs: 30_000,
      stepOutputs: [],
      stepInputs: [],
      successStatuses: ['Success'],
      failureStatuses: [],
      maxParallel: 4,
      failFast: false,
    });
  });

  it('registers the token, client secret and password as secrets before checking anything', async () => {
    const secrets: string[] = [];
    await expect(
      settingsFrom({ [Input.Token]: 't0ken', [Input.ClientSecret]: 's3cret', [Input.Password]: 'pa55', [Input.WorkflowId]: 'bad' }, secrets),
    ).rejects.toThrow();
    expect(secrets).toEqual(['t0ken', 's3cret', 'pa55']);
  });

  it('maps every platform key to its gateway, in any case', async () => {
    expect((await settingsFrom({ ...base, [Input.Platform]: 'eu3' })).gatewayUrl).toBe('https://gateway.qg3.apps.qualys.it');
    expect((await settingsFrom({ ...base, [Input.Platform]: 'KSA1' })).gatewayUrl).toBe('https://gateway.qg1.apps.qualysksa.com');
  });

  it('lets gateway-url win over platform, without a trailing slash', async () => {
    const s = await settingsFrom({ ...base, [Input.GatewayUrl]: 'https://gateway.private.example.com/' });
    expect(s.gatewayUrl).toBe('https://gateway.private.example.com');
  });

  it('accepts plain http only for a loopback host', async () => {
    expect((await settingsFrom({ ...base, [Input.GatewayUrl]: 'http://127.0.0.1:8787' })).gatewayUrl).toBe('http://127.0.0.1:8787');
    expect((await settingsFrom({ ...base, [Input.GatewayUrl]: 'http://localhost:8787' })).gatewayUrl).toBe('http://localhost:8787');
    await expect(settingsFrom({ ...base, [Input.GatewayUrl]: 'http://gateway.qg1.apps.qualys.com' })).rejects.toThrow(
      /Input 'gateway-url' is "http:\/\/gateway.qg1.apps.qualys.com", which is not secure. Expected an https:\/\/ URL/,
    );
  });

  it('rejects a gateway URL with credentials without echoing them', async () => {
    let message = '';
    try {
      await settingsFrom({ ...base, [Input.GatewayUrl]: 'https://user:hunter2@gateway.example.com' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Input 'gateway-url' contains credentials/);
    expect(message).not.toContain('hunter2');
  });

  it.each([
    [{ [Input.Platform]: 'US9' }, /Input 'platform' is "US9", which is not a Qualys platform. Expected one of US1, US2/],
    [{ [Input.Platform]: '' }, /No gateway given. Set 'platform'/],
    [{ [Input.GatewayUrl]: 'not a url' }, /Input 'gateway-url' is "not a url", which is not a URL/],
    [{ [Input.GatewayUrl]: 'https://gw.example.com/?x=1' }, /a gateway URL has no query/],
    [{ [Input.WorkflowId]: '' }, /Input 'workflow-id' is required/],
    [{ [Input.WorkflowId]: '1234' }, /Input 'workflow-id' is "1234", which is not a UUID/],
    [{ [Input.ExecutionId]: 'last' }, /Input 'execution-id' is "last", which is not a UUID/],
    [{ [Input.RunInput]: '{"a": }' }, /Input 'input' is not valid JSON: syntax error at line 1, column 7/],
    [{ [Input.Variables]: 'region: ""' }, /Input 'variables' leaves the variable "region" blank/],
    [{ [Input.Variables]: '{"credentials": null}' }, /variable "credentials" blank/],
    [{ [Input.Variables]: 'zones: []' }, /variable "zones" blank/],
    [{ [Input.Wait]: 'maybe' }, /Input 'wait' is "maybe". Expected true or false/],
    [{ [Input.Timeout]: 'an hour' }, /Input 'timeout' is "an hour", which is not a duration/],
    [{ [Input.PollInterval]: '5 fortnights' }, /Input 'poll-interval' is "5 fortnights", which is not a duration/],
    [{ [Input.MaxPollInterval]: 'fast' }, /Input 'max-poll-interval' is "fast"/],
    [{ [Input.PollInterval]: '2m', [Input.MaxPollInterval]: '1m' }, /Input 'max-poll-interval' \(1m\) is shorter than 'poll-interval' \(2m\)/],
    // A bare number is seconds: "200" meant as 200ms is said as it was read.
    [{ [Input.PollInterval]: '200' }, /Input 'max-poll-interval' \(1m\) is shorter than 'poll-interval' \(200, read as 3m 20s\)/],
    [{ [Input.RequestTimeout]: '0' }, /Input 'request-timeout' is "0"; it must be longer than zero/],
    [{ [Input.StepOutputs]: 'a b' }, /Input 'step-outputs' names the node ID "a b"/],
    [{ [Input.SuccessStatuses]: 'Success, Done', [Input.FailureStatuses]: 'done' }, /Status "Done" is in both/],
    [{ [Input.ExecutionId]: '6ad5f333-c4ad-4008-b0d3-caab170d130b', [Input.RunInput]: 'a: 1' }, /'execution-id' waits for an existing one/],
    [{ [Input.ExecutionId]: '6ad5f333-c4ad-4008-b0d3-caab170d130b', [Input.Wait]: 'false' }, /Input 'wait' is false, so there is nothing to do/],
    [
      { [Input.ExecutionId]: '6ad5f333-c4ad-4008-b0d3-caab170d130b', [Input.DryRun]: 'true' },
      /Input 'dry-run' checks run requests and starts nothing, but 'execution-id' waits for an execution that exists: there is nothing to check\. Expected one or the other\./,
    ],
    // A CI variable's reference that nothing expanded: refused before any call, naming the variable.
    [{ [Input.Token]: '$(QUALYS_TOKEN)' }, /Input 'token' is a reference to the variable QUALYS_TOKEN that was not expanded/],
    [{ [Input.WorkflowId]: '${WORKFLOW_ID}' }, /Input 'workflow-id' is a reference to the variable WORKFLOW_ID that was not expanded/],
    [{ [Input.Platform]: '$QUALYS_PLATFORM' }, /Input 'platform' is a reference to the variable QUALYS_PLATFORM that was not expanded/],
    // Inside a value of the variables, for the step and for a matrix item alike.
    [
      { [Input.Variables]: '{"credentials": "$(AWS_CONNECTOR)", "region": "us-east-1"}' },
      /Input 'variables' gives the variable "credentials" the text "\$\(AWS_CONNECTOR\)", a reference to the CI variable AWS_CONNECTOR that was not expanded/,
    ],
    [
      { [Input.Matrix]: '[{"variables": {"region": "us-east-1"}}, {"variables": {"region": "${REGION}"}}]' },
      /Input 'matrix' item 2 gives the variable "region" the text "\$\{REGION\}", a reference to the CI variable REGION/,
    ],
  ])('rejects %p', async (override, message) => {
    await expect(settingsFrom({ ...base, ...override })).rejects.toThrow(message);
  });

  it('takes a password that begins with $ as the password it is', async () => {
    const s = await settingsFrom({ [Input.Platform]: 'US1', [Input.WorkflowId]: WORKFLOW, [Input.Username]: 'u', [Input.Password]: '$ECRET_PASS' });
    expect(s.credentials).toEqual({ kind: 'password', username: 'u', password: '$ECRET_PASS' });
  });

  describe('credentials', () => {
    const noAuth = { [Input.Platform]: 'US1', [Input.WorkflowId]: WORKFLOW };
    it('needs one way of authenticating', async () => {
      await expect(settingsFrom(noAuth)).rejects.toThrow(
        /No credentials given. Expected exactly one of: 'token', or 'client-id' with 'client-secret', or 'username' with 'password'/,
      );
    });
    it('refuses two ways at once', async () => {
      await expect(settingsFrom({ ...noAuth, [Input.Token]: 't', [Input.Username]: 'u', [Input.Password]: 'p' })).rejects.toThrow(
        /More than one way of authenticating given \('token' and 'username'\/'password'\)/,
      );
    });
    it('needs both halves of a pair', async () => {
      await expect(settingsFrom({ ...noAuth, [Input.ClientId]: 'id' })).rejects.toThrow(/'client-id' is set but 'client-secret' is empty/);
      await expect(settingsFrom({ ...noAuth, [Input.Password]: 'p' })).rejects.toThrow(/'password' is set but 'username' is empty/);
    });
    it('refuses a token with a Bearer prefix', async () => {
      await expect(settingsFrom({ ...noAuth, [Input.Token]: 'Bearer abc' })).rejects.toThrow(/without a 'Bearer ' prefix/);
    });
    it('reads an OAuth client and a username/password pair', async () => {
      expect((await settingsFrom({ ...noAuth, [Input.ClientId]: 'id', [Input.ClientSecret]: 's' })).credentials).toEqual({
        kind: 'oauth-client',
        clientId: 'id',
        clientSecret: 's',
      });
      expect((await settingsFrom({ ...noAuth, [Input.Username]: 'u', [Input.Password]: 'p' })).credentials).toEqual({
        kind: 'password',
        username: 'u',
        password: 'p',
      });
    });
    it('never puts a secret in an error message', async () => {
      const secret = 'super-secret-value';
      for (const inputs of [
        { ...noAuth, [Input.Token]: secret, [Input.ClientSecret]: secret },
        { ...noAuth, [Input.Password]: secret },
        { ...noAuth, [Input.ClientSecret]: secret },
      ]) {
        await expect(settingsFrom(inputs)).rejects.toThrow();
        try {
          await settingsFrom(inputs);
        } catch (error) {
          expect((error as Error).message).not.toContain(secret);
        }
      }
    });
  });

  it('reads input and variables in JSON or YAML', async () => {
    const s = await settingsFrom({ ...base, [Input.RunInput]: 'bucketName: b1', [Input.Variables]: '{"region": "us-east-1"}' });
    expect(runsOf(s.plan)).toEqual([{ input: { bucketName: 'b1' }, variables: { region: 'us-east-1' } }]);
  });
});

describe('matrix', () => {
  const connector = (n: number) => `aa70acae-6ea8-3acf-b504-f327855b316${n}`;

  it("expands a mapping of lists to every combination, as a GitHub matrix does, merged over the step's variables", async () => {
    const s = await settingsFrom({
      ...base,
      [Input.Variables]: 'dryRun: "true"',
      [Input.Matrix]: `credentials: [${connector(1)}, ${connector(2)}]\nregion: [us-east-1, eu-west-1]`,
    });
    expect(s.plan).toMatchObject({ kind: 'start', fanOut: true });
    expect(runsOf(s.plan).map((r) => r.variables)).toEqual([
      { dryRun: 'true', credentials: connector(1), region: 'us-east-1' },
      { dryRun: 'true', credentials: connector(1), region: 'eu-west-1' },
      { dryRun: 'true', credentials: connector(2), region: 'us-east-1' },
      { dryRun: 'true', credentials: connector(2), region: 'eu-west-1' },
    ]);
  });

  it("takes a list of items, each with variables and/or input merged over the step's own", async () => {
    const s = await settingsFrom({
      ...base,
      [Input.RunInput]: '{"bucketName": "b1", "mode": "report"}',
      [Input.Matrix]: '- variables: {region: us-east-1}\n- input: {mode: fix}\n  variables: {region: eu-west-1}',
    });
    expect(runsOf(s.plan)).toEqual([
      { variables: { region: 'us-east-1' }, input: { bucketName: 'b1', mode: 'report' } },
      { variables: { region: 'eu-west-1' }, input: { bucketName: 'b1', mode: 'fix' } },
    ]);
  });

  it.each([
    [
      'an item with an unknown key',
      '[{"region": "us-east-1"}]',
      /'matrix' item 1 has the key "region". Expected only 'label', 'variables' and 'input'/,
    ],
    ['an item that is not a mapping', '["us-east-1"]', /'matrix' item 1 is the string "us-east-1". Expected a mapping/],
    ['variables that are not a mapping', '[{"variables": [1]}]', /'matrix' item 1's 'variables' is a list/],
    [
      'a blank variable',
      '[{"variables": {"region": "us-east-1"}}, {"variables": {"region": " "}}]',
      /'matrix' item 2 leaves the variable "region" blank/,
    ],
    ['a key without a list', 'region: us-east-1', /'matrix' gives "region" as the string "us-east-1". Expected a list of values/],
    ['an empty list', 'region: []', /'matrix' gives "region" as a list with no values/],
    ['a mapping among the values', 'region: [{a: 1}]', /'matrix' lists a mapping among the values of "region"/],
    [
      'two items that start the same run',
      '[{"variables": {"region": "x"}}, {"variables": {"region": "x"}}]',
      /items 1 and 2 would start the same run/,
    ],
    ['no items', '[]', /'matrix' has no items/],
    [
      'too many',
      `a: [${Array.from({ length: 20 }, (_, i) => i).join(',')}]\nb: [${Array.from({ length: 20 }, (_, i) => i).join(',')}]`,
      /makes \d+ executions. Expected at most 256/,
    ],
    ['a matrix with execution-id', '[{"variables": {"region": "x"}}]', /'execution-id' waits for an existing one/],
  ])('rejects %s before any call, naming the item and key', async (name, matrix, message) => {
    const extra = name === 'a matrix with execution-id' ? { [Input.ExecutionId]: '6ad5f333-c4ad-4008-b0d3-caab170d130b' } : {};
    await expect(settingsFrom({ ...base, ...extra, [Input.Matrix]: matrix })).rejects.toThrow(message);
  });

  it('reads max-parallel and fail-fast', async () => {
    await expect(settingsFrom({ ...base, [Input.MaxParallel]: '8', [Input.FailFast]: 'true' })).resolves.toMatchObject({
      maxParallel: 8,
      failFast: true,
    });
    await expect(settingsFrom({ ...base, [Input.MaxParallel]: '0' })).rejects.toThrow(/'max-parallel' is "0". Expected a whole number of at least 1/);
  });
});
