import type { DecimalString } from '../core/decimal.ts';
import type { Evaluation } from '../core/evaluation.ts';
import { formatFiscalYear, formatYearSpan } from '../core/fiscal-year.ts';
import { toCsv, type CsvCell } from './csv.ts';
import type { Lang } from './messages.ts';
import { EN_COLUMNS, enCells } from './translation-csv.ts';

const HEADER = [
  'year',
  'goal_id',
  'goal_kind',
  'goal_number',
  'goal_title',
  'goal_rate',
  'kpi_id',
  'kpi_name',
  'unit',
  'status',
  'grade',
  'shared',
  'series_label',
  'baseline',
  'baseline_year',
  'target',
  'target_year',
  'direction',
  'actual',
  'missing_reason',
  'progress',
  'score',
  'reached',
  'expected',
  'on_track',
] as const;

const figure = (value: DecimalString | null | undefined): CsvCell =>
  value == null ? null : { figure: value };

/** One row per goal × KPI × series: a shared KPI appears under every goal that lists it, as in the report. */
export function evaluationCsv(evaluation: Evaluation, options: { bom?: boolean; lang?: Lang } = {}): string {
  // The English columns only in English and for a plan with translations: other files stay as they were.
  const english = options.lang === 'en' && evaluation.translation !== undefined;
  const rows: CsvCell[][] = [];
  for (const goal of evaluation.goals) {
    for (const kpi of goal.kpis) {
      for (const series of kpi.series) {
        const actual = series.actual;
        rows.push([
          formatFiscalYear(evaluation.year),
          goal.id,
          goal.kind,
          goal.number,
          goal.title,
          figure(goal.rate),
          kpi.id,
          kpi.name,
          series.unit ?? '',
          kpi.status,
          kpi.grade,
          kpi.listedIn.length > 1,
          series.label,
          figure(series.baseline?.value),
          series.baseline?.span ? formatYearSpan(series.baseline.span) : null,
          figure(series.target.value),
          formatFiscalYear(series.target.year),
          series.direction,
          figure(actual?.kind === 'value' ? actual.value : null),
          actual?.kind === 'missing' ? actual.reason : null,
          figure(series.progress?.value),
          figure(series.score?.value),
          series.reached,
          figure(series.trajectory.expected),
          series.trajectory.onTrack,
          ...(english ? enCells(evaluation, goal, kpi, series) : []),
        ]);
      }
    }
  }
  return toCsv(english ? [...HEADER, ...EN_COLUMNS] : HEADER, rows, options);
}
