import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/stores.ts';

interface Rows<T> {
  readonly rows: readonly T[];
}

const postgres = ENGINES.find((e) => e.name === 'postgres');

/**
 * A PostgreSQL server ends idle connections when it restarts or an administrator terminates them. The app
 * must carry on: before, the pool's unheard 'error' event ended the whole process.
 */
describe.skipIf(!postgres?.available)('a PostgreSQL connection closed by the server', () => {
  it('is logged in one line, and the next query opens a new connection', async () => {
    if (!postgres) return;
    const { store, dispose } = await postgres.open();
    try {
      const first = (await store.db.execute(sql`select current_database() as db`)) as unknown as Rows<{
        db: string;
      }>;
      const [row] = first.rows;
      if (!row) throw new Error('no row');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        row.db,
      ]);
      await admin.end();
      // Give the terminated connection's error time to arrive while it sits idle in the pool.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const next = (await store.db.execute(sql`select 1 as one`)) as unknown as Rows<{ one: number }>;
      const [again] = next.rows;
      expect(again?.one).toBe(1);
    } finally {
      await dispose();
    }
  });
});
