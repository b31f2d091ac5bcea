import type { ZeroStyle } from '../../core/settings.ts';
import { decimalPlacesOf, type DecimalString } from '../../core/decimal.ts';

/**
 * Excel number formats that print a figure as the report does (431.5万円 (H30), 男性：18.43年) while the
 * cell keeps the bare number, so staff can compute with it.
 */

/** Text shown as is: quoted, with any quote mark escaped, since a quoted run cannot hold one. */
export function literal(text: string): string {
  return text
    .split('"')
    .map((part) => (part === '' ? '' : `"${part}"`))
    .join('\\"');
}

function digits(places: number, grouped: boolean): string {
  const integer = grouped ? '#,##0' : '0';
  return places > 0 ? `${integer}.${'0'.repeat(places)}` : integer;
}

/**
 * A prefix must follow the minus sign (男性：-40人, as the report writes it), but Excel prints the sign
 * before everything in a one-section format, so a prefixed format spells out its negative section.
 */
function withAffixes(number: string, prefix: string, suffix: string): string {
  const body = `${literal(prefix)}${number}${literal(suffix)}`;
  return prefix === '' ? body : `${body};${literal(prefix)}-${number}${literal(suffix)}`;
}

export interface Affixes {
  /** The series label as the report prints it before the figure: 男性：. */
  readonly prefix?: string;
  /** The unit, and for a baseline its year: 万円 (H30). */
  readonly suffix?: string;
}

/** A figure with thousands separators and exactly the decimals it was written with (19.00 → 0.00). */
export function figureFormat(value: DecimalString, affixes: Affixes = {}): string {
  return withAffixes(digits(decimalPlacesOf(value), true), affixes.prefix ?? '', affixes.suffix ?? '');
}

/**
 * A score as the report prints it: -670.6% and -2850.0% (no separators), a bare 0% where nothing
 * moved. The % is a literal: the cell holds percentage points, not a fraction.
 */
export function scoreFormat(places: number, prefix = '', zero: ZeroStyle = 'plain'): string {
  const p = literal(prefix);
  const number = digits(places, false);
  // rounding.zero: places prints 0.0% as the report does; the seed's plain 0% otherwise.
  return `${p}${number}"%";${p}-${number}"%";${p}${zero === 'places' ? number : '0'}"%"`;
}

/** A rate as the report prints it: 26.7%, but 50% and 0% without a trailing .0. */
export const RATE_FORMAT = 'General"%"';

/** A count of KPIs. */
export const COUNT_FORMAT = '0';
