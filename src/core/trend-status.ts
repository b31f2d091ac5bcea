import { dec, decimalPlacesOf, roundTo, toPlainString, type Decimal, type DecimalString } from './decimal.ts';
import type { FigureEntry } from './figure-text.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Direction } from './plan.ts';
import type { Rounding } from './settings.ts';

/**
 * Statuses judged on how a figure moved rather than on how far it came toward its target: 進展 / 進展せず
 * against the previous year (千葉県), ○ / △ / × (江田島市), S / A / B / C against the baseline (長与町).
 */

/** What the evaluation year's actual is compared with. */
export type TrendReference = 'previous-year' | 'baseline';

/** How the movement is measured: in the KPI's own unit, or in % of the value compared with. */
export type TrendMeasure = 'change' | 'percent';

export interface TrendBand {
  readonly label: string;
  /** true: the band holds only a KPI whose every series reached its target (S, クリア). */
  readonly reached: boolean | null;
  /** The band holds a change strictly above this (「基準値を超えている」). */
  readonly over: DecimalString | null;
  /** The band holds a change at or above this (「△10%以内」 is a min of -10). */
  readonly min: DecimalString | null;
  /** Whether a KPI in this band counts as achieved in the rates; null leaves it to the target. */
  readonly achieved: boolean | null;
  /** The status phrase that opens the assessment of a KPI in this band, where the plan words one. */
  readonly phrase: string | null;
}

export interface TrendSettings {
  readonly against: TrendReference;
  readonly measure: TrendMeasure;
  /** The column's heading as the plan's reports print it (進捗状況, 改善・悪化); null for the default. */
  readonly heading: string | null;
  /** Best first; the first band whose conditions hold is the KPI's. */
  readonly bands: readonly TrendBand[];
}

/** One series's movement: the value compared with, and the change in the better direction. */
export interface SeriesTrend {
  readonly referenceYear: FiscalYear | null;
  readonly reference: DecimalString;
  /** Positive is better whichever way the KPI runs; exact, for comparing with the bands. */
  readonly exact: DecimalString;
  /** As printed: rounded as the plan rounds. */
  readonly change: DecimalString;
}

export interface KpiTrend {
  readonly label: string;
  readonly band: TrendBand;
  /** The worst series's movement, or null where only the target decided the band (S without a baseline). */
  readonly change: SeriesTrend | null;
}

/**
 * How far a series moved from its reference, signed so that better is positive. null where there is
 * nothing to compare with (no previous year's value, no baseline) or a percentage of zero is asked for.
 */
export function seriesTrend(
  settings: TrendSettings,
  input: {
    readonly actual: DecimalString;
    readonly direction: Direction;
    readonly year: FiscalYear;
    readonly baseline: { readonly value: DecimalString; readonly year: FiscalYear } | null;
    readonly actuals: ReadonlyMap<FiscalYear, FigureEntry>;
    readonly rounding: Rounding;
  },
): SeriesTrend | null {
  let reference: DecimalString;
  let referenceYear: FiscalYear | null;
  if (settings.against === 'baseline') {
    if (!input.baseline) return null;
    reference = input.baseline.value;
    referenceYear = input.baseline.year;
  } else {
    const previous = input.actuals.get(input.year - 1);
    if (previous?.kind !== 'value') return null;
    reference = previous.value;
    referenceYear = input.year - 1;
  }
  let moved: Decimal = dec(input.actual).minus(dec(reference));
  if (input.direction === 'decrease') moved = moved.neg();
  if (settings.measure === 'percent') {
    const base = dec(reference).abs();
    if (base.isZero()) return null;
    moved = moved.div(base).mul(100);
  }
  const places =
    settings.measure === 'percent' ? input.rounding.places : decimalPlaces(input.actual, reference);
  return {
    referenceYear,
    reference,
    exact: toPlainString(moved),
    change: roundTo(moved, places, input.rounding.mode),
  };
}

/** A change in the unit is printed with as many decimals as the figures it is taken from. */
function decimalPlaces(...values: DecimalString[]): number {
  return Math.max(0, ...values.map(decimalPlacesOf));
}

/**
 * The band of a KPI: the first whose conditions hold. A band that asks for a change never holds without
 * one, so a KPI with nothing to compare with gets no trend status unless it reached its target.
 */
export function trendOf(
  settings: TrendSettings,
  series: readonly (SeriesTrend | null)[],
  reached: boolean,
): KpiTrend | null {
  const known = series.every((s) => s !== null) && series.length > 0;
  const worst = known
    ? (series as SeriesTrend[]).reduce((low, s) => (dec(s.exact).lt(dec(low.exact)) ? s : low))
    : null;
  for (const band of settings.bands) {
    if (band.reached === true && !reached) continue;
    const needsChange = band.reached !== true || band.over !== null || band.min !== null;
    if (needsChange && worst === null) continue;
    const exact = worst ? dec(worst.exact) : null;
    if (band.over !== null && !(exact && exact.gt(dec(band.over)))) continue;
    if (band.min !== null && !(exact && exact.gte(dec(band.min)))) continue;
    return { label: band.label, band, change: worst };
  }
  return null;
}
