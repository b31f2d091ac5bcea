import { describe, expect, it } from 'vitest';
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from '../../src/core/decimal.ts';
import {
  figureFromNumber,
  parseFigureEntry,
  parseFigureText,
  readStoredFigureEntry,
} from '../../src/core/figure-text.ts';

const eighteen = '123456789012345678';
const twelve = '0.123456789012';

describe('a figure has at most 18 digits before the point and 12 after it', () => {
  it('takes the largest figures there are', () => {
    expect(MAX_INTEGER_DIGITS).toBe(18);
    expect(MAX_FRACTION_DIGITS).toBe(12);
    expect(parseFigureText(eighteen, null)).toEqual({ ok: true, value: eighteen, notes: [] });
    expect(parseFigureText(`-${eighteen}.123456789012`, null)).toEqual({
      ok: true,
      value: `-${eighteen}.123456789012`,
      notes: [],
    });
    expect(parseFigureText(twelve, null)).toEqual({ ok: true, value: twelve, notes: [] });
  });

  it('refuses a 19th integer digit and a 13th decimal, saying which bound', () => {
    expect(parseFigureText(`9${eighteen}`, null)).toEqual({
      ok: false,
      problem: { code: 'integer-digits', text: `9${eighteen}`, max: 18 },
    });
    expect(parseFigureText(`${twelve}3`, null)).toEqual({
      ok: false,
      problem: { code: 'decimals', text: `${twelve}3`, max: 12 },
    });
    expect(parseFigureText(`-${twelve}3`, null)).toMatchObject({ ok: false, problem: { code: 'decimals' } });
    // Leading zeros are not digits of the figure.
    expect(parseFigureText(`000${eighteen}`, null)).toMatchObject({ ok: true, value: eighteen });
  });

  it('applies the same bounds to JavaScript numbers', () => {
    expect(figureFromNumber(1e17)).toEqual({ ok: true, value: '100000000000000000', notes: [] });
    expect(figureFromNumber(1e18)).toEqual({
      ok: false,
      problem: { code: 'integer-digits', text: '1000000000000000000', max: 18 },
    });
    expect(figureFromNumber(1e-12)).toEqual({ ok: true, value: '0.000000000001', notes: [] });
    expect(figureFromNumber(1e-13)).toEqual({
      ok: false,
      problem: { code: 'decimals', text: '1e-13', max: 12 },
    });
    expect(figureFromNumber(-2.5e-7)).toEqual({ ok: true, value: '-0.00000025', notes: [] });
    expect(figureFromNumber(-1e-7)).toEqual({ ok: true, value: '-0.0000001', notes: [] });
    expect(figureFromNumber(-Number.MIN_VALUE)).toMatchObject({ ok: false, problem: { code: 'decimals' } });
    expect(figureFromNumber(1.5e-10)).toEqual({ ok: true, value: '0.00000000015', notes: [] });
    expect(figureFromNumber(-12)).toEqual({ ok: true, value: '-12', notes: [] });
    expect(figureFromNumber(Number.POSITIVE_INFINITY)).toEqual({
      ok: false,
      problem: { code: 'not-finite', text: 'Infinity' },
    });
  });

  it('keeps a stored entry beyond the bounds as the text it was, never as a figure', () => {
    expect(parseFigureEntry(`${twelve}3`, null)).toMatchObject({ ok: false, problem: { code: 'decimals' } });
    expect(readStoredFigureEntry(` ${twelve}3 `, null)).toEqual({
      ok: true,
      value: { kind: 'missing', reason: `${twelve}3` },
      notes: [],
    });
    expect(readStoredFigureEntry('12', null)).toEqual({
      ok: true,
      value: { kind: 'value', value: '12' },
      notes: [],
    });
  });
});
