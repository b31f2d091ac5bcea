import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';
import { isRetryable } from './db-errors.ts';

/** A deadlock or serialization failure is rare; a few runs settle it, and the loop ends by construction. */
const ATTEMPTS = 3;

/**
 * Runs `work` in one transaction. When PostgreSQL undoes it for a deadlock or a serialization failure,
 * nothing of it was kept, so it runs again from the start, checks included. Inside an enclosing
 * transaction it is a savepoint and is not retried: the enclosing one is what must run again.
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const attempts = db instanceof PgTransaction ? 1 : ATTEMPTS;
  let failure: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt === attempts || !isRetryable(error)) throw error;
      failure = error;
    }
  }
  throw failure;
}
