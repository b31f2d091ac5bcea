import type { ApartReason } from '../../core/indicator-comparison.ts';
import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';

/** The comparable-KPI pages (/compare/indicators): the list, one indicator's comparison and its CSV. */
const ja = (n: number): string => n.toLocaleString('ja-JP');
const en = (n: number): string => n.toLocaleString('en-US');

export const indicatorJa = {
  navIndicators: '指標の比較',
  indicators: {
    listTitle: '比較可能指標',
    listIntro:
      '複数の自治体が同じ定義で測っている指標（比較可能指標）を、自治体どうしで比べられます。人口規模で変わる件数は、人口当たりに直して比べます。',
    listColumns: {
      indicator: '指標',
      unit: '単位',
      basis: '比べ方',
      better: '良い向き',
      plans: '報告している計画',
    },
    plans: (n: number): string => `${ja(n)}計画`,
    asItStands: 'そのまま',
    perResidents: (n: number): string => `人口${ja(n)}人当たり`,
    better: { increase: '高いほど良い', decrease: '低いほど良い' } as Record<string, string>,
    noUnit: '—',
    title: (name: string, scope: string, year: FiscalYear): string =>
      `${name}（${scope}・${formatFiscalYearLong(year)}）`,
    nation: '全国',
    scopeLabel: '地域',
    yearLabel: '年度',
    show: '表示',
    problemsHeading: '指定に誤りがあります',
    csv: (scope: string): string => `${scope}のデータ（CSV）`,
    dictionaryLink: 'データ項目の説明（CSV）',
    backToList: '比較可能指標の一覧へ',
    source: (source: string): string => `出典の定義：${source}`,
    basisNote: (basis: string): string =>
      `比べ方：${basis}。順位は同じ値を同順位とし、並び順は良い向きの順です。`,
    yearNote: '各計画のその年度の公表値（その年度の最新版）を比べます。他の年度の値で補いません。',
    chartTitle: (group: string): string => `${group}の分布`,
    chartSummary: (count: number, median: string, q1: string, q3: string): string =>
      `${ja(count)}団体、中央値${median}、四分位範囲${q1}〜${q3}。`,
    groupAll: '全体',
    standing: (scope: string, count: number, rank: number, tied: boolean): string =>
      `${scope === '全国' ? '全国' : `${scope}内`}${ja(count)}団体中${tied ? '同率' : ''}${ja(rank)}位`,
    standingOf: (municipality: string, standing: string): string => `${municipality}は${standing}です。`,
    notRanked: (municipality: string): string =>
      `${municipality}はこの比較で順位が付いていません（下の「比べられない値」をご覧ください）。`,
    columns: {
      rank: '順位',
      municipality: '自治体',
      plan: '計画・KPI',
      figure: '公表値',
      perResidents: (n: number): string => `人口${ja(n)}人当たり`,
      population: '人口（年）',
      status: 'KPIの評価',
      progress: '目標進捗率',
      reason: '理由',
    },
    tableCaption: (group: string): string => `${group}の順位`,
    apartTitle: '比べられない値',
    apartIntro: '次の値は順位に含めていません。',
    reason: (r: ApartReason): string => {
      switch (r.code) {
        case 'no-figure':
          return 'この年度の値がありません';
        case 'missing':
          return `この年度の値がありません（${r.reason}）`;
        case 'bound':
          return '値が「以上」「未満」などの範囲で示されています';
        case 'cumulative':
          return '累計値のため、年度の値と比べられません';
        case 'unit':
          return `単位が指標と異なります（${r.unit ?? '単位なし'}）`;
        case 'no-population':
          return '計画に人口が示されていません';
      }
    },
    noRows: 'この年度・地域で、この指標を報告している公表済みの計画はありません。',
    populationText: (value: string, year: FiscalYear | null): string =>
      year === null ? `${value}人` : `${value}人（${formatFiscalYear(year)}）`,
    ranked: (rank: number, tied: boolean): string => `${tied ? '同率' : ''}${ja(rank)}位`,
    highlightLabel: (name: string, rank: number): string => `${name} ${ja(rank)}位`,
    median: (value: string): string => `中央値 ${value}`,
    axis: (basis: string, unit: string): string => (unit === '' ? basis : `${basis}（${unit}）`),
    problems: {
      tooLong: (field: string, length: number): string =>
        `「${field}」は${length}文字以内で指定してください。`,
      prefecture: (field: string): string => `「${field}」は都道府県コード（01〜47）で指定してください。`,
      year: (field: string): string => `「${field}」は年度（例：R4、2022）で指定してください。`,
      highlight: (field: string): string => `「${field}」は6桁の全国地方公共団体コードで指定してください。`,
      indicator: (code: string): string => `比較可能指標「${code}」はありません。`,
      fields: { pref: '地域', year: '年度', highlight: '強調する自治体' },
    },
    csvHeaders: {
      indicator: '指標コード',
      indicatorName: '指標名',
      year: '年度',
      series: '系列',
      rank: '順位',
      municipalityCode: '団体コード',
      municipality: '自治体名',
      plan: '計画ID',
      kpi: 'KPI ID',
      kpiName: 'KPI名',
      figure: '公表値',
      unit: '単位',
      perResidents: '人口当たりの値',
      per: '人口当たりの人数',
      population: '人口',
      populationYear: '人口の年',
      status: 'KPIの評価',
      progress: '目標進捗率（%）',
      apart: '順位外の理由',
    },
    dictionaryHeaders: { column: '項目名', description: '説明', type: '型' },
    dictionary: {
      indicator: ['指標のコード（docs/indicators.md）', '文字列'],
      indicatorName: ['指標の名称', '文字列'],
      year: ['比べた年度（R4など）', '文字列'],
      series: ['KPIの系列（男性・女性など）。系列のないKPIは空欄。系列ごとに別に順位を付けます', '文字列'],
      rank: ['良い向きの順の順位（同じ値は同順位）。順位外は空欄', '整数'],
      municipalityCode: ['全国地方公共団体コード（6桁）', '文字列'],
      municipality: ['計画に記載された自治体名', '文字列'],
      plan: ['計画のID', '文字列'],
      kpi: ['計画内のKPIのID', '文字列'],
      kpiName: ['KPIの名称', '文字列'],
      figure: ['その年度の公表値（10進数の文字列、計画に書かれた桁のまま）', '10進数'],
      unit: ['公表値の単位', '文字列'],
      perResidents: [
        '公表値 × 人口当たりの人数 ÷ 人口（小数第3位に四捨五入）。そのまま比べる指標は空欄',
        '10進数',
      ],
      per: ['人口当たりで比べる人数（1000など）。そのまま比べる指標は空欄', '整数'],
      population: ['計画に記載された人口', '整数'],
      populationYear: ['人口の年', '文字列'],
      status: ['その計画でのKPIの評価（達成・未達成・未評価）', '文字列'],
      progress: ['その計画でのKPIの目標進捗率（%）', '10進数'],
      apart: ['順位に含めなかった理由。順位が付いた行は空欄', '文字列'],
    } as Record<string, readonly [string, string]>,
  },
};

