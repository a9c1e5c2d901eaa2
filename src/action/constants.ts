/** The action's inputs, as named in action.yml. Nothing else spells these strings. */
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
export type Result = 'success' | 'failure' | 'timed_out' | 'cancelled' | 'started';

/** How far back the execution list may reach (QFlow 1.18 release notes). */
export const EXECUTION_LIST_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
