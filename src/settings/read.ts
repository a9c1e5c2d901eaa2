import { Input, INPUT_NAMES, type SettingNames } from '../names.js';
import { InputError, quote } from '../errors.js';
import { jwtExpiry, type Credentials } from '../qflow/auth.js';
import { resolveGateway } from '../qflow/gateway.js';
import { expandMatrix, type RunRequest } from './matrix.js';
import {
  checkNoBlankVariables,
  parseBoolean,
  parseDuration,
  parseList,
  parseMapping,
  parseNodeSelection,
  parsePositiveInteger,
  parseStructured,
  parseUuid,
  yamlParserFor,
} from './parse.js';
import { normalizeStatus } from '../wait/status.js';
import type { Plan, Settings } from './settings.js';

export type { Plan, Settings } from './settings.js';

/** Reads one input, trimmed, '' when unset: `core.getInput` in the action, a map in tests. */
export type InputReader = (name: Input) => string;

/**
 * Reads and checks every input before any network call. `registerSecret` is called for each secret
 * before anything that could print it runs; `names` words the messages (the action's inputs by default).
 */
export async function readSettings(
  read: InputReader,
  registerSecret: (secret: string) => void,
  names: SettingNames = INPUT_NAMES,
  now = Date.now(),
): Promise<Settings> {
  const { of, subject } = names;
  for (const secret of [Input.Token, Input.ClientSecret, Input.Password, Input.GithubToken]) {
    const value = read(secret);
    if (value !== '') registerSecret(value);
  }

  const workflowId = read(Input.WorkflowId);
  if (workflowId === '') throw new InputError(`${subject(Input.WorkflowId)} is required: the UUID of the QFlow workflow to run.`);
  const executionId = read(Input.ExecutionId);

  const yaml = await yamlParserFor([read(Input.Variables), read(Input.RunInput), read(Input.Matrix)]);
  const variables = parseMapping(subject(Input.Variables), read(Input.Variables), yaml);
  if (variables) checkNoBlankVariables(subject(Input.Variables), variables);
  const runInput = parseMapping(subject(Input.RunInput), read(Input.RunInput), yaml);
  const matrix = parseStructured(subject(Input.Matrix), read(Input.Matrix), yaml);
  // YAML reads `[a, ]` as [a] and `[, b]` from an unset secret as [b]: a silently shorter matrix.
  const emptyEntry = /\[\s*,|,\s*,|,\s*\]/.exec(read(Input.Matrix));
  if (matrix !== undefined && emptyEntry) {
    throw new InputError(
      `${subject(Input.Matrix)} has an empty entry in a list (${quote(emptyEntry[0])}), perhaps a secret or variable that is not set. Expected a value between every two commas.`,
    );
  }
  if (executionId !== '' && (runInput || variables || matrix !== undefined)) {
    throw new InputError(
      `${of(Input.RunInput)}, ${of(Input.Variables)} and ${of(Input.Matrix)} start new executions, but ${of(Input.ExecutionId)} waits for an existing one. Give one or the other.`,
    );
  }
  const base: RunRequest = { input: runInput, variables };
  const maxParallel = parsePositiveInteger(subject(Input.MaxParallel), read(Input.MaxParallel) || '4');
  const failFast = parseBoolean(subject(Input.FailFast), read(Input.FailFast) || 'false');

  const wait = parseBoolean(subject(Input.Wait), read(Input.Wait) || 'true');
  if (!wait && executionId !== '') {
    throw new InputError(
      `${subject(Input.Wait)} is false, so there is nothing to do for the existing execution in ${of(Input.ExecutionId)}. Expected ${names.set(Input.Wait, 'true')} to wait for it.`,
    );
  }

  const dryRun = parseBoolean(subject(Input.DryRun), read(Input.DryRun) || 'false');
  if (dryRun && executionId !== '') {
    throw new InputError(
      `${subject(Input.DryRun)} checks run requests and starts nothing, but ${of(Input.ExecutionId)} waits for an execution that exists: there is nothing to check. Expected one or the other.`,
    );
  }

  const plan: Plan =
    executionId !== ''
      ? { kind: 'attach', executionId: parseUuid(subject(Input.ExecutionId), executionId) }
      : {
          ...(dryRun ? { kind: 'dry-run' } : { kind: 'start', wait }),
          runs: matrix === undefined ? [base] : expandMatrix(matrix, base, names),
          fanOut: matrix !== undefined,
        };

  const pollIntervalMs = parseDuration(subject(Input.PollInterval), read(Input.PollInterval) || '2s');
  const maxPollIntervalMs = parseDuration(subject(Input.MaxPollInterval), read(Input.MaxPollInterval) || '1m');
  if (maxPollIntervalMs < pollIntervalMs) {
    throw new InputError(
      `${subject(Input.MaxPollInterval)} (${read(Input.MaxPollInterval)}) is shorter than ${of(Input.PollInterval)} (${read(Input.PollInterval) || '2s'}). Expected a largest pause at least as long as the first.`,
    );
  }

  const successStatuses = parseList(read(Input.SuccessStatuses) || 'Success');
  const failureStatuses = parseList(read(Input.FailureStatuses));
  const both = successStatuses.find((s) => failureStatuses.some((f) => normalizeStatus(f) === normalizeStatus(s)));
  if (both !== undefined) {
    throw new InputError(
      `Status ${quote(both)} is in both ${of(Input.SuccessStatuses)} and ${of(Input.FailureStatuses)}. Expected each status in one list only.`,
    );
  }

  return {
    gatewayUrl: resolveGateway(read(Input.Platform), read(Input.GatewayUrl), names),
    credentials: readCredentials(read, now, names),
    workflowId: parseUuid(subject(Input.WorkflowId), workflowId),
    plan,
    maxParallel,
    failFast,
    allowUnknownVariables: parseBoolean(subject(Input.AllowUnknownVariables), read(Input.AllowUnknownVariables) || 'false'),
    timeoutMs: parseDuration(subject(Input.Timeout), read(Input.Timeout) || '1h'),
    pollIntervalMs,
    maxPollIntervalMs,
    requestTimeoutMs: parseDuration(subject(Input.RequestTimeout), read(Input.RequestTimeout) || '30s'),
    stepOutputs: parseNodeSelection(subject(Input.StepOutputs), read(Input.StepOutputs)),
    stepInputs: parseNodeSelection(subject(Input.StepInputs), read(Input.StepInputs)),
    successStatuses,
    failureStatuses,
    outputFile: read(Input.OutputFile) || undefined,
    commentToken: readCommentToken(read, names),
    names,
  };
}

