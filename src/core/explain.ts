import type { DecimalString } from './decimal.ts';
import { formatNumber, formatPercent } from './format.ts';
import type { Score } from './methods.ts';
import type { Tally } from './evaluation.ts';

const MINUS = '−';

/** A figure inside a formula: with separators, its minus as a true minus sign, in brackets when negative. */
function term(value: DecimalString): string {
  const text = formatNumber(value).replace('-', MINUS);
  return value.startsWith('-') ? `(${text})` : text;
}

function result(value: DecimalString): string {
  return formatPercent(value).replace('-', MINUS);
}

/** The calculation behind a score with its numbers: (385.9 − 431.5) / (438.3 − 431.5) = −670.6%. */
export function explainScore(score: Score): string {
  const c = score.calculation;
  switch (c.method) {
    case 'progress':
      return `(${term(c.actual)} ${MINUS} ${term(c.baseline)}) / (${term(c.target)} ${MINUS} ${term(c.baseline)}) = ${result(score.value)}`;
    case 'ratio':
      return `${term(c.numerator)} / ${term(c.denominator)} = ${result(score.value)}`;
    case 'pace': {
      const gap = `(${term(c.target)} ${MINUS} ${term(c.baseline)})`;
      const expected = c.share ? `(${gap} × ${c.share.elapsed}/${c.share.span})` : gap;
      return `(${term(c.actual)} ${MINUS} ${term(c.baseline)}) / ${expected} = ${result(score.value)}`;
    }
  }
}

/** The calculation behind a rate: 4 / 15 = 26.7%. */
export function explainRate(tally: Tally): string | null {
  if (tally.rate === null) return null;
  return `${tally.achieved} / ${tally.evaluated} = ${tally.rate.replace(/\.0+$/, '')}%`;
}
