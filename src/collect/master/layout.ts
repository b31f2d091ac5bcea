import { INDICATORS, type IndicatorCode } from '../../core/indicators.ts';
/**
 * The layout of the office's plan master workbook (docs/excel-master.md), shared by the writer and the
 * reader. The reader finds each column by its header text in row 1, so columns may be moved or added;
 * the sheet names and header texts are the contract.
 */

export const GUIDE_SHEET = '説明';
export const EXAMPLE_SHEET = '記入例';
export const PLAN_SHEET = '計画';
export const GOAL_SHEET = '目標';
export const KPI_SHEET = 'KPI';
export const ACTUAL_SHEET = '実績';
export const ASSESSMENT_SHEET = '評価';

/** The sheets the reader needs, in the workbook's order. 説明 and 記入例 are for people and never read. */
export const DATA_SHEETS = [PLAN_SHEET, GOAL_SHEET, KPI_SHEET, ACTUAL_SHEET, ASSESSMENT_SHEET] as const;
export type DataSheet = (typeof DATA_SHEETS)[number];

export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;

/** The 計画 sheet is a list of items: the label in column A, its value in column B. */
export const PLAN_ITEMS = {
  id: '計画ID',
  title: '計画名',
  municipality: '自治体名',
  from: '計画期間（開始年度）',
  to: '計画期間（終了年度）',
  method: '評価方法',
  municipalityCode: '団体コード',
  population: '人口',
  populationYear: '人口の年度',
} as const;
export type PlanItem = keyof typeof PLAN_ITEMS;
export const PLAN_HEADERS = ['項目', '値', '説明'] as const;

export const GOAL_COLUMNS = {
  id: '目標ID',
  kind: '種別',
  number: '番号',
  title: '目標名',
} as const;

export const KPI_COLUMNS = {
  goal: '目標ID',
  id: 'KPI ID',
  series: '系列',
  name: '数値目標',
  category: '区分',
  unit: '単位',
  direction: '向き',
  department: '担当課',
  baseline: '現状値',
  baselineYear: '現状値の年度',
  target: '目標値',
  targetYear: '目標値の年度',
  indicator: '比較指標',
} as const;

export const ACTUAL_COLUMNS = {
  kpi: 'KPI ID',
  series: '系列',
  year: '年度',
  value: '実績値',
  state: '確定・見込',
  name: '数値目標（参考）',
} as const;

export const ASSESSMENT_COLUMNS = {
  kpi: 'KPI ID',
  year: '年度',
  status: '状況の文言',
  text: '達成状況・要因及び対策等',
  name: '数値目標（参考）',
} as const;

/** Columns people fill in for their own reference, which the reader never takes. */
export const REFERENCE_ONLY: readonly string[] = [ACTUAL_COLUMNS.name, ASSESSMENT_COLUMNS.name];
/** Columns added after masters were first handed out: a master without them still reads, as if blank. */
export const OPTIONAL_COLUMNS: readonly string[] = [KPI_COLUMNS.indicator];
/** The common indicators (core/indicators.ts) as the list cell prints them: the Japanese name. */
export const INDICATOR_CHOICES = Object.fromEntries(INDICATORS.map((i) => [i.code, i.ja])) as Readonly<
  Record<IndicatorCode, string>
>;

/** The choices of the list cells, as printed; the reader also takes the plan file's own words. */
export const KIND_CHOICES = { basic: '基本目標', 'cross-cutting': '横断的な目標' } as const;
export const DIRECTION_CHOICES = { increase: '増やす', decrease: '減らす' } as const;
export const STATE_CHOICES = { final: '確定', provisional: '見込' } as const;
export const METHOD_CHOICES = {
  progress: '目標進捗率',
  ratio: '達成率（実績÷目標）',
  pace: 'ペース（計画年数按分）',
} as const;

/** Several 区分 in one cell: 成果、比較 (、・, and ／ all separate). */
export const CATEGORY_SEPARATOR = /[、,，・／/]/;
export const CATEGORY_JOINER = '、';

/** The rows a data validation list covers below the header: enough for a plan, far below the range limit. */
export const VALIDATION_ROWS = 5000;
