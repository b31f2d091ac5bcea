import { dec, type DecimalString } from './decimal.ts';
import type { Direction } from './plan.ts';

/** Whether `value` has reached `mark` in the direction that is better (DOMAIN rule 4). */
export function atOrBeyond(value: DecimalString, mark: DecimalString, direction: Direction): boolean {
  const cmp = dec(value).cmp(dec(mark));
  return direction === 'increase' ? cmp >= 0 : cmp <= 0;
}

/** The direction baseline and target imply, or null where they are equal. */
export function impliedDirection(baseline: DecimalString, target: DecimalString): Direction | null {
  const cmp = dec(target).cmp(dec(baseline));
  if (cmp === 0) return null;
  return cmp > 0 ? 'increase' : 'decrease';
}
