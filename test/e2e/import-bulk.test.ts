import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { staffPaths } from '../../src/web/routes/staff/paths.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { logIn, mainText, startBrowserRig } from '../support/browser-flow.ts';
import { describeStores } from '../support/stores.ts';
import { zipBytes } from '../support/zip-bytes.ts';
import { PASSWORD, seedStaff } from '../web/staff-helpers.ts';

async function axeViolations(page: Page, allowed: readonly string[] = []): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .disableRules([...allowed])
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

const scrollWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );

/** Screenshots for a person to look at, only when asked for (SHINCHOKU_SCREENSHOTS=folder). */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.SHINCHOKU_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

describeStores('the bulk import in the browser', (store) => {
  it('uploads a zip, follows the job page to its report, and stays accessible at 1280 and 390 px', async () => {
    await seedStaff(store());
    const plan = readFileSync(KITAMOTO_PATH, 'utf8');
    const rig = await startBrowserRig(store());
    try {
      for (const width of [1280, 390]) {
        const zip = join(mkdtempSync(join(tmpdir(), 'shinchoku-bulk-')), `plans-${width}.zip`);
        writeFileSync(
          zip,
          zipBytes([
            { name: 'a.yaml', data: plan.replace('id: kitamoto-2nd-strategy', `id: w${width}-a`) },
            { name: 'b.yaml', data: plan.replace('id: kitamoto-2nd-strategy', `id: w${width}-b`) },
            { name: 'north/broken-plan-with-a-long-name.yaml', data: 'plan:\n  id: x\n  title: [\n' },
          ]),
        );
        const context = await rig.browser.newContext({ viewport: { width, height: 900 }, locale: 'ja-JP' });
        const page = await logIn(context, rig.base, { login: 'office', password: PASSWORD });
        await page.goto(`${rig.base}${staffPaths.importPlan}`);
        expect(await axeViolations(page)).toEqual([]);
        await shot(page, `import-${width}`);
        await page.getByLabel('計画の zip ファイル').setInputFiles(zip);
        await page.getByRole('button', { name: 'まとめて取り込む' }).click();
        await page.waitForLoadState();
        // While the job runs the page reloads itself (no JavaScript needed), which axe reports as
        // meta-refresh; the page offers to stop it (WCAG 2.2.1's "turn off"), which the web test checks.
        expect(await axeViolations(page, ['meta-refresh'])).toEqual([]);
        // The page refreshes itself until the job is done, then shows the report.
        await page.getByRole('heading', { name: '結果' }).waitFor({ timeout: 60_000 });
        const words = await mainText(page);
        expect(words).toContain('取込 2件、置換 0件、取り込めなかったもの 1件');
        expect(words).toMatch(/north\/broken-plan-with-a-long-name\.yaml:4:1/);
        expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
        expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
        await shot(page, `job-${width}`);
        await context.close();
      }
    } finally {
      await rig.close();
    }
  }, 180_000);
});
