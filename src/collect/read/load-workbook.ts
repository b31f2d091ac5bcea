import type ExcelJS from 'exceljs';
import type { WorkbookProblem } from './problem.ts';
import type { WorkbookFile } from './workbook-file.ts';
import { preflightWorkbook } from './preflight.ts';

/**
 * Opens a workbook only after every check has passed. exceljs is given a zip rebuilt from the parts
 * that were checked, uncompressed, so it cannot read anything but what was proven safe.
 */
export async function loadWorkbook(
  file: WorkbookFile,
): Promise<
  | { readonly ok: true; readonly workbook: ExcelJS.Workbook }
  | { readonly ok: false; readonly problem: WorkbookProblem }
> {
  const checked = preflightWorkbook(file);
  if (!checked.ok) return checked;
  // jszip and exceljs are loaded with the first workbook, not with the server that may never read one.
  const [{ default: JSZip }, { default: Excel }] = await Promise.all([import('jszip'), import('exceljs')]);
  const zip = new JSZip();
  for (const [name, content] of checked.parts) zip.file(name, content);
  try {
    const rebuilt = await zip.generateAsync({ type: 'arraybuffer', compression: 'STORE' });
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(rebuilt);
    return { ok: true, workbook };
  } catch (error) {
    return { ok: false, problem: { code: 'not-excel', detail: (error as Error).message ?? String(error) } };
  }
}
