import type { DecimalString } from './decimal.ts';
import type { FigureEntry } from './figure-text.ts';
import { formatYearSpan } from './fiscal-year.ts';
import type { Baseline } from './plan.ts';

/** How a report writes a negative number: -40 as in the seed, or △40 / ▲40 as many Japanese documents do. */
export type NegativeSign = '-' | '△' | '▲';

export const NO_FIGURE = '—';

/** 3908 → 3,908; -1234.5 → -1,234.5 (or △1,234.5). Decimals are kept exactly as written. */
export function formatNumber(value: DecimalString, negative: NegativeSign = '-'): string {
  const sign = value.startsWith('-') ? negative : '';
  const [integer = '', fraction] = value.replace('-', '').split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/** 431.5万円, 74.3%, 272,000t. */
export function formatFigure(
  value: DecimalString,
  unit: string | null,
  negative: NegativeSign = '-',
): string {
  return formatNumber(value, negative) + (unit ?? '');
}

/** A year's cell: the figure, — where nothing is reported, or the reason (未取得). */
export function formatEntry(
  entry: FigureEntry | null,
  unit: string | null,
  negative: NegativeSign = '-',
): string {
  if (!entry || entry.kind === 'none') return NO_FIGURE;
  return entry.kind === 'missing' ? entry.reason : formatFigure(entry.value, unit, negative);
}

/** 431.5万円 (H30), -40人 (H30～R2平均値), or — where the plan has no baseline. */
export function formatBaseline(
  baseline: Baseline | null,
  unit: string | null,
  negative: NegativeSign = '-',
): string {
  if (!baseline) return NO_FIGURE;
  const figure = formatFigure(baseline.value, unit, negative);
  return baseline.span ? `${figure} (${formatYearSpan(baseline.span)})` : figure;
}

/**
 * A progress figure as the seed prints it: -670.6% and -2850.0% (no thousands separators), and a
 * plain 0% where nothing has moved.
 */
export function formatPercent(value: DecimalString | null, negative: NegativeSign = '-'): string {
  if (value === null) return NO_FIGURE;
  if (/^0(\.0+)?$/.test(value)) return '0%';
  return `${value.replace(/^-/, negative)}%`;
}

/** An achievement rate as the seed prints it: 26.7%, but 50% and 0% without a trailing .0. */
export function formatRate(value: DecimalString | null): string {
  if (value === null) return NO_FIGURE;
  return `${formatNumber(value.replace(/\.0+$/, '') as DecimalString)}%`;
}

/** 男性：18.43年, or the text alone for a KPI without series. */
export function withSeriesLabel(label: string | null, text: string): string {
  return label === null ? text : `${label}：${text}`;
}
