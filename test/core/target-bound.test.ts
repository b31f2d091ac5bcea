import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, toPlainString, type DecimalString } from '../../src/core/decimal.ts';
import { atOrBeyond } from '../../src/core/direction.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Direction, Series } from '../../src/core/plan.ts';
import {
  BOUNDS,
  boundDirection,
  meetsTarget,
  satisfies,
  targetBoundOf,
  TARGET_WORDS,
  targetNoScore,
  wordBound,
  wordDirection,
  type Bound,
} from '../../src/core/target-bound.ts';
import { decimalArb, makeKpi, makePlan, makeSeries } from '../support/plans.ts';

const boundArb = fc.constantFrom(...BOUNDS);
const directionArb = fc.constantFrom<Direction>('increase', 'decrease');
/** A step far smaller than any figure's places, to stand just inside or outside an open bound. */
const EPSILON = dec('0.000001' as DecimalString);

const shift = (value: DecimalString, by: 'up' | 'down'): DecimalString =>
  toPlainString(by === 'up' ? dec(value).plus(EPSILON) : dec(value).minus(EPSILON));

/** The values an actual written as a bound may stand for, sampled at its edge and a step inside. */
function within(value: DecimalString, bound: Bound | undefined, far: DecimalString): DecimalString[] {
  if (bound === undefined) return [value];
  const up = boundDirection(bound) === 'increase';
  const edge = bound === 'at-least' || bound === 'at-most' ? [value] : [];
  const inside = shift(value, up ? 'up' : 'down');
  const distant = toPlainString(up ? dec(value).plus(dec(far).abs()) : dec(value).minus(dec(far).abs()));
  return [...edge, inside, distant];
}

const one = (series: Series) =>
  evaluate(makePlan([{ id: 'G', kpis: [makeKpi('k', 'G', [series])] }]), 2022).kpis[0];

