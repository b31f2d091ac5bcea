import { expect, it } from 'vitest';
import { publishEdition, withdrawEdition } from '../../src/store/editions.ts';
import { indicatorCounts, indicatorPlans, indicatorYears } from '../../src/store/indicator-plans.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { CODES, townPlan } from '../support/indicator-plans.ts';
import { describeStores } from '../support/stores.ts';

describeStores('indicator plans', (store) => {
  async function seed() {
    const db = store().db;
    const towns = [
      { id: 'kitamoto', municipality: '北本市', code: CODES.kitamoto, population: '65000' },
      { id: 'saitama', municipality: 'さいたま市', code: CODES.saitama, population: '1340000' },
      { id: 'sano', municipality: '佐野市', code: CODES.sano, population: '115000' },
      { id: 'nocode', municipality: '某町', code: null, population: null },
      { id: 'unpublished', municipality: '千代田区', code: CODES.chiyoda, population: '67000' },
    ];
    for (const town of towns) await importPlan(db, townPlan(town));
    for (const id of ['kitamoto', 'saitama', 'sano', 'nocode']) {
      await publishEdition(db, { plan: id, year: 2022, errata: null }, null);
    }
    await publishEdition(db, { plan: 'saitama', year: 2022, errata: '訂正' }, null);
    await publishEdition(db, { plan: 'sano', year: 2023, errata: null }, null);
  }

  it('finds the plans tagging an indicator with the year’s latest edition, by prefecture or nation', async () => {
    await seed();
    const db = store().db;
    const nation = await indicatorPlans(db, 'births', 2022, null);
    expect(nation.map((p) => [p.slug, p.municipalityCode, p.number])).toEqual([
      ['sano', CODES.sano, 1],
      ['saitama', CODES.saitama, 2],
      ['kitamoto', CODES.kitamoto, 1],
      ['nocode', null, 1],
    ]);
    const saitama = await indicatorPlans(db, 'births', 2022, '11');
    expect(saitama.map((p) => p.slug)).toEqual(['saitama', 'kitamoto']);
    expect(await indicatorPlans(db, 'births', 2023, null)).toHaveLength(1);
    expect(await indicatorPlans(db, 'tourists', 2022, null)).toEqual([]);
  });

  it('leaves out a withdrawn edition and counts plans per indicator', async () => {
    await seed();
    const db = store().db;
    await withdrawEdition(db, { plan: 'kitamoto', year: 2022, number: 1, reason: '誤り' }, null);
    expect((await indicatorPlans(db, 'births', 2022, '11')).map((p) => p.slug)).toEqual(['saitama']);
    expect(await indicatorYears(db, 'births')).toEqual([2023, 2022]);
    const counts = await indicatorCounts(db);
    // kitamoto has no edition left on the public pages, unpublished never had one.
    expect(counts.get('births')).toBe(3);
    expect(counts.get('job-openings-ratio')).toBe(3);
    expect(counts.get('tourists')).toBeUndefined();
  });
});
