import { evaluateYears } from '../../src/core/evaluate.ts';
import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { emptyFigures, progressKey, rateKey, rateValue, sampled, type Figures } from './figures.ts';

export interface EngineRun {
  readonly figures: Figures;
  /** The time spent in evaluateYears alone, in ms (one call per plan, summed). */
  readonly timeMs: number;
  /** Sampled progress figures whose exact quotient lay on a half tenth: the cases rounding decides. */
  readonly ties: number;
}

const TIE = /\.\d5$/;

/**
 * The engine's task: evaluate every plan for every year (evaluateYears: one call per plan), keeping only
 * what is compared, so that memory measures evaluating and not holding 17,410 evaluations. As for
 * evaluateRates (rates-all.ts) and on DuckDB's side, the time is that of the evaluateYears calls alone;
 * keying each plan's figures as text for the comparison comes after its call. `afterPlan` lets the caller
 * sample memory, also untimed.
 */
export function evaluateAll(
  plans: readonly Plan[],
  years: readonly FiscalYear[],
  sampleEvery: number,
  afterPlan: () => void = () => undefined,
): EngineRun {
  const figures = emptyFigures();
  let ties = 0;
  let timeMs = 0;
  plans.forEach((plan, p) => {
    // Every year of the plan at once, as the open data and the figures across years ask for them.
    const start = performance.now();
    const evaluations = evaluateYears(plan, years);
    timeMs += performance.now() - start;
    evaluations.forEach((evaluation, y) => {
      const year = years[y] as FiscalYear;
      evaluation.goals.forEach((goal, g) => {
        figures.rates.set(rateKey(p, year, g), rateValue(goal.achieved, goal.evaluated, goal.rate));
      });
      const overall = evaluation.overall;
      figures.rates.set(rateKey(p, year, null), rateValue(overall.achieved, overall.evaluated, overall.rate));
      if (!sampled(p, sampleEvery)) return;
      evaluation.kpis.forEach((kpi, k) => {
        kpi.series.forEach((series, s) => {
          figures.progress.set(progressKey(p, k, s, year), series.progress?.value ?? null);
          if (series.progress && TIE.test(series.progress.exact)) ties++;
        });
      });
    });
    afterPlan();
  });
  return { figures, timeMs, ties };
}
