import pg from 'pg';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** The server the bench may use: BENCH_DATABASE_URL, else the tests', else the local default. */
export function adminUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
}

async function withClient<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the local PostgreSQL server, so the bench neither reads nor disturbs the tests'
 * data; dropped afterwards. Only a server on this machine is used.
 */
export async function createBenchDatabase(admin: string): Promise<BenchDatabase> {
  const url = new URL(admin);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`the bench uses a PostgreSQL server on this machine only, not ${url.hostname}`);
  }
  const name = `shinchoku_bench_${process.pid}_${Date.now()}`;
  await withClient(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  const bench = new URL(admin);
  bench.pathname = `/${name}`;
  return {
    url: bench.toString(),
    drop: async () => {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
