import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/connect.ts';
import { createMunicipality, listMunicipalities } from '../../src/store/municipalities.ts';
import * as schema from '../../src/store/schema.ts';
import { accountAuditTrail } from '../../src/store/user-status.ts';
import { listAdministrators } from '../../src/store/users.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { oneTimePassword, PASSWORD, quickHash, StaffClient, text } from './staff-helpers.ts';

/**
 * A host made before the first start: row 1 (the installation's own municipality) has no name, no code
 * and no administrator. The host names it, gives it its code and its first administrator from the host
 * pages; every step is in the host's log and in the municipality's own.
 */

const NEW_PASSWORD = 'river walk at dawn in kitamoto';

/** Only a host administrator, as `shinchoku host add-admin` before any `npm start` leaves the database. */
async function hostOnly(store: Store): Promise<void> {
  await store.db.insert(schema.users).values({
    login: 'hoster',
    displayName: '県 ホスト',
    passwordHash: quickHash(PASSWORD),
    role: 'host',
    municipalityId: null,
  });
}

describeStores('host pages: completing a municipality', (store) => {
  it('names row 1, gives it its code and an administrator, in Japanese, with every step logged', async () => {
    await hostOnly(store());
    const app = testApp(store());
    const host = new StaffClient(app);
    await host.login('hoster');
    const home = await host.get('/staff/host');
    const words = text(home.html);
    expect(words).toContain('（名称未設定）');
    expect(words).toContain('名称が未設定、または有効な管理者がいない団体が1団体あります。');
    // The host's footer says what the host pages show, not the staff's unpublished figures.
    expect(words).toContain('ホスト管理者用のページです。');
    expect(words).not.toContain('公表前の数値が含まれます');

    const page = await host.get('/staff/host/municipalities/1');
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('この団体には管理者がいません。');
    expect(page.html).toContain('action="/staff/host/municipalities/1/name"');
    expect(page.html).toContain('action="/staff/host/municipalities/1/admins"');

    // Hostile names and codes: each refused beside its field, nothing changed.
    const hostile: [Record<string, string>, string][] = [
      [{ code: '', name: '' }, '入力してください。'],
      [{ code: '', name: 'x'.repeat(10_000) }, '100文字以内にしてください'],
      [{ code: '', name: '北本\u0000市' }, '使えない文字'],
      [{ code: '112331', name: '北本市' }, '6桁目の検査数字が1になっていますが、正しくは0です。'],
      [{ code: '1'.repeat(10_000), name: '北本市' }, '100文字以内にしてください'],
      [{ code: '11233\u0000', name: '北本市' }, '使えない文字'],
      [{ code: 'abcdef', name: '北本市' }, '全国地方公共団体コードを、検査数字を含む6桁'],
    ];
    for (const [fields, message] of hostile) {
      const refused = await host.post('/staff/host/municipalities/1/name', fields);
      expect(refused.status, JSON.stringify(fields).slice(0, 80)).toBe(422);
      expect(text(refused.html)).toContain(message);
    }
    expect((await listMunicipalities(store().db)).map((m) => [m.code, m.name])).toEqual([[null, '']]);

    // Full-width digits, five of them: read as 112330 with its check digit.
    const named = await host.post('/staff/host/municipalities/1/name', {
      code: '１１２３３',
      name: ' 北本市 ',
    });
    expect(named.status).toBe(303);
    expect(named.location).toBe('/staff/host/municipalities/1?done=municipality-named');
    const after = await host.get(named.location ?? '');
    expect(text(after.html)).toContain('団体名と団体コードを保存しました。');
    expect(text(after.html)).toContain('団体コード：112330（変更できません）');
    // A code, once set, stays: another is refused with the one it has.
    const moved = await host.post('/staff/host/municipalities/1/name', { code: '112101', name: '北本市' });
    expect(moved.status).toBe(422);
    expect(text(moved.html)).toContain('この団体の団体コードはすでに112330に決まっています。');
    const same = await host.post('/staff/host/municipalities/1/name', { code: '', name: '北本市' });
    expect(same.location).toBe('/staff/host/municipalities/1?done=municipality-unchanged');
    // Another municipality's code is refused.
    const other = await createMunicipality(store().db, { code: '112101', name: '川越市' }, null);
    const taken = await host.post(`/staff/host/municipalities/${other.id}/name`, {
      code: '',
      name: '川越市',
    });
    expect(taken.status).toBe(303);
    await store()
      .db.update(schema.municipalities)
      .set({ code: null })
      .where(eq(schema.municipalities.id, other.id));
    const clash = await host.post(`/staff/host/municipalities/${other.id}/name`, {
      code: '112330',
      name: '川越市',
    });
    expect(clash.status).toBe(422);
    expect(text(clash.html)).toContain('このコードの団体はすでに登録されています。');

    // An administrator for row 1: the same checks and one-time password as a new municipality's.
    const bad = await host.post('/staff/host/municipalities/1/admins', {
      login: 'Not A Login',
      displayName: '北本 管理者',
    });
    expect(bad.status).toBe(422);
    expect(text(bad.html)).toContain('ログインIDは、半角の英小文字・数字');
    const nul = await host.post('/staff/host/municipalities/1/admins', {
      login: 'kita\u0000admin',
      displayName: '北本 管理者',
    });
    expect(nul.status).toBe(422);
    const added = await host.post('/staff/host/municipalities/1/admins', {
      login: 'kita-admin',
      displayName: '北本 管理者',
    });
    expect(added.status).toBe(200);
    expect(added.headers.get('cache-control')).toContain('no-store');
    expect(text(added.html)).toContain('管理者を追加しました：kita-admin（北本市）');
    const password = oneTimePassword(added.html);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await host.get('/staff/host/municipalities/9/admins')).status).toBe(404);
    expect(
      (await host.post('/staff/host/municipalities/9/admins', { login: 'nine-admin', displayName: '九' }))
        .status,
    ).toBe(404);
    expect((await host.post('/staff/host/municipalities/01/name', { code: '', name: 'x' })).status).toBe(404);
    // 北本市 is complete now; 川越市, added above without an administrator, is the one the notice counts.
    const list = text((await host.get('/staff/host')).html);
    expect(list).toContain('北本市 112330 埼玉県 1 川越市 （未設定） 0');
    expect(list).toContain('有効な管理者がいない団体が1団体あります。');

    const admin = new StaffClient(app);
    expect((await admin.login('kita-admin', password)).location).toBe('/staff');
    expect((await admin.get('/staff')).location).toBe('/staff/account/password');
    await admin.get('/staff/account/password');
    await admin.post('/staff/account/password', {
      current: password,
      next: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    // The municipality's own log shows what the host did to it, by the host's login.
    const own = text((await admin.get('/staff/audit')).html);
    expect(own).toContain('hoster');
    expect(own).toContain('団体コードの設定');
    expect(own).toContain('団体名の変更');
    expect(own).toContain('利用者の追加');
    expect(own).not.toContain('川越市');

    // The host's log: everything, with the municipality each entry concerns.
    const log = await host.get('/staff/host/audit');
    expect(log.status).toBe(200);
    const logWords = text(log.html);
    expect(logWords).toContain('ホスト管理者とコマンドの操作履歴');
    expect(logWords).toMatch(/hoster 北本市（112330） 利用者の追加 kita-admin 役割 企画担当/);
    expect(logWords).toContain('団体コードの設定 112330 団体コード 112330');
    expect(logWords).toContain('団体名の変更 112330 名称 北本市');
    // 川越市 was added by a command (no user) and has lost its code in this test: its name alone.
    expect(logWords).toContain('（システム） 川越市 団体の追加 112101 名称 川越市');
    // The office's own changes are theirs, not the host's.
    await admin.get('/staff/departments');
    await admin.post('/staff/departments', { name: 'こども課' });
    expect(text((await host.get('/staff/host/audit')).html)).not.toContain('こども課');
    const rows = await accountAuditTrail(store().db, 1);
    expect(rows.map((r) => r.action)).toContain('department.create');
  }, 120_000);

  it('speaks English on the host pages, with no Japanese left in the words it adds', async () => {
    await hostOnly(store());
    const host = new StaffClient(testApp(store()));
    await host.login('hoster');
    const page = await host.get('/staff/host/municipalities/1?lang=en');
    const words = text(page.html);
    expect(words).toContain('Municipality: (no name yet)');
    expect(words).toContain('This municipality has no administrator.');
    expect(words).toContain('These are the host administrator’s pages.');
    expect(words).toContain('Add an administrator');
    const refused = await host.post('/staff/host/municipalities/1/name', {
      code: '112331',
      name: 'Kitamoto',
    });
    expect(text(refused.html)).toContain('The sixth digit, the check digit, is 1 here; it should be 0.');
    await host.post('/staff/host/municipalities/1/name', { code: '112330', name: 'Kitamoto' });
    const log = text((await host.get('/staff/host/audit')).html);
    expect(log).toContain('Municipality code set');
    expect(log).toContain('Municipality renamed');
    // The page's own words: no Japanese letter outside the host's own name and the language switch.
    const own = text((await host.get('/staff/host?lang=en')).html).replace(/日本語|県 ホスト/g, '');
    expect(own).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  }, 120_000);

  it('answers the same form posted twice at once with one success and a clear refusal, never a 500', async () => {
    await hostOnly(store());
    const app = testApp(store());
    const host = new StaffClient(app);
    await host.login('hoster');
    await host.get('/staff/host/municipalities/1');
    const form = { login: 'twin-admin', displayName: '双子 管理者' };
    const answers = await Promise.all([
      host.post('/staff/host/municipalities/1/admins', form),
      host.post('/staff/host/municipalities/1/admins', form),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
    const refused = answers.find((a) => a.status === 422);
    expect(text(refused?.html ?? '')).toContain('このログインIDはすでに使われています。');
    expect((await listAdministrators(store().db, 1)).map((u) => u.login)).toEqual(['twin-admin']);

    const naming = await Promise.all([
      host.post('/staff/host/municipalities/1/name', { code: '112330', name: '北本市' }),
      host.post('/staff/host/municipalities/1/name', { code: '112330', name: '北本市' }),
    ]);
    // One names it; the other finds it named already: no change, no second audit line.
    expect(naming.map((a) => a.location).sort()).toEqual([
      '/staff/host/municipalities/1?done=municipality-named',
      '/staff/host/municipalities/1?done=municipality-unchanged',
    ]);
    const codes = await store()
      .db.select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'municipality.code'));
    expect(codes).toHaveLength(1);
    // Two different codes at once: one is set, the other refused with the code it has.
    const second = await createMunicipality(store().db, { code: '112101', name: '川越市' }, null);
    await store()
      .db.update(schema.municipalities)
      .set({ code: null })
      .where(eq(schema.municipalities.id, second.id));
    const race = await Promise.all([
      host.post(`/staff/host/municipalities/${second.id}/name`, { code: '112101', name: '川越市' }),
      host.post(`/staff/host/municipalities/${second.id}/name`, { code: '112011', name: '川越市' }),
    ]);
    expect(race.map((a) => a.status).sort()).toEqual([303, 422]);
    expect(text(race.find((a) => a.status === 422)?.html ?? '')).toContain('すでに');
  }, 120_000);
});
