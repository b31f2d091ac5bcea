import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { exportStaticSite } from '../../src/web/static-site/export.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import type { Store } from '../../src/store/connect.ts';
import { CODES, townPlan } from '../support/indicator-plans.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const BASE = 'http://localhost/compare/indicators';

/** Three towns besides the seed, published for R4; the seed (Kitamoto) is left to each test. */
async function towns(store: Store): Promise<void> {
  const db = store.db;
  const list = [
    { id: 'saitama', municipality: 'さいたま市', code: CODES.saitama, population: '1340000' },
    { id: 'sano', municipality: '佐野市', code: CODES.sano, population: '115000' },
    { id: 'nopop', municipality: '人口なし町', code: '111015', population: null },
  ];
  for (const town of list) {
    await importPlan(db, townPlan(town));
    await publishEdition(db, { plan: town.id, year: 2022, errata: null }, null);
  }
}

describeStores('comparable KPI pages', (store) => {
  it('lists the indicators with how many plans report each, and compares one in a prefecture', async () => {
    await towns(store());
    const app = testApp(store());
    const list = await app.request(BASE);
    expect(list.status).toBe(200);
    const listed = text(await list.text());
    expect(listed).toContain('出生数');
    expect(listed).toContain('3計画');

    const page = await app.request(`${BASE}/births?pref=11&year=R4&highlight=${CODES.saitama}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const words = text(html);
    // 佐野市 is in 栃木県, so only Saitama's two are there; the one without population is listed apart.
    expect(words).not.toContain('佐野市');
    expect(words).toContain('さいたま市は埼玉県内1団体中1位です。');
    expect(words).toContain('計画に人口が示されていません');
    expect(words).toContain('人口1,000人当たり');
    expect(html).toContain('<svg class="chart-wide"');
    expect(html).toContain('href="/plans/saitama/R4/kpis/');

    const nation = text(await (await app.request(`${BASE}/births?year=R4`)).text());
    expect(nation).toContain('佐野市');
    expect(nation).toContain('さいたま市');

    const english = await app.request(`${BASE}/births?pref=11&year=R4&highlight=${CODES.saitama}`, {
      headers: { 'Accept-Language': 'en' },
    });
    const en = text(await english.text());
    expect(en).toContain('Births');
    expect(en).toContain('1st of 1 municipalities in Saitama');
    // The towns give no English for their own texts: shown in Japanese, marked, never silently mixed.
    expect(en).toContain('出生数 (Japanese only)');
    expect(en).not.toContain('出生数（');
  });

  it('answers hostile choices with 400 naming the field, and an unknown indicator with 404', async () => {
    await towns(store());
    const app = testApp(store());
    const status = async (path: string) => (await app.request(`${BASE}${path}`)).status;
    const bad = async (path: string, field: string) => {
      const res = await app.request(`${BASE}${path}`);
      expect(res.status, path).toBe(400);
      expect(text(await res.text())).toContain(field);
    };
    await bad('/births?pref=99', '「地域」');
    await bad('/births?pref=abc', '「地域」');
    await bad(`/births?pref=${'1'.repeat(10000)}`, '「地域」');
    await bad('/births?year=%00R4', '「年度」');
    await bad('/births?year=R4x', '「年度」');
    await bad('/births?highlight=112331', '「強調する自治体」');
    expect(await status('/births?pref=%EF%BC%91%EF%BC%91&year=%EF%BC%B2%EF%BC%94')).toBe(200);
    expect(await status('/nothing-like-this')).toBe(404);
    expect(await status(`/${'x'.repeat(10000)}`)).toBe(404);
    expect(await status('/nothing.csv')).toBe(404);
    expect(await status('/births.csv?pref=99')).toBe(400);
  });

  it('writes the CSV with a BOM, decimal strings and the dictionary, in Japanese and English', async () => {
    await towns(store());
    const app = testApp(store());
    const res = await app.request(`${BASE}/births.csv?year=R4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(res.headers.get('Content-Disposition')).toContain('births-all-2022.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header?.startsWith('指標コード,指標名,年度,系列,順位,団体コード')).toBe(true);
    expect(rows).toHaveLength(3);
    // Every per-resident figure is written with three places, as a decimal string.
    for (const row of rows.filter((r) => !r.includes('計画に人口'))) expect(row).toMatch(/,\d+\.\d{3},1000,/);
    const dictionary = await app.request(`${BASE}/data-dictionary.csv`);
    const dict = new TextDecoder().decode(await dictionary.arrayBuffer());
    for (const column of (header ?? '').split(',')) expect(dict).toContain(`${column},`);
    const en = await app.request(`${BASE}/births.csv?year=R4`, { headers: { 'Accept-Language': 'en' } });
    expect(new TextDecoder().decode(await en.arrayBuffer())).toContain('indicator,indicator_name,year');
  });

  it('answers 304 from the cache, and a publication changes the comparison at once', async () => {
    await seedStaff(store());
    await towns(store());
    const app = testApp(store());
    const url = `${BASE}/births?pref=11&year=R4`;
    const first = await app.request(url);
    const etag = first.headers.get('ETag') ?? '';
    expect(await first.text()).not.toContain('scope="row">北本市<');
    expect((await app.request(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    const browser = new StaffClient(app);
    await browser.login('office');
    await browser.get('/staff');
    const published = await browser.post(`/staff/plans/${PLAN}/publish/R4`, {
      errata: '',
      confirm: '1',
      reason: '試験公開',
    });
    expect(published.status).toBe(303);
    const after = await app.request(url, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('scope="row">北本市<');
  });

  it('is part of the static site: the list, each indicator nation-wide for its newest year, its CSV', async () => {
    await towns(store());
    const out = mkdtempSync(join(tmpdir(), 'shinchoku-indicators-'));
    await exportStaticSite(testApp(store()), out, ['ja']);
    expect(existsSync(join(out, 'compare', 'indicators', 'index.html'))).toBe(true);
    const page = readFileSync(join(out, 'compare', 'indicators', 'births', 'index.html'), 'utf8');
    expect(page).toContain('佐野市');
    // The CSV's link leads to a file of the site (the year a folder of its own, as every choice is).
    const href = /href="([^"]*births[^"]*\.csv)"/.exec(page)?.[1];
    expect(href).toBeDefined();
    const csv = resolve(join(out, 'compare', 'indicators', 'births'), href ?? '');
    expect(readFileSync(csv, 'utf8')).toContain('佐野市');
    expect(existsSync(join(out, 'compare', 'indicators', 'data-dictionary.csv'))).toBe(true);
  }, 120_000);
});
