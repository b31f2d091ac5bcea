import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';

const n = (value: number): string => value.toLocaleString('ja-JP');
const e = (value: number): string => value.toLocaleString('en-US');

/** The public directory of municipalities and the comparison of achievement rates across them. */
export const directoryJa = {
  directory: {
    title: '自治体一覧',
    intro:
      '実施報告を公表している自治体を都道府県ごとに表示します。自治体名を選ぶと、その自治体の計画を表示します。',
    frontLink: '自治体一覧から探す（都道府県別）',
    compareLink: '自治体の達成率を比較する',
    prefectureTitle: (prefecture: string): string => `${prefecture}の自治体`,
    prefectureIntro: (prefecture: string, count: number): string =>
      `${prefecture}で実施報告を公表している自治体は${n(count)}団体です。`,
    prefectures: '都道府県',
    prefectureCount: (count: number): string => `${n(count)}団体`,
    emptyPrefectures: (count: number): string => `公表している自治体のない都道府県（${n(count)}）`,
    searchLabel: '自治体名・団体コードで検索',
    searchHint: '自治体名の一部、または6桁（5桁でも可）の全国地方公共団体コードを入力してください。',
    searchIn: (prefecture: string): string => `${prefecture}の中から探す`,
    button: '検索',
    clear: '検索を解除',
    summary: (total: number, from: number, to: number): string =>
      `${n(total)}団体中 ${n(from)}〜${n(to)}団体目を表示しています。`,
    summaryFor: (text: string, total: number): string => `「${text}」に一致する自治体は${n(total)}団体です。`,
    noMatch: (text: string): string => `「${text}」に一致する自治体はありません。別の語でお試しください。`,
    none: '実施報告を公表している自治体はまだありません。',
    columns: { code: '団体コード', name: '自治体', prefecture: '都道府県', plans: '公表している計画' },
    planCount: (count: number): string => `${n(count)}件`,
    pagesNav: '自治体一覧のページ',
    municipalityTitle: (name: string): string => `${name}の計画`,
    municipalityIntro: (name: string, code: string): string =>
      `${name}（団体コード ${code}）が実施報告を公表している計画です。`,
    standingLink: (prefecture: string, year: FiscalYear): string =>
      `${formatFiscalYearLong(year)}の達成率の${prefecture}内での位置`,
    backToPrefecture: (prefecture: string): string => `${prefecture}の自治体一覧へ`,
    backToDirectory: '自治体一覧へ',
    fields: {
      q: '検索語',
      pref: '都道府県',
      page: 'ページ',
      year: '年度',
      highlight: '強調する団体',
      sort: '並べ替え',
      code: '団体コード',
    },
    problems: {
      tooLong: (field: string, limit: number): string => `${field}：${n(limit)}文字以内で指定してください。`,
      control: (field: string): string => `${field}：制御文字は使えません。`,
      notPrefecture: (field: string, text: string): string =>
        `${field}：「${text}」は都道府県コード（01〜47）でも都道府県名でもありません。`,
      notPage: (field: string, text: string): string => `${field}：「${text}」はページ番号ではありません。`,
      notYear: (field: string, text: string): string =>
        `${field}：「${text}」は年度として読めません（R4、2022、令和4年度などと書きます）。`,
      noYear: (field: string, year: FiscalYear): string =>
        `${field}：${formatFiscalYearLong(year)}の実施報告を公表している自治体はありません。`,
      notCode: (field: string, text: string): string =>
        `${field}：「${text}」は全国地方公共団体コード（検査数字を含む6桁）ではありません。`,
      notCompared: (field: string, code: string): string =>
        `${field}：団体コード ${code} の自治体はこの比較に含まれていません。`,
      notSort: (field: string, text: string): string => `${field}：「${text}」では並べ替えられません。`,
      heading: '指定された条件を読み取れませんでした',
    },
    notFound: (code: string): string => `団体コード ${code} の自治体は実施報告を公表していません。`,
    notFoundHint: '自治体一覧から探してください。',
  },
  rateCompare: {
    title: '自治体の達成率の比較',
    heading: (scope: string, year: FiscalYear): string =>
      `${scope}の自治体の達成率（${formatFiscalYearLong(year)}）`,
    nation: '全国',
    intro:
      '各自治体の計画について、この年度に公表された最新の版の達成率（達成した数値目標の数÷評価した数値目標の数）を比べます。基本目標・横断的な目標ごとの達成率も示します。達成率は各計画の端数処理によらず、分数のまま比べて順位を付けています。',
    yearsNav: '年度',
    choiceLabel: (name: string): string => `${name}：`,
    scopeNav: '範囲',
    wholeNation: '全国',
    chartHeading: '全体の達成率の分布',
    chartLabel: (scope: string): string => `${scope}の自治体の全体の達成率の分布（10ポイントごとの団体数）`,
    band: (from: number, to: number): string => `${from}〜${to}%`,
    bandCount: (count: number): string => `${n(count)}`,
    axisPlans: '計画数',
    describe: (bands: readonly string[], median: string | null, missing: number): string =>
      `10ポイントごとの計画数は、${bands.join('、')}です。` +
      (median === null ? '' : `中央値は${median}%です。`) +
      (missing > 0 ? `評価した数値目標がなく達成率のない計画が${n(missing)}件あります。` : ''),
    bandText: (band: string, count: number): string => `${band}が${n(count)}件`,
    medians: '中央値',
    medianText: (measure: string, median: string | null): string =>
      `${measure}：${median === null ? '—' : `${median}%`}`,
    highlightMarker: '★',
    standing: (
      scope: string,
      total: number,
      rank: number,
      tied: number,
      top: number,
      unit: 'municipality' | 'plan',
    ): string =>
      `${scope}${n(total)}${unit === 'plan' ? '計画' : '団体'}中${n(rank)}位${tied > 1 ? `（同率${n(tied)}${unit === 'plan' ? '計画' : '団体'}）` : ''}（上位${top}%）`,
    // 県内, 都内, 道内, 府内: the prefecture's own last character.
    inPrefecture: (prefecture: string): string => `${prefecture.slice(-1)}内`,
    inNation: '全国',
    highlighted: (name: string, plan: string, rate: string, standing: string): string =>
      `${name}（${plan}）の全体の達成率は${rate}%で、${standing}です。`,
    highlightedNoRate: (name: string, plan: string): string =>
      `${name}（${plan}）には評価した数値目標がないため、達成率と順位はありません。`,
    highlightedBand: '★は強調している自治体の階級です。',
    tableHeading: '自治体ごとの達成率',
    tableCaption: (count: number): string => `${n(count)}件の計画。見出しのリンクで並べ替えられます。`,
    columns: {
      rank: '順位',
      code: '団体コード',
      municipality: '自治体',
      plan: '計画',
      overall: '全体',
      basic: '基本目標',
      crossCutting: '横断的な目標',
      edition: '報告',
    },
    sortBy: (column: string): string => `${column}の高い順に並べ替え`,
    sortByCode: '団体コード順に並べ替え',
    sortedBy: '（並べ替え中）',
    rateCell: (rate: string, achieved: number, evaluated: number): string =>
      `${rate}%（${n(achieved)}／${n(evaluated)}）`,
    tie: '同率',
    noRate: '—',
    editionLink: (year: FiscalYear, edition: number): string => `${formatFiscalYear(year)} 第${n(edition)}版`,
    highlightLink: (name: string): string => `${name}を強調`,
    none: 'この範囲と年度に実施報告を公表している自治体はありません。',
    csv: '比較をCSVでダウンロード',
    dictionary: 'CSVの項目定義書',
  },
};

