import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { collectionYear } from '../../src/store/collection-year.ts';
import { kpiSheets, missingOf } from '../../src/store/department-kpis.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { updateKpiSettings } from '../../src/store/kpi-settings.ts';
import * as schema from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { KODOMO_KPIS, PLAN, seedStaff } from './staff-helpers.ts';

const value = (v: string) => ({ kind: 'value' as const, value: v as DecimalString });

describeStores('department sheets', (store) => {
  it('gives a department exactly its own KPIs, with each series’s entry, version and what is missing', async () => {
    const staff = await seedStaff(store());
    const own = await kpiSheets(store().db, PLAN, 2023, { departmentId: staff.departments.kodomo });
    expect(own.map((s) => s.key).sort()).toEqual([...KODOMO_KPIS].sort());
    const health = own.find((s) => s.key === 'healthy-life-expectancy-65');
    expect(health?.series.map((s) => [s.label, s.unit, s.observation])).toEqual([
      ['男性', '年', null],
      ['女性', '年', null],
    ]);
    if (!health) throw new Error('the department has no health KPI');
    expect(missingOf(health)).toEqual({ figures: 2, assessment: true });
    const r4 = await kpiSheets(store().db, PLAN, 2022, { kpiKey: 'births' });
    expect(r4[0]?.series[0]?.observation).toEqual({ entry: value('325'), state: 'final', version: 1 });
    expect(r4[0]?.assessment?.version).toBe(1);
    const [births] = r4;
    if (!births) throw new Error('births is missing');
    expect(missingOf(births)).toEqual({ figures: 0, assessment: false });
    expect(await kpiSheets(store().db, PLAN, 2023, { departmentId: 999 })).toEqual([]);
    expect((await kpiSheets(store().db, PLAN, 2023)).length).toBe(15);
  });

  it('collects the year after the last complete one, then the year after the last published one', async () => {
    await seedStaff(store());
    expect(await collectionYear(store().db, PLAN)).toBe(2023);
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'births',
        series: 0,
        year: 2023,
        entry: value('330'),
        state: 'final',
        expectedVersion: 0,
      },
      null,
    );
    expect(await collectionYear(store().db, PLAN)).toBe(2023);
    await publishEdition(store().db, { plan: PLAN, year: 2023, errata: null }, null);
    expect(await collectionYear(store().db, PLAN)).toBe(2024);
    await publishEdition(store().db, { plan: PLAN, year: 2025, errata: null }, null);
    expect(await collectionYear(store().db, PLAN)).toBe(2025);
    await expect(collectionYear(store().db, 'no-plan')).rejects.toMatchObject({ id: 'plan-not-found' });
  });

  it('refuses a target that would reverse a KPI’s direction, and changes nothing', async () => {
    const staff = await seedStaff(store());
    const edit = {
      plan: PLAN,
      kpi: 'births',
      name: '出生数',
      unit: '人',
      departmentId: staff.departments.shoko,
      revision: {
        from: 2023,
        note: '見直し',
        series: [{ position: 0, target: { value: '300' as DecimalString, year: 2025 }, baseline: null }],
      },
    };
    await expect(updateKpiSettings(store().db, edit, null)).rejects.toMatchObject({
      id: 'invalid',
      context: { position: 0, field: 'target', reason: 'direction' },
    });
    const [births] = await store().db.select().from(schema.kpis).where(eq(schema.kpis.key, 'births'));
    expect(births?.departmentId).toBe(staff.departments.kodomo);
    expect(await updateKpiSettings(store().db, { ...edit, revision: null }, null)).toBe(1);
    expect(await updateKpiSettings(store().db, { ...edit, revision: null }, null)).toBe(0);
  });
});
