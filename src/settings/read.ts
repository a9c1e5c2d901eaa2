import { Input, type SettingNames } from '../names.js';
import { InputError, quote } from '../errors.js';
import { humanDuration } from '../time.js';
import { jwtExpiry, type Credentials } from '../qflow/auth.js';
import { resolveGateway } from '../qflow/gateway.js';
import { expandMatrix, type RunRequest } from './matrix.js';
import {
  checkVariableValues,
  isBareNumber,
  unexpandedReference,
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
import { DEFAULTS, SECRET_SETTINGS } from './defaults.js';
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
  names: SettingNames,
  now = Date.now(),
): Promise<Settings> {
  for (const secret of SECRET_SETTINGS) {
    const value = read(secret);
    if (value !== '') registerSecret(value);
  }
  for (const name of Object.values(Input)) refuseUnexpanded(name, read(name), names);
  // Each setting as given, else its default (defaults.ts); the reader of a front-end gives '' when unset.
  const value = (name: Input) => read(name) || (DEFAULTS[name] ?? '');
  const { subject } = names;
  const workflowId = value(Input.WorkflowId);
  if (workflowId === '') throw new InputError(`${subject(Input.WorkflowId)} is required: the UUID of the QFlow workflow to run.`);
  const plan = await readPlan(value, names);
  return {
    gatewayUrl: resolveGateway(value(Input.Platform), value(Input.GatewayUrl), names),
    credentials: readCredentials(value, now, names),
    workflowId: parseUuid(subject(Input.WorkflowId), workflowId),
    plan,
    maxParallel: parsePositiveInteger(subject(Input.MaxParallel), value(Input.MaxParallel)),
    failFast: parseBoolean(subject(Input.FailFast), value(Input.FailFast)),
    allowUnknownVariables: parseBoolean(subject(Input.AllowUnknownVariables), value(Input.AllowUnknownVariables)),
    ...readTiming(value, names),
    stepOutputs: parseNodeSelection(subject(Input.StepOutputs), value(Input.StepOutputs)),
    stepInputs: parseNodeSelection(subject(Input.StepInputs), value(Input.StepInputs)),
    ...readStatuses(value, names),
    outputFile: value(Input.OutputFile) || undefined,
    commentToken: readCommentToken(value, names),
    names,
  };
}

/**
 * A setting that is a CI variable's reference left unexpanded (see unexpandedReference) is refused
 * before any call: sent on, it would spend a login and blame the credentials.
 */
function refuseUnexpanded(name: Input, value: string, { subject }: SettingNames): void {
  const variable = unexpandedReference(value, !SECRET_SETTINGS.includes(name));
  if (variable === undefined) return;
  throw new InputError(
    `${subject(name)} is a reference to the variable ${variable} that was not expanded. Expected its value: define ${variable} in the CI (for a secret in Azure Pipelines, map it into the step's env), or pass the value itself.`,
  );
}

/** What to do: start executions (one, or one per matrix item), only check them, or wait for one that exists. */
async function readPlan(value: InputReader, names: SettingNames): Promise<Plan> {
  const { of, subject } = names;
  const executionId = value(Input.ExecutionId);
  const yaml = await yamlParserFor([value(Input.Variables), value(Input.RunInput), value(Input.Matrix)]);
  const variables = parseMapping(subject(Input.Variables), value(Input.Variables), yaml);
  if (variables) checkVariableValues(subject(Input.Variables), variables);
  const runInput = parseMapping(subject(Input.RunInput), value(Input.RunInput), yaml);
  const matrix = parseStructured(subject(Input.Matrix), value(Input.Matrix), yaml);
  // YAML reads `[a, ]` as [a] and `[, b]` from an unset secret as [b]: a silently shorter matrix.
  const emptyEntry = /\[\s*,|,\s*,|,\s*\]/.exec(value(Input.Matrix));
  if (matrix !== undefined && emptyEntry) {
    throw new InputError(
      `${subject(Input.Matrix)} has an empty entry in a list (${quote(emptyEntry[0])}), perhaps a secret or variable that is not set. Expected a value between every two commas.`,
    );
  }
  const wait = parseBoolean(subject(Input.Wait), value(Input.Wait));
  const dryRun = parseBoolean(subject(Input.DryRun), value(Input.DryRun));
  if (executionId !== '') {
    if (runInput || variables || matrix !== undefined) {
      throw new InputError(
        `${of(Input.RunInput)}, ${of(Input.Variables)} and ${of(Input.Matrix)} start new executions, but ${of(Input.ExecutionId)} waits for an existing one. Give one or the other.`,
      );
    }
    if (!wait) {
      throw new InputError(
        `${subject(Input.Wait)} is false, so there is nothing to do for the existing execution in ${of(Input.ExecutionId)}. Expected ${names.set(Input.Wait, 'true')} to wait for it.`,
      );
    }
    if (dryRun) {
      throw new InputError(
        `${subject(Input.DryRun)} checks run requests and starts nothing, but ${of(Input.ExecutionId)} waits for an execution that exists: there is nothing to check. Expected one or the other.`,
      );
    }
    return { kind: 'attach', executionId: parseUuid(subject(Input.ExecutionId), executionId) };
  }
  const base: RunRequest = { input: runInput, variables };
  const runs = matrix === undefined ? [base] : expandMatrix(matrix, base, names);
  const fanOut = matrix !== undefined;
  return dryRun ? { kind: 'dry-run', runs, fanOut } : { kind: 'start', runs, fanOut, wait };
}

/** A duration as given, and how a bare number was read (seconds): "200" meant as 200ms shows its mistake. */
function asRead(given: string, ms: number): string {
  return isBareNumber(given) ? `${given.trim()}, read as ${humanDuration(ms)}` : given;
}

/** The timeout, the pauses between looks and the longest wait for one answer. */
function readTiming(value: InputReader, { of, subject }: SettingNames) {
  const pollIntervalMs = parseDuration(subject(Input.PollInterval), value(Input.PollInterval));
  const maxPollIntervalMs = parseDuration(subject(Input.MaxPollInterval), value(Input.MaxPollInterval));
  if (maxPollIntervalMs < pollIntervalMs) {
    throw new InputError(
      `${subject(Input.MaxPollInterval)} (${asRead(value(Input.MaxPollInterval), maxPollIntervalMs)}) is shorter than ${of(Input.PollInterval)} (${asRead(value(Input.PollInterval), pollIntervalMs)}). Expected a largest pause at least as long as the first.`,
    );
  }
  return {
    timeoutMs: parseDuration(subject(Input.Timeout), value(Input.Timeout)),
    pollIntervalMs,
    maxPollIntervalMs,
    requestTimeoutMs: parseDuration(subject(Input.RequestTimeout), value(Input.RequestTimeout)),
  };
}

/** The final statuses that count as success, and those that count as failure besides the known ones. */
function readStatuses(value: InputReader, { of }: SettingNames) {
  const successStatuses = parseList(value(Input.SuccessStatuses));
  const failureStatuses = parseList(value(Input.FailureStatuses));
  const both = successStatuses.find((s) => failureStatuses.some((f) => normalizeStatus(f) === normalizeStatus(s)));
  if (both !== undefined) {
    throw new InputError(
      `Status ${quote(both)} is in both ${of(Input.SuccessStatuses)} and ${of(Input.FailureStatuses)}. Expected each status in one list only.`,
    );
  }
  return { successStatuses, failureStatuses };
}

function readCommentToken(read: InputReader, { of, subject }: SettingNames): string | undefined {
  if (!parseBoolean(subject(Input.CommentOnPr), read(Input.CommentOnPr))) return undefined;
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
