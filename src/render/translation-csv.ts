import type { Evaluation, GoalResult, KpiResult, SeriesResult } from '../core/evaluation.ts';
import type { CsvCell } from './csv.ts';

/**
 * The English CSV's extra columns: the plan's English beside each Japanese text column, empty where the
 * plan gives none (so an untranslated text is plainly empty, never the Japanese passed off as English).
 */
export const EN_COLUMNS = ['goal_title_en', 'kpi_name_en', 'unit_en', 'grade_en', 'series_label_en'] as const;

export function enCells(
  evaluation: Evaluation,
  goal: GoalResult,
  kpi: KpiResult,
  series: SeriesResult,
): CsvCell[] {
  const t = evaluation.translation;
  const k = t?.kpis.get(kpi.id);
  const en = k?.series[kpi.series.indexOf(series)];
  const unit =
    series.unit === null ? null : (en?.unit ?? (series.unit === kpi.unit ? k?.unit : null) ?? null);
  return [
    t?.goals.get(goal.id)?.title ?? null,
    k?.name ?? null,
    unit,
    kpi.grade === null ? null : (t?.grades.get(kpi.grade) ?? null),
    series.label === null ? null : (en?.label ?? null),
  ];
}
