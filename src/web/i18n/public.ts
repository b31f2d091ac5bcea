import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';
import type { DownloadFormatName } from '../../publish/formats.ts';

/** Dates are shown as the calendar in Japan has them, whatever the server's time zone. */
const jaDate = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' });
const enDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'long' });

/** Each download is named in words in both languages: every format the registry lists, no more. */
export type DownloadKind = DownloadFormatName;

/** The public pages: plan list, plan overview, goal and KPI pages, downloads. */
export const publicJa = {
  planListTitle: '計画一覧',
  planListIntro: '実施報告を公表している計画です。計画名を選ぶと、最新の実施状況を表示します。',
  noPlans: '公表されている計画はまだありません。',
  planColumns: { plan: '計画', municipality: '自治体', period: '計画期間', latest: '最新の公表' },
  yearLong: (year: FiscalYear): string => formatFiscalYearLong(year),
  period: (from: FiscalYear, to: FiscalYear): string =>
    `${formatFiscalYearLong(from)}～${formatFiscalYearLong(to)}`,
  yearStatusTitle: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の実施状況`,
  edition: (n: number): string => `第${n}版`,
  publishedOn: (date: Date): string => `${jaDate.format(date)}公表`,
  withdrawnEdition: {
    title: 'この版は撤回されました',
    notice: (year: FiscalYear, n: number, at: Date): string =>
      `${formatFiscalYearLong(year)}の実施報告の第${n}版は、${jaDate.format(at)}に撤回されました。`,
    reason: '撤回の理由',
    published: (date: Date): string => `${jaDate.format(date)}公表`,
    hint: '撤回された版は公開していません。ほかの年度は計画一覧から選べます。',
  },
  errata: '訂正内容',
  olderEdition: (n: number, latest: number): string =>
    `この画面は第${n}版（訂正前）です。最新は第${latest}版です。`,
  seeLatestEdition: '最新版を見る',
  overallHeading: '全体の達成率',
  overallSentence: (achieved: number, evaluated: number): string =>
    `評価した${evaluated}指標のうち、${achieved}指標が目標を達成しました。`,
  notEvaluatedSentence: (n: number): string => `このほか${n}指標は、実績値がないため評価していません。`,
  goalRatesHeading: '目標ごとの達成率',
  goalColumns: { goal: '目標', achieved: '達成', evaluated: '評価した指標', rate: '達成率' },
  yearSwitcher: '年度と版の切り替え',
  downloadsHeading: 'ダウンロード',
  downloadsIntro: 'この版の実施報告とデータです。データには、数値目標ごとの実績値と算定結果が含まれます。',
  downloads: {
    html: '実施報告（HTML形式）',
    pdf: '実施報告（PDF形式）',
    pptx: '実施報告（PowerPoint形式）',
    xlsx: '実施報告（Excel形式）',
    csv: 'データ（CSV形式）',
    json: 'データ（JSON形式）',
  } as Readonly<Record<DownloadKind, string>>,
  dictionarySeparator: '／',
  dataDictionary: 'データ項目定義書（CSV形式）',
  formulaHelp: '下線の点線がある数値は、マウスを重ねるかTabキーで選ぶと計算式を表示します。',
  goalName: (label: string, title: string): string => `${label}\u3000${title}`,
  goalRate: '達成率',
  kpiFacts: {
    goal: '目標',
    category: '区分',
    department: '担当課',
    unit: '単位',
    status: '評価',
    listedIn: '再掲している目標',
  },
  notSet: '設定なし',
  noUnit: '単位なし',
  chartHeading: '推移のグラフ',
  dataHeading: '数値目標の推移',
  dataColumns: { year: '年度', value: '値' },
  figureInYear: (figure: string, year: string): string => `${figure}（${year}）`,
  noAssessment: 'この年度の記述はありません。',
  notFound: {
    plan: (slug: string): string => `「${slug}」という計画は公表されていません。`,
    year: (text: string): string => `${text}の実施報告は公表されていません。`,
    edition: (year: string, n: string): string => `${year}の第${n}版はありません。`,
    goal: (id: string): string => `この計画に「${id}」という目標はありません。`,
    kpi: (id: string): string => `この計画に「${id}」という数値目標はありません。`,
    withdrawn: (year: FiscalYear, n: number, at: Date, reason: string): string =>
      `${formatFiscalYearLong(year)}の実施報告の第${n}版は、${jaDate.format(at)}に撤回されました（理由：${reason}）。`,
    hint: '計画一覧から、公表されている年度を選んでください。',
  },
  pdfUnavailable: 'このサーバーでは、PDF形式の実施報告を作成できません。',
  pdfUnavailableHint: 'HTML形式をダウンロードし、ブラウザの印刷機能でPDFとして保存できます。',
  renderBusy: 'ただいま実施報告のファイルを作成する処理が混み合っています。',
  renderBusyHint: (seconds: number): string => `${seconds}秒ほど待ってから、もう一度お試しください。`,
  renderTimeout: '実施報告のファイルの作成に時間がかかりすぎたため、中止しました。',
  renderTimeoutHint: '他の形式（HTML・CSV）をお試しいただくか、計画の担当課にお問い合わせください。',
};

export type PublicMessages = typeof publicJa;

export const publicEn: PublicMessages = {
  planListTitle: 'Plans',
  planListIntro: 'Plans with a published implementation report. Choose one to see its latest status.',
  noPlans: 'No plan has been published yet.',
  planColumns: { plan: 'Plan', municipality: 'Municipality', period: 'Period', latest: 'Latest report' },
  yearLong: (year) => `FY${year} (${formatFiscalYear(year)})`,
  period: (from, to) => `FY${from}–FY${to}`,
  yearStatusTitle: (year) => `Implementation status, FY${year} (${formatFiscalYear(year)})`,
  edition: (n) => `Edition ${n}`,
  publishedOn: (date) => `published ${enDate.format(date)}`,
  withdrawnEdition: {
    title: 'This edition was withdrawn',
    notice: (year, n, at) =>
      `The implementation report for FY${year} (${formatFiscalYear(year)}), edition ${n}, was withdrawn on ${enDate.format(at)}.`,
    reason: 'Reason for withdrawal',
    published: (date) => `published ${enDate.format(date)}`,
    hint: 'A withdrawn edition is no longer published. Other years are listed on the plan list.',
  },
  errata: 'Correction',
  olderEdition: (n, latest) =>
    `You are reading edition ${n}, before its correction. The latest is edition ${latest}.`,
  seeLatestEdition: 'See the latest edition',
  overallHeading: 'Overall achievement rate',
  overallSentence: (achieved, evaluated) =>
    `${achieved} of the ${evaluated} KPIs evaluated met their target.`,
  // A second sentence after the first: English puts a space between them, Japanese does not.
  notEvaluatedSentence: (n) => ` ${n} more could not be evaluated, for want of an actual value.`,
  goalRatesHeading: 'Achievement rate by goal',
  goalColumns: { goal: 'Goal', achieved: 'Achieved', evaluated: 'KPIs evaluated', rate: 'Rate' },
  yearSwitcher: 'Years and editions',
  downloadsHeading: 'Downloads',
  downloadsIntro:
    'The implementation report and the data of this edition. The data holds each KPI’s actual values and results.',
  downloads: {
    html: 'Implementation report (HTML)',
    pdf: 'Implementation report (PDF)',
    pptx: 'Implementation report (PowerPoint)',
    xlsx: 'Implementation report (Excel)',
    csv: 'Data (CSV)',
    json: 'Data (JSON)',
  },
  dictionarySeparator: ' / ',
  dataDictionary: 'Data dictionary (CSV)',
  formulaHelp:
    'Figures underlined with dots show their formula when you point at them or reach them with Tab.',
  goalName: (label, title) => `${label}: ${title}`,
  goalRate: 'Achievement rate',
  kpiFacts: {
    goal: 'Goal',
    category: 'Category',
    department: 'Department',
    unit: 'Unit',
    status: 'Result',
    listedIn: 'Also listed under',
  },
  notSet: 'not set',
  noUnit: 'no unit',
  chartHeading: 'Chart',
  dataHeading: 'Figures by year',
  dataColumns: { year: 'Year', value: 'Value' },
  figureInYear: (figure, year) => `${figure} (${year})`,
  noAssessment: 'Nothing was written for this year.',
  notFound: {
    plan: (slug) => `No plan called “${slug}” has been published.`,
    year: (text) => `No implementation report has been published for ${text}.`,
    edition: (year, n) => `${year} has no edition ${n}.`,
    goal: (id) => `The plan has no goal “${id}”.`,
    kpi: (id) => `The plan has no KPI “${id}”.`,
    withdrawn: (year, n, at, reason) =>
      `Edition ${n} of the implementation report for FY${year} (${formatFiscalYear(year)}) was withdrawn on ${enDate.format(at)} (reason: ${reason}).`,
    hint: 'Choose a published year from the list of plans.',
  },
  pdfUnavailable: 'This server cannot make the PDF version of the report.',
  pdfUnavailableHint: 'Download the HTML version and save it as PDF with your browser’s print function.',
  renderBusy: 'The server is busy making report files.',
  renderBusyHint: (seconds) => `Please try again in about ${seconds} seconds.`,
  renderTimeout: 'Making the report file took too long and was stopped.',
  renderTimeoutHint: 'Try another format (HTML or CSV), or contact the office in charge of the plan.',
};
