import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';
import type { Change } from '../../core/edition-comparison.ts';

/** Across years: the rates' trend on the plan page, a KPI's years, and the comparison of two editions. */
export const yearsJa = {
  trend: {
    heading: '年度ごとの達成率の推移',
    intro: '公表した各年度の最新版の達成率です。年度を選ぶと、その年度の実施状況を表示します。',
    overall: '全体',
    oneYear: '公表した年度が一つのため、推移のグラフはまだありません。',
    tableHeading: '年度ごとの達成率（表）',
    chartLabel: '年度ごとの達成率の推移のグラフ',
    tally: (rate: string, achieved: number, evaluated: number): string =>
      `${rate}（${achieved}／${evaluated}指標）`,
    describe: (name: string, points: readonly string[]): string => `${name}：${points.join('、')}`,
    point: (year: FiscalYear, rate: string): string => `${formatFiscalYear(year)} ${rate}`,
    between: '／',
    compareLink: '二つの年度・版を比べる',
  },
  kpiYears: {
    heading: '年度ごとの評価',
    intro: '公表した各年度の最新版での、この数値目標の実績値と評価です。',
    year: '年度',
    edition: '版',
    actual: '実績値',
    status: '評価',
    notInPlan: 'この年度の計画にはありません',
  },
  compare: {
    title: '年度・版の比較',
    intro:
      '公表した二つの年度または版を選ぶと、数値目標ごとの実績値・評価と、目標ごとの達成率の違いを表示します。',
    from: '比較元',
    to: '比較先',
    submit: '比較する',
    latestOption: (year: FiscalYear, n: number): string => `${formatFiscalYearLong(year)}（最新の第${n}版）`,
    editionOption: (year: FiscalYear, n: number): string => `${formatFiscalYearLong(year)} 第${n}版`,
    shown: (year: FiscalYear, n: number): string => `${formatFiscalYearLong(year)} 第${n}版`,
    fromTo: (from: string, to: string): string => `${from} → ${to}`,
    onlyOne:
      '公表している版が一つだけのため、比較できません。次の年度または訂正版が公表されると比較できます。',
    ratesHeading: '達成率の比較',
    kpisHeading: '数値目標ごとの比較',
    goal: '目標',
    kpi: '数値目標',
    difference: '差',
    change: '変化',
    actual: '実績値',
    status: '評価',
    points: (difference: string): string => `${difference}ポイント`,
    absent: 'この版の計画にはありません',
    summary: (counts: Readonly<Record<Change, number>>): string =>
      `改善${counts.improved}・悪化${counts.worsened}・新たに評価${counts.new}・評価なしに${counts.dropped}・値が変化${counts.changed}・変化なし${counts.unchanged}（指標数）`,
    changes: {
      improved: '改善',
      worsened: '悪化',
      new: '新たに評価',
      dropped: '評価なしに',
      changed: '値が変化',
      unchanged: '変化なし',
    } as Readonly<Record<Change, string>>,
    problemsHeading: '比較できません。選び直してください。',
    tooLong: (field: string, max: number): string => `${field}の指定が長すぎます（${max}文字まで）。`,
    notAYear: (field: string, text: string): string =>
      `${field}の「${text}」は年度として読めません。一覧から選ぶか、R4、令和4年度、2022 のように指定してください。`,
    notPublished: (field: string, year: FiscalYear): string =>
      `${field}の${formatFiscalYearLong(year)}の実施報告は公表されていません。`,
    noEdition: (field: string, year: FiscalYear, n: string): string =>
      `${field}の${formatFiscalYearLong(year)}に第${n}版はありません。`,
    same: '比較元と比較先に同じ版が選ばれています。別の年度または版を選んでください。',
  },
  draftComparison: {
    heading: (n: number): string => `公表中の第${n}版との違い`,
    intro: 'いま公表すると、公表中の版から次のように変わります。変化のない数値目標は表に載せていません。',
    noChange: '公表中の版から変わる数値目標はありません。',
    published: (n: number): string => `公表中の第${n}版`,
    draft: '案（現在の値）',
    ratesHeading: '達成率',
    kpisHeading: '変わる数値目標',
  },
};

