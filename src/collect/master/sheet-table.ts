import type { Worksheet } from 'exceljs';
import { LIMITS } from '../read/limits.ts';
import { masterCell, takeCell, type CellTake } from './cells.ts';
import { FIRST_DATA_ROW, HEADER_ROW, OPTIONAL_COLUMNS, REFERENCE_ONLY } from './layout.ts';
import type { MasterPlace, MasterProblems } from './problem.ts';

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** One data row of a sheet: each header's cell, taken, with its place. */
export class TableRow {
  constructor(
    private readonly sheet: Worksheet,
    private readonly columns: ReadonlyMap<string, number>,
    readonly row: number,
  ) {}

  place(header: string): MasterPlace {
    const column = this.columns.get(header) ?? 1;
    return { sheet: this.sheet.name, cell: `${columnLetter(column)}${this.row}` };
  }

  take(header: string): CellTake {
    const column = this.columns.get(header);
    if (column === undefined) return { kind: 'empty' };
    return takeCell(masterCell(this.sheet.getRow(this.row).getCell(column)));
  }

  /** Whether every cell the reader takes is empty: such a row is skipped, as a person skips it. */
  get blank(): boolean {
    return [...this.columns.keys()].every((h) => REFERENCE_ONLY.includes(h) || this.take(h).kind === 'empty');
  }
}

/**
 * A sheet read as a table: the header row names the columns (found by their text, so a column may move),
 * and each non-blank row after it is one record. A header the reader needs and cannot find is reported.
 */
export function readTable(
  sheet: Worksheet,
  headers: readonly string[],
  problems: MasterProblems,
): TableRow[] | null {
  const columns = new Map<string, number>();
  sheet.getRow(HEADER_ROW).eachCell({ includeEmpty: false }, (cell, column) => {
    const take = takeCell(masterCell(cell));
    if (take.kind !== 'text') return;
    const header = take.text.normalize('NFKC').replace(/\s+/g, '');
    const known = headers.find((h) => h.normalize('NFKC').replace(/\s+/g, '') === header);
    if (known && !columns.has(known)) columns.set(known, column);
  });
  let complete = true;
  for (const header of headers) {
    if (columns.has(header) || REFERENCE_ONLY.includes(header) || OPTIONAL_COLUMNS.includes(header)) continue;
    problems.error({ sheet: sheet.name, cell: null }, { code: 'header-missing', header });
    complete = false;
  }
  if (!complete) return null;
  const rows: TableRow[] = [];
  // Only the rows that exist are visited: a row numbered 1,000,000 must not cost a million lookups.
  sheet.eachRow({ includeEmpty: false }, (_row, number) => {
    if (number < FIRST_DATA_ROW || number > LIMITS.sheetRows + HEADER_ROW) return;
    const row = new TableRow(sheet, columns, number);
    if (!row.blank) rows.push(row);
  });
  return rows;
}
