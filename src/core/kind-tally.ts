import type { Evaluation, KpiResult } from './evaluation.ts';
import type { GoalKind } from './plan.ts';

/** A tally's counts without its rounded rate: what comparisons across plans rank by. */
export interface Counts {
  readonly achieved: number;
  readonly evaluated: number;
}

/**
 * The achieved and evaluated KPIs of the goals of one kind (基本目標 or 横断的な目標), counted as the
 * overall tally counts them: a KPI listed in several goals (再掲) once where the plan's `shared` setting
 * says once, else once per listing. Null where the plan has no goal of that kind.
 */
export function kindCounts(evaluation: Evaluation, kind: GoalKind): Counts | null {
  const goals = evaluation.goals.filter((g) => g.kind === kind);
  if (goals.length === 0) return null;
  const listed = goals.flatMap((g) => g.kpis);
  const counted: readonly KpiResult[] =
    evaluation.settings.shared === 'once' ? [...new Map(listed.map((k) => [k.id, k])).values()] : listed;
  return {
    achieved: counted.filter((k) => k.status === 'achieved').length,
    evaluated: counted.filter((k) => k.status !== 'not_evaluated').length,
  };
}

/** What a comparison across plans reads of one edition: its overall tally and each goal kind's, as counts. */
export interface EditionCounts {
  readonly overall: Counts;
  readonly basic: Counts | null;
  readonly crossCutting: Counts | null;
}

export function editionCounts(evaluation: Evaluation): EditionCounts {
  return {
    overall: { achieved: evaluation.overall.achieved, evaluated: evaluation.overall.evaluated },
    basic: kindCounts(evaluation, 'basic'),
    crossCutting: kindCounts(evaluation, 'cross-cutting'),
  };
}
