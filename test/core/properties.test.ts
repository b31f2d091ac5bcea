import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, toDecimalString, type DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import {
  decimalArb,
  kpiSpecArb,
  makeKpi,
  makePlan,
  makeSeries,
  value,
  type SeriesSpec,
} from '../support/plans.ts';

const negate = (v: DecimalString): DecimalString =>
  toDecimalString(v.startsWith('-') ? v.slice(1) : `-${v}`) as DecimalString;

const single = (spec: SeriesSpec) =>
  evaluate(makePlan([{ id: 'G', kpis: [makeKpi('k', 'G', [makeSeries(spec)])] }]), 2022).kpis[0];

describe('properties of the evaluation', () => {
  it('gives progress 100 exactly when the actual equals the target', () => {
    fc.assert(
      fc.property(kpiSpecArb, (spec) => {
        const kpi = single({ ...spec, actuals: { 2022: value(spec.target) } });
        expect(kpi?.series[0]?.progress?.value).toBe('100.0');
        expect(kpi?.status).toBe('achieved');
      }),
    );
  });

  it('is symmetric under direction: mirroring every figure keeps progress and status', () => {
    fc.assert(
      fc.property(kpiSpecArb, (spec) => {
        const actual = spec.actuals[2022];
        if (actual?.kind !== 'value' || spec.baseline === null) return;
        const mirrored = single({
          baseline: negate(spec.baseline),
          target: negate(spec.target),
          actuals: { 2022: value(negate(actual.value)) },
        });
        const original = single(spec);
        expect(mirrored?.series[0]?.progress?.value).toBe(original?.series[0]?.progress?.value);
        expect(mirrored?.status).toBe(original?.status);
        expect(mirrored?.series[0]?.direction).not.toBe(original?.series[0]?.direction);
      }),
    );
  });

  it('achieves a KPI exactly when its unrounded progress is at least 100%', () => {
    fc.assert(
      fc.property(kpiSpecArb, (spec) => {
        const kpi = single(spec);
        const exact = kpi?.series[0]?.progress?.exact;
        expect(exact).toBeDefined();
        expect(kpi?.status === 'achieved').toBe(dec(exact as DecimalString).gte(100));
      }),
    );
  });

  const goalsArb = fc.array(fc.array(kpiSpecArb, { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 5,
  });
  const buildGoals = (specs: SeriesSpec[][]) =>
    specs.map((kpis, g) => ({
      id: `G${g}`,
      kpis: kpis.map((s, k) => makeKpi(`G${g}-K${k}`, `G${g}`, [makeSeries(s)])),
    }));

  it('keeps every rate between 0% and 100%', () => {
    fc.assert(
      fc.property(goalsArb, (specs) => {
        const evaluation = evaluate(makePlan(buildGoals(specs)), 2022);
        for (const tally of [evaluation.overall, ...evaluation.goals]) {
          if (tally.rate === null) continue;
          expect(dec(tally.rate).gte(0) && dec(tally.rate).lte(100)).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the goals', () => {
    const withOrder = goalsArb.chain((specs) =>
      fc.tuple(
        fc.constant(specs),
        fc.shuffledSubarray([...specs.keys()], { minLength: specs.length, maxLength: specs.length }),
      ),
    );
    fc.assert(
      fc.property(withOrder, ([specs, order]) => {
        const goals = buildGoals(specs);
        const one = evaluate(makePlan(goals), 2022);
        const two = evaluate(makePlan(order.map((i) => goals[i] as (typeof goals)[number])), 2022);
        expect(two.overall).toEqual(one.overall);
        for (const goal of one.goals) {
          const other = two.goals.find((g) => g.id === goal.id);
          expect([other?.achieved, other?.evaluated, other?.rate]).toEqual([
            goal.achieved,
            goal.evaluated,
            goal.rate,
          ]);
        }
      }),
    );
  });

  it('never lets a missing actual count as zero', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (baseline, target) => {
        fc.pre(Number(baseline) !== Number(target));
        const kpi = single({ baseline, target, actuals: { 2022: { kind: 'missing', reason: '未取得' } } });
        expect(kpi?.status).toBe('not_evaluated');
        expect(kpi?.series[0]?.progress).toBeNull();
      }),
    );
  });
});
