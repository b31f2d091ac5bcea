import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { STATUS_PHRASE_JA } from '../../core/status-phrase.ts';
import { figureCellValue, numberFormat } from '../figure-cell.ts';
import type { CollectForm, FormRow } from '../form.ts';
import {
  COL,
  FIRST_DATA_ROW,
  HEADER_ROW,
  INPUT_SHEET,
  MAX_TEXT_LENGTH,
  NONE_CHOICE,
  REASON_CHOICES,
  STATE_LABELS,
  VALUE_BOUND,
  address,
  columnLetter,
  inputColumns,
} from '../layout.ts';
import { BORDER, HEADER_FILL, INPUT_FILL, LOCKED_FILL, SHEET_PROTECTION } from './style.ts';
import { rowHeight } from './text-height.ts';

const WIDTHS: Record<number, number> = {
  [COL.number]: 5,
  [COL.goal]: 24,
  [COL.kpi]: 32,
  [COL.series]: 8,
  [COL.unit]: 7,
  [COL.value]: 14,
  [COL.reason]: 16,
  [COL.state]: 10,
  [COL.status]: 24,
  [COL.text]: 50,
  [COL.baseline]: 18,
  [COL.target]: 14,
};

/** The sheet department staff fill in: read-only reference cells, and unlocked yellow input cells. */
export async function addInputSheet(workbook: Workbook, form: CollectForm): Promise<Worksheet> {
  const sheet = workbook.addWorksheet(INPUT_SHEET, {
    views: [{ state: 'frozen', xSplit: COL.unit, ySplit: HEADER_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lastColumn = COL.firstYear + form.pastYears.length - 1;
  for (let column = 1; column <= lastColumn; column++) {
    sheet.getColumn(column).width = WIDTHS[column] ?? 12;
  }
  for (const [cell, text] of Object.entries(form.header)) sheet.getCell(cell).value = text;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const header = sheet.getRow(HEADER_ROW);
  header.height = 36;
  for (let column = 1; column <= lastColumn; column++) {
    const cell = header.getCell(column);
    cell.fill = HEADER_FILL;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  for (const row of form.rows) writeRow(sheet, row, lastColumn);
  addValidations(sheet, form);
  await sheet.protect('', SHEET_PROTECTION);
  return sheet;
}

function writeRow(sheet: Worksheet, row: FormRow, lastColumn: number): void {
  const line = sheet.getRow(row.row);
  for (let column = 1; column <= lastColumn; column++) {
    const cell = line.getCell(column);
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = LOCKED_FILL;
  }
  for (const [cell, text] of Object.entries(row.locked)) sheet.getCell(cell).value = text;
  const wrapped = [COL.goal, COL.kpi, COL.text].map((column) => ({
    text:
      row.locked[address(column, row.row)] ??
      (column === COL.text ? (row.before.assessment?.text ?? '') : ''),
    width: WIDTHS[column] ?? 12,
  }));
  line.height = rowHeight(wrapped);
  for (const column of inputColumns(row.first)) {
    const cell = line.getCell(column);
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
  }
  line.getCell(COL.value).numFmt = numberFormat(row.decimals);
  line.getCell(COL.value).alignment = { vertical: 'top', horizontal: 'right' };
  const { entry, state, assessment } = row.before;
  if (entry?.kind === 'value') line.getCell(COL.value).value = figureCellValue(entry.value);
  if (entry?.kind === 'missing') line.getCell(COL.reason).value = entry.reason;
  if (entry?.kind === 'none') line.getCell(COL.reason).value = NONE_CHOICE;
  if (entry) line.getCell(COL.state).value = STATE_LABELS[state];
  if (assessment) {
    if (assessment.status) line.getCell(COL.status).value = assessment.status;
    line.getCell(COL.text).value = assessment.text;
  }
}

const listFormula = (items: readonly string[]) => [`"${items.join(',')}"`];

/** exceljs has range-level validations (`dataValidations.add`) but leaves them out of its types. */
type WithValidations = Worksheet & {
  readonly dataValidations: { add(range: string, validation: DataValidation): void };
};

/** One validation per input column, over the whole table, so Excel keeps one rule per column. */
function addValidations(worksheet: Worksheet, form: CollectForm): void {
  if (form.rows.length === 0) return;
  const sheet = worksheet as WithValidations;
  const last = FIRST_DATA_ROW + form.rows.length - 1;
  const range = (column: number) => `${address(column, FIRST_DATA_ROW)}:${columnLetter(column)}${last}`;
  const year = formatFiscalYear(form.year);
  sheet.dataValidations.add(range(COL.value), {
    type: 'decimal',
    operator: 'between',
    formulae: [-VALUE_BOUND, VALUE_BOUND],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: `${year}の実績値`,
    prompt:
      '数値だけを入力してください（単位は不要）。値がない場合は空欄のまま、右の列で理由を選んでください。',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数値を入力してください',
    error: '実績値の欄には数値だけを入力できます。値がない場合は「未入力の理由」を選んでください。',
  });
  sheet.dataValidations.add(range(COL.reason), {
    type: 'list',
    formulae: listFormula(REASON_CHOICES),
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '未入力の理由',
    prompt: '実績値がない場合だけ選んでください。一覧にない理由は直接入力できます。',
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '一覧にない理由です',
    error: 'このまま入力する場合は「はい」を選んでください。',
  });
  sheet.dataValidations.add(range(COL.state), {
    type: 'list',
    formulae: listFormula(Object.values(STATE_LABELS)),
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '見込か確定を選んでください',
    error: '一覧から「確定」か「見込」を選んでください。空欄は確定として扱います。',
  });
  sheet.dataValidations.add(range(COL.status), {
    type: 'list',
    formulae: listFormula(Object.values(STATUS_PHRASE_JA)),
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '状況（任意）',
    prompt: '空欄なら算定結果から記載します。表現を変える場合だけ選ぶか入力してください。',
    showErrorMessage: true,
    errorStyle: 'information',
  });
  sheet.dataValidations.add(range(COL.text), {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [MAX_TEXT_LENGTH],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '文章が長すぎます',
    error: `${MAX_TEXT_LENGTH}文字以内で入力してください。`,
  });
}
