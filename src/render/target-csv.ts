import type { Evaluation, KpiResult, SeriesResult } from '../core/evaluation.ts';
import type { CsvCell } from './csv.ts';

/**
 * The CSV columns of targets and actuals written as bounds or words, printed labels, KPIs without a
 * numeric target and hand grades: added after the others, and only where the evaluation uses a form, so
 * every other plan's CSV stays as it was.
 */
export const TARGET_CSV_HEADER = [
  'target_bound',
  'target_word',
  'target_label',
  'baseline_label',
  'actual_bound',
  'actual_label',
  'no_target',
  'grade_by_office',
  'grade_reason',
] as const;

export function usesTargetForms(evaluation: Evaluation): boolean {
  return evaluation.kpis.some(
    (k) =>
      k.unscored !== undefined ||
      k.series.some((s) => {
        const t = s.target;
        const a = s.actual?.kind === 'value' ? s.actual : null;
        return (
          t.bound !== undefined ||
          t.word !== undefined ||
          t.label !== undefined ||
          s.baseline?.label !== undefined ||
          a?.bound !== undefined ||
          a?.label !== undefined
        );
      }),
  );
}

export function targetCsvCells(kpi: KpiResult, series: SeriesResult): CsvCell[] {
  const actual = series.actual?.kind === 'value' ? series.actual : null;
  return [
    series.target.bound ?? null,
    series.target.word ?? null,
    series.target.label ?? null,
    series.baseline?.label ?? null,
    actual?.bound ?? null,
    actual?.label ?? null,
    series.target.none === true,
    kpi.judgement !== undefined,
    kpi.judgement?.reason ?? null,
  ];
}
