import { dec, toFixedString, type Decimal, type DecimalString } from './decimal.ts';
import { Exact } from './exact.ts';
import type { FigureEntry } from './figure-text.ts';
import type { Indicator } from './indicators.ts';
import type { Population } from './plan.ts';

/**
 * One indicator compared across municipalities for one year (issue 14, comparable KPIs).
 *
 * The figure compared is each KPI's published figure OF THE YEAR ITSELF (its cell for that year in the
 * latest edition of that year), never "the latest up to the year": a 2020 birth count beside a 2022 one
 * would rank towns by when they last counted, not by how they fare. A town without the year's figure is
 * listed apart with the reason, as is one whose figure cannot be compared exactly (a bound such as
 * 「75%以上」, a running total, another unit, no population for a per-resident indicator).
 *
 * A KPI with several series (男性/女性) is compared series by series: each label is its own group, ranked
 * on its own, since a man's healthy life expectancy says nothing of a woman's. A single-series KPI is the
 * unlabelled group. Labels are matched after NFKC and trimming, so 「男性」 and 「男性 」 are one group.
 *
 * Everything is exact: the per-resident figure is figure × N ÷ population as a rational, the ranks and
 * the median and quartiles are taken from those rationals, and only the returned decimal strings are
 * rounded ({@link COMPARED_PLACES}), for display and files, never for order.
 */

/** What a plan's KPI reports for the indicator and year; `item` is carried through untouched for display. */
export interface IndicatorFigure<T> {
  readonly item: T;
  /** The series label (男性), or null for a KPI without series. */
  readonly label: string | null;
  /** The year's cell; null where the plan records nothing for it. */
  readonly entry: FigureEntry | null;
  /** The KPI's unit, as the plan writes it. */
  readonly unit: string | null;
  readonly cumulative: boolean;
  readonly population: Population | null;
}

export type ApartReason =
  | { readonly code: 'no-figure' }
  | { readonly code: 'missing'; readonly reason: string }
  | { readonly code: 'bound' }
  | { readonly code: 'cumulative' }
  | { readonly code: 'unit'; readonly unit: string | null }
  | { readonly code: 'no-population' };

export interface RankedFigure<T> {
  readonly item: T;
  /** The figure as published. */
  readonly figure: DecimalString;
  /** Per N residents, rounded to COMPARED_PLACES for display; null for an indicator compared as it stands. */
  readonly perResidents: DecimalString | null;
  /** Competition rank (1, 2, 2, 4): ties share the better rank, exactly equal rationals only. */
  readonly rank: number;
  /** Whether another municipality shares this rank. */
  readonly tied: boolean;
}

export interface ApartFigure<T> {
  readonly item: T;
  readonly reason: ApartReason;
}

export interface Distribution {
  readonly count: number;
  /** Of the compared figure (per N residents where the indicator is), rounded to COMPARED_PLACES. */
  readonly min: DecimalString;
  readonly q1: DecimalString;
  readonly median: DecimalString;
  readonly q3: DecimalString;
  readonly max: DecimalString;
}

export interface ComparisonGroup<T> {
  /** The series label (NFKC), or null for KPIs without series. */
  readonly label: string | null;
  /** Best first, by the indicator's better direction; equal figures in the order they came. */
  readonly ranked: readonly RankedFigure<T>[];
  readonly apart: readonly ApartFigure<T>[];
  /** Null when nothing is ranked. */
  readonly distribution: Distribution | null;
}

/** Places of the per-resident figure and the distribution as returned: enough for any display, not for order. */
export const COMPARED_PLACES = 3;

/** Where one municipality stands in a group: 「県内12団体中3位」. */
export interface Standing {
  readonly rank: number;
  readonly of: number;
  readonly tied: boolean;
}

const labelKey = (label: string | null): string | null => {
  if (label === null) return null;
  const key = label.normalize('NFKC').trim();
  return key === '' ? null : key;
};

const unitKey = (unit: string | null): string => (unit ?? '').normalize('NFKC').trim();

type Read =
  { kind: 'compared'; figure: DecimalString; compared: Decimal } | { kind: 'apart'; reason: ApartReason };

