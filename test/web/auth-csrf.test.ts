import { expect, it } from 'vitest';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, PASSWORD, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const entryPath = `/staff/plans/${PLAN}/R5/kpis/births`;

describeStores('forged forms', (store) => {
  it('refuses a form without the token, with a wrong one, or from another site, and writes nothing', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    await browser.get(entryPath);
    const before = (await auditRows(store())).length;
    const fields = { 's0-value': '330', 's0-state': 'final', 's0-version': '0' };
    const attempts = [
      await browser.post(entryPath, fields, { csrf: null }),
      await browser.post(entryPath, fields, { csrf: 'x'.repeat(43) }),
      await browser.post(entryPath, fields, { origin: 'https://evil.example' }),
      await browser.post(entryPath, fields, { origin: 'null' }),
      await browser.request(entryPath, {
        method: 'POST',
        body: new URLSearchParams({ ...fields, _csrf: browser.csrf ?? '' }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(text(res.html)).toContain('フォームの有効期限が切れたか、ほかのサイトから送信されました。');
    }
    expect((await auditRows(store())).length).toBe(before);
    const honest = await browser.post(entryPath, fields);
    expect(honest.status).toBe(200);
  });

  it('keeps one user’s token from working in another user’s session', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    await office.get('/staff');
    const kodomo = new StaffClient(app);
    await kodomo.login('kodomo');
    const res = await kodomo.post(
      entryPath,
      { 's0-value': '330', 's0-state': 'final' },
      { csrf: office.csrf },
    );
    expect(res.status).toBe(403);
  });

  it('protects the login form too, against a forged sign-in', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    const forged = await browser.post(
      '/staff/login',
      { login: 'office', password: PASSWORD },
      { csrf: null },
    );
    expect(forged.status).toBe(403);
    const first = await browser.get('/staff/login');
    expect(first.headers.getSetCookie().join('')).toMatch(
      /^shinchoku-csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const again = await browser.get('/staff/login');
    expect(again.headers.getSetCookie()).toEqual([]);
    expect((await browser.post('/staff/login', { login: 'office', password: PASSWORD })).status).toBe(303);
  });

  it('puts the token in every form of the staff pages', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('office');
    const pages = [
      '/staff',
      `/staff/plans/${PLAN}`,
      entryPath,
      `/staff/plans/${PLAN}/publish`,
      `/staff/plans/${PLAN}/kpis/births/settings`,
      '/staff/import',
      '/staff/users',
      '/staff/departments',
    ];
    for (const path of pages) {
      const { status, html } = await browser.get(path);
      expect(status, path).toBe(200);
      const posts = html.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
      expect(posts.length, path).toBeGreaterThan(0);
      for (const form of posts) expect(form, path).toContain('name="_csrf"');
    }
  });
});
