import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { staffPaths } from '../../src/web/routes/staff/paths.ts';
import { editedMaster, sheet } from '../collect/master/support.ts';
import { logIn, mainText, startBrowserRig } from '../support/browser-flow.ts';
import { describeStores } from '../support/stores.ts';
import { PASSWORD, seedStaff } from '../web/staff-helpers.ts';

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

describeStores('the Excel plan master in the browser', (store) => {
  it('uploads a master with mistakes, lists them at their cells, and stays accessible at 1280 and 390 px', async () => {
    await seedStaff(store());
    const broken = join(mkdtempSync(join(tmpdir(), 'shinchoku-master-')), 'broken.xlsx');
    writeFileSync(broken, await editedMaster((wb) => (sheet(wb, '目標').getCell('B3').value = '重点目標')));
    const rig = await startBrowserRig(store());
    try {
      for (const width of [1280, 390]) {
        const context = await rig.browser.newContext({ viewport: { width, height: 900 }, locale: 'ja-JP' });
        const page = await logIn(context, rig.base, { login: 'office', password: PASSWORD });
        await page.goto(`${rig.base}${staffPaths.importPlan}`);
        expect(await axeViolations(page)).toEqual([]);
        await page.getByLabel('計画表（Excel）').setInputFiles(broken);
        await page.getByRole('button', { name: '計画表を取り込む' }).click();
        await page.waitForLoadState();
        expect(await mainText(page)).toContain(
          'シート『目標』のB3：「重点目標」は選べません。「基本目標」、「横断的な目標」のどれかを選んでください。',
        );
        expect(await axeViolations(page)).toEqual([]);
        // Nothing wider than the page: a long plan title in the export's list included.
        // The browser's own document, seen through its global: this file is not compiled with the DOM types.
        const scrollWidth = await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        );
        expect(scrollWidth).toBeLessThanOrEqual(width);
        await context.close();
      }
    } finally {
      await rig.close();
    }
  }, 120_000);
});
