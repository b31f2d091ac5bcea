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
