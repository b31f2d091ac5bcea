/** The plan list's search and pages, in a small area of its own. */
export const planListJa = {
  planSearch: {
    label: '計画名・自治体名で検索',
    hint: '複数の語はスペースで区切ると、すべてを含む計画を表示します。',
    button: '検索',
    clear: '検索を解除',
    summary: (total: number, from: number, to: number): string =>
      `${total.toLocaleString('ja-JP')}件中 ${from.toLocaleString('ja-JP')}〜${to.toLocaleString('ja-JP')}件目を表示しています。`,
    summaryFor: (text: string, total: number): string =>
      `「${text}」に一致する計画は${total.toLocaleString('ja-JP')}件です。`,
    noMatch: (text: string): string => `「${text}」に一致する計画はありません。別の語でお試しください。`,
    shortened: (length: number): string => `検索語が長すぎるため、先頭の${length}文字で検索しました。`,
  },
  planPages: {
    nav: '計画一覧のページ',
    previous: '前のページ',
    next: '次のページ',
    page: (n: number): string => `${n.toLocaleString('ja-JP')}ページ目`,
    of: (n: number, pages: number): string =>
      `${pages.toLocaleString('ja-JP')}ページ中 ${n.toLocaleString('ja-JP')}ページ目`,
  },
};

export type PlanListWords = typeof planListJa;

export const planListEn: PlanListWords = {
  planSearch: {
    label: 'Search by plan or municipality',
    hint: 'Separate several words with spaces to find plans that contain them all.',
    button: 'Search',
    clear: 'Clear the search',
    summary: (total, from, to) =>
      `Showing ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} plans.`,
    summaryFor: (text, total) =>
      `${total.toLocaleString('en-US')} ${total === 1 ? 'plan matches' : 'plans match'} “${text}”.`,
    noMatch: (text) => `No plan matches “${text}”. Try other words.`,
    shortened: (length) => `The search was too long; its first ${length} characters were used.`,
  },
  planPages: {
    nav: 'Pages of the plan list',
    previous: 'Previous page',
    next: 'Next page',
    page: (n) => `Page ${n.toLocaleString('en-US')}`,
    of: (n, pages) => `Page ${n.toLocaleString('en-US')} of ${pages.toLocaleString('en-US')}`,
  },
};
