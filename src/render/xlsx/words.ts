import type { Messages } from '../messages.ts';

/** The workbook's own words: headings a spreadsheet needs that no slide prints. */
export interface WorkbookWords {
  readonly status: string;
  readonly achievedCount: string;
  readonly evaluatedCount: string;
  readonly milestone: string;
  /** The heading of the column naming the year judged (直近値). */
  readonly judged: string;
  /** The unit of a difference of percentages. */
  readonly points: string;
  readonly kpiList: string;
  readonly chartDescription: string;
  readonly rawSheet: string;
  readonly raw: {
    readonly goal: string;
    readonly goalTitle: string;
    readonly kpiId: string;
    readonly series: string;
    readonly unit: string;
    readonly fiscalYear: string;
    readonly year: string;
    readonly value: string;
    readonly note: string;
    readonly baselineYear: string;
    readonly targetYear: string;
  };
}

const JA: WorkbookWords = {
  status: '状況',
  achievedCount: '達成数',
  evaluatedCount: '評価対象数',
  milestone: '中間目標',
  judged: '評価に用いた値',
  points: 'ポイント',
  kpiList: '数値目標ごとの状況（重複を除く）',
  chartDescription: 'グラフの内容',
  rawSheet: 'データ',
  raw: {
    goal: '目標',
    goalTitle: '目標名',
    kpiId: '数値目標ID',
    series: '系列',
    unit: '単位',
    fiscalYear: '年度（西暦）',
    year: '年度',
    value: '実績値',
    note: '備考',
    baselineYear: '現状値の年度',
    targetYear: '目標年度',
  },
};

const EN: WorkbookWords = {
  status: 'Status',
  achievedCount: 'Achieved',
  evaluatedCount: 'Evaluated',
  milestone: 'Interim target',
  judged: 'Figure judged',
  points: ' points',
  kpiList: 'Status of each KPI (counted once)',
  chartDescription: 'What the chart shows',
  rawSheet: 'Data',
  raw: {
    goal: 'Goal',
    goalTitle: 'Goal title',
    kpiId: 'KPI id',
    series: 'Series',
    unit: 'Unit',
    fiscalYear: 'Fiscal year',
    year: 'Year',
    value: 'Actual',
    note: 'Note',
    baselineYear: 'Baseline year',
    targetYear: 'Target year',
  },
};

export function workbookWords(messages: Messages): WorkbookWords {
  return messages.lang === 'en' ? EN : JA;
}
