import { dec, type DecimalString } from './decimal.ts';
import type { GradeBand } from './settings.ts';

/**
 * The band a score falls in, comparing the score as printed so that a grade never contradicts the
 * figure beside it. A KPI without a score (no baseline, target equal to baseline) takes the best band
 * when its target is met and the worst when not.
 */
export function gradeOf(
  bands: readonly GradeBand[],
  score: DecimalString | null,
  reached: boolean,
): GradeBand {
  const last = bands[bands.length - 1];
  if (!last) throw new RangeError('grade bands must not be empty');
  if (score === null) return reached ? (bands[0] ?? last) : last;
  const s = dec(score);
  return bands.find((band) => band.min === null || s.gte(dec(band.min))) ?? last;
}
