import type ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import type { DecimalString } from '../../core/decimal.ts';
import type { FigureEntry } from '../../core/figure-text.ts';
import { impliedDirection } from '../../core/direction.ts';
import { formatFiscalYear, formatYearSpan } from '../../core/fiscal-year.ts';
import type { Kpi, Plan, Series } from '../../core/plan.ts';
import { TEXT_FIELDS } from '../../core/text-field.ts';
import { figureCellValue, numberFormat } from '../figure-cell.ts';
import { BORDER, HEADER_FILL, INPUT_FILL } from '../make/style.ts';
import { rowHeight } from '../make/text-height.ts';
import { addGuide, addExample } from './guide.ts';
import {
  ACTUAL_COLUMNS as A,
  ASSESSMENT_COLUMNS as S,
  CATEGORY_JOINER,
  DIRECTION_CHOICES,
  FIRST_DATA_ROW,
  GOAL_COLUMNS as G,
  KIND_CHOICES,
  KPI_COLUMNS as K,
  METHOD_CHOICES,
  PLAN_HEADERS,
  PLAN_ITEMS,
  INDICATOR_CHOICES,
  STATE_CHOICES,
  VALIDATION_ROWS,
  type PlanItem,
} from './layout.ts';
import { masterOmissions, type MasterOmission } from './omissions.ts';
import { columnLetter } from './sheet-table.ts';

/** A cell as written: text, or a figure as a number shown with its own decimals (19.00 stays 19.00). */
export type MasterValue = string | number | null | { readonly figure: DecimalString };

export interface MadeMaster {
  readonly bytes: Uint8Array;
  /** What the plan holds that the layout has no cell for (listed in the 説明 sheet too). */
  readonly omissions: readonly MasterOmission[];
}

const PAGE = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

/**
 * Writes a plan as the office's master workbook (docs/excel-master.md), or the empty template when no
 * plan is given. Reading it back (read.ts) gives the same plan, but for what {@link masterOmissions} lists.
 */
export async function makePlanMaster(plan: Plan | null, now: Date = new Date()): Promise<MadeMaster> {
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = 'Shinchoku';
  workbook.created = now;
  workbook.modified = now;
  const omissions = plan ? masterOmissions(plan) : [];
  addGuide(workbook, plan, omissions);
  addPlanSheet(workbook, plan);
  addTable(workbook, '目標', Object.values(G), plan ? goalRows(plan) : [], [10, 14, 8, 50], (sheet) => {
    listValidation(sheet, 2, Object.values(KIND_CHOICES), '基本目標か横断的な目標かを選んでください。');
  });
  addTable(
    workbook,
    'KPI',
    Object.values(K),
    plan ? kpiRows(plan) : [],
    [10, 28, 10, 40, 14, 8, 10, 14, 12, 16, 12, 14, 22],
    (sheet) => {
      listValidation(
        sheet,
        7,
        Object.values(DIRECTION_CHOICES),
        '目標値と現状値が同じか、現状値がない場合だけ選んでください。',
      );
      listValidation(
        sheet,
        Object.values(K).indexOf(K.indicator) + 1,
        Object.values(INDICATOR_CHOICES),
        '他の自治体と比べる共通の指標（docs/indicators.md）に当たる場合だけ選んでください。',
      );
    },
  );
  addTable(
    workbook,
    '実績',
    Object.values(A),
    plan ? actualRows(plan) : [],
    [28, 10, 10, 14, 12, 40],
    (sheet) => {
      listValidation(sheet, 5, Object.values(STATE_CHOICES), '空欄は確定として扱います。');
    },
  );
  addTable(
    workbook,
    '評価',
    Object.values(S),
    plan ? assessmentRows(plan) : [],
    [28, 10, 30, 70, 40],
    (sheet) => {
      const validation = sheet as WithValidations;
      validation.dataValidations.add(`D${FIRST_DATA_ROW}:D${VALIDATION_ROWS}`, {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [TEXT_FIELDS['assessment-text'].max],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '長すぎます',
        error: `${TEXT_FIELDS['assessment-text'].max}文字以内で書いてください。`,
      });
    },
  );
  addExample(workbook);
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), omissions };
}

