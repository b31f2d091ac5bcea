import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Plan } from '../../src/core/plan.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { kpiSheets } from '../../src/store/department-kpis.ts';
import { editionPlan, publishEdition } from '../../src/store/editions.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { updateKpiSettings } from '../../src/store/kpi-settings.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { kpiRevisionHistory } from '../../src/store/revisions.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { revisedKitamotoText } from '../support/revised-kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';
const d = (v: string) => v as DecimalString;
const birthsProgress = (plan: Plan, year: number) =>
  evaluate(plan, year).kpis.find((k) => k.id === 'births')?.series[0]?.progress?.value;

const raiseBirthsTarget = (from: number, value: string, note = '子育て支援策の拡充に合わせて上方修正') => ({
  plan: PLAN,
  kpi: 'births',
  name: '出生数',
  unit: '人',
  departmentId: null,
  revision: {
    from,
    note,
    series: [{ position: 0, target: { value: d(value), year: 2025 }, baseline: null }],
  },
});

describeStores('target and baseline revisions in the store', (store) => {
  it('stores a plan file’s revisions and writes them back byte for byte', async () => {
    const { plan } = readPlanText(revisedKitamotoText());
    if (!plan) throw new Error('the revised plan does not read');
    await importPlan(store().db, plan);
    const loaded = await loadStoredPlan(store().db, PLAN);
    expect(loaded).toEqual(plan);
    const first = planToYaml(plan);
    expect(planToYaml(loaded)).toBe(first);
    await importPlan(store().db, readPlanText(first).plan as Plan, { replace: true });
    expect(planToYaml(await loadStoredPlan(store().db, PLAN))).toBe(first);
  });

  it('an erratum republished for R4 after the births target is raised from R5 keeps R4 at −37.5%', async () => {
    await importPlan(store().db, kitamotoPlan());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    expect(
      await updateKpiSettings(store().db, { ...raiseBirthsTarget(2023, '390'), departmentId: null }, null),
    ).toBe(1);
    // The erratum: another KPI's R4 actual is corrected, and R4 is published again.
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'net-product-per-worker',
        series: 0,
        year: 2022,
        entry: { kind: 'value', value: d('386.0') },
        state: 'final',
        expectedVersion: 1,
      },
      null,
    );
    await publishEdition(
      store().db,
      { plan: PLAN, year: 2022, errata: '就業者一人当たり市内純生産のR4実績値を訂正' },
      null,
    );
    const republished = await editionPlan(store().db, PLAN, 2022);
    expect(republished?.edition.number).toBe(2);
    expect(birthsProgress(republished?.plan as Plan, 2022)).toBe('-37.5');

    const stored = await loadStoredPlan(store().db, PLAN);
    expect(stored.kpis.get('births')?.series[0]?.target).toEqual({ value: '380', year: 2025 });
    expect(birthsProgress(stored, 2022)).toBe('-37.5');
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'births',
        series: 0,
        year: 2023,
        entry: { kind: 'value', value: d('345') },
        state: 'final',
        expectedVersion: 0,
      },
      null,
    );
    // The entry sheets show each year's target in force too.
    const [r4Sheet] = await kpiSheets(store().db, PLAN, 2022, { kpiKey: 'births' });
    const [r5Sheet] = await kpiSheets(store().db, PLAN, 2023, { kpiKey: 'births' });
    expect([r4Sheet?.series[0]?.target.value, r5Sheet?.series[0]?.target.value]).toEqual(['380', '390']);
    const r5 = evaluate(await loadStoredPlan(store().db, PLAN), 2023).kpis.find((k) => k.id === 'births');
    expect(r5?.series[0]?.target.value).toBe('390');
    expect(r5?.series[0]?.progress?.value).toBe('10.0');
  });

  it('replaces a revision for the same year, keeps what it does not change, and refuses impossible ones', async () => {
    await importPlan(store().db, kitamotoPlan());
    await updateKpiSettings(store().db, raiseBirthsTarget(2023, '390'), null);
    await updateKpiSettings(
      store().db,
      {
        ...raiseBirthsTarget(2023, '390', '人口動態統計の確定値に合わせ修正'),
        revision: {
          from: 2023,
          note: '人口動態統計の確定値に合わせ修正',
          series: [{ position: 0, target: null, baseline: { value: d('342'), span: null } }],
        },
      },
      null,
    );
    const [history] = await kpiRevisionHistory(store().db, PLAN, 'births');
    expect(history?.revisions.map((r) => [r.from, r.target?.value, r.baseline?.value, r.note])).toEqual([
      [2023, '390', '342', '人口動態統計の確定値に合わせ修正'],
    ]);
    // Typing the values already in force changes nothing.
    expect(await updateKpiSettings(store().db, raiseBirthsTarget(2023, '390'), null)).toBe(0);
    await expect(updateKpiSettings(store().db, raiseBirthsTarget(2024, '300'), null)).rejects.toMatchObject({
      id: 'invalid',
      context: { position: 0, reason: 'direction' },
    });
    await expect(updateKpiSettings(store().db, raiseBirthsTarget(2030, '400'), null)).rejects.toMatchObject({
      context: { reason: 'period' },
    });
    await expect(
      updateKpiSettings(
        store().db,
        {
          ...raiseBirthsTarget(2024, '400'),
          revision: {
            from: 2024,
            note: 'x',
            series: [{ position: 0, target: { value: d('400'), year: 2023 }, baseline: null }],
          },
        },
        null,
      ),
    ).rejects.toMatchObject({ context: { reason: 'year-before' } });
    const [after] = await kpiRevisionHistory(store().db, PLAN, 'births');
    expect(after?.revisions).toHaveLength(1);
  });

  it('two revisions of one KPI for the same year at once: both are taken in turn, one stands', async () => {
    await importPlan(store().db, kitamotoPlan());
    const results = await Promise.allSettled([
      updateKpiSettings(store().db, raiseBirthsTarget(2023, '390'), null),
      updateKpiSettings(store().db, raiseBirthsTarget(2023, '395'), null),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [history] = await kpiRevisionHistory(store().db, PLAN, 'births');
    expect(history?.revisions).toHaveLength(1);
    expect(['390', '395']).toContain(history?.revisions[0]?.target?.value);
  });
});
