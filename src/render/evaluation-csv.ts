import type { DecimalString } from '../core/decimal.ts';
import type { Evaluation } from '../core/evaluation.ts';
import { formatFiscalYear, formatYearSpan } from '../core/fiscal-year.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { TARGET_CSV_HEADER, targetCsvCells, usesTargetForms } from './target-csv.ts';
import { settingsCsvColumns } from './interim-fields.ts';
import type { Lang } from '../core/language.ts';
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
  // Columns a plan has only when it uses trend statuses, grade notes, cumulative or calendar-year KPIs,
  // appended after the contract's columns so other plans' CSV stays as it was.
  const kpis = evaluation.kpis;
  const uses = {
    trend: evaluation.settings.trend !== undefined,
    gradeNote: kpis.some((k) => k.gradeNote),
    cumulative: kpis.some((k) => k.series.some((s) => s.cumulative)),
    yearKind: kpis.some((k) => k.series.some((s) => s.yearKind)),
  };
  const forms = usesTargetForms(evaluation);
  const extra = settingsCsvColumns(evaluation.settings);
  const header = [
    ...HEADER,
    ...(forms ? TARGET_CSV_HEADER : []),
    ...extra.header,
    ...(uses.trend ? ['trend', 'trend_change'] : []),
    ...(uses.gradeNote ? ['grade_note'] : []),
    ...(uses.cumulative ? ['cumulative_from'] : []),
    ...(uses.yearKind ? ['year_kind'] : []),
    ...(english ? EN_COLUMNS : []),
  ];
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
          series.target.none ? null : figure(series.target.value),
          formatFiscalYear(series.target.year),
          series.direction,
          figure(actual?.kind === 'value' ? actual.value : null),
          actual?.kind === 'missing' ? actual.reason : null,
          figure(series.progress?.value),
          figure(series.score?.value),
          series.reached,
          figure(series.trajectory.expected),
          series.trajectory.onTrack,
          ...(forms ? targetCsvCells(kpi, series) : []),
          ...extra.cells(series),
          ...(uses.trend ? [kpi.trend?.label ?? null, figure(series.trend?.change)] : []),
          ...(uses.gradeNote
            ? [kpi.gradeNote ? `${kpi.gradeNote.grade}${kpi.gradeNote.mark} ${kpi.gradeNote.note}` : null]
            : []),
          ...(uses.cumulative
            ? [
                series.cumulative
                  ? series.cumulative.from === null
                    ? 'all'
                    : formatFiscalYear(series.cumulative.from)
                  : null,
              ]
            : []),
          ...(uses.yearKind ? [series.yearKind ?? 'fiscal'] : []),
          ...(english ? enCells(evaluation, goal, kpi, series) : []),
        ]);
      }
    }
  }
  return toCsv(header, rows, options);
}
