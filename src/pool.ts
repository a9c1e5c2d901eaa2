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
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(limit, items.length)) }, worker));
}
