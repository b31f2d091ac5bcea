import type { Worksheet } from 'exceljs';
import type { Evaluation, Tally } from '../../core/evaluation.ts';
import { NO_FIGURE } from '../../core/format.ts';
import type { Rounding } from '../../core/settings.ts';
import type { Messages } from '../messages.ts';
import { cellNumber, setFormula, statusText } from './cells.ts';
import { rateFormula, sheetRef, statusCounts } from './formulas.ts';
import {
  address,
  columnLetter,
  distinctListings,
  type GoalSheetLayout,
  type SummaryLayout,
} from './layout.ts';
import { COUNT_FORMAT, RATE_FORMAT } from './number-format.ts';
import { FIGURE, frame, printLandscape, setWidths, styleHeader, TITLE_FONT, WRAP } from './style.ts';
import { workbookWords } from './words.ts';
import { untranslatedNote } from '../plan-text.ts';

export interface GoalSheet {
  readonly name: string;
  readonly layout: GoalSheetLayout;
}

/**
 * 全体の達成状況: each goal's statuses and rate, and the year's overall rate. Every status and count
 * refers to the goal sheets, so a status corrected there carries through to the overall rate.
 */
export function writeSummarySheet(
  sheet: Worksheet,
  layout: SummaryLayout,
  goalSheets: ReadonlyMap<string, GoalSheet>,
  evaluation: Evaluation,
  messages: Messages,
): void {
  const words = workbookWords(messages);
  const rounding = evaluation.settings.rounding;
  const title = sheet.getCell(layout.titleRow, 1);
  title.value = messages.headings.summary;
  title.font = TITLE_FONT;
  // The English edition says here, under the title, what it kept in Japanese (plan-text.ts).
  const note = untranslatedNote(evaluation);
  sheet.getCell(layout.titleRow + 1, 1).value =
    note === null ? evaluation.plan.title : `${evaluation.plan.title} — ${note}`;

  const header = sheet.getRow(layout.headerRow);
  header.getCell(1).value = messages.columns.kpi;
  layout.statusColumns.forEach((column, i) => (header.getCell(column).value = String(i + 1)));
  header.getCell(layout.achievedColumn).value = words.achievedCount;
  header.getCell(layout.evaluatedColumn).value = words.evaluatedCount;
  header.getCell(layout.rateColumn).value = messages.columns.rate;
  styleHeader(header, 1, layout.rateColumn);
  setWidths(sheet, {
    1: 36,
    ...Object.fromEntries(layout.statusColumns.map((c) => [c, 10])),
    [layout.achievedColumn]: 10,
    [layout.evaluatedColumn]: 10,
    [layout.rateColumn]: 10,
  });

  const statusCell = (goalId: string, kpiId: string): string | null => {
    const goalSheet = goalSheets.get(goalId);
    const row = goalSheet?.layout.kpis.find((k) => k.kpi.id === kpiId)?.series[0]?.row;
    if (!goalSheet || row === undefined) return null;
    return sheetRef(goalSheet.name, address(row, goalSheet.layout.columns.status));
  };

  for (const goal of evaluation.goals) {
    const row = layout.goalRows.get(goal.id);
    const goalSheet = goalSheets.get(goal.id);
    if (row === undefined || !goalSheet) continue;
    const label = sheet.getCell(row, 1);
    label.value = messages.goalLabel(goal.kind, goal.number);
    frame(label, WRAP);
    layout.statusColumns.forEach((column, i) => {
      const cell = sheet.getCell(row, column);
      const kpi = goal.summary[i];
      const ref = kpi ? statusCell(goal.id, kpi.id) : null;
      if (kpi && ref) setFormula(cell, ref, statusText(kpi, messages));
      else cell.value = NO_FIGURE;
      frame(cell, { ...WRAP, horizontal: 'center' });
    });
    const tally = (r: number) => sheetRef(goalSheet.name, address(r, goalSheet.layout.tallyColumn));
    const counts = {
      achieved: tally(goalSheet.layout.tally.achieved),
      evaluated: tally(goalSheet.layout.tally.evaluated),
    };
    writeTally(sheet, layout, row, counts, goal, rounding);
  }

  const overall = sheet.getCell(layout.overallRow, 1);
  overall.value = `${messages.yearRate(evaluation.year)} ${messages.planYear(evaluation.planYear)}`;
  overall.font = { bold: true };
  frame(overall, WRAP);
  const counts = layout.kpiList
    ? statusCounts(writeKpiList(sheet, layout.kpiList, statusCell, evaluation, messages), messages)
    : listingCounts(layout);
  writeTally(sheet, layout, layout.overallRow, counts, evaluation.overall, rounding);

  sheet.views = [{ state: 'frozen', ySplit: layout.headerRow, xSplit: 1 }];
  printLandscape(sheet, layout.headerRow);
}

/** A row's achieved and evaluated counts as the given formulas, and the rate computed from them. */
function writeTally(
  sheet: Worksheet,
  layout: SummaryLayout,
  row: number,
  counts: { readonly achieved: string; readonly evaluated: string },
  tally: Tally,
  rounding: Rounding,
): void {
  const achieved = sheet.getCell(row, layout.achievedColumn);
  setFormula(achieved, counts.achieved, tally.achieved);
  const evaluated = sheet.getCell(row, layout.evaluatedColumn);
  setFormula(evaluated, counts.evaluated, tally.evaluated);
  const rate = sheet.getCell(row, layout.rateColumn);
  const formula = rateFormula(achieved.address, evaluated.address, rounding, NO_FIGURE);
  setFormula(rate, formula, tally.rate === null ? NO_FIGURE : cellNumber(tally.rate));
  achieved.numFmt = COUNT_FORMAT;
  evaluated.numFmt = COUNT_FORMAT;
  rate.numFmt = RATE_FORMAT;
  for (const cell of [achieved, evaluated, rate]) frame(cell, FIGURE);
}

/** Per listing: a KPI listed under two goals (再掲) counts under each, so the goals' counts add up. */
function listingCounts(layout: SummaryLayout): { achieved: string; evaluated: string } {
  const rows = [...layout.goalRows.values()];
  const sum = (column: number) => {
    const letter = columnLetter(column);
    return rows.length === 0 ? '0' : `SUM(${letter}${Math.min(...rows)}:${letter}${Math.max(...rows)})`;
  };
  return { achieved: sum(layout.achievedColumn), evaluated: sum(layout.evaluatedColumn) };
}

/**
 * Once: each KPI's status a single time, from the first goal that lists it, for the overall rate to
 * count. Returns the range of its status cells.
 */
function writeKpiList(
  sheet: Worksheet,
  list: NonNullable<SummaryLayout['kpiList']>,
  statusCell: (goalId: string, kpiId: string) => string | null,
  evaluation: Evaluation,
  messages: Messages,
): string {
  const words = workbookWords(messages);
  const header = sheet.getRow(list.headerRow);
  header.getCell(1).value = words.kpiList;
  header.getCell(2).value = words.status;
  styleHeader(header, 1, 2);
  for (const { kpi, goal } of distinctListings(evaluation)) {
    const row = list.rows.get(kpi.id);
    const ref = statusCell(goal.id, kpi.id);
    if (row === undefined || ref === null) continue;
    const name = sheet.getCell(row, 1);
    name.value = kpi.name;
    frame(name, WRAP);
    const status = sheet.getCell(row, 2);
    setFormula(status, ref, statusText(kpi, messages));
    frame(status, { ...WRAP, horizontal: 'center' });
  }
  const rows = [...list.rows.values()];
  return `B${Math.min(...rows)}:B${Math.max(...rows)}`;
}
