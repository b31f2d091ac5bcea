import { EXCEL_MAX_COLUMN, EXCEL_MAX_ROW, LIMITS } from './limits.ts';
import type { WorkbookProblem } from './problem.ts';

const MACRO_PART = /(^|\/)vbaProject(Signature)?\.bin$|^xl\/(macrosheets|dialogsheets)\//i;
const EXTERNAL_PART = /^xl\/externalLinks\//i;
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

export const MACROS_REFUSED: WorkbookProblem = { code: 'macros', part: null };
const EXTERNAL_REFUSED: WorkbookProblem = { code: 'external-links', part: null };

/** Refuses a workbook by the names of its parts alone: macros and links to other files. */
export function checkPartNames(names: readonly string[]): WorkbookProblem | null {
  const macro = names.find((n) => MACRO_PART.test(n));
  if (macro) return { code: 'macros', part: macro };
  const link = names.find((n) => EXTERNAL_PART.test(n));
  if (link) return { code: 'external-links', part: link };
  return null;
}

/**
 * Refuses what a part's XML declares: macros or external links (for a workbook that hides them from
 * the part names), entity declarations (an XML bomb), and sheets too long or ranges too wide to expand.
 */
export function checkPartContent(name: string, xml: string): WorkbookProblem | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { code: 'xml-entities', part: name };
  if (name === '[Content_Types].xml') {
    if (/macroEnabled|vbaProject/i.test(xml)) return MACROS_REFUSED;
    if (/externalLink/i.test(xml)) return EXTERNAL_REFUSED;
  }
  if (name.endsWith('.rels') && /Type="[^"]*\/externalLink(Path)?"/i.test(xml)) return EXTERNAL_REFUSED;
  if (refersOutside(xml)) return { code: 'external-links', part: name };
  return WORKSHEET_PART.test(name) ? checkSheet(name, xml) : null;
}

/** A formula or defined name reading another workbook: [1]Sheet1!A1, or 'C:\\[book.xlsx]Sheet1'!A1. */
function refersOutside(xml: string): boolean {
  // Both forms need a ']' in the formula's text: a part without one anywhere has none to look for.
  if (!xml.includes(']')) return false;
  for (const match of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(?:f|definedName)\b[^>]*>([^<]*)</g)) {
    if (/\[\d+\][^\]]*!|\.xl\w*\]/i.test(match[1] ?? '')) return true;
  }
  return false;
}

function checkSheet(name: string, xml: string): WorkbookProblem | null {
  const rows = xml.match(/<(?:[A-Za-z_][\w.-]*:)?row\b/g)?.length ?? 0;
  if (rows > LIMITS.sheetRows) return { code: 'too-many-rows', part: name, rows, limit: LIMITS.sheetRows };
  for (const match of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?col\b[^>]*>/g)) {
    const max = Number(/\bmax="(\d+)"/.exec(match[0])?.[1] ?? '0');
    if (max > EXCEL_MAX_COLUMN) return { code: 'columns-beyond', part: name };
  }
  // The second search tries every tag of the sheet; a sheet that names neither element skips it.
  const spans = xml.includes('mergeCell') || xml.includes('hyperlink');
  const ranges = [
    ...[...xml.matchAll(/\bsqref="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(/\s+/)),
    ...(spans
      ? [...xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(?:mergeCell|hyperlink)\b[^>]*\bref="([^"]*)"/g)].map(
          (m) => m[1] ?? '',
        )
      : []),
  ];
  for (const range of ranges) {
    const cells = rangeCells(range);
    if (cells === null) return { code: 'not-a-range', part: name, range };
    if (cells > LIMITS.rangeCells) return { code: 'range-too-large', part: name, range, cells };
  }
  return null;
}

/** How many cells A1 or A1:C3 covers; null for anything that is not a cell range. */
function rangeCells(range: string): number | null {
  if (range === '') return 0;
  const corners = range.split(':');
  if (corners.length > 2) return null;
  const points = corners.map(cellPoint);
  const [a, b = a] = points;
  if (!a || !b) return null;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
}

function cellPoint(ref: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref);
  if (!match) return null;
  const column = [...(match[1] as string).toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(match[2]);
  if (row < 1 || row > EXCEL_MAX_ROW || column > EXCEL_MAX_COLUMN) return null;
  return { row, column };
}
