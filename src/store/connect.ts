import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { ShinchokuError } from '../core/errors.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const MIGRATIONS = join(import.meta.dirname, 'migrations');
export const DEFAULT_DATA_DIR = 'data';

export interface StoreOptions {
  /** A PostgreSQL URL (DATABASE_URL); without one, the embedded PGlite database is used. */
  readonly url?: string | null;
  /** PGlite's data folder; null for an in-memory database. */
  readonly dataDir?: string | null;
}

/** Opens the database and brings its schema up to date: migrations run on every start. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Store> {
  let client: PGlite;
  try {
    if (dataDir !== null) await mkdir(dirname(resolve(dataDir)), { recursive: true });
    client = dataDir === null ? new PGlite() : new PGlite(resolve(dataDir));
    await client.waitReady;
  } catch (error) {
    throw new ShinchokuError(
      'store-unavailable',
      `The embedded database in ${dataDir ?? 'memory'} could not be opened: ${(error as Error).message}`,
      'Check that the folder is writable and that no other Shinchoku is using it.',
    );
  }
  return fromPglite(client);
}

/** Wraps an open PGlite (tests clone one prepared instance instead of paying for a new one). */
export async function fromPglite(client: PGlite): Promise<Store> {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  return { db, engine: 'pglite', close: () => client.close() };
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new ShinchokuError(
      'store-unavailable',
      `PostgreSQL at ${redact(url)} could not be reached: ${(error as Error).message}`,
      'Check DATABASE_URL and that the server is running.',
    );
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await migratePg(db as never, { migrationsFolder: MIGRATIONS });
  return { db, engine: 'postgres', close: () => pool.end() };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
