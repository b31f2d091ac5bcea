import { dec, roundTo, toPlainString, Decimal, type DecimalString } from './decimal.ts';
import { deepFreeze } from './freeze.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Series } from './plan.ts';
import type { MethodName, Rounding } from './settings.ts';

/** The exact terms behind one printed figure, so any output can show how it was reached. */
export type Calculation =
  | {
      method: 'progress';
      actual: DecimalString;
      baseline: DecimalString;
      target: DecimalString;
      /** The year whose interim target stands in for the final one (evaluation.against: interim). */
      interim?: FiscalYear;
    }
  | { method: 'ratio'; numerator: DecimalString; denominator: DecimalString; interim?: FiscalYear }
  | {
      method: 'pace';
      actual: DecimalString;
      baseline: DecimalString;
      /** The target the year is measured against: the interim target, or the final one scaled by share. */
      target: DecimalString;
      /** Years elapsed and years in all from the baseline year to the target year; null with a milestone. */
      share: { elapsed: number; span: number } | null;
      interim?: FiscalYear;
    };

export interface Score {
  /** The figure as printed, rounded per the plan (e.g. "-670.6"), in %. */
  readonly value: DecimalString;
  /** The unrounded quotient, for audits and for the HTML trace. */
  readonly exact: DecimalString;
  readonly calculation: Calculation;
}

/** Why a series has no score. */
export type NoScore =
  | 'no-actual'
  | 'no-baseline'
  | 'target-equals-baseline'
  | 'zero-denominator'
  | 'no-pace-yet'
  /** evaluation.against is interim and the plan sets no interim target for the year judged. */
  | 'no-interim-target';

export type ScoreResult = { score: Score } | { score: null; reason: NoScore };

const HUNDRED = new Decimal(100);
const EXACT_PLACES = 10;

function scoreOf(quotient: Decimal, rounding: Rounding, calculation: Calculation): ScoreResult {
  const percent = quotient.mul(HUNDRED);
  // Frozen as made: the evaluation holds it, and freezing it here spares walking it there (freeze.ts).
  return {
    score: Object.freeze({
      value: roundTo(percent, rounding.places, rounding.mode),
      exact: toPlainString(percent.toDecimalPlaces(EXACT_PLACES, Decimal.ROUND_HALF_UP)),
      calculation: deepFreeze(calculation),
    }),
  };
}

export interface MethodInput {
  /** The series with the target and baseline in force in `year` (revisions.ts), never the plan's first ones. */
  readonly series: Series;
  readonly actual: DecimalString;
  readonly year: FiscalYear;
  readonly baselineYear: FiscalYear;
  readonly rounding: Rounding;
}

/** 目標進捗率: how far the actual has moved from baseline toward target (DOMAIN rule 1). */
function progress({ series, actual, rounding }: MethodInput): ScoreResult {
  if (!series.baseline) return { score: null, reason: 'no-baseline' };
  const b = dec(series.baseline.value);
  const gap = dec(series.target.value).minus(b);
  if (gap.isZero()) return { score: null, reason: 'target-equals-baseline' };
  return scoreOf(dec(actual).minus(b).div(gap), rounding, {
    method: 'progress',
    actual,
    baseline: series.baseline.value,
    target: series.target.value,
  });
}

/** 達成率 as prefectures print it: actual / target, turned over where lower is better. */
function ratio({ series, actual, rounding }: MethodInput): ScoreResult {
  const [numerator, denominator] =
    series.direction === 'increase' ? [actual, series.target.value] : [series.target.value, actual];
  if (dec(denominator).isZero()) return { score: null, reason: 'zero-denominator' };
  return scoreOf(dec(numerator).div(dec(denominator)), rounding, { method: 'ratio', numerator, denominator });
}

/**
 * Progress against the pace the plan implies: the interim target for the year where one is set,
 * otherwise the share of the gap a straight line from the baseline year reaches by this year.
 */
function pace(input: MethodInput): ScoreResult {
  const { series, actual, year, baselineYear, rounding } = input;
  if (!series.baseline) return { score: null, reason: 'no-baseline' };
  const b = dec(series.baseline.value);
  const milestone = series.milestones.get(year);
  if (milestone !== undefined) {
    const gap = dec(milestone).minus(b);
    if (gap.isZero()) return { score: null, reason: 'target-equals-baseline' };
    return scoreOf(dec(actual).minus(b).div(gap), rounding, {
      method: 'pace',
      actual,
      baseline: series.baseline.value,
      target: milestone,
      share: null,
    });
  }
  const span = series.target.year - baselineYear;
  const elapsed = Math.min(year - baselineYear, span);
  if (span <= 0 || elapsed <= 0) return { score: null, reason: 'no-pace-yet' };
  const gap = dec(series.target.value).minus(b);
  if (gap.isZero()) return { score: null, reason: 'target-equals-baseline' };
  const expectedGap = gap.mul(elapsed).div(span);
  return scoreOf(dec(actual).minus(b).div(expectedGap), rounding, {
    method: 'pace',
    actual,
    baseline: series.baseline.value,
    target: series.target.value,
    share: { elapsed, span },
  });
}

export const METHODS: Readonly<Record<MethodName, (input: MethodInput) => ScoreResult>> = {
  progress,
  ratio,
  pace,
};
