import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { auditTrail } from '../../src/store/audit.ts';
import { saveAssessment, saveObservation } from '../../src/store/figures.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan, planIdOf } from '../../src/store/plan-repository.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';
const value = (v: string) => ({ kind: 'value' as const, value: v as DecimalString });

describeStores('editing figures', (store) => {
  it('saves a new year, then refuses a stale second save with both values', async () => {
    await importPlan(store().db, kitamotoPlan());
    const edit = { plan: PLAN, kpi: 'births', series: 0, year: 2023, state: 'final' as const };
    const first = await saveObservation(
      store().db,
      { ...edit, entry: value('330'), expectedVersion: 0 },
      null,
    );
    expect(first).toEqual({ version: 1, changed: true });
    const stale = saveObservation(store().db, { ...edit, entry: value('331'), expectedVersion: 0 }, null);
    await expect(stale).rejects.toMatchObject({
      id: 'conflict',
      context: { current: '330人', attempted: '331人', currentVersion: 1 },
    });
    const second = await saveObservation(
      store().db,
      { ...edit, entry: value('331'), expectedVersion: 1 },
      null,
    );
    expect(second.version).toBe(2);
    const plan = await loadStoredPlan(store().db, PLAN);
    expect(plan.kpis.get('births')?.series[0]?.actuals.get(2023)).toEqual(value('331'));
  });

  it('records who changed what, from what to what', async () => {
    await importPlan(store().db, kitamotoPlan());
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'net-product-per-worker',
        series: 0,
        year: 2022,
        entry: { kind: 'missing', reason: '集計中' },
        state: 'provisional',
        expectedVersion: 1,
      },
      null,
    );
    const trail = await auditTrail(store().db, await planIdOf(store().db, PLAN));
    expect(trail[0]).toMatchObject({
      action: 'observation.save',
      subject: 'net-product-per-worker/R4',
      oldValue: '385.9万円',
      newValue: '集計中 (見込)',
    });
  });

  it('keeps series apart', async () => {
    await importPlan(store().db, kitamotoPlan());
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'healthy-life-expectancy-65',
        series: 1,
        year: 2022,
        entry: value('21.01'),
        state: 'final',
        expectedVersion: 1,
      },
      null,
    );
    const series = (await loadStoredPlan(store().db, PLAN)).kpis.get('healthy-life-expectancy-65')?.series;
    expect(series?.map((s) => s.actuals.get(2022))).toEqual([
      { kind: 'missing', reason: '未取得' },
      value('21.01'),
    ]);
  });

  it('saves assessments with the same concurrency check', async () => {
    await importPlan(store().db, kitamotoPlan());
    const edit = { plan: PLAN, kpi: 'births', year: 2022, status: null };
    await saveAssessment(store().db, { ...edit, text: '新しい評価', expectedVersion: 1 }, null);
    await expect(
      saveAssessment(store().db, { ...edit, text: '別の評価', expectedVersion: 1 }, null),
    ).rejects.toMatchObject({
      id: 'conflict',
      context: { current: '新しい評価', attempted: '別の評価' },
    });
  });

  it('refuses edits to KPIs that do not exist', async () => {
    await importPlan(store().db, kitamotoPlan());
    await expect(
      saveObservation(
        store().db,
        {
          plan: PLAN,
          kpi: 'nothing',
          series: 0,
          year: 2023,
          entry: value('1'),
          state: 'final',
          expectedVersion: 0,
        },
        null,
      ),
    ).rejects.toMatchObject({ id: 'not-found' });
  });
});
