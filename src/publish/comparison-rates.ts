/**
 * The comparison of achievement rates across municipalities: for a fiscal year, each plan's latest
 * published edition of it, with its overall tally and the tallies of its 基本目標 and 横断的な目標, as
 * counts (core/kind-tally.ts), so every rank and band is computed exactly (core/standing.ts). The
 * nation's is computed once per year from the editions' Evaluations; a prefecture's is the nation's
 * rows of that prefecture, kept apart so a request never filters the whole nation.
 */
import type { Evaluation } from '../core/evaluation.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import { editionCounts, type Counts, type EditionCounts } from '../core/kind-tally.ts';
import { prefectureOf } from '../core/prefectures.ts';
import type { YearEdition } from '../store/municipality-directory.ts';
import { estimateBytes, type EditionCache } from './edition-cache.ts';
import { keptComparison, yieldToOthers } from './comparison-cache.ts';
import { standingsOf, type Standings } from './comparison-standings.ts';

export interface ComparedPlan {
  readonly code: string;
  readonly municipality: string;
  /** The prefecture's two digits, read from the code. */
  readonly prefecture: string;
  readonly slug: string;
  readonly title: string;
  readonly englishTitle: string | null;
  readonly edition: number;
  readonly overall: Counts;
  readonly basic: Counts | null;
  readonly crossCutting: Counts | null;
}

export interface RateComparison {
  readonly year: FiscalYear;
  /** The prefecture's two digits, or null for the nation. */
  readonly prefecture: string | null;
  /** By municipality code, then as the store lists each municipality's plans. */
  readonly plans: readonly ComparedPlan[];
}

/** Where the comparison reads from: the year's editions, and each one's Evaluation (from the cache). */
export interface RateSource {
  readonly editions: (year: FiscalYear) => Promise<readonly YearEdition[]>;
  readonly evaluation: (edition: YearEdition, year: FiscalYear) => Promise<Evaluation>;
}

export function comparedPlanOf(edition: YearEdition, counts: EditionCounts): ComparedPlan {
  return {
    code: edition.code,
    municipality: edition.municipality,
    prefecture: prefectureOf(edition.code)?.code ?? edition.code.slice(0, 2),
    slug: edition.slug,
    title: edition.title,
    englishTitle: edition.englishTitle,
    edition: edition.number,
    ...counts,
  };
}

/**
 * The nation's comparison. Each edition's counts are kept under its own plan's tag (a published edition
 * never changes, so they are right until the plan publishes or withdraws): after one plan's publication
 * the next computation reads back that plan alone, and takes every other plan's counts from the cache.
 */
async function computeNation(
  cache: EditionCache,
  source: RateSource,
  year: FiscalYear,
): Promise<RateComparison> {
  const editions = await source.editions(year);
  const plans: ComparedPlan[] = [];
  for (const edition of editions) {
    // Kept when published: no plan read back.
    if (edition.counts !== null) {
      plans.push(comparedPlanOf(edition, edition.counts));
      continue;
    }
    const key = `rate counts ${edition.slug}/${year}/${edition.number}`;
    let read = false;
    const counts = await cache.remember(key, edition.slug, async () => {
      read = true;
      const value = editionCounts(await source.evaluation(edition, year));
      return { value, bytes: estimateBytes(value) };
    });
    if (counts === null) throw new Error(`No counts for ${key}.`);
    plans.push(comparedPlanOf(edition, counts));
    // Reading a frozen plan file back is most of a plan's cost: other requests get a turn after each.
    if (read) await yieldToOthers();
  }
  return { year, prefecture: null, plans };
}

/** The year's comparison for the nation (prefecture null) or one prefecture, from the cache when kept. */
export async function rateComparison(
  cache: EditionCache,
  source: RateSource,
  year: FiscalYear,
  prefecture: string | null,
): Promise<RateComparison> {
  const nation = () => keptComparison(cache, `rates ${year}`, () => computeNation(cache, source, year));
  if (prefecture === null) return nation();
  return keptComparison(cache, `rates ${year} ${prefecture}`, async () => {
    const all = await nation();
    return { year, prefecture, plans: all.plans.filter((p) => p.prefecture === prefecture) };
  });
}

/** The comparison with its ranks and bands, kept beside it: a page for a new address only reads them. */
export async function rateStandings(
  cache: EditionCache,
  source: RateSource,
  year: FiscalYear,
  prefecture: string | null,
): Promise<{ comparison: RateComparison; standings: Standings }> {
  const comparison = await rateComparison(cache, source, year, prefecture);
  const standings = await keptComparison(cache, `rate standings ${year} ${prefecture ?? 'nation'}`, () =>
    Promise.resolve(standingsOf(comparison)),
  );
  return { comparison, standings };
}
