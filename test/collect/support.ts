import ExcelJS from 'exceljs';
import type { Kpi, Plan } from '../../src/core/plan.ts';
import { makeCollectWorkbooks, type MadeWorkbook } from '../../src/collect/make/make-workbooks.ts';
import { withId } from '../../src/collect/plan-source.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';

export const PLAN_ID = 'kitamoto-2nd-strategy';

/** Kitamoto with departments for some KPIs, as a city would assign them; the rest go to the office. */
const DEPARTMENTS: Record<string, string> = {
  'net-product-per-worker': '産業振興課',
  'job-openings-ratio': '産業振興課',
  'childcare-support-satisfaction': '子育て支援課',
  births: '子育て支援課',
  'healthy-life-expectancy-65': '健康推進課',
  'greenhouse-gas-emissions': '環境課',
};

export function departmentPlan(): Plan & { id: string } {
  const plan = kitamotoPlan();
  const kpis = new Map<string, Kpi>(
    [...plan.kpis].map(([id, kpi]) => [id, { ...kpi, department: DEPARTMENTS[id] ?? null }]),
  );
  return withId({ ...plan, kpis });
}

export const MADE_AT = new Date('2024-04-15T09:00:00+09:00');

export async function makeFor(plan: Plan & { id: string }, year: number): Promise<Map<string, MadeWorkbook>> {
  const made = await makeCollectWorkbooks(plan, year, { office: '未割当', now: MADE_AT });
  return new Map(made.map((m) => [m.fileName, m]));
}

export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

export type CellInput = string | number | null;

/** Types into a workbook's cells as department staff would, then saves it as Excel would. */
export async function fill(
  bytes: Uint8Array,
  cells: Readonly<Record<string, CellInput>>,
  sheet = '入力',
): Promise<Uint8Array> {
  const workbook = await loadBook(bytes);
  const target = workbook.getWorksheet(sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  for (const [address, value] of Object.entries(cells)) target.getCell(address).value = value;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The row a KPI's series sits on in a workbook, found by its name, as a person would look for it. */
export async function rowOf(bytes: Uint8Array, kpiName: string, series = ''): Promise<number> {
  const sheet = (await loadBook(bytes)).getWorksheet('入力');
  for (let r = 6; r <= (sheet?.rowCount ?? 0); r++) {
    const row = sheet?.getRow(r);
    if (row?.getCell(3).value === kpiName && (row.getCell(4).value ?? '') === series) return r;
  }
  throw new Error(`${kpiName} ${series} is not in the workbook`);
}

export const file = (made: Map<string, MadeWorkbook>, name: string): MadeWorkbook => {
  const workbook = made.get(name);
  if (!workbook) throw new Error(`no workbook ${name}; made ${[...made.keys()].join(', ')}`);
  return workbook;
};
