import { evaluate } from '../core/evaluate.ts';
import type { Evaluation, KpiResult } from '../core/evaluation.ts';
import { formatFiscalYearLong, formatYearSpan, type FiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import { jsonDecimal, type JsonDecimal } from '../render/json-text.ts';
import { messagesFor } from '../render/messages.ts';
import type { FieldKey } from './fields.ts';
import { interimValues, ownEntry } from './interim-fields.ts';

export type OpenDataValue = string | number | JsonDecimal | null;

/** One row of the dataset: one KPI series in one year, keyed by the dictionary's English keys. */
export type OpenDataRecord = Readonly<Record<FieldKey, OpenDataValue>>;

export interface OpenDataset {
  /** The years the rows cover: every year up to the last with a figure in any KPI. */
  readonly years: readonly FiscalYear[];
  readonly evaluation: Evaluation;
  readonly records: readonly OpenDataRecord[];
}

/**
 * The dataset in tidy long form: one row per KPI × series × year. Each year's progress and status come
 * from evaluating the plan for that year, so they are the figures the report of that year printed.
 */
export function openDataset(plan: Plan, year: FiscalYear, municipalityCode: string | null): OpenDataset {
  const messages = messagesFor('ja');
  const evaluation = evaluate(plan, year);
  const years = evaluation.columns;
  const byYear = new Map(
    years.map((y) => {
      const e = y === year ? evaluation : evaluate(plan, y);
      return [y, new Map(e.kpis.map((k) => [k.id, k]))] as const;
    }),
  );
  const goals = new Map(evaluation.goals.map((g) => [g.id, g]));
  const records: OpenDataRecord[] = [];
  for (const kpi of evaluation.kpis) {
    const goal = goals.get(kpi.goalId);
    const planned = plan.kpis.get(kpi.id);
    kpi.series.forEach((_, index) => {
      for (const y of years) {
        const result = byYear.get(y)?.get(kpi.id) as KpiResult;
        const series = result.series[index];
        if (!series) continue;
        const actual = ownEntry(series, y);
        const provisional = planned?.series[index]?.provisional.has(y) ?? false;
        records.push({
          municipality_code: municipalityCode,
          municipality: plan.municipality,
          plan_title: plan.title,
          fiscal_year: y,
          fiscal_year_label: formatFiscalYearLong(y),
          goal_kind: goal ? messages.goalKind(goal.kind) : null,
          goal_number: goal?.number ?? null,
          goal_title: goal?.title ?? null,
          kpi_id: kpi.id,
          kpi_name: kpi.name,
          category: kpi.category.length > 0 ? kpi.category.join('・') : null,
          department: kpi.department,
          series_label: series.label,
          unit: series.unit ?? kpi.unit,
          direction: series.direction === 'increase' ? '増加' : '減少',
          baseline: jsonDecimal(series.baseline?.value ?? null),
          baseline_year: series.baseline?.span ? formatYearSpan(series.baseline.span) : null,
          target: jsonDecimal(series.target.value),
          target_year: series.target.year,
          actual: jsonDecimal(actual?.kind === 'value' ? actual.value : null),
          actual_state: actual?.kind === 'value' ? (provisional ? '見込' : '確定') : null,
          missing_reason: actual?.kind === 'missing' ? actual.reason : null,
          progress: jsonDecimal(series.progress?.value ?? null),
          status: messages.status(result.status),
          ...interimValues(series, plan.evaluation),
        });
      }
    });
  }
  return { years, evaluation, records };
}
