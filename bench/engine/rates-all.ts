import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { evaluateRates } from '../../src/core/rates.ts';
import { emptyFigures, progressKey, rateKey, rateValue, sampled, type Figures } from './figures.ts';

export interface RatesRun {
  readonly figures: Figures;
  /** The time spent in evaluateRates alone, in ms. */
  readonly timeMs: number;
}

/**
 * The figures the SQL computes, and only those, by the engine's own counting (evaluateRates): every
 * goal's and plan's tally per year and the sampled progress figures, keyed as evaluateAll keys them.
 * As on DuckDB's side, where the timed query materialises its tables and reading them back is not timed,
 * the time is that of the evaluateRates calls alone (one per plan, summed); keying each plan's figures as
 * text for the comparison comes after its call. Keeping every plan's figures to key them at the end would
 * instead time the garbage collector moving 700,000 results to the old generation.
 */
export function ratesAll(
  plans: readonly Plan[],
  years: readonly FiscalYear[],
  sampleEvery: number,
): RatesRun {
  const figures = emptyFigures();
  let timeMs = 0;
  plans.forEach((plan, p) => {
    const start = performance.now();
    const planRates = evaluateRates(plan, years);
    timeMs += performance.now() - start;
    for (const rates of planRates) {
      rates.goals.forEach((goal, g) => {
        figures.rates.set(rateKey(p, rates.year, g), rateValue(goal.achieved, goal.evaluated, goal.rate));
      });
      const overall = rates.overall;
      figures.rates.set(
        rateKey(p, rates.year, null),
        rateValue(overall.achieved, overall.evaluated, overall.rate),
      );
      if (!sampled(p, sampleEvery)) continue;
      rates.kpis.forEach((kpi, k) => {
        kpi.progress.forEach((progress, s) =>
          figures.progress.set(progressKey(p, k, s, rates.year), progress),
        );
      });
    }
  });
  return { figures, timeMs };
}
