import { formatFiscalYear, type FiscalYear } from '../../core/fiscal-year.ts';

/** Characters Windows, macOS or a mail gateway may refuse in a file name. */
const UNSAFE = new Set([...'\\/:*?"<>|']);

const safeChar = (ch: string) => (UNSAFE.has(ch) || ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '_' : ch);

/** R5_子育て支援課.xlsx: the year first, so that a folder of replies sorts by year. */
export function workbookFileNames(year: FiscalYear, departments: readonly string[]): string[] {
  const used = new Set<string>();
  return departments.map((department) => {
    const safe =
      [...department]
        .map(safeChar)
        .join('')
        .replace(/^[\s.]+|[\s.]+$/g, '') || '_';
    const base = `${formatFiscalYear(year)}_${safe}`;
    let name = `${base}.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}
