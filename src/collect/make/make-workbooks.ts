import type ExcelJS from 'exceljs';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import { collectForms, type CollectForm } from '../form.ts';
import { identityCells, identityOf } from '../identity.ts';
import { ID_SHEET } from '../layout.ts';
import { workbookFileNames } from './file-names.ts';
import { addGuideSheet } from './guide-sheet.ts';
import { addInputSheet } from './input-sheet.ts';
import { SHEET_PROTECTION } from './style.ts';

export interface MadeWorkbook {
  readonly fileName: string;
  readonly department: string;
  readonly kpis: number;
  readonly rows: number;
  readonly bytes: Uint8Array;
}

export interface MakeOptions {
  /** The workbook for KPIs without a department: the planning office's own. */
  readonly office: string;
  readonly now?: Date;
}

/** The workbook for KPIs without a department, unless another name is given: the planning office's own. */
export const DEFAULT_OFFICE = '未割当';

/** A department's workbook before it is written: its name and size, and how to write it. */
export interface PlannedWorkbook {
  readonly fileName: string;
  readonly department: string;
  readonly kpis: number;
  readonly rows: number;
  readonly make: () => Promise<Uint8Array>;
}

/**
 * The workbooks a year needs, one per department, without writing any: a page can list them and write
 * only the one asked for.
 */
export function plannedWorkbooks(
  plan: Plan & { id: string },
  year: FiscalYear,
  options: MakeOptions,
): PlannedWorkbook[] {
  const forms = collectForms(plan, year, options.office);
  const names = workbookFileNames(
    year,
    forms.map((f) => f.department),
  );
  return forms.map((form, i) => ({
    fileName: names[i] as string,
    department: form.department,
    kpis: new Set(form.rows.map((r) => r.kpi.id)).size,
    rows: form.rows.length,
    make: () => writeWorkbook(plan, form, options.now ?? new Date()),
  }));
}

/** One workbook per department, each listing its KPIs for the year, ready to send out. */
export async function makeCollectWorkbooks(
  plan: Plan & { id: string },
  year: FiscalYear,
  options: MakeOptions,
): Promise<MadeWorkbook[]> {
  const made: MadeWorkbook[] = [];
  for (const { make, ...workbook } of plannedWorkbooks(plan, year, options)) {
    made.push({ ...workbook, bytes: await make() });
  }
  return made;
}

async function writeWorkbook(plan: Plan, form: CollectForm, now: Date): Promise<Uint8Array> {
  // exceljs is loaded with the first workbook, not with the server that may never make one.
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = 'Shinchoku';
  workbook.created = now;
  workbook.modified = now;
  await addGuideSheet(workbook, form, `${plan.municipality}\u3000${plan.title}`);
  await addInputSheet(workbook, form);
  const hidden = workbook.addWorksheet(ID_SHEET, { state: 'veryHidden' });
  identityCells(identityOf(form, now)).forEach((cells, i) => {
    cells.forEach((text, j) => (hidden.getCell(i + 1, j + 1).value = text));
  });
  await hidden.protect('', SHEET_PROTECTION);
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
