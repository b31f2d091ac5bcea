import { decimalPlacesOf, type DecimalString } from '../core/decimal.ts';
import { yearsWithCells } from '../core/evaluate.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../core/fiscal-year.ts';
import { formatBaseline, formatEntry, formatNumber } from '../core/format.ts';
import type { Assessment, Kpi, Plan, Series } from '../core/plan.ts';
import { messagesFor } from '../render/messages.ts';
import type { FigureState } from '../core/evaluation.ts';
import {
  COL,
  FIRST_DATA_ROW,
  HEADER_ROW,
  MAX_PAST_YEARS,
  SEE_FIRST_ROW,
  STATE_LABELS,
  address,
  headerLabels,
} from './layout.ts';

/** What the year's cells held when the workbook was made: the reader compares the store with it. */
export interface Before {
  readonly entry: FigureEntry | null;
  readonly state: FigureState;
  readonly assessment: Assessment | null;
}

export interface FormRow {
  readonly row: number;
  readonly kpi: Kpi;
  readonly series: number;
  /** The KPI's first row, which takes its status phrase and assessment. */
  readonly first: boolean;
  /** The read-only cells, by address, as written: the reader checks that none was changed. */
  readonly locked: Readonly<Record<string, string>>;
  readonly before: Before;
  /** The decimals the series is written with, so that 19 typed in the value cell shows as 19.00. */
  readonly decimals: number;
}

/** One department's workbook, before it becomes a file. */
export interface CollectForm {
  readonly plan: string;
  readonly year: FiscalYear;
  readonly department: string;
  readonly pastYears: readonly FiscalYear[];
  /** The read-only cells above the table (titles and column headings), by address. */
  readonly header: Readonly<Record<string, string>>;
  readonly rows: readonly FormRow[];
}

/**
 * Lays out one form per department for collecting a year's figures. KPIs without a department go to
 * the planning office's form; a KPI listed under several goals (再掲) is asked for once.
 */
export function collectForms(plan: Plan & { id: string }, year: FiscalYear, office: string): CollectForm[] {
  const byDepartment = new Map<string, Kpi[]>();
  for (const kpi of plan.kpis.values()) {
    const department = kpi.department ?? office;
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), kpi]);
  }
  const pastYears = pastYearsOf(plan, year);
  return [...byDepartment].map(([department, kpis]) => ({
    plan: plan.id,
    year,
    department,
    pastYears,
    header: headerCells(plan, year, department, pastYears),
    rows: formRows(plan, year, kpis, pastYears),
  }));
}

/** The latest years before this one that any series has a cell for: the workbook's past columns. */
function pastYearsOf(plan: Plan, year: FiscalYear): FiscalYear[] {
  return yearsWithCells(plan)
    .filter((y) => y < year)
    .slice(-MAX_PAST_YEARS);
}

function headerCells(
  plan: Plan,
  year: FiscalYear,
  department: string,
  pastYears: readonly FiscalYear[],
): Record<string, string> {
  const cells: Record<string, string> = {
    A1: `${formatFiscalYearLong(year)} 数値目標（KPI）の実績照会（${department}）`,
    A2: `${plan.municipality}\u3000${plan.title}`,
    A3: '黄色のセルに記入してください。記入のしかたは「記入方法」シートをご覧ください。',
  };
  for (const [column, label] of headerLabels(year, pastYears)) cells[address(column, HEADER_ROW)] = label;
  return cells;
}

function formRows(
  plan: Plan,
  year: FiscalYear,
  kpis: readonly Kpi[],
  pastYears: readonly FiscalYear[],
): FormRow[] {
  const messages = messagesFor('ja');
  const goals = new Map(plan.goals.map((g) => [g.id, messages.goalHeading(g.kind, g.number, g.title)]));
  const rows: FormRow[] = [];
  for (const kpi of kpis) {
    kpi.series.forEach((series, index) => {
      const row = FIRST_DATA_ROW + rows.length;
      const unit = series.unit ?? kpi.unit;
      const locked: Record<string, string> = {
        [address(COL.number, row)]: String(rows.length + 1),
        [address(COL.goal, row)]: goals.get(kpi.goalId) ?? '',
        [address(COL.kpi, row)]: kpi.name,
        [address(COL.series, row)]: series.label ?? '',
        [address(COL.unit, row)]: unit ?? '',
        [address(COL.baseline, row)]: formatBaseline(series.baseline, null),
        [address(COL.target, row)]:
          `${formatNumber(series.target.value)} (${formatFiscalYear(series.target.year)})`,
      };
      pastYears.forEach((y, i) => (locked[address(COL.firstYear + i, row)] = pastCell(series, y)));
      if (index > 0) {
        locked[address(COL.status, row)] = SEE_FIRST_ROW;
        locked[address(COL.text, row)] = SEE_FIRST_ROW;
      }
      rows.push({
        row,
        kpi,
        series: index,
        first: index === 0,
        locked,
        before: {
          entry: series.actuals.get(year) ?? null,
          state: series.provisional.has(year) ? 'provisional' : 'final',
          assessment: index === 0 ? (kpi.assessments.get(year) ?? null) : null,
        },
        decimals: seriesDecimals(series),
      });
    });
  }
  return rows;
}

function pastCell(series: Series, year: FiscalYear): string {
  const entry = series.actuals.get(year);
  if (!entry) return '';
  const text = formatEntry(entry, null);
  return series.provisional.has(year) ? `${text}（${STATE_LABELS.provisional}）` : text;
}

function seriesDecimals(series: Series): number {
  const figures: DecimalString[] = [series.target.value, ...series.milestones.values()];
  if (series.baseline) figures.push(series.baseline.value);
  for (const entry of series.actuals.values()) if (entry.kind === 'value') figures.push(entry.value);
  return Math.max(0, ...figures.map(decimalPlacesOf));
}
