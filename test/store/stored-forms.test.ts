import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Plan } from '../../src/core/plan.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { editionPlan, publishEdition } from '../../src/store/editions.ts';
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
      { ...edit, year: 2023, entry: { kind: 'value', value: '18000' }, expectedVersion: 0 },
      null,
    );
    const stored = await loadStoredPlan(store().db, BOUNDS.id as string);
    const series = stored.kpis.get(kpi)?.series[0];
    expect(series?.target).toEqual(BOUNDS.kpis.get(kpi)?.series[0]?.target);
    expect(entry(2021)).toMatchObject({ label: '1万8225人' });
    expect(series?.actuals.get(2021)).toEqual(entry(2021));
    expect(series?.actuals.get(2022)).toEqual(entry(2022));
    expect(series?.actuals.get(2023)).toEqual({ kind: 'value', value: '18000' });
  });

  // The year saved is replaced whole: its old printed label would misstate the new figure.
  it('replaces a printed actual with the exact figure saved over it, label and all', async () => {
    await importPlan(store().db, BOUNDS);
    const edit = { plan: BOUNDS.id as string, kpi, series: 0, year: 2022, state: 'final' as const };
    await saveObservation(
      store().db,
      { ...edit, entry: { kind: 'value', value: '18741' }, expectedVersion: 1 },
      null,
    );
    const stored = await loadStoredPlan(store().db, BOUNDS.id as string);
    expect(stored.kpis.get(kpi)?.series[0]?.actuals.get(2022)).toEqual({ kind: 'value', value: '18741' });
  });
});
