import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { evaluateRates } from '../../src/core/rates.ts';
import { emptyFigures, progressKey, rateKey, rateValue, sampled, type Figures } from './figures.ts';

/**
 * The figures the SQL computes, and only those, by the engine's own counting (evaluateRates): every
 * goal's and plan's tally per year and the sampled progress figures, keyed as evaluateAll keys them.
 */
export function ratesAll(plans: readonly Plan[], years: readonly FiscalYear[], sampleEvery: number): Figures {
  const figures = emptyFigures();
  plans.forEach((plan, p) => {
    for (const rates of evaluateRates(plan, years)) {
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
  return figures;
}
