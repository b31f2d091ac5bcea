/** Plans on one page of the list: a screenful to scan, few enough to render at once. */
export const PLANS_PER_PAGE = 50;
/** Longer searches are cut here: no title or municipality is longer, and the query stays small. */
export const LONGEST_SEARCH = 100;
/** More words than this narrow nothing further; the rest are ignored. */
const MOST_TERMS = 8;
/** The highest page number read; beyond it (or beyond the last page) the last page is shown. */
const HIGHEST_PAGE = 1_000_000;

export interface PlanListQuery {
  /** The search as used: full-width letters and digits made plain, control characters removed. */
  readonly text: string;
  readonly terms: readonly string[];
  /** The search was longer than LONGEST_SEARCH and was cut. */
  readonly shortened: boolean;
  /** 1 or more; may lie beyond the last page, which the list then shows instead. */
  readonly page: number;
}

/**
 * Reads ?q= and ?page= as a reader might type them: ＡＢＣ and １２ as ABC and 12, NUL and other control
 * characters as spaces, anything that is not a page number as the first page. Never throws.
 */
export function readPlanListQuery(q: string | undefined, page: string | undefined): PlanListQuery {
  const cleaned = (q ?? '')
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...cleaned];
  const shortened = chars.length > LONGEST_SEARCH;
  const text = shortened ? chars.slice(0, LONGEST_SEARCH).join('').trim() : cleaned;
  const terms = text
    .split(' ')
    .filter((term) => term !== '')
    .slice(0, MOST_TERMS);
  const digits = (page ?? '').normalize('NFKC').trim();
  // A number too long to be a page still means "far on": the last page, like any page past the end.
  const number = !/^[0-9]+$/.test(digits) ? 1 : digits.length > 7 ? HIGHEST_PAGE : Number(digits);
  return { text, terms, shortened, page: Math.min(Math.max(number, 1), HIGHEST_PAGE) };
}

/** The pages to link around the current one: the first, the last, and two either side. */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].filter((n) => n >= 1).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && n - last > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** The list's address for a search and a page; the first page and an empty search are left out. */
export function planListHref(text: string, page: number): string {
  const params = new URLSearchParams();
  if (text !== '') params.set('q', text);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query === '' ? '/' : `/?${query}`;
}
