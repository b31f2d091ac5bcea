import { describe, expect, it } from 'vitest';
import { Decimal, roundTo, type DecimalString } from '../../src/core/decimal.ts';
import { METHODS } from '../../src/core/methods.ts';
import type { Series } from '../../src/core/plan.ts';

const series = (baseline: string, target: string): Series => ({
  label: null,
  unit: null,
  baseline: { value: baseline as DecimalString, span: null },
  target: { value: target as DecimalString, year: 2026 },
  direction: Number(target) >= Number(baseline) ? 'increase' : 'decrease',
  actuals: new Map(),
  provisional: new Set(),
  milestones: new Map(),
  revisions: [],
});

const progress = (
  baseline: string,
  target: string,
  actual: string,
  mode: 'half-up' | 'truncate' = 'half-up',
  places = 1,
) => {
  const result = METHODS.progress({
    series: series(baseline, target),
    actual: actual as DecimalString,
    year: 2022,
    baselineYear: 2021,
    rounding: { mode, places },
  });
  return result.score?.value ?? null;
};

describe('rounding', () => {
  it('rounds half away from zero, as Excel ROUND does', () => {
    expect(roundTo(new Decimal('-116.25'), 1, 'half-up')).toBe('-116.3');
    expect(roundTo(new Decimal('13.75'), 1, 'half-up')).toBe('13.8');
    expect(roundTo(new Decimal('0.05'), 1, 'half-up')).toBe('0.1');
    expect(roundTo(new Decimal('-0.04'), 1, 'half-up')).toBe('0.0');
  });

  it('rounds exact ties of a quotient correctly however the division is carried out', () => {
    // −465 / 400 × 100 = −116.25 and 55 / 400 × 100 = 13.75 exactly; in binary floats both land just off the tie.
    expect(progress('0', '400', '-465')).toBe('-116.3');
    expect(progress('0', '400', '55')).toBe('13.8');
    expect(progress('0.1', '0.5', '0.155')).toBe('13.8');
    expect(progress('1.1', '2.2', '1.2375')).toBe('12.5');
  });

  it('rounds to a whole percent or truncates when the plan says so', () => {
    expect(progress('0', '400', '55', 'half-up', 0)).toBe('14');
    expect(progress('0', '400', '55', 'truncate', 1)).toBe('13.7');
    expect(progress('0', '400', '-465', 'truncate', 1)).toBe('-116.2');
  });

  it('keeps a non-terminating quotient on the right side of the tie', () => {
    expect(progress('0', '3', '1')).toBe('33.3');
    expect(progress('0', '3', '2')).toBe('66.7');
    expect(progress('11', '20', '17')).toBe('66.7');
  });
});
