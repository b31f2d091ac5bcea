import type { Alignment, Borders, Cell, Fill, Font, Row, Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../../core/language.ts';
import type { OfficeFonts } from '../office-fonts.ts';
import { displayWidth } from '../display-width.ts';

const THIN = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };

export const TITLE_FONT: Partial<Font> = { bold: true, size: 14 };
export const WRAP: Partial<Alignment> = { wrapText: true, vertical: 'middle' };
export const FIGURE: Partial<Alignment> = { horizontal: 'right', vertical: 'middle' };

export function styleHeader(row: Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
}

export function frame(cell: Cell, alignment: Partial<Alignment>): void {
  cell.border = BORDER;
  cell.alignment = alignment;
}

/** Height in points of one line of text at the default size; Japanese glyphs need more than Latin. */
const LINE_POINTS = 16;
const PADDING_POINTS = 4;

/** Lines a text wraps to in a column of this width (in Excel's units of one digit; a kanji is two). */
function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/**
 * Excel does not grow a row to fit wrapped text when it opens a file, so rows get the height their
 * longest wrapped text needs, shared among the rows of a merged cell.
 */
export function fitRows(
  sheet: Worksheet,
  rows: readonly number[],
  texts: readonly (readonly [string, number])[],
): void {
  const lines = Math.max(1, ...texts.map(([text, column]) => wrappedLines(text, widthOf(sheet, column))));
  const height = (lines * LINE_POINTS + PADDING_POINTS) / rows.length;
  if (height <= LINE_POINTS + PADDING_POINTS) return;
  for (const r of rows) sheet.getRow(r).height = height;
}

function widthOf(sheet: Worksheet, column: number): number {
  return sheet.getColumn(column).width ?? 9;
}

export function setWidths(sheet: Worksheet, widths: Readonly<Record<number, number>>): void {
  for (const [column, width] of Object.entries(widths)) sheet.getColumn(Number(column)).width = width;
}

/** Landscape A4, one page wide: how the office prints a table for its committee. */
export function printLandscape(sheet: Worksheet, headerRows: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${headerRows}`,
  };
}

/**
 * Names the edition's face on every written cell, keeping its size, weight and colour: a workbook's
 * default font is exceljs's Calibri, which has no Japanese (office-fonts.ts says why this face).
 */
export function applyOfficeFont(workbook: Workbook, fonts: OfficeFonts, lang: Lang): void {
  // charset 128 (SHIFTJIS_CHARSET) and family 3 are what Excel writes for a Japanese gothic face.
  const face: Partial<Font> =
    lang === 'ja' ? { name: fonts.latin, charset: 128, family: 3 } : { name: fonts.latin, family: 2 };
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => (cell.font = { ...cell.font, ...face })));
  }
}
