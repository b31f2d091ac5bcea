/**
 * A comparison's rows as every output shows them (the page's chart and table, the CSV): each plan's
 * rates as exact ratios and as text to one decimal, its rank by the overall rate, and the distribution
 * of each measure in ten-point bands. Pure over a kept comparison: nothing here reads the store.
 */
import { Decimal, roundTo, type DecimalString } from '../core/decimal.ts';
import type { Counts } from '../core/kind-tally.ts';
import {
  histogram,
  medianOf,
  ratio,
  standingsOf as ranked,
  type Ratio,
  type Standing,
} from '../core/standing.ts';
import type { ComparedPlan, RateComparison } from './comparison-rates.ts';

/** The measures compared: the overall rate and the rate of each kind of goal. */
export const MEASURES = ['overall', 'basic', 'crossCutting'] as const;
export type Measure = (typeof MEASURES)[number];

/** Rates are printed to one decimal, half up, the same for every plan whatever its own rounding. */
const PLACES = 1;

export interface RateFigure {
  readonly counts: Counts | null;
  /** achieved / evaluated; null where nothing was evaluated (or the plan has no goal of the kind). */
  readonly ratio: Ratio | null;
  /** The rate in %, to one decimal; null with the ratio. */
  readonly rate: DecimalString | null;
}

export interface StandingRow {
  readonly plan: ComparedPlan;
  readonly figures: Readonly<Record<Measure, RateFigure>>;
  /** Its place by each measure among the plans compared; null where it has no rate. */
  readonly standings: Readonly<Record<Measure, Standing | null>>;
}

export interface Distribution {
  /** Plans in each ten-point band, 0–10 % first, 90–100 % last. */
  readonly counts: readonly number[];
  /** Plans without a rate for the measure. */
  readonly missing: number;
  readonly median: RateFigure;
}

export interface Standings {
  readonly rows: readonly StandingRow[];
  readonly distributions: Readonly<Record<Measure, Distribution>>;
}

function figureOf(counts: Counts | null): RateFigure {
  const share = counts === null ? null : ratio(counts.achieved, counts.evaluated);
  return { counts, ratio: share, rate: share === null ? null : rateText(share) };
}

/** A ratio as a percentage to one decimal, half up, exactly. */
export function rateText(share: Ratio): DecimalString {
  return roundTo(new Decimal(share.part).div(share.of).mul(100), PLACES, 'half-up');
}

export function standingsOf(comparison: RateComparison): Standings {
  const figures = comparison.plans.map((plan) => ({
    overall: figureOf(plan.overall),
    basic: figureOf(plan.basic),
    crossCutting: figureOf(plan.crossCutting),
  }));
  const ratios = (measure: Measure) => figures.map((f) => f[measure].ratio);
  const all = { overall: ratios('overall'), basic: ratios('basic'), crossCutting: ratios('crossCutting') };
  const ranks = {
    overall: ranked(all.overall),
    basic: ranked(all.basic),
    crossCutting: ranked(all.crossCutting),
  };
  const rows = comparison.plans.map((plan, i) => ({
    plan,
    figures: figures[i] as Record<Measure, RateFigure>,
    standings: {
      overall: ranks.overall[i] ?? null,
      basic: ranks.basic[i] ?? null,
      crossCutting: ranks.crossCutting[i] ?? null,
    },
  }));
  const distribution = (measure: Measure): Distribution => {
    const { counts, missing } = histogram(all[measure]);
    const median = medianOf(all[measure]);
    return {
      counts,
      missing,
      median: { counts: null, ratio: median, rate: median === null ? null : rateText(median) },
    };
  };
  return {
    rows,
    distributions: {
      overall: distribution('overall'),
      basic: distribution('basic'),
      crossCutting: distribution('crossCutting'),
    },
  };
}
