import { dec, toPlainString, type DecimalString } from './decimal.ts';
import type { FigureEntry } from './figure-text.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Baseline, Series } from './plan.ts';

/**
 * Cumulative KPIs (累計, 延べ): the figure judged is a running total. The plan records either the yearly
 * figures a department reports (`annual`, summed here) or the totals a report printed (`total`). An
 * indicator that was annual in earlier editions becomes cumulative `from` a year on; earlier years keep
 * their yearly figure.
 */
export interface Cumulative {
  /** The first year judged on the total; null: every year. */
  readonly from: FiscalYear | null;
  /** The first year summed; null: the plan's first year. */
  readonly since: FiscalYear | null;
  readonly entered: 'annual' | 'total';
}

/** A blank baseline of a cumulative KPI means nothing had been counted yet. */
export const ZERO_BASELINE: Baseline = { value: '0' as DecimalString, span: null };

/**
 * Each year's total from the yearly figures: the sum of every year from `since` to that year. A year
 * whose own figure or any earlier one is missing has no total, since a total without it would be wrong.
 */
export function runningTotals(
  annual: ReadonlyMap<FiscalYear, FigureEntry>,
  since: FiscalYear,
  upTo: FiscalYear,
): Map<FiscalYear, FigureEntry> {
  const totals = new Map<FiscalYear, FigureEntry>();
  let sum = dec('0' as DecimalString);
  let broken = false;
  // Bounded by the plan's years, so the loop ends whatever the input.
  for (let year = since; year <= upTo; year++) {
    const entry = annual.get(year);
    if (entry?.kind !== 'value') {
      broken = true;
      if (entry) totals.set(year, entry);
      continue;
    }
    sum = sum.plus(dec(entry.value));
    if (!broken) totals.set(year, { kind: 'value', value: toPlainString(sum) });
  }
  return totals;
}

/** The series as the evaluation judges it: totals in the years counted cumulatively, a blank baseline as 0. */
export function countedSeries(series: Series, planStart: FiscalYear): Series {
  const rule = series.cumulative;
  if (!rule) return series;
  const from = rule.from ?? Number.NEGATIVE_INFINITY;
  let actuals: ReadonlyMap<FiscalYear, FigureEntry> = series.actuals;
  if (rule.entered === 'annual') {
    const years = [...series.actuals.keys()];
    const since = rule.since ?? planStart;
    const last = years.length === 0 ? since - 1 : Math.max(...years);
    const totals = runningTotals(series.actuals, since, last);
    const merged = new Map<FiscalYear, FigureEntry>();
    for (const [year, entry] of series.actuals) {
      merged.set(year, year >= from ? (totals.get(year) ?? { kind: 'none' }) : entry);
    }
    actuals = merged;
  }
  return { ...series, actuals, baseline: series.baseline ?? ZERO_BASELINE };
}
