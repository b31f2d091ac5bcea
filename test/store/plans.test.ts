import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Plan } from '../../src/core/plan.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { auditTrail } from '../../src/store/audit.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { listPlans, loadStoredPlan, planIdOf } from '../../src/store/plan-repository.ts';
import { kitamotoPlan, loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { join } from 'node:path';

describeStores('plans in the store', (store) => {
  it('stores the Kitamoto plan and reads back the same plan', async () => {
    const plan = kitamotoPlan();
    await importPlan(store().db, plan);
    const loaded = await loadStoredPlan(store().db, 'kitamoto-2nd-strategy');
    expect(loaded).toEqual(plan);
    expect(evaluate(loaded, 2022).overall).toMatchObject({ achieved: 4, evaluated: 15, rate: '26.7' });
  });

  it('round-trips losslessly: export → import → export is byte-identical', async () => {
    for (const file of [
      'examples/kitamoto/plan.yaml',
      'examples/methods/pace.yaml',
      'examples/methods/grades.yaml',
    ]) {
      const original = loadExamplePlan(join(ROOT, file));
      const plan: Plan = {
        ...original,
        id: original.id ?? file.replace(/\W+/g, '-').slice(0, 40).toLowerCase(),
      };
      const first = planToYaml(plan);
      const reread = readPlanText(first).plan as Plan;
      await importPlan(store().db, reread, { replace: true });
      const second = planToYaml(await loadStoredPlan(store().db, plan.id as string));
      expect(second).toBe(first);
    }
  });

  it('keeps scale and provisional state of figures', async () => {
    const plan = readPlanText(
      planToYaml(kitamotoPlan()).replace('R4: 385.9 }', 'R4: { value: 385.90, state: provisional } }'),
    ).plan as Plan;
    await importPlan(store().db, plan);
    const loaded = await loadStoredPlan(store().db, 'kitamoto-2nd-strategy');
    const series = loaded.kpis.get('net-product-per-worker')?.series[0];
    expect(series?.actuals.get(2022)).toEqual({ kind: 'value', value: '385.90' });
    expect([...(series?.provisional ?? [])]).toEqual([2022]);
    expect(loaded.kpis.get('healthy-life-expectancy-65')?.series[0]?.target.value).toBe('19.00');
  });

  it('holds several plans, and refuses to overwrite one unless asked', async () => {
    const kitamoto = kitamotoPlan();
    await importPlan(store().db, kitamoto);
    await importPlan(store().db, { ...kitamoto, id: 'kitamoto-next', period: { from: 2026, to: 2030 } });
    expect((await listPlans(store().db)).map((p) => p.slug)).toEqual([
      'kitamoto-2nd-strategy',
      'kitamoto-next',
    ]);
    await expect(importPlan(store().db, kitamoto)).rejects.toMatchObject({ id: 'plan-exists' });
    const replaced = await importPlan(store().db, { ...kitamoto, title: '改訂' }, { replace: true });
    expect(replaced.replaced).toBe(true);
    expect((await loadStoredPlan(store().db, 'kitamoto-2nd-strategy')).title).toBe('改訂');
  });

  it('writes a plan whole or not at all', async () => {
    const plan = kitamotoPlan();
    const broken = {
      ...plan,
      goals: plan.goals.map((g, i) => (i === 3 ? { ...g, kind: 'sideways' as never } : g)),
    };
    await expect(importPlan(store().db, broken)).rejects.toThrow();
    const counted = await store().db.execute(sql`select count(*)::int as n from goals`);
    expect(JSON.stringify(counted)).toContain('"n":0');
    expect(await listPlans(store().db)).toEqual([]);
  });

  it('records the import in the audit log', async () => {
    await importPlan(store().db, kitamotoPlan());
    const trail = await auditTrail(store().db, await planIdOf(store().db, 'kitamoto-2nd-strategy'));
    expect(trail.map((e) => e.action)).toEqual(['plan.import']);
  });

  it('says which plan is missing', async () => {
    await expect(loadStoredPlan(store().db, 'nowhere')).rejects.toMatchObject({ id: 'plan-not-found' });
  });
});
