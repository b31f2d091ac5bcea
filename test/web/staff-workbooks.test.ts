import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { fill, loadBook, rowOf } from '../collect/support.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const PAGE = `/staff/plans/${PLAN}/R5/workbooks`;

/** A download as the browser gets it: the bytes, not text. */
async function download(client: StaffClient, app: ReturnType<typeof testApp>, path: string) {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describeStores('department workbooks made on the web', (store) => {
  it('lists one workbook per department, each opening in Excel with its KPIs, and all of them as a zip', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    const home = await office.get(`/staff/plans/${PLAN}?year=R5`);
    expect(home.html).toContain(`href="${PAGE}"`);
    expect((await office.get('/staff/collect')).html).toContain(`href="${PAGE}"`);
    const page = await office.get(PAGE);
    expect(page.status).toBe(200);
    const seen = text(page.html);
    expect(seen).toContain('令和5年度の調査票（Excel）の作成');
    expect(seen).toMatch(/こども課 3 4 R5_こども課\.xlsxをダウンロード/);
    expect(seen).toContain('R5_商工課.xlsxをダウンロード');
    expect(seen).toContain('R5_未割当.xlsxをダウンロード');
    expect(seen).toContain('3件の調査票をまとめてダウンロード（ZIP）');

    const links = [...page.html.matchAll(/href="([^"]+\/workbooks\/\d+\.xlsx)"/g)].map((m) => m[1] ?? '');
    expect(links).toHaveLength(3);
    const kodomoLink = links[seen.indexOf('R5_こども課') < seen.indexOf('R5_商工課') ? 0 : 1] ?? '';
    const one = await download(office, app, kodomoLink);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toContain('spreadsheetml');
    expect(one.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('R5_こども課.xlsx')}`,
    );
    const book = await loadBook(one.bytes);
    const names = book.worksheets.map((s) => s.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const cells = book.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
    expect(cells.some((v) => v.includes('出生数'))).toBe(true);
    expect(cells.some((v) => v.includes('ふるさと納税'))).toBe(false);

    const zip = await download(office, app, `${PAGE}/all.zip`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = await JSZip.loadAsync(zip.bytes);
    const inside = Object.keys(files.files).sort();
    expect(inside).toEqual(['R5_こども課.xlsx', 'R5_商工課.xlsx', 'R5_未割当.xlsx']);
    for (const name of inside) {
      const bytes = await files.file(name)?.async('uint8array');
      expect((await loadBook(bytes ?? new Uint8Array())).worksheets.length).toBeGreaterThanOrEqual(2);
    }
    expect((await download(office, app, `${PAGE}/9.xlsx`)).status).toBe(404);
    expect((await download(office, app, `${PAGE}/..%2Fx.xlsx`)).status).toBe(404);
    expect((await office.get(`/staff/plans/${PLAN}/R12/workbooks`)).status).toBe(404);
  });

  it('makes a workbook the import page reads back, filled in', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    const page = await office.get(PAGE);
    const link = [...page.html.matchAll(/href="([^"]+\/workbooks\/\d+\.xlsx)"/g)]
      .map((m) => m[1] ?? '')
      .find((_, i) => text(page.html).split('.xlsxをダウンロード')[i]?.includes('商工課'));
    const made = await download(office, app, link ?? '');
    const row = await rowOf(made.bytes, '就業者一人当たり市内純生産');
    const filled = await fill(made.bytes, { [`F${row}`]: '440' });
    await office.get('/staff/collect');
    const form = new FormData();
    form.set('_csrf', office.csrf ?? '');
    form.append('files', new Blob([new Uint8Array(filled)]), 'R5_商工課.xlsx');
    const preview = await office.request('/staff/collect/preview', {
      method: 'POST',
      body: form,
      headers: { Origin: 'http://localhost' },
    });
    expect(preview.status).toBe(200);
    expect(text(preview.html)).toMatch(/就業者一人当たり市内純生産 [^ ]+ 440万円/);
  });

  it('is the office’s alone', async () => {
    await seedStaff(store());
    const app = testApp(store());
    for (const login of ['kodomo', 'iin']) {
      const client = new StaffClient(app);
      await client.login(login);
      expect((await client.get(PAGE)).status).toBe(403);
      expect((await download(client, app, `${PAGE}/all.zip`)).status).toBe(403);
      expect((await download(client, app, `${PAGE}/1.xlsx`)).status).toBe(403);
    }
  });
});
