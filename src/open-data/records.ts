import { evaluate } from '../core/evaluate.ts';
import type { Evaluation, KpiResult } from '../core/evaluation.ts';
import { formatFiscalYearLong, formatYearSpan, type FiscalYear } from '../core/fiscal-year.ts';
import { formatYearLong } from '../core/year-kind.ts';
import type { Plan } from '../core/plan.ts';
import { jsonDecimal, type JsonDecimal } from '../render/json-text.ts';
import { messagesFor } from '../render/messages.ts';
import type { Target } from '../core/plan.ts';
import { BOUND_SUFFIX_JA } from '../core/target-bound.ts';
import { EXTRA_FIELDS, FIELDS, type ExtraFieldKey, type FieldKey, type OpenDataField } from './fields.ts';
import { interimFields, interimValues, ownEntry } from './interim-fields.ts';

const YEAR_KIND_JA = { fiscal: '年度', calendar: '暦年', census: '国勢調査' } as const;

export type OpenDataValue = string | number | JsonDecimal | null;

/** One row of the dataset: one KPI series in one year, keyed by the dictionary's English keys. */
export type OpenDataRecord = Readonly<Record<FieldKey, OpenDataValue>> &
  Readonly<Partial<Record<ExtraFieldKey, OpenDataValue>>>;

export interface OpenDataset {
  /** The years the rows cover: every year up to the last with a figure in any KPI. */
  readonly years: readonly FiscalYear[];
  readonly evaluation: Evaluation;
  readonly records: readonly OpenDataRecord[];
  /** The columns, in order: the standard ones, then any extra one the plan uses. */
  readonly fields: readonly OpenDataField[];
}

/**
 * The dataset in tidy long form: one row per KPI × series × year. Each year's progress and status come
 * from evaluating the plan for that year, so they are the figures the report of that year printed.
 */
export function openDataset(plan: Plan, year: FiscalYear, municipalityCode: string | null): OpenDataset {
  const evaluation = evaluate(plan, year);
  const yearly = evaluation.columns.map((y) => (y === year ? evaluation : evaluate(plan, y)));
  return evaluationDataset(evaluation, yearly, municipalityCode);
}

/**
 * The same rows from evaluations alone: the last year's, which says which years the rows cover (its
 * columns) and whether each figure is 見込 or 確定, and one evaluation per covered year.
 */
export function evaluationDataset(
  evaluation: Evaluation,
  yearly: readonly Evaluation[],
  municipalityCode: string | null,
): OpenDataset {
  const messages = messagesFor('ja');
  const { plan } = evaluation;
  const years = evaluation.columns;
  const byYear = new Map(yearly.map((e) => [e.year, new Map(e.kpis.map((k) => [k.id, k]))] as const));
  const goals = new Map(evaluation.goals.map((g) => [g.id, g]));
  const records: OpenDataRecord[] = [];
  const extra = extraFields(evaluation);
  for (const kpi of evaluation.kpis) {
    const goal = goals.get(kpi.goalId);
    kpi.series.forEach((last, index) => {
      for (const y of years) {
        const result = byYear.get(y)?.get(kpi.id) as KpiResult;
        const series = result.series[index];
        if (!series) continue;
        const actual = ownEntry(series, y);
        const provisional = last.history.find((h) => h.year === y)?.state === 'provisional';
        records.push({
          municipality_code: municipalityCode,
          municipality: plan.municipality,
          plan_title: plan.title,
          fiscal_year: y,
          // 令和4年 for a calendar-year statistic: the label says what the year counts.
          fiscal_year_label: series.yearKind ? formatYearLong(y, series.yearKind) : formatFiscalYearLong(y),
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
          target: series.target.none ? null : jsonDecimal(series.target.value),
          target_year: series.target.year,
          actual: jsonDecimal(actual?.kind === 'value' ? actual.value : null),
          actual_state: actual?.kind === 'value' ? (provisional ? '見込' : '確定') : null,
          missing_reason: actual?.kind === 'missing' ? actual.reason : null,
          progress: jsonDecimal(series.progress?.value ?? null),
          status:
            result.unscored && result.status === 'not_evaluated'
              ? messages.targets.noTarget
              : messages.status(result.status),
          ...interimValues(series, evaluation.settings),
          ...(extra.trend_status ? { trend_status: result.trend?.label ?? null } : {}),
          ...(extra.cumulative
            ? { cumulative: series.cumulative && (series.cumulative.from ?? y) <= y ? '累計' : null }
            : {}),
          ...(extra.year_kind ? { year_kind: YEAR_KIND_JA[series.yearKind ?? 'fiscal'] } : {}),
          ...(extra.target_form ? { target_form: targetForm(series.target) } : {}),
          ...(extra.actual_form
            ? {
                actual_form: actual?.kind === 'value' && actual.bound ? BOUND_SUFFIX_JA[actual.bound] : null,
              }
            : {}),
        });
      }
    });
  }
  return { years, evaluation, records, fields: datasetFields(evaluation) };
}

/** The columns beyond the standard ones that only some plans need: a trend status, 累計, the year's kind. */
function extraFields(evaluation: Evaluation): Record<ExtraFieldKey, boolean> {
  const used = (test: (kpi: KpiResult) => boolean) => evaluation.kpis.some(test);
  return {
    trend_status: evaluation.settings.trend !== undefined,
    cumulative: used((k) => k.series.some((s) => s.cumulative)),
    year_kind: used((k) => k.series.some((s) => s.yearKind)),
    target_form: used((k) => k.series.some((s) => targetForm(s.target) !== null)),
    actual_form: used((k) =>
      k.series.some((s) => s.history.some((h) => h.entry?.kind === 'value' && h.entry.bound)),
    ),
  };
}

/** 「93%超」's 超, or the word of a worded target (維持, 増加); null for a plain figure. */
function targetForm(target: Target): string | null {
  if (target.none) return null;
  if (target.word !== undefined) return target.word;
  return target.bound ? BOUND_SUFFIX_JA[target.bound] : null;
}

/** The dataset's columns, from the evaluation alone: what its data dictionary (項目定義書) lists. */
export function datasetFields(evaluation: Evaluation): readonly OpenDataField[] {
  const extra = extraFields(evaluation);
  return [...FIELDS, ...interimFields(evaluation.settings), ...EXTRA_FIELDS.filter((f) => extra[f.key])];
}
