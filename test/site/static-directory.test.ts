import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { generatePlan, NATIONAL } from '../../bench/data/national.ts';
import { municipalityCodes } from '../../bench/data/national-municipalities.ts';
import { assignMunicipalities } from '../../bench/web/national-municipalities.ts';
import { storeNational } from '../../bench/web/national-store.ts';
import { CHROMIUM_ARGS } from '../../src/render/pdf/printer.ts';
import { chromiumPath } from '../../src/render/pdf/chromium-path.ts';
import { exportStaticSite } from '../../src/web/static-site/export.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';

/** Twelve municipalities' plans: enough for several prefectures, small enough to write every page. */
const PLANS = Array.from({ length: 12 }, (_, i) => generatePlan(i, { ...NATIONAL, kpisPerPlan: 3 }));
const CODES = municipalityCodes(PLANS.length);

describeStores('the static site of several municipalities', (store) => {
  beforeEach(async () => {
    await storeNational(store().db, PLANS, 2024);
    await assignMunicipalities(store().db, PLANS);
  }, 120_000);

  it('writes the directory, each municipality, the comparisons and their CSVs, linked relatively, and passes axe', async () => {
    const out = mkdtempSync(join(tmpdir(), 'shinchoku-directory-site-'));
    await exportStaticSite(testApp(store()), out, ['ja', 'en']);
    const pref = (CODES[0] ?? '').slice(0, 2);
    const expected = [
      'municipalities/index.html',
      `prefectures/${pref}/index.html`,
      `municipalities/${CODES[0]}/index.html`,
      'compare/rates/index.html',
      `compare/rates/pref-${pref}/year-R6/index.html`,
      `compare/pref-${pref}/year-R6/rates.csv`,
      'compare/year-R6/rates.csv',
      'compare/rates-dictionary.csv',
      `en/compare/rates/pref-${pref}/year-R6/index.html`,
      `compare/rates/pref-${pref}/sort-code/year-R6/index.html`,
    ];
    for (const file of expected) expect(existsSync(join(out, file)), file).toBe(true);
    const front = readFileSync(join(out, 'index.html'), 'utf8');
    expect(front).toContain('href="municipalities/index.html"');
    const own = readFileSync(join(out, `municipalities/${CODES[0]}/index.html`), 'utf8');
    // The highlight needs the server: the site links the prefecture's comparison without it.
    expect(own).toContain(`href="../../compare/rates/pref-${pref}/year-R6/index.html"`);
    const compare = readFileSync(join(out, `compare/rates/pref-${pref}/year-R6/index.html`), 'utf8');
    expect(compare).toContain(`href="../../../pref-${pref}/year-R6/rates.csv"`);
    expect(compare).not.toContain('href="/');

    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const file of [
        'municipalities/index.html',
        `prefectures/${pref}/index.html`,
        `municipalities/${CODES[0]}/index.html`,
        `compare/rates/pref-${pref}/year-R6/index.html`,
        'en/compare/rates/index.html',
      ]) {
        await page.goto(pathToFileURL(join(out, file)).href);
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(result.violations.map((v) => `${file}: ${v.id} ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }, 300_000);
});
