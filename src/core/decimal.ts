import { Exact } from './exact.ts';

/**
 * Exact arithmetic for figures (exact.ts): every sum, difference, product and quotient is an exact
 * fraction, so rounding a quotient to a tenth can never land on the wrong side of a tie. Inputs are
 * bounded by {@link MAX_INTEGER_DIGITS} and {@link MAX_FRACTION_DIGITS}, which keeps nearly every step in
 * safe integers.
 */
export const Decimal = Exact;
export type Decimal = Exact;

export const MAX_INTEGER_DIGITS = 18;
export const MAX_FRACTION_DIGITS = 12;

/**
 * A figure as a canonical decimal string: an optional minus, digits, and an optional fraction, written
 * with as many decimals as the source had ("19.00" stays "19.00", since the report prints it that way).
 */
export type DecimalString = string & { readonly __decimal: unique symbol };

const CANONICAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export function isDecimalString(text: string): text is DecimalString {
  return CANONICAL.test(text) && text !== '-0' && !/^-0(\.0+)?$/.test(text);
}

/** Reads a plain decimal (digits, one optional point, optional sign); anything else is not one. */
export function toDecimalString(text: string): DecimalString | null {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign = '', intPart = '', fraction] = match;
  const integer = intPart.replace(/^0+(?=\d)/, '');
  const body = fraction === undefined ? integer : `${integer}.${fraction}`;
  const isZero = /^0(\.0+)?$/.test(body);
  return (sign === '-' && !isZero ? `-${body}` : body) as DecimalString;
}

export function dec(value: DecimalString | Decimal): Decimal {
  return typeof value === 'string' ? new Decimal(value) : value;
}

export function decimalPlacesOf(value: DecimalString): number {
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}

/** Writes a decimal with exactly `places` decimals (no exponent, no lost digits). */
export function toFixedString(value: Decimal, places: number): DecimalString {
  return normalizeZero(value.toFixed(places)) as DecimalString;
}

/** Writes an exact decimal as short as it can be, without exponent. */
export function toPlainString(value: Decimal): DecimalString {
  return normalizeZero(value.toFixed()) as DecimalString;
}

function normalizeZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export type RoundingMode = 'half-up' | 'truncate';

/**
 * Rounds as Excel's ROUND (half away from zero: −116.25 → −116.3) or ROUNDDOWN (toward zero).
 * The value must already be exact, which the precision above guarantees for the quotients we take.
 */
export function roundTo(value: Decimal, places: number, mode: RoundingMode): DecimalString {
  const rounding = mode === 'half-up' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_DOWN;
  return toFixedString(value.toDecimalPlaces(places, rounding), places);
}
