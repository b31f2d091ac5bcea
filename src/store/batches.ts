/**
 * PostgreSQL binds at most 65,535 parameters to one statement, and drizzle gathers a statement's
 * parameters with a spread that overflows the call stack well before that. An insert of many rows is
 * therefore sent in batches of at most this many parameters: far from both limits, and large enough
 * that a 20,000-KPI plan still needs only a few hundred statements.
 */
export const MAX_PARAMETERS = 10_000;

/** Rows in consecutive slices of at most MAX_PARAMETERS values each (one value per key of a row). */
export function batchesOf<T extends object>(rows: readonly T[]): T[][] {
  let perRow = 1;
  for (const row of rows) perRow = Math.max(perRow, Object.keys(row).length);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/**
 * Inserts rows batch by batch, in order, and gathers what each batch returns. The caller runs it inside
 * its transaction, so the rows are stored all together or not at all.
 */
export async function inBatches<T extends object, R>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const results: R[] = [];
  for (const batch of batchesOf(rows)) {
    // A loop, not push(...returned): spreading a large array is the stack overflow this file avoids.
    for (const row of await insert(batch)) results.push(row);
  }
  return results;
}

/** Inserts rows batch by batch, in order, when nothing needs to come back. */
export async function insertInBatches<T extends object>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (const batch of batchesOf(rows)) await insert(batch);
}
