import { evaluate } from '../../core/evaluate.ts';
import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Db } from '../../store/connect.ts';
import { loadStoredPlan } from '../../store/plan-repository.ts';

/**
 * A year evaluated from the figures as they stand now, unpublished: what the report would say if it
 * were published this minute. Staff see it where they enter, review and publish, computed by the same
 * engine as every published output, so the draft and the edition it becomes cannot disagree.
 */
export async function currentEvaluation(db: Db, plan: string, year: FiscalYear): Promise<Evaluation> {
  return evaluate(await loadStoredPlan(db, plan), year);
}

/** The KPI's result in the evaluation, by its key; null for a key the plan no longer has. */
export function resultOf(evaluation: Evaluation, kpi: string): KpiResult | null {
  return evaluation.kpis.find((k) => k.id === kpi) ?? null;
}
