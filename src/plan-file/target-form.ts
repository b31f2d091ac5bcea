import type { DecimalString } from '../core/decimal.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Baseline, Direction, Target } from '../core/plan.ts';
import {
  boundDirection,
  wordBound,
  wordDirection,
  type Bound,
  type TargetWord,
} from '../core/target-bound.ts';
import type { PlanProblemDetail } from './problem-detail.ts';
import type { ProblemCode } from './problem.ts';

/** A target as the file writes it: a figure (maybe a bound), a word against the baseline, or none. */
export interface WrittenTarget {
  readonly value: DecimalString | null;
  readonly year: FiscalYear;
  readonly bound?: Bound;
  readonly word?: TargetWord;
  readonly label?: string;
  readonly none?: true;
}

/** The optional keys of a target object, as they were written. */
export function targetExtras(raw: {
  readonly bound?: Bound | undefined;
  readonly word?: TargetWord | undefined;
  readonly label?: string | undefined;
}): Pick<WrittenTarget, 'bound' | 'word' | 'label'> {
  return {
    ...(raw.bound !== undefined ? { bound: raw.bound } : {}),
    ...(raw.word !== undefined ? { word: raw.word } : {}),
    ...(raw.label !== undefined ? { label: raw.label } : {}),
  };
}

type TargetProblem =
  | Extract<PlanProblemDetail, { readonly code: 'word-needs-baseline' | 'target-form-contradicts' }>
  | { readonly code: 'target-form'; readonly name: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type SettledTarget =
  | {
      readonly ok: true;
      readonly target: Target;
      /** The direction the form itself sets (a bound or a word); null where baseline and target decide. */
      readonly direction: Direction | null;
    }
  | {
      readonly ok: false;
      readonly kind: ProblemCode;
      readonly at: 'target' | 'direction';
      readonly detail: DistributiveOmit<TargetProblem, 'name'>;
    };

/**
 * Settles a written target into the strict one: a word takes the baseline's value as its mark and the
 * bound it implies; a bound sets the direction (以上 and 超 are met by going up); `none` is 評価なし. A
 * stated direction that contradicts the form, a word without a baseline, or two forms at once are refused.
 */
export function settleTarget(
  written: WrittenTarget,
  baseline: Baseline | null,
  stated: Direction | null,
): SettledTarget {
  const { year, label } = written;
  const printed = label !== undefined ? { label } : {};
  const forms = [written.value !== null, written.word !== undefined, written.none === true].filter(Boolean);
  if (forms.length !== 1 || (written.bound !== undefined && written.value === null)) {
    return { ok: false, kind: 'bad-target', at: 'target', detail: { code: 'target-form' } };
  }
  if (written.none) {
    return {
      ok: true,
      target: { value: baseline?.value ?? ('0' as DecimalString), year, none: true, ...printed },
      direction: stated ?? 'increase',
    };
  }
  if (written.word !== undefined) {
    const word = written.word;
    if (!baseline) {
      return { ok: false, kind: 'bad-target', at: 'target', detail: { code: 'word-needs-baseline', word } };
    }
    const implied = wordDirection(word);
    if (stated && implied && stated !== implied) {
      return {
        ok: false,
        kind: 'direction-contradicts',
        at: 'direction',
        detail: { code: 'target-form-contradicts', stated, form: word },
      };
    }
    const direction = stated ?? implied ?? 'increase';
    return {
      ok: true,
      target: { value: baseline.value, year, word, bound: wordBound(word, direction), ...printed },
      direction,
    };
  }
  const value = written.value as DecimalString;
  if (written.bound !== undefined) {
    const direction = boundDirection(written.bound);
    if (stated && stated !== direction) {
      return {
        ok: false,
        kind: 'direction-contradicts',
        at: 'direction',
        detail: { code: 'target-form-contradicts', stated, form: written.bound },
      };
    }
    return { ok: true, target: { value, year, bound: written.bound, ...printed }, direction };
  }
  return { ok: true, target: { value, year, ...printed }, direction: null };
}
