import type { Worksheet } from 'exceljs';
import type { DecimalString } from '../../core/decimal.ts';
import type { Evaluation, GoalResult, KpiResult, SeriesResult } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { formatYearSpan } from '../../core/fiscal-year.ts';
import { formatEntry, NO_FIGURE, withSeriesLabel } from '../../core/format.ts';
import type { Messages } from '../messages.ts';
import { assessmentText, cellNumber, setFormula, statusText } from './cells.ts';
import { rateFormula, scoreFormula, shortfallFormula, statusCounts } from './formulas.ts';
import { scoreHeading } from '../score-cells.ts';
import { address, type GoalSheetLayout } from './layout.ts';
import { COUNT_FORMAT, figureFormat, RATE_FORMAT, scoreFormat } from './number-format.ts';
import { FIGURE, fitRows, frame, printLandscape, setWidths, styleHeader, TITLE_FONT, WRAP } from './style.ts';
import { workbookWords } from './words.ts';
import { statusFormula, type StatusRefs } from './status-formula.ts';
import type { Bound } from '../../core/target-bound.ts';
import { boundAffixes, targetText } from '../target-text.ts';
import { kpiNotes } from '../report-model.ts';
import { seriesWords } from '../series-words.ts';

/** 数値目標の状況について: the seed's goal table, a row per series, with status and assessment. */
export function writeGoalSheet(
  sheet: Worksheet,
  goal: GoalResult,
  layout: GoalSheetLayout,
  evaluation: Evaluation,
  messages: Messages,
): void {
  const words = workbookWords(messages);
  const cols = layout.columns;
  const title = sheet.getCell(layout.titleRow, 1);
  title.value = `${messages.goalKind(goal.kind)}${goal.number}：${goal.title}`;
  title.font = TITLE_FONT;
  sheet.getCell(layout.titleRow + 1, 1).value = messages.headings.goalTable;

  const header = sheet.getRow(layout.headerRow);
  header.getCell(cols.name).value = messages.columns.kpi;
  header.getCell(cols.category).value = messages.columns.category;
  header.getCell(cols.baseline).value = messages.columns.baseline;
  header.getCell(cols.target).value = messages.columns.target;
  if (cols.milestone !== null) header.getCell(cols.milestone).value = words.milestone;
  for (const { year, column } of cols.years) header.getCell(column).value = messages.yearLabel(year);
  header.getCell(cols.score).value = scoreHeading(evaluation, messages);
  if (cols.judged !== null) header.getCell(cols.judged).value = words.judged;
  if (cols.shortfall !== null) header.getCell(cols.shortfall).value = messages.shortfallHeading;
  header.getCell(cols.status).value = words.status;
  header.getCell(cols.assessment).value = messages.headings.assessments;
  styleHeader(header, 1, cols.last);

  setWidths(sheet, {
    [cols.name]: 30,
    [cols.category]: 11,
    [cols.baseline]: 22,
    [cols.target]: 16,
    ...Object.fromEntries(cols.years.map((y) => [y.column, 16])),
    ...(cols.milestone === null ? {} : { [cols.milestone]: 16 }),
    [cols.score]: evaluation.settings.against === 'interim' ? 22 : 14,
    ...(cols.judged === null ? {} : { [cols.judged]: 14 }),
    ...(cols.shortfall === null ? {} : { [cols.shortfall]: 14 }),
    [cols.status]: 10,
    [cols.assessment]: 60,
  });

  const trend = evaluation.settings.trend;
  const trendHeading = trend ? (trend.heading ?? seriesWords(messages.lang).trendHeading) : null;
  for (const { kpi, series } of layout.kpis) {
    const refs = series.map(({ series: s, row }) =>
      writeSeriesRow(sheet, layout, row, s, evaluation, messages),
    );
    const rows = series.map((s) => s.row);
    const status = statusCell(kpi, refs, evaluation, messages);
    writeKpiCells(sheet, layout, kpi, rows, status, evaluation.year, messages, trendHeading);
  }
  writeTally(sheet, layout, goal, evaluation, messages);

  sheet.views = [{ state: 'frozen', ySplit: layout.headerRow, xSplit: 1 }];
  printLandscape(sheet, layout.headerRow);
}

