import { parseFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { readMunicipalityCode } from '../../../core/municipality-code.ts';
import { prefectureByCode } from '../../../core/prefectures.ts';

/**
 * An indicator page's choices, read once at the boundary: ?pref=11 (two digits, or absent for the
 * nation), ?year=R4 (as years are written everywhere: R４, 令和4年度, 2022), ?highlight=112330 (a
 * municipality code with its check digit). Full-width digits are folded by NFKC; anything else is a
 * problem naming the field, answered 400, never an exception and never kept in the cache.
 */

/** Longer than any prefecture, year or code a person writes; a longer value is refused unread. */
export const LONGEST_INDICATOR_CHOICE = 40;

export type IndicatorField = 'pref' | 'year' | 'highlight';

export type IndicatorChoiceProblem = {
  readonly field: IndicatorField;
  readonly kind: 'too-long' | 'invalid';
};

export interface IndicatorChoices {
  readonly prefecture: string | null;
  /** Null: the newest year with a published figure. */
  readonly year: FiscalYear | null;
  readonly highlight: string | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function folded(
  field: IndicatorField,
  text: string | undefined,
  problems: IndicatorChoiceProblem[],
): string | null {
  if (text === undefined) return null;
  if (text.length > LONGEST_INDICATOR_CHOICE) {
    problems.push({ field, kind: 'too-long' });
    return null;
  }
  if (CONTROL.test(text)) {
    problems.push({ field, kind: 'invalid' });
    return null;
  }
  const value = text.normalize('NFKC').trim();
  return value === '' ? null : value;
}

export function readIndicatorChoices(query: {
  pref: string | undefined;
  year: string | undefined;
  highlight: string | undefined;
}): { choices: IndicatorChoices; problems: IndicatorChoiceProblem[] } {
  const problems: IndicatorChoiceProblem[] = [];
  const pref = folded('pref', query.pref, problems);
  const yearText = folded('year', query.year, problems);
  const highlightText = folded('highlight', query.highlight, problems);
  let prefecture: string | null = null;
  if (pref !== null) {
    if (/^[0-9]{1,2}$/.test(pref) && prefectureByCode(pref.padStart(2, '0')))
      prefecture = pref.padStart(2, '0');
    else problems.push({ field: 'pref', kind: 'invalid' });
  }
  let year: FiscalYear | null = null;
  if (yearText !== null) {
    const parsed = parseFiscalYear(yearText);
    if (parsed.ok) year = parsed.value;
    else problems.push({ field: 'year', kind: 'invalid' });
  }
  let highlight: string | null = null;
  if (highlightText !== null) {
    const read = readMunicipalityCode(highlightText);
    if (read.ok && highlightText.length === 6) highlight = read.value;
    else problems.push({ field: 'highlight', kind: 'invalid' });
  }
  return { choices: { prefecture, year, highlight }, problems };
}
