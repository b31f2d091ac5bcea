import { dec } from '../../core/decimal.ts';
import type { Evaluation, GoalResult, KpiResult, KpiStatus } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Db } from '../../store/connect.ts';
import { kpiSheets, missingOf, type KpiSheet } from '../../store/department-kpis.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import {
  ENTRY_STATES,
  NO_DEPARTMENT,
  type BoardChoices,
  type BoardQuery,
  type BoardStatus,
  type EntryState,
} from './board-query.ts';
import { currentEvaluation } from './current-results.ts';
import { assertYearInPlan } from './sheets.ts';

/**
 * The KPI board: every KPI of one evaluation on one page, filtered and sorted. The figures are the
 * Evaluation's own (the current one for staff, the edition's for the public), never computed again here;
 * this module only chooses rows and their order.
 */

export interface BoardRow {
  readonly kpi: KpiResult;
  /** The goal the KPI belongs to; a shared KPI (再掲) is listed once, under its own goal. */
  readonly goal: GoalResult;
  readonly department: string | null;
  /** Staff only: where its figures stand; null on the public board. */
  readonly entry: EntryState | null;
  /** The KPI's place in the plan, the default order and every tie's breaker. */
  readonly position: number;
}

export interface Board {
  readonly evaluation: Evaluation;
  /** The rows shown, filtered and sorted. */
  readonly rows: readonly BoardRow[];
  /** How many KPIs the evaluation has, before filtering. */
  readonly total: number;
  readonly choices: BoardChoices;
}

export const boardStatusOf = (status: KpiStatus): BoardStatus =>
  status === 'not_achieved' ? 'not-achieved' : status === 'not_evaluated' ? 'not-evaluated' : 'achieved';

/** A sheet's entry state: the review's, once submitted; before that, how much is entered. */
export function entryStateOf(sheet: KpiSheet): EntryState {
  if (sheet.review) return sheet.review.state;
  const missing = missingOf(sheet);
  if (missing.figures === sheet.series.length && missing.assessment) return 'not-entered';
  return missing.figures === 0 && !missing.assessment ? 'entered' : 'partial';
}

/** Every KPI of the evaluation as a row, in the plan's order, with what the caller knows of it. */
export function boardRowsOf(
  evaluation: Evaluation,
  facts: (kpi: KpiResult) => { department: string | null; entry: EntryState | null },
): BoardRow[] {
  const goals = new Map(evaluation.goals.map((g) => [g.id, g]));
  return evaluation.kpis.flatMap((kpi, position) => {
    const goal = goals.get(kpi.goalId);
    return goal ? [{ kpi, goal, position, ...facts(kpi) }] : [];
  });
}

/** What the board offers to filter by: the goals in the plan's order, the departments by name. */
export function choicesOf(
  rows: readonly BoardRow[],
  evaluation: Evaluation,
  entryStates: boolean,
): BoardChoices {
  const departments = [...new Set(rows.flatMap((r) => (r.department === null ? [] : [r.department])))];
  return {
    goals: evaluation.goals.map((g) => g.id),
    departments: departments.sort((a, b) => a.localeCompare(b, 'ja')),
    entryStates,
  };
}

const STATUS_ORDER: readonly KpiStatus[] = ['achieved', 'not_achieved', 'not_evaluated'];

/** The score the board sorts by: the KPI's deciding score, else its first series's; null sorts last. */
const sortScore = (kpi: KpiResult) => kpi.score ?? kpi.series.find((s) => s.score)?.score?.value ?? null;

function compareBy(query: BoardQuery, goalOrder: ReadonlyMap<string, number>) {
  const text = (a: string | null, b: string | null) =>
    a === null || b === null ? (a === null ? 1 : 0) - (b === null ? 1 : 0) : a.localeCompare(b, 'ja');
  const keyed = (a: BoardRow, b: BoardRow): number => {
    switch (query.sort) {
      case 'kpi':
        return text(a.kpi.name, b.kpi.name);
      case 'goal':
        return (goalOrder.get(a.goal.id) ?? 0) - (goalOrder.get(b.goal.id) ?? 0);
      case 'department':
        return text(a.department, b.department);
      case 'entry':
        return (
          ENTRY_STATES.indexOf(a.entry ?? 'not-entered') - ENTRY_STATES.indexOf(b.entry ?? 'not-entered')
        );
      case 'status':
        return STATUS_ORDER.indexOf(a.kpi.status) - STATUS_ORDER.indexOf(b.kpi.status);
      case 'progress': {
        const x = sortScore(a.kpi);
        const y = sortScore(b.kpi);
        if (x === null || y === null) return 0;
        // Exact: −670.6 and 117.6 are compared as decimals, never as binary floats.
        return dec(x).cmp(dec(y));
      }
      case 'order':
        return 0;
    }
  };
  // A KPI without a score or a department stays at the end whichever way the column is sorted.
  const blank = (row: BoardRow): boolean =>
    (query.sort === 'progress' && sortScore(row.kpi) === null) ||
    (query.sort === 'department' && row.department === null);
  return (a: BoardRow, b: BoardRow): number => {
    const last = Number(blank(a)) - Number(blank(b));
    if (last !== 0) return last;
    const by = keyed(a, b) * (query.dir === 'desc' ? -1 : 1);
    return by !== 0
      ? by
      : (a.position - b.position) * (query.dir === 'desc' && query.sort === 'order' ? -1 : 1);
  };
}

/** The rows a query asks for, in its order. */
export function filterAndSort(
  rows: readonly BoardRow[],
  evaluation: Evaluation,
  query: BoardQuery,
): BoardRow[] {
  const goalOrder = new Map(evaluation.goals.map((g, i) => [g.id, i]));
  return rows
    .filter(
      (row) =>
        (query.goal === null || row.kpi.listedIn.includes(query.goal) || row.goal.id === query.goal) &&
        (query.department === null ||
          (query.department === NO_DEPARTMENT
            ? row.department === null
            : row.department === query.department)) &&
        (query.status === null || boardStatusOf(row.kpi.status) === query.status) &&
        (query.entry === null || row.entry === query.entry),
    )
    .sort(compareBy(query, goalOrder));
}

/**
 * The staff board's rows for a plan and year: the figures as they stand now (the one current
 * Evaluation), each KPI with the department it is assigned to and its entry state. The office and the
 * committee see every KPI; a department has its own worklist instead.
 */
export async function staffBoardRows(
  db: Db,
  user: User,
  plan: string,
  year: FiscalYear,
): Promise<{ plan: PlanSummary; evaluation: Evaluation; rows: BoardRow[] }> {
  assertRole(user, 'admin', 'committee');
  const summary = await assertYearInPlan(db, plan, year);
  const sheets = new Map((await kpiSheets(db, plan, year)).map((s) => [s.key, s]));
  const evaluation = await currentEvaluation(db, plan, year);
  const rows = boardRowsOf(evaluation, (kpi) => {
    const sheet = sheets.get(kpi.id);
    return {
      department: sheet?.departmentName ?? kpi.department,
      entry: sheet ? entryStateOf(sheet) : 'not-entered',
    };
  });
  return { plan: summary, evaluation, rows };
}
