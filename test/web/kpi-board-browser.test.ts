import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, markOpinion } from '../../src/store/comments.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { logIn, startBrowserRig, type BrowserRig } from '../support/browser-flow.ts';
import { ENGINES } from '../support/stores.ts';
import { PASSWORD, PLAN, seedStaff } from './staff-helpers.ts';

/** Where to keep the screenshots for a person to look at (SHINCHOKU_SHOTS=dir); none when unset. */
const SHOTS = process.env.SHINCHOKU_SHOTS;
const STAFF_BOARD = `/staff/plans/${PLAN}/R4/board`;
const PUBLIC_BOARD = `/plans/${PLAN}/R4/board`;
const OPINION = '出生数の減少要因を転出入とあわせて分析されたい。';

const pglite = ENGINES.find((e) => e.name === 'pglite');

describe.skipIf(!pglite)('the KPI board in Chromium', () => {
  let opened: Awaited<ReturnType<NonNullable<typeof pglite>['open']>>;
  let rig: BrowserRig;

  beforeAll(async () => {
    opened = await (pglite as NonNullable<typeof pglite>).open();
    const staff = await seedStaff(opened.store);
    const comment = await addComment(
      opened.store.db,
      { plan: PLAN, kpi: 'births', year: 2022, body: OPINION },
      staff.committee,
    );
    await markOpinion(
      opened.store.db,
      { plan: PLAN, kpi: 'births', year: 2022, comment: comment.id, publish: true },
      staff.admin,
    );
    await publishEdition(opened.store.db, { plan: PLAN, year: 2022, errata: null }, staff.admin);
    rig = await startBrowserRig(opened.store);
    if (SHOTS) await mkdir(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
    await opened?.dispose();
  });

  async function scan(context: BrowserContext, path: string, name: string, width: number) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${rig.base}${path}`);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(result.violations.map((v) => `${name}@${width}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual(
      [],
    );
    // Nothing but a table's or a chart's own scrolling region may be wider than the screen.
    // A string, run in the page: this project's TypeScript has no DOM types.
    const wider = (await page.evaluate(`(() => {
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el.closest('.table-scroll, .chart-scroll')) continue;
        const box = el.getBoundingClientRect();
        if (box.right > ${width} + 1) out.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(box.right));
      }
      return out.slice(0, 5);
    })()`)) as string[];
    expect(wider, `${name}@${width}`).toEqual([]);
    const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(scrollWidth, `${name}@${width}`).toBeLessThanOrEqual(width);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    return page;
  }

  it('passes axe at 1280 and 390 px, sorts by a heading without a script and prints the table alone', async () => {
    const context = await rig.browser.newContext({ locale: 'ja-JP' });
    for (const width of [1280, 390]) {
      await scan(context, PUBLIC_BOARD, 'public-board', width);
      await scan(context, `/plans/${PLAN}/R4`, 'public-overview', width);
      await scan(context, `/plans/${PLAN}/R4/kpis/births`, 'public-kpi', width);
    }
    const staff = await rig.browser.newContext({ locale: 'ja-JP' });
    await (await logIn(staff, rig.base, { login: 'office', password: PASSWORD })).close();
    for (const width of [1280, 390]) await scan(staff, `${STAFF_BOARD}?sort=status`, 'staff-board', width);

    // Without a script: the headings and the form are plain links and a GET form.
    const noScript = await rig.browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false });
    await (await logIn(noScript, rig.base, { login: 'office', password: PASSWORD })).close();
    const page = await noScript.newPage();
    await page.goto(`${rig.base}${STAFF_BOARD}`);
    await page.getByRole('link', { name: '目標進捗率' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'progress');
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('目標進捗率');
    await page.getByLabel('達成状況').selectOption('achieved');
    await page.getByRole('button', { name: '表示する' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'achieved');
    const statuses = await page.locator('.kpi-board tbody .state-achieved').count();
    expect(statuses).toBe(await page.locator('.kpi-board tbody tr').count());
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.board-filters').isVisible()).toBe(false);
    expect(await page.locator('.kpi-board').isVisible()).toBe(true);
    if (SHOTS) await page.pdf({ path: `${SHOTS}/staff-board-print.pdf` });
  }, 180_000);
});
