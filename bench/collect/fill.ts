import ExcelJS from 'exceljs';
import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { figureCellValue } from '../../src/collect/figure-cell.ts';
import type { CollectForm } from '../../src/collect/form.ts';
import { COL, INPUT_SHEET, NONE_CHOICE } from '../../src/collect/layout.ts';

/**
 * What a department sends back: its workbook with the year's cells filled in as a person would, a
 * number where there is a figure, a reason where there is none, and an assessment on each KPI's row.
 */
export async function fillWorkbook(
  bytes: Uint8Array,
  form: CollectForm,
  filled: Plan,
  year: FiscalYear,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(INPUT_SHEET);
  if (!sheet) throw new Error(`the collection workbook has no sheet ${INPUT_SHEET}`);
  for (const row of form.rows) {
    const entry = filled.kpis.get(row.kpi.id)?.series[row.series]?.actuals.get(year);
    if (entry?.kind === 'value') sheet.getCell(row.row, COL.value).value = figureCellValue(entry.value);
    else sheet.getCell(row.row, COL.reason).value = entry?.kind === 'missing' ? entry.reason : NONE_CHOICE;
    if (row.first) sheet.getCell(row.row, COL.text).value = '前年度に比べ改善した。引き続き事業を進める。';
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
