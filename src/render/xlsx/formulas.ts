import { decimalPlacesOf, type DecimalString } from '../../core/decimal.ts';
import type { SeriesResult } from '../../core/evaluation.ts';
import type { Score } from '../../core/methods.ts';
import type { Rounding } from '../../core/settings.ts';
import type { Messages } from '../messages.ts';

/**
 * The engine's calculations as Excel formulas over the sheet's own cells, so staff can audit every
 * figure. Excel's ROUND rounds half away from zero and ROUNDDOWN toward zero, as the engine does.
 */

/** The significant digits a double holds for certain, and so Excel and LibreOffice compute with. */
const SIGNIFICANT_DIGITS = 15;

export interface ScoreRefs {
  readonly baseline: string;
  readonly target: string;
  readonly actual: string;
  /** The cell of the year's interim target, where the sheet has a column for it. */
  readonly milestone: string | null;
}

function rounded(expression: string, rounding: Rounding): string {
  const fn = rounding.mode === 'half-up' ? 'ROUND' : 'ROUNDDOWN';
  return `${fn}(${expression},${rounding.places})`;
}

/** A string inside a formula, with its quote marks doubled. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A cell on another sheet: 'Sheet name'!C5. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * The places at which a difference of these figures is exact. 20.4 − 20.3 is 0.0999999999999979 in
 * binary, and a quotient built on it can fall just short of a tie the engine rounds up (1.25 → 1.3);
 * rounded to these places the difference is the decimal again, with room left for a figure typed later
 * with more decimals than it has now.
 */
export function differencePlaces(values: readonly DecimalString[]): number {
  const written = Math.max(0, ...values.map(decimalPlacesOf));
  const integerDigits = Math.max(1, ...values.map((v) => v.replace(/^-?0*/, '').split('.')[0]?.length ?? 0));
  return Math.max(written, SIGNIFICANT_DIGITS - integerDigits);
}

function quotient(score: Score, series: SeriesResult, refs: ScoreRefs): string {
  const { baseline: b, target: t, actual: a } = refs;
  const c = score.calculation;
  // Under evaluation.against: interim the year's interim target stands in for the final one.
  const target = c.interim === undefined ? t : interimRef(refs);
  if (c.method === 'ratio') {
    // Turned over where lower is better, as methods.ts does.
    return series.direction === 'increase' ? `${a}/${target}` : `${target}/${a}`;
  }
  const places = differencePlaces([c.actual, c.baseline, c.target]);
  const minus = (x: string, y: string) => `ROUND(${x}-${y},${places})`;
  if (c.method === 'progress') return `${minus(a, b)}/${minus(target, b)}`;
  if (c.share) return `${minus(a, b)}/(${minus(t, b)}*${c.share.elapsed}/${c.share.span})`;
  if (!refs.milestone) throw new Error('a pace score against an interim target needs its cell');
  return `${minus(a, b)}/${minus(refs.milestone, b)}`;
}

function interimRef(refs: ScoreRefs): string {
  if (!refs.milestone) throw new Error('a score against an interim target needs its cell');
  return refs.milestone;
}

/** 目標との差 over the sheet's cells, rounded to the places its figures are exact at. */
export function shortfallFormula(
  series: SeriesResult,
  refs: { readonly target: string; readonly actual: string },
): string | null {
  const shortfall = series.shortfall;
  if (!shortfall) return null;
  const places = decimalPlacesOf(shortfall.value);
  const { target, actual } = refs;
  const gap = series.direction === 'increase' ? `${target}-${actual}` : `${actual}-${target}`;
  return `ROUND(${gap},${places})`;
}

export function scoreFormula(
  score: Score,
  series: SeriesResult,
  refs: ScoreRefs,
  rounding: Rounding,
): string {
  return rounded(`${quotient(score, series, refs)}*100`, rounding);
}

const countIf = (range: string, status: string): string => `COUNTIF(${range},${formulaString(status)})`;

/**
 * The KPIs a range of status cells counts as achieved, and as evaluated: achieved or not. A KPI left
 * out of the rate shows why instead (未取得), so it is in neither count, as the engine leaves it out.
 */
export function statusCounts(range: string, messages: Messages): { achieved: string; evaluated: string } {
  const achieved = countIf(range, messages.status('achieved'));
  return { achieved, evaluated: `${achieved}+${countIf(range, messages.status('not_achieved'))}` };
}

/** Achieved / evaluated in %, or — where nothing was evaluated, as the engine leaves the rate out. */
export function rateFormula(achieved: string, evaluated: string, rounding: Rounding, none: string): string {
  return `IF(${evaluated}=0,${formulaString(none)},${rounded(`${achieved}/${evaluated}*100`, rounding)})`;
}
