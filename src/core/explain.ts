import type { DecimalString } from './decimal.ts';
import { formatNumber, formatPercent } from './format.ts';
import type { Score } from './methods.ts';
import type { Tally } from './evaluation.ts';
import { formatScore } from './score-text.ts';
import type { Rounding } from './settings.ts';
import type { Shortfall } from './shortfall.ts';

const MINUS = '−';

/** A figure inside a formula: with separators, its minus as a true minus sign, in brackets when negative. */
function term(value: DecimalString): string {
  const text = formatNumber(value).replace('-', MINUS);
  return value.startsWith('-') ? `(${text})` : text;
}

function result(value: DecimalString, rounding: Pick<Rounding, 'zero'> | null = null): string {
  return (rounding ? formatScore(value, rounding) : formatPercent(value)).replace('-', MINUS);
}

/** The calculation behind a score with its numbers: (385.9 − 431.5) / (438.3 − 431.5) = −670.6%. */
export function explainScore(score: Score, rounding: Pick<Rounding, 'zero'> | null = null): string {
  const c = score.calculation;
  const printed = result(score.value, rounding);
  switch (c.method) {
    case 'progress':
      return `(${term(c.actual)} ${MINUS} ${term(c.baseline)}) / (${term(c.target)} ${MINUS} ${term(c.baseline)}) = ${printed}`;
    case 'ratio':
      return `${term(c.numerator)} / ${term(c.denominator)} = ${printed}`;
    case 'pace': {
      const gap = `(${term(c.target)} ${MINUS} ${term(c.baseline)})`;
      const expected = c.share ? `(${gap} × ${c.share.elapsed}/${c.share.span})` : gap;
      return `(${term(c.actual)} ${MINUS} ${term(c.baseline)}) / ${expected} = ${printed}`;
    }
  }
}

/** 目標との差 with its numbers, in the better direction's order: 75.0 − 57.9 = 17.1. */
export function explainShortfall(shortfall: Shortfall, direction: 'increase' | 'decrease'): string {
  const [from, less] =
    direction === 'increase' ? [shortfall.target, shortfall.actual] : [shortfall.actual, shortfall.target];
  return `${term(from)} ${MINUS} ${term(less)} = ${formatNumber(shortfall.value).replace('-', MINUS)}`;
}

/** The calculation behind a rate: 4 / 15 = 26.7%. */
export function explainRate(tally: Tally): string | null {
  if (tally.rate === null) return null;
  return `${tally.achieved} / ${tally.evaluated} = ${tally.rate.replace(/\.0+$/, '')}%`;
}
