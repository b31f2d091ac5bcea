import { dec, Decimal, toPlainString, type DecimalString } from './decimal.ts';

/**
 * Figures that are readable but unlikely, which the person entering them should confirm: never refused,
 * since a city's count may really fall to a tenth, but never taken without a second look either.
 */
export type FigureConfirm =
  /** A count (件, 人, 回, 校…) below zero, where the KPI's own history never was (社会増減 may be). */
  | { readonly code: 'negative-count'; readonly value: DecimalString; readonly unit: string }
  /** A count with a fraction: 12.5件. */
  | { readonly code: 'fractional-count'; readonly value: DecimalString; readonly unit: string }
  /** A step from the previous value far larger than any step in the KPI's own history. */
  | {
      readonly code: 'jump';
      readonly value: DecimalString;
      readonly previous: DecimalString;
      readonly largestStep: DecimalString;
    };

/** Units that count whole things, so a value in them is a whole number, never negative. */
export const COUNT_UNITS: readonly string[] = [
  '件',
  '人',
  '名',
  '回',
  '校',
  '団体',
  '社',
  '世帯',
  '戸',
  '箇所',
  'か所',
  'ヶ所',
  'カ所',
  '施設',
  '店',
  '店舗',
  '事業',
  '台',
  '冊',
  '本',
  '個',
  '棟',
  '園',
  '組',
  '者',
];

/** A step this many times the largest earlier step stands out... */
const JUMP_STEPS = new Decimal(5);
/** ...with at least this many earlier values, and an earlier step that is not zero, to measure it by. */
const MIN_HISTORY = 3;

const isCount = (unit: string | null): unit is string =>
  unit !== null && COUNT_UNITS.includes(unit.normalize('NFKC').trim());

/**
 * What to confirm about a value before it is saved: a negative or fractional count, or a jump far outside
 * the KPI's own history (its earlier values, oldest first, the baseline among them).
 */
export function figureConfirmations(
  value: DecimalString,
  unit: string | null,
  history: readonly DecimalString[],
): FigureConfirm[] {
  const found: FigureConfirm[] = [];
  const v = dec(value);
  if (isCount(unit)) {
    const everNegative = history.some((h) => dec(h).isNegative() && !dec(h).isZero());
    if (v.isNegative() && !v.isZero() && !everNegative) found.push({ code: 'negative-count', value, unit });
    if (!v.isInteger()) found.push({ code: 'fractional-count', value, unit });
  }
  if (history.length >= MIN_HISTORY) {
    const values = history.map(dec);
    let largest = new Decimal(0);
    for (let i = 1; i < values.length; i++) {
      largest = Decimal.max(largest, (values[i] as Decimal).minus(values[i - 1] as Decimal).abs());
    }
    const previous = values[values.length - 1] as Decimal;
    if (!largest.isZero() && v.minus(previous).abs().gt(largest.mul(JUMP_STEPS))) {
      found.push({
        code: 'jump',
        value,
        previous: history[history.length - 1] as DecimalString,
        largestStep: toPlainString(largest),
      });
    }
  }
  return found;
}
