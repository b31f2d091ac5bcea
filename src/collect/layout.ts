import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../core/fiscal-year.ts';
import { TEXT_FIELDS } from '../core/text-field.ts';

/**
 * The layout of a collection workbook, shared by the writer and the reader. Changing anything here
 * changes what old workbooks mean, so it goes with a new {@link COLLECT_FORMAT}.
 */
export const COLLECT_FORMAT = 'shinchoku-collect/1';

export const INPUT_SHEET = '入力';
export const GUIDE_SHEET = '記入方法';
/** Very hidden: Excel's own menus cannot show it, so nobody edits it by accident. */
export const ID_SHEET = '_shinchoku';

export const HEADER_ROW = 5;
export const FIRST_DATA_ROW = 6;

/** Column numbers (A = 1). The inputs sit at fixed columns so that every workbook reads alike. */
export const COL = {
  number: 1,
  goal: 2,
  kpi: 3,
  series: 4,
  unit: 5,
  value: 6,
  reason: 7,
  state: 8,
  status: 9,
  text: 10,
  baseline: 11,
  target: 12,
  firstYear: 13,
} as const;

/** The cells a row lets staff write in: the assessment belongs to a KPI's first row only. */
export function inputColumns(first: boolean): readonly number[] {
  return first
    ? [COL.value, COL.reason, COL.state, COL.status, COL.text]
    : [COL.value, COL.reason, COL.state];
}

/** How many past years a workbook shows for reference. */
export const MAX_PAST_YEARS = 6;

export const STATE_LABELS = { final: '確定', provisional: '見込' } as const;

/** The choice that means "nothing to report this year" (— in the report) rather than a missing value. */
export const NONE_CHOICE = '該当なし（—）';

export const REASON_CHOICES = ['未取得', '集計中', '調査未実施', '公表前', '事業中止', NONE_CHOICE] as const;

/** The text-field rule's limits (core/text-field.ts), which the web form and the plan file share. */
export const MAX_REASON_LENGTH = TEXT_FIELDS.figure.max;
export const MAX_STATUS_LENGTH = TEXT_FIELDS['assessment-status'].max;
export const MAX_TEXT_LENGTH = TEXT_FIELDS['assessment-text'].max;

/** What the later rows of a KPI with several series show where the first row takes the assessment. */
export const SEE_FIRST_ROW = '↑（1行目に記入）';

/** Excel keeps 15 significant digits; the bound of the number validation stays within them. */
export const VALUE_BOUND = 999_999_999_999_999;

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const address = (column: number, row: number): string => `${columnLetter(column)}${row}`;

export function headerLabels(year: FiscalYear, pastYears: readonly FiscalYear[]): Map<number, string> {
  return new Map<number, string>([
    [COL.number, '番号'],
    [COL.goal, '目標'],
    [COL.kpi, '数値目標（KPI）'],
    [COL.series, '系列'],
    [COL.unit, '単位'],
    [COL.value, `${formatFiscalYearLong(year)}\n実績値`],
    [COL.reason, '未入力の理由'],
    [COL.state, '見込／確定'],
    [COL.status, '状況（任意）'],
    [COL.text, '達成状況・要因及び対策等'],
    [COL.baseline, '現状値（基準値）'],
    [COL.target, '目標値'],
    ...pastYears.map((y, i): [number, string] => [COL.firstYear + i, `${formatFiscalYear(y)}\n実績値`]),
  ]);
}
