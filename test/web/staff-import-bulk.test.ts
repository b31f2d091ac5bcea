import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { startBulkJob } from '../../src/store/bulk-jobs.ts';
import { createMunicipality } from '../../src/store/municipalities.ts';
import { MAX_FORM_BODY } from '../../src/web/routes/staff/index.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { zipBytes, type ZipEntryInput } from '../support/zip-bytes.ts';
import { seedStaff, StaffClient, text, type Page } from './staff-helpers.ts';

const PLAN = readFileSync(KITAMOTO_PATH, 'utf8');
const withId = (id: string) => PLAN.replace('id: kitamoto-2nd-strategy', `id: ${id}`);

function upload(browser: StaffClient, entries: readonly ZipEntryInput[] | Uint8Array, replace = false) {
  const bytes = entries instanceof Uint8Array ? entries : zipBytes(entries);
  const form = new FormData();
  form.set('_csrf', browser.csrf ?? '');
  form.set('bundle', new File([new Uint8Array(bytes)], 'plans.zip', { type: 'application/zip' }));
  if (replace) form.set('bundleReplace', '1');
  return browser.request('/staff/import/bulk', {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost' },
  });
}

/** Reads the job's page as a browser would, following its refresh until it stops asking for one. */
async function finished(browser: StaffClient, path: string): Promise<Page> {
  for (let i = 0; i < 300; i++) {
    const page = await browser.get(path);
    if (!page.html.includes('http-equiv="refresh"')) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the job did not finish');
}

describeStores('the bulk import on the import page', (store) => {
  it('runs a zip of plans as a job whose page shows the progress and then the report', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    const page = await office.get('/staff/import');
    expect(text(page.html)).toContain('複数の計画をまとめて取り込む（zip）');
    // Stored uncompressed, the zip is larger than any form may be: the route's own limit lets it in.
    const entries: ZipEntryInput[] = [
      ...Array.from({ length: 22 }, (_, i) => ({
        name: `p${i}.yaml`,
        data: withId(`bulk-${i}`),
        method: 0 as const,
      })),
      { name: 'sub/broken.yaml', data: 'plan:\n  id: x\n  title: [\n' },
      { name: 'inner.zip', data: zipBytes([{ name: 'p.yaml', data: PLAN }]) },
      { name: 'README.txt', data: 'notes' },
    ];
    expect(zipBytes(entries).length).toBeGreaterThan(MAX_FORM_BODY);
    const started = await upload(office, entries);
    expect(started.status).toBe(303);
    expect(started.location).toMatch(/^\/staff\/import\/bulk\/\d+$/);
    const running = await office.get(started.location ?? '');
    expect(running.status).toBe(200);
    expect(running.html).toMatch(/<progress id="bulk-progress" max="24" value="\d+">/);
    const done = await finished(office, started.location ?? '');
    const words = text(done.html);
    expect(done.html).toContain('<progress id="bulk-progress" max="24" value="24">');
    expect(words).toContain('24件中24件（100%）');
    expect(words).toContain('取込 22件、置換 0件、取り込めなかったもの 2件');
    expect(words).toMatch(/sub\/broken\.yaml:4:1/);
    expect(words).toContain('inner.zip: zip の中の zip は開きません。');
    expect(words).toContain('取り込んだ計画（22件）');
    expect(words).toContain('p0.yaml → 計画「bulk-0」');
    expect(words).toContain('README.txt');
    const english = text((await office.get(`${started.location}?lang=en`)).html);
    expect(english).toContain('22 imported, 0 replaced, 2 not imported');
    expect(english).toContain('inner.zip: A zip inside the zip is not opened.');
    await office.get('/staff/import?lang=ja');

    const again = await finished(office, (await upload(office, entries.slice(0, 1))).location ?? '');
    expect(text(again.html)).toContain('計画ID「bulk-0」の計画はもう取り込まれています。');
    const replaced = await finished(office, (await upload(office, entries.slice(0, 1), true)).location ?? '');
    expect(text(replaced.html)).toContain('p0.yaml → 計画「bulk-0」（置換）');
  });

  it('refuses a hostile zip on the form, and a second job while one runs, each in words', async () => {
    const staff = await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get('/staff/import');
    const traversal = await upload(office, [{ name: '../../evil.yaml', data: PLAN }]);
    expect(traversal.status).toBe(422);
    expect(text(traversal.html)).toContain('フォルダーの外を指す名前');
    const notZip = await upload(office, new TextEncoder().encode(PLAN));
    expect(notZip.status).toBe(422);
    expect(text(notZip.html)).toContain('zip ファイルではありません。');
    const missing = await office.request('/staff/import/bulk', {
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.set('_csrf', office.csrf ?? '');
        return form;
      })(),
      headers: { Origin: 'http://localhost' },
    });
    expect(missing.status).toBe(422);

    const job = await startBulkJob(store().db, {
      municipalityId: 1,
      userId: staff.admin,
      fileName: 'other.zip',
      total: 10,
    });
    const page = await office.get('/staff/import');
    expect(page.html).toContain(`href="/staff/import/bulk/${job}"`);
    const busy = await upload(office, [{ name: 'a.yaml', data: withId('busy') }]);
    expect(busy.status).toBe(409);
    expect(text(busy.html)).toContain('この団体の一括取込がすでに実行中です。');
    const jobPage = await office.get(`/staff/import/bulk/${job}`);
    expect(jobPage.html).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(text(jobPage.html)).toContain('10件中0件（0%）');
    expect(jobPage.html).toContain(`href="/staff/import/bulk/${job}?refresh=off"`);
    const still = await office.get(`/staff/import/bulk/${job}?refresh=off`);
    expect(still.html).not.toContain('http-equiv="refresh"');
    expect(text(still.html)).toContain('自動更新を止めています。');
  });

  it('shows a job to its own municipality’s office only', async () => {
    await seedStaff(store());
    const sano = await createMunicipality(store().db, { code: '092045', name: '佐野市' }, null);
    const theirs = await startBulkJob(store().db, {
      municipalityId: sano.id,
      userId: null,
      fileName: 'sano.zip',
      total: 1,
    });
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    expect((await office.get(`/staff/import/bulk/${theirs}`)).status).toBe(404);
    expect((await office.get('/staff/import/bulk/0')).status).toBe(404);
    expect((await office.get('/staff/import/bulk/abc')).status).toBe(404);
    const department = new StaffClient(testApp(store()));
    await department.login('kodomo');
    expect((await department.get(`/staff/import/bulk/${theirs}`)).status).toBe(403);
  });
});
