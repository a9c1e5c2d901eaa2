/**
 * The one concurrency limiter: `Slots` lets at most a given number of tasks run at once (the calls in
 * flight a gateway allows, the run calls of a fan-out, the step data fetched together); `inPool`
 * works through a list with it.
 */

/** At most `limit()` tasks at once, the rest queued in order; the limit is asked anew each time, as a gateway may state a new one. */
export class Slots {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: () => number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    while (this.held >= Math.max(1, this.limit())) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held++;
    try {
      return await task();
    } finally {
      this.held--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Works through `items` with at most `limit` at a time, in order, each through `work`; resolves when
 * all are done. `stop` is asked before each item is taken: once it says so, no further item starts
 * (those under way finish). A `work` that throws ends the pool with that error, the others finishing.
 */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  const slots = new Slots(() => limit);
  let failed = false;
  await Promise.all(
    items.map((item, index) =>
      slots.run(async () => {
        if (failed || stop()) return;
        try {
          await work(item, index);
        } catch (error) {
          failed = true;
          throw error;
        }
      }),
    ),
  );
}