describe('targets as bounds: the achievement rule', () => {
  it('meets an exact actual exactly when the comparison holds', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, boundArb, (actual, mark, bound) => {
        const cmp = dec(actual).cmp(dec(mark));
        const holds = {
          'at-least': cmp >= 0,
          'more-than': cmp > 0,
          'at-most': cmp <= 0,
          'less-than': cmp < 0,
        }[bound];
        const direction = boundDirection(bound);
        expect(meetsTarget({ value: actual }, { value: mark, bound }, direction)).toBe(holds);
        expect(satisfies(actual, bound, mark)).toBe(holds);
      }),
    );
  });

  it('reads a plain target as before: at or beyond it in the direction (DOMAIN rule 4)', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, directionArb, (actual, mark, direction) => {
        expect(meetsTarget({ value: actual }, { value: mark }, direction)).toBe(
          atOrBeyond(actual, mark, direction),
        );
      }),
    );
  });

  it('meets a target with an actual known as a bound only when every value it may stand for does', () => {
    fc.assert(
      fc.property(
        decimalArb,
        fc.option(boundArb, { nil: undefined }),
        decimalArb,
        boundArb,
        decimalArb,
        (actual, actualBound, mark, bound, far) => {
          const direction = boundDirection(bound);
          const met = meetsTarget({ value: actual, bound: actualBound }, { value: mark, bound }, direction);
          const wanted = targetBoundOf(bound, direction);
          const samples = within(actual, actualBound, far === '0' ? ('1' as DecimalString) : far);
          const all = samples.every((v) => satisfies(v, wanted, mark));
          // Sound: met means every sample meets it. Tight: not met means some sample fails, or the bound
          // runs the other way, where values without end fail.
          if (met) expect(all).toBe(true);
          else {
            const otherWay = actualBound !== undefined && boundDirection(actualBound) !== direction;
            expect(!all || otherWay).toBe(true);
          }
        },
      ),
    );
  });

  it('gives a series reached ⇔ comparison, and the KPI its status from it', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, boundArb, (actual, mark, bound) => {
        const base = makeSeries({
          baseline: null,
          target: mark,
          actuals: { 2022: { kind: 'value', value: actual } },
        });
        const series: Series = {
          ...base,
          target: { ...base.target, bound },
          direction: boundDirection(bound),
        };
        const kpi = one(series);
        const holds = satisfies(actual, bound, mark);
        expect(kpi?.series[0]?.reached).toBe(holds);
        expect(kpi?.status).toBe(holds ? 'achieved' : 'not_achieved');
      }),
    );
  });

  it('words: 維持 keeps the baseline itself, 増加 and 延伸 must pass it', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, directionArb, (baseline, actual, direction) => {
        const keep = wordBound('維持', direction);
        const grow = wordBound('増加', direction);
        expect(meetsTarget({ value: baseline }, { value: baseline, bound: keep }, direction)).toBe(true);
        expect(meetsTarget({ value: baseline }, { value: baseline, bound: grow }, direction)).toBe(false);
        const passed =
          direction === 'increase' ? dec(actual).gt(dec(baseline)) : dec(actual).lt(dec(baseline));
        expect(meetsTarget({ value: actual }, { value: baseline, bound: grow }, direction)).toBe(passed);
      }),
    );
  });

  it('places an exact figure within a bound: at the mark only for at least and at most', () => {
    const d = (v: string) => v as DecimalString;
    const at = (value: string) => BOUNDS.map((bound) => satisfies(d(value), bound, d('75.0')));
    // BOUNDS: at-least, more-than, at-most, less-than.
    expect(at('74.99')).toEqual([false, false, true, true]);
    expect(at('75')).toEqual([true, false, true, false]);
    expect(at('75.01')).toEqual([true, true, false, false]);
  });

  it('meets a target that excludes its mark with an actual known to lie strictly past it', () => {
    const d = (v: string) => v as DecimalString;
    // 「93%超」 against a target of 「93%超」: every value the actual stands for is above 93.
    expect(
      meetsTarget({ value: d('93'), bound: 'more-than' }, { value: d('93'), bound: 'more-than' }, 'increase'),
    ).toBe(true);
    expect(
      meetsTarget({ value: d('5'), bound: 'less-than' }, { value: d('5'), bound: 'less-than' }, 'decrease'),
    ).toBe(true);
    // 「93%以上」 may be 93 itself, which 「93%超」 excludes.
    expect(
      meetsTarget({ value: d('93'), bound: 'at-least' }, { value: d('93'), bound: 'more-than' }, 'increase'),
    ).toBe(false);
    expect(
      meetsTarget({ value: d('5'), bound: 'at-most' }, { value: d('5'), bound: 'less-than' }, 'decrease'),
    ).toBe(false);
    expect(meetsTarget({ value: d('93') }, { value: d('93'), bound: 'more-than' }, 'increase')).toBe(false);
  });

  it('leaves a plain target, or a bound equal to the baseline, to the method', () => {
    const d = (v: string) => v as DecimalString;
    const baseline = { value: d('100') };
    expect(targetNoScore({ baseline, target: { value: d('90') }, direction: 'increase' })).toBeNull();
    expect(
      targetNoScore({ baseline, target: { value: d('100'), bound: 'at-least' }, direction: 'increase' }),
    ).toBeNull();
    expect(
      targetNoScore({ baseline, target: { value: d('90'), bound: 'at-least' }, direction: 'increase' }),
    ).toBe('baseline-meets-target');
    expect(
      targetNoScore({ baseline: null, target: { value: d('90'), bound: 'at-least' }, direction: 'increase' }),
    ).toBeNull();
  });

  it('takes the direction a word states, and the bound it sets on the baseline in that direction', () => {
    expect(TARGET_WORDS.map((word) => wordDirection(word))).toEqual([
      null,
      'increase',
      'increase',
      'decrease',
      'decrease',
    ]);
    expect(TARGET_WORDS.map((word) => [wordBound(word, 'increase'), wordBound(word, 'decrease')])).toEqual([
      ['at-least', 'at-most'],
      ['more-than', 'less-than'],
      ['more-than', 'less-than'],
      ['more-than', 'less-than'],
      ['more-than', 'less-than'],
    ]);
  });

  it('scores no progress where the baseline already lies within the bound, and says why', () => {
    const base = makeSeries({
      baseline: '95' as DecimalString,
      target: '93' as DecimalString,
      actuals: { 2022: { kind: 'value', value: '96' as DecimalString } },
    });
    const kpi = one({ ...base, target: { ...base.target, bound: 'more-than' }, direction: 'increase' });
    expect(kpi?.series[0]?.noScore).toBe('baseline-meets-target');
    expect(kpi?.series[0]?.progress).toBeNull();
    expect(kpi?.status).toBe('achieved');
  });

  it('lists a KPI without a numeric target as 評価なし, out of the rate, and counts a hand grade as the office says', () => {
    const base = makeSeries({
      baseline: null,
      target: '0' as DecimalString,
      actuals: { 2022: { kind: 'value', value: '5' as DecimalString } },
    });
    const none: Series = { ...base, target: { ...base.target, none: true } };
    const plain = makeSeries({
      baseline: '1' as DecimalString,
      target: '2' as DecimalString,
      actuals: { 2022: { kind: 'value', value: '2' as DecimalString } },
    });
    const graded = makeKpi('graded', 'G', [none]);
    const plan = makePlan([
      {
        id: 'G',
        kpis: [
          makeKpi('plain', 'G', [plain]),
          makeKpi('unscored', 'G', [none]),
          {
            ...graded,
            assessments: new Map([
              [2022, { status: null, text: '', judgement: { grade: 'B', reason: '理由', achieved: false } }],
            ]),
          },
        ],
      },
    ]);
    const result = evaluate(plan, 2022);
    const [p, u, g] = result.kpis;
    expect(u?.status).toBe('not_evaluated');
    expect(u?.unscored).toBe('no-target');
    expect(u?.series[0]?.noScore).toBe('no-target');
    expect(u?.series[0]?.reached).toBeNull();
    expect(g?.status).toBe('not_achieved');
    expect(g?.grade).toBe('B');
    expect(g?.judgement?.reason).toBe('理由');
    expect(p?.unscored).toBeUndefined();
    expect(p && 'judgement' in p).toBe(false);
    // plain achieved, graded counted as not achieved, unscored left out: 1 / 2.
    expect(result.overall).toMatchObject({ achieved: 1, evaluated: 2, notEvaluated: 1, rate: '50.0' });
    expect(result.goals[0]?.summary.map((k) => k.id)).toEqual(['plain', 'unscored', 'graded']);
  });
});
