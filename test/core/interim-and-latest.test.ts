import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec, type DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { KpiResult } from '../../src/core/evaluation.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Plan, Series } from '../../src/core/plan.ts';
import { formatPercent } from '../../src/core/format.ts';
import { formatScore } from '../../src/core/score-text.ts';
import { scoreAgainst } from '../../src/core/interim-target.ts';
import { latestActual } from '../../src/core/latest-data.ts';
import { shortfallOf } from '../../src/core/shortfall.ts';
import type { EvaluationSettings } from '../../src/core/settings.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';

const example = (path: string) => loadExamplePlan(join(ROOT, 'examples', path));
const H27 = 2015;
const H28 = 2016;
const H29 = 2017;

const result = (kpi: KpiResult | undefined) => ({
  score: kpi?.series[0]?.score?.value ?? null,
  grade: kpi?.grade ?? null,
  status: kpi?.status ?? null,
});
const kpiOf = (plan: Plan, year: number, id: string) => evaluate(plan, year).kpis.find((k) => k.id === id);

describe('茨城県: 達成率 = 実績値 ÷ 期待値 (examples/ibaraki)', () => {
  it('reproduces the H28 調書: 137.4% and 120.8%, both A', () => {
    const plan = example('ibaraki/plan.yaml');
    expect(result(kpiOf(plan, H27, 'jobs'))).toEqual({ score: '137.4', grade: 'A', status: 'achieved' });
    expect(result(kpiOf(plan, H28, 'jobs'))).toEqual({ score: '120.8', grade: 'A', status: 'achieved' });
  });

  it("divides by the year's 期待値, not the final 目標値 (10,000 would give 27.5%)", () => {
    const jobs = kpiOf(example('ibaraki/plan.yaml'), H27, 'jobs')?.series[0];
    expect(jobs?.score?.calculation).toMatchObject({ numerator: '2748', denominator: '2000', interim: H27 });
  });

  it('reproduces the H29 調書, which truncates: 137.4%, 129.0% (129.075), 117.9% (117.95)', () => {
    const plan = example('ibaraki/plan-h29.yaml');
    expect([H27, H28, H29].map((y) => result(kpiOf(plan, y, 'jobs')).score)).toEqual([
      '137.4',
      '129.0',
      '117.9',
    ]);
  });

  it('judges 農業産出額 on its latest figure (H26) in the H27 report, against the H26 期待値', () => {
    const farm = kpiOf(example('ibaraki/plan.yaml'), H27, 'farm-output');
    expect(farm?.series[0]?.dataYear).toBe(2014);
    expect(farm?.series[0]?.milestone).toBe('4278');
    expect(result(farm)).toEqual({ score: '100.3', grade: 'A', status: 'achieved' });
    expect(farm?.diagnostics.map((d) => d.code)).toContain('latest-data');
  });
});

describe('長野県: 直近値 against the 目安値 of its year (examples/nagano)', () => {
  const evaluation = evaluate(example('nagano/plan.yaml'), H29);
  const byId = Object.fromEntries(evaluation.kpis.map((k) => [k.id, k]));

  it('reproduces every published 進捗区分 of the H29 release', () => {
    expect(Object.fromEntries(evaluation.kpis.map((k) => [k.id, k.grade]))).toEqual({
      fertility: 'C',
      migration: 'A',
      productivity: 'C', // printed 「C (A※1)」: the A is the office's annotation
      employment: 'A',
      transit: 'A',
    });
  });

  it('uses the year each figure is for: 労働生産性 H27, 公共交通 H28, the rest H29', () => {
    expect(Object.fromEntries(evaluation.kpis.map((k) => [k.id, k.series[0]?.dataYear]))).toEqual({
      fertility: H29,
      migration: H29,
      productivity: H27,
      employment: H29,
      transit: H28,
    });
    expect(byId.productivity?.series[0]?.score?.value).toBe('-320.0');
    expect(byId.transit?.series[0]?.score?.value).toBe('163.6');
    expect(byId.transit?.status).toBe('achieved');
  });
});