/** exceljs has range-level validations (`dataValidations.add`) but leaves them out of its types. */
type WithValidations = Worksheet & {
  readonly dataValidations: { add(range: string, validation: DataValidation): void };
};

function listValidation(sheet: Worksheet, column: number, items: readonly string[], prompt: string): void {
  const letter = columnLetter(column);
  (sheet as WithValidations).dataValidations.add(`${letter}${FIRST_DATA_ROW}:${letter}${VALIDATION_ROWS}`, {
    type: 'list',
    formulae: [`"${items.join(',')}"`],
    allowBlank: true,
    showInputMessage: true,
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '一覧から選んでください',
    error: `${items.join('、')}のどれかを選んでください。`,
  });
}

function setCell(sheet: Worksheet, row: number, column: number, value: MasterValue): void {
  const cell = sheet.getCell(row, column);
  if (value !== null && typeof value === 'object') {
    cell.value = figureCellValue(value.figure);
    const decimals = value.figure.split('.')[1]?.length ?? 0;
    if (typeof cell.value === 'number') cell.numFmt = numberFormat(decimals);
  } else {
    cell.value = value;
  }
  cell.border = BORDER;
  cell.alignment = { vertical: 'top', wrapText: true };
}

const shownText = (value: MasterValue): string =>
  value === null ? '' : typeof value === 'object' ? value.figure : String(value);

function header(sheet: Worksheet, texts: readonly string[]): void {
  texts.forEach((text, i) => {
    const cell = sheet.getCell(1, i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  rows: readonly (readonly MasterValue[])[],
  widths: readonly number[],
  validate: (sheet: Worksheet) => void,
): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { ...PAGE, printTitlesRow: '1:1' },
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  header(sheet, headers);
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => setCell(sheet, FIRST_DATA_ROW + r, c + 1, value));
    // Excel and Calc do not fit a row to wrapped text a program wrote, so each row states its height.
    const texts = cells.map((value, c) => ({ text: shownText(value), width: widths[c] ?? 10 }));
    sheet.getRow(FIRST_DATA_ROW + r).height = rowHeight(texts);
  });
  validate(sheet);
}

const PLAN_NOTES: Readonly<Record<PlanItem, string>> = {
  id: '半角の英小文字・数字・ハイフン（例：midori-2nd-strategy）。取込と書き出しで計画を見分けます。',
  title: '総合戦略の名称です。',
  municipality: '自治体の名称です。',
  from: '計画1年目の年度（R4、令和4年度、2022 など）。',
  to: '計画最終年度。目標値の年度を空欄にすると、この年度の目標になります。',
  method: `${Object.values(METHOD_CHOICES).join('／')}（空欄は目標進捗率）。`,
  municipalityCode:
    '全国地方公共団体コード（6桁、例：北本市は112330）。他の自治体との比較に使います。空欄でも取り込めます。',
  population: '人口（人）。比較指標を人口当たりで比べるときに使います。空欄でも取り込めます。',
  populationYear: '人口の基準年度（例：R2 は令和2年国勢調査）。',
};

