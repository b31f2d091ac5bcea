import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { ShinchokuError } from '../core/errors.ts';
import { lockDataDir, type DataLock } from './data-lock.ts';
import { NotificationHub } from './notifications.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs work while no other process on the database runs its own `exclusively` (on PostgreSQL, a
   * session advisory lock on a connection of its own; PGlite's folder already belongs to one process).
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** PostgreSQL's LISTEN, on one connection of the store's own; null on PGlite, where no other process writes. */
  readonly notifications: NotificationHub | null;
  close(): Promise<void>;
}

const MIGRATIONS = join(import.meta.dirname, 'migrations');
export const DEFAULT_DATA_DIR = 'data';

export interface StoreOptions {
  /** A PostgreSQL URL (DATABASE_URL); without one, the embedded PGlite database is used. */
  readonly url?: string | null;
  /** PGlite's data folder; null for an in-memory database. */
  readonly dataDir?: string | null;
  /** What holds the embedded database's lock, for the message another process gets (default: argv). */
  readonly command?: string;
}

/**
 * Opens the database and brings its schema up to date: migrations run on every start. The embedded
 * database's folder is locked until close, so a second process is refused instead of losing writes;
 * PostgreSQL needs no lock, as it serves many processes itself.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.url) return openPostgres(options.url);
  const dataDir = options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir;
  if (dataDir === null) return fromPglite(await startPglite(null));
  const lock = takeLock(dataDir, options.command);
  try {
    const store = await fromPglite(await startPglite(dataDir));
    return {
      ...store,
      async close() {
        try {
          await store.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

function takeLock(dataDir: string, command: string | undefined): DataLock {
  try {
    return lockDataDir(dataDir, command);
  } catch (error) {
    if (error instanceof ShinchokuError) throw error;
    throw new ShinchokuError(
      'store-unavailable',
      `The embedded database in ${dataDir} could not be locked for this process: ${(error as Error).message}`,
      'Check that the folder is writable.',
    );
  }
}

/**
 * PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly memory, which never shrinks:
 * 16 MB holds a municipality's plans many times over (its tables are a few MB), and the data folder's
 * files stay in the system's page cache besides. Measured: idle RSS after a restart 367 → 244 MiB.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

async function startPglite(dataDir: string | null): Promise<PGlite> {
  try {
    if (dataDir !== null) await mkdir(dirname(resolve(dataDir)), { recursive: true });
    // Loaded only for the embedded database: a server on PostgreSQL never holds PGlite's WebAssembly.
    const { PGlite } = await import('@electric-sql/pglite');
    const options = { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] };
    if (dataDir === null) {
      const client = new PGlite(options);
      await client.waitReady;
      return client;
    }
    const folder = resolve(dataDir);
    const fresh = !existsSync(join(folder, 'PG_VERSION'));
    let client = new PGlite(folder, options);
    await client.waitReady;
    if (fresh) {
      // The instance that created the database keeps initdb's WebAssembly memory (about 400 MB resident)
      // for its whole life; a second instance on the folder, now set up, starts without it.
      await client.close();
      client = new PGlite(folder, options);
      await client.waitReady;
    }
    return client;
  } catch (error) {
    throw new ShinchokuError(
      'store-unavailable',
      `The embedded database in ${dataDir ?? 'memory'} could not be opened: ${(error as Error).message}`,
      'Check that the folder is writable.',
    );
  }
}

/** Wraps an open PGlite (tests clone one prepared instance instead of paying for a new one). */
export async function fromPglite(client: PGlite): Promise<Store> {
  // drizzle's PGlite driver loads PGlite itself (about 40 MB resident), so it too waits for the embedded database.
  const [{ drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  try {
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return {
    db,
    engine: 'pglite',
    exclusively: (work) => work(),
    notifications: null,
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server ends (a restart, a dropped database) is reported on the pool;
  // unheard, it would end the whole process. The pool opens a new connection for the next query.
  pool.on('error', (error: Error & { code?: string }) => {
    console.error(`store: a PostgreSQL connection was closed by the server (${error.code ?? 'no code'})`);
  });
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
  const exclusively = <T>(work: () => Promise<T>) => underStartLock(pool, work);
  const notifications = new NotificationHub(url);
  try {
    // Two processes started at once on an empty database would both create the same tables.
    await exclusively(() => migratePg(db as never, { migrationsFolder: MIGRATIONS }));
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    db,
    engine: 'postgres',
    exclusively,
    notifications,
    async close() {
      await notifications.close();
      await pool.end();
    },
  };
}

/** The advisory lock key of the start (migrations, first start): one per database, taken by every process. */
const START_LOCK = 0x5348_5354; // 'SHST'

/**
 * Holds a session advisory lock on a connection of its own while work runs on any connection. The lock
 * is released with the connection, so a process that dies mid-start frees it for the next one.
 */
async function underStartLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const holder = await pool.connect();
  let broken = false;
  try {
    await holder.query('select pg_advisory_lock($1)', [START_LOCK]);
    try {
      return await work();
    } finally {
      await holder.query('select pg_advisory_unlock($1)', [START_LOCK]).catch(() => {
        broken = true;
      });
    }
  } finally {
    // A connection whose unlock failed may still hold the lock: it is closed, not returned to the pool.
    holder.release(broken);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
