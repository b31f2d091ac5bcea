import type { z } from 'zod';

/**
 * The file again without the keys the schema does not know, where those are its only shape problems;
 * null otherwise. A typo'd key says nothing about the rest of the file, so the rest is still read and
 * every other problem is reported in the same pass, instead of one at a time.
 */
export function withoutUnknownKeys(data: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  if (issues.length === 0 || issues.some((issue) => issue.code !== 'unrecognized_keys')) return null;
  const copy: unknown = structuredClone(data);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    let at: unknown = copy;
    for (const segment of issue.path) {
      if (at === null || typeof at !== 'object') break;
      at = (at as Record<PropertyKey, unknown>)[segment as PropertyKey];
    }
    if (at === null || typeof at !== 'object' || Array.isArray(at)) return null;
    for (const key of issue.keys) Reflect.deleteProperty(at, key);
  }
  return copy;
}
