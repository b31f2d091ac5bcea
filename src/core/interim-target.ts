import type { FiscalYear } from './fiscal-year.ts';
import { METHODS, type MethodInput, type ScoreResult } from './methods.ts';
import type { Series } from './plan.ts';
import type { MethodName, TargetBasis } from './settings.ts';

/**
 * The series as the year's interim target (期待値, 年度目標, 目安値) makes it: that figure stands in for the
 * final target, and it is the only milestone left, so pace cannot fall back to a straight line. The
 * direction stays the plan's, which an interim target equal to the baseline must not turn over.
 */
export function seriesAgainstInterim(series: Series, year: FiscalYear): Series | null {
  const milestone = series.milestones.get(year);
  if (milestone === undefined) return null;
  return { ...series, target: { value: milestone, year }, milestones: new Map([[year, milestone]]) };
}

/**
 * A method's score against the target the plan names: the final one (every method as it always was), or
 * the interim target of the year judged, with a reason rather than a silent fallback where there is none.
 */
export function scoreAgainst(method: MethodName, input: MethodInput, against: TargetBasis): ScoreResult {
  if (against === 'final') return METHODS[method](input);
  const series = seriesAgainstInterim(input.series, input.year);
  if (!series) return { score: null, reason: 'no-interim-target' };
  const result = METHODS[method]({ ...input, series });
  if (!result.score) return result;
  return {
    score: { ...result.score, calculation: { ...result.score.calculation, interim: input.year } },
  };
}
