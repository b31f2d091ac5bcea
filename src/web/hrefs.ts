import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import type { DownloadFile } from '../publish/formats.ts';

/** Where a public page of a published year lives; `edition` is kept only when an older one is shown. */
export interface YearAddress {
  readonly plan: string;
  readonly year: FiscalYear;
  readonly edition: number | null;
}

export type { DownloadFile };

const segment = encodeURIComponent;
const editionQuery = (edition: number | null): string => (edition === null ? '' : `?edition=${edition}`);
const yearBase = (at: YearAddress): string => `/plans/${segment(at.plan)}/${formatFiscalYear(at.year)}`;

/** The open-data CSV's data dictionary (項目定義書), beside the edition's downloads. */
export const DICTIONARY_FILE = 'data-dictionary.csv';

/** The public pages' URLs, in one place: years are written as the report writes them (R4). */
export const hrefs = {
  plan: (plan: string): string => `/plans/${segment(plan)}`,
  year: (at: YearAddress): string => yearBase(at) + editionQuery(at.edition),
  goal: (at: YearAddress, goal: string): string =>
    `${yearBase(at)}/goals/${segment(goal)}${editionQuery(at.edition)}`,
  kpi: (at: YearAddress, kpi: string): string =>
    `${yearBase(at)}/kpis/${segment(kpi)}${editionQuery(at.edition)}`,
  /** Every KPI of the year on one page (数値目標一覧), and the same rows as CSV. */
  board: (at: YearAddress): string => `${yearBase(at)}/board${editionQuery(at.edition)}`,
  boardPath: (at: YearAddress): string => `${yearBase(at)}/board`,
  boardCsvPath: (at: YearAddress): string => `${yearBase(at)}/board.csv`,
  download: (at: YearAddress, file: DownloadFile): string =>
    `${yearBase(at)}/${file}${editionQuery(at.edition)}`,
  /** The comparison of two editions; `from` and `to` as its form writes them (R4, or R4-1 for edition 1). */
  compare: (plan: string, choice?: { from: string; to: string }): string =>
    `/plans/${segment(plan)}/compare` +
    (choice ? `?from=${segment(choice.from)}&to=${segment(choice.to)}` : ''),
  dataDictionary: (at: YearAddress): string =>
    `${yearBase(at)}/${DICTIONARY_FILE}${editionQuery(at.edition)}`,
  apiPlan: (plan: string): string => `/api/plans/${segment(plan)}`,
  apiYear: (plan: string, year: FiscalYear): string =>
    `/api/plans/${segment(plan)}/${formatFiscalYear(year)}`,
};

/** The directory's and the comparisons' URLs: plain links (no form needed), so the static site has them. */
export const directoryHrefs = {
  directory: (query: { q?: string; page?: number } = {}): string => withQuery('/municipalities', query),
  prefecture: (code: string, query: { q?: string; page?: number } = {}): string =>
    withQuery(`/prefectures/${segment(code)}`, query),
  municipality: (code: string): string => `/municipalities/${segment(code)}`,
  rates: (query: { pref?: string | null; year?: FiscalYear; highlight?: string; sort?: string }): string =>
    withQuery('/compare/rates', query),
  ratesCsv: (query: { pref?: string | null; year: FiscalYear }): string =>
    withQuery('/compare/rates.csv', query),
  ratesDictionary: '/compare/rates-dictionary.csv',
};

function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    params.set(key, key === 'year' && typeof value === 'number' ? formatFiscalYear(value) : String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
