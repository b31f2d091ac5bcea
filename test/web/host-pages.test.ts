import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { oneTimePassword, PASSWORD, quickHash, seedStaff, StaffClient, text } from './staff-helpers.ts';

const NEW_PASSWORD = 'river walk at dawn in kitamoto';

describeStores('host administrator pages', (store) => {
  it('adds a municipality with its first administrator, who signs in with the one-time password and sees only their own', async () => {
    await seedStaff(store());
    await store()
      .db.insert(schema.users)
      .values({
        login: 'hoster',
        displayName: '県 ホスト',
        passwordHash: quickHash(PASSWORD),
        role: 'host',
        municipalityId: null,
      });
    const app = testApp(store());
    const host = new StaffClient(app);
    expect((await host.login('hoster')).location).toBe('/staff');
    expect((await host.get('/staff')).location).toBe('/staff/host');
    const home = await host.get('/staff/host');
    expect(home.status).toBe(200);
    // The menu is the host's own: no plans, users or imports of any municipality.
    expect(home.html).toContain('href="/staff/host"');
    expect(home.html).not.toContain('href="/staff/users"');
    expect(home.html).not.toContain('href="/staff/import"');
    expect(home.html).not.toContain('kitamoto-2nd-strategy');

    const refused = await host.post('/staff/host/municipalities', {
      code: '112331',
      name: '北本市',
      login: 'Not A Login',
      displayName: '北本 管理者',
    });
    expect(refused.status).toBe(422);
    const words = text(refused.html);
    expect(words).toContain('全国地方公共団体コードを、検査数字を含む6桁（例：112330）で入力してください。');
    expect(words).toContain('ログインIDは、半角の英小文字・数字');
    const long = await host.post('/staff/host/municipalities', {
      code: '112330',
      name: 'x'.repeat(10_000),
      login: 'kita-admin',
      displayName: '',
    });
    expect(long.status).toBe(422);
    expect(await store().db.select().from(schema.municipalities)).toHaveLength(1);
    const nul = await host.post('/staff/host/municipalities', {
      code: '112330',
      name: '北本\u0000市',
      login: 'kita-admin',
      displayName: '北本 管理者',
    });
    expect(nul.status).toBe(422);

    const created = await host.post('/staff/host/municipalities', {
      code: '１１２３３',
      name: '北本市',
      login: 'kita-admin',
      displayName: '北本 管理者',
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toContain('no-store');
    const password = oneTimePassword(created.html);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const again = await host.post('/staff/host/municipalities', {
      code: '112330',
      name: '北本市',
      login: 'kita-admin2',
      displayName: '北本 管理者',
    });
    expect(again.status).toBe(422);
    expect(text(again.html)).toContain('このコードの団体はすでに登録されています。');
    const list = text((await host.get('/staff/host')).html);
    expect(list).toContain('北本市 112330 埼玉県 1');

    // The new administrator must replace the one-time password, then sees an empty municipality.
    const admin = new StaffClient(app);
    expect((await admin.login('kita-admin', password)).location).toBe('/staff');
    expect((await admin.get('/staff')).location).toBe('/staff/account/password');
    await admin.get('/staff/account/password');
    const changed = await admin.post('/staff/account/password', {
      current: password,
      next: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(changed.status).toBe(303);
    const staffHome = await admin.get('/staff');
    expect(text(staffHome.html)).toContain('計画がまだありません。');
    expect(staffHome.html).not.toContain('kitamoto-2nd-strategy');
    const users = text((await admin.get('/staff/users')).html);
    expect(users).toContain('kita-admin');
    expect(users).not.toContain('kodomo');
    expect((await admin.get('/staff/plans/kitamoto-2nd-strategy')).status).toBe(404);
    // A department added here is this municipality's: Kitamoto's own こども課 is another.
    await admin.get('/staff/departments');
    expect((await admin.post('/staff/departments', { name: 'こども課' })).status).toBeLessThan(400);
    const kodomo = await store()
      .db.select()
      .from(schema.departments)
      .where(eq(schema.departments.name, 'こども課'));
    expect(kodomo.map((d) => d.municipalityId).sort()).toEqual([1, 2]);
  }, 120_000);

  it('disables, enables and resets a municipality’s administrator, never the last active one', async () => {
    const staff = await seedStaff(store());
    const passwordHash = quickHash(PASSWORD);
    await store()
      .db.insert(schema.users)
      .values({ login: 'hoster', displayName: 'ホスト', passwordHash, role: 'host', municipalityId: null });
    const [second] = await store()
      .db.insert(schema.users)
      .values({ login: 'office2', displayName: '企画 二', passwordHash, role: 'admin' })
      .returning({ id: schema.users.id });
    const app = testApp(store());
    const host = new StaffClient(app);
    await host.login('hoster');
    const page = await host.get('/staff/host/municipalities/1');
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('office2');
    expect(text(page.html)).not.toContain('kodomo');
    const disable = await host.post(`/staff/host/municipalities/1/admins/${second?.id}/status`, {
      disabled: '1',
    });
    expect(disable.location).toBe('/staff/host/municipalities/1?done=user-changed');
    // office is now the last active administrator of the municipality.
    const last = await host.post(`/staff/host/municipalities/1/admins/${staff.admin}/status`, {
      disabled: '1',
    });
    expect(last.status).toBe(409);
    // Only administrators of that municipality: a department user is nobody here.
    expect(
      (await host.post(`/staff/host/municipalities/1/admins/${staff.kodomo}/status`, { disabled: '1' }))
        .status,
    ).toBe(404);
    expect(
      (await host.post(`/staff/host/municipalities/9/admins/${staff.admin}/password-reset`, {})).status,
    ).toBe(404);
    const reset = await host.post(`/staff/host/municipalities/1/admins/${staff.admin}/password-reset`, {});
    expect(reset.status).toBe(200);
    const password = oneTimePassword(reset.html);
    // Each of the host's changes is in the host's log, with the municipality it concerns, and its own page.
    const log = text((await host.get('/staff/host/audit')).html);
    expect(log).toMatch(/hoster （名称未設定） パスワードの再設定 office パスワード/);
    expect(log).toMatch(/hoster （名称未設定） 利用者の無効化 office2 利用の状態 有効 無効/);
    const own = text((await host.get('/staff/host/municipalities/1')).html);
    expect(own).toContain('利用者の無効化 office2');
    const office = new StaffClient(app);
    expect((await office.login('office', PASSWORD)).status).toBe(401);
    expect((await office.login('office', password)).location).toBe('/staff');
    expect((await office.get('/staff/users')).location).toBe('/staff/account/password');
  }, 120_000);
});
