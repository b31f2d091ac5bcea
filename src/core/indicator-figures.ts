import type { DecimalString } from './decimal.ts';
import type { Evaluation, KpiStatus } from './evaluation.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { IndicatorFigure } from './indicator-comparison.ts';
import type { IndicatorCode } from './indicators.ts';
import type { Plan, Population } from './plan.ts';

/** One plan's KPI series as the comparison of an indicator shows it: names in Japanese, with the plan's English. */
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

/** Every tagged KPI series of one edition, for whichever indicator it carries. */
export interface TaggedFigure {
  readonly indicator: IndicatorCode;
  readonly figure: IndicatorFigure<IndicatorRow>;
}

/**
 * An edition's figures for the comparison of common indicators: each series of each KPI the plan tags,
 * with the year's own cell (never a substitute from another year: core/indicator-comparison.ts says why)
 * and the KPI's result. Plain data, so an edition keeps it from the day it is published and a nation's
 * comparison never evaluates 1,741 frozen plans again.
 */
export function taggedFigures(
  plan: Plan,
  evaluation: Evaluation,
  year: FiscalYear,
  edition: { readonly slug: string; readonly number: number; readonly municipalityCode: string | null },
): TaggedFigure[] {
  const population = plan.population ?? null;
  const t = evaluation.translation;
  return [...plan.kpis.values()].flatMap((definition) => {
    const indicator = definition.indicator;
    if (indicator === undefined) return [];
    const kpi = evaluation.kpis.find((k) => k.id === definition.id);
    if (!kpi) return [];
    return kpi.series.map((series) => {
      const cell = series.history.find((h) => h.year === year)?.entry ?? null;
      const row: IndicatorRow = {
        slug: edition.slug,
        edition: edition.number,
        planTitle: evaluation.plan.title,
        municipality: evaluation.plan.municipality,
        municipalityCode: edition.municipalityCode,
        kpiId: kpi.id,
        kpiName: kpi.name,
        english: {
          planTitle: t?.title ?? null,
          municipality: t?.municipality ?? null,
          kpiName: t?.kpis.get(kpi.id)?.name ?? null,
        },
        unit: series.unit,
        printed: cell?.kind === 'value' ? (cell.label ?? null) : null,
        population,
        status: kpi.status,
        progress: series.progress?.value ?? null,
      };
      return {
        indicator,
        figure: {
          item: row,
          label: series.label,
          entry: cell,
          unit: series.unit,
          cumulative: series.cumulative !== undefined,
          population,
        },
      };
    });
  });
}