function readFigure(indicator: Indicator, figure: IndicatorFigure<unknown>): Read {
  const { entry } = figure;
  if (entry === null || entry.kind === 'none') return { kind: 'apart', reason: { code: 'no-figure' } };
  if (entry.kind === 'missing') return { kind: 'apart', reason: { code: 'missing', reason: entry.reason } };
  if (entry.bound) return { kind: 'apart', reason: { code: 'bound' } };
  if (figure.cumulative) return { kind: 'apart', reason: { code: 'cumulative' } };
  if (unitKey(figure.unit) !== unitKey(indicator.unit.ja)) {
    return { kind: 'apart', reason: { code: 'unit', unit: figure.unit } };
  }
  if (indicator.perResidents === null)
    return { kind: 'compared', figure: entry.value, compared: dec(entry.value) };
  const residents = figure.population === null ? null : dec(figure.population.value);
  if (residents === null || residents.cmp(0) <= 0)
    return { kind: 'apart', reason: { code: 'no-population' } };
  return {
    kind: 'compared',
    figure: entry.value,
    compared: dec(entry.value).mul(indicator.perResidents).div(residents),
  };
}

const shown = (value: Decimal): DecimalString =>
  toFixedString(value.toDecimalPlaces(COMPARED_PLACES, Exact.ROUND_HALF_UP), COMPARED_PLACES);

/**
 * The k-th quartile (k = 0 to 4; 2 is the median) of sorted values by linear interpolation between
 * closest ranks, as Excel's QUARTILE.INC and R's type 7: position (n − 1) × k ÷ 4, in whole numbers, so
 * the result is exact.
 */
export function quartile(sorted: readonly Decimal[], k: 0 | 1 | 2 | 3 | 4): Decimal {
  const first = sorted[0];
  if (first === undefined) throw new RangeError('quartile of nothing');
  const position = (sorted.length - 1) * k;
  const low = Math.floor(position / 4);
  const lower = sorted[low] ?? first;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? lower;
  return lower.plus(new Exact(position % 4).div(4).mul(upper.minus(lower)));
}

function distributionOf(values: readonly Decimal[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const at = (k: 0 | 1 | 2 | 3 | 4) => shown(quartile(sorted, k));
  return { count: sorted.length, min: at(0), q1: at(1), median: at(2), q3: at(3), max: at(4) };
}

/** Competition ranks over values already in order, best first: equal neighbours share a rank. */
function ranksOf(ordered: readonly Decimal[]): number[] {
  const ranks: number[] = [];
  ordered.forEach((value, i) => {
    const previous = ordered[i - 1];
    ranks.push(previous !== undefined && previous.cmp(value) === 0 ? (ranks[i - 1] ?? i + 1) : i + 1);
  });
  return ranks;
}

function compareGroup<T>(
  indicator: Indicator,
  label: string | null,
  figures: readonly IndicatorFigure<T>[],
): ComparisonGroup<T> {
  const compared: { item: T; figure: DecimalString; compared: Decimal; order: number }[] = [];
  const apart: ApartFigure<T>[] = [];
  figures.forEach((figure, order) => {
    const read = readFigure(indicator, figure);
    if (read.kind === 'apart') apart.push({ item: figure.item, reason: read.reason });
    else compared.push({ item: figure.item, figure: read.figure, compared: read.compared, order });
  });
  const sign = indicator.better === 'decrease' ? 1 : -1;
  // Array.prototype.sort is stable, and `order` makes the tie order explicit all the same.
  compared.sort((a, b) => sign * a.compared.cmp(b.compared) || a.order - b.order);
  const ranks = ranksOf(compared.map((c) => c.compared));
  const ranked = compared.map((c, i) => {
    const rank = ranks[i] ?? i + 1;
    return {
      item: c.item,
      figure: c.figure,
      perResidents: indicator.perResidents === null ? null : shown(c.compared),
      rank,
      tied: ranks[i - 1] === rank || ranks[i + 1] === rank,
    };
  });
  return { label, ranked, apart, distribution: distributionOf(compared.map((c) => c.compared)) };
}

/**
 * The indicator compared across the figures given: one group per series label (the unlabelled group
 * first, then labels in the order they first appear), each ranked best first.
 */
export function compareIndicator<T>(
  indicator: Indicator,
  figures: readonly IndicatorFigure<T>[],
): ComparisonGroup<T>[] {
  const groups = new Map<string | null, IndicatorFigure<T>[]>();
  for (const figure of figures) {
    const key = labelKey(figure.label);
    const list = groups.get(key) ?? [];
    list.push(figure);
    groups.set(key, list);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
  return keys.map((key) => compareGroup(indicator, key, groups.get(key) ?? []));
}

/** Where the first item that `is` picks stands in the group, or null when it is not ranked there. */
export function standingOf<T>(group: ComparisonGroup<T>, is: (item: T) => boolean): Standing | null {
  const found = group.ranked.find((r) => is(r.item));
  return found ? { rank: found.rank, of: group.ranked.length, tied: found.tied } : null;
}
