import { dec, decimalPlacesOf, Decimal, roundTo, type DecimalString } from './decimal.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Series } from './plan.ts';
import { atOrBeyond } from './direction.ts';

/** A least-squares line needs this many observed points before its projection means anything. */
export const MIN_PROJECTION_POINTS = 3;

export interface Projection {
  /** The value the fitted line reaches in the target year. */
  readonly value: DecimalString;
  /** Change per year along the fitted line. */
  readonly slope: DecimalString;
  readonly points: number;
  readonly reachesTarget: boolean;
}

export interface SeriesTrajectory {
  /** Where a straight path from baseline to target stands in the evaluation year. */
  readonly expected: DecimalString | null;
  /** Whether the actual is at or beyond that point; null without baseline or actual. */
  readonly onTrack: boolean | null;
  readonly projection: Projection | null;
  /** Why there is no projection, in words a reader needs: too few points, or none at all. */
  readonly noProjection: { readonly reason: 'too-few-points'; readonly points: number } | null;
}

export interface KpiTrajectory {
  /** True when every series is on track, false when any is off, null when it cannot be told. */
  readonly onTrack: boolean | null;
}

interface Point {
  x: Decimal;
  y: Decimal;
}

function displayPlaces(...values: DecimalString[]): number {
  return Math.max(0, ...values.map(decimalPlacesOf)) + 1;
}

/** `series` carries the target and baseline in force in `year`, so the path is the one planned then. */
export function seriesTrajectory(
  series: Series,
  year: FiscalYear,
  baselineYear: FiscalYear,
  actual: DecimalString | null,
): SeriesTrajectory {
  const target = series.target;
  const places = displayPlaces(target.value, ...(series.baseline ? [series.baseline.value] : []));
  let expected: DecimalString | null = null;
  if (series.baseline) {
    const b = dec(series.baseline.value);
    const span = target.year - baselineYear;
    const elapsed = Math.max(0, Math.min(year - baselineYear, span));
    const share = span > 0 ? new Decimal(elapsed).div(span) : new Decimal(1);
    expected = roundTo(b.plus(dec(target.value).minus(b).mul(share)), places, 'half-up');
  }
  const onTrack =
    expected !== null && actual !== null ? atOrBeyond(actual, expected, series.direction) : null;

  const points = observedPoints(series, year);
  if (points.length < MIN_PROJECTION_POINTS || new Set(points.map((p) => p.x.toString())).size < 2) {
    return {
      expected,
      onTrack,
      projection: null,
      noProjection: { reason: 'too-few-points', points: points.length },
    };
  }
  const { slope, at } = leastSquares(points);
  const value = roundTo(at(new Decimal(target.year)), places, 'half-up');
  return {
    expected,
    onTrack,
    projection: {
      value,
      slope: roundTo(slope, places, 'half-up'),
      points: points.length,
      reachesTarget: atOrBeyond(value, target.value, series.direction),
    },
    noProjection: null,
  };
}

/** The observed values up to the year: actuals, and the baseline where the plan says when it stood. */
function observedPoints(series: Series, year: FiscalYear): Point[] {
  const points: Point[] = [];
  const span = series.baseline?.span;
  if (series.baseline && span) {
    points.push({ x: new Decimal(span.from + span.to).div(2), y: dec(series.baseline.value) });
  }
  for (const [y, entry] of series.actuals) {
    if (y <= year && entry.kind === 'value') points.push({ x: new Decimal(y), y: dec(entry.value) });
  }
  return points;
}

function leastSquares(points: Point[]): { slope: Decimal; at: (x: Decimal) => Decimal } {
  const n = new Decimal(points.length);
  const meanX = points.reduce((s, p) => s.plus(p.x), new Decimal(0)).div(n);
  const meanY = points.reduce((s, p) => s.plus(p.y), new Decimal(0)).div(n);
  let sxy = new Decimal(0);
  let sxx = new Decimal(0);
  for (const p of points) {
    const dx = p.x.minus(meanX);
    sxy = sxy.plus(dx.mul(p.y.minus(meanY)));
    sxx = sxx.plus(dx.mul(dx));
  }
  const slope = sxy.div(sxx);
  return { slope, at: (x) => meanY.plus(slope.mul(x.minus(meanX))) };
}

export function kpiTrajectory(series: readonly SeriesTrajectory[]): KpiTrajectory {
  if (series.some((s) => s.onTrack === false)) return { onTrack: false };
  if (series.length > 0 && series.every((s) => s.onTrack === true)) return { onTrack: true };
  return { onTrack: null };
}
