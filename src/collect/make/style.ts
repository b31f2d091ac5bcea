import type { Borders, Fill, WorksheetProtection } from 'exceljs';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Yellow is where to write, as Japanese offices mark input cells. */
export const INPUT_FILL = solid('FFFFF2CC');
export const LOCKED_FILL = solid('FFF2F2F2');
export const HEADER_FILL = solid('FFD9D9D9');

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Protection without a password: it keeps people from changing the form by accident, not on purpose
 * (the reader checks every locked cell anyway). Row heights and column widths stay adjustable so that
 * long assessments can be read; inserting, deleting and sorting are not allowed.
 */
export const SHEET_PROTECTION: Partial<WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
  insertRows: false,
  insertColumns: false,
  deleteRows: false,
  deleteColumns: false,
  sort: false,
  autoFilter: false,
};