describe('埼玉県: 実績 ÷ 年度目標 (examples/saitama)', () => {
  const evaluation = evaluate(example('saitama/plan.yaml'), H28);
  const scores = Object.fromEntries(evaluation.kpis.map((k) => [k.id, k.series[0]?.score?.value]));

  it('reproduces the published 99.1%, 103.5% and 119.0%', () => {
    expect(scores['nursing-homes']).toBe('99.1');
    expect(scores['elderly-housing']).toBe('103.5');
    expect(scores['new-plants']).toBe('119.0');
  });

  it('does not follow the printed 99.8% for 歩道, which is 1,353.7 / 1,357 turned over', () => {
    // Published: 目標 1,353.7km, 実績 1,357km, 「達成率99・8%」. 1,357 / 1,353.7 = 100.24…%.
    expect(scores.sidewalks).toBe('100.2');
    expect(new Decimal('1353.7').div('1357').mul(100).toDecimalPlaces(1).toFixed(1)).toBe('99.8');
  });

  it("counts a KPI that meets its year's target as achieved (「103.5%と目標を達成」)", () => {
    const status = Object.fromEntries(evaluation.kpis.map((k) => [k.id, k.status]));
    expect(status).toEqual({
      sidewalks: 'achieved',
      'nursing-homes': 'not_achieved',
      'elderly-housing': 'achieved',
      'new-plants': 'achieved',
    });
  });
});

describe('佐野市: 目標との差 (examples/sano)', () => {
  it('reproduces 75.0 − 57.9 = 17.1 (points), exactly', () => {
    const s = kpiOf(example('sano/plan.yaml'), H27, 'evacuation-sites')?.series[0];
    expect(s?.shortfall).toEqual({ value: '17.1', target: '75.0', actual: '57.9' });
  });
});

// A one-KPI plan to vary: baseline 100 in R3, target 200 in R8.
function plan(settings: Partial<EvaluationSettings>, series: Partial<Series>): Plan {
  const s: Series = {
    label: null,
    unit: '件',
    baseline: { value: '100' as DecimalString, span: { from: 2021, to: 2021, qualifier: '' } },
    target: { value: '200' as DecimalString, year: 2026 },
    direction: 'increase',
    actuals: new Map(),
    provisional: new Set(),
    milestones: new Map(),
    revisions: [],
    ...series,
  };
  return {
    id: null,
    title: 't',
    municipality: 'm',
    period: { from: 2022, to: 2026 },
    evaluation: {
      method: 'ratio',
      grades: null,
      missing: 'exclude',
      shared: 'per-listing',
      rounding: { mode: 'half-up', places: 1 },
      ...settings,
    },
    goals: [{ id: 'g', kind: 'basic', number: 1, title: 'g', kpiIds: ['k'] }],
    kpis: new Map([
      [
        'k',
        {
          id: 'k',
          name: 'k',
          goalId: 'g',
          category: [],
          unit: '件',
          department: null,
          direction: null,
          series: [s],
          assessments: new Map(),
        },
      ],
    ]),
  };
}
function onlySeries(p: Plan): Series {
  const s = p.kpis.get('k')?.series[0];
  if (!s) throw new Error('the test plan has one series');
  return s;
}
const value = (v: string): FigureEntry => ({ kind: 'value', value: v as DecimalString });
const R5 = 2023;

