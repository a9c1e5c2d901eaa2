/** A bad input: the message names the input, the bad value (never a secret) and the expected form. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The job was cancelled (SIGINT or SIGTERM from the runner) while the action was working. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'The job was cancelled.') {
    super(message);
  }
}

/**
 * The job was cancelled while the run call was on its way: the request had reached the gateway, so
 * QFlow may have started an execution. Never "nothing happened": a re-run could start a second one.
 */
export class RunCancelledError extends CancelledError {
  override name = 'RunCancelledError';
}

/** The wait reached the `timeout` input while the execution was still going, or a call would have gone past it. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
  constructor(
    message: string,
    /** Set when the gateway's rate limit held the call back past the deadline: the wait it asked for, ms. */
    readonly budgetSpentForMs?: number,
  ) {
    super(message);
  }
}

/** QFlow answered with an HTTP error, or with something that is not the answer it documents. */
export class QFlowApiError extends Error {
  override name = 'QFlowApiError';
  constructor(
    message: string,
    /** the HTTP status, or undefined when the answer itself was unusable */
    readonly status?: number,
    /** the gateway was down or throttling, past the retries allowed: the same call may work later */
    readonly transient = false,
  ) {
    super(message);
  }
}

/**
 * The run request may have reached QFlow but its answer was lost, so it is unknown whether an
 * execution started. Never retried: a second POST could start a second execution.
 */
export class RunOutcomeUnknownError extends Error {
  override name = 'RunOutcomeUnknownError';
}

/** The gateway could not be reached or the connection failed, after the retries allowed. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** Why an operation stopped early, from an abort signal's reason. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new CancelledError();
}

/**
 * Quote a value for an error message (a bad value, a variable's or a node's name), shortened so a
 * pasted blob does not flood the log. In double quotes: single quotes name settings ('timeout'), and a
 * front-end rewords those as it names them, so a variable called timeout must not read as one.
 */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return `"${shown}"`;
}

/**
 * An error's message in the user's words. This project's own errors and the system's file and network
 * errors (`ENOENT: …`) say what failed; anything else (a `TypeError`, a `RangeError` from a hostile
 * answer) is a fault of this code, whose internal text means nothing to a user: it is named as such.
 */
export function messageOf(error: unknown): string {
  const ours = [InputError, CancelledError, DeadlineError, QFlowApiError, RunOutcomeUnknownError, NetworkError];
  if (ours.some((kind) => error instanceof kind)) return (error as Error).message;
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') return error.message;
  const kind = error instanceof Error ? error.name : typeof error;
  return `an unexpected fault in qflow-run-action while handling it (${kind}); please report it with the debug log`;
}
