import { Input } from '../names.js';
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
  type NodeSelection,
} from './parse.js';
import { normalizeStatus } from '../wait/status.js';

/** Everything the action was asked to do, checked. Nothing else reads inputs. */
export interface Settings {
  /** API gateway base URL without a trailing slash, from `gateway-url` or `platform`. */
  gatewayUrl: string;
  credentials: Credentials;
  /** The workflow to run (or whose execution to wait for), as a lower-case UUID. */
  workflowId: string;
  /** An execution that already exists, to wait for instead of starting one. */
  executionId?: string;
  /** The executions to start, one run request each: one, or one per `matrix` item. None with `executionId`. */
  runs: RunRequest[];
  /** A `matrix` was given: the outputs describe every execution (even a matrix of one). */
  fanOut: boolean;
  /** Run calls in flight at most while starting a fan-out. */
  maxParallel: number;
  /** Stop waiting at the first execution that fails. */
  failFast: boolean;
  /** Override variables the workflow's definition does not declare are passed, not refused. */
  allowUnknownVariables: boolean;
  /** Check everything and show the run requests, starting nothing. */
  dryRun: boolean;
  /** Wait for a final status (true) or return as soon as the execution has started (false). */
  wait: boolean;
  /** Longest wait for a final status, in milliseconds. */
  timeoutMs: number;
  /** First pause between polls, in milliseconds; also the shortest. */
  pollIntervalMs: number;
  /** Longest pause between polls, in milliseconds. */
  maxPollIntervalMs: number;
  /** Longest wait for one HTTP answer, in milliseconds. */
  requestTimeoutMs: number;
  /** Steps whose outputs to fetch after the execution ends. */
  stepOutputs: NodeSelection;
  /** Steps whose inputs to fetch after the execution ends. */
  stepInputs: NodeSelection;
  /** Final statuses that count as success. */
  successStatuses: string[];
  /** Final statuses that count as failure, besides the known ones. */
  failureStatuses: string[];
  /** Where to write the full result as JSON; undefined means a file in RUNNER_TEMP. */
  outputFile?: string;
  /** Post the job summary on the pull request with this token (`comment-on-pr`); undefined for no comment. */
  commentToken?: string;
}

/** Reads one input, trimmed, '' when unset: `core.getInput` in the action, a map in tests. */
export type InputReader = (name: Input) => string;

/**
 * Reads and checks every input before any network call. `registerSecret` is called for each secret
 * before anything that could print it runs.
 */
export async function readSettings(read: InputReader, registerSecret: (secret: string) => void, now = Date.now()): Promise<Settings> {
  for (const secret of [Input.Token, Input.ClientSecret, Input.Password, Input.GithubToken]) {
    const value = read(secret);
    if (value !== '') registerSecret(value);
  }

  const workflowId = read(Input.WorkflowId);
  if (workflowId === '') throw new InputError(`Input '${Input.WorkflowId}' is required: the UUID of the QFlow workflow to run.`);
  const executionId = read(Input.ExecutionId);

  const yaml = await yamlParserFor([read(Input.Variables), read(Input.RunInput), read(Input.Matrix)]);
  const variables = parseMapping(Input.Variables, read(Input.Variables), yaml);
  if (variables) checkNoBlankVariables(`Input '${Input.Variables}'`, variables);
  const runInput = parseMapping(Input.RunInput, read(Input.RunInput), yaml);
  const matrix = parseStructured(Input.Matrix, read(Input.Matrix), yaml);
  // YAML reads `[a, ]` as [a] and `[, b]` from an unset secret as [b]: a silently shorter matrix.
  const emptyEntry = /\[\s*,|,\s*,|,\s*\]/.exec(read(Input.Matrix));
  if (matrix !== undefined && emptyEntry) {
    throw new InputError(
      `Input '${Input.Matrix}' has an empty entry in a list (${quote(emptyEntry[0])}), perhaps a secret or variable that is not set. Expected a value between every two commas.`,
    );
  }
  if (executionId !== '' && (runInput || variables || matrix !== undefined)) {
    throw new InputError(
      `Inputs '${Input.RunInput}', '${Input.Variables}' and '${Input.Matrix}' start new executions, but '${Input.ExecutionId}' waits for an existing one. Give one or the other.`,
    );
  }
  const base: RunRequest = { input: runInput, variables };
  const runs = executionId !== '' ? [] : matrix === undefined ? [base] : expandMatrix(matrix, base);
  const maxParallel = parsePositiveInteger(Input.MaxParallel, read(Input.MaxParallel) || '4');
  const failFast = parseBoolean(Input.FailFast, read(Input.FailFast) || 'false');

  const wait = parseBoolean(Input.Wait, read(Input.Wait) || 'true');
  if (!wait && executionId !== '') {
    throw new InputError(
      `Input '${Input.Wait}' is false, so there is nothing to do for the existing execution in '${Input.ExecutionId}'. Expected '${Input.Wait}: true' to wait for it.`,
    );
  }

  const dryRun = parseBoolean(Input.DryRun, read(Input.DryRun) || 'false');
  if (dryRun && executionId !== '') {
    throw new InputError(
      `Input '${Input.DryRun}' checks run requests and starts nothing, but '${Input.ExecutionId}' waits for an execution that exists: there is nothing to check. Expected one or the other.`,
    );
  }

  const pollIntervalMs = parseDuration(Input.PollInterval, read(Input.PollInterval) || '2s');
  const maxPollIntervalMs = parseDuration(Input.MaxPollInterval, read(Input.MaxPollInterval) || '1m');
  if (maxPollIntervalMs < pollIntervalMs) {
    throw new InputError(
      `Input '${Input.MaxPollInterval}' (${read(Input.MaxPollInterval)}) is shorter than '${Input.PollInterval}' (${read(Input.PollInterval) || '2s'}). Expected a largest pause at least as long as the first.`,
    );
  }

  const successStatuses = parseList(read(Input.SuccessStatuses) || 'Success');
  const failureStatuses = parseList(read(Input.FailureStatuses));
  const both = successStatuses.find((s) => failureStatuses.some((f) => normalizeStatus(f) === normalizeStatus(s)));
  if (both !== undefined) {
    throw new InputError(
      `Status ${quote(both)} is in both '${Input.SuccessStatuses}' and '${Input.FailureStatuses}'. Expected each status in one list only.`,
    );
  }

  return {
    gatewayUrl: resolveGateway(Input.Platform, read(Input.Platform), Input.GatewayUrl, read(Input.GatewayUrl)),
    credentials: readCredentials(read, now),
    workflowId: parseUuid(Input.WorkflowId, workflowId),
    executionId: executionId === '' ? undefined : parseUuid(Input.ExecutionId, executionId),
    runs,
    fanOut: matrix !== undefined,
    maxParallel,
    failFast,
    allowUnknownVariables: parseBoolean(Input.AllowUnknownVariables, read(Input.AllowUnknownVariables) || 'false'),
    dryRun,
    wait,
    timeoutMs: parseDuration(Input.Timeout, read(Input.Timeout) || '1h'),
    pollIntervalMs,
    maxPollIntervalMs,
    requestTimeoutMs: parseDuration(Input.RequestTimeout, read(Input.RequestTimeout) || '30s'),
    stepOutputs: parseNodeSelection(Input.StepOutputs, read(Input.StepOutputs)),
    stepInputs: parseNodeSelection(Input.StepInputs, read(Input.StepInputs)),
    successStatuses,
    failureStatuses,
    outputFile: read(Input.OutputFile) || undefined,
    commentToken: readCommentToken(read),
  };
}