describe('the interim basis never falls back silently', () => {
  it('a year without an interim target has no score, a reason and a diagnostic', () => {
    for (const method of ['ratio', 'progress', 'pace'] as const) {
      const kpi = evaluate(
        plan(
          { method, against: 'interim' },
          { actuals: new Map([[R5, value('150')]]), milestones: new Map([[2024, '160' as DecimalString]]) },
        ),
        R5,
      ).kpis[0];
      expect(kpi?.series[0]?.score).toBeNull();
      expect(kpi?.series[0]?.noScore).toBe('no-interim-target');
      expect(kpi?.diagnostics).toContainEqual({
        code: 'no-interim-target',
        kpiId: 'k',
        series: null,
        year: R5,
      });
    }
  });

  it('the final basis and a plan without the setting give the same result as before', () => {
    const p = plan(
      {},
      { actuals: new Map([[R5, value('150')]]), milestones: new Map([[R5, '120' as DecimalString]]) },
    );
    const before = evaluate(p, R5).kpis[0]?.series[0];
    expect(before?.score?.value).toBe('75.0'); // 150 / 200: milestones stay ignored by ratio
    expect(before && 'dataYear' in before).toBe(false);
    expect(before && 'shortfall' in before).toBe(false);
    expect(
      evaluate({ ...p, evaluation: { ...p.evaluation, against: 'final' } }, R5).kpis[0]?.series[0]?.score
        ?.value,
    ).toBe('75.0');
    expect(
      evaluate({ ...p, evaluation: { ...p.evaluation, against: 'interim' } }, R5).kpis[0]?.series[0]?.score
        ?.value,
    ).toBe('125.0');
  });

  it('divides pace by the interim target itself, never by a share of a straight line to it', () => {
    const s: Series = {
      ...onlySeries(plan({}, { actuals: new Map([[R5, value('150')]]) })),
      baseline: { value: '100' as DecimalString, span: null },
      milestones: new Map([
        [2021, '110' as DecimalString],
        [R5, '140' as DecimalString],
      ]),
    };
    const input = {
      series: s,
      actual: '150' as DecimalString,
      year: R5,
      baselineYear: 2020,
      rounding: { mode: 'half-up' as const, places: 1 },
    };
    // (150 − 100) / (140 − 100) = 125.0 %, the calculation naming the interim target and its year.
    expect(scoreAgainst('pace', input, 'interim')).toMatchObject({
      score: {
        value: '125.0',
        calculation: { method: 'pace', target: '140', share: null, interim: R5 },
      },
    });
    // In the baseline year itself a straight line has no pace yet; the interim target still has one.
    expect(scoreAgainst('pace', { ...input, baselineYear: R5 }, 'interim').score?.value).toBe('125.0');
  });

  it('keeps the method’s own reason where the interim target gives it no score', () => {
    const s: Series = {
      ...onlySeries(plan({}, { actuals: new Map([[R5, value('150')]]) })),
      baseline: { value: '100' as DecimalString, span: null },
      milestones: new Map([[R5, '100' as DecimalString]]),
    };
    const input = {
      series: s,
      actual: '150' as DecimalString,
      year: R5,
      baselineYear: 2020,
      rounding: { mode: 'half-up' as const, places: 1 },
    };
    expect(scoreAgainst('progress', input, 'interim')).toEqual({
      score: null,
      reason: 'target-equals-baseline',
    });
  });

  it('property: against the interim target, the score is actual / interim, and ≥ 100% exactly when reached (truncated)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (interim, actual) => {
          const p = plan(
            { against: 'interim', rounding: { mode: 'truncate', places: 1 } },
            {
              actuals: new Map([[R5, value(String(actual))]]),
              milestones: new Map([[R5, String(interim) as DecimalString]]),
            },
          );
          const s = evaluate(p, R5).kpis[0]?.series[0];
          const exact = new Decimal(actual).div(interim).mul(100);
          expect(s?.score?.value).toBe(exact.toDecimalPlaces(1, Decimal.ROUND_DOWN).toFixed(1));
          expect(s?.reached).toBe(actual >= interim);
          expect(dec(s?.score?.value as DecimalString).gte(100)).toBe(actual >= interim);
        },
      ),
    );
  });
});

