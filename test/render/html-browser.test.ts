import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Plan } from '../../src/core/plan.ts';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { messagesFor } from '../../src/render/messages.ts';
import type { Lang } from '../../src/core/language.ts';
import { chromiumPath } from '../../src/render/pdf/chromium-path.ts';
import { kitamotoPlan, kitamotoR4 } from '../support/kitamoto.ts';

const evaluation = kitamotoR4();
const reports: Record<Lang, string> = {
  // The reviewers' 点検事項 slides are drawn too, so the layout of every kind of slide is checked.
  ja: renderReportHtml(evaluation, messagesFor('ja'), { diagnostics: true }),
  en: renderReportHtml(evaluation, messagesFor('en'), { diagnostics: true }),
};

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'`;

/** Kitamoto with markup in every kind of text staff write: titles, names, labels and assessments. */
function evilPlan(): Plan {
  const plan = kitamotoPlan();
  const kpis = new Map(
    [...plan.kpis].map(([id, kpi]) => [
      id,
      {
        ...kpi,
        name: kpi.name + EVIL,
        category: [...kpi.category, EVIL],
        series: kpi.series.map((s) => ({ ...s, label: s.label === null ? null : s.label + EVIL })),
        assessments: new Map(
          [...kpi.assessments].map(([year, a]) => [
            year,
            { status: a.status === null ? null : a.status + EVIL, text: a.text + EVIL },
          ]),
        ),
      },
    ]),
  );
  return {
    ...plan,
    title: plan.title + EVIL,
    municipality: plan.municipality + EVIL,
    goals: plan.goals.map((g) => ({ ...g, title: g.title + EVIL })),
    kpis,
  };
}

let browser: Browser;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];
const dialogs: string[] = [];

async function open(html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready');
}

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  // axe-core wants a page of a context the test made, not the browser's default one.
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  it('passes an axe-core WCAG 2.1 A/AA scan, in Japanese and in English', async () => {
    // The two scans take seconds each; separate pages let Chromium run them side by side.
    const scans = await Promise.all(
      (['ja', 'en'] as const).map(async (lang) => {
        const scanPage = await page.context().newPage();
        try {
          await scanPage.setContent(reports[lang], { waitUntil: 'load' });
          return await new AxeBuilder({ page: scanPage })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
        } finally {
          await scanPage.close();
        }
      }),
    );
    for (const results of scans) {
      const violations = results.violations.map((v) => ({
        id: v.id,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
      expect(violations).toEqual([]);
      expect(results.passes.map((p) => p.id)).toEqual(
        expect.arrayContaining(['color-contrast', 'html-has-lang', 'svg-img-alt', 'aria-valid-attr-value']),
      );
      // axe cannot see behind the lines of a chart's SVG, so its labels are left undecided; every other
      // text's contrast must have been measured, not skipped.
      const undecided = results.incomplete.flatMap((r) =>
        r.nodes
          .filter((n) => !(r.id === 'color-contrast' && n.html.startsWith('<text')))
          .map((n) => `${r.id}: ${n.html}`),
      );
      expect(undecided).toEqual([]);
    }
  }, 60_000);

  it('loads with no request beyond itself and no script or policy error', async () => {
    requests.length = 0;
    consoleErrors.length = 0;
    await open(reports.ja);
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const families = await page.evaluate(
      'Array.from(document.fonts).filter((f) => f.status === "loaded").map((f) => f.family)',
    );
    expect(new Set(families as string[])).toEqual(new Set(['Noto Sans JP']));
  });

  it('shows a formula on keyboard focus and on hover, and Escape dismisses it', async () => {
    await open(reports.ja);
    const formula = page.locator('.formula').first();
    await expect(formula.isVisible()).resolves.toBe(false);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      '[document.activeElement.textContent, document.getElementById(document.activeElement.getAttribute("aria-describedby")).textContent]',
    );
    expect(focused).toEqual(['-670.6%', '(385.9 − 431.5) / (438.3 − 431.5) = −670.6%']);
    await expect(formula.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(formula.isVisible()).resolves.toBe(false);
    await page.keyboard.press('Tab');
    await page.mouse.move(0, 0);
    const rate = page.locator('.slide-closing .calc-value');
    await rate.hover();
    await expect(page.locator('.slide-closing .formula').textContent()).resolves.toBe('4 / 15 = 26.7%');
    await expect(page.locator('.slide-closing .formula').isVisible()).resolves.toBe(true);
  });

  it('prints each slide as one 16:9 page with nothing cut off and no formula showing', async () => {
    // The English texts are longer in characters, so two goals' assessments continue on a slide more.
    const expected: Record<Lang, number> = { ja: 29, en: 31 };
    for (const [lang, html] of Object.entries(reports) as [Lang, string][]) {
      await open(html);
      await page.emulateMedia({ media: 'print' });
      const slides = (await page.evaluate(`Array.from(document.querySelectorAll('.slide'), (s) => ({
        id: s.id, width: s.clientWidth, height: s.clientHeight,
        overflow: s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1,
      }))`)) as { id: string; width: number; height: number; overflow: boolean }[];
      await page.emulateMedia({ media: 'screen' });
      expect(slides.length).toBe(expected[lang]);
      expect(slides.filter((s) => s.overflow).map((s) => s.id)).toEqual([]);
      for (const s of slides) expect(Math.round((s.width / s.height) * 900)).toBe(1600);
    }
  });

  it('renders markup in plan text as text, and runs no script of it', async () => {
    const html = renderReportHtml(evaluate(evilPlan(), 2022), messagesFor('ja'));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&#39;',
    );

    dialogs.length = 0;
    await open(html);
    const dom = (await page.evaluate(`({
      scripts: document.scripts.length,
      images: document.images.length,
      title: document.title,
      h1: document.querySelector('h1').textContent,
      lead: document.querySelector('.assessments .lead').textContent,
      chart: document.querySelector('.chart svg').getAttribute('aria-label'),
    })`)) as Record<string, unknown>;
    expect(dialogs).toEqual([]);
    expect(dom.scripts).toBe(1);
    expect(dom.images).toBe(0);
    expect(dom.title).toContain(EVIL);
    expect(dom.h1).toContain(EVIL);
    expect(dom.lead).toBe(`就業者一人当たり市内純生産${EVIL}については、未達成の状況`);
    expect(dom.chart).toBe(`就業者一人当たり市内純生産${EVIL}`);
  });
});