function readCommentToken(read: InputReader, { of, subject }: SettingNames): string | undefined {
  if (!parseBoolean(subject(Input.CommentOnPr), read(Input.CommentOnPr) || 'false')) return undefined;
  const token = read(Input.GithubToken);
  if (token === '') {
    throw new InputError(
      `${subject(Input.CommentOnPr)} is true but ${of(Input.GithubToken)} is empty. Expected a token that may write pull-request comments (by default the job's own, \${{ github.token }}).`,
    );
  }
  return token;
}

function readCredentials(read: InputReader, now: number, { of, subject }: SettingNames): Credentials {
  const token = read(Input.Token);
  const clientId = read(Input.ClientId);
  const clientSecret = read(Input.ClientSecret);
  const username = read(Input.Username);
  const password = read(Input.Password);

  const given: string[] = [];
  if (token !== '') given.push(`${of(Input.Token)}`);
  if (clientId !== '' || clientSecret !== '') given.push(`${of(Input.ClientId)}/${of(Input.ClientSecret)}`);
  if (username !== '' || password !== '') given.push(`${of(Input.Username)}/${of(Input.Password)}`);
  const ways = `${of(Input.Token)}, or ${of(Input.ClientId)} with ${of(Input.ClientSecret)}, or ${of(Input.Username)} with ${of(Input.Password)}`;
  if (given.length === 0) throw new InputError(`No credentials given. Expected exactly one of: ${ways}.`);
  if (given.length > 1) throw new InputError(`More than one way of authenticating given (${given.join(' and ')}). Expected exactly one of: ${ways}.`);

  if (token !== '') {
    if (/\s/.test(token)) {
      throw new InputError(`${subject(Input.Token)} contains white space. Expected the bare JWT, without a 'Bearer ' prefix.`);
    }
    // A JWT says when it expires: an expired one would only earn a 401 on the first call.
    const expiry = jwtExpiry(token);
    if (expiry !== undefined && expiry <= now) {
      throw new InputError(
        `${subject(Input.Token)} is a JWT that expired at ${new Date(expiry).toISOString()} (a Qualys JWT lasts 4 hours). Pass a fresh one, or give ${of(Input.ClientId)}/${of(Input.ClientSecret)} so the token is obtained and renewed for you.`,
      );
    }
    return { kind: 'token', token };
  }
  if (clientId !== '' || clientSecret !== '') {
    if (clientId === '') throw new InputError(`${subject(Input.ClientSecret)} is set but ${of(Input.ClientId)} is empty. Expected both.`);
    if (clientSecret === '') throw new InputError(`${subject(Input.ClientId)} is set but ${of(Input.ClientSecret)} is empty. Expected both.`);
    return { kind: 'oauth-client', clientId, clientSecret };
  }
  if (username === '') throw new InputError(`${subject(Input.Password)} is set but ${of(Input.Username)} is empty. Expected both.`);
  if (password === '') throw new InputError(`${subject(Input.Username)} is set but ${of(Input.Password)} is empty. Expected both.`);
  return { kind: 'password', username, password };
}
