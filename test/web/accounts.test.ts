import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import { firstStart } from '../../src/web/first-start.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, seedStaff, StaffClient, text } from './staff-helpers.ts';

const NEW_PASSWORD = 'river walk at dawn in kitamoto';
const OTHER_PASSWORD = 'plum blossoms by the old station';
const PASSWORD_PAGE = '/staff/account/password';

async function signedIn(app: ReturnType<typeof testApp>, login: string, password?: string) {
  const browser = new StaffClient(app);
  await browser.login(login, password);
  await browser.get(PASSWORD_PAGE);
  return browser;
}

const userId = (html: string, login: string): number =>
  Number(new RegExp(`href="/staff/users/(\\d+)">${login}を編集`).exec(html)?.[1]);

describeStores('accounts', (store) => {
  it('makes the first administrator replace the generated password before any other page', async () => {
    const first = await firstStart(store(), { loadSample: false });
    const generated = first?.generatedPassword ?? '';
    const app = testApp(store());
    const admin = new StaffClient(app);
    expect((await admin.login('admin', generated)).location).toBe('/staff');
    for (const path of ['/staff', '/staff/users', '/staff/audit', '/staff/users/1']) {
      expect((await admin.get(path)).location, path).toBe(PASSWORD_PAGE);
    }
    const page = await admin.get(PASSWORD_PAGE);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('続けるには、新しいパスワードに変更してください。');
    // A form posted elsewhere is not carried out while the password must change.
    const posted = await admin.post('/staff/departments', { name: '環境課' });
    expect(posted.location).toBe(PASSWORD_PAGE);
    expect(await store().db.select().from(schema.departments)).toEqual([]);

    const changed = await admin.post(PASSWORD_PAGE, {
      current: generated,
      next: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(changed.location).toBe('/staff/account/password?done=password-changed');
    expect(text((await admin.get(changed.location ?? '')).html)).toContain('パスワードを変更しました。');
    expect((await admin.get('/staff/users')).status).toBe(200);
    expect((await new StaffClient(app).login('admin', generated)).status).toBe(401);
    expect((await new StaffClient(app).login('admin', NEW_PASSWORD)).location).toBe('/staff');
  }, 60_000);

  it('changes one’s own password under the policy, ending the other sessions and keeping this one', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const here = await signedIn(app, 'kodomo');
    const elsewhere = await signedIn(app, 'kodomo');
    const nav = (await here.get('/staff')).html;
    expect(nav).toContain(`href="${PASSWORD_PAGE}"`);

    const refused = async (form: Record<string, string>, message: string) => {
      const page = await here.post(PASSWORD_PAGE, form);
      expect(page.status).toBe(422);
      expect(text(page.html)).toContain(message);
      // A refused password is never written back into the page.
      if (form.next) expect(page.html).not.toContain(form.next);
    };
    await refused({ current: 'correct horse battery staple', next: 'short', confirm: 'short' }, '12文字以上');
    await refused(
      { current: 'correct horse battery staple', next: 'Password2024!', confirm: 'Password2024!' },
      'よく使われるパスワード',
    );
    await refused(
      { current: 'correct horse battery staple', next: NEW_PASSWORD, confirm: OTHER_PASSWORD },
      '確認のために入力したパスワードが一致しません。',
    );
    await refused(
      {
        current: 'correct horse battery staple',
        next: 'correct horse battery staple',
        confirm: 'correct horse battery staple',
      },
      '現在のパスワードとは別のパスワードにしてください。',
    );
    await refused(
      { current: 'not my password at all', next: NEW_PASSWORD, confirm: NEW_PASSWORD },
      '現在のパスワードが正しくありません。',
    );
    await refused({ current: '', next: '', confirm: '' }, '入力してください。');
    const short = await here.post(PASSWORD_PAGE, { current: 'x', next: 'short', confirm: 'short' });
    expect(text(short.html)).not.toContain('空欄にすると自動で作成します');

    const before = here.cookies.get('shinchoku-session');
    const changed = await here.post(PASSWORD_PAGE, {
      current: 'correct horse battery staple',
      next: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(changed.status).toBe(303);
    expect(here.cookies.get('shinchoku-session')).not.toBe(before);
    expect((await here.get('/staff')).status).toBe(200);
    expect((await elsewhere.get('/staff')).location).toMatch(/^\/staff\/login/);
    // The copy of the old cookie is dead too.
    const stale = new StaffClient(app);
    stale.cookies.set('shinchoku-session', before ?? '');
    expect((await stale.get('/staff')).location).toMatch(/^\/staff\/login/);

    const [row] = await store().db.select().from(schema.users).where(eq(schema.users.login, 'kodomo'));
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await store().db.select().from(schema.users))).not.toContain(NEW_PASSWORD);
    const audit = (await auditRows(store())).filter((r) => r.action === 'user.change-password');
    expect(audit).toEqual([
      expect.objectContaining({ subject: 'kodomo', field: 'password', oldValue: null, newValue: null }),
    ]);
    expect(JSON.stringify(await auditRows(store()))).not.toContain(NEW_PASSWORD);
  }, 60_000);

  it('resets a password to a one-time one, shown once, that must be changed at the next sign-in', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const kodomo = await signedIn(app, 'kodomo');
    const id = userId((await office.get('/staff/users')).html, 'kodomo');
    const page = await office.get(`/staff/users/${id}`);
    expect(text(page.html)).toContain('kodomoのパスワードを再設定');
    const reset = await office.post(`/staff/users/${id}/password-reset`, {});
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    const oneTime = /class="one-time-password">([^<]+)</.exec(reset.html)?.[1] ?? '';
    expect(oneTime).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(JSON.stringify(await store().db.select().from(schema.users))).not.toContain(oneTime);
    expect((await office.get(`/staff/users/${id}`)).html).not.toContain(oneTime);
    // Their open session ended, and the old password no longer works.
    expect((await kodomo.get('/staff')).location).toMatch(/^\/staff\/login/);
    expect((await new StaffClient(app).login('kodomo')).status).toBe(401);

    const again = new StaffClient(app);
    expect((await again.login('kodomo', oneTime)).status).toBe(303);
    expect((await again.get('/staff')).location).toBe(PASSWORD_PAGE);
    await again.get(PASSWORD_PAGE);
    const changed = await again.post(PASSWORD_PAGE, {
      current: oneTime,
      next: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(changed.status).toBe(303);
    expect((await again.get('/staff')).status).toBe(200);

    const own = await office.post(`/staff/users/1/password-reset`, {});
    expect(own.status).toBe(422);
    expect(text(own.html)).toContain('自分のパスワードは「パスワードの変更」から変更してください。');
    const iin = await signedIn(app, 'iin');
    expect((await iin.post(`/staff/users/${id}/password-reset`, {})).status).toBe(403);
    const actions = (await auditRows(store())).map((r) => [r.action, r.subject]);
    expect(actions).toContainEqual(['user.reset-password', 'kodomo']);
    expect(actions).toContainEqual(['user.change-password', 'kodomo']);
    expect((await office.get('/staff/users/999999')).status).toBe(404);
    expect((await office.get('/staff/users/abc')).status).toBe(404);
  }, 60_000);

  it('edits name, role and department, audited, and keeps the last active administrator', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const kodomoPath = `/staff/users/${staff.kodomo}`;
    await office.get(kodomoPath);
    const edited = await office.post(kodomoPath, {
      displayName: '子ども 花子',
      role: 'department',
      department: String(staff.departments.shoko),
    });
    expect(edited.status).toBe(200);
    expect(text(edited.html)).toContain('2件の項目を変更しました。');
    const noDepartment = await office.post(kodomoPath, {
      displayName: 'x',
      role: 'department',
      department: '',
    });
    expect(noDepartment.status).toBe(422);
    expect(text(noDepartment.html)).toContain('担当課の利用者には、担当課を選んでください。');
    expect((await office.post(kodomoPath, { displayName: '', role: 'admin', department: '' })).status).toBe(
      422,
    );

    const self = `/staff/users/${staff.admin}`;
    const demoted = await office.post(self, {
      displayName: 'office さん',
      role: 'committee',
      department: '',
    });
    expect(demoted.status).toBe(422);
    expect(text(demoted.html)).toContain('有効な企画担当（管理者）がほかにいないため');
    expect((await office.get('/staff/users')).status).toBe(200);

    // With a second administrator, the first may step down; the second is then the last.
    await office.post(kodomoPath, { displayName: '子ども 花子', role: 'admin', department: '' });
    expect(
      (await office.post(self, { displayName: 'office さん', role: 'committee', department: '' })).status,
    ).toBe(200);
    expect((await office.get('/staff/users')).status).toBe(403);
    const kodomo = await signedIn(app, 'kodomo');
    await kodomo.get(kodomoPath);
    const last = await kodomo.post(`/staff/users/${staff.kodomo}`, {
      displayName: 'x',
      role: 'committee',
      department: '',
    });
    expect(text(last.html)).toContain('有効な企画担当（管理者）がほかにいないため');

    const updates = (await auditRows(store())).filter((r) => r.action === 'user.update');
    expect(updates.map((r) => [r.subject, r.field, r.oldValue, r.newValue])).toEqual([
      ['kodomo', 'displayName', 'kodomo さん', '子ども 花子'],
      ['kodomo', 'department', 'こども課', '商工課'],
      ['kodomo', 'role', 'department', 'admin'],
      ['kodomo', 'department', '商工課', null],
      ['office', 'role', 'admin', 'committee'],
    ]);
  }, 60_000);

  it('disables a user, who cannot sign in and whose sessions end, and enables them again; never the last administrator', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const iin = await signedIn(app, 'iin');
    await office.get(`/staff/users/${staff.committee}`);
    const off = await office.post(`/staff/users/${staff.committee}/status`, { disabled: '1' });
    expect(off.location).toBe('/staff/users?done=user-changed');
    expect((await iin.get('/staff')).location).toMatch(/^\/staff\/login/);
    expect((await new StaffClient(app).login('iin')).status).toBe(401);
    expect(text((await office.get(`/staff/users/${staff.committee}`)).html)).toContain(
      'この利用者は無効です。',
    );
    await office.post(`/staff/users/${staff.committee}/status`, { disabled: '0' });
    expect((await new StaffClient(app).login('iin')).status).toBe(303);

    // The other administrator, disabled, is no administrator to fall back on.
    await office.post(`/staff/users/${staff.kodomo}`, { displayName: 'k', role: 'admin', department: '' });
    const kodomo = await signedIn(app, 'kodomo');
    await office.post(`/staff/users/${staff.kodomo}/status`, { disabled: '1' });
    const demote = await office.post(`/staff/users/${staff.admin}`, {
      displayName: 'o',
      role: 'committee',
      department: '',
    });
    expect(demote.status).toBe(422);
    await office.post(`/staff/users/${staff.kodomo}/status`, { disabled: '0' });
    await kodomo.login('kodomo');
    await kodomo.get('/staff/users');
    await office.post(`/staff/users/${staff.admin}`, { displayName: 'o', role: 'committee', department: '' });
    const lastOff = await kodomo.post(`/staff/users/${staff.kodomo}/status`, { disabled: '1' });
    expect(lastOff.status).toBe(422);
    const refusal = text(lastOff.html);
    expect(refusal).toMatch(/自分自身を無効にすることはできません|有効な企画担当（管理者）がほかにいない/);
  }, 60_000);
});
