import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { compareEvaluations, kpiChange } from '../../src/core/edition-comparison.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { KpiResult } from '../../src/core/evaluation.ts';
import { evaluateRates } from '../../src/core/rates.ts';
import { kitamotoPlan, kitamotoR4, kitamotoR5Partial } from '../support/kitamoto.ts';

const d = (text: string) => text as DecimalString;

function kpi(id: string): KpiResult {
  const found = kitamotoR4().kpis.find((k) => k.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('comparing two evaluations', () => {
  it('finds nothing changed between an evaluation and itself', () => {
    const r4 = kitamotoR4();
    const result = compareEvaluations(r4, r4);
    expect(result.kpis.map((k) => k.change)).toEqual(r4.kpis.map(() => 'unchanged'));
    expect(result.overall).toMatchObject({ change: 'unchanged', difference: '0.0' });
  });

  it('tells each kind of change apart', () => {
    const donations = kpi('furusato-donations'); // 未達成, 82.8%
    expect(kpiChange(donations, { ...donations, status: 'achieved', score: d('102.4') })).toBe('improved');
    expect(kpiChange({ ...donations, status: 'achieved' }, donations)).toBe('worsened');
    // Same status: the score decides, exactly (82.8 against 82.80 is no change).
    expect(kpiChange(donations, { ...donations, score: d('82.9') })).toBe('improved');
    expect(kpiChange(donations, { ...donations, score: d('-1') })).toBe('worsened');
    expect(kpiChange(donations, { ...donations, score: d('82.80') })).toBe('unchanged');
    // No longer / newly evaluated, and out of or into the plan.
    const missing = { ...donations, status: 'not_evaluated' as const, score: null };
    expect(kpiChange(donations, missing)).toBe('dropped');
    expect(kpiChange(missing, donations)).toBe('new');
    expect(kpiChange(null, donations)).toBe('new');
    expect(kpiChange(donations, null)).toBe('dropped');
    expect(kpiChange(missing, null)).toBe('changed');
    // Without a score on either side, a different actual is a change that is neither better nor worse.
    const ratio = kpi('job-openings-ratio'); // no baseline: no score
    expect(ratio.score).toBeNull();
    const other = {
      ...ratio,
      series: ratio.series.map((s) => ({ ...s, actual: { kind: 'value' as const, value: d('0.5') } })),
    };
    expect(kpiChange(ratio, other)).toBe('changed');
    expect(kpiChange(ratio, ratio)).toBe('unchanged');
  });

  it('compares the tallies with their difference in points, equal to the rates of both years', () => {
    const plan = kitamotoR5Partial();
    const [r4, r5] = [evaluate(plan, 2022), evaluate(plan, 2023)];
    const result = compareEvaluations(r4, r5);
    const rates = evaluateRates(plan, [2022, 2023]);
    expect(result.overall.before).toEqual(rates[0]?.overall);
    expect(result.overall.after).toEqual(rates[1]?.overall);
    expect(result.overall).toMatchObject({ change: 'improved', difference: '23.3' });
    expect(result.goals.map((g) => g.goalId)).toEqual(r5.goals.map((g) => g.id));
    // A goal with nothing evaluated in R5 has no rate: no longer evaluated, with no difference.
    const dropped = result.goals.find((g) => g.after?.rate === null);
    expect(dropped).toMatchObject({ change: 'dropped', difference: null });
    // The same rate from other counts (0/2 → 0/1) is a change, not "unchanged".
    const same = result.goals.find((g) => g.before?.rate === '0.0' && g.after?.rate === '0.0');
    expect(same).toMatchObject({ change: 'changed', difference: '0.0' });
  });

  it('lists a KPI only one side has after the later one’s', () => {
    const full = kitamotoPlan();
    const kpis = new Map(full.kpis);
    kpis.delete('births');
    const without = evaluate(
      {
        ...full,
        kpis,
        goals: full.goals.map((g) => ({ ...g, kpiIds: g.kpiIds.filter((id) => id !== 'births') })),
      },
      2022,
    );
    const result = compareEvaluations(kitamotoR4(), without);
    expect(result.kpis.at(-1)).toMatchObject({ id: 'births', after: null, change: 'dropped' });
    expect(compareEvaluations(without, kitamotoR4()).kpis.find((k) => k.id === 'births')?.change).toBe('new');
  });
});
