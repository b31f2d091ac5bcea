import type { FigureEntry } from './figure-text.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Series } from './plan.ts';

/** The figure a KPI is judged on under evaluation.data: latest (直近値), with the year it is for. */
export interface LatestActual {
  readonly year: FiscalYear;
  readonly entry: FigureEntry & { readonly kind: 'value' };
}

/**
 * The latest value up to the evaluation year, for a statistic that lags it (長野県: 「一部に25、26、28年度
 * 数値を含む」). Only years after the baseline's count: the baseline year's own figure is the baseline,
 * not progress from it. Null where no such year has a value.
 */
export function latestActual(
  series: Series,
  year: FiscalYear,
  baselineYear: FiscalYear,
): LatestActual | null {
  let latest: LatestActual | null = null;
  for (const [y, entry] of series.actuals) {
    if (y > year || y <= baselineYear || entry.kind !== 'value') continue;
    if (!latest || y > latest.year) latest = { year: y, entry };
  }
  return latest;
}
