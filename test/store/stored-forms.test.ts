import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Kpi, Plan } from '../../src/core/plan.ts';
import type { EvaluationSettings } from '../../src/core/settings.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { editionPlan, publishEdition } from '../../src/store/editions.ts';
import { applyChanges } from '../../src/store/apply-observations.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

/** Every example plan, each with an id (the method examples give none): the store must keep them all. */
const EXAMPLES: readonly [string, Plan][] = readdirSync(join(ROOT, 'examples'), { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const plan = loadExamplePlan(join(ROOT, 'examples', file));
    return [file, { ...plan, id: plan.id ?? file.replace(/\.yaml$/, '').replace(/[^a-z0-9]+/g, '-') }];
  });

const BOUNDS = EXAMPLES.find(([file]) => file === join('chiba', 'bounds.yaml'))?.[1] as Plan;

describeStores('every example plan reads back as it was imported', (store) => {
  it.each(EXAMPLES)('%s', async (_file, plan) => {
    await importPlan(store().db, plan);
    expect(await loadStoredPlan(store().db, plan.id as string)).toEqual(plan);
  });

  it.each(EXAMPLES.filter(([file]) => /chiba|methods/.test(file)))(
    'an edition of %s (bound targets, words, printed figures, hand grades) reads back as the plan',
    async (_file, plan) => {
      const slug = plan.id as string;
      const year = plan.period.from + 2;
      await importPlan(store().db, plan);
      await publishEdition(store().db, { plan: slug, year, errata: null }, null);
      const frozen = await editionPlan(store().db, slug, year);
      expect(frozen?.plan).toEqual(plan);
      // The frozen text is the plan file the plan writes: nothing of its forms is left out.
      expect(planToYaml(frozen?.plan as Plan)).toBe(planToYaml(plan));
    },
  );
});

describeStores('saving one figure keeps the series’s other forms', (store) => {
  const kpi = 'social-increase';
  const entry = (year: number): FigureEntry | undefined => BOUNDS.kpis.get(kpi)?.series[0]?.actuals.get(year);

  it('keeps the other years’ printed labels and the bound target', async () => {
    await importPlan(store().db, BOUNDS);
    const edit = { plan: BOUNDS.id as string, kpi, series: 0, state: 'final' as const };
    await saveObservation(
      store().db,
      { ...edit, year: 2023, entry: { kind: 'value', value: '18000' as DecimalString }, expectedVersion: 0 },
      null,
    );
    const stored = await loadStoredPlan(store().db, BOUNDS.id as string);
    const series = stored.kpis.get(kpi)?.series[0];
    expect(series?.target).toEqual(BOUNDS.kpis.get(kpi)?.series[0]?.target);
    expect(entry(2021)).toMatchObject({ label: '1万8225人' });
    expect(series?.actuals.get(2021)).toEqual(entry(2021));
    expect(series?.actuals.get(2022)).toEqual(entry(2022));
    expect(series?.actuals.get(2023)).toEqual({ kind: 'value', value: '18000' as DecimalString });
  });

  // The year saved is replaced whole: its old printed label would misstate the new figure.
  it('replaces a printed actual with the exact figure saved over it, label and all', async () => {
    await importPlan(store().db, BOUNDS);
    const edit = { plan: BOUNDS.id as string, kpi, series: 0, year: 2022, state: 'final' as const };
    await saveObservation(
      store().db,
      { ...edit, entry: { kind: 'value', value: '18741' as DecimalString }, expectedVersion: 1 },
      null,
    );
    const stored = await loadStoredPlan(store().db, BOUNDS.id as string);
    expect(stored.kpis.get(kpi)?.series[0]?.actuals.get(2022)).toEqual({
      kind: 'value',
      value: '18741' as DecimalString,
    });
  });
});

/** A plan with one KPI changed: the forms a test needs that no example writes. */
function withKpi(plan: Plan, id: string, change: (kpi: Kpi) => Kpi): Plan {
  const kpis = new Map(plan.kpis);
  kpis.set(id, change(plan.kpis.get(id) as Kpi));
  return { ...plan, kpis };
}

const MIDORI = EXAMPLES.find(([file]) => file === join('methods', 'targets.yaml'))?.[1] as Plan;
const setting = (file: string) => EXAMPLES.find(([f]) => f === file)?.[1].evaluation as EvaluationSettings;

describeStores('forms no example writes read back too', (store) => {
  it('a revised target written as a bound with its printed label, and a revised baseline’s label', async () => {
    const plan = withKpi(MIDORI, 'satisfaction', (kpi) => ({
      ...kpi,
      series: kpi.series.map((s) => ({
        ...s,
        revisions: [
          {
            from: 2025,
            target: { value: '95' as DecimalString, year: 2026, bound: 'more-than', label: '95%超' },
            baseline: { value: '89' as DecimalString, span: null, label: '89%(R5)' },
            note: '目標値を上方修正',
          },
        ],
      })),
    }));
    await importPlan(store().db, plan);
    expect(await loadStoredPlan(store().db, plan.id as string)).toEqual(plan);
  });

  it('every evaluation setting: trend, editions, against, data, shortfall, rounding.zero, band phrases', async () => {
    const evaluation: EvaluationSettings = {
      ...setting(join('nagayo', 'plan.yaml')),
      against: 'interim',
      data: 'latest',
      shortfall: true,
      rounding: setting(join('sano', 'plan.yaml')).rounding,
      grades: [
        { label: 'A', min: '100' as DecimalString, achieved: true, phrase: '達成' },
        { label: 'B', min: null, achieved: false, phrase: null },
      ],
    };
    expect(evaluation.trend).toBeDefined();
    expect(evaluation.editions).toBeDefined();
    expect(evaluation.rounding.zero).toBe('places');
    const plan = { ...MIDORI, evaluation };
    await importPlan(store().db, plan);
    expect((await loadStoredPlan(store().db, plan.id as string)).evaluation).toStrictEqual(evaluation);
  });
});

describeStores('a collected batch and the published forms', (store) => {
  const slug = BOUNDS.id as string;
  const stored = async (kpi: string, year: number) =>
    (await loadStoredPlan(store().db, slug)).kpis.get(kpi)?.series[0]?.actuals.get(year);
  const printed = BOUNDS.kpis.get('social-increase')?.series[0]?.actuals.get(2022) as FigureEntry;

  it('keeps a printed actual when another KPI’s figure is collected, and replaces it when its own is', async () => {
    await importPlan(store().db, BOUNDS);
    const other = {
      kpi: 'expressway-ratio',
      series: 0,
      expected: {
        entry: BOUNDS.kpis.get('expressway-ratio')?.series[0]?.actuals.get(2022) as FigureEntry,
        state: 'final' as const,
      },
      entry: { kind: 'value' as const, value: '94' as DecimalString },
      state: 'final' as const,
      origin: '県土整備部.xlsx 入力!F7',
    };
    const batch = { plan: slug, year: 2022, assessments: [], source: 'a' };
    await applyChanges(store().db, { ...batch, figures: [other] }, null);
    expect(await stored('social-increase', 2022)).toEqual(printed);
    const own = {
      ...other,
      kpi: 'social-increase',
      expected: { entry: printed, state: 'final' as const },
      entry: { kind: 'value' as const, value: '18800' as DecimalString },
    };
    await applyChanges(store().db, { ...batch, figures: [own] }, null);
    expect(await stored('social-increase', 2022)).toEqual({ kind: 'value', value: '18800' });
  });
});
