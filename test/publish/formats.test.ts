import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormats } from '../../src/cli/commands/report.ts';
import { evaluate, latestYearWithData } from '../../src/core/evaluate.ts';
import { formatFiscalYear } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { messagesFor } from '../../src/render/messages.ts';
import {
  DOWNLOAD_FORMATS,
  downloadFile,
  FORMATS,
  formatByName,
  isDownloadPath,
  PRINTABLE_FORMATS,
  REPORT_FORMATS,
} from '../../src/publish/formats.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { t } from '../../src/web/i18n/index.ts';
import { DRAFT_FORMATS, staffPaths } from '../../src/web/routes/staff/paths.ts';
import { exportStaticSite } from '../../src/web/static-site/export.ts';
import { runCli } from '../support/io.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { testApp } from '../support/web.ts';

/** A plan of a few KPIs, so that every format renders in a fraction of the seed's time. */
const PLAN_PATH = join(ROOT, 'examples/methods/ratio.yaml');
const SLUG = 'ratio-example';

describe('the format registry', () => {
  it('lists each format once, each download at its own address and with words in both languages', () => {
    const names = FORMATS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const files = DOWNLOAD_FORMATS.map(downloadFile);
    expect(new Set(files).size).toBe(files.length);
    for (const format of DOWNLOAD_FORMATS) {
      expect(formatByName(format.name)).toBe(format);
      for (const lang of ['ja', 'en'] as const) expect(t(lang).downloads[format.name]).not.toBe('');
    }
    expect(formatByName('docx')).toBeUndefined();
  });

  it('names files as before: a plan file’s report by year, an edition by plan, year and edition', () => {
    const pdf = formatByName('pdf');
    const csv = formatByName('csv');
    expect(pdf.fileName({ year: 2022, lang: 'ja' })).toBe('report-R4.pdf');
    expect(pdf.fileName({ year: 2022, lang: 'en' })).toBe('report-R4-en.pdf');
    expect(pdf.fileName({ plan: 'kitamoto', year: 2022, edition: 2, lang: 'ja' })).toBe(
      'kitamoto-R4-ed2.pdf',
    );
    expect(csv.fileName({ plan: 'kitamoto', year: 2022, edition: 2, lang: 'en' })).toBe(
      'kitamoto-R4-ed2-data-en.csv',
    );
    expect(pdf.fileName({ plan: 'kitamoto', year: 2022, draft: true, lang: 'ja' })).toBe(
      'kitamoto-R4-draft.pdf',
    );
    // A slug is the office's; whatever it holds, the Content-Disposition header cannot be broken by it.
    expect(pdf.fileName({ plan: '北本"\r\nx', year: 2022, edition: 1, lang: 'ja' })).toMatch(
      /^[A-Za-z0-9._-]+$/,
    );
  });

  it('tells the static site a download from a page', () => {
    for (const format of DOWNLOAD_FORMATS) {
      expect(isDownloadPath(`/plans/${SLUG}/R4/${downloadFile(format)}`)).toBe(true);
    }
    for (const page of ['/', `/plans/${SLUG}`, `/plans/${SLUG}/R4`, `/plans/${SLUG}/R4/goals/B1`]) {
      expect(isDownloadPath(page)).toBe(false);
    }
  });
});

describe('every format is reachable', () => {
  let store: Store;
  let plan: Plan;
  let year = 0;
  let base = '';
  beforeAll(async () => {
    store = await openStore({ dataDir: null });
    plan = { ...loadExamplePlan(PLAN_PATH), id: SLUG };
    await importPlan(store.db, plan);
    year = latestYearWithData(plan) ?? 0;
    await publishEdition(store.db, { plan: SLUG, year, errata: null }, null);
    base = `/plans/${SLUG}/${formatFiscalYear(year)}`;
  }, 60_000);
  afterAll(() => store.close());

  it('from the CLI: `report --format` takes every report format, `evaluate --format` prints each printable one', async () => {
    expect(parseFormats(REPORT_FORMATS.map((f) => f.name).join(','))).toEqual(
      REPORT_FORMATS.map((f) => f.name),
    );
    const evaluation = evaluate(plan, year);
    for (const format of PRINTABLE_FORMATS) {
      const run = await runCli('evaluate', PLAN_PATH, '--format', format.name);
      expect(run.code, format.name).toBe(0);
      expect(run.out).toBe(String(await format.render(evaluation, messagesFor('ja'), { bom: false })));
    }
    expect((await runCli('evaluate', PLAN_PATH, '--format', 'pptx')).code).toBe(2);
  });

  it('from the year page: each download is linked, served with its media type and named by the registry', async () => {
    const app = testApp(store);
    const page = await (await app.request(base)).text();
    const evaluation = evaluate(plan, year);
    for (const format of DOWNLOAD_FORMATS) {
      const href = `${base}/${downloadFile(format)}`;
      expect(page).toContain(`href="${href}"`);
      const res = await app.request(href);
      // The test app has no browser: the PDF is refused with 503, in words, never rendered half.
      if ('printedFrom' in format) {
        expect(res.status).toBe(503);
        continue;
      }
      expect(res.status, format.name).toBe(200);
      expect(res.headers.get('content-type')).toBe(format.mediaType);
      const name = format.fileName({ plan: SLUG, year, edition: 1, lang: 'ja' });
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      // The Japanese CSV is the open-data file: every year the evaluation covers, as each year's report printed it.
      const yearly = evaluation.columns.map((y) => (y === year ? evaluation : evaluate(plan, y)));
      const expected = await format.render(evaluation, messagesFor('ja'), { yearly });
      // Byte for byte, so the CSV's byte order mark counts too; the binary formats carry a timestamp.
      if (typeof expected === 'string') {
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(new TextEncoder().encode(expected));
      }
    }
  }, 120_000);

  it('from the staff drafts: one address per report format', () => {
    expect(DRAFT_FORMATS).toEqual(REPORT_FORMATS.map((f) => f.name));
    for (const format of REPORT_FORMATS) {
      expect(staffPaths.draftFile(SLUG, year, format.name).endsWith(`/draft/${downloadFile(format)}`)).toBe(
        true,
      );
    }
  });

  it('from the static site: every download but the unprintable PDF is written as a file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'shinchoku-formats-'));
    const site = await exportStaticSite(testApp(store), out, ['ja']);
    for (const format of DOWNLOAD_FORMATS) {
      const file = join(out, 'plans', SLUG, formatFiscalYear(year), downloadFile(format));
      expect(existsSync(file), format.name).toBe(!('printedFrom' in format));
    }
    expect(site.skipped).toContain(`${base}/${downloadFile(formatByName('pdf'))}`);
    for (const skipped of site.skipped) expect(skipped).toMatch(/\/report\.pdf(\?|$)/);
  }, 180_000);
});
