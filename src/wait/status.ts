/**
 * What a QFlow status means for the wait. Only `Success` is confirmed by the Qualys docs; QFlow runs
 * on a Conductor-style engine, so its vocabulary (COMPLETED, FAILED, TIMED_OUT, TERMINATED, ...) and
 * common spellings are known too. Anything else is treated as not final and reported once.
 */
export type StatusClass = 'success' | 'failure' | 'pending' | 'unknown';

const FAILURE = [
  'failed',
  'failure',
  'fail',
  'error',
  'errored',
  'terminated',
  'timedout',
  'timeout',
  'cancelled',
  'canceled',
  'aborted',
  'stopped',
  'rejected',
  'killed',
  'failedwithterminalerror',
  'completedwitherrors',
];
const PENDING = [
  'running',
  'inprogress',
  'queued',
  'pending',
  'paused',
  'scheduled',
  'started',
  'starting',
  'waiting',
  'created',
  'new',
  'submitted',
  'notstarted',
  'initiated',
  'resumed',
  'retrying',
];

/** Statuses are compared ignoring case, spaces, `_` and `-`: `TIMED_OUT`, `Timed Out` and `timedOut` are one. */
export function normalizeStatus(status: string): string {
  return status.toLowerCase().replace(/[\s_-]+/g, '');
}

export class StatusRules {
  private readonly success: Set<string>;
  private readonly failure: Set<string>;
  private readonly pending = new Set(PENDING);

  /**
   * @param successStatuses final statuses that count as success
   * @param extraFailureStatuses final statuses that count as failure, besides the known ones
   */
  constructor(successStatuses: readonly string[], extraFailureStatuses: readonly string[] = []) {
    this.success = new Set(successStatuses.map(normalizeStatus));
    this.failure = new Set([...FAILURE, ...extraFailureStatuses.map(normalizeStatus)]);
    // A status the user calls success is not a failure, even if it is on the built-in list.
    for (const status of this.success) this.failure.delete(status);
  }

  classify(status: string): StatusClass {
    const key = normalizeStatus(status);
    if (this.success.has(key)) return 'success';
    if (this.failure.has(key)) return 'failure';
    if (this.pending.has(key)) return 'pending';
    return 'unknown';
  }
}
