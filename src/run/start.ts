/**
 * Starting the executions: one run call per run request, up to `max-parallel` at a time (the HTTP
 * layer also keeps to the gateway's concurrency limit). The run call is never repeated on its own:
 * a run whose answer was lost is reported as "may have started", and the others go on.
 */
import { CancelledError } from '../errors.js';
import type { QFlowClient } from '../qflow/client.js';
import type { Clock } from '../time.js';
import type { RunRequest } from '../settings/matrix.js';
import { inPool } from '../pool.js';

export interface StartedRun {
  /** Which run request, from 1 in the order of the matrix. */
  item: number;
  request: RunRequest;
  /** When the run call was sent (epoch ms). */
  sentAt?: number;
  executionId?: string;
  /** Why it did not start, or why it is unknown whether it did. */
  error?: Error;
}

export async function startExecutions(
  client: Pick<QFlowClient, 'runWorkflow'>,
  workflowId: string,
  requests: RunRequest[],
  maxParallel: number,
  clock: Clock,
  /** No run call waits past this instant (epoch ms); one that would is not sent. */
  deadline: number,
  /** Told of each run as soon as its call has answered. */
  onStarted: (run: StartedRun) => void,
): Promise<StartedRun[]> {
  const runs: StartedRun[] = requests.map((request, i) => ({ item: i + 1, request }));
  let cancelled: CancelledError | undefined;
  await inPool(
    runs,
    maxParallel,
    async (run) => {
      run.sentAt = clock.now();
      try {
        run.executionId = await client.runWorkflow(workflowId, run.request, deadline);
      } catch (error) {
        // A cancelled job starts nothing more; what was started is still reported.
        if (error instanceof CancelledError) cancelled = error;
        run.error = error instanceof Error ? error : new Error(String(error));
      }
      onStarted(run);
    },
    () => cancelled !== undefined,
  );
  return runs;
}
