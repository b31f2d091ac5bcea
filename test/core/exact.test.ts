import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Exact,
  exactPercentFromText,
  ROUND_DOWN,
  ROUND_HALF_EVEN,
  ROUND_HALF_UP,
} from '../../src/core/exact.ts';

/** The reference: decimal.js carried far beyond anything a figure needs. */
const Ref = DecimalJs.clone({
  precision: 400,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -900,
  toExpPos: 900,
});

/** Figures of every size Shinchoku accepts: up to 18 digits before the point and 12 after. */
const figure = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 10n ** 18n - 1n })),
    fc.integer({ min: 0, max: 12 }),
    fc.oneof(fc.bigInt({ min: 0n, max: 99n }), fc.bigInt({ min: 0n, max: 10n ** 12n - 1n })),
  )
  .map(([negative, integer, places, fraction]) => {
    const f = places === 0 ? '' : `.${(fraction % 10n ** BigInt(places)).toString().padStart(places, '0')}`;
    const text = `${integer}${f}`;
    return negative && /[1-9]/.test(text) ? `-${text}` : text;
  });
const nonZero = figure.filter((f) => /[1-9]/.test(f));
const places = fc.integer({ min: 0, max: 14 });
/** decimal.js writes a negative value that rounds to zero as -0; Shinchoku never prints a -0. */
const unsigned = (text: string) => text.replace(/^-(0(\.0+)?)$/, '$1');

