import type { Store } from '../store/connect.ts';
import { EDITIONS_CHANNEL } from '../store/edition-notice.ts';
import { editionsVersion } from '../store/published-editions.ts';
import { allEditionsVersion } from '../store/municipality-directory.ts';
import { EditionCache } from './edition-cache.ts';

/** Enough for every page of a few hundred plans in both languages, and a few PowerPoint files. */
const DEFAULT_MEGABYTES = 64;
/** How stale another process's publication may be seen on PostgreSQL: one indexed query a second per plan. */
const DEFAULT_RECHECK_MS = 1_000;
/** The plan list's titles can change without a publication (a plan file imported again). */
const PLAN_LIST_TTL_MS = 5_000;

const positive = (text: string | undefined, fallback: number): number => {
  const value = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
};

/**
 * The edition cache a server keeps for its store. SHINCHOKU_CACHE_MB bounds its memory. On PostgreSQL,
 * another process's publication or withdrawal drops the plan's entries as soon as its NOTIFY arrives, and
 * everything is dropped whenever the LISTEN connection is (re)opened, since notices may have been missed
 * while it was down; SHINCHOKU_EDITION_RECHECK_MS is the fallback, how often a plan's editions are read
 * again anyway (0: on every request). PGlite's folder is locked to this process: never checked.
 */
export function editionCacheFor(store: Store, env: NodeJS.ProcessEnv = process.env): EditionCache {
  const cache = new EditionCache({
    maxBytes: positive(env.SHINCHOKU_CACHE_MB, DEFAULT_MEGABYTES) * 1024 * 1024,
    recheckMs:
      store.engine === 'pglite' ? Infinity : positive(env.SHINCHOKU_EDITION_RECHECK_MS, DEFAULT_RECHECK_MS),
    versionOf: (slug) => editionsVersion(store.db, slug),
    allVersionOf: () => allEditionsVersion(store.db),
    planListTtlMs: PLAN_LIST_TTL_MS,
  });
  if (store.notifications) listenForEditions(store.notifications, cache);
  return cache;
}

/**
 * The subscription holds the cache weakly: tests make many apps on one store, and an app dropped must not
 * be kept alive by the store's connection; its subscription ends at the next notice after it is gone.
 */
function listenForEditions(hub: NonNullable<Store['notifications']>, cache: EditionCache): void {
  const ref = new WeakRef(cache);
  let unsubscribe: (() => void) | null = null;
  let gone = false;
  const withCache = (use: (cache: EditionCache) => void) => {
    const alive = ref.deref();
    if (alive) return use(alive);
    gone = true;
    unsubscribe?.();
  };
  hub
    .subscribe(EDITIONS_CHANNEL, {
      message: (slug) => withCache((c) => c.invalidate(slug)),
      connected: () => withCache((c) => c.clear()),
    })
    .then(
      (end) => {
        unsubscribe = end;
        if (gone) end();
      },
      (error: unknown) => console.error(`store: could not listen for publications: ${String(error)}`),
    );
}
