import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

/** The cells of each row of the table labelled by a heading, as text. */
function tableRows(html: string, headingId: string): string[][] {
  const start = html.indexOf('<table', html.indexOf(`id="${headingId}"`));
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.slice(table.indexOf('<tbody>')).matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      text(cell[1] ?? '').trim(),
    ),
  );
}

describeStores('the publish page against the published edition', (store) => {
  it('lists what a correction would change, and nothing for a year never published', async () => {
    await seedStaff(store());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'furusato-donations',
        series: 0,
        year: 2022,
        entry: { kind: 'value', value: '8000' as DecimalString },
        state: 'final',
        expectedVersion: 1,
      },
      null,
    );
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    const r4 = await office.get(`/staff/plans/${PLAN}/publish/R4`);
    expect(r4.status).toBe(200);
    expect(r4.html).toContain('<h2 id="draft-comparison-heading">公表中の第1版との違い</h2>');
    const kpis = tableRows(r4.html, 'draft-comparison-kpis');
    // Only the corrected KPI, now at its target: 未達成 → 達成.
    expect(kpis).toEqual([
      ['ふるさと納税寄附件数', '▲ 改善', '7,295件', '82.8%', '未達成', '8,000件', '100.0%', '達成'],
    ]);
    const rates = tableRows(r4.html, 'draft-comparison-rates');
    expect(rates[0]).toEqual(['全体', '▲ 改善', '26.7%（4／15指標）', '33.3%（5／15指標）', '+6.6ポイント']);
    expect(r4.html).toContain(`href="/staff/plans/${PLAN}/R4/kpis/furusato-donations"`);
    const r5 = await office.get(`/staff/plans/${PLAN}/publish/R5`);
    expect(r5.status).toBe(200);
    expect(r5.html).not.toContain('draft-comparison-heading');
  });

  it('says so when the draft would change nothing', async () => {
    await seedStaff(store());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    const r4 = await office.get(`/staff/plans/${PLAN}/publish/R4?lang=en`);
    expect(text(r4.html)).toContain('No KPI would change from the published edition.');
    expect(r4.html).toContain('Changes from the published edition 1');
  });
});
