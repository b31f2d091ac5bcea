import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateYears, yearsWithData } from '../../src/core/evaluate.ts';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { plainEvaluation } from '../../src/core/lazy-results.ts';
import { METHODS } from '../../src/core/methods.ts';
import type { Plan, Series } from '../../src/core/plan.ts';
import type { EvaluationSettings } from '../../src/core/settings.ts';
import { meetsTarget } from '../../src/core/target-bound.ts';
import { generateNational, NATIONAL } from '../../bench/data/national.ts';
import { kitamotoPlan, loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { revisedKitamoto } from '../support/revised-kitamoto.ts';
import { decimalArb, makeKpi, makePlan, makeSeries, value, type SeriesSpec } from '../support/plans.ts';

const EXAMPLES = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(ROOT, 'examples', name));

const text = (evaluation: Evaluation) => JSON.stringify(plainEvaluation(evaluation));

/**
 * evaluateYears reads what does not change between years once (evaluate.ts, prepare), and computes the
 * progress figure and whether the target is reached from it rather than through methods.ts and
 * target-bound.ts. Each year must be what evaluating that year alone gives, and each figure what the
 * general rules give.
 */
function expectSameEveryYear(plan: Plan, years: readonly number[]): void {
  const together = evaluateYears(plan, years);
  expect(together).toHaveLength(years.length);
  years.forEach((year, i) => {
    const joint = together[i] as Evaluation;
    expect(text(joint), `${plan.title} ${year}`).toBe(text(evaluate(plan, year)));
    expectFiguresByTheGeneralRules(joint);
  });
}

/** Each series's 目標進捗率 as methods.ts computes it, and its reached flag as target-bound.ts decides it. */
function expectFiguresByTheGeneralRules(evaluation: Evaluation): void {
  const settings = evaluation.settings;
  for (const kpi of evaluation.kpis) {
    for (const s of kpi.series) {
      if (s.actual?.kind !== 'value' || s.target.none || s.dataYear !== undefined) continue;
      const series = { baseline: s.baseline, target: s.target, direction: s.direction } as Series;
      const input = {
        series,
        actual: s.actual.value,
        year: evaluation.year,
        baselineYear: 0,
        rounding: settings.rounding,
      };
      if (
        s.noScore !== 'baseline-meets-target' &&
        (settings.method !== 'progress' || !settings.against || settings.against === 'final')
      ) {
        const reference = METHODS.progress(input);
        const progress = s.progress && {
          value: s.progress.value,
          exact: s.progress.exact,
          calculation: s.progress.calculation,
        };
        expect(progress).toStrictEqual(reference.score);
        // Written out as the plain score it stands for.
        expect(JSON.stringify(s.progress)).toBe(JSON.stringify(reference.score));
      }
      if (settings.against !== 'interim') {
        expect(s.reached).toBe(meetsTarget(s.actual, s.target, s.direction));
      }
    }
  }
}

describe('evaluateYears gives each year what evaluate gives it', () => {
  it.each(EXAMPLES)('%s, every year with data and one before', (path) => {
    const plan = loadExamplePlan(path);
    const years = yearsWithData(plan);
    expectSameEveryYear(plan, [plan.period.from - 1, ...years]);
  });

  it('for the Kitamoto seed with and without a revised target', () => {
    expectSameEveryYear(kitamotoPlan(), [2018, 2019, 2020, 2021, 2022, 2023]);
    expectSameEveryYear(revisedKitamoto(), [2018, 2019, 2020, 2021, 2022, 2023]);
  });

  it('for national plans under several settings, the years in any order', () => {
    const settings: Partial<EvaluationSettings>[] = [
      {},
      { shared: 'once', missing: 'not-achieved', shortfall: true },
      { rounding: { mode: 'truncate', places: 2 }, missing: 'bucket' },
      { method: 'ratio', data: 'latest' },
      { method: 'pace', against: 'interim' },
    ];
    for (const plan of generateNational({ ...NATIONAL, plans: 3 })) {
      for (const s of settings) {
        expectSameEveryYear({ ...plan, evaluation: { ...plan.evaluation, ...s } }, [2024, 2015, 2019, 2020]);
      }
    }
  });

  it('for random plans, the figures as the general rules have them', () => {
    const seriesArb = fc
      .tuple(decimalArb, decimalArb, fc.array(fc.option(decimalArb), { minLength: 3, maxLength: 3 }))
      .map(([baseline, target, actuals]): SeriesSpec => ({
        baseline: actuals[0] === null ? null : baseline,
        target,
        direction: baseline === target ? 'increase' : undefined,
        actuals: Object.fromEntries(
          actuals.flatMap((a, i) => (a === null ? [] : [[2022 + i, value(a as DecimalString)]])),
        ),
      }));
    fc.assert(
      fc.property(
        fc.array(fc.array(seriesArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'half-up' | 'truncate'>('half-up', 'truncate'),
        (kpis, mode) => {
          const plan = makePlan(
            [
              {
                id: 'G0',
                kpis: kpis.map((series, k) =>
                  makeKpi(
                    `K${k}`,
                    'G0',
                    series.map((s) => makeSeries(s)),
                  ),
                ),
              },
            ],
            { rounding: { mode, places: 1 } },
          );
          expectSameEveryYear(plan, [2022, 2023, 2024]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves every object of every year frozen', () => {
    const plan = generateNational({ ...NATIONAL, plans: 1 })[0] as Plan;
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
    for (const evaluation of evaluateYears(plan, years)) {
      const seen = new Set<object>();
      const walk = (v: unknown): void => {
        if (v === null || typeof v !== 'object' || seen.has(v)) return;
        seen.add(v);
        expect(Object.isFrozen(v)).toBe(true);
        for (const key in v) walk((v as Record<string, unknown>)[key]);
      };
      walk(evaluation);
      expect(seen.size).toBeGreaterThan(100);
    }
  });
});
