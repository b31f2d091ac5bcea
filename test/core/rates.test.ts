import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { Kpi, Plan, Series } from '../../src/core/plan.ts';
import { evaluateRates } from '../../src/core/rates.ts';
import type { EvaluationSettings } from '../../src/core/settings.ts';
import { generateNational, NATIONAL } from '../../bench/data/national.ts';
import { kitamotoPlan, loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { revisedKitamoto } from '../support/revised-kitamoto.ts';
import { decimalArb, makeKpi, makePlan, makeSeries, value, type SeriesSpec } from '../support/plans.ts';

const YEARS = [2014, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2030];

/** What evaluate counts, in the shape of evaluateRates. */
function fromEvaluate(plan: Plan, year: number) {
  const e = evaluate(plan, year);
  const tally = (t: { achieved: number; evaluated: number; notEvaluated: number; rate: string | null }) => ({
    achieved: t.achieved,
    evaluated: t.evaluated,
    notEvaluated: t.notEvaluated,
    rate: t.rate,
  });
  return {
    year,
    goals: e.goals.map(tally),
    overall: tally(e.overall),
    kpis: e.kpis.map((k) => ({ status: k.status, progress: k.series.map((s) => s.progress?.value ?? null) })),
  };
}

const expectSame = (plan: Plan, years: readonly number[]) => {
  expect(evaluateRates(plan, years)).toEqual(years.map((y) => fromEvaluate(plan, y)));
};

describe('evaluateRates counts exactly as evaluate does', () => {
  it('for the Kitamoto seed, with and without a revised target, in every year', () => {
    expectSame(kitamotoPlan(), YEARS);
    expectSame(revisedKitamoto(), YEARS);
  });

  it('for every example plan, graded and by every method', () => {
    const dirs = ['methods', ...readdirSync(join(ROOT, 'examples')).filter((d) => d !== 'methods')];
    let plans = 0;
    for (const dir of dirs) {
      const folder = join(ROOT, 'examples', dir);
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
        expectSame(loadExamplePlan(join(folder, file)), YEARS);
        plans++;
      }
    }
    expect(plans).toBeGreaterThan(3);
  });

  it('for national plans, under every setting', () => {
    const plans = generateNational({ ...NATIONAL, plans: 2 });
    const settings: Partial<EvaluationSettings>[] = [
      {},
      { shared: 'once', missing: 'not-achieved' },
      { rounding: { mode: 'truncate', places: 2 }, missing: 'bucket' },
      {
        method: 'pace',
        grades: [
          { label: 'A', min: '100' as never, achieved: true },
          { label: 'B', min: '50' as never, achieved: null },
          { label: 'C', min: null, achieved: false },
        ],
      },
    ];
    for (const plan of plans) {
      for (const s of settings) {
        expectSame({ ...plan, evaluation: { ...plan.evaluation, ...s } }, [2015, 2019, 2024]);
      }
    }
  });

  it('for a plan with an actual known only as a bound, in any year, consecutive or not', () => {
    // 「80未満」 against a target of 80 is known not to reach it; the common rules would read 80 as reached.
    const bounded = makeSeries({
      baseline: '60' as DecimalString,
      target: '80' as DecimalString,
      actuals: {
        2022: value('70' as DecimalString),
        2023: { kind: 'value', value: '80' as DecimalString, bound: 'less-than' },
        2024: value('85' as DecimalString),
      },
    });
    const plan = makePlan([{ id: 'G1', kpis: [makeKpi('K1', 'G1', [bounded])] }]);
    expect(evaluateRates(plan, [2023])[0]?.kpis[0]?.status).toBe('not_achieved');
    expectSame(plan, [2022, 2023, 2024]);
    expectSame(plan, [2024, 2022]);
    expectSame(plan, [2022]);
  });

  it('for random plans of one- and two-series KPIs', () => {
    const seriesArb = fc
      .tuple(decimalArb, decimalArb, fc.array(fc.option(decimalArb), { minLength: 3, maxLength: 3 }))
      .map(([baseline, target, actuals]): SeriesSpec => ({
        baseline: actuals[0] === null ? null : baseline,
        target,
        direction: baseline === target ? 'increase' : undefined,
        actuals: Object.fromEntries(actuals.flatMap((a, i) => (a === null ? [] : [[2022 + i, value(a)]]))),
      }));
    const kpiArb = fc.array(seriesArb, { minLength: 1, maxLength: 2 });
    const planArb = fc.array(fc.array(kpiArb, { minLength: 0, maxLength: 4 }), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(planArb, fc.constantFrom('per-listing', 'once'), (goals, shared) => {
        const built = goals.map((kpis, g) => ({
          id: `G${g}`,
          kpis: kpis.map((series, k) =>
            makeKpi(
              `G${g}-K${k}`,
              `G${g}`,
              series.map((s, i) => makeSeries(s, series.length > 1 ? `S${i}` : null)),
            ),
          ),
        }));
        // Each goal after the first lists the first KPI of the first goal again (再掲), where there is one.
        const first = built[0]?.kpis[0];
        const listed = built.map((g, i) => (i > 0 && first ? { ...g, kpis: [...g.kpis, first] } : g));
        expectSame(makePlan(listed, { shared: shared as 'once' | 'per-listing' }), [2021, 2022, 2023, 2024]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('evaluateRates at the rules a sample of plans may miss', () => {
  const series = (actuals: SeriesSpec['actuals'], rest: Partial<Series> = {}): Series => ({
    ...makeSeries({ baseline: '100' as DecimalString, target: '200' as DecimalString, actuals }),
    ...rest,
  });
  const planOf = (
    kpiSeries: Series[][],
    settings: Partial<EvaluationSettings> = {},
    kpi: Partial<Kpi> = {},
  ) =>
    makePlan(
      [{ id: 'G', kpis: kpiSeries.map((s, k) => ({ ...makeKpi(`K${k}`, 'G', s), ...kpi })) }],
      settings,
    );
  const statuses = (plan: Plan, year: number) => evaluateRates(plan, [year])[0]?.kpis.map((k) => k.status);

  it('an actual at its target has reached it, whichever way the series goes', () => {
    const up = planOf([[series({ 2023: value('200' as DecimalString) })]]);
    const down = planOf([
      [
        makeSeries({
          baseline: '300' as DecimalString,
          target: '200' as DecimalString,
          actuals: { 2023: value('200' as DecimalString) },
        }),
      ],
    ]);
    for (const plan of [up, down]) {
      expect(statuses(plan, 2023)).toEqual(['achieved']);
      expectSame(plan, [2023]);
    }
  });

  it('a revision of one series of a KPI counts from its year, the other series as planned', () => {
    const revision = {
      from: 2023,
      target: { value: '150' as DecimalString, year: 2026 },
      baseline: null,
      note: '見直し',
    };
    const plan = planOf([
      [
        series(
          { 2022: value('160' as DecimalString), 2023: value('160' as DecimalString) },
          { revisions: [revision] },
        ),
        series({ 2022: value('250' as DecimalString), 2023: value('250' as DecimalString) }),
      ],
    ]);
    expect(statuses(plan, 2022)).toEqual(['not_achieved']);
    expect(statuses(plan, 2023)).toEqual(['achieved']);
    expectSame(plan, [2022, 2023]);
  });

  it.each([
    [
      'the interim basis',
      planOf(
        [
          [
            series(
              { 2023: value('160' as DecimalString) },
              { milestones: new Map([[2023, '150' as DecimalString]]) },
            ),
          ],
        ],
        { against: 'interim' },
      ),
    ],
    ['the latest data', planOf([[series({ 2022: value('250' as DecimalString) })]], { data: 'latest' })],
    [
      'an actual known only as a bound',
      planOf([[series({ 2023: { kind: 'value', value: '250' as DecimalString, bound: 'at-most' } })]]),
    ],
    [
      'a revision to a bound target',
      planOf([
        [
          series(
            { 2023: value('150' as DecimalString) },
            {
              revisions: [
                {
                  from: 2023,
                  target: { value: '150' as DecimalString, year: 2026, bound: 'more-than' },
                  baseline: null,
                  note: '見直し',
                },
              ],
            },
          ),
        ],
      ]),
    ],
    [
      'a hand grade before a KPI with a bound target',
      makePlan([
        {
          id: 'G',
          kpis: [
            {
              ...makeKpi('K0', 'G', [
                series(
                  { 2023: value('150' as DecimalString) },
                  { target: { value: '0' as DecimalString, year: 2026, none: true } },
                ),
              ]),
              assessments: new Map([
                [
                  2023,
                  { status: null, text: '', judgement: { grade: 'A', reason: '所管課評価', achieved: true } },
                ],
              ]),
            },
            makeKpi('K1', 'G', [
              series(
                { 2023: value('200' as DecimalString) },
                { target: { value: '200' as DecimalString, year: 2026, bound: 'more-than' } },
              ),
            ]),
          ],
        },
      ]),
    ],
    [
      'a bound target',
      planOf([
        [
          series(
            { 2023: value('200' as DecimalString) },
            { target: { value: '200' as DecimalString, year: 2026, bound: 'more-than' } },
          ),
        ],
      ]),
    ],
    [
      'a revision of the baseline alone',
      planOf([
        [
          series(
            { 2023: value('150' as DecimalString) },
            {
              revisions: [
                {
                  from: 2023,
                  target: null,
                  baseline: { value: '120' as DecimalString, span: null },
                  note: '見直し',
                },
              ],
            },
          ),
        ],
      ]),
    ],
  ])('%s: counted as evaluate counts it (the fast rules would count it otherwise)', (_, plan) => {
    expectSame(plan, [2023]);
  });
});