describe('exact arithmetic agrees with decimal.js carried to 400 digits', () => {
  it('for sums, differences, products and comparisons, digit for digit', () => {
    fc.assert(
      fc.property(figure, figure, (a, b) => {
        const x = new Exact(a);
        expect(x.plus(b).toFixed()).toBe(new Ref(a).plus(b).toFixed());
        expect(x.minus(b).toFixed()).toBe(new Ref(a).minus(b).toFixed());
        expect(x.mul(b).toFixed()).toBe(new Ref(a).mul(b).toFixed());
        expect(x.cmp(b)).toBe(new Ref(a).cmp(b));
        expect(x.abs().toFixed()).toBe(new Ref(a).abs().toFixed());
        expect(new Exact(a).toString()).toBe(new Ref(a).toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('for quotients rounded half away from zero, toward zero, and half to even, at any places', () => {
    fc.assert(
      fc.property(figure, nonZero, places, (a, b, p) => {
        const q = new Exact(a).div(b);
        const r = new Ref(a).div(b);
        expect(q.toFixed(p)).toBe(unsigned(r.toFixed(p, DecimalJs.ROUND_HALF_UP)));
        expect(q.toDecimalPlaces(p, ROUND_DOWN).toFixed(p)).toBe(
          unsigned(r.toFixed(p, DecimalJs.ROUND_DOWN)),
        );
        expect(q.toDecimalPlaces(p, ROUND_HALF_EVEN).toFixed(p)).toBe(
          unsigned(r.toFixed(p, DecimalJs.ROUND_HALF_EVEN)),
        );
        expect(q.mul(100).toFixed(1)).toBe(unsigned(r.mul(100).toFixed(1, DecimalJs.ROUND_HALF_UP)));
      }),
      { numRuns: 2000 },
    );
  });

  it('for figures of a few digits to many decimals: the long division in safe integers', () => {
    // Quotients whose n·10^places leaves safe integers while n and d stay in them (exact.ts, roundedLong).
    const small = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }))
      .map(([negative, units, p]) => {
        const text = p === 0 ? String(units) : (units / 10 ** p).toFixed(p);
        return negative && /[1-9]/.test(text) ? `-${text}` : text;
      });
    fc.assert(
      fc.property(small, small, small, fc.integer({ min: 6, max: 15 }), (a, b, t, p) => {
        fc.pre(new Exact(t).minus(b).isZero() === false);
        const r = new Ref(a).minus(b).div(new Ref(t).minus(b)).mul(100);
        const q = new Exact(a).minus(b).div(new Exact(t).minus(b)).mul(100);
        expect(q.toFixed(p)).toBe(unsigned(r.toFixed(p, DecimalJs.ROUND_HALF_UP)));
        expect(q.toDecimalPlaces(p, ROUND_DOWN).toFixed(p)).toBe(
          unsigned(r.toFixed(p, DecimalJs.ROUND_DOWN)),
        );
        expect(q.toDecimalPlaces(p, ROUND_HALF_EVEN).toFixed(p)).toBe(
          unsigned(r.toFixed(p, DecimalJs.ROUND_HALF_EVEN)),
        );
        // A score's exact figure: ten decimals, half away from zero, as short as it can be written.
        const gap = new Exact(t).minus(b);
        expect(exactPercentFromText(a, new Exact(b), gap)).toBe(
          unsigned(r.toDecimalPlaces(10, DecimalJs.ROUND_HALF_UP).toFixed()),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('on exact ties, where a float quotient would land on either side', () => {
    // (a − b) / (t − b) × 100 lies exactly on a half tenth in each of these.
    expect(new Exact('7.5').minus('5').div(new Exact('13').minus('5')).mul(100).toFixed(1)).toBe('31.3');
    expect(new Exact('-0.15').div(1).toFixed(1)).toBe('-0.2');
    expect(new Exact('0.15').toDecimalPlaces(1, ROUND_HALF_UP).toString()).toBe('0.2');
    expect(new Exact('-116.25').toFixed(1)).toBe('-116.3');
    expect(new Exact('-116.25').toDecimalPlaces(1, ROUND_DOWN).toFixed(1)).toBe('-116.2');
    expect(new Exact(1).div(3).toFixed(1)).toBe('0.3');
    expect(new Exact(2).div(3).toFixed(0)).toBe('1');
    expect(new Exact(-2).div(3).toFixed(0)).toBe('-1');
    expect(new Exact('-0.04').toFixed(1)).toBe('0.0');
  });

  it('writes a quotient that never ends to 200 significant digits, as decimal.js at 200 did', () => {
    const Dec200 = DecimalJs.clone({
      precision: 200,
      rounding: DecimalJs.ROUND_HALF_UP,
      toExpNeg: -300,
      toExpPos: 300,
    });
    for (const [a, b] of [
      ['1', '3'],
      ['2', '3'],
      ['-1000', '7'],
      ['0.001', '7'],
      ['123456789012345678.5', '0.7'],
    ] as const) {
      expect(new Exact(a).div(b).toFixed()).toBe(new Dec200(a).div(b).toFixed());
    }
  });

  it('reads numbers and exponent forms, and refuses what is not a number', () => {
    expect(new Exact(0.1).toString()).toBe('0.1');
    expect(new Exact(1e-7).toString()).toBe('0.0000001');
    expect(new Exact(1e21).toString()).toBe('1000000000000000000000');
    expect(new Exact('2.5e3').toString()).toBe('2500');
    expect(new Exact('-00012.3400').toString()).toBe('-12.34');
    expect(new Exact(10n ** 30n).toString()).toBe(`1${'0'.repeat(30)}`);
    expect(new Exact(10).pow(3).toString()).toBe('1000');
    expect(new Exact(10).pow(-2).toString()).toBe('0.01');
    expect(Exact.max('1', '-3', '2.5').toString()).toBe('2.5');
    expect(Exact.min('1', '-3', '2.5').toString()).toBe('-3');
    expect(() => new Exact('1,000')).toThrow(RangeError);
    expect(() => new Exact('')).toThrow(RangeError);
    expect(() => new Exact('12.')).not.toThrow();
    expect(() => new Exact(Number.NaN)).toThrow(RangeError);
    expect(() => new Exact(1).div(0)).toThrow(RangeError);
  });

  it('answers the questions core asks of a value', () => {
    expect(new Exact('0').isZero()).toBe(true);
    expect(new Exact('-0.0').isZero()).toBe(true);
    expect(new Exact('-0.5').isNegative()).toBe(true);
    expect(new Exact('0').isPositive()).toBe(true);
    expect(new Exact('-0.5').isPositive()).toBe(false);
    expect(new Exact('3').isInteger()).toBe(true);
    expect(new Exact('3.5').isInteger()).toBe(false);
    expect(new Exact('2.50').eq('2.5')).toBe(true);
    expect(new Exact('2.5').gt(2)).toBe(true);
    expect(new Exact('2.5').lte('2.5')).toBe(true);
    expect(new Exact('-2.5').neg().toString()).toBe('2.5');
  });
});
