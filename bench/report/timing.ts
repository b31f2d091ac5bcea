/** The first call of a task in this process, then the same task repeated: cold, then warm. */
export interface Warm<T = unknown> {
  readonly first: number;
  readonly warm: number[];
  readonly result: T;
}

async function timed<T>(task: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await task();
  return [performance.now() - start, result];
}

export async function timedWarm<T>(runs: number, task: () => Promise<T>): Promise<Warm<T>> {
  const [first, result] = await timed(task);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await timed(task))[0]);
  return { first, warm, result };
}

export interface Pair {
  readonly first: number[];
  readonly second: number[];
}

/**
 * Two tasks timed turn about, so that a burst of load from elsewhere on a shared machine falls on both
 * alike and their ratio holds. With `warmUp`, each runs once untimed first.
 */
export async function timedPair(
  runs: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
  warmUp = true,
): Promise<Pair> {
  if (warmUp) {
    await first();
    await second();
  }
  const pair: Pair = { first: [], second: [] };
  for (let i = 0; i < runs; i++) {
    pair.first.push((await timed(first))[0]);
    pair.second.push((await timed(second))[0]);
  }
  return pair;
}
