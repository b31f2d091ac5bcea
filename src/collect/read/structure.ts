import type { Worksheet } from 'exceljs';
import type { WorkbookIdentity } from '../identity.ts';
import { FIRST_DATA_ROW, address, inputColumns } from '../layout.ts';
import { cellText } from './cell-content.ts';
import type { ProblemList } from './problem.ts';

/** Enough to show what went wrong without burying the person under one line per cell. */
const MAX_REPORTED = 20;

const quote = (text: string) =>
  text === '' ? '(empty)' : `「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`;

/**
 * Checks that the form is still the one that was sent: every read-only cell as it was made, and nothing
 * written outside the form. A moved row would put one KPI's figure on another, so any difference
 * refuses the whole workbook.
 */
export function checkStructure(sheet: Worksheet, identity: WorkbookIdentity, problems: ProblemList): boolean {
  let reported = 0;
  const report = (cell: string, message: string) => {
    if (reported++ < MAX_REPORTED) problems.error(cell, message);
  };
  if (identity.rows.some((r, i) => r.row !== FIRST_DATA_ROW + i)) {
    problems.error(null, 'The workbook cannot be read safely: its hidden row list is out of order.');
    return false;
  }
  const expected = new Map<string, string | null>(Object.entries(identity.header));
  for (const row of identity.rows) {
    for (const [cell, text] of Object.entries(row.locked)) expected.set(cell, text);
    for (const column of inputColumns(row.series === 0)) expected.set(address(column, row.row), null);
  }
  for (const [cell, text] of expected) {
    if (text === null) continue;
    const actual = cellText(sheet.getCell(cell));
    if (actual !== text) {
      report(
        cell,
        `reads ${quote(actual)}, but the form had ${quote(text)} here: read-only cells were edited, or rows or columns were moved, inserted or deleted.`,
      );
    }
  }
  sheet.eachRow({ includeEmpty: false }, (line) => {
    line.eachCell({ includeEmpty: false }, (cell) => {
      if (!expected.has(cell.address) && cellText(cell) !== '') {
        report(
          cell.address,
          `${quote(cellText(cell))} is outside the form; write only in the yellow cells, and add no rows or columns.`,
        );
      }
    });
  });
  if (reported > MAX_REPORTED)
    problems.error(null, `…and ${reported - MAX_REPORTED} more cells differ from the form.`);
  if (reported > 0) {
    problems.error(
      null,
      'The form was changed, so its figures cannot be matched to KPIs safely; the workbook is refused. Copy the figures into a fresh workbook from `shinchoku collect make`.',
    );
  }
  return reported === 0;
}
