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
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { KITAMOTO, publishedKitamoto, testApp } from '../support/web.ts';

const R4 = `/plans/${KITAMOTO}/R4`;
const SMALL = 'ratio-example';

describe('downloads of a published edition', () => {
  let store: Store;
  /** The year page of a plan of five KPIs: the report formats render it in a fraction of the seed's time. */
  let small = '';
  beforeAll(async () => {
    store = await openStore({ dataDir: null });
    await publishedKitamoto(store);
    const ratio: Plan = { ...loadExamplePlan(join(ROOT, 'examples/methods/ratio.yaml')), id: SMALL };
    await importPlan(store.db, ratio);
    const year = latestYearWithData(ratio) ?? 0;
    await publishEdition(store.db, { plan: SMALL, year, errata: null }, null);
    small = `/plans/${SMALL}/${formatFiscalYear(year)}`;
  }, 60_000);
  afterAll(() => store.close());

  it('sends the data as CSV with a UTF-8 byte order mark, named after plan, year and edition', async () => {
    const res = await testApp(store).request(`${R4}/data.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${KITAMOTO}-R4-ed1-data.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.split('\n')[0]).toMatch(/^year,goal_id,/);
    expect(csv).toContain('ふるさと納税寄附件数');
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

  it('sends PowerPoint and Excel files', async () => {
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
  });

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

  it('offers nothing for a year without a published edition', async () => {
    const res = await testApp(store).request(`/plans/${KITAMOTO}/R5/report.html`);
    expect(res.status).toBe(404);
  });
});
