import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Exact,
  percentText,
  ROUND_CEIL,
  ROUND_DOWN,
  ROUND_FLOOR,
  ROUND_HALF_DOWN,
  ROUND_HALF_EVEN,
  ROUND_HALF_UP,
  ROUND_UP,
} from '../../src/core/exact.ts';

/** The reference: decimal.js carried far beyond anything a figure needs. */
const Ref = DecimalJs.clone({ precision: 400, toExpNeg: -900, toExpPos: 900 });
/** decimal.js writes a negative value that rounds to zero as -0; Exact never does. */
const unsigned = (text: string) => text.replace(/^-(0(\.0+)?)$/, '$1');

const MODES = [
  ['up', ROUND_UP, DecimalJs.ROUND_UP],
  ['down', ROUND_DOWN, DecimalJs.ROUND_DOWN],
  ['ceil', ROUND_CEIL, DecimalJs.ROUND_CEIL],
  ['floor', ROUND_FLOOR, DecimalJs.ROUND_FLOOR],
  ['half-up', ROUND_HALF_UP, DecimalJs.ROUND_HALF_UP],
  ['half-down', ROUND_HALF_DOWN, DecimalJs.ROUND_HALF_DOWN],
  ['half-even', ROUND_HALF_EVEN, DecimalJs.ROUND_HALF_EVEN],
] as const;

/** An integer of up to 30 digits, signed: a figure scaled by its decimals, small or far beyond 2^53. */
const integer = fc.oneof(
  fc.bigInt({ min: -999n, max: 999n }),
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
);
const nonZero = integer.filter((n) => n !== 0n);
const places = fc.integer({ min: 0, max: 20 });

