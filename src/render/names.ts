import type { Evaluation } from '../core/evaluation.ts';
import type { DiagnosticNames, Messages } from './messages.ts';

/** Goal labels and KPI names by id, for messages that mention them. */
export function diagnosticNames(evaluation: Evaluation, messages: Messages): DiagnosticNames {
  const goals = new Map(evaluation.goals.map((g) => [g.id, messages.goalLabel(g.kind, g.number)]));
  const kpis = new Map(evaluation.kpis.map((k) => [k.id, k.name]));
  return { goal: (id) => goals.get(id) ?? id, kpi: (id) => kpis.get(id) ?? id };
}
