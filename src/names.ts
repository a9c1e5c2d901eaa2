/**
 * The run's inputs and outputs, named as action.yml names them; the command's flags are the same names
 * (`--workflow-id`). Nothing else spells these strings.
 */
export enum Input {
  Platform = 'platform',
  GatewayUrl = 'gateway-url',
  Token = 'token',
  ClientId = 'client-id',
  ClientSecret = 'client-secret',
  Username = 'username',
  Password = 'password',
  WorkflowId = 'workflow-id',
  ExecutionId = 'execution-id',
  RunInput = 'input',
  Variables = 'variables',
  Matrix = 'matrix',
  MaxParallel = 'max-parallel',
  FailFast = 'fail-fast',
  AllowUnknownVariables = 'allow-unknown-variables',
  DryRun = 'dry-run',
  Wait = 'wait',
  Timeout = 'timeout',
  PollInterval = 'poll-interval',
  MaxPollInterval = 'max-poll-interval',
  RequestTimeout = 'request-timeout',
  StepOutputs = 'step-outputs',
  StepInputs = 'step-inputs',
  SuccessStatuses = 'success-statuses',
  FailureStatuses = 'failure-statuses',
  OutputFile = 'output-file',
  CommentOnPr = 'comment-on-pr',
  GithubToken = 'github-token',
}

/** The action's outputs, as named in action.yml. */
export enum Output {
  ExecutionId = 'execution-id',
  Status = 'status',
  Result = 'result',
  StartedAt = 'started-at',
  EndedAt = 'ended-at',
  DurationSeconds = 'duration-seconds',
  Execution = 'execution',
  Steps = 'steps',
  FailedSteps = 'failed-steps',
  StepOutputs = 'step-outputs',
  StepInputs = 'step-inputs',
  OutputFile = 'output-file',
  ApiCalls = 'api-calls',
  Executions = 'executions',
}

/** What the `result` output says about the run, in one word a later step can test. */
export type Result = 'success' | 'failure' | 'timed_out' | 'cancelled' | 'started' | 'validated';

/** A result that is no failure: the executions succeeded, were started (`wait: false`) or were only checked (`dry-run`). */
export function isFine(result: Result): boolean {
  return result === 'success' || result === 'started' || result === 'validated';
}
