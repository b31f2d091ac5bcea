import type { Worksheet } from 'exceljs';
import type { Evaluation } from '../../core/evaluation.ts';
import { formatFiscalYear, formatYearSpan } from '../../core/fiscal-year.ts';
import type { Messages } from '../messages.ts';
import { cellNumber } from './cells.ts';
import { figureFormat } from './number-format.ts';
import { printLandscape, setWidths, styleHeader } from './style.ts';
import { workbookWords } from './words.ts';
import type { DecimalString } from '../../core/decimal.ts';
import type { Bound } from '../../core/target-bound.ts';
import { boundAffixes, targetText } from '../target-text.ts';

/**
 * The figures as tidy data, one row per goal × KPI × series × year, for pivot tables and for other
 * tools: every figure a bare number, the unit and years in columns of their own.
 */
export function writeRawSheet(sheet: Worksheet, evaluation: Evaluation, messages: Messages): void {
  const raw = workbookWords(messages).raw;
  const header = [
    raw.goal,
    raw.goalTitle,
    raw.kpiId,
    messages.columns.kpi,
    raw.series,
    raw.unit,
    raw.fiscalYear,
    raw.year,
    raw.value,
    raw.note,
    messages.columns.baseline,
    raw.baselineYear,
    messages.columns.target,
    raw.targetYear,
  ];
  sheet.addRow(header);
  styleHeader(sheet.getRow(1), 1, header.length);
  setWidths(sheet, {
    1: 16,
    2: 30,
    3: 22,
    4: 30,
    5: 8,
    6: 8,
    7: 10,
    8: 8,
    9: 12,
    10: 10,
    11: 12,
    12: 14,
    13: 12,
    14: 10,
  });

  for (const goal of evaluation.goals) {
    for (const kpi of goal.kpis) {
      for (const s of kpi.series) {
        for (const { year, entry } of s.history) {
          const row = sheet.addRow([
            messages.goalLabel(goal.kind, goal.number),
            goal.title,
            kpi.id,
            kpi.name,
            s.label ?? '',
            s.unit ?? '',
            year,
            formatFiscalYear(year),
            entry?.kind === 'value' ? cellNumber(entry.value) : null,
            entry?.kind === 'missing' ? entry.reason : '',
            s.baseline ? cellNumber(s.baseline.value) : null,
            s.baseline?.span ? formatYearSpan(s.baseline.span) : '',
            s.target.none || s.target.word !== undefined
              ? targetText(s.target, null, messages)
              : cellNumber(s.target.value),
            formatFiscalYear(s.target.year),
          ]);
          if (entry?.kind === 'value')
            row.getCell(9).numFmt = boundFormat(entry.value, entry.bound, messages);
          if (s.baseline) row.getCell(11).numFmt = figureFormat(s.baseline.value);
          if (!s.target.none && s.target.word === undefined) {
            row.getCell(13).numFmt = boundFormat(s.target.value, s.target.bound, messages);
          }
        }
      }
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  printLandscape(sheet, 1);
}

/** A figure's format, with 以上 or 超 around it where it is known only as a bound. */
function boundFormat(value: DecimalString, bound: Bound | undefined, messages: Messages): string {
  if (bound === undefined) return figureFormat(value);
  const { before, after } = boundAffixes(bound, messages);
  return figureFormat(value, { prefix: before, suffix: after });
}
