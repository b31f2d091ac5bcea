import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ShinchokuError } from '../../src/core/errors.ts';
import { latestYearWithData } from '../../src/core/evaluate.ts';
import { formatFiscalYear } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/render/html/script.ts';
import type { PdfPrinter } from '../../src/render/pdf/printer.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { workerRenderPool } from '../../src/web/render-pool/pool.ts';
import { kitamotoPlan, loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { datasetCsv, dictionaryCsv } from '../../src/open-data/documents.ts';
import { openDataset } from '../../src/open-data/records.ts';
import { KITAMOTO, publishedKitamoto, testApp } from '../support/web.ts';

const R4 = `/plans/${KITAMOTO}/R4`;
const SMALL = 'ratio-example';
const LONG_TEXTS = 'long-texts';

/**
 * Kitamoto with its first KPI given the longest unit the plan file takes and a 40-character series label,
 * which every figure cell of its row prints: squeezed beside them, the other columns left the PowerPoint
 * layout no room, and its line count looped for ever (issue 9).
 */
function withLongTexts(plan: Plan): Plan {
  const [id, kpi] = [...plan.kpis][0] ?? [];
  if (!id || !kpi) throw new Error('the plan has no KPI');
  const unit = '万'.repeat(40);
  const series = kpi.series.map((s) => ({ ...s, unit, label: '市内在住の就業者'.repeat(5) }));
  return { ...plan, id: LONG_TEXTS, kpis: new Map([...plan.kpis, [id, { ...kpi, unit, series }]]) };
}

describe('downloads of a published edition', () => {
  let store: Store;
  /** The year page of a plan of five KPIs: the report formats render it in a fraction of the seed's time. */
  let small = '';
  let long = '';
  beforeAll(async () => {
    store = await openStore({ dataDir: null });
    await publishedKitamoto(store);
    const ratio: Plan = { ...loadExamplePlan(join(ROOT, 'examples/methods/ratio.yaml')), id: SMALL };
    await importPlan(store.db, ratio);
    const year = latestYearWithData(ratio) ?? 0;
    await publishEdition(store.db, { plan: SMALL, year, errata: null }, null);
    small = `/plans/${SMALL}/${formatFiscalYear(year)}`;
    await importPlan(store.db, withLongTexts(kitamotoPlan()));
    await publishEdition(store.db, { plan: LONG_TEXTS, year: 2022, errata: null }, null);
    long = `/plans/${LONG_TEXTS}/R4`;
  }, 60_000);
  afterAll(() => store.close());

  it('sends the open-data CSV: Japanese columns, a byte order mark, the same file as export-data', async () => {
    const res = await testApp(store).request(`${R4}/data.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${KITAMOTO}-R4-ed1-data.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.slice(1).split('\n')[0]).toMatch(/^全国地方公共団体コード,地方公共団体名,/);
    // Every year as that year's report printed it, exactly what `shinchoku export-data` writes.
    expect(csv).toBe(datasetCsv(openDataset(kitamotoPlan(), 2022, null)));
  });

  it('keeps English columns in the English edition’s CSV', async () => {
    const res = await testApp(store).request(`${R4}/data.csv?lang=en`);
    const csv = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(3));
    expect(csv.split('\n')[0]).toMatch(/^year,goal_id,/);
  });

  it('sends the data dictionary beside the CSV, and the year page links it next to the CSV', async () => {
    const res = await testApp(store).request(`${R4}/data-dictionary.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${KITAMOTO}-R4-ed1-data-dictionary.csv"`,
    );
    expect(await res.text()).toBe(dictionaryCsv(openDataset(kitamotoPlan(), 2022, null)).slice(1));
    const page = await (await testApp(store).request(R4)).text();
    expect(page).toMatch(
      /href="\/plans\/[^"]+\/R4\/data.csv" download="">データ（CSV形式）<\/a>／<a href="\/plans\/[^"]+\/R4\/data-dictionary.csv" download="">データ項目定義書（CSV形式）<\/a>/,
    );
  });

  it('sends the data as JSON with figures written exactly', async () => {
    const res = await testApp(store).request(`${R4}/data.json?lang=en`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${KITAMOTO}-R4-ed1-data-en.json"`,
    );
    const body = await res.text();
    expect(body).toContain('"rate": 26.7');
    expect(JSON.parse(body)).toMatchObject({ year: 'R4', overall: { achieved: 4, evaluated: 15 } });
  });

  it('sends the HTML report under the report’s own policy, which inlines its fonts', async () => {
    const res = await testApp(store).request(`${small}/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('<html lang="ja">');
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`filename="${SMALL}-R\\d+-ed1\\.html"`),
    );
  });

  it('sends PowerPoint and Excel files, rendered in worker threads', async () => {
    const app = testApp(store);
    for (const [file, type] of [
      ['report.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['report.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const res = await app.request(`${small}/${file}`);
      expect(res.headers.get('content-type')).toBe(type);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(String.fromCharCode(...bytes.slice(0, 2)), file).toBe('PK');
    }
  }, 120_000);

  it('prints the PDF with the shared printer', async () => {
    const printed: string[] = [];
    const printer: PdfPrinter = {
      print: async (html) => {
        printed.push(html);
        return Buffer.from('%PDF-1.7 test');
      },
      close: async () => {},
    };
    const res = await testApp(store, { printer: async () => printer }).request(`${small}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(await res.text()).toBe('%PDF-1.7 test');
    expect(printed[0]).toContain('<html lang="ja">');
  });

  it('answers 503 with a clear message when no browser can print', async () => {
    const none = await testApp(store).request(`${R4}/report.pdf`);
    expect(none.status).toBe(503);
    const page = await none.text();
    expect(page).toContain('このサーバーでは、PDF形式の実施報告を作成できません。');
    expect(page).toContain('HTML形式をダウンロードし');
    const missing = testApp(store, {
      printer: async () => {
        throw new ShinchokuError('browser-missing', 'Chromium was not found at /usr/bin/chromium.');
      },
    });
    const res = await missing.request(`${R4}/report.pdf?lang=en`);
    expect(res.status).toBe(503);
    const english = await res.text();
    expect(english).toContain('This server cannot make the PDF version of the report.');
    expect(english).toContain('Chromium was not found at /usr/bin/chromium.');
  });

  it('renders the PowerPoint of an edition whose KPI has a long unit and series label (it hung before)', async () => {
    const pool = workerRenderPool({ workers: 1, queue: 4, timeLimitMs: 240_000 });
    try {
      const res = await testApp(store, { renderPool: pool }).request(`${long}/report.pptx`);
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(String.fromCharCode(...bytes.slice(0, 2))).toBe('PK');
    } finally {
      await pool.close();
    }
  }, 300_000);

  it('stops a render that overruns its limit with a clean page, while the public pages still answer', async () => {
    const pool = workerRenderPool({ workers: 1, queue: 4, timeLimitMs: 50 });
    try {
      const app = testApp(store, { renderPool: pool });
      const [download, page] = await Promise.all([
        app.request(`${R4}/report.pptx`),
        app.request(`/plans/${KITAMOTO}/R4`),
      ]);
      expect(page.status).toBe(200);
      expect(download.status).toBe(503);
      const body = await download.text();
      expect(body).toContain('実施報告のファイルの作成に時間がかかりすぎたため、中止しました。');
      expect(body).not.toMatch(/at .*\.ts:\d+|Error:/);
      const english = await app.request(`${R4}/report.xlsx?lang=en`);
      expect(english.status).toBe(503);
      expect(await english.text()).toContain('Making the report file took too long and was stopped.');
      expect((await app.request(`/plans/${KITAMOTO}/R4?lang=en`)).status).toBe(200);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('refuses a download with 503 and Retry-After when every renderer is busy and the queue is full', async () => {
    const pool = workerRenderPool({ workers: 1, queue: 0, timeLimitMs: 120_000 });
    try {
      const app = testApp(store, { renderPool: pool });
      const [first, second] = await Promise.all([
        app.request(`${small}/report.html`),
        app.request(`${small}/report.xlsx`),
      ]);
      expect(first.status).toBe(200);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('10');
      expect(await second.text()).toContain('ただいま実施報告のファイルを作成する処理が混み合っています。');
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('offers nothing for a year without a published edition', async () => {
    const res = await testApp(store).request(`/plans/${KITAMOTO}/R5/report.html`);
    expect(res.status).toBe(404);
  });
});
