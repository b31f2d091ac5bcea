import type { FiscalYear } from '../../core/fiscal-year.ts';
import { taggedFigures, type IndicatorRow, type TaggedFigure } from '../../core/indicator-figures.ts';
import {
  compareIndicator,
  type ComparisonGroup,
  type IndicatorFigure,
} from '../../core/indicator-comparison.ts';
import type { Indicator, IndicatorCode } from '../../core/indicators.ts';
import { readPlanText } from '../../plan-file/read.ts';
import { estimateBytes, PLAN_LIST_TAG, type EditionCache } from '../../publish/edition-cache.ts';
import type { Db } from '../../store/connect.ts';
import { frozenPlanText } from '../../store/published-editions.ts';
import {
  indicatorCounts,
  indicatorPlans,
  indicatorYears,
  type IndicatorPlan,
} from '../../store/indicator-plans.ts';
import { frozenEvaluation } from './published.ts';

/**
 * The rows of one indicator's comparison, built once per (indicator, year, scope) from the edition
 * cache and kept there under the plan list's tag, which every publication or withdrawal drops: a request
 * then costs one cache look-up, whatever the number of plans stored. Building reads the candidate plans
 * by the kpis_indicator index, then per plan the year's latest edition's Evaluation (shared with the plan's
 * own pages) and the few facts its frozen plan holds that the Evaluation does not: which KPIs carry the
 * indicator, and the population.
 */

export type { IndicatorRow } from '../../core/indicator-figures.ts';

export interface IndicatorComparison {
  readonly indicator: IndicatorCode;
  readonly year: FiscalYear;
  /** Two digits, or null for the nation. */
  readonly prefecture: string | null;
  readonly groups: readonly ComparisonGroup<IndicatorRow>[];
}

/**
 * One edition's tagged figures, for every indicator at once, kept under the plan's own tag: small beside
 * the Evaluation they come from, so after a publication elsewhere a rebuild of the comparison reads them
 * back instead of evaluating every plan again, and only the plan that published is evaluated anew.
 */
async function editionFigures(
  db: Db,
  plan: IndicatorPlan,
  year: FiscalYear,
  cache: EditionCache,
): Promise<readonly TaggedFigure[]> {
  // Kept when the edition was published: the code is the store's, which a host may have set since.
  if (plan.figures !== null) {
    return plan.figures.map((tagged) => ({
      ...tagged,
      figure: { ...tagged.figure, item: { ...tagged.figure.item, municipalityCode: plan.municipalityCode } },
    }));
  }
  const key = `indicator-figures ${plan.slug}/${year}/${plan.number}`;
  const found = await cache.remember(key, plan.slug, async () => {
    const text = await frozenPlanText(db, plan.planId, year, plan.number);
    if (text === null) return null;
    const { plan: frozen } = readPlanText(text, { origin: 'stored' });
    if (!frozen) return null;
    if (![...frozen.kpis.values()].some((kpi) => kpi.indicator !== undefined)) return { value: [], bytes: 0 };
    const summary = {
      slug: plan.slug,
      title: plan.title,
      municipality: plan.municipality,
      periodFrom: 0,
      periodTo: 0,
    };
    const edition = {
      planSlug: plan.slug,
      fiscalYear: year,
      number: plan.number,
      errata: null,
      publishedAt: new Date(0),
      publishReason: null,
      withdrawn: null,
    };
    const evaluation = await frozenEvaluation(
      db,
      { planId: plan.planId, plan: summary, editions: [] },
      edition,
      cache,
    );
    if (!evaluation) return null;
    const value = taggedFigures(frozen, evaluation, year, plan);
    return { value, bytes: estimateBytes(value) };
  });
  return found ?? [];
}

/** Plans read at once while building: enough to overlap the store's round trips, few enough to share it. */
const AT_ONCE = 8;

async function build(
  db: Db,
  indicator: Indicator,
  year: FiscalYear,
  prefecture: string | null,
  cache: EditionCache,
): Promise<IndicatorComparison> {
  const plans = await indicatorPlans(db, indicator.code, year, prefecture);
  const figures: IndicatorFigure<IndicatorRow>[][] = [];
  for (let start = 0; start < plans.length; start += AT_ONCE) {
    const batch = plans.slice(start, start + AT_ONCE);
    figures.push(
      ...(await Promise.all(
        batch.map(async (plan) =>
          (await editionFigures(db, plan, year, cache))
            .filter((tagged) => tagged.indicator === indicator.code)
            .map((tagged) => tagged.figure),
        ),
      )),
    );
  }
  return { indicator: indicator.code, year, prefecture, groups: compareIndicator(indicator, figures.flat()) };
}

/** The comparison of the indicator for the year and scope, from the cache once built. */
export async function indicatorComparison(
  db: Db,
  indicator: Indicator,
  year: FiscalYear,
  prefecture: string | null,
  cache: EditionCache,
): Promise<IndicatorComparison> {
  const key = `indicator-comparison ${indicator.code}/${year}/${prefecture ?? 'nation'}`;
  const compute = async () => {
    const value = await build(db, indicator, year, prefecture, cache);
    return { value, bytes: estimateBytes(value) };
  };
  return (await cache.remember(key, PLAN_LIST_TAG, compute)) ?? (await compute()).value;
}

/** The years offered for the indicator, newest first, kept like the rows. */
export async function comparisonYears(
  db: Db,
  indicator: IndicatorCode,
  cache: EditionCache,
): Promise<FiscalYear[]> {
  const found = await cache.remember(`indicator-years ${indicator}`, PLAN_LIST_TAG, async () => {
    const value = await indicatorYears(db, indicator);
    return { value, bytes: estimateBytes(value) };
  });
  return found ?? [];
}

/** How many plans on the public pages tag each indicator, kept like the rows. */
export async function comparisonCounts(db: Db, cache: EditionCache): Promise<ReadonlyMap<string, number>> {
  const found = await cache.remember('indicator-counts', PLAN_LIST_TAG, async () => {
    const value = [...(await indicatorCounts(db))];
    return { value, bytes: estimateBytes(value) };
  });
  return new Map(found ?? []);
}
