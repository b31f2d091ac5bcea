import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Plan } from '../../src/core/plan.ts';
import { applyChanges, type FigureChange } from '../../src/store/apply-observations.ts';
import { auditTrail } from '../../src/store/audit.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan, planIdOf } from '../../src/store/plan-repository.ts';
import { makeKpi, makePlan, makeSeries } from '../support/plans.ts';
import { describeStores } from '../support/stores.ts';

/**
 * 2,500 KPIs: a batch that changes all of them needs more than one UPDATE … FROM (VALUES …) slice (at most
 * 1,250 rows of eight values each) and more than one insert slice, so the slicing is what is tested.
 */
const KPIS = 2_500;
const YEAR = 2023;
const value = (v: string): FigureEntry => ({ kind: 'value', value: v as DecimalString });

function planOf(kpis: number): Plan {
  const list = Array.from({ length: kpis }, (_, i) =>
    makeKpi(`k${i}`, 'G1', [
      makeSeries({ baseline: '10' as DecimalString, target: '20' as DecimalString, actuals: {} }),
    ]),
  );
  return makePlan([{ id: 'G1', kpis: list }]);
}

const change = (i: number, entry: FigureEntry, expected: FigureEntry | null): FigureChange => ({
  kpi: `k${i}`,
  series: 0,
  expected: expected && { entry: expected, state: 'final' },
  entry,
  state: 'final',
  origin: `課.xlsx 入力!F${i + 7}`,
});

