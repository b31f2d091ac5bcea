import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';
import type { BoardParam, BoardSort, BoardStatus, EntryState } from '../commands/board-query.ts';

/**
 * The words of the KPI board (数値目標一覧, staff and public) and of the committee's opinions
 * (委員会意見). Japanese is the master; English fills it.
 */
export const boardJa = {
  board: {
    title: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の数値目標一覧`,
    nav: '数値目標一覧',
    link: '数値目標一覧（すべての数値目標の状況）',
    choosePlan: '数値目標一覧を表示する計画を選んでください。',
    staffIntro:
      '保存されている値から計算した結果です（公表前）。条件で絞り込み、列の見出しで並べ替えられます。',
    publicIntro:
      '公表された実施報告の、すべての数値目標の状況です。条件で絞り込み、列の見出しで並べ替えられます。',
    filtersHeading: '絞り込みと並べ替え',
    labels: {
      goal: '目標',
      department: '担当課',
      status: '達成状況',
      entry: '入力状況',
      sort: '並べ替え',
      dir: '順序',
    } as Readonly<Record<BoardParam, string>>,
    all: 'すべて',
    noDepartment: '担当課なし',
    statuses: {
      achieved: '達成',
      'not-achieved': '未達成',
      'not-evaluated': '未評価',
    } as Readonly<Record<BoardStatus, string>>,
    entryStates: {
      'not-entered': '未入力',
      partial: '入力中',
      entered: '入力済み（未提出）',
      submitted: '確認待ち',
      returned: '差し戻し',
      approved: '承認済み',
    } as Readonly<Record<EntryState, string>>,
    sorts: {
      order: '計画の順',
      kpi: '数値目標の名称',
      goal: '目標',
      department: '担当課',
      entry: '入力状況',
      progress: '目標進捗率',
      status: '達成状況',
    } as Readonly<Record<BoardSort, string>>,
    dirs: { asc: '昇順', desc: '降順' },
    apply: '表示する',
    reset: '条件を解除',
    count: (shown: number, total: number): string => `${total}件中 ${shown}件を表示しています。`,
    caption: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の数値目標`,
    columns: {
      kpi: '数値目標',
      goal: '目標',
      department: '担当課',
      entry: '入力状況',
      actual: '実績値',
      status: '達成状況',
      diagnostics: '点検事項',
    },
    sortedAsc: '（昇順で並べ替え済み）',
    sortedDesc: '（降順で並べ替え済み）',
    sortBy: (column: string): string => `${column}で並べ替え`,
    none: '条件に合う数値目標はありません。',
    noDiagnostics: 'なし',
    csv: '数値目標一覧をダウンロード（CSV）',
    csvFile: (year: FiscalYear): string => `数値目標一覧_${formatFiscalYear(year)}.csv`,
    otherYears: 'ほかの年度',
    problem: (label: string, kind: 'too-long' | 'unknown'): string =>
      kind === 'too-long'
        ? `「${label}」の指定が長すぎます。一覧の選択肢から選び直してください。`
        : `「${label}」の指定は一覧の選択肢にありません。一覧の選択肢から選び直してください。`,
    summaryNote:
      '表の番号は、各目標の数値目標の順番です。どの数値目標かは、欄の名称または数値目標一覧で確認できます。',
    yearLink: (year: FiscalYear): string => formatFiscalYearLong(year),
  },
  opinions: {
    heading: '委員会意見',
    intro: '有識者会議の委員の意見のうち、企画担当が公表するとしたものです。',
    staffNote: '企画担当が「公表する」としたコメントは、次に公表する版に委員会意見として載ります。',
    mark: '委員会意見として公表する',
    unmark: '公表しないことにする',
    marked: '委員会意見として公表予定',
    markedDone: '委員会意見として公表することにしました。',
    unmarkedDone: '公表しないことにしました。',
    forKpi: (kpi: string): string => `${kpi}についての委員会意見`,
    on: (date: string): string => `（${date}）`,
  },
};

type BoardWords = typeof boardJa;

export const boardEn: BoardWords = {
  board: {
    title: (year) => `All KPIs, FY${year} (${formatFiscalYear(year)})`,
    nav: 'All KPIs',
    link: 'All KPIs (where every KPI stands)',
    choosePlan: 'Choose the plan whose KPIs to show.',
    staffIntro:
      'Results computed from the saved figures (not yet published). Filter with the form; sort by a column heading.',
    publicIntro:
      'Where every KPI of the published report stands. Filter with the form; sort by a column heading.',
    filtersHeading: 'Filter and sort',
    labels: {
      goal: 'Goal',
      department: 'Department',
      status: 'Status',
      entry: 'Entry',
      sort: 'Sort by',
      dir: 'Order',
    },
    all: 'All',
    noDepartment: 'No department',
    statuses: { achieved: 'Achieved', 'not-achieved': 'Not achieved', 'not-evaluated': 'Not evaluated' },
    entryStates: {
      'not-entered': 'Not entered',
      partial: 'Partly entered',
      entered: 'Entered (not submitted)',
      submitted: 'Waiting for review',
      returned: 'Returned',
      approved: 'Approved',
    },
    sorts: {
      order: 'Plan order',
      kpi: 'KPI name',
      goal: 'Goal',
      department: 'Department',
      entry: 'Entry',
      progress: 'Progress',
      status: 'Status',
    },
    dirs: { asc: 'Ascending', desc: 'Descending' },
    apply: 'Show',
    reset: 'Clear the filters',
    count: (shown, total) => `Showing ${shown} of ${total}.`,
    caption: (year) => `KPIs of FY${year} (${formatFiscalYear(year)})`,
    columns: {
      kpi: 'KPI',
      goal: 'Goal',
      department: 'Department',
      entry: 'Entry',
      actual: 'Actual',
      status: 'Status',
      diagnostics: 'Points to check',
    },
    sortedAsc: ' (sorted ascending)',
    sortedDesc: ' (sorted descending)',
    sortBy: (column) => `Sort by ${column}`,
    none: 'No KPI matches these filters.',
    noDiagnostics: 'None',
    csv: 'Download all KPIs (CSV)',
    csvFile: (year) => `kpis-${formatFiscalYear(year)}.csv`,
    otherYears: 'Other years',
    problem: (label, kind) =>
      kind === 'too-long'
        ? `The value given for “${label}” is too long. Choose again from the form’s options.`
        : `The value given for “${label}” is not one of the form’s options. Choose again from them.`,
    summaryNote:
      'The numbers are the order of each goal’s KPIs. Each cell names its KPI; the list of all KPIs shows them together.',
    yearLink: (year) => `FY${year} (${formatFiscalYear(year)})`,
  },
  opinions: {
    heading: 'Committee opinions',
    intro: 'Opinions of the expert committee’s members that the planning office chose to publish.',
    staffNote:
      'Comments the planning office marks for publication appear as committee opinions in the next edition published.',
    mark: 'Publish as a committee opinion',
    unmark: 'Do not publish',
    marked: 'To be published as a committee opinion',
    markedDone: 'It will be published as a committee opinion.',
    unmarkedDone: 'It will not be published.',
    forKpi: (kpi) => `Committee opinions on ${kpi}`,
    on: (date) => ` (${date})`,
  },
};