describe('the latest available data (直近値)', () => {
  const yearsArb = fc.dictionary(
    fc.integer({ min: 2018, max: 2030 }).map(String),
    fc.oneof(
      fc.integer({ min: 0, max: 999 }).map((n) => value(String(n))),
      fc.constant<FigureEntry>({ kind: 'missing', reason: '未取得' }),
    ),
  );

  it('property: judges the latest year with a value after the baseline year and up to the evaluation year', () => {
    fc.assert(
      fc.property(yearsArb, fc.integer({ min: 2022, max: 2026 }), (entries, year) => {
        const actuals = new Map(Object.entries(entries).map(([y, e]) => [Number(y), e]));
        const p = plan({ data: 'latest' }, { actuals });
        const s = evaluate(p, year).kpis[0]?.series[0];
        const candidates = [...actuals]
          .filter(([y, e]) => y <= year && y > 2021 && e.kind === 'value')
          .map(([y]) => y);
        const expected = candidates.length === 0 ? year : Math.max(...candidates);
        expect(s?.dataYear).toBe(expected);
        expect(latestActual(onlySeries(p), year, 2021)?.year ?? year).toBe(expected);
        // A later year's figure never changes the year's result.
        const later = new Map(actuals).set(year + 1, value('12345'));
        expect(
          evaluate(plan({ data: 'latest' }, { actuals: later }), year).kpis[0]?.series[0]?.score,
        ).toEqual(s?.score);
      }),
    );
  });

  it('takes the latest year by its number, whatever order the figures were entered in', () => {
    const actuals = new Map<number, FigureEntry>([
      [R5, value('150')],
      [2022, value('140')],
    ]);
    expect(latestActual(onlySeries(plan({ data: 'latest' }, { actuals })), R5, 2021)).toEqual({
      year: R5,
      entry: value('150'),
    });
  });

  it('a KPI whose evaluation year is 未取得 is evaluated on its latest figure, not left out', () => {
    const actuals = new Map<number, FigureEntry>([
      [2022, value('140')],
      [R5, { kind: 'missing', reason: '未取得' }],
    ]);
    expect(evaluate(plan({}, { actuals }), R5).kpis[0]?.status).toBe('not_evaluated');
    const kpi = evaluate(plan({ data: 'latest' }, { actuals }), R5).kpis[0];
    expect(kpi?.status).toBe('not_achieved');
    expect(kpi?.series[0]?.score?.value).toBe('70.0');
    expect(kpi?.diagnostics).toContainEqual({
      code: 'latest-data',
      kpiId: 'k',
      series: null,
      year: R5,
      dataYear: 2022,
    });
  });
});

describe('目標との差', () => {
  const figure = fc
    .tuple(fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), fc.integer({ min: 0, max: 3 }))
    .map(([n, places]) => new Decimal(n).div(10 ** places).toFixed(places) as DecimalString);

  it('property: exact, with the places of the more precise figure, positive exactly while short', () => {
    fc.assert(
      fc.property(
        figure,
        figure,
        fc.constantFrom('increase' as const, 'decrease' as const),
        (actual, target, direction) => {
          const s = shortfallOf(actual, target, direction, null);
          const back =
            direction === 'increase' ? dec(target).minus(dec(s.value)) : dec(target).plus(dec(s.value));
          expect(back.eq(dec(actual))).toBe(true);
          const reached =
            direction === 'increase' ? dec(actual).gte(dec(target)) : dec(actual).lte(dec(target));
          expect(dec(s.value).gt(0)).toBe(!reached);
          const places = (v: string) => (v.includes('.') ? v.length - v.indexOf('.') - 1 : 0);
          expect(places(s.value)).toBe(Math.max(places(actual), places(target)));
        },
      ),
    );
  });

  it('is measured against the interim target under the interim basis', () => {
    const p = plan(
      { against: 'interim', shortfall: true },
      { actuals: new Map([[R5, value('150')]]), milestones: new Map([[R5, '160' as DecimalString]]) },
    );
    expect(evaluate(p, R5).kpis[0]?.series[0]?.shortfall).toEqual({
      value: '10',
      target: '160',
      actual: '150',
      interim: R5,
    });
  });
});

describe('zero with its places', () => {
  it("prints 0.0% under rounding.zero: places, and the seed's plain 0% by default", () => {
    expect(formatScore('0.0' as DecimalString, { zero: 'places' })).toBe('0.0%');
    expect(formatScore('0.0' as DecimalString, { zero: 'plain' })).toBe('0%');
    expect(formatScore('0.0' as DecimalString)).toBe('0%');
  });

  it('keeps every place the plan rounds to, and the report’s minus sign on a figure that ends in zero', () => {
    expect(formatScore('0.00' as DecimalString, { zero: 'places' })).toBe('0.00%');
    expect(formatScore('0.000' as DecimalString, { zero: 'places' })).toBe('0.000%');
    expect(formatScore('-10.0' as DecimalString, { zero: 'places' }, '△')).toBe('△10.0%');
    expect(formatScore('-20' as DecimalString, { zero: 'places' }, '▲')).toBe('▲20%');
  });

  it('property: changes nothing but a zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 3 }), (n, places) => {
        const v = new Decimal(n).div(10 ** places).toFixed(places) as DecimalString;
        const printed = formatScore(v, { zero: 'places' });
        if (dec(v).isZero()) expect(printed).toBe(`${v}%`);
        else expect(printed).toBe(formatPercent(v));
      }),
    );
  });
});
