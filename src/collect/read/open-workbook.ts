import type { Workbook, Worksheet } from 'exceljs';
import { readIdentityCells, type WorkbookIdentity } from '../identity.ts';
import { ID_SHEET, INPUT_SHEET } from '../layout.ts';
import { cellText } from './cell-content.ts';
import { LIMITS } from './limits.ts';
import { loadWorkbook } from './load-workbook.ts';
import { ProblemList } from './problem.ts';
import type { WorkbookFile } from './workbook-file.ts';

export interface OpenedWorkbook {
  readonly file: string;
  readonly identity: WorkbookIdentity;
  readonly sheet: Worksheet;
}

/** The hidden sheet's width: row, kpi, series, locked, before, assessment. */
const ID_COLUMNS = 6;

/** Opens a filled workbook and reads who it is for; null with the reason when it cannot be trusted. */
export async function openCollectWorkbook(
  file: WorkbookFile,
): Promise<{ opened: OpenedWorkbook | null; problems: ProblemList }> {
  const problems = new ProblemList(file.name, INPUT_SHEET);
  const loaded = await loadWorkbook(file, { sheets: [ID_SHEET, INPUT_SHEET] });
  if (!loaded.ok) {
    problems.error(null, loaded.problem);
    return { opened: null, problems };
  }
  const identity = readIdentity(loaded.workbook, problems);
  if (!identity) return { opened: null, problems };
  const sheet = loaded.workbook.getWorksheet(INPUT_SHEET);
  if (!sheet) {
    problems.error(null, { code: 'sheet-missing', sheet: INPUT_SHEET });
    return { opened: null, problems };
  }
  return { opened: { file: file.name, identity, sheet }, problems };
}

function readIdentity(workbook: Workbook, problems: ProblemList): WorkbookIdentity | null {
  const hidden = workbook.getWorksheet(ID_SHEET);
  if (!hidden) {
    problems.error(null, { code: 'not-collect-workbook' });
    return null;
  }
  // Only the rows that exist are visited: a row numbered 1,000,000 must not cost a million lookups.
  const cells: string[][] = [];
  hidden.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > LIMITS.sheetRows) return;
    while (cells.length < r - 1) cells.push([]);
    cells.push(Array.from({ length: ID_COLUMNS }, (_, c) => cellText(row.getCell(c + 1))));
  });
  const identity = readIdentityCells(cells);
  if (!identity.ok) {
    problems.error(null, { code: 'identity-unreadable', reason: identity.refusal });
    return null;
  }
  return identity.value;
}
