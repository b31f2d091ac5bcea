import { ALL_PLANS_TAG, estimateBytes, type EditionCache } from './edition-cache.ts';

/**
 * A comparison across municipalities, kept in the edition cache under every plan's tag: computed once
 * per key (a kind of comparison, a year, a scope) until any plan publishes or withdraws, so a request
 * reads the kept result and its cost does not grow with the plans stored. Concurrent asks share one
 * computation (the cache's own rule), which matters here: the national one evaluates every plan.
 */
export async function keptComparison<T>(
  cache: EditionCache,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  await cache.refresh(ALL_PLANS_TAG);
  const value = await cache.remember(`comparison ${key}`, ALL_PLANS_TAG, async () => {
    const computed = await compute();
    return { value: computed, bytes: estimateBytes(computed) };
  });
  // remember returns null only when compute says not to keep, which this compute never does.
  if (value === null) throw new Error(`The comparison ${key} was not computed.`);
  return value;
}

/** Lets other requests run between steps of a long computation, so one comparison never holds the server. */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
