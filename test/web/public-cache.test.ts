import { expect, it } from 'vitest';
import { EditionCache } from '../../src/publish/edition-cache.ts';
import { editionsVersion } from '../../src/store/published-editions.ts';
import { describeStores } from '../support/stores.ts';
import { KITAMOTO, publishedKitamoto, testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const PAGE = `http://localhost/plans/${KITAMOTO}/R4/kpis/furusato-donations`;
const CSV = `http://localhost/plans/${KITAMOTO}/R4/data.csv`;
const publishPath = `/staff/plans/${PLAN}/publish`;

async function office(app: ReturnType<typeof testApp>): Promise<StaffClient> {
  const browser = new StaffClient(app);
  await browser.login('office');
  await browser.get('/staff');
  return browser;
}

const etagOf = async (app: ReturnType<typeof testApp>, url: string): Promise<string> => {
  const res = await app.request(url);
  expect(res.status).toBe(200);
  return res.headers.get('ETag') ?? '';
};

describeStores('public pages from the edition cache', (store) => {
  it('sends ETag, Last-Modified, Cache-Control and Vary, and 304 to a reader who has the page', async () => {
    await publishedKitamoto(store());
    const app = testApp(store());
    const first = await app.request(PAGE);
    const body = await first.text();
    const etag = first.headers.get('ETag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(first.headers.get('Vary')).toContain('Accept-Language');
    expect(first.headers.get('Vary')).toContain('Cookie');
    expect(first.headers.get('Content-Type')).toMatch(/^text\/html/);
    const lastModified = first.headers.get('Last-Modified') ?? '';
    expect(Number.isFinite(Date.parse(lastModified))).toBe(true);

    const again = await app.request(PAGE);
    expect([again.headers.get('ETag'), await again.text()]).toEqual([etag, body]);

    const notModified = await app.request(PAGE, { headers: { 'If-None-Match': `"other", ${etag}` } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('ETag')).toBe(etag);
    const weak = await app.request(PAGE, { headers: { 'If-None-Match': `W/${etag}` } });
    expect(weak.status).toBe(304);
    const changed = await app.request(PAGE, { headers: { 'If-None-Match': '"not-this-one"' } });
    expect(changed.status).toBe(200);
    const since = await app.request(PAGE, { headers: { 'If-Modified-Since': lastModified } });
    expect(since.status).toBe(304);
    const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await app.request(PAGE, { headers: { 'If-Modified-Since': before } })).status).toBe(200);
    expect((await app.request(PAGE, { headers: { 'If-Modified-Since': 'not a date' } })).status).toBe(200);
    // The ETag decides when both are sent.
    const both = await app.request(PAGE, {
      headers: { 'If-None-Match': '"not-this-one"', 'If-Modified-Since': lastModified },
    });
    expect(both.status).toBe(200);
  });

  it('keeps the languages apart and never lets a shared cache keep a cookie-setting answer', async () => {
    await publishedKitamoto(store());
    const app = testApp(store());
    const ja = await app.request(PAGE);
    const en = await app.request(PAGE, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    expect(await ja.text()).toContain('lang="ja"');
    expect(await en.text()).toContain('lang="en"');
    expect(en.headers.get('ETag')).not.toBe(ja.headers.get('ETag'));
    const asked = await app.request(`${PAGE}?lang=en`);
    expect(asked.headers.get('Set-Cookie')).toContain('lang=en');
    expect(asked.headers.get('Cache-Control')).toBe('private, no-cache');
    // The cookie it set picks English on the plain address, from the cache as well.
    const byCookie = await app.request(PAGE, { headers: { Cookie: 'lang=en' } });
    expect(await byCookie.text()).toContain('lang="en"');
    expect(byCookie.headers.get('ETag')).toBe(en.headers.get('ETag'));
  });

  it('sends a download with an ETag and answers 304 for it', async () => {
    await publishedKitamoto(store());
    const app = testApp(store());
    const first = await app.request(CSV);
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Disposition')).toContain('attachment; filename=');
    const etag = first.headers.get('ETag') ?? '';
    const bytes = new Uint8Array(await first.arrayBuffer());
    const second = await app.request(CSV);
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(bytes);
    expect(second.headers.get('Content-Disposition')).toBe(first.headers.get('Content-Disposition'));
    expect((await app.request(CSV, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('never caches for a signed-in user, nor a staff page', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const browser = await office(app);
    await browser.post(`${publishPath}/R4`, { errata: '', confirm: '1', reason: '試験公開' });
    const signedIn = await browser.get(`/plans/${PLAN}/R4`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('Cache-Control')).toBe('private, no-store');
    expect(signedIn.headers.get('ETag')).toBeNull();
    const staff = await browser.get('/staff');
    expect(staff.headers.get('Cache-Control')).toBe('no-store');
    expect(staff.headers.get('ETag')).toBeNull();
  });

  it('shows a correction and a withdrawal at once: publishing drops the plan’s pages, files and list', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const browser = await office(app);
    await browser.post(`${publishPath}/R4`, { errata: '', confirm: '1', reason: '試験公開' });
    const year = `http://localhost/plans/${PLAN}/R4`;
    const page1 = await etagOf(app, year);
    const csv1 = await app.request(`${year}/data.csv`);
    expect(csv1.headers.get('Content-Disposition')).toContain('-ed1-data.csv');
    const list1 = await (await app.request('http://localhost/')).text();
    expect(list1).toContain('第2期北本市まち・ひと・しごと創生総合戦略');

    await browser.get(`${publishPath}/R4`);
    const corrected = await browser.post(`${publishPath}/R4`, {
      errata: '人口の数値を訂正しました',
      confirm: '1',
      reason: '試験公開',
    });
    expect(corrected.status).toBe(303);
    const page2 = await app.request(year, { headers: { 'If-None-Match': page1 } });
    expect(page2.status).toBe(200);
    expect(text(await page2.text())).toContain('人口の数値を訂正しました');
    // The same figures, so perhaps the same bytes and ETag, but the file is now edition 2's.
    const csv2 = await app.request(`${year}/data.csv`);
    expect(csv2.headers.get('Content-Disposition')).toContain('-ed2-data.csv');
    // Edition 1 is still there on request, and now says a newer one exists.
    const pinned = await app.request(`${year}?edition=1`);
    expect(pinned.status).toBe(200);

    await browser.get(publishPath);
    const withdrawn = await browser.post(`${publishPath}/R4/editions/2/withdraw`, {
      'withdraw-2022-2': '訂正に誤りがあったため',
    });
    expect(withdrawn.status).toBe(303);
    const back = await app.request(year);
    expect(back.status).toBe(200);
    expect(text(await back.text())).not.toContain('人口の数値を訂正しました');
    expect((await app.request(`${year}?edition=2`)).status).toBe(410);
    await browser.get(publishPath);
    await browser.post(`${publishPath}/R4/editions/1/withdraw`, { 'withdraw-2022-1': '全て取り下げ' });
    expect((await app.request(year)).status).toBe(410);
    expect((await app.request(`${year}/data.csv`)).status).toBe(404);
    const list2 = await (await app.request('http://localhost/')).text();
    expect(list2).not.toContain('第2期北本市まち・ひと・しごと創生総合戦略');
  });

  it('sees another process’s publication by the plan’s version, read by key', async () => {
    await seedStaff(store());
    const publisher = testApp(store());
    const browser = await office(publisher);
    await browser.post(`${publishPath}/R4`, { errata: '', confirm: '1', reason: '試験公開' });
    // A second app on the same database, as a second server process would be, checking every request.
    const reader = testApp(store(), {
      editionCache: new EditionCache({
        maxBytes: 1e7,
        recheckMs: 0,
        versionOf: (slug) => editionsVersion(store().db, slug),
      }),
    });
    const year = `http://localhost/plans/${PLAN}/R4`;
    const before = await etagOf(reader, year);
    expect(await etagOf(reader, year)).toBe(before);
    await browser.get(`${publishPath}/R4`);
    await browser.post(`${publishPath}/R4`, { errata: '別の訂正', confirm: '1', reason: '試験公開' });
    const after = await reader.request(year);
    expect(after.headers.get('ETag')).not.toBe(before);
    expect(text(await after.text())).toContain('別の訂正');
  });
});
