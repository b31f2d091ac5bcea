/**
 * The directory's and the comparison's GET parameters, each read once at the boundary: full-width
 * letters and digits made plain (NFKC), and anything else than what the field takes a problem naming
 * the field, answered 400, never an exception. A parameter left out or empty takes its default.
 */
import { parseFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { parseMunicipalityCode } from '../../../core/municipality-code.ts';
import { PREFECTURES, prefectureByCode, type Prefecture } from '../../../core/prefectures.ts';

/** Longer than any name, code, year or page a person writes; a longer value is refused unread. */
export const LONGEST_PARAM = 100;
/** The highest page number read; a page past the last shows the last. */
const HIGHEST_PAGE = 1_000_000;

export type ParamField = 'q' | 'pref' | 'page' | 'year' | 'highlight' | 'sort' | 'code';

export type ParamProblem =
  | { readonly field: ParamField; readonly kind: 'too-long' | 'control' }
  | {
      readonly field: ParamField;
      readonly kind: 'not-prefecture' | 'not-page' | 'not-year' | 'not-code' | 'not-sort';
      readonly text: string;
    };

export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ParamProblem };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });

/** The value as it may be echoed in a message: cut to a readable length. */
function shown(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}

/** The value folded (NFKC, trimmed), or a problem for one too long or holding control characters. */
function folded(field: ParamField, text: string | undefined): Read<string> {
  if (text === undefined) return ok('');
  if (text.length > LONGEST_PARAM) return { ok: false, problem: { field, kind: 'too-long' } };
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(text)) return { ok: false, problem: { field, kind: 'control' } };
  return ok(text.normalize('NFKC').replace(/\s+/g, ' ').trim());
}

/** A search: the words to find, each in a name or a code. */
export function readSearch(text: string | undefined): Read<{ text: string; terms: string[] }> {
  const read = folded('q', text);
  if (!read.ok) return read;
  const terms = read.value
    .split(' ')
    .filter((term) => term !== '')
    .slice(0, 8);
  return ok({ text: read.value, terms });
}

/** A prefecture by its code (11, ０１, 1) or its name (埼玉県, 埼玉); null when left out. */
export function readPrefecture(text: string | undefined): Read<Prefecture | null> {
  const read = folded('pref', text);
  if (!read.ok) return read;
  const value = read.value;
  if (value === '') return ok(null);
  const byCode = /^[0-9]{1,2}$/.test(value) ? prefectureByCode(value.padStart(2, '0')) : null;
  const found =
    byCode ??
    PREFECTURES.find(
      (p) =>
        p.ja === value ||
        p.ja.replace(/[都道府県]$/, '') === value ||
        p.en.toLowerCase() === value.toLowerCase(),
    );
  return found
    ? ok(found)
    : { ok: false, problem: { field: 'pref', kind: 'not-prefecture', text: shown(value) } };
}

/** A page number, 1 or more; 1 when left out. */
export function readPage(text: string | undefined): Read<number> {
  const read = folded('page', text);
  if (!read.ok) return read;
  if (read.value === '') return ok(1);
  if (!/^[0-9]+$/.test(read.value) || /^0+$/.test(read.value)) {
    return { ok: false, problem: { field: 'page', kind: 'not-page', text: shown(read.value) } };
  }
  // A number too long to be a page still means "far on": the last page, like any page past the end.
  return ok(read.value.length > 7 ? HIGHEST_PAGE : Math.min(Number(read.value), HIGHEST_PAGE));
}

/** A fiscal year as written anywhere (R4, 2022, 令和4年度); null when left out. */
export function readYear(text: string | undefined): Read<FiscalYear | null> {
  const read = folded('year', text);
  if (!read.ok) return read;
  if (read.value === '') return ok(null);
  const parsed = parseFiscalYear(read.value);
  return parsed.ok
    ? ok(parsed.value)
    : { ok: false, problem: { field: 'year', kind: 'not-year', text: shown(read.value) } };
}

/** A 全国地方公共団体コード with its check digit verified (five digits are completed); null when left out. */
export function readCode(field: ParamField, text: string | undefined): Read<string | null> {
  const read = folded(field, text);
  if (!read.ok) return read;
  if (read.value === '') return ok(null);
  const parsed = parseMunicipalityCode(read.value);
  return parsed.ok
    ? ok(parsed.value)
    : { ok: false, problem: { field, kind: 'not-code', text: shown(read.value) } };
}

/** One of the given choices; the first when left out. */
export function readChoice<C extends string>(
  field: ParamField,
  text: string | undefined,
  choices: readonly C[],
): Read<C> {
  const read = folded(field, text);
  if (!read.ok) return read;
  if (read.value === '') return ok(choices[0] as C);
  const found = choices.find((c) => c === read.value);
  return found ? ok(found) : { ok: false, problem: { field, kind: 'not-sort', text: shown(read.value) } };
}

/** The problems among several reads, in order. */
export function problemsOf(...reads: readonly Read<unknown>[]): ParamProblem[] {
  return reads.flatMap((read) => (read.ok ? [] : [read.problem]));
}
