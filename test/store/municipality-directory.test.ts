import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { generatePlan, NATIONAL } from '../../bench/data/national.ts';
import { storeNational } from '../../bench/web/national-store.ts';
import { publishEdition, withdrawEdition } from '../../src/store/editions.ts';
import { createMunicipality } from '../../src/store/municipalities.ts';
import {
  allEditionsVersion,
  comparedYears,
  latestEditionsOfYear,
  municipalityPlans,
  publishedMunicipalities,
  publishingMunicipalityCount,
} from '../../src/store/municipality-directory.ts';
import * as t from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';

/** Four plans: two of 北本市 (112330), one of 川越市 (112011), one left on row 1 (no code). */
const PLANS = Array.from({ length: 4 }, (_, i) => generatePlan(i, { ...NATIONAL, kpisPerPlan: 2 }));

describeStores('the directory’s and the comparison’s reads', (store) => {
  beforeEach(async () => {
    const db = store().db;
    await storeNational(db, PLANS, 2024);
    const kitamoto = await createMunicipality(db, { code: '112330', name: '北本市' }, null);
    const kawagoe = await createMunicipality(db, { code: '112011', name: '川越市' }, null);
    const move = (slug: string, id: number) =>
      db.update(t.plans).set({ municipalityId: id }).where(eq(t.plans.slug, slug));
    await move('m0001', kitamoto.id);
    await move('m0002', kitamoto.id);
    await move('m0003', kawagoe.id);
  }, 60_000);

  it('lists the municipalities with a code and a published plan, by code, with their counts', async () => {
    const db = store().db;
    expect(await publishedMunicipalities(db)).toEqual([
      { code: '112011', name: '川越市', plans: 1 },
      { code: '112330', name: '北本市', plans: 2 },
    ]);
    // Row 1 has no code, but it publishes: three municipalities publish.
    expect(await publishingMunicipalityCount(db)).toBe(3);
    await withdrawEdition(db, { plan: 'm0003', year: 2024, number: 1, reason: '誤り' }, null);
    expect(await publishedMunicipalities(db)).toEqual([{ code: '112330', name: '北本市', plans: 2 }]);
    expect((await municipalityPlans(db, '112330')).map((p) => [p.slug, p.latestYear])).toEqual([
      ['m0001', 2024],
      ['m0002', 2024],
    ]);
    expect(await municipalityPlans(db, '112011')).toEqual([]);
  });

  it('takes each plan’s latest edition of the year still published, and changes its version on every change', async () => {
    const db = store().db;
    const before = await allEditionsVersion(db);
    await publishEdition(db, { plan: 'm0001', year: 2024, errata: '訂正' }, null);
    const published = await allEditionsVersion(db);
    expect(published).not.toBe(before);
    const editions = await latestEditionsOfYear(db, 2024);
    expect(editions.map((e) => [e.code, e.slug, e.number])).toEqual([
      ['112011', 'm0003', 1],
      ['112330', 'm0001', 2],
      ['112330', 'm0002', 1],
    ]);
    await withdrawEdition(db, { plan: 'm0001', year: 2024, number: 2, reason: '誤り' }, null);
    expect(await allEditionsVersion(db)).not.toBe(published);
    expect((await latestEditionsOfYear(db, 2024)).find((e) => e.slug === 'm0001')?.number).toBe(1);
    expect(await latestEditionsOfYear(db, 2023)).toEqual([]);
    await publishEdition(db, { plan: 'm0003', year: 2023, errata: null }, null);
    expect(await comparedYears(db)).toEqual([2024, 2023]);
  });
});