function addPlanSheet(workbook: ExcelJS.Workbook, plan: Plan | null): void {
  const sheet = workbook.addWorksheet('計画', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { ...PAGE, printTitlesRow: '1:1' },
  });
  [26, 50, 70].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  header(sheet, PLAN_HEADERS);
  const values: Record<PlanItem, MasterValue> = {
    id: plan?.id ?? null,
    title: plan?.title ?? null,
    municipality: plan?.municipality ?? null,
    from: plan ? formatFiscalYear(plan.period.from) : null,
    to: plan ? formatFiscalYear(plan.period.to) : null,
    method: plan ? METHOD_CHOICES[plan.evaluation.method] : null,
    municipalityCode: plan?.municipalityCode ?? null,
    population: plan?.population ? figure(plan.population.value) : null,
    populationYear: plan?.population?.year ? formatFiscalYear(plan.population.year) : null,
  };
  (Object.keys(PLAN_ITEMS) as PlanItem[]).forEach((item, i) => {
    const row = FIRST_DATA_ROW + i;
    setCell(sheet, row, 1, PLAN_ITEMS[item]);
    sheet.getCell(row, 1).font = { bold: true };
    setCell(sheet, row, 2, values[item]);
    // A code is text: typed as a number, Excel would drop 北海道's leading 0.
    if (item === 'municipalityCode') sheet.getCell(row, 2).numFmt = '@';
    sheet.getCell(row, 2).fill = INPUT_FILL;
    setCell(sheet, row, 3, PLAN_NOTES[item]);
    sheet.getRow(row).height = rowHeight([
      { text: shownText(values[item]), width: 50 },
      { text: PLAN_NOTES[item], width: 70 },
    ]);
  });
  const methodRow = FIRST_DATA_ROW + Object.keys(PLAN_ITEMS).indexOf('method');
  (sheet as WithValidations).dataValidations.add(`B${methodRow}`, {
    type: 'list',
    formulae: [`"${Object.values(METHOD_CHOICES).join(',')}"`],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '一覧から選んでください',
    error: `${Object.values(METHOD_CHOICES).join('、')}のどれかを選んでください。`,
  });
}

function goalRows(plan: Plan): MasterValue[][] {
  return plan.goals.map((g) => [g.id, KIND_CHOICES[g.kind], g.number, g.title]);
}

const figure = (value: DecimalString): MasterValue => ({ figure: value });

/** The direction a row states: the KPI's, or a series's where its baseline and target do not imply it. */
function rowDirection(kpi: Kpi, series: Series): string | null {
  if (kpi.direction) return DIRECTION_CHOICES[kpi.direction];
  const implied =
    series.baseline && !series.target.none
      ? impliedDirection(series.baseline.value, series.target.value)
      : null;
  return implied === series.direction ? null : DIRECTION_CHOICES[series.direction];
}

function kpiRows(plan: Plan): MasterValue[][] {
  const rows: MasterValue[][] = [];
  for (const goal of plan.goals) {
    for (const id of goal.kpiIds) {
      const kpi = plan.kpis.get(id);
      if (!kpi) continue;
      if (kpi.goalId !== goal.id) {
        rows.push([goal.id, kpi.id]);
        continue;
      }
      for (const series of kpi.series) {
        const b = series.baseline;
        const t = series.target;
        rows.push([
          goal.id,
          kpi.id,
          series.label,
          kpi.name,
          kpi.category.length > 0 ? kpi.category.join(CATEGORY_JOINER) : null,
          kpi.unit,
          rowDirection(kpi, series),
          kpi.department,
          b ? figure(b.value) : null,
          b?.span ? formatYearSpan(b.span) : null,
          t.none ? null : figure(t.value),
          t.none ? null : formatFiscalYear(t.year),
          kpi.indicator ? INDICATOR_CHOICES[kpi.indicator] : null,
        ]);
      }
    }
  }
  return rows;
}

function entryCell(entry: FigureEntry): MasterValue {
  if (entry.kind === 'value') return figure(entry.value);
  return entry.kind === 'missing' ? entry.reason : null;
}

function actualRows(plan: Plan): MasterValue[][] {
  const rows: MasterValue[][] = [];
  for (const kpi of plan.kpis.values()) {
    for (const series of kpi.series) {
      const years = [...series.actuals.keys()].sort((a, b) => a - b);
      for (const year of years) {
        rows.push([
          kpi.id,
          series.label,
          formatFiscalYear(year),
          entryCell(series.actuals.get(year) as FigureEntry),
          series.provisional.has(year) ? STATE_CHOICES.provisional : STATE_CHOICES.final,
          kpi.name,
        ]);
      }
    }
  }
  return rows;
}

function assessmentRows(plan: Plan): MasterValue[][] {
  const rows: MasterValue[][] = [];
  for (const kpi of plan.kpis.values()) {
    const years = [...kpi.assessments.keys()].sort((a, b) => a - b);
    for (const year of years) {
      const a = kpi.assessments.get(year);
      if (a) rows.push([kpi.id, formatFiscalYear(year), a.status, a.text, kpi.name]);
    }
  }
  return rows;
}