export type YearsWords = typeof yearsJa;

const enYear = (year: FiscalYear): string => `FY${year} (${formatFiscalYear(year)})`;

export const yearsEn: YearsWords = {
  trend: {
    heading: 'Achievement rates by year',
    intro: 'The rates of each published year’s latest edition. Choose a year to see its status.',
    overall: 'Overall',
    oneYear: 'Only one year has been published, so there is no trend to chart yet.',
    tableHeading: 'Achievement rates by year (table)',
    chartLabel: 'Chart of the achievement rates by year',
    tally: (rate, achieved, evaluated) => `${rate} (${achieved} of ${evaluated})`,
    describe: (name, points) => `${name}: ${points.join(', ')}`,
    point: (year, rate) => `${formatFiscalYear(year)} ${rate}`,
    between: ' / ',
    compareLink: 'Compare two years or editions',
  },
  kpiYears: {
    heading: 'Results by year',
    intro: 'This KPI’s actual value and result in each published year’s latest edition.',
    year: 'Year',
    edition: 'Edition',
    actual: 'Actual',
    status: 'Result',
    notInPlan: 'Not in that year’s plan',
  },
  compare: {
    title: 'Compare years and editions',
    intro:
      'Choose two published years or editions to see how each KPI’s actual value and result, and each goal’s rate, changed.',
    from: 'From',
    to: 'To',
    submit: 'Compare',
    latestOption: (year, n) => `${enYear(year)} (latest, edition ${n})`,
    editionOption: (year, n) => `${enYear(year)}, edition ${n}`,
    shown: (year, n) => `${enYear(year)}, edition ${n}`,
    fromTo: (from, to) => `${from} → ${to}`,
    onlyOne:
      'Only one edition has been published, so there is nothing to compare yet. A later year or a corrected edition can be compared once published.',
    ratesHeading: 'Achievement rates compared',
    kpisHeading: 'KPIs compared',
    goal: 'Goal',
    kpi: 'KPI',
    difference: 'Difference',
    change: 'Change',
    actual: 'Actual',
    status: 'Result',
    points: (difference) => `${difference} pt`,
    absent: 'Not in this edition’s plan',
    summary: (counts) =>
      `KPIs: ${counts.improved} improved, ${counts.worsened} worsened, ${counts.new} newly evaluated, ${counts.dropped} no longer evaluated, ${counts.changed} changed in value, ${counts.unchanged} unchanged.`,
    changes: {
      improved: 'Improved',
      worsened: 'Worsened',
      new: 'Newly evaluated',
      dropped: 'No longer evaluated',
      changed: 'Value changed',
      unchanged: 'Unchanged',
    },
    problemsHeading: 'These cannot be compared. Please choose again.',
    tooLong: (field, max) => `${field}: the choice is too long (at most ${max} characters).`,
    notAYear: (field, text) =>
      `${field}: “${text}” is not a year. Choose one from the list, or write it as R4, 令和4年度 or 2022.`,
    notPublished: (field, year) => `${field}: no report has been published for ${enYear(year)}.`,
    noEdition: (field, year, n) => `${field}: ${enYear(year)} has no edition ${n}.`,
    same: 'From and To are the same edition. Choose another year or edition.',
  },
  draftComparison: {
    heading: (n) => `Changes from the published edition ${n}`,
    intro:
      'Publishing now would change the published edition as follows. KPIs that would not change are left out of the table.',
    noChange: 'No KPI would change from the published edition.',
    published: (n) => `Published edition ${n}`,
    draft: 'Draft (current figures)',
    ratesHeading: 'Achievement rates',
    kpisHeading: 'KPIs that would change',
  },
};
