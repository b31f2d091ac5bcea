import { ShinchokuError } from '../core/errors.ts';
import { evaluate, latestYearWithData } from '../core/evaluate.ts';
import type { Evaluation } from '../core/evaluation.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { loadPlan } from '../plan-file/load.ts';
import { formatProblem } from '../plan-file/problem.ts';
import type { Io } from './io.ts';

/**
 * Loads a plan file and evaluates it for the requested year, or the latest year with data; the
 * file's warnings go to stderr, and a year that nothing reports for is noted there too.
 */
export async function evaluatePlanFile(
  path: string,
  requested: FiscalYear | null,
  io: Io,
): Promise<Evaluation> {
  const { plan, warnings } = await loadPlan(path);
  for (const warning of warnings) io.err(formatProblem(path, warning) + '\n');
  const year = requested ?? latestYearWithData(plan);
  if (year === null) {
    throw new ShinchokuError(
      'year-without-data',
      `${path} has no actual values yet, so there is no year to evaluate.`,
      'Add actuals, or name the year with --year.',
    );
  }
  const evaluation = evaluate(plan, year);
  if (requested !== null && evaluation.overall.evaluated === 0 && evaluation.overall.notEvaluated > 0) {
    io.err(`note: no KPI has an actual for ${formatFiscalYear(year)}.\n`);
  }
  return evaluation;
}
