/** A cell: text (guarded against formula injection), or a figure written as-is. */
export type CsvCell = string | number | boolean | null | { readonly figure: string };

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes RFC 4180 CSV. Text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an
 * apostrophe; figures are passed as { figure } so that a negative number stays a number.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { bom?: boolean } = {},
): string {
  const lines = [header, ...rows].map((row) => row.map(cellText).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return quote(cell.figure);
  if (typeof cell !== 'string') return String(cell);
  return quote(FORMULA_START.test(cell) ? `'${cell}` : cell);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
