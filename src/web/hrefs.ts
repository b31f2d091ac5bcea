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
  download: (at: YearAddress, file: DownloadFile): string =>
    `${yearBase(at)}/${file}${editionQuery(at.edition)}`,
  dataDictionary: (at: YearAddress): string =>
    `${yearBase(at)}/${DICTIONARY_FILE}${editionQuery(at.edition)}`,
  apiPlan: (plan: string): string => `/api/plans/${segment(plan)}`,
  apiYear: (plan: string, year: FiscalYear): string =>
    `/api/plans/${segment(plan)}/${formatFiscalYear(year)}`,
};
