export interface LoadResult {
  /** Latency of each completed request (ms). */
  latencies: number[];
  /** Status code → count. */
  statuses: Record<number, number>;
  elapsedMs: number;
  requestsPerSecond: number;
}

/**
 * A bounded closed-loop load: `concurrency` workers each send one request at a time (`send(i)`
 * answers the status) until `count` requests were sent or `maxMs` has passed.
 */
export async function runLoad(
  count: number,
  concurrency: number,
  maxMs: number,
  send: (index: number) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count && performance.now() - start < maxMs) {
      const index = next++;
      const sent = performance.now();
      const status = await send(index).catch(() => 0);
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - start;
  return { latencies, statuses, elapsedMs, requestsPerSecond: (latencies.length / elapsedMs) * 1000 };
}
