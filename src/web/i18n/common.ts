import type { Lang } from '../../core/language.ts';

const ERROR_TITLES_JA: Readonly<Record<number, string>> = {
  400: 'リクエストに誤りがあります',
  401: 'ログインが必要です',
  403: 'この操作は許可されていません',
  404: 'ページが見つかりません',
  409: 'ほかの人の変更と重なりました',
  413: 'データが大きすぎます',
  422: '入力内容を確認してください',
  429: 'しばらく時間をおいてください',
  500: 'エラーが発生しました',
  503: '現在ご利用いただけません',
};

const ERROR_TITLES_EN: Readonly<Record<number, string>> = {
  400: 'The request is not valid',
  401: 'Please sign in',
  403: 'This is not allowed',
  404: 'Page not found',
  409: 'Someone else changed this first',
  413: 'The data is too large',
  422: 'Please check what you entered',
  429: 'Please wait a moment',
  500: 'Something went wrong',
  503: 'Not available right now',
};

const CONTEXT_LABELS_JA: Readonly<Record<string, string>> = {
  current: '保存されている値',
  attempted: '入力した値',
  currentVersion: '保存されている版',
  errorId: 'エラーID（お問い合わせの際にお伝えください）',
};

const CONTEXT_LABELS_EN: Readonly<Record<string, string>> = {
  current: 'Saved value',
  attempted: 'Your value',
  currentVersion: 'Saved version',
  errorId: 'Error ID (quote it when you report the problem)',
};

/**
 * The page shell and the error pages, shared by the public and the staff pages. Japanese is the master:
 * its shape is the type every other language must fill.
 */
export const commonJa = {
  siteName: 'Shinchoku',
  siteTagline: '総合戦略の数値目標と実施報告',
  skipToContent: '本文へ移動',
  languageNav: '表示言語',
  /** Each language is named in itself, so a reader finds their own whatever the page's language. */
  languageNames: { ja: '日本語', en: 'English' } as Readonly<Record<Lang, string>>,
  siteNav: 'サイト内メニュー',
  navPlans: '計画一覧',
  navStaff: '職員用ページ',
  breadcrumbNav: '現在の位置',
  currentMarker: '（表示中）',
  /** Between the parts of a line such as 第2版・2024年1月5日公表. */
  separator: '・',
  /** A label before its text: 訂正内容：… */
  labelled: (label: string): string => `${label}：`,
  /** A window title from the most specific part to the site's name. */
  pageTitle: (parts: readonly string[]): string => parts.join(' | '),
  footerPublishedOnly: 'このサイトには、公表された実施報告だけを掲載しています。',
  footerSoftware: 'Shinchoku（オープンソースの総合戦略進捗管理ツール）で作成',
  errorHint: '対処方法',
  errorDetails: '詳細',
  errorBackHome: 'トップページへ戻る',
  notFoundMessage: 'お探しのページは見つかりませんでした。アドレスをご確認ください。',
  internalErrorMessage: 'サーバーで問題が発生しました。時間をおいてから、もう一度お試しください。',
  errorTitle: (status: number): string => ERROR_TITLES_JA[status] ?? ERROR_TITLES_JA[500] ?? '',
  /** Labels for the values an error carries, such as both sides of a conflicting edit. */
  errorContextLabel: (key: string): string => CONTEXT_LABELS_JA[key] ?? key,
};

export type CommonMessages = typeof commonJa;

export const commonEn: CommonMessages = {
  siteName: 'Shinchoku',
  siteTagline: 'Strategy KPIs and implementation reports',
  skipToContent: 'Skip to main content',
  languageNav: 'Language',
  languageNames: commonJa.languageNames,
  siteNav: 'Site menu',
  navPlans: 'Plans',
  navStaff: 'Staff pages',
  breadcrumbNav: 'You are here',
  currentMarker: ' (shown)',
  separator: ', ',
  labelled: (label) => `${label}: `,
  pageTitle: (parts) => parts.join(' | '),
  footerPublishedOnly: 'This site shows published implementation reports only.',
  footerSoftware: 'Made with Shinchoku, open-source software for tracking strategy KPIs',
  errorHint: 'What you can do',
  errorDetails: 'Details',
  errorBackHome: 'Back to the top page',
  notFoundMessage: 'The page you asked for does not exist. Please check the address.',
  internalErrorMessage: 'The server ran into a problem. Please try again in a moment.',
  errorTitle: (status) => ERROR_TITLES_EN[status] ?? ERROR_TITLES_EN[500] ?? '',
  errorContextLabel: (key) => CONTEXT_LABELS_EN[key] ?? key,
};