export type DirectoryWords = typeof directoryJa;

export const directoryEn: DirectoryWords = {
  directory: {
    title: 'Municipalities',
    intro: 'Municipalities that publish implementation reports, by prefecture. Choose one to see its plans.',
    frontLink: 'Find a municipality (by prefecture)',
    compareLink: 'Compare achievement rates across municipalities',
    prefectureTitle: (prefecture) => `Municipalities in ${prefecture}`,
    prefectureIntro: (prefecture, count) =>
      `${e(count)} ${count === 1 ? 'municipality publishes' : 'municipalities publish'} reports in ${prefecture}.`,
    prefectures: 'Prefectures',
    prefectureCount: (count) => `${e(count)} ${count === 1 ? 'municipality' : 'municipalities'}`,
    emptyPrefectures: (count) => `Prefectures with no municipality publishing (${e(count)})`,
    searchLabel: 'Search by municipality name or code',
    searchHint: 'Type part of the name, or the six-digit (or five-digit) local government code.',
    searchIn: (prefecture) => `Search within ${prefecture}`,
    button: 'Search',
    clear: 'Clear the search',
    summary: (total, from, to) => `Showing ${e(from)}–${e(to)} of ${e(total)} municipalities.`,
    summaryFor: (text, total) =>
      `${e(total)} ${total === 1 ? 'municipality matches' : 'municipalities match'} “${text}”.`,
    noMatch: (text) => `No municipality matches “${text}”. Try other words.`,
    none: 'No municipality has published a report yet.',
    columns: { code: 'Code', name: 'Municipality', prefecture: 'Prefecture', plans: 'Published plans' },
    planCount: (count) => e(count),
    pagesNav: 'Pages of the municipality list',
    municipalityTitle: (name) => `Plans of ${name}`,
    // The name is Japanese, which a sentence in English would leave unmarked: the heading shows it marked.
    municipalityIntro: (_name, code) =>
      `Plans of this municipality (code ${code}) with a published implementation report.`,
    standingLink: (prefecture, year) =>
      `Where its achievement rate stands in ${prefecture}, FY${year} (${formatFiscalYear(year)})`,
    backToPrefecture: (prefecture) => `Municipalities in ${prefecture}`,
    backToDirectory: 'All municipalities',
    fields: {
      q: 'Search',
      pref: 'Prefecture',
      page: 'Page',
      year: 'Fiscal year',
      highlight: 'Municipality to highlight',
      sort: 'Sort',
      code: 'Code',
    },
    problems: {
      tooLong: (field, limit) => `${field}: use at most ${e(limit)} characters.`,
      control: (field) => `${field}: control characters are not allowed.`,
      notPrefecture: (field, text) =>
        `${field}: “${text}” is neither a prefecture code (01–47) nor a prefecture name.`,
      notPage: (field, text) => `${field}: “${text}” is not a page number.`,
      notYear: (field, text) => `${field}: “${text}” is not a fiscal year (write R4, 2022 or 令和4年度).`,
      noYear: (field, year) =>
        `${field}: no municipality has published a report for FY${year} (${formatFiscalYear(year)}).`,
      notCode: (field, text) =>
        `${field}: “${text}” is not a local government code (six digits with the check digit).`,
      notCompared: (field, code) => `${field}: the municipality with code ${code} is not in this comparison.`,
      notSort: (field, text) => `${field}: the table cannot be sorted by “${text}”.`,
      heading: 'The request could not be read',
    },
    notFound: (code) => `No municipality with code ${code} publishes reports.`,
    notFoundHint: 'Find it in the list of municipalities.',
  },
  rateCompare: {
    title: 'Achievement rates compared',
    heading: (scope, year) =>
      `Achievement rates of municipalities in ${scope}, FY${year} (${formatFiscalYear(year)})`,
    nation: 'Japan',
    intro:
      'For each municipality’s plan, the achievement rate (KPIs achieved ÷ KPIs evaluated) of the latest edition published for the year, overall and for its basic and cross-cutting goals. Rates are ranked as exact fractions, whatever each plan’s own rounding.',
    yearsNav: 'Fiscal year',
    choiceLabel: (name) => `${name}:`,
    scopeNav: 'Scope',
    wholeNation: 'All of Japan',
    chartHeading: 'Distribution of overall achievement rates',
    chartLabel: (scope) => `Distribution of the overall achievement rates in ${scope} (plans per ten points)`,
    band: (from, to) => `${from}–${to}%`,
    bandCount: (count) => e(count),
    axisPlans: 'Plans',
    describe: (bands, median, missing) =>
      `Plans per ten points: ${bands.join(', ')}.` +
      (median === null ? '' : ` The median is ${median}%.`) +
      (missing > 0
        ? ` ${e(missing)} ${missing === 1 ? 'plan has' : 'plans have'} no rate (no KPI evaluated).`
        : ''),
    bandText: (band, count) => `${band}: ${e(count)}`,
    medians: 'Medians',
    medianText: (measure, median) => `${measure}: ${median === null ? '—' : `${median}%`}`,
    highlightMarker: '★',
    standing: (scope, total, rank, tied, top, unit) =>
      `ranked ${e(rank)} of ${e(total)} ${unit === 'plan' ? 'plans' : 'municipalities'} in ${scope}${tied > 1 ? ` (tied with ${e(tied - 1)} ${tied === 2 ? 'other' : 'others'})` : ''} (top ${top}%)`,
    inPrefecture: (prefecture) => prefecture,
    inNation: 'Japan',
    highlighted: (name, plan, rate, standing) =>
      `The overall achievement rate of ${name} (${plan}) is ${rate}%, ${standing}.`,
    highlightedNoRate: (name, plan) => `${name} (${plan}) evaluated no KPI, so it has no rate and no rank.`,
    highlightedBand: '★ marks the band of the highlighted municipality.',
    tableHeading: 'Achievement rate by municipality',
    tableCaption: (count) =>
      `${e(count)} ${count === 1 ? 'plan' : 'plans'}. Sort with the links in the headings.`,
    columns: {
      rank: 'Rank',
      code: 'Code',
      municipality: 'Municipality',
      plan: 'Plan',
      overall: 'Overall',
      basic: 'Basic goals',
      crossCutting: 'Cross-cutting goals',
      edition: 'Report',
    },
    sortBy: (column) => `Sort by ${column}, highest first`,
    sortByCode: 'Sort by code',
    sortedBy: ' (sorted)',
    rateCell: (rate, achieved, evaluated) => `${rate}% (${e(achieved)}/${e(evaluated)})`,
    tie: 'tie',
    noRate: '—',
    editionLink: (year, edition) => `${formatFiscalYear(year)} edition ${e(edition)}`,
    highlightLink: (name) => `Highlight ${name}`,
    none: 'No municipality in this scope has published a report for this year.',
    csv: 'Download the comparison as CSV',
    dictionary: 'The CSV’s data dictionary',
  },
};
