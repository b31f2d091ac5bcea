import { expect, it } from 'vitest';
import { testApp } from '../support/web.ts';
import { describeStores } from '../support/stores.ts';
import * as schema from '../../src/store/schema.ts';
import { sessionIdOf } from '../../src/store/sessions.ts';
import { disableUser, PASSWORD, seedStaff, StaffClient, text } from './staff-helpers.ts';

/** A clock the test moves by hand. */
const movableClock = (start = '2024-06-01T00:00:00Z') => {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

describeStores('staff sign-in', (store) => {
  it('signs in with the right password, with a session cookie the page script cannot read', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    const res = await browser.login('office');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/staff');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('shinchoku-session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/Max-Age=28800/);
    const home = await browser.get('/staff');
    expect(home.status).toBe(200);
    expect(text(home.html)).toContain('office さん（企画担当（管理者））でログイン中');
    expect(home.headers.get('cache-control')).toBe('no-store');
  });

  it('stores only the hash of the token, and marks cookies Secure with the __Host- prefix behind HTTPS', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store(), { secureCookies: true }));
    const res = await browser.login('office');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-shinchoku-session='));
    expect(cookie).toMatch(/Secure/);
    const token = browser.cookies.get('__Host-shinchoku-session') ?? '';
    const rows = await store().db.select().from(schema.sessions);
    expect(rows.map((r) => r.id)).toEqual([sessionIdOf(token)]);
    expect(rows[0]?.id).not.toBe(token);
  });

  it('refuses a wrong password or an unknown login with the same answer', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    const wrong = await browser.login('office', 'not the password');
    const unknown = await browser.login('nobody', PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(text(res.html)).toContain('ログインIDまたはパスワードが正しくありません。');
    }
    expect(wrong.html).toContain('value="office"');
    expect(wrong.html).not.toContain('not the password');
    expect((await browser.get('/staff')).status).toBe(303);
  });

  it('pauses sign-in after five failures for a login and address, for fifteen minutes', async () => {
    await seedStaff(store());
    const clock = movableClock();
    const app = testApp(store(), { clock });
    const browser = new StaffClient(app);
    for (let i = 0; i < 5; i++) expect((await browser.login('office', 'guess')).status).toBe(401);
    const limited = await browser.login('office', PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(text(limited.html)).toContain(
      'ログインの失敗が続いたため、受け付けを一時停止しています。約15分後',
    );
    const elsewhere = new StaffClient(app, { incoming: { socket: { remoteAddress: '192.0.2.7' } } });
    expect((await elsewhere.login('office')).status).toBe(303);
    expect((await browser.login('kodomo')).status).toBe(303);
    clock.advance(15 * 60 * 1000 + 1000);
    expect((await new StaffClient(app).login('office')).status).toBe(303);
  });

  it('signs out by deleting the session, so a copied cookie is worthless', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const browser = new StaffClient(app);
    await browser.login('office');
    const stolen = new StaffClient(app);
    for (const [k, v] of browser.cookies) stolen.cookies.set(k, v);
    await browser.get('/staff');
    const out = await browser.post('/staff/logout', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/staff/logout?done=logged-out');
    expect(out.headers.getSetCookie().some((c) => /^shinchoku-session=;/.test(c))).toBe(true);
    expect(await store().db.select().from(schema.sessions)).toEqual([]);
    expect((await stolen.get('/staff')).status).toBe(303);
    expect(text((await browser.get('/staff/logout?done=logged-out')).html)).toContain('ログアウトしました。');
  });

  it('ends a session after eight hours, and at once when the account is disabled', async () => {
    const staff = await seedStaff(store());
    const clock = movableClock();
    const app = testApp(store(), { clock });
    const office = new StaffClient(app);
    await office.login('office');
    const kodomo = new StaffClient(app);
    await kodomo.login('kodomo');
    await disableUser(store(), staff.kodomo);
    expect((await kodomo.get('/staff')).status).toBe(303);
    clock.advance(8 * 60 * 60 * 1000 - 1000);
    expect((await office.get('/staff')).status).toBe(200);
    clock.advance(2000);
    expect((await office.get('/staff')).status).toBe(303);
  });

  it('sends a signed-out page request to the login and back, and refuses other requests with 401', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    const page = await browser.get('/staff/plans/kitamoto-2nd-strategy?year=R5');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/staff/login?next=%2Fstaff%2Fplans%2Fkitamoto-2nd-strategy%3Fyear%3DR5');
    const login = await browser.get(page.location ?? '');
    expect(text(login.html)).toContain('このページを表示するには、ログインしてください。');
    const back = await browser.post('/staff/login', {
      login: 'kodomo',
      password: PASSWORD,
      next: '/staff/plans/kitamoto-2nd-strategy?year=R5',
    });
    expect(back.location).toBe('/staff/plans/kitamoto-2nd-strategy?year=R5');
    const anonymous = new StaffClient(testApp(store()));
    await anonymous.get('/staff/login');
    const post = await anonymous.post('/staff/plans/kitamoto-2nd-strategy/publish', { year: 'R5' });
    expect(post.status).toBe(401);
  });

  it('speaks English when asked', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    const login = await browser.get('/staff/login?lang=en');
    expect(login.html).toContain('<html lang="en">');
    expect(text(login.html)).toContain('Enter your login and password to use the staff pages.');
    const wrong = await browser.post('/staff/login', { login: 'office', password: 'nope' });
    expect(text(wrong.html)).toContain('The login or the password is not correct.');
  });

  it('never sends a signed-in user to another site', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.get('/staff/login');
    for (const next of [
      'https://evil.example/',
      '//evil.example/staff/',
      '/staff\\@evil.example',
      '/plans',
    ]) {
      const res = await browser.post('/staff/login', { login: 'office', password: PASSWORD, next });
      expect(res.location).toBe('/staff');
      await browser.post('/staff/logout', {});
      await browser.get('/staff/login');
    }
  });
});
