import { formatFiscalYear, parseFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import type { Edition } from '../../../store/editions.ts';
import type { PublishedPlan } from '../../queries/published.ts';

/**
 * The comparison form's two choices, read once at the boundary: `R4` is the year's latest edition,
 * `R4-1` its first. Full-width digits and era names are read as everywhere else (R４, 令和4年度-1); any
 * other text becomes a problem naming the field, never an exception.
 */

/** Longer than any year and edition a person writes; a longer value is refused before it is parsed. */
export const LONGEST_CHOICE = 40;

export type ChoiceProblem =
  | { readonly kind: 'too-long' }
  | { readonly kind: 'not-a-year'; readonly text: string }
  | { readonly kind: 'not-published'; readonly year: FiscalYear }
  | { readonly kind: 'no-edition'; readonly year: FiscalYear; readonly number: string };

export type ChoiceResult =
  { readonly ok: true; readonly edition: Edition } | { readonly ok: false; readonly problem: ChoiceProblem };

/** What a form option sends for an edition: the year alone for its year's latest edition. */
export function choiceValue(edition: Edition, latest: boolean): string {
  const year = formatFiscalYear(edition.fiscalYear);
  return latest ? year : `${year}-${edition.number}`;
}

/** The value as it may be echoed in a message: control characters dropped, cut to a readable length. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return clean.length > 20 ? `${clean.slice(0, 20)}…` : clean;
}

/** One choice against the plan's published editions; undefined when the field was left out or empty. */
export function readChoice(text: string | undefined, published: PublishedPlan): ChoiceResult | undefined {
  if (text === undefined) return undefined;
  if (text.length > LONGEST_CHOICE) return { ok: false, problem: { kind: 'too-long' } };
  const folded = text.normalize('NFKC').trim();
  if (folded === '') return undefined;
  const dash = folded.search(/[-‐－ー―]\s*\d+$/);
  const yearText = dash < 0 ? folded : folded.slice(0, dash).trim();
  const numberText = dash < 0 ? null : folded.slice(dash + 1).trim();
  const parsed = parseFiscalYear(yearText);
  if (!parsed.ok) return { ok: false, problem: { kind: 'not-a-year', text: shown(text) } };
  const year = published.years.find((y) => y.year === parsed.value);
  if (!year) return { ok: false, problem: { kind: 'not-published', year: parsed.value } };
  const edition =
    numberText === null ? year.editions.at(-1) : year.editions.find((e) => e.number === Number(numberText));
  if (!edition) {
    return {
      ok: false,
      problem: { kind: 'no-edition', year: parsed.value, number: shown(numberText ?? '') },
    };
  }
  return { ok: true, edition };
}

/**
 * The pair shown when nothing is chosen: the latest year against the one before it, or, for a plan
 * with one year, its latest edition against the one before; null when only one edition is published.
 */
export function defaultPair(published: PublishedPlan): { from: Edition; to: Edition } | null {
  const [newest, previous] = published.years;
  const to = newest?.editions.at(-1);
  if (!newest || !to) return null;
  const from = previous?.editions.at(-1) ?? newest.editions.at(-2);
  return from ? { from, to } : null;
}
