import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parsed, refused, type Parsed } from '../../core/parsed.ts';
import type { WorkbookFile } from './workbook-file.ts';
import { preflightWorkbook } from './preflight.ts';

/**
 * Opens a workbook only after every check has passed. exceljs is given a zip rebuilt from the parts
 * that were checked, uncompressed, so it cannot read anything but what was proven safe.
 */
export async function loadWorkbook(file: WorkbookFile): Promise<Parsed<ExcelJS.Workbook>> {
  const checked = preflightWorkbook(file);
  if (!checked.ok) return checked;
  const zip = new JSZip();
  for (const [name, content] of checked.value) zip.file(name, content);
  try {
    const rebuilt = await zip.generateAsync({ type: 'arraybuffer', compression: 'STORE' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(rebuilt);
    return parsed(workbook);
  } catch (error) {
    return refused(
      `The file cannot be read as an Excel workbook (${(error as Error).message ?? String(error)}); ` +
        'send the workbook Shinchoku made, filled in and saved as .xlsx.',
    );
  }
}
