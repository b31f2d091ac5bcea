import { dec, type DecimalString } from './decimal.ts';
import type { Direction } from './plan.ts';

/**
 * A figure known only as a bound: 「93%超」 (more than 93), 「2,000人以上」 (at least 2,000), 「10件以下」,
 * 「5%未満」. Targets are written this way in many plans, and an actual sometimes is too (「75%以上」).
 */
export const BOUNDS = ['at-least', 'more-than', 'at-most', 'less-than'] as const;
export type Bound = (typeof BOUNDS)[number];

/**
 * A target written as a word against the baseline: 維持 (keep it), 増加 / 延伸 (above it: more, longer),
 * 減少 / 短縮 (below it: fewer, shorter).
 */
export const TARGET_WORDS = ['維持', '増加', '延伸', '減少', '短縮'] as const;
export type TargetWord = (typeof TARGET_WORDS)[number];

export const isTargetWord = (text: string): text is TargetWord =>
  (TARGET_WORDS as readonly string[]).includes(text);

/** The mark a bound is printed with after its figure, as Japanese tables write it. */
export const BOUND_SUFFIX_JA: Readonly<Record<Bound, string>> = {
  'at-least': '以上',
  'more-than': '超',
  'at-most': '以下',
  'less-than': '未満',
};

/** The side a bound leaves open: at least and more than are met by going up. */
export function boundDirection(bound: Bound): Direction {
  return bound === 'at-least' || bound === 'more-than' ? 'increase' : 'decrease';
}

/** The direction a word states; 維持 states none (keeping a rate up and keeping deaths down are both 維持). */
export function wordDirection(word: TargetWord): Direction | null {
  if (word === '維持') return null;
  return word === '増加' || word === '延伸' ? 'increase' : 'decrease';
}

/** The bound a word sets on the baseline: 維持 allows the baseline itself, the others must pass it. */
export function wordBound(word: TargetWord, direction: Direction): Bound {
  if (word === '維持') return direction === 'increase' ? 'at-least' : 'at-most';
  return direction === 'increase' ? 'more-than' : 'less-than';
}

/** The bound a plain target sets: reached at the target or beyond it (DOMAIN rule 4). */
export function targetBoundOf(bound: Bound | undefined, direction: Direction): Bound {
  return bound ?? (direction === 'increase' ? 'at-least' : 'at-most');
}

/** Whether an exact figure lies within a bound. */
export function satisfies(value: DecimalString, bound: Bound, mark: DecimalString): boolean {
  const cmp = dec(value).cmp(dec(mark));
  switch (bound) {
    case 'at-least':
      return cmp >= 0;
    case 'more-than':
      return cmp > 0;
    case 'at-most':
      return cmp <= 0;
    case 'less-than':
      return cmp < 0;
  }
}

/** A figure as a table prints it: exact, or known only as a bound. */
export interface BoundedFigure {
  readonly value: DecimalString;
  readonly bound?: Bound | undefined;
}

/**
 * Whether an actual certainly meets a target: every value the actual can stand for lies within the
 * target's bound. An exact actual meets 「93%超」 exactly when it is above 93; 「75%以上」 meets a target of
 * 75 (or 「75%以上」) but not one of 80, and never 「75%超」, since the actual may be 75 itself; an actual
 * bounded the other way (「10件以下」 against 「20件以上」) never meets it, since it may be anything lower.
 */
export function meetsTarget(actual: BoundedFigure, target: BoundedFigure, direction: Direction): boolean {
  const wanted = targetBoundOf(target.bound, direction);
  const up = boundDirection(wanted) === 'increase';
  // The side of the actual that matters: its lower end for a target reached by going up.
  if (actual.bound !== undefined && boundDirection(actual.bound) !== (up ? 'increase' : 'decrease')) {
    return false;
  }
  const cmp = dec(actual.value).cmp(dec(target.value));
  const beyond = up ? cmp > 0 : cmp < 0;
  if (beyond) return true;
  if (cmp !== 0) return false;
  // On the mark: met where the target takes the mark itself, or the actual is strictly past it.
  const targetTakesMark = wanted === 'at-least' || wanted === 'at-most';
  const actualPastMark = actual.bound === 'more-than' || actual.bound === 'less-than';
  return targetTakesMark || actualPastMark;
}

/**
 * Why a series of a bound or worded target has no score, beyond the method's own reasons: it has no
 * numeric target at all (評価なし), or its baseline already lies within the bound, so there is no gap to
 * close and a progress figure would only mislead.
 */
export type TargetNoScore = 'no-target' | 'baseline-meets-target';

/** The reason a series cannot be scored for its target's form alone, or null where the method decides. */
export function targetNoScore(series: {
  readonly baseline: { readonly value: DecimalString } | null;
  readonly target: BoundedFigure & { readonly none?: true };
  readonly direction: Direction;
}): TargetNoScore | null {
  if (series.target.none) return 'no-target';
  const { baseline, target } = series;
  if (target.bound === undefined || baseline === null || dec(baseline.value).eq(dec(target.value)))
    return null;
  return meetsTarget({ value: baseline.value }, target, series.direction) ? 'baseline-meets-target' : null;
}