describe('every rounding mode, on safe integers and in BigInt', () => {
  it('rounds any quotient as decimal.js rounds it, whatever its size and sign', () => {
    fc.assert(
      fc.property(integer, nonZero, places, (n, d, p) => {
        const q = new Exact(n).div(new Exact(d));
        const r = new Ref(n.toString()).div(d.toString());
        for (const [, mode, refMode] of MODES) {
          expect(q.toFixed(p, mode)).toBe(unsigned(r.toFixed(p, refMode)));
          expect(q.toDecimalPlaces(p, mode).toFixed(p)).toBe(unsigned(r.toFixed(p, refMode)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each(MODES)('%s: on and either side of a tie, in both signs, on both paths', (_, mode, refMode) => {
    // x.4, x.5 and x.6 for an even and an odd truncation; the large ones are past 2^53 when scaled.
    for (const whole of ['2', '3', '123456789012345678', '123456789012345677']) {
      for (const tail of ['4', '5', '6', '49999', '50001']) {
        for (const sign of ['', '-']) {
          const text = `${sign}${whole}.${tail}`;
          const x = new Exact(text).div(1);
          expect(x.toFixed(0, mode), text).toBe(unsigned(new Ref(text).toFixed(0, refMode)));
          // A quotient that is not a figure as read: 3·text / 3 on the way, the same value.
          const y = new Exact(text).mul(3).div(3);
          expect(y.toFixed(0, mode), text).toBe(unsigned(new Ref(text).toFixed(0, refMode)));
        }
      }
    }
  });

  it('leaves an exact value exact when it needs no rounding, and refuses a mode it does not know', () => {
    expect(new Exact('2.5').toDecimalPlaces(3, ROUND_UP).toFixed(3)).toBe('2.500');
    expect(new Exact(10n ** 25n).div(4).toDecimalPlaces(1, ROUND_UP).toFixed()).toBe(`25${'0'.repeat(23)}`);
    expect(new Exact('-0.0001').toDecimalPlaces(2, ROUND_DOWN).isZero()).toBe(true);
    expect(() => new Exact(1).div(3).toFixed(1, 99)).toThrow(RangeError);
    expect(() => new Exact(10n ** 20n).div(3).toFixed(1, 99)).toThrow(RangeError);
  });
});

describe('percentText: a share × 100, rounded, straight from the fractions', () => {
  it('agrees with decimal.js in every mode, for either sign of either part', () => {
    fc.assert(
      fc.property(integer, nonZero, integer, nonZero, fc.integer({ min: 0, max: 4 }), (a, b, c, d, p) => {
        const numerator = new Exact(a).div(new Exact(b));
        const denominator = new Exact(c).div(new Exact(d));
        fc.pre(!denominator.isZero());
        // (a/b) / (c/d) × 100 as one quotient, so the reference itself never rounds on the way.
        const ref = new Ref((a * d * 100n).toString()).div((b * c).toString());
        for (const [, mode, refMode] of MODES) {
          expect(percentText(numerator, denominator, p, mode)).toBe(unsigned(ref.toFixed(p, refMode)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes 1/8 as 12.5 and −1/8 as −12.5, and refuses a zero denominator', () => {
    expect(percentText(new Exact(1), new Exact(8), 1, ROUND_HALF_UP)).toBe('12.5');
    expect(percentText(new Exact(1), new Exact(-8), 1, ROUND_HALF_UP)).toBe('-12.5');
    expect(percentText(new Exact(-1), new Exact(-8), 0, ROUND_HALF_UP)).toBe('13');
    expect(percentText(new Exact(-1), new Exact(8), 0, ROUND_DOWN)).toBe('-12');
    expect(() => percentText(new Exact(1), new Exact(0), 1, ROUND_HALF_UP)).toThrow(RangeError);
  });
});

describe('an integer is a JS number while safe and a BigInt beyond', () => {
  const max = 9007199254740991; // 2^53 − 1

  it('moves to BigInt exactly past 2^53 − 1 and back once it fits again', () => {
    expect(new Exact(max).n).toBe(max);
    expect(new Exact(max).plus(1).n).toBe(9007199254740992n);
    expect(new Exact(-max).minus(1).n).toBe(-9007199254740992n);
    expect(new Exact(max).plus(1).minus(1).n).toBe(max);
    expect(new Exact(-max).minus(1).plus(1).n).toBe(-max);
    expect(new Exact(max).mul(2).n).toBe(18014398509481982n);
    expect(new Exact(max).mul(2).div(2).eq(max)).toBe(true);
    expect(new Exact(10n ** 15n).n).toBe(1e15);
  });

  it('compares, adds and reduces values on either path alike', () => {
    const huge = new Exact(10n ** 20n);
    expect(huge.div(3).mul(3).eq(huge)).toBe(true);
    expect(huge.div(3).cmp(huge.div(4))).toBe(1);
    expect(huge.div(-3).cmp(huge.div(4))).toBe(-1);
    expect(huge.plus(1).cmp(huge)).toBe(1);
    expect(huge.minus(huge).isZero()).toBe(true);
    // A denominator past 2^26 is reduced: 10^20/(3·10^20) is 1/3.
    const third = huge.div(huge.mul(3));
    expect([third.n, third.d]).toEqual([1, 3]);
    expect(new Exact(1).div(3).plus(new Exact(2).div(3)).toFixed()).toBe('1');
    expect(new Exact(10n ** 18n).div(10n ** 9n).toFixed()).toBe('1000000000');
  });

  it('writes a fraction that ends, in BigInt as on safe integers', () => {
    expect(new Exact(10n ** 20n + 1n).div(1024).toFixed()).toBe(
      new Ref('100000000000000000001').div(1024).toFixed(),
    );
    expect(new Exact(1).div(new Exact(2n ** 60n)).toFixed()).toBe(
      new Ref(1).div(new Ref(2).pow(60)).toFixed(),
    );
    expect(new Exact(7).div(new Exact(5n ** 30n)).toFixed()).toBe(
      new Ref(7).div(new Ref(5).pow(30)).toFixed(),
    );
    expect(new Exact(1).div(new Exact(3n * 2n ** 60n)).toFixed()).toBe(
      new Ref(1)
        .div(new Ref(3).mul(new Ref(2).pow(60)))
        .toPrecision(200)
        .replace(/0+$/, ''),
    );
  });
});
