import { dec, decimalPlacesOf, toFixedString, type DecimalString } from './decimal.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Direction } from './plan.ts';

/**
 * 目標との差: how far the actual still is from the target, in the KPI's own unit (佐野市: 目標値75.0% −
 * 実績57.9% = 17.1ポイント). Positive while the target is not reached, whichever way is better; zero or
 * negative once it is (a negative shortfall is the margin by which the target was passed).
 */
export interface Shortfall {
  /** Exact, with as many decimals as the more precise of the two figures (75.0 − 55.0 = 20.0). */
  readonly value: DecimalString;
  readonly target: DecimalString;
  readonly actual: DecimalString;
  /** The year whose interim target was used (evaluation.against: interim); absent for the final target. */
  readonly interim?: FiscalYear;
}

export function shortfallOf(
  actual: DecimalString,
  target: DecimalString,
  direction: Direction,
  interim: FiscalYear | null,
): Shortfall {
  const places = Math.max(decimalPlacesOf(actual), decimalPlacesOf(target));
  const gap = direction === 'increase' ? dec(target).minus(dec(actual)) : dec(actual).minus(dec(target));
  return {
    value: toFixedString(gap, places),
    target,
    actual,
    ...(interim === null ? {} : { interim }),
  };
}
