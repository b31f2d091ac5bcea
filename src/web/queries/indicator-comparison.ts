import type { DecimalString } from '../../core/decimal.ts';
import type { Evaluation, KpiStatus } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import {
  compareIndicator,
  type ComparisonGroup,
  type IndicatorFigure,
} from '../../core/indicator-comparison.ts';
import type { Indicator, IndicatorCode } from '../../core/indicators.ts';
import type { Population } from '../../core/plan.ts';
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

/** One plan's KPI as the comparison shows it: names in Japanese with the plan's English where it has it. */
export interface IndicatorRow {
  readonly slug: string;
  readonly edition: number;
  readonly planTitle: string;
  readonly municipality: string;
  readonly municipalityCode: string | null;
  readonly kpiId: string;
  readonly kpiName: string;
  readonly english: {
    readonly planTitle: string | null;
    readonly municipality: string | null;
    readonly kpiName: string | null;
  };
  readonly unit: string | null;
  /** The figure as the published table prints it (「1万8740人」), where the plan keeps such a label. */
  readonly printed: string | null;
  readonly population: Population | null;
  /** The KPI's own result in its plan: status and 目標進捗率 of this series. */
  readonly status: KpiStatus;
  readonly progress: DecimalString | null;
}

export interface IndicatorComparison {
  readonly indicator: IndicatorCode;
  readonly year: FiscalYear;
  /** Two digits, or null for the nation. */
  readonly prefecture: string | null;
  readonly groups: readonly ComparisonGroup<IndicatorRow>[];
}

/** Every tagged KPI series of one edition, for whichever indicator it carries. */
interface TaggedFigure {
  readonly indicator: IndicatorCode;
  readonly figure: IndicatorFigure<IndicatorRow>;
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
  const key = `indicator-figures ${plan.slug}/${year}/${plan.number}`;
  const found = await cache.remember(key, plan.slug, async () => {
    const text = await frozenPlanText(db, plan.planId, year, plan.number);
    if (text === null) return null;
    const { plan: frozen } = readPlanText(text, { origin: 'stored' });
    if (!frozen) return null;
    const tagged = [...frozen.kpis.values()].flatMap((kpi) =>
      kpi.indicator === undefined ? [] : [{ kpi: kpi.id, indicator: kpi.indicator }],
    );
    if (tagged.length === 0) return { value: [], bytes: 0 };
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
    const value = figuresOf(plan, evaluation, { population: frozen.population ?? null, tagged }, year);
    return { value, bytes: estimateBytes(value) };
  });
  return found ?? [];
}

interface FrozenFacts {
  readonly population: Population | null;
  readonly tagged: readonly { readonly kpi: string; readonly indicator: IndicatorCode }[];
}

function figuresOf(
  plan: IndicatorPlan,
  evaluation: Evaluation,
  facts: FrozenFacts,
  year: FiscalYear,
): TaggedFigure[] {
  const t = evaluation.translation;
  return facts.tagged.flatMap((tag) => {
    const kpi = evaluation.kpis.find((k) => k.id === tag.kpi);
    if (!kpi) return [];
    return kpi.series.map((series) => {
      // The year's own cell, never a substitute from another year (core/indicator-comparison.ts says why).
      const cell = series.history.find((h) => h.year === year)?.entry ?? null;
      const row: IndicatorRow = {
        slug: plan.slug,
        edition: plan.number,
        planTitle: evaluation.plan.title,
        municipality: evaluation.plan.municipality,
        municipalityCode: plan.municipalityCode,
        kpiId: kpi.id,
        kpiName: kpi.name,
        english: {
          planTitle: t?.title ?? null,
          municipality: t?.municipality ?? null,
          kpiName: t?.kpis.get(kpi.id)?.name ?? null,
        },
        unit: series.unit,
        printed: cell?.kind === 'value' ? (cell.label ?? null) : null,
        population: facts.population,
        status: kpi.status,
        progress: series.progress?.value ?? null,
      };
      return {
        indicator: tag.indicator,
        figure: {
          item: row,
          label: series.label,
          entry: cell,
          unit: series.unit,
          cumulative: series.cumulative !== undefined,
          population: facts.population,
        },
      };
    });
  });
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