function writeSeriesRow(
  sheet: Worksheet,
  layout: GoalSheetLayout,
  row: number,
  s: SeriesResult,
  evaluation: Evaluation,
  messages: Messages,
): StatusRefs {
  const cols = layout.columns;
  const words = workbookWords(messages);
  const prefix = s.label === null ? '' : withSeriesLabel(s.label, '');
  const unit = s.unit ?? '';
  const text = (t: string) => withSeriesLabel(s.label, t);
  const figure = (column: number, value: DecimalString | null, suffix = unit, bound?: Bound) => {
    const cell = sheet.getCell(row, column);
    frame(cell, FIGURE);
    if (value === null) {
      cell.value = text(NO_FIGURE);
      return;
    }
    cell.value = cellNumber(value);
    // A bound stays a number the formulas can use; only its format says 超 or 以上.
    const around = bound === undefined ? { before: '', after: '' } : boundAffixes(bound, messages);
    cell.numFmt = figureFormat(value, { prefix: prefix + around.before, suffix: suffix + around.after });
  };
  const wordCell = (column: number, value: string) => {
    const cell = sheet.getCell(row, column);
    frame(cell, FIGURE);
    cell.value = text(value);
  };

  const span = s.baseline?.span;
  figure(cols.baseline, s.baseline?.value ?? null, span ? `${unit} (${formatYearSpan(span)})` : unit);
  if (s.target.none || s.target.word !== undefined)
    wordCell(cols.target, targetText(s.target, null, messages));
  else figure(cols.target, s.target.value, unit, s.target.bound);
  if (cols.milestone !== null) figure(cols.milestone, s.milestone);
  s.history.forEach((h, i) => {
    const column = cols.years[i]?.column;
    if (column === undefined) return;
    if (h.entry?.kind === 'value') figure(column, h.entry.value, unit, h.entry.bound);
    else {
      const cell = sheet.getCell(row, column);
      cell.value = text(formatEntry(h.entry, s.unit));
      frame(cell, FIGURE);
    }
  });

  // 直近値: the score reads the column of the year judged, which the sheet names beside it.
  const judgedColumn = cols.years.find((y) => y.year === s.dataYear)?.column ?? cols.actual;
  const refs = {
    baseline: address(row, cols.baseline),
    target: address(row, cols.target),
    actual: address(row, judgedColumn),
    milestone: cols.milestone === null ? null : address(row, cols.milestone),
  };
  if (cols.judged !== null) {
    const judged = sheet.getCell(row, cols.judged);
    frame(judged, FIGURE);
    judged.value = text(s.dataYear === undefined ? NO_FIGURE : messages.latestData(s.dataYear));
  }
  if (cols.shortfall !== null) {
    const cell = sheet.getCell(row, cols.shortfall);
    frame(cell, FIGURE);
    const interim = evaluation.settings.against === 'interim';
    const formula = shortfallFormula(s, {
      target: interim ? (refs.milestone ?? refs.target) : refs.target,
      actual: refs.actual,
    });
    if (formula === null || !s.shortfall) cell.value = text(NO_FIGURE);
    else {
      setFormula(cell, formula, cellNumber(s.shortfall.value));
      cell.numFmt = figureFormat(s.shortfall.value, { prefix, suffix: s.unit === '%' ? words.points : unit });
    }
  }

  const onMilestone = evaluation.settings.against === 'interim' && s.milestone !== null;
  const statusRefs = {
    series: s,
    actual: refs.actual,
    mark: onMilestone ? (refs.milestone ?? refs.target) : refs.target,
    score: s.score ? address(row, cols.score) : null,
  };
  const score = sheet.getCell(row, cols.score);
  frame(score, FIGURE);
  if (!s.score) {
    score.value = text(
      s.noScore === 'no-interim-target' ? messages.noInterimTarget(s.dataYear ?? evaluation.year) : NO_FIGURE,
    );
    return statusRefs;
  }
  setFormula(score, scoreFormula(s.score, s, refs, evaluation.settings.rounding), cellNumber(s.score.value));
  score.numFmt = scoreFormat(evaluation.settings.rounding.places, prefix, evaluation.settings.rounding.zero);
  return statusRefs;
}

