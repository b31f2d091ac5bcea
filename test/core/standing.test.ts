import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  compareRatios,
  histogram,
  medianOf,
  ratio,
  standingOf,
  standingsOf,
  type Ratio,
} from '../../src/core/standing.ts';

const r = (part: number, of: number): Ratio => ({ part, of });

describe('standings across municipalities', () => {
  it('compares ratios exactly: 2/3 ties 4/6 and beats 666/1000', () => {
    expect(compareRatios(r(2, 3), r(4, 6))).toBe(0);
    expect(compareRatios(r(2, 3), r(666, 1000))).toBe(1);
    expect(compareRatios(r(1, 3), r(333_333_333_333_333, 1_000_000_000_000_000))).toBe(1);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(-1, 2)).toBeNull();
  });

  it('makes a ratio only of safe whole numbers, none of them negative, over a positive count', () => {
    expect(ratio(2, 3)).toEqual(r(2, 3));
    expect(ratio(0, 5)).toEqual(r(0, 5));
    expect(ratio(1.5, 2)).toBeNull();
    expect(ratio(1, 2.5)).toBeNull();
    expect(ratio(2 ** 53, 2 ** 54)).toBeNull();
  });

  it('gives tied values one rank and skips the ranks they take (1, 2, 2, 4)', () => {
    const values = [r(9, 10), r(2, 3), r(4, 6), r(1, 2), null];
    expect(standingsOf(values)).toEqual([
      { rank: 1, tied: 1, total: 4, topPercent: 25 },
      { rank: 2, tied: 2, total: 4, topPercent: 50 },
      { rank: 2, tied: 2, total: 4, topPercent: 50 },
      { rank: 4, tied: 1, total: 4, topPercent: 100 },
      null,
    ]);
  });

  it('words 12th of 63 as the top 19 %, and the first of 1,741 as the top 1 %', () => {
    const values = Array.from({ length: 63 }, (_, i) => r(63 - i, 63));
    expect(standingOf(values[11] ?? null, values)).toEqual({ rank: 12, tied: 1, total: 63, topPercent: 19 });
    const nation = Array.from({ length: 1741 }, (_, i) => r(1741 - i, 1741));
    expect(standingOf(nation[0] ?? null, nation)?.topPercent).toBe(1);
  });

  it('agrees one at a time and all at once, for any values', () => {
    const value = fc.option(fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 50 })), { nil: null });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (pairs) => {
        const values = pairs.map((p) => (p === null ? null : r(Math.min(p[0], p[1]), p[1])));
        const all = standingsOf(values);
        values.forEach((v, i) => expect(all[i]).toEqual(standingOf(v, values)));
      }),
    );
  });

  it('gives no standing to a value that is not among the values', () => {
    expect(standingOf(r(1, 2), [r(1, 3), r(2, 3), null])).toBeNull();
    expect(standingOf(r(1, 2), [r(2, 4)])).toEqual({ rank: 1, tied: 1, total: 1, topPercent: 100 });
  });

  it('puts rates in ten-point bands, 100 % in the last, and takes the lower middle as the median', () => {
    expect(bandOf(r(0, 5))).toBe(0);
    expect(bandOf(r(1, 10))).toBe(1);
    expect(bandOf(r(99, 100))).toBe(9);
    expect(bandOf(r(5, 5))).toBe(9);
    expect(histogram([r(1, 10), r(5, 5), null, r(0, 1)])).toEqual({
      counts: [1, 1, 0, 0, 0, 0, 0, 0, 0, 1],
      missing: 1,
    });
    expect(histogram([r(1, 2), r(5, 10), r(59, 100), null, null]).counts[5]).toBe(3);
    expect(histogram([r(1, 2), r(5, 10), r(59, 100), null, null]).missing).toBe(2);
    expect(medianOf([r(1, 4), r(3, 4), r(1, 2), r(1, 1), null])).toEqual(r(1, 2));
    expect(medianOf([null])).toBeNull();
  });
});
