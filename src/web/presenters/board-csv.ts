import { withSeriesLabel } from '../../core/format.ts';
import { toCsv, type CsvCell } from '../../render/csv.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { diagnosticNames } from '../../render/names.ts';
import { scoreCell, scoreHeading } from '../../render/score-cells.ts';
import { entryText } from '../../render/target-text.ts';
import { boardStatusOf, type Board } from '../commands/kpi-board.ts';
import { t } from '../i18n/index.ts';

/**
 * The board as CSV, with a BOM so Excel reads it as UTF-8, headed in the reader's language (Japanese
 * unless they chose English). These are the fields it sends, in this order: goal, KPI, department,
 * [entry state], actual, score, status, [points to check]; the bracketed ones on the staff board only.
 * A KPI of several series has a line per series in its actual and score cells, as the report prints them;
 * one series's score is a bare number, so a spreadsheet can sort and sum it.
 */
export function boardCsv(board: Board, lang: Lang, internal: boolean): string {
  const b = t(lang).board;
  const r = messagesFor(lang);
  const { evaluation } = board;
  const names = diagnosticNames(evaluation, r);
  const header = [
    b.columns.goal,
    b.columns.kpi,
    b.columns.department,
    ...(internal ? [b.columns.entry] : []),
    b.columns.actual,
    `${scoreHeading(evaluation, r)}（%）`,
    b.columns.status,
    ...(internal ? [b.columns.diagnostics] : []),
  ];
  const rows = board.rows.map((row): CsvCell[] => {
    const only = row.kpi.series.length === 1 ? row.kpi.series[0] : undefined;
    const score: CsvCell = only?.score
      ? { figure: only.score.value }
      : scoreCell(row.kpi, evaluation, r).lines.join('\n');
    return [
      t(lang).goalName(r.goalLabel(row.goal.kind, row.goal.number), row.goal.title),
      row.kpi.name,
      row.department ?? b.noDepartment,
      ...(internal ? [row.entry ? b.entryStates[row.entry] : null] : []),
      row.kpi.series.map((s) => withSeriesLabel(s.label, entryText(s.actual, s.unit, r))).join('\n'),
      score,
      b.statuses[boardStatusOf(row.kpi.status)],
      ...(internal ? [row.kpi.diagnostics.map((d) => r.diagnostic(d, names)).join('\n')] : []),
    ];
  });
  return toCsv(header, rows, { bom: true });
}

/** The Content-Disposition of the board's CSV: an ASCII fallback name, and the reader's own name in UTF-8. */
export function csvDisposition(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
