import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { startBrowserRig, type BrowserRig } from '../support/browser-flow.ts';
import { kitamotoR5Partial } from '../support/kitamoto.ts';

const PLAN = 'kitamoto-2nd-strategy';

/** The pages across years in a real Chromium: without script, on a phone's width, and under axe-core. */
describe('across years, in a browser', () => {
  let store: Store;
  let rig: BrowserRig;

  beforeAll(async () => {
    store = await openStore({ dataDir: null });
    await importPlan(store.db, kitamotoR5Partial());
    await publishEdition(store.db, { plan: PLAN, year: 2022, errata: null }, null);
    await publishEdition(store.db, { plan: PLAN, year: 2023, errata: null }, null);
    rig = await startBrowserRig(store);
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await store?.close();
  });

  it('compares two editions chosen in the form, with script turned off', async () => {
    const context = await rig.browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
    try {
      const page = await context.newPage();
      await page.goto(`${rig.base}/plans/${PLAN}`);
      await page.getByRole('link', { name: '二つの年度・版を比べる' }).click();
      await page.getByLabel('比較元').selectOption('R5');
      await page.getByLabel('比較先').selectOption('R4');
      await page.getByRole('button', { name: '比較する' }).click();
      expect(new URL(page.url()).search).toBe('?from=R5&to=R4');
      await expect
        .poll(() => page.locator('h1 .h1-sub').innerText())
        .toBe('令和5年度 第1版 → 令和4年度 第1版');
      const births = page.getByRole('row', { name: /出生数/ });
      await expect.poll(() => births.locator('td').first().innerText()).toBe('▲ 改善');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows the narrow chart on a phone and the wide one on a desktop', async () => {
    for (const [width, shown] of [
      [1280, 'chart-wide'],
      [390, 'chart-narrow'],
    ] as const) {
      const context = await rig.browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${rig.base}/plans/${PLAN}`);
        const visible = await page
          .locator('#trend-heading ~ figure svg')
          .evaluateAll((svgs) =>
            svgs
              .filter(
                (svg) =>
                  (svg as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect()
                    .width > 0,
              )
              .map((svg) => svg.getAttribute('class')),
          );
        expect(visible, String(width)).toEqual([shown]);
        // Nothing wider than the screen but the tables, which scroll in their own region.
        const overflow = await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, String(width)).toBe(0);
      } finally {
        await context.close();
      }
    }
  }, 60_000);

  it('passes an axe-core WCAG 2.1 A/AA scan on each page, in Japanese and English', async () => {
    const pages = [
      `/plans/${PLAN}`,
      `/plans/${PLAN}/R4/kpis/furusato-donations`,
      `/plans/${PLAN}/compare`,
      `/plans/${PLAN}/compare?from=R4&to=R4`,
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
