import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { explainScore } from '../../src/core/explain.ts';
import type { Plan } from '../../src/core/plan.ts';
import type { EvaluationSettings } from '../../src/core/settings.ts';
import { kitamotoPlan, loadExamplePlan, ROOT } from '../support/kitamoto.ts';

const example = (name: string) => loadExamplePlan(join(ROOT, 'examples', 'methods', `${name}.yaml`));
const R5 = 2023;

const byId = (plan: Plan, year: number) =>
  Object.fromEntries(
    evaluate(plan, year).kpis.map((k) => [
      k.id,
      { score: k.series[0]?.score?.value ?? null, grade: k.grade, status: k.status },
    ]),
  );

const withSettings = (plan: Plan, settings: Partial<EvaluationSettings>): Plan => ({
  ...plan,
  evaluation: { ...plan.evaluation, ...settings },
});

describe('evaluation methods (examples/methods)', () => {
  it('ratio: actual / target, turned over where lower is better', () => {
    expect(byId(example('ratio'), R5)).toEqual({
      visitors: { score: '90.0', grade: 'B', status: 'not_achieved' },
      waste: { score: '95.7', grade: 'B', status: 'not_achieved' },
      'vacant-houses': { score: '120.0', grade: 'A', status: 'achieved' },
      'waiting-children': { score: null, grade: 'A', status: 'achieved' },
      checkups: { score: '58.7', grade: 'D', status: 'not_achieved' },
    });
    expect(evaluate(example('ratio'), R5).overall.rate).toBe('40.0');
  });

  it('pace: progress against the straight-line share of the gap, or an interim target', () => {
    const plan = example('pace');
    expect(byId(plan, R5)).toEqual({
      newcomers: { score: '125.0', grade: '着実', status: 'achieved' },
      events: { score: '80.0', grade: '概ね', status: 'not_achieved' },
      co2: { score: '25.0', grade: '要改善', status: 'not_achieved' },
    });
    const newcomers = evaluate(plan, R5).kpis[0]?.series[0];
    expect(newcomers?.score && explainScore(newcomers.score)).toBe(
      '(150 − 100) / ((200 − 100) × 2/5) = 125.0%',
    );
    expect(newcomers?.progress?.value).toBe('50.0');
  });

  it('grade bands: 順調 / おおむね順調 / 努力を要する, graded on the figure as printed', () => {
    expect(byId(example('grades'), R5)).toEqual({
      startups: { score: '105', grade: '順調', status: 'achieved' },
      jobs: { score: '80', grade: 'おおむね順調', status: 'not_achieved' },
      'farm-sales': { score: '21', grade: '努力を要する', status: 'not_achieved' },
    });
  });
});

describe('policies', () => {
  const kitamoto = kitamotoPlan();

  it('missing data: excluded by default, as the seed does', () => {
    expect(evaluate(kitamoto, 2022).overall).toMatchObject({
      achieved: 4,
      evaluated: 15,
      notEvaluated: 1,
      rate: '26.7',
    });
  });

  it('missing data: counted as not achieved', () => {
    const evaluation = evaluate(withSettings(kitamoto, { missing: 'not-achieved' }), 2022);
    expect(evaluation.overall).toMatchObject({ achieved: 4, evaluated: 16, rate: '25.0' });
    const b4 = evaluation.goals.find((g) => g.id === 'B4');
    expect([b4?.achieved, b4?.evaluated, b4?.rate]).toEqual([2, 5, '40.0']);
  });

  it('missing data: a bucket of its own, shown in the summary but outside the rate', () => {
    const evaluation = evaluate(withSettings(kitamoto, { missing: 'bucket' }), 2022);
    expect(evaluation.overall).toMatchObject({ achieved: 4, evaluated: 15, notEvaluated: 1, rate: '26.7' });
    const b4 = evaluation.goals.find((g) => g.id === 'B4');
    expect(b4?.summary.map((k) => k.status)).toEqual([
      'not_evaluated',
      'not_achieved',
      'not_achieved',
      'achieved',
      'achieved',
    ]);
    expect(evaluation.summaryWidth).toBe(5);
  });

  it('shared KPIs: once per listing by default, or once overall', () => {
    const once = evaluate(withSettings(kitamoto, { shared: 'once' }), 2022);
    expect(once.overall).toMatchObject({ achieved: 4, evaluated: 14, rate: '28.6' });
    expect(once.goals.find((g) => g.id === 'X1')?.evaluated).toBe(4);
  });

  it('rounding: half-up to a whole percent, or truncation', () => {
    const whole = evaluate(withSettings(kitamoto, { rounding: { mode: 'half-up', places: 0 } }), 2022);
    expect(whole.overall.rate).toBe('27');
    expect(whole.kpis.find((k) => k.id === 'furusato-donations')?.series[0]?.progress?.value).toBe('83');
    const truncated = evaluate(withSettings(kitamoto, { rounding: { mode: 'truncate', places: 1 } }), 2022);
    expect(truncated.overall.rate).toBe('26.6');
    expect(truncated.kpis.find((k) => k.id === 'safe-streets-satisfaction')?.series[0]?.progress?.value).toBe(
      '55.5',
    );
  });
});
