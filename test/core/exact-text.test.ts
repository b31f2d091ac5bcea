import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cmpText,
  Exact,
  percentFromText,
  percentText,
  ROUND_DOWN,
  ROUND_HALF_UP,
} from '../../src/core/exact.ts';

/** Figures as Shinchoku writes them, short and long (past 15 characters the general reader takes over). */
const figure = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
  .map(([negative, digits, places]) => {
    const text = digits.toString().padStart(places + 1, '0');
    const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
    return negative && digits !== 0n ? `-${body}` : body;
  });

describe('figures compared and divided straight from their text', () => {
  it('cmpText is new Exact(text).cmp', () => {
    fc.assert(
      fc.property(figure, figure, (a, b) => {
        expect(cmpText(a, new Exact(b))).toBe(new Exact(a).cmp(new Exact(b)));
      }),
      { numRuns: 500 },
    );
  });

  it('percentFromText is percentText of the difference, in both rounding modes', () => {
    fc.assert(
      fc.property(figure, figure, figure, fc.integer({ min: 0, max: 3 }), (actual, from, to, places) => {
        const gap = new Exact(to).minus(new Exact(from));
        fc.pre(!gap.isZero());
        for (const mode of [ROUND_HALF_UP, ROUND_DOWN]) {
          expect(percentFromText(actual, new Exact(from), gap, places, mode)).toBe(
            percentText(new Exact(actual).minus(new Exact(from)), gap, places, mode),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on the tie, the signs and the texts the short reader refuses', () => {
    // 116.25 % exactly: half away from zero either side, toward zero when truncating.
    expect(percentFromText('-116.25', new Exact(0), new Exact(100), 1, ROUND_HALF_UP)).toBe('-116.3');
    expect(percentFromText('116.25', new Exact(0), new Exact(100), 1, ROUND_HALF_UP)).toBe('116.3');
    expect(percentFromText('116.25', new Exact(0), new Exact(100), 1, ROUND_DOWN)).toBe('116.2');
    expect(percentFromText('-0', new Exact(0), new Exact(3), 1, ROUND_HALF_UP)).toBe('0.0');
    expect(cmpText('1e2', new Exact(100))).toBe(0);
    expect(cmpText('+5', new Exact(5))).toBe(0);
    expect(cmpText('123456789012345678', new Exact('123456789012345677'))).toBe(1);
    expect(() => cmpText('1.', new Exact(1))).not.toThrow();
    expect(() => cmpText('-', new Exact(1))).toThrow(RangeError);
    expect(() => percentFromText('5', new Exact(0), new Exact(0), 1, ROUND_HALF_UP)).toThrow(RangeError);
  });
});

describe('written texts shared between calls', () => {
  it('are the same whichever was written first, for every count of places and at the edges of the cache', () => {
    // The same scaled integer at different places, then again: a cache keyed on q alone would give 1.2 twice.
    for (let round = 0; round < 2; round++) {
      expect(new Exact(12, 10).toFixed(1)).toBe('1.2');
      expect(new Exact(12, 100).toFixed(2)).toBe('0.12');
      expect(new Exact(12, 1000).toFixed(3)).toBe('0.012');
      expect(new Exact(12, 1).toFixed(0)).toBe('12');
      expect(new Exact(-5, 10).toFixed(1)).toBe('-0.5');
      expect(new Exact(-32767, 10).toFixed(1)).toBe('-3276.7');
      expect(new Exact(32767, 10).toFixed(1)).toBe('3276.7');
      expect(new Exact(-32768, 10).toFixed(1)).toBe('-3276.8');
      expect(new Exact(32768, 10).toFixed(1)).toBe('3276.8');
      expect(new Exact(12, 10000).toFixed(4)).toBe('0.0012');
    }
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 40000 }), fc.integer({ min: 0, max: 4 }), (q, places) => {
        const text = new Exact(q, 10 ** places).toFixed(places);
        expect(new Exact(q, 10 ** places).toFixed(places)).toBe(text);
        expect(new Exact(text).eq(new Exact(q, 10 ** places))).toBe(true);
      }),
    );
  });
});
