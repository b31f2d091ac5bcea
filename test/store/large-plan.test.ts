import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Plan } from '../../src/core/plan.ts';
import { MAX_PARAMETERS } from '../../src/store/batches.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { listPlans, loadStoredPlan } from '../../src/store/plan-repository.ts';
import { makeKpi, makePlan, makeSeries } from '../support/plans.ts';
import { describeStores } from '../support/stores.ts';

/**
 * 2,000 KPIs with ten years each: 20,000 figures, whose insert alone needs 120,000 parameters, well past
 * PostgreSQL's 65,535 and drizzle's stack. The 20,000-KPI plan is timed in the bench ("import 20,000
 * KPIs"), where minutes are allowed.
 */
const KPIS = 2_000;
const YEARS = 10;
const FIRST_YEAR = 2015;

function largePlan(): Plan {
  const kpis = Array.from({ length: KPIS }, (_, i) => {
    const actuals: Record<number, FigureEntry> = {};
    for (let y = 0; y < YEARS; y++) {
      actuals[FIRST_YEAR + y] =
        (i + y) % 17 === 0
          ? { kind: 'missing', reason: '未取得' }
          : { kind: 'value', value: `${100 + ((i * 7 + y * 3) % 900)}.${y}` as DecimalString };
    }
    const kpi = makeKpi(`k${i}`, `G${i % 5}`, [
      makeSeries({
        baseline: String(50 + (i % 40)) as DecimalString,
        target: String(1000 + i) as DecimalString,
        actuals,
      }),
    ]);
    return { ...kpi, department: `課${i % 37}` };
  });
  const goals = Array.from({ length: 5 }, (_, g) => ({
    id: `G${g}`,
    kpis: kpis.filter((k) => k.goalId === `G${g}`),
  }));
  return {
    ...makePlan(goals),
    id: 'large-plan',
    period: { from: FIRST_YEAR, to: FIRST_YEAR + YEARS - 1 },
  };
}

describeStores('plans of a realistic size', (store) => {
  it('imports a plan whose figures need more parameters than one statement takes, and reads it back equal', async () => {
    const plan = largePlan();
    expect(KPIS * YEARS * 6).toBeGreaterThan(65_535 + MAX_PARAMETERS);
    await importPlan(store().db, plan);
    expect(await loadStoredPlan(store().db, 'large-plan')).toEqual(plan);
    // Replacing it deletes and inserts as much again, still in one transaction.
    await importPlan(store().db, plan, { replace: true });
    expect((await loadStoredPlan(store().db, 'large-plan')).kpis.size).toBe(KPIS);
  }, 240_000);

  it('keeps a failed large import whole-or-nothing: nothing of it is stored', async () => {
    const plan = largePlan();
    const kpis = [...plan.kpis.values()];
    // The last KPI names a goal the plan does not have: its row fails after thousands were inserted.
    const broken = kpis.at(-1);
    if (!broken) throw new Error('no KPIs');
    const bad: Plan = {
      ...plan,
      kpis: new Map([...plan.kpis].map(([id, k]) => [id, k === broken ? { ...k, goalId: 'nowhere' } : k])),
    };
    await expect(importPlan(store().db, bad)).rejects.toThrow();
    expect(await listPlans(store().db)).toEqual([]);
  }, 240_000);
});
