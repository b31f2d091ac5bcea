import type { Evaluation } from '../core/evaluation.ts';
import type { Opinion } from '../core/opinion.ts';

/**
 * The committee's opinions (委員会意見) as every format prints them: each with the name of its KPI in the
 * report's language, in the order the edition froze them (the plan's KPI order, then as written). An
 * opinion on a KPI the evaluation does not have keeps its id, so nothing frozen is ever dropped.
 */
export interface OpinionItem {
  readonly kpiId: string;
  readonly kpi: string;
  readonly text: string;
  readonly date: string;
}

export function opinionItems(
  evaluation: Evaluation,
  opinions: readonly Opinion[] | undefined,
): OpinionItem[] {
  const names = new Map(evaluation.kpis.map((k) => [k.id, k.name]));
  return (opinions ?? []).map((o) => ({
    kpiId: o.kpiId,
    kpi: names.get(o.kpiId) ?? o.kpiId,
    text: o.text,
    date: o.date,
  }));
}