function readCommentToken(read: InputReader): string | undefined {
  if (!parseBoolean(Input.CommentOnPr, read(Input.CommentOnPr) || 'false')) return undefined;
  const token = read(Input.GithubToken);
  if (token === '') {
    throw new InputError(
      `Input '${Input.CommentOnPr}' is true but '${Input.GithubToken}' is empty. Expected a token that may write pull-request comments (by default the job's own, \${{ github.token }}).`,
    );
  }
  return token;
}

function readCredentials(read: InputReader, now: number): Credentials {
  const token = read(Input.Token);
  const clientId = read(Input.ClientId);
  const clientSecret = read(Input.ClientSecret);
  const username = read(Input.Username);
  const password = read(Input.Password);

  const given: string[] = [];
  if (token !== '') given.push(`'${Input.Token}'`);
  if (clientId !== '' || clientSecret !== '') given.push(`'${Input.ClientId}'/'${Input.ClientSecret}'`);
  if (username !== '' || password !== '') given.push(`'${Input.Username}'/'${Input.Password}'`);
  const ways = `'${Input.Token}', or '${Input.ClientId}' with '${Input.ClientSecret}', or '${Input.Username}' with '${Input.Password}'`;
  if (given.length === 0) throw new InputError(`No credentials given. Expected exactly one of: ${ways}.`);
  if (given.length > 1) throw new InputError(`More than one way of authenticating given (${given.join(' and ')}). Expected exactly one of: ${ways}.`);

  if (token !== '') {
    if (/\s/.test(token)) {
      throw new InputError(`Input '${Input.Token}' contains white space. Expected the bare JWT, without a 'Bearer ' prefix.`);
    }
    // A JWT says when it expires: an expired one would only earn a 401 on the first call.
    const expiry = jwtExpiry(token);
    if (expiry !== undefined && expiry <= now) {
      throw new InputError(
        `Input '${Input.Token}' is a JWT that expired at ${new Date(expiry).toISOString()} (a Qualys JWT lasts 4 hours). Pass a fresh one, or give '${Input.ClientId}'/'${Input.ClientSecret}' so the token is obtained and renewed for you.`,
      );
    }
    return { kind: 'token', token };
  }
  if (clientId !== '' || clientSecret !== '') {
    if (clientId === '') throw new InputError(`Input '${Input.ClientSecret}' is set but '${Input.ClientId}' is empty. Expected both.`);
    if (clientSecret === '') throw new InputError(`Input '${Input.ClientId}' is set but '${Input.ClientSecret}' is empty. Expected both.`);
    return { kind: 'oauth-client', clientId, clientSecret };
  }
  if (username === '') throw new InputError(`Input '${Input.Password}' is set but '${Input.Username}' is empty. Expected both.`);
  if (password === '') throw new InputError(`Input '${Input.Username}' is set but '${Input.Password}' is empty. Expected both.`);
  return { kind: 'password', username, password };
}
