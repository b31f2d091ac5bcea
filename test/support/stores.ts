import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { openStore, type Store } from '../../src/store/connect.ts';

/** Every table, emptied between tests so each starts from a fresh schema without paying for a new database. */
const TABLES = [
  'bulk_import_jobs',
  'mail_log',
  'notices',
  'collection_deadlines',
  'audit_log',
  'comments',
  'reviews',
  'editions',
  'sessions',
  'login_limits',
  'upload_stash',
  'assessments',
  'milestones',
  'observations',
  'series',
  'goal_kpis',
  'kpis',
  'goals',
  'users',
  'departments',
  'plans',
  'municipalities',
];

export async function emptyStore(store: Store): Promise<void> {
  await store.db.execute(sql.raw(`truncate ${TABLES.join(', ')} restart identity cascade`));
  // Row 1, the installation's own municipality, is the migration's: every fresh store has it.
  await store.db.execute(sql.raw(`insert into municipalities (id, name) values (1, '')`));
  await store.db.execute(sql.raw(`select setval(pg_get_serial_sequence('municipalities', 'id'), 1)`));
}

interface Engine {
  name: 'pglite' | 'postgres';
  available: boolean;
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

/** An empty database on the PostgreSQL server at url, and how to drop it (its connections forced off). */
export async function createTestDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `shinchoku_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** A fresh database on the PostgreSQL server, dropped afterwards: runs never see each other's data. */
async function freshPostgres(url: string) {
  const database = await createTestDatabase(url);
  const store = await openStore({ url: database.url });
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}

/** The PostgreSQL server tests run on; undefined only outside CI, where its suites are skipped. */
export const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI && !postgresUrl) {
  throw new Error('TEST_DATABASE_URL is not set: in CI the PostgreSQL suite must run, not be skipped');
}

export const ENGINES: readonly Engine[] = [
  {
    name: 'pglite',
    available: true,
    async open() {
      const store = await openStore({ dataDir: null });
      return { store, dispose: () => store.close() };
    },
  },
  { name: 'postgres', available: Boolean(postgresUrl), open: () => freshPostgres(postgresUrl as string) },
];

/**
 * Runs one contract suite against every storage engine: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL names a server. Each engine's database is opened once per file and emptied per test.
 */
export function describeStores(
  title: string,
  suite: (store: () => Store, engine: Engine['name']) => void,
): void {
  for (const engine of ENGINES) {
    describe.skipIf(!engine.available)(`${title} [${engine.name}]`, () => {
      let opened: Awaited<ReturnType<Engine['open']>> | undefined;
      beforeAll(async () => {
        opened = await engine.open();
      }, 60_000);
      afterAll(async () => {
        await opened?.dispose();
      });
      beforeEach(async () => {
        if (opened) await emptyStore(opened.store);
      });
      suite(() => {
        if (!opened) throw new Error('the store did not open');
        return opened.store;
      }, engine.name);
    });
  }
}
