/** Milliseconds of one call. */
export async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const began = performance.now();
  const value = await work();
  return { ms: performance.now() - began, value };
}

/** Median milliseconds over `runs` calls (the first warms caches and is not counted). */
export async function medianMs(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(work)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 10) / 10);
