import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { startBrowserRig, type BrowserRig } from '../support/browser-flow.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';
import { publishedKitamoto } from '../support/web.ts';

/**
 * The report and the public pages on a phone (390 px, an iPhone 12–15 in portrait): the page never
 * scrolls sideways, and a table wider than the screen scrolls inside its own box with the KPI's name
 * held at the left, a shadow at the edge that hides more, and its score columns reachable by scrolling.
 * The screenshots are kept in the system's temporary folder for a person to look at.
 */

const WIDTH = 390;
const SHOTS = join(tmpdir(), 'shinchoku-phone');

interface TableState {
  readonly pageWidth: number;
  readonly viewport: number;
  readonly scrolls: boolean;
  readonly cue: string;
  readonly stickyName: string;
  /** Where the last column's header and the row's name sit once the table is scrolled to its end. */
  readonly lastHeader: { readonly text: string; readonly left: number; readonly right: number };
  readonly nameLeft: number;
}

/**
 * Scrolls the first goal table's box to its end and measures where its columns sit. In the page's own
 * script, as text: the test's TypeScript has no DOM types.
 */
async function goalTable(page: Page, box: string): Promise<TableState> {
  const script = `(() => {
    const table = document.querySelector('table.goal-table');
    const scroller = table && (table.closest(${JSON.stringify(box)}) || table);
    if (!scroller) throw new Error('no goal table');
    const scrolls = scroller.scrollWidth > scroller.clientWidth;
    scroller.scrollLeft = scroller.scrollWidth;
    const headers = [...table.querySelectorAll('thead th')];
    const last = headers[headers.length - 1];
    const name = table.querySelector('tbody th');
    const rect = last.getBoundingClientRect();
    return {
      pageWidth: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      scrolls,
      cue: getComputedStyle(scroller).backgroundImage,
      stickyName: getComputedStyle(name).position,
      lastHeader: { text: last.textContent, left: rect.left, right: rect.right },
      nameLeft: name.getBoundingClientRect().left,
    };
  })()`;
  return (await page.evaluate(script)) as TableState;
}

function expectReachable(state: TableState, lastHeading: string): void {
  expect(state.pageWidth).toBeLessThanOrEqual(state.viewport);
  expect(state.viewport).toBe(WIDTH);
  // Wider than the screen, so it scrolls in its own box, with the shadows that say so.
  expect(state.scrolls).toBe(true);
  expect(state.cue).toContain('radial-gradient');
  expect(state.stickyName).toBe('sticky');
  // Scrolled to its end, the score column is on screen and the KPI's name is still at the left.
  expect(state.lastHeader.text).toBe(lastHeading);
  expect(state.lastHeader.left).toBeGreaterThan(0);
  expect(state.lastHeader.right).toBeLessThanOrEqual(WIDTH);
  expect(state.nameLeft).toBeGreaterThanOrEqual(0);
  expect(state.nameLeft).toBeLessThan(state.lastHeader.left);
}

let browser: Browser;
let rig: BrowserRig;
let store: Store;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  store = await openStore({ dataDir: null });
  await publishedKitamoto(store);
  rig = await startBrowserRig(store);
  browser = rig.browser;
}, 120_000);

afterAll(async () => {
  await rig?.close();
  await store?.close();
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 }, locale: 'ja-JP' });
  return context.newPage();
}

describe('on a 390 px phone', () => {
  it('the HTML report reflows to the screen and its goal tables scroll in place, score column reachable', async () => {
    const page = await phone();
    await page.setContent(renderReportHtml(kitamotoR4(), messagesFor('ja')), { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    const state = await goalTable(page, '.slide table');
    await page.locator('table.goal-table').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'report-390.png') });
    expectReachable(state, '目標進捗率');
    await page.context().close();
  });

  it('prints the report as before: a slide is still 16:9 on paper', async () => {
    const page = await phone();
    await page.setContent(renderReportHtml(kitamotoR4(), messagesFor('ja')), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const table = await page.evaluate("getComputedStyle(document.querySelector('table.goal-table')).display");
    expect(table).toBe('table');
    await page.context().close();
  });

  it('a goal page scrolls only its table, with the KPI name held and 目標進捗率 reachable', async () => {
    const page = await phone();
    await page.goto(`${rig.base}/plans/kitamoto-2nd-strategy/R4/goals/B1`);
    const state = await goalTable(page, '.table-scroll');
    await page.locator('table.goal-table').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'goal-page-390.png') });
    expectReachable(state, '目標進捗率');
    await page.context().close();
  });

  it('a plan page fits the screen too', async () => {
    const page = await phone();
    await page.goto(`${rig.base}/plans/kitamoto-2nd-strategy/R4`);
    const widths = (await page.evaluate(
      '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
    )) as number[];
    await page.screenshot({ path: join(SHOTS, 'plan-page-390.png'), fullPage: true });
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await page.context().close();
  });
});
