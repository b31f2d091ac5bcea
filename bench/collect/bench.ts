import ExcelJS from 'exceljs';
import { collectForms } from '../../src/collect/form.ts';
import { makeCollectWorkbooks } from '../../src/collect/make/make-workbooks.ts';
import { applyCollected, readCollected } from '../../src/collect/read/collect.ts';
import type { WorkbookFile } from '../../src/collect/read/workbook-file.ts';
import { openStore } from '../../src/store/connect.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import type { SectionResult } from '../lib/section.ts';
import { median } from '../lib/stats.ts';
import { collectionPlans, COLLECTED_YEAR } from './department-plan.ts';
import { fillWorkbook } from './fill.ts';
import { importRows } from './import.ts';

export interface CollectBenchConfig {
  readonly workbooks: number;
  readonly runs: number;
  /** One untimed round of each first, so that neither is timed while its code is still compiling. */
  readonly warmUp: boolean;
  /** The plan import timed beside the collection: KPIs in the one plan, ten years each. */
  readonly importKpis: number;
}

const OFFICE = '企画課';
/** How many times exceljs's bare load of the same files the collection may take, read and applied. */
const GOAL_RATIO = 1.5;
/** Workbooks carry the time they were made; a fixed one keeps the files the same on every run. */
const MADE_AT = new Date('2025-04-01T09:00:00+09:00');

async function filledWorkbooks(departments: number): Promise<{ files: WorkbookFile[]; figures: number }> {
  const { before, filled } = collectionPlans(departments);
  const forms = collectForms(before, COLLECTED_YEAR, OFFICE);
  const made = await makeCollectWorkbooks(before, COLLECTED_YEAR, { office: OFFICE, now: MADE_AT });
  const files: WorkbookFile[] = [];
  for (const [i, workbook] of made.entries()) {
    const form = forms[i];
    if (form?.department !== workbook.department) throw new Error('workbooks and forms are out of step');
    files.push({
      name: workbook.fileName,
      bytes: await fillWorkbook(workbook.bytes, form, filled, COLLECTED_YEAR),
    });
  }
  return { files, figures: forms.reduce((n, f) => n + f.rows.length, 0) };
}

interface OurRun {
  readonly readMs: number;
  readonly applyMs: number;
  readonly figures: number;
  readonly assessments: number;
}

/** One collection into a fresh embedded database holding the plan as it was before: read, then apply. */
async function readAndApply(files: readonly WorkbookFile[], departments: number): Promise<OurRun> {
  const store = await openStore({ dataDir: null });
  try {
    await importPlan(store.db, collectionPlans(departments).before);
    const start = performance.now();
    const report = await readCollected(store.db, files);
    const read = performance.now();
    const applied = await applyCollected(store.db, report, null);
    return { readMs: read - start, applyMs: performance.now() - read, ...applied };
  } finally {
    await store.close();
  }
}

async function bareRead(files: readonly WorkbookFile[]): Promise<number> {
  const start = performance.now();
  for (const file of files) {
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(file.bytes) as unknown as ExcelJS.Buffer);
  }
  return performance.now() - start;
}

/**
 * Reading and applying the departments' workbooks (in one transaction, every cell checked) beside
 * exceljs only loading the same files: how much of the time is the spreadsheet library's.
 */
export async function collectBench(config: CollectBenchConfig): Promise<SectionResult> {
  const { files, figures } = await filledWorkbooks(config.workbooks);
  if (files.length !== config.workbooks) {
    throw new Error(`expected ${config.workbooks} department workbooks, made ${files.length}`);
  }
  if (config.warmUp) {
    await readAndApply(files, config.workbooks);
    await bareRead(files);
  }
  const ours: OurRun[] = [];
  const anchor: number[] = [];
  for (let i = 0; i < config.runs; i++) {
    const run = await readAndApply(files, config.workbooks);
    if (run.figures !== figures) throw new Error(`applied ${run.figures} of the ${figures} figures sent`);
    ours.push(run);
    anchor.push(await bareRead(files));
  }
  const totals = ours.map((r) => r.readMs + r.applyMs);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const imports = await importRows({ kpis: config.importKpis });
  const value = median(totals);
  const exceljs = median(anchor);
  return {
    rows: [
      ...imports,
      {
        section: 'collect',
        name: `read and apply ${files.length} department workbooks`,
        unit: 'ms',
        value,
        anchor: { name: 'exceljs: load the same files', value: exceljs },
        // Issue 12, part 5: reading and applying within half as long again as exceljs's bare load.
        goal: { text: `≤ ${GOAL_RATIO}× exceljs`, met: value <= GOAL_RATIO * exceljs },
        note:
          `read ${median(ours.map((r) => r.readMs)).toFixed(0)} ms + apply ${median(ours.map((r) => r.applyMs)).toFixed(0)} ms ` +
          `(${figures} figures, ${ours[0]?.assessments ?? 0} assessments, PGlite in memory); ` +
          `${(bytes / 1024).toFixed(0)} KiB of workbooks; median of ${ours.length}`,
        runs: totals,
      },
    ],
    details: { files: files.length, bytes, figures, ours, exceljs: anchor },
  };
}
