import type { Evaluation, GoalResult, KpiResult, SeriesResult } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Messages } from '../messages.ts';
import { workbookWords } from './words.ts';

/**
 * Where every figure sits, decided once: the sheet writers place cells by it and formulas refer by it,
 * so a formula can never point at the wrong cell. Rows and columns are 1-based, as in Excel.
 */

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export const address = (row: number, column: number): string => `${columnLetter(column)}${row}`;

export interface SheetNames {
  readonly summary: string;
  readonly goals: ReadonlyMap<string, string>;
  readonly charts: string;
  readonly raw: string;
}

/** Excel refuses these characters in a sheet name, and names longer than 31 characters. */
const sheetName = (text: string): string => text.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);

export function sheetNames(evaluation: Evaluation, messages: Messages): SheetNames {
  return {
    summary: sheetName(messages.headings.summary),
    goals: new Map(evaluation.goals.map((g) => [g.id, sheetName(messages.goalLabel(g.kind, g.number))])),
    charts: sheetName(messages.headings.kpiAppendix),
    raw: sheetName(workbookWords(messages).rawSheet),
  };
}

export interface SeriesRow {
  readonly series: SeriesResult;
  readonly row: number;
}

export interface KpiRows {
  readonly kpi: KpiResult;
  /** One row per series, so that every figure is a cell of its own. */
  readonly series: readonly SeriesRow[];
}

export interface GoalSheetLayout {
  readonly titleRow: number;
  readonly headerRow: number;
  readonly columns: {
    readonly name: number;
    readonly category: number;
    readonly baseline: number;
    readonly target: number;
    /** The year's interim target, shown only where the plan measures against pace or an interim target. */
    readonly milestone: number | null;
    /** 直近値（R2）: the year of the figure judged, only where the plan judges the latest data. */
    readonly judged: number | null;
    /** 目標との差, only where the plan reports it. */
    readonly shortfall: number | null;
    readonly years: readonly { readonly year: FiscalYear; readonly column: number }[];
    /** The evaluation year's column: the actual every score is computed from. */
    readonly actual: number;
    readonly score: number;
    readonly status: number;
    readonly assessment: number;
    readonly last: number;
  };
  readonly kpis: readonly KpiRows[];
  readonly firstRow: number;
  readonly lastRow: number;
  /** The goal's tally below the table: labels in the name column, figures in the next. */
  readonly tally: { readonly achieved: number; readonly evaluated: number; readonly rate: number };
  readonly tallyColumn: number;
}

export function goalSheetLayout(goal: GoalResult, evaluation: Evaluation): GoalSheetLayout {
  const interim = evaluation.settings.against === 'interim';
  const milestone = evaluation.settings.method === 'pace' || interim ? 5 : null;
  const firstYear = milestone === null ? 5 : 6;
  const years = evaluation.columns.map((year, i) => ({ year, column: firstYear + i }));
  const score = firstYear + years.length;
  const judged = evaluation.settings.data === 'latest' ? score + 1 : null;
  const shortfall = evaluation.settings.shortfall ? (judged ?? score) + 1 : null;
  const status = (shortfall ?? judged ?? score) + 1;
  const actual = years.find((y) => y.year === evaluation.year)?.column;
  if (actual === undefined) throw new Error(`the report's columns leave out FY${evaluation.year}`);
  const headerRow = 3;
  let row = headerRow + 1;
  const kpis = goal.kpis.map((kpi) => ({
    kpi,
    series: kpi.series.map((series) => ({ series, row: row++ })),
  }));
  const lastRow = row - 1;
  return {
    titleRow: 1,
    headerRow,
    columns: {
      name: 1,
      category: 2,
      baseline: 3,
      target: 4,
      milestone,
      years,
      actual,
      score,
      judged,
      shortfall,
      status,
      assessment: status + 1,
      last: status + 1,
    },
    kpis,
    firstRow: headerRow + 1,
    lastRow,
    tally: { achieved: lastRow + 2, evaluated: lastRow + 3, rate: lastRow + 4 },
    tallyColumn: 2,
  };
}

export interface SummaryLayout {
  readonly titleRow: number;
  readonly headerRow: number;
  /** The summary's KPI positions 1…n, one column each. */
  readonly statusColumns: readonly number[];
  readonly achievedColumn: number;
  readonly evaluatedColumn: number;
  readonly rateColumn: number;
  readonly goalRows: ReadonlyMap<string, number>;
  readonly overallRow: number;
  /** The list that counts each KPI once, present only where the plan counts shared KPIs once. */
  readonly kpiList: { readonly headerRow: number; readonly rows: ReadonlyMap<string, number> } | null;
}

/** Every KPI counted in the overall rate, once, in the order the goals list them. */
export function distinctListings(evaluation: Evaluation): { kpi: KpiResult; goal: GoalResult }[] {
  const seen = new Map<string, { kpi: KpiResult; goal: GoalResult }>();
  for (const goal of evaluation.goals) {
    for (const kpi of goal.kpis) if (!seen.has(kpi.id)) seen.set(kpi.id, { kpi, goal });
  }
  return [...seen.values()];
}

export function summaryLayout(evaluation: Evaluation): SummaryLayout {
  const headerRow = 3;
  const statusColumns = Array.from({ length: evaluation.summaryWidth }, (_, i) => 2 + i);
  const achievedColumn = 2 + statusColumns.length;
  const goalRows = new Map(evaluation.goals.map((g, i) => [g.id, headerRow + 1 + i]));
  const overallRow = headerRow + evaluation.goals.length + 2;
  const listHeader = overallRow + 2;
  const kpiList =
    evaluation.settings.shared === 'once'
      ? {
          headerRow: listHeader,
          rows: new Map(distinctListings(evaluation).map((l, i) => [l.kpi.id, listHeader + 1 + i])),
        }
      : null;
  return {
    titleRow: 1,
    headerRow,
    statusColumns,
    achievedColumn,
    evaluatedColumn: achievedColumn + 1,
    rateColumn: achievedColumn + 2,
    goalRows,
    overallRow,
    kpiList,
  };
}
