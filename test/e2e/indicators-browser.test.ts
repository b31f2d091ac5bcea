import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { startBrowserRig, type BrowserRig } from '../support/browser-flow.ts';
import { CODES, townPlan } from '../support/indicator-plans.ts';

/** The comparable-KPI pages in a real Chromium: without script, on a phone's width, under axe-core. */
describe('comparable KPIs, in a browser', () => {
  let store: Store;
  let rig: BrowserRig;

  beforeAll(async () => {
    store = await openStore({ dataDir: null });
    const towns = [
      { id: 'kitamoto', municipality: '北本市', code: CODES.kitamoto, population: '65000' },
      { id: 'saitama', municipality: 'さいたま市', code: CODES.saitama, population: '1340000' },
      { id: 'nopop', municipality: '人口なし町', code: '111015', population: null },
    ];
    for (const town of towns) {
      await importPlan(store.db, townPlan(town));
      await publishEdition(store.db, { plan: town.id, year: 2022, errata: null }, null);
    }
    rig = await startBrowserRig(store);
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await store?.close();
  });

  it('chooses a prefecture in the form with script turned off, and shows the narrow chart on a phone', async () => {
    const context = await rig.browser.newContext({
      javaScriptEnabled: false,
      locale: 'ja-JP',
      viewport: { width: 390, height: 800 },
    });
    try {
      const page = await context.newPage();
      await page.goto(`${rig.base}/compare/indicators/births?highlight=${CODES.kitamoto}`);
      await page.selectOption('#indicator-pref', '11');
      await page.click('button[type=submit]');
      expect(new URL(page.url()).searchParams.get('pref')).toBe('11');
      await expect(page.locator('main').innerText()).resolves.toContain('北本市は埼玉県内2団体中1位です。');
      expect(await page.locator('svg.chart-narrow').first().isVisible()).toBe(true);
      expect(await page.locator('svg.chart-wide').first().isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('passes an axe-core WCAG 2.1 A/AA scan on each page, in Japanese and English', async () => {
    const pages = [
      '/compare/indicators',
      `/compare/indicators/births?pref=11&year=R4&highlight=${CODES.kitamoto}`,
      '/compare/indicators/births?pref=99',
    ];
    for (const lang of ['ja', 'en']) {
      const context = await rig.browser.newContext();
      try {
        const page = await context.newPage();
        for (const path of pages) {
          await page.goto(`${rig.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          const result = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          expect(result.violations.map((v) => `${lang} ${path}: ${v.id} ${v.nodes[0]?.html ?? ''}`)).toEqual(
            [],
          );
        }
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
