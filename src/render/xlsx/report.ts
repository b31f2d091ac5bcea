import ExcelJS from 'exceljs';
import type { Evaluation } from '../../core/evaluation.ts';
import type { Messages } from '../messages.ts';
import { writeChartSheet } from './chart-sheet.ts';
import { writeGoalSheet } from './goal-sheet.ts';
import { goalSheetLayout, sheetNames, summaryLayout } from './layout.ts';
import { writeRawSheet } from './raw-sheet.ts';
import { writeSummarySheet, type GoalSheet } from './summary-sheet.ts';

export interface WorkbookOptions {
  /** The sheet of KPI charts; drawing them is most of the time a workbook takes. */
  readonly charts: boolean;
}

/**
 * The report as an Excel workbook: the summary, a sheet per goal, the charts and the raw data. Every
 * score, count and rate is a live formula over the figures' cells, carrying the engine's result so
 * the workbook reads right before Excel recalculates it.
 */
export function buildReportWorkbook(
  evaluation: Evaluation,
  messages: Messages,
  options: WorkbookOptions = { charts: true },
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shinchoku';
  const year = messages.yearLabel(evaluation.year);
  workbook.title = `${evaluation.plan.title} ${messages.headings.report} ${year}`;
  // The cached results are the engine's; recomputing on opening makes Excel show what the formulas
  // give should anything have changed a figure since, rather than a stale score beside it.
  workbook.calcProperties.fullCalcOnLoad = true;

  const names = sheetNames(evaluation, messages);
  const summary = workbook.addWorksheet(names.summary);
  const goalSheets = new Map<string, GoalSheet>();
  for (const goal of evaluation.goals) {
    const name = names.goals.get(goal.id) ?? goal.id;
    const layout = goalSheetLayout(goal, evaluation);
    writeGoalSheet(workbook.addWorksheet(name), goal, layout, evaluation, messages);
    goalSheets.set(goal.id, { name, layout });
  }
  writeSummarySheet(summary, summaryLayout(evaluation), goalSheets, evaluation, messages);
  if (options.charts) writeChartSheet(workbook, workbook.addWorksheet(names.charts), evaluation, messages);
  writeRawSheet(workbook.addWorksheet(names.raw), evaluation, messages);
  return workbook;
}

export async function renderReportXlsx(evaluation: Evaluation, messages: Messages): Promise<Buffer> {
  const workbook = buildReportWorkbook(evaluation, messages);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
