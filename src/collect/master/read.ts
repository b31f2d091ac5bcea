import type { Workbook } from 'exceljs';
import type { Plan } from '../../core/plan.ts';
import type { Problem } from '../../plan-file/problem.ts';
import { readPlanValue } from '../../plan-file/read.ts';
import { loadWorkbook } from '../read/load-workbook.ts';
import type { WorkbookFile } from '../read/workbook-file.ts';
import {
  ACTUAL_COLUMNS,
  ASSESSMENT_COLUMNS,
  DATA_SHEETS,
  GOAL_COLUMNS,
  KPI_COLUMNS,
  PLAN_HEADERS,
} from './layout.ts';
import { MasterProblems, type MasterPlace, type MasterProblem } from './problem.ts';
import { readTable } from './sheet-table.ts';
import { PlanValueBuilder } from './plan-value.ts';

/** At most this many problems are listed; a sheet of 10,000 bad rows must not make a page of 10,000 lines. */
export const MAX_LISTED_PROBLEMS = 200;

export interface MasterReadResult {
  /** null when any problem is an error. */
  readonly plan: Plan | null;
  readonly problems: readonly MasterProblem[];
  /** Problems found beyond {@link MAX_LISTED_PROBLEMS}, counted but not listed. */
  readonly unlisted: number;
}

/**
 * Reads the office's plan master (docs/excel-master.md): the file is refused by collect/read's checks
 * before exceljs sees it, the sheets become the same plan-file value a YAML file parses to, and that
 * value goes through the plan file's own reader, so every rule of a plan file applies. Each problem is
 * placed at its sheet and cell.
 */
export async function readPlanMaster(file: WorkbookFile): Promise<MasterReadResult> {
  const problems = new MasterProblems();
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) {
    problems.error(null, { code: 'file', problem: loaded.problem });
    return finish(null, problems.list);
  }
  return readMasterWorkbook(loaded.workbook, problems);
}

export function readMasterWorkbook(workbook: Workbook, problems = new MasterProblems()): MasterReadResult {
  const sheets = DATA_SHEETS.map((name) => workbook.getWorksheet(name));
  DATA_SHEETS.forEach((name, i) => {
    if (!sheets[i]) problems.error(null, { code: 'sheet-missing', sheet: name });
  });
  const [planSheet, goalSheet, kpiSheet, actualSheet, assessmentSheet] = sheets;
  if (!planSheet || !goalSheet || !kpiSheet || !actualSheet || !assessmentSheet) {
    return finish(null, problems.list);
  }
  const tables = {
    plan: readTable(planSheet, PLAN_HEADERS.slice(0, 2), problems),
    goals: readTable(goalSheet, Object.values(GOAL_COLUMNS), problems),
    kpis: readTable(kpiSheet, Object.values(KPI_COLUMNS), problems),
    actuals: readTable(actualSheet, Object.values(ACTUAL_COLUMNS), problems),
    assessments: readTable(assessmentSheet, Object.values(ASSESSMENT_COLUMNS), problems),
  };
  if (!tables.plan || !tables.goals || !tables.kpis || !tables.actuals || !tables.assessments) {
    return finish(null, problems.list);
  }
  const builder = new PlanValueBuilder(problems, planSheet.name, goalSheet.name);
  builder.plan(tables.plan);
  builder.goals(tables.goals);
  builder.kpis(tables.kpis);
  builder.actuals(tables.actuals);
  builder.assessments(tables.assessments);

  const read = readPlanValue(builder.value());
  const own = problems.hasErrors;
  // A cell refused here was left out of the value: what the plan reader says of its absence is that same problem.
  const refused = new Set(problems.list.map((p) => placeKey(p.place)));
  const planProblems = read.problems
    .filter((p) => !own || (p.code !== 'missing-key' && p.code !== 'wrong-type'))
    .map((p): MasterProblem => ({
      severity: p.severity,
      place: builder.placeOf(p.path, isYearProblem(p)),
      detail: { code: 'plan', detail: p.detail },
    }))
    .filter((p) => p.place?.cell == null || !refused.has(placeKey(p.place)));
  return finish(own ? null : read.plan, [...problems.list, ...planProblems]);
}

const placeKey = (place: MasterPlace | null): string => (place ? `${place.sheet}!${place.cell ?? ''}` : '');

/** A problem with a year key (bad-year, duplicate-year) is placed at the 年度 cell, not the value's. */
const isYearProblem = (problem: Problem): boolean =>
  problem.code === 'bad-year' || problem.code === 'duplicate-year';

function finish(plan: Plan | null, all: readonly MasterProblem[]): MasterReadResult {
  // Errors first, then warnings, each in the order of the sheets.
  const ordered = [
    ...all.filter((p) => p.severity === 'error'),
    ...all.filter((p) => p.severity !== 'error'),
  ];
  return {
    plan,
    problems: ordered.slice(0, MAX_LISTED_PROBLEMS),
    unlisted: Math.max(0, ordered.length - MAX_LISTED_PROBLEMS),
  };
}
