import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, type DecimalString } from '../../src/core/decimal.ts';
import { Exact } from '../../src/core/exact.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import {
  compareIndicator,
  quartile,
  standingOf,
  type IndicatorFigure,
} from '../../src/core/indicator-comparison.ts';
import { indicatorByCode, type Indicator } from '../../src/core/indicators.ts';

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('missing');
  return value;
}

const indicator = (code: string): Indicator => {
  const found = indicatorByCode(code);
  if (!found) throw new Error(code);
  return found;
};
const births = indicator('births'); // 人, per 1,000, higher better
const waiting = indicator('waiting-children'); // 人, per 10,000, lower better
const fertility = indicator('total-fertility-rate'); // as it stands, higher better

const value = (v: string): FigureEntry => ({ kind: 'value', value: v as DecimalString });
const figure = (
  item: string,
  entry: FigureEntry | null,
  options: Partial<IndicatorFigure<string>> = {},
): IndicatorFigure<string> => ({
  item,
  label: null,
  entry,
  unit: '人',
  cumulative: false,
  population: { value: '10000' as DecimalString, year: 2020 },
  ...options,
});

describe('compareIndicator', () => {
  it('ranks per resident, best first, with ties sharing the better rank', () => {
    const [group] = compareIndicator(births, [
      figure('a', value('50'), { population: { value: '10000' as DecimalString, year: 2020 } }),
      figure('b', value('30'), { population: { value: '3000' as DecimalString, year: 2020 } }),
      figure('c', value('100'), { population: { value: '20000' as DecimalString, year: 2020 } }),
      figure('d', value('9'), { population: { value: '1000' as DecimalString, year: null } }),
    ]);
    expect(group?.ranked.map((r) => [r.item, r.perResidents, r.rank, r.tied])).toEqual([
      ['b', '10.000', 1, false],
      ['d', '9.000', 2, false],
      ['a', '5.000', 3, true],
      ['c', '5.000', 3, true],
    ]);
    expect(group?.distribution).toEqual({
      count: 4,
      min: '5.000',
      q1: '5.000',
      median: '7.000',
      q3: '9.250',
      max: '10.000',
    });
    expect(standingOf(must(group), (i) => i === 'c')).toEqual({ rank: 3, of: 4, tied: true });
    expect(standingOf(must(group), (i) => i === 'zz')).toBeNull();
  });

  it('puts the lowest first where lower is better', () => {
    const [group] = compareIndicator(waiting, [
      figure('many', value('20'), { unit: '人' }),
      figure('none', value('0'), { unit: '人' }),
    ]);
    expect(group?.ranked.map((r) => [r.item, r.rank, r.perResidents])).toEqual([
      ['none', 1, '0.000'],
      ['many', 2, '20.000'],
    ]);
  });

  it('compares a rate as it stands, without population', () => {
    const [group] = compareIndicator(fertility, [
      figure('a', value('1.31'), { unit: null, population: null }),
      figure('b', value('1.45'), { unit: '', population: null }),
    ]);
    expect(group?.ranked.map((r) => [r.item, r.figure, r.perResidents])).toEqual([
      ['b', '1.45', null],
      ['a', '1.31', null],
    ]);
  });

  it('lists apart, with the reason, what cannot be compared exactly, and never ranks it', () => {
    const [group] = compareIndicator(births, [
      figure('ok', value('10')),
      figure('none', { kind: 'none' }),
      figure('blank', null),
      figure('missing', { kind: 'missing', reason: '未取得' }),
      figure('bound', { kind: 'value', value: '10' as DecimalString, bound: 'at-least' }),
      figure('total', value('10'), { cumulative: true }),
      figure('unit', value('1'), { unit: '万人' }),
      figure('nopop', value('10'), { population: null }),
      figure('zeropop', value('10'), { population: { value: '0' as DecimalString, year: null } }),
    ]);
    expect(group?.ranked.map((r) => r.item)).toEqual(['ok']);
    expect(group?.apart.map((a) => [a.item, a.reason.code])).toEqual([
      ['none', 'no-figure'],
      ['blank', 'no-figure'],
      ['missing', 'missing'],
      ['bound', 'bound'],
      ['total', 'cumulative'],
      ['unit', 'unit'],
      ['nopop', 'no-population'],
      ['zeropop', 'no-population'],
    ]);
  });

  it('compares each series label on its own, the unlabelled group first, labels after NFKC', () => {
    const groups = compareIndicator(births, [
      figure('m1', value('1'), { label: '男性' }),
      figure('f1', value('2'), { label: '女性' }),
      figure('all', value('3')),
      figure('m2', value('4'), { label: '男性 ' }),
    ]);
    expect(groups.map((g) => [g.label, g.ranked.map((r) => r.item)])).toEqual([
      [null, ['all']],
      ['男性', ['m2', 'm1']],
      ['女性', ['f1']],
    ]);
  });

  it('has no distribution when nothing is ranked', () => {
    const [group] = compareIndicator(births, [figure('x', null)]);
    expect(group?.distribution).toBeNull();
    expect(group?.ranked).toEqual([]);
  });
});