describeStores('applying a batch of collected figures', (store) => {
  it('inserts, then updates, thousands of figures in slices, keeping each decimal as written', async () => {
    const plan = planOf(KPIS);
    await importPlan(store().db, plan);
    const slug = plan.id as string;
    const first = Array.from({ length: KPIS }, (_, i) => change(i, value(`${i}.50`), null));
    expect(
      await applyChanges(
        store().db,
        { plan: slug, year: YEAR, figures: first, assessments: [], source: 'a' },
        null,
      ),
    ).toEqual({ figures: KPIS, assessments: 0 });
    const second = Array.from({ length: KPIS }, (_, i) =>
      change(i, i % 2 === 0 ? value(`${i}.500`) : { kind: 'missing', reason: '集計中' }, value(`${i}.50`)),
    );
    expect(
      await applyChanges(
        store().db,
        { plan: slug, year: YEAR, figures: second, assessments: [], source: 'b' },
        null,
      ),
    ).toEqual({ figures: KPIS, assessments: 0 });
    const stored = await loadStoredPlan(store().db, slug);
    expect(stored.kpis.get('k0')?.series[0]?.actuals.get(YEAR)).toEqual(value('0.500'));
    expect(stored.kpis.get('k1')?.series[0]?.actuals.get(YEAR)).toEqual({
      kind: 'missing',
      reason: '集計中',
    });
    expect(stored.kpis.get(`k${KPIS - 2}`)?.series[0]?.actuals.get(YEAR)).toEqual(value(`${KPIS - 2}.500`));
    const trail = await auditTrail(store().db, await planIdOf(store().db, slug), 10 * KPIS);
    expect(trail.filter((r) => r.action === 'observation.save')).toHaveLength(2 * KPIS);
    expect(trail.filter((r) => r.action === 'collect.apply').map((r) => r.newValue)).toEqual([
      `${KPIS} figures and 0 assessments from b`,
      `${KPIS} figures and 0 assessments from a`,
    ]);
  }, 120_000);

  it('writes the same audit entry a single save writes', async () => {
    const plan = planOf(2);
    await importPlan(store().db, plan);
    const slug = plan.id as string;
    await saveObservation(
      store().db,
      {
        plan: slug,
        kpi: 'k0',
        series: 0,
        year: YEAR,
        entry: value('12'),
        state: 'provisional',
        expectedVersion: 0,
      },
      null,
    );
    await applyChanges(
      store().db,
      {
        plan: slug,
        year: YEAR,
        figures: [
          { ...change(0, value('12'), null), expected: { entry: value('12'), state: 'provisional' } },
        ],
        assessments: [],
        source: 'x',
      },
      null,
    );
    const trail = await auditTrail(store().db, await planIdOf(store().db, slug));
    const saves = trail.filter((r) => r.action === 'observation.save');
    expect(saves.map((r) => [r.subject, r.field, r.oldValue, r.newValue])).toEqual([
      ['k0/R5', 'state', '12 (見込)', '12'],
      ['k0/R5', 'value', null, '12 (見込)'],
    ]);
  });

  it('meets two changes of one cell as two saves would: the second, read before the first, conflicts', async () => {
    const plan = planOf(2);
    await importPlan(store().db, plan);
    const slug = plan.id as string;
    const batch = {
      plan: slug,
      year: YEAR,
      figures: [change(1, value('5'), null), change(0, value('1'), null), change(0, value('2'), null)],
      assessments: [],
      source: 'twice',
    };
    await expect(applyChanges(store().db, batch, null)).rejects.toMatchObject({
      id: 'conflict',
      message: expect.stringContaining('課.xlsx 入力!F7: k0 R5'),
    });
    // All or nothing: the first two changes were not kept either.
    const stored = await loadStoredPlan(store().db, slug);
    expect(stored.kpis.get('k1')?.series[0]?.actuals.get(YEAR)).toBeUndefined();
  });

  it('refuses the whole batch when a figure moved since the workbooks were read', async () => {
    const plan = planOf(3);
    await importPlan(store().db, plan);
    const slug = plan.id as string;
    await saveObservation(
      store().db,
      { plan: slug, kpi: 'k2', series: 0, year: YEAR, entry: value('9'), state: 'final', expectedVersion: 0 },
      null,
    );
    const batch = {
      plan: slug,
      year: YEAR,
      figures: [change(0, value('1'), null), change(2, value('3'), null)],
      assessments: [{ kpi: 'k1', expected: null, status: null, text: '順調', origin: 'o' }],
      source: 'stale',
    };
    await expect(applyChanges(store().db, batch, null)).rejects.toMatchObject({ id: 'conflict' });
    const stored = await loadStoredPlan(store().db, slug);
    expect(stored.kpis.get('k0')?.series[0]?.actuals.get(YEAR)).toBeUndefined();
    expect(stored.kpis.get('k1')?.assessments.get(YEAR)).toBeUndefined();
    expect(stored.kpis.get('k2')?.series[0]?.actuals.get(YEAR)).toEqual(value('9'));
  });

  it('inserts and updates assessments in one batch, and names an unknown KPI or series', async () => {
    const plan = planOf(2);
    await importPlan(store().db, plan);
    const slug = plan.id as string;
    const assess = (kpi: string, text: string, expected: string | null) => ({
      kpi,
      expected: expected === null ? null : { status: null, text: expected },
      status: null,
      text,
      origin: 'o',
    });
    const base = { plan: slug, year: YEAR, figures: [], source: 's' };
    expect(
      await applyChanges(store().db, { ...base, assessments: [assess('k0', '一', null)] }, null),
    ).toEqual({
      figures: 0,
      assessments: 1,
    });
    expect(
      await applyChanges(
        store().db,
        {
          ...base,
          assessments: [assess('k0', '二', '一'), assess('k1', '三', null), assess('k1', '三', '三')],
        },
        null,
      ),
    ).toEqual({ figures: 0, assessments: 2 });
    const stored = await loadStoredPlan(store().db, slug);
    expect(stored.kpis.get('k0')?.assessments.get(YEAR)?.text).toBe('二');
    expect(stored.kpis.get('k1')?.assessments.get(YEAR)?.text).toBe('三');
    await expect(
      applyChanges(store().db, { ...base, assessments: [assess('nope', 'x', null)] }, null),
    ).rejects.toMatchObject({ id: 'not-found', message: 'The plan has no KPI nope.' });
    await expect(
      applyChanges(
        store().db,
        { ...base, assessments: [], figures: [{ ...change(0, value('1'), null), series: 4 }] },
        null,
      ),
    ).rejects.toMatchObject({ id: 'not-found', message: 'KPI k0 has no series 4.' });
  });
});
