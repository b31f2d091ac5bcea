import { sql } from 'drizzle-orm';
import type { Db } from './connect.ts';

/** The channel every publication and withdrawal is announced on, with the plan's slug as the payload. */
export const EDITIONS_CHANNEL = 'shinchoku_editions';

/**
 * Tells every process listening on the database that the plan's editions changed. Sent inside the
 * publishing transaction: PostgreSQL delivers a NOTIFY only when its transaction commits, so no process
 * drops its cache for a publication that is then undone, nor hears of it before it can read it.
 */
export async function announceEditions(tx: Db, planSlug: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${EDITIONS_CHANNEL}, ${planSlug})`);
}
