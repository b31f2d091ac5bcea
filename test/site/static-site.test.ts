import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/render/pdf/printer.ts';
import { chromiumPath } from '../../src/render/pdf/chromium-path.ts';
import { ROOT } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const LINK = /\b(?:href|src)="([^"]*)"|url\((['"]?)([^'")]+)\2\)/g;

describe('shinchoku site', () => {
  const out = mkdtempSync(join(tmpdir(), 'shinchoku-site-'));
  let browser: Browser;
  let files: string[] = [];

  beforeAll(async () => {
    const run = await runCli('site', join(ROOT, 'examples', 'methods', 'ratio.yaml'), '--out', out);
    expect(run.code, run.err).toBe(0);
    files = filesUnder(out);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('writes the public pages in Japanese and English, with every download', () => {
    const written = files.map((f) => relative(out, f));
    expect(written).toContain('index.html');
    expect(written).toContain(join('en', 'index.html'));
    for (const file of ['report.html', 'report.pdf', 'report.pptx', 'report.xlsx', 'data.csv', 'data.json']) {
      expect(written).toContain(join('plans', 'plan', 'R5', file));
    }
    expect(written.some((f) => f.startsWith('assets/fonts/') && f.endsWith('.woff2'))).toBe(true);
  });

  it('links only to files it wrote, relatively, and never to the staff pages or the API', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => /\.(html|css)$/.test(f) && !f.endsWith('report.html'))) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/href="\/(staff|api)/);
      for (const match of text.matchAll(LINK)) {
        const href = (match[1] ?? match[3] ?? '').split('#')[0] as string;
        if (href === '' || /^[a-z]+:/i.test(href)) continue;
        expect(href.startsWith('/'), `${file}: ${href} is not relative`).toBe(false);
        const target = join(dirname(file), decodeURIComponent(href));
        if (!existsSync(target)) broken.push(`${relative(out, file)} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  const pages = [
    'index.html',
    'plans/plan/R5/index.html',
    'plans/plan/R5/goals/G1/index.html',
    'plans/plan/R5/kpis/waste/index.html',
  ];
  for (const lang of ['', 'en/']) {
    it(`passes an axe-core scan, opened from the folder (${lang || 'ja'})`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        for (const path of pages) {
          await page.goto(pathToFileURL(join(out, lang, path)).href);
          const result = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          expect(result.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
        }
        // The browser's own document, seen through its global: this test file is not compiled with the DOM types.
        const fonts = await page.evaluate(() =>
          (
            globalThis as unknown as { document: { fonts: { check(font: string, text: string): boolean } } }
          ).document.fonts.check('16px "Noto Sans JP"', '数値目標'),
        );
        expect(fonts).toBe(true);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