export type IndicatorWords = typeof indicatorJa;

export const indicatorEn: IndicatorWords = {
  navIndicators: 'Compare indicators',
  indicators: {
    listTitle: 'Comparable indicators',
    listIntro:
      'Indicators that several municipalities measure the same way (comparable indicators), set side by side. Counts, which grow with the town, are compared per so many residents.',
    listColumns: {
      indicator: 'Indicator',
      unit: 'Unit',
      basis: 'Compared',
      better: 'Better',
      plans: 'Plans reporting it',
    },
    plans: (n) => `${en(n)} ${n === 1 ? 'plan' : 'plans'}`,
    asItStands: 'as it stands',
    perResidents: (n) => `per ${en(n)} residents`,
    better: { increase: 'higher is better', decrease: 'lower is better' },
    noUnit: '—',
    title: (name, scope, year) => `${name} (${scope}, FY${year})`,
    nation: 'Japan',
    scopeLabel: 'Area',
    yearLabel: 'Year',
    show: 'Show',
    problemsHeading: 'Please check your choices',
    csv: (scope) => `Data for ${scope} (CSV)`,
    dictionaryLink: 'Data dictionary (CSV)',
    backToList: 'All comparable indicators',
    source: (source) => `Definition: ${source}`,
    basisNote: (basis) => `Compared ${basis}. Equal figures share a rank; the order is best first.`,
    yearNote:
      "Each plan's published figure of that year (the year's latest edition) is compared; no other year's figure stands in for it.",
    chartTitle: (group) => `Distribution: ${group}`,
    chartSummary: (count, median, q1, q3) =>
      `${en(count)} municipalities, median ${median}, interquartile range ${q1} to ${q3}.`,
    groupAll: 'All',
    standing: (scope, count, rank, tied) =>
      `${tied ? 'joint ' : ''}${ordinal(rank)} of ${en(count)} municipalities in ${scope}`,
    standingOf: (municipality, standing) => `${municipality} is ${standing}.`,
    notRanked: (municipality) =>
      `${municipality} is not ranked in this comparison (see "Figures not compared" below).`,
    columns: {
      rank: 'Rank',
      municipality: 'Municipality',
      plan: 'Plan and KPI',
      figure: 'Published figure',
      perResidents: (n) => `Per ${en(n)} residents`,
      population: 'Population (year)',
      status: 'KPI status',
      progress: 'Progress',
      reason: 'Reason',
    },
    tableCaption: (group) => `Ranking: ${group}`,
    apartTitle: 'Figures not compared',
    apartIntro: 'These figures are not ranked.',
    reason: (r) => {
      switch (r.code) {
        case 'no-figure':
          return 'No figure for the year';
        case 'missing':
          return `No figure for the year (${r.reason})`;
        case 'bound':
          return 'Known only as a bound (at least, less than)';
        case 'cumulative':
          return 'A running total, not comparable with a yearly figure';
        case 'unit':
          return `A unit other than the indicator's (${r.unit ?? 'none'})`;
        case 'no-population':
          return 'The plan states no population';
      }
    },
    noRows: 'No published plan reports this indicator for this year and area.',
    populationText: (value, year) => (year === null ? value : `${value} (${formatFiscalYear(year)})`),
    ranked: (rank, tied) => `${tied ? '=' : ''}${en(rank)}`,
    highlightLabel: (name, rank) => `${name}: ${ordinal(rank)}`,
    median: (value) => `Median ${value}`,
    axis: (basis, unit) => (unit === '' ? basis : `${basis} (${unit})`),
    problems: {
      tooLong: (field, length) => `${field}: at most ${length} characters.`,
      prefecture: (field) => `${field}: give a prefecture code (01 to 47).`,
      year: (field) => `${field}: give a fiscal year (R4, 2022).`,
      highlight: (field) => `${field}: give a six-digit municipality code.`,
      indicator: (code) => `There is no comparable indicator "${code}".`,
      fields: { pref: 'Area', year: 'Year', highlight: 'Municipality to highlight' },
    },
    csvHeaders: {
      indicator: 'indicator',
      indicatorName: 'indicator_name',
      year: 'year',
      series: 'series',
      rank: 'rank',
      municipalityCode: 'municipality_code',
      municipality: 'municipality',
      plan: 'plan',
      kpi: 'kpi',
      kpiName: 'kpi_name',
      figure: 'figure',
      unit: 'unit',
      perResidents: 'per_residents_figure',
      per: 'per_residents',
      population: 'population',
      populationYear: 'population_year',
      status: 'kpi_status',
      progress: 'progress_percent',
      apart: 'not_ranked_reason',
    },
    dictionaryHeaders: { column: 'column', description: 'description', type: 'type' },
    dictionary: {
      indicator: ['The indicator code (docs/indicators.md)', 'string'],
      indicatorName: ["The indicator's name", 'string'],
      year: ['The fiscal year compared (R4)', 'string'],
      series: [
        "The KPI's series (male, female); empty for a KPI without series. Each series is ranked apart",
        'string',
      ],
      rank: ['Rank, best first (equal figures share a rank); empty when not ranked', 'integer'],
      municipalityCode: ['The six-digit municipality code', 'string'],
      municipality: ['The municipality as the plan names it', 'string'],
      plan: ["The plan's id", 'string'],
      kpi: ["The KPI's id in its plan", 'string'],
      kpiName: ["The KPI's name", 'string'],
      figure: ["The year's published figure, a decimal string with the plan's places", 'decimal'],
      unit: ["The figure's unit", 'string'],
      perResidents: [
        'figure × per_residents ÷ population, rounded half-up to 3 places; empty where compared as it stands',
        'decimal',
      ],
      per: ['The residents the figure is compared per (1000); empty where compared as it stands', 'integer'],
      population: ['The population the plan states', 'integer'],
      populationYear: ['The year of the population', 'string'],
      status: ["The KPI's status in its plan", 'string'],
      progress: ["The KPI's progress towards its target, in %", 'decimal'],
      apart: ['Why the figure is not ranked; empty for a ranked one', 'string'],
    },
  },
};

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${en(n)}${suffix}`;
}
