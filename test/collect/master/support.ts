import ExcelJS from 'exceljs';
import { readPlanMaster, type MasterReadResult } from '../../../src/collect/master/read.ts';
import { makePlanMaster } from '../../../src/collect/master/write.ts';
import type { Plan } from '../../../src/core/plan.ts';
import { jaMasterPlace, jaMasterProblem } from '../../../src/web/i18n/staff-master-words-ja.ts';
import { kitamotoPlan } from '../../support/kitamoto.ts';

export const NOW = new Date('2026-11-30T00:00:00Z');

/** Kitamoto as the office's master, written once per test file. */
let kitamoto: Promise<Uint8Array> | null = null;
export const kitamotoMaster = (): Promise<Uint8Array> =>
  (kitamoto ??= makePlanMaster(kitamotoPlan(), NOW).then((m) => m.bytes));

/** The plan without what the master has no cell for in Kitamoto: its English. */
export function withoutEnglish(plan: Plan): Plan {
  const copy: { -readonly [K in keyof Plan]: Plan[K] } = { ...plan };
  delete copy.translation;
  return copy;
}

/** The plan a read gave, failing the test with its problems where it gave none. */
export function planOf(read: MasterReadResult): Plan {
  if (!read.plan) throw new Error(`no plan: ${jaLines(read).join('\n')}`);
  return read.plan;
}

export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

/** The Kitamoto master with a change made in Excel's place. */
export async function editedMaster(edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = await loadBook(await kitamotoMaster());
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

/** The first row whose first cells are these texts: a KPI's id, then its series or year. */
export function rowOf(worksheet: ExcelJS.Worksheet, ...cells: readonly (string | null)[]): number {
  for (let r = 2; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    if (cells.every((text, i) => (row.getCell(i + 1).value ?? null) === text)) return r;
  }
  throw new Error(`no row ${cells.join(', ')} in ${worksheet.name}`);
}

export const readMaster = (bytes: Uint8Array, name = 'master.xlsx'): Promise<MasterReadResult> =>
  readPlanMaster({ name, bytes });

/** Every problem as the Japanese page lists it: シート『KPI』のC12：… */
export const jaLines = (result: MasterReadResult): string[] =>
  result.problems.map((p) => `${jaMasterPlace(p.place)}：${jaMasterProblem(p.detail)}`);
