import { DEFAULT_DATA_DIR, openStore, type Store } from '../store/connect.ts';

/** The options every command that uses the database takes. */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  data: { type: 'string' },
} as const;

export const STORE_HELP = `  --db URL    a PostgreSQL server (default: $DATABASE_URL; without one, the embedded database)
  --data DIR  the embedded database's folder (default: $SHINCHOKU_DATA or ./${DEFAULT_DATA_DIR})`;

export function openCliStore(values: { db?: string; data?: string }): Promise<Store> {
  return openStore({
    url: values.db ?? process.env.DATABASE_URL ?? null,
    dataDir: values.data ?? process.env.SHINCHOKU_DATA ?? DEFAULT_DATA_DIR,
  });
}

/** Opens the store for the length of `run`, closing it whatever happens. */
export async function withStore<T>(
  values: { db?: string; data?: string },
  run: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openCliStore(values);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
