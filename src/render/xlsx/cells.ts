import type { Cell } from 'exceljs';
import type { DecimalString } from '../../core/decimal.ts';
import type { KpiResult } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Messages } from '../messages.ts';
import { seriesWords } from '../series-words.ts';
import { assessmentOpening, revisionNotes } from '../report-model.ts';

/**
 * Figures leave exact decimals here, at the workbook's edge: Excel holds numbers as doubles, and the
 * nearest double to a decimal of up to 15 significant digits reads back as that same decimal.
 */
export const cellNumber = (value: DecimalString): number => Number(value);

export function setFormula(cell: Cell, formula: string, result: number | string): void {
  cell.value = { formula, result };
}

/**
 * The word the rates count: 達成 or 未達成, or for a KPI left out of the rate the reason it has no actual
 * (未取得), as the summary prints it.
 */
export function statusText(kpi: KpiResult, messages: Messages): string {
  // The status formulas count 達成 and 未達成, so a hand grade counted in the rate keeps them.
  if (kpi.unscored && kpi.status === 'not_evaluated') {
    return kpi.judgement ? messages.targets.judged(kpi.judgement.grade) : messages.targets.noTarget;
  }
  return kpi.status === 'not_evaluated'
    ? (kpi.missing?.reason ?? messages.status(kpi.status))
    : messages.status(kpi.status);
}

/** The status phrase (or why the KPI is not evaluated), the office's text and any revised target with its reason, as the assessment bullet gives them. */
export function assessmentText(
  kpi: KpiResult,
  year: FiscalYear,
  messages: Messages,
  trendHeading: string | null = null,
): string {
  const opening = assessmentOpening(kpi, year, messages);
  const words = seriesWords(messages.lang);
  // The workbook's columns are fixed by its formulas, so the trend status and a grade's footnote go here.
  const trend =
    trendHeading && kpi.trend
      ? `${trendHeading}${messages.lang === 'ja' ? '：' : ': '}${kpi.trend.label}`
      : null;
  const note = kpi.gradeNote ? words.gradeFootnote(kpi.gradeNote) : null;
  return [opening, kpi.assessment?.text || null, ...revisionNotes(kpi, messages), trend, note]
    .filter((t): t is string => t !== null)
    .join('\n');
}
