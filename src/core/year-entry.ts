import type { FigureState, YearEntry } from './evaluation.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Series } from './plan.ts';

/**
 * A series's cell for one year, with whether its value is 見込 (provisional) or 確定 (final), so that
 * open data and the reports read it from the Evaluation instead of reaching back into the Plan.
 */
export function yearEntry(series: Series, year: FiscalYear): YearEntry {
  const entry = series.actuals.get(year) ?? null;
  if (entry?.kind !== 'value') return { year, entry };
  const state: FigureState = series.provisional.has(year) ? 'provisional' : 'final';
  return { year, entry, state };
}
