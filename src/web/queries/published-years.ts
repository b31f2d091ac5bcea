import { ShinchokuError } from '../../core/errors.ts';
import type { Evaluation } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { EditionCache } from '../../publish/edition-cache.ts';
import type { Db } from '../../store/connect.ts';
import type { Edition } from '../../store/editions.ts';
import { planEditions, type PlanEditions } from '../../store/published-editions.ts';
import { frozenEvaluation, publishedOf, type NotFoundWords, type PublishedPlan } from './published.ts';

/**
 * A plan's published editions across years, for the trend, a KPI's years and the comparison. Each
 * year is its latest published edition evaluated from the plan it froze, so every figure equals the
 * one that year's own page shows (a later edition may hold revised figures for an earlier year: they
 * are that later year's, not a rewrite of the earlier report). One read of the plan's editions by its
 * key, then one frozen plan per edition not yet in the cache: nothing depends on how many plans exist.
 */

export interface EditionReport {
  readonly edition: Edition;
  readonly evaluation: Evaluation;
}

export interface PublishedEditions {
  readonly found: PlanEditions;
  readonly published: PublishedPlan;
}

/** The plan's editions on the public side; not found (404) when it has none. */
export async function publishedEditions(
  db: Db,
  slug: string,
  words: NotFoundWords,
): Promise<PublishedEditions> {
  const found = await planEditions(db, slug);
  const published = publishedOf(found);
  if (!found || !published) throw new ShinchokuError('not-found', words.plan(slug), words.hint);
  return { found, published };
}

/** One published edition with its evaluation (from the cache when it holds it). */
export async function editionReport(
  db: Db,
  editions: PublishedEditions,
  edition: Edition,
  cache: EditionCache,
): Promise<EditionReport> {
  const evaluation = await frozenEvaluation(db, editions.found, edition, cache);
  if (!evaluation) throw new ShinchokuError('internal', `Edition ${edition.number} has no frozen plan.`);
  return { edition, evaluation };
}

/** Every published year's latest edition with its evaluation, oldest year first. */
export async function latestOfEachYear(
  db: Db,
  editions: PublishedEditions,
  cache: EditionCache,
): Promise<EditionReport[]> {
  const latest = editions.published.years
    .map((y) => y.editions.at(-1))
    .filter((e): e is Edition => e !== undefined)
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
  return Promise.all(latest.map((edition) => editionReport(db, editions, edition, cache)));
}

/** The latest published edition of a year, or null. */
export function latestEditionOf(published: PublishedPlan, year: FiscalYear): Edition | null {
  return published.years.find((y) => y.year === year)?.editions.at(-1) ?? null;
}