const figureArb = fc.record({
  units: fc.integer({ min: -5000, max: 100000 }),
  places: fc.integer({ min: 0, max: 2 }),
  population: fc.integer({ min: 1, max: 4_000_000 }),
});

const asDecimal = (units: number, places: number): DecimalString => {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return (negative && /[1-9]/.test(text) ? `-${text}` : text) as DecimalString;
};

describe('compareIndicator properties', () => {
  it('ranks: start at 1, never fall, tie exactly on equal rationals, and jump past a tie', () => {
    fc.assert(
      fc.property(fc.array(figureArb, { maxLength: 40 }), fc.boolean(), (specs, lowerBetter) => {
        const ind = lowerBetter ? waiting : births;
        const figures = specs.map((s, i) =>
          figure(String(i), value(asDecimal(s.units, s.places)), {
            population: { value: String(s.population) as DecimalString, year: null },
          }),
        );
        const [group] = compareIndicator(ind, figures);
        const ranked = group?.ranked ?? [];
        expect(ranked.length + (group?.apart.length ?? 0)).toBe(specs.length);
        const exact = (item: string) => {
          const s = must(specs[Number(item)]);
          return dec(asDecimal(s.units, s.places)).mul(must(ind.perResidents)).div(s.population);
        };
        ranked.forEach((r, i) => {
          if (i === 0) expect(r.rank).toBe(1);
          const previous = ranked[i - 1];
          if (!previous) return;
          const order = exact(previous.item).cmp(exact(r.item));
          // Best first: never a worse figure before a better one.
          expect(lowerBetter ? order <= 0 : order >= 0).toBe(true);
          expect(r.rank).toBe(order === 0 ? previous.rank : i + 1);
        });
      }),
    );
  });

  it('the per-resident figure is figure × N ÷ population, rounded half-up only when shown', () => {
    fc.assert(
      fc.property(figureArb, (s) => {
        const text = asDecimal(s.units, s.places);
        const [group] = compareIndicator(births, [
          figure('x', value(text), {
            population: { value: String(s.population) as DecimalString, year: null },
          }),
        ]);
        const shown = group?.ranked[0]?.perResidents;
        // Scaled to whole thousandths, the exact quotient is within half a unit of what is shown.
        const exact = dec(text).mul(1000).div(s.population);
        const difference = dec(must(shown)).minus(exact).abs();
        expect(difference.lte(new Exact(1).div(2000))).toBe(true);
        expect(group?.distribution?.median).toBe(shown);
      }),
    );
  });

  it('the median lies between the middle values, and quartiles are ordered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }),
        (ints) => {
          const sorted = [...ints].sort((a, b) => a - b).map((i) => new Exact(i));
          const qs = ([0, 1, 2, 3, 4] as const).map((k) => quartile(sorted, k));
          for (let k = 1; k < qs.length; k++) expect(must(qs[k]).gte(must(qs[k - 1]))).toBe(true);
          expect(must(qs[0]).eq(must(sorted[0]))).toBe(true);
          expect(must(qs[4]).eq(must(sorted.at(-1)))).toBe(true);
          const n = sorted.length;
          const median =
            n % 2 === 1
              ? must(sorted[(n - 1) / 2])
              : must(sorted[n / 2 - 1])
                  .plus(must(sorted[n / 2]))
                  .div(2);
          expect(must(qs[2]).eq(median)).toBe(true);
        },
      ),
    );
  });
});
