import type { Worksheet } from 'exceljs';
import type { WorkbookIdentity } from '../identity.ts';
import { FIRST_DATA_ROW, address, inputColumns } from '../layout.ts';
import { cellText } from './cell-content.ts';
import type { ProblemList, WorkbookProblem } from './problem.ts';

/** Enough to show what went wrong without burying the person under one line per cell. */
const MAX_REPORTED = 20;

/**
 * Checks that the form is still the one that was sent: every read-only cell as it was made, and nothing
 * written outside the form. A moved row would put one KPI's figure on another, so any difference
 * refuses the whole workbook.
 */
export function checkStructure(sheet: Worksheet, identity: WorkbookIdentity, problems: ProblemList): boolean {
  let reported = 0;
  const report = (cell: string, problem: WorkbookProblem) => {
    if (reported++ < MAX_REPORTED) problems.error(cell, problem);
  };
  if (identity.rows.some((r, i) => r.row !== FIRST_DATA_ROW + i)) {
    problems.error(null, { code: 'identity-rows-out-of-order' });
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
      report(cell, { code: 'read-only-changed', actual, expected: text });
    }
  }
  sheet.eachRow({ includeEmpty: false }, (line) => {
    line.eachCell({ includeEmpty: false }, (cell) => {
      if (!expected.has(cell.address) && cellText(cell) !== '') {
        report(cell.address, { code: 'outside-form', text: cellText(cell) });
      }
    });
  });
  if (reported > MAX_REPORTED) {
    problems.error(null, { code: 'more-cells-differ', count: reported - MAX_REPORTED });
  }
  if (reported > 0) problems.error(null, { code: 'form-changed' });
  return reported === 0;
}
