import type { DecimalString } from './decimal.ts';
import { formatPercent, NO_FIGURE, type NegativeSign } from './format.ts';
import type { Rounding } from './settings.ts';

/**
 * A score as the plan prints it: as the seed does (a plain 0%), or, under rounding.zero: places, a zero
 * with the places the plan rounds to (0.0%), as reports that round to a tenth print it.
 */
export function formatScore(
  value: DecimalString | null,
  rounding: Pick<Rounding, 'zero'> | null = null,
  negative: NegativeSign = '-',
): string {
  if (value === null) return NO_FIGURE;
  if (rounding?.zero === 'places' && /^0(\.0+)?$/.test(value)) return `${value}%`;
  return formatPercent(value, negative);
}
