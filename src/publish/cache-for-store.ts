import type { Store } from '../store/connect.ts';
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
 * The edition cache a server keeps for its store. SHINCHOKU_CACHE_MB bounds its memory;
 * SHINCHOKU_EDITION_RECHECK_MS says how often, on PostgreSQL, a plan's editions are checked for another
 * process's publication (0: on every request). PGlite's folder is locked to this process: never checked.
 */
export function editionCacheFor(store: Store, env: NodeJS.ProcessEnv = process.env): EditionCache {
  return new EditionCache({
    maxBytes: positive(env.SHINCHOKU_CACHE_MB, DEFAULT_MEGABYTES) * 1024 * 1024,
    recheckMs:
      store.engine === 'pglite' ? Infinity : positive(env.SHINCHOKU_EDITION_RECHECK_MS, DEFAULT_RECHECK_MS),
    versionOf: (slug) => editionsVersion(store.db, slug),
    allVersionOf: () => allEditionsVersion(store.db),
    planListTtlMs: PLAN_LIST_TTL_MS,
  });
}
