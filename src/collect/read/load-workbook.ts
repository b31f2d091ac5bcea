import type ExcelJS from 'exceljs';
import type { WorkbookProblem } from './problem.ts';
import type { WorkbookFile } from './workbook-file.ts';
import { preflightWorkbook } from './preflight.ts';
import { partsToRead } from './read-parts.ts';
import { storedZip } from './stored-zip.ts';

type Excel = typeof import('exceljs');
let excel: Promise<Excel> | null = null;
/**
 * exceljs is loaded with the first workbook, not with the server that may never read one; and once, since
 * every dynamic import goes through the module loader again (through a worker thread under tsx).
 */
const loadExcel = (): Promise<Excel> => (excel ??= import('exceljs').then((m) => m.default));

/** What a reader needs of a workbook; by default all of it. */
export interface LoadOptions {
  /**
   * The only sheets the reader looks at, by name: the others' worksheets, the theme and the document
   * properties are left out of exceljs's parse (read-parts.ts), and so are data validations, which
   * never change a cell's value. They are checked by the preflight all the same.
   */
  readonly sheets?: readonly string[];
}

/**
 * Opens a workbook only after every check has passed. exceljs is given a zip rebuilt from the parts
 * that were checked, uncompressed, so it cannot read anything but what was proven safe.
 */
export async function loadWorkbook(
  file: WorkbookFile,
  options: LoadOptions = {},
): Promise<
  | { readonly ok: true; readonly workbook: ExcelJS.Workbook }
  | { readonly ok: false; readonly problem: WorkbookProblem }
> {
  const checked = preflightWorkbook(file);
  if (!checked.ok) return checked;
  const Excel = await loadExcel();
  try {
    const workbook = new Excel.Workbook();
    const { sheets } = options;
    const parts = sheets ? partsToRead(checked.parts, sheets) : checked.parts;
    // exceljs's typings omit the load options its worksheet parser takes (xlsx/xform/sheet/worksheet-xform.js).
    const loadOptions = sheets ? ({ ignoreNodes: ['dataValidations'] } as object) : undefined;
    await workbook.xlsx.load(storedZip(parts) as unknown as ExcelJS.Buffer, loadOptions);
    return { ok: true, workbook };
  } catch (error) {
    return { ok: false, problem: { code: 'not-excel', detail: (error as Error).message ?? String(error) } };
  }
}
