import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { editionCounts, kindCounts } from '../../src/core/kind-tally.ts';
import type { Plan } from '../../src/core/plan.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const d = (v: string) => v as DecimalString;
const kpi = (id: string, goal: string, actual: string | null) =>
  makeKpi(id, goal, [
    makeSeries({
      baseline: d('0'),
      target: d('100'),
      actuals: actual === null ? {} : { 2022: value(d(actual)) },
    }),
  ]);

/** Goal B1 lists a (achieved), b (not achieved) and c (no actual); B2 lists a again (再掲); X1 is cross-cutting. */
function plan(shared: 'once' | 'per-listing'): Plan {
  const a = kpi('a', 'B1', '120');
  const p = makePlan(
    [
      { id: 'B1', kpis: [a, kpi('b', 'B1', '50'), kpi('c', 'B1', null)] },
      { id: 'B2', kpis: [a] },
      { id: 'X1', kpis: [kpi('x', 'X1', '100'), kpi('y', 'X1', '10')] },
    ],
    { shared },
  );
  return { ...p, goals: p.goals.map((g) => (g.id === 'X1' ? { ...g, kind: 'cross-cutting' } : g)) };
}

describe('the counts of each goal kind, as comparisons across plans rank them', () => {
  it('counts a KPI listed under two goals of a kind once per listing, or once where the plan says once', () => {
    expect(kindCounts(evaluate(plan('per-listing'), 2022), 'basic')).toEqual({ achieved: 2, evaluated: 3 });
    expect(kindCounts(evaluate(plan('once'), 2022), 'basic')).toEqual({ achieved: 1, evaluated: 2 });
  });

  it('keeps the kinds apart, with the overall tally beside them, and no counts for a kind the plan lacks', () => {
    const evaluation = evaluate(plan('once'), 2022);
    expect(editionCounts(evaluation)).toEqual({
      overall: { achieved: evaluation.overall.achieved, evaluated: evaluation.overall.evaluated },
      basic: { achieved: 1, evaluated: 2 },
      crossCutting: { achieved: 1, evaluated: 2 },
    });
    const basicOnly = plan('once');
    const withoutCrossCutting = { ...basicOnly, goals: basicOnly.goals.filter((g) => g.id !== 'X1') };
    expect(editionCounts(evaluate(withoutCrossCutting, 2022)).crossCutting).toBeNull();
  });
});
