/** Runs `total` operations with `concurrency` workers; returns operations per second. */
export async function throughput(
  total: number,
  concurrency: number,
  operation: (worker: number, index: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let index = next++; index < total; index = next++) await operation(worker, index);
    }),
  );
  return (total / (performance.now() - started)) * 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export async function medianOf(runs: number, measure: () => Promise<number>): Promise<number> {
  const results: number[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure());
  return median(results);
}