/**
 * The status as a live formula where the sheet holds what decides it (status-formula.ts), carrying the
 * engine's word as its result; the engine's word alone otherwise. A KPI evaluated now reads 未評価 (or
 * 未達成, where the plan counts a missing actual so) once an actual is cleared.
 */
function statusCell(
  kpi: KpiResult,
  refs: readonly StatusRefs[],
  evaluation: Evaluation,
  messages: Messages,
): { readonly text: string; readonly formula: string | null } {
  const text = statusText(kpi, messages);
  let missing = messages.status(
    evaluation.settings.missing === 'not-achieved' ? 'not_achieved' : 'not_evaluated',
  );
  if (kpi.status === 'not_evaluated') missing = text;
  return { text, formula: statusFormula(kpi, refs, evaluation.settings, messages, missing) };
}

/** The cells that belong to the KPI rather than a series, merged down its series rows. */
function writeKpiCells(
  sheet: Worksheet,
  layout: GoalSheetLayout,
  kpi: KpiResult,
  rows: readonly number[],
  status: { readonly text: string; readonly formula: string | null },
  year: FiscalYear,
  messages: Messages,
  trendHeading: string | null,
): void {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return;
  const cols = layout.columns;
  const assessment = assessmentText(kpi, year, messages, trendHeading);
  const name = [kpi.name, ...kpiNotes(kpi, messages)].join('\n');
  const values: [number, string][] = [
    [cols.name, name],
    [cols.category, kpi.category.join(' ')],
    [cols.status, status.text],
    [cols.assessment, assessment],
  ];
  for (const [column, value] of values) {
    if (last > first) sheet.mergeCells(first, column, last, column);
    const cell = sheet.getCell(first, column);
    if (column === cols.status && status.formula !== null) setFormula(cell, status.formula, value);
    else cell.value = value;
    frame(cell, column === cols.status ? { ...WRAP, horizontal: 'center' } : WRAP);
  }
  fitRows(sheet, rows, [
    [name, cols.name],
    [assessment, cols.assessment],
  ]);
}

/** The goal's achieved and evaluated counts over its status cells, and its rate from them. */
function writeTally(
  sheet: Worksheet,
  layout: GoalSheetLayout,
  goal: GoalResult,
  evaluation: Evaluation,
  messages: Messages,
): void {
  const words = workbookWords(messages);
  const { status } = layout.columns;
  const last = Math.max(layout.firstRow, layout.lastRow);
  const range = `${address(layout.firstRow, status)}:${address(last, status)}`;
  const counts = statusCounts(range, messages);
  const { achieved, evaluated, rate } = layout.tally;
  const at = (row: number) => address(row, layout.tallyColumn);
  const lines: [number, string, string, number | string, string][] = [
    [achieved, words.achievedCount, counts.achieved, goal.achieved, COUNT_FORMAT],
    [evaluated, words.evaluatedCount, counts.evaluated, goal.evaluated, COUNT_FORMAT],
    [
      rate,
      messages.columns.rate,
      rateFormula(at(achieved), at(evaluated), evaluation.settings.rounding, NO_FIGURE),
      goal.rate === null ? NO_FIGURE : cellNumber(goal.rate),
      RATE_FORMAT,
    ],
  ];
  for (const [row, label, formula, result, numFmt] of lines) {
    const head = sheet.getCell(row, layout.columns.name);
    head.value = label;
    head.font = { bold: true };
    frame(head, WRAP);
    const cell = sheet.getCell(row, layout.tallyColumn);
    setFormula(cell, formula, result);
    cell.numFmt = numFmt;
    frame(cell, FIGURE);
  }
}
