import ExcelJS from 'exceljs';
import type { Evaluation } from '../../core/evaluation.ts';
import type { Messages } from '../messages.ts';
import { writeChartSheet } from './chart-sheet.ts';
import { writeGoalSheet } from './goal-sheet.ts';
import { goalSheetLayout, sheetNames, summaryLayout } from './layout.ts';
import { writeRawSheet } from './raw-sheet.ts';
import { writeOpinionsSheet } from './opinions-sheet.ts';
import { opinionItems } from '../opinions.ts';
import type { Opinion } from '../../core/opinion.ts';
import { writeSummarySheet, type GoalSheet } from './summary-sheet.ts';
import { xmlSafe } from '../xml-text.ts';
import { localizeEvaluation } from '../plan-text.ts';
import { OFFICE_FONTS } from '../office-fonts.ts';
import { applyOfficeFont } from './style.ts';

export interface WorkbookOptions {
  /** The sheet of KPI charts; drawing them is most of the time a workbook takes. */
  readonly charts: boolean;
  /** A staff draft: every sheet is stamped with the draft mark (案). */
  readonly draft?: boolean;
  /** The committee's opinions published with the edition: a sheet of their own when there are any. */
  readonly opinions?: readonly Opinion[];
}

/** A red of 7:1 against white, as the other formats' draft mark. */
const DRAFT_RED = 'FFB00020';

/**
 * Stamps a sheet of a staff draft: a red tab and the mark in the printed header and footer; on screen,
 * the mark opens the sheet's title, or, on the raw data whose first row names its columns, stands in a
 * red box two columns right of them. No figure, formula or column of data moves.
 */
function stampDraft(sheet: ExcelJS.Worksheet, mark: string, titled: boolean): void {
  sheet.properties.tabColor = { argb: DRAFT_RED };
  const printed = `&C&"-,Bold"&14${mark}`;
  sheet.headerFooter = { ...sheet.headerFooter, oddHeader: printed, oddFooter: printed };
  const title = sheet.getCell(1, 1);
  if (titled && typeof title.value === 'string') {
    title.value = `【${mark}】${title.value}`;
    title.font = { ...title.font, color: { argb: DRAFT_RED } };
    return;
  }
  const cell = sheet.getCell(1, sheet.columnCount + 2);
  cell.value = mark;
  cell.font = { bold: true, size: 16, color: { argb: DRAFT_RED } };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  const side = { style: 'medium' as const, color: { argb: DRAFT_RED } };
  cell.border = { top: side, left: side, bottom: side, right: side };
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
  // Characters XML cannot hold are left out, so no text makes the workbook unreadable.
  evaluation = xmlSafe(evaluation);
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
  const opinions = opinionItems(evaluation, options.opinions);
  if (opinions.length > 0) {
    writeOpinionsSheet(workbook.addWorksheet(messages.headings.opinions), opinions, messages);
  }
  if (options.draft) {
    workbook.title = `${messages.draftMark}：${workbook.title}`;
    for (const sheet of workbook.worksheets) stampDraft(sheet, messages.draftMark, sheet.name !== names.raw);
  }
  applyOfficeFont(workbook, OFFICE_FONTS[messages.lang], messages.lang);
  return workbook;
}

export async function renderReportXlsx(
  original: Evaluation,
  messages: Messages,
  options: Partial<WorkbookOptions> = {},
): Promise<Buffer> {
  const evaluation = localizeEvaluation(original, messages.lang);
  const workbook = buildReportWorkbook(evaluation, messages, {
    charts: options.charts ?? true,
    draft: options.draft ?? false,
    ...(options.opinions ? { opinions: options.opinions } : {}),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
