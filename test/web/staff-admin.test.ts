import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { listPlans, loadStoredPlan } from '../../src/store/plan-repository.ts';
import { KITAMOTO_PATH, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

async function signedIn(app: ReturnType<typeof testApp>, login: string, password?: string) {
  const browser = new StaffClient(app);
  await browser.login(login, password);
  await browser.get('/staff');
  return browser;
}

/** Uploads a file as the import form's multipart body. */
function upload(browser: StaffClient, content: string | Uint8Array, replace = false) {
  const form = new FormData();
  form.set('_csrf', browser.csrf ?? '');
  form.set('file', new File([content], 'plan.yaml', { type: 'application/yaml' }));
  if (replace) form.set('replace', '1');
  return browser.request('/staff/import', {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost' },
  });
}

const settingsPath = (kpi: string) => `/staff/plans/${PLAN}/kpis/${kpi}/settings`;

describeStores('administration', (store) => {
  it('imports a plan file, refuses a stored id unless replacing, and reports problems with their line', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const pace = readFileSync(join(ROOT, 'examples/methods/pace.yaml'), 'utf8').replace(
      'plan:\n',
      'plan:\n  id: midori-pace\n',
    );
    const imported = await upload(office, pace);
    expect(imported.status).toBe(200);
    expect(text(imported.html)).toContain('計画「midori-pace」を取り込みました。');
    expect((await listPlans(store().db)).map((p) => p.slug)).toContain('midori-pace');

    const kitamoto = readFileSync(KITAMOTO_PATH, 'utf8');
    const exists = await upload(office, kitamoto);
    expect(exists.status).toBe(422);
    expect(text(exists.html)).toContain('「kitamoto-2nd-strategy」という計画はすでにあります。');
    const replaced = await upload(office, kitamoto, true);
    expect(text(replaced.html)).toContain('計画「kitamoto-2nd-strategy」を置き換えました。');

    const broken = await upload(office, kitamoto.replace('target: 8000', 'target: 8,00x'));
    expect(broken.status).toBe(422);
    expect(text(broken.html)).toMatch(/plan\.yaml:\d+:\d+/);
    const shiftJis = await upload(office, new Uint8Array([0x82, 0xa0, 0x0a]));
    expect(text(shiftJis.html)).toContain('ファイルがUTF-8ではありません。');
    expect(text((await upload(office, '')).html)).toContain('入力してください。');
    const actions = (await auditRows(store())).map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('plan.'))).toEqual([
      'plan.import',
      'plan.import',
      'plan.replace',
    ]);

    const kodomo = await signedIn(app, 'kodomo');
    expect((await kodomo.get('/staff/import')).status).toBe(403);
    expect((await upload(kodomo, pace.replace('midori-pace', 'other'))).status).toBe(403);
  });

  it('assigns a KPI to a department and edits its name and targets, with every change audited', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const form = await office.get(settingsPath('childcare-support-satisfaction'));
    expect(form.html).toContain('<option value="" selected="">（担当課なし）</option>');
    const saved = await office.post(settingsPath('childcare-support-satisfaction'), {
      name: '子育て支援策が充実していると思う割合',
      unit: '%',
      department: String(staff.departments.kodomo),
      't0-value': '７６.0',
      't0-year': '令和7年度',
      'b0-value': '74.3',
      'b0-year': '',
      from: '2023',
      note: '満足度の上昇を踏まえて上方修正',
    });
    expect(saved.status).toBe(200);
    expect(text(saved.html)).toContain('保存しました。');
    const kpi = (await loadStoredPlan(store().db, PLAN)).kpis.get('childcare-support-satisfaction');
    expect(kpi?.department).toBe('こども課');
    expect(kpi?.name).toBe('子育て支援策が充実していると思う割合');
    // The plan's own target stays; the new one applies from R5 on, as a revision with its reason.
    expect(kpi?.series[0]?.target).toEqual({ value: '75.0', year: 2025 });
    expect(kpi?.series[0]?.revisions).toEqual([
      {
        from: 2023,
        target: { value: '76.0', year: 2025 },
        baseline: null,
        note: '満足度の上昇を踏まえて上方修正',
      },
    ]);
    const changes = (await auditRows(store())).filter((r) => r.action.startsWith('kpi.'));
    expect(changes.map((r) => [r.action, r.field, r.oldValue, r.newValue])).toEqual([
      ['kpi.update', 'department', null, 'こども課'],
      [
        'kpi.update',
        'name',
        '市の子育て支援策が充実していると思う子育て世帯の割合',
        '子育て支援策が充実していると思う割合',
      ],
      ['kpi.revise', 'target', '75.0 (R7)', '76.0 (R7)'],
      ['kpi.revise', 'revision-note', null, '満足度の上昇を踏まえて上方修正'],
    ]);
    const kodomo = await signedIn(app, 'kodomo');
    expect(text((await kodomo.get(`/staff/plans/${PLAN}`)).html)).toContain(
      '子育て支援策が充実していると思う割合',
    );

    const reversed = await office.post(settingsPath('births'), {
      name: '出生数',
      unit: '人',
      department: String(staff.departments.kodomo),
      't0-value': '300',
      't0-year': 'R7',
      'b0-value': '340',
      'b0-year': '',
      from: '2023',
      note: '見直し',
    });
    expect(reversed.status).toBe(422);
    expect(text(reversed.html)).toContain('向き（増やす／減らす）が変わってしまいます');
    expect((await kodomo.post(settingsPath('births'), { name: 'x', unit: '', department: '' })).status).toBe(
      403,
    );
  });

  it('adds users with a generated password, and disabling one ends their session', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const missing = await office.post('/staff/users', {
      login: 'kikaku2',
      displayName: '企画 花子',
      password: '',
      role: 'department',
      department: '',
    });
    expect(missing.status).toBe(422);
    expect(text(missing.html)).toContain('担当課の利用者には、担当課を選んでください。');
    const taken = await office.post('/staff/users', {
      login: 'kodomo',
      displayName: '重複',
      password: '',
      role: 'committee',
      department: '',
    });
    expect(text(taken.html)).toContain('このログインIDはすでに使われています。');
    const created = await office.post('/staff/users', {
      login: 'iin2',
      displayName: '委員 次郎',
      password: '',
      role: 'committee',
      department: '',
    });
    expect(created.status).toBe(200);
    const password = /初期パスワード：(\S+)（/.exec(text(created.html))?.[1] ?? '';
    expect(password).toHaveLength(20);
    const iin2 = await signedIn(app, 'iin2', password);
    // The office saw this password: the new user must choose their own before anything else.
    expect((await iin2.get('/staff')).location).toBe('/staff/account/password');
    await iin2.get('/staff/account/password');
    const chosen = await iin2.post('/staff/account/password', {
      current: password,
      next: 'river walk at dawn in kitamoto',
      confirm: 'river walk at dawn in kitamoto',
    });
    expect(chosen.location).toBe('/staff/account/password?done=password-changed');
    expect((await iin2.get('/staff')).status).toBe(200);

    const kodomo = await signedIn(app, 'kodomo');
    const users = await office.get('/staff/users');
    const kodomoId = /action="\/staff\/users\/(\d+)\/status"(?:(?!<\/form>)[\s\S])*kodomoを無効にする/.exec(
      users.html,
    )?.[1];
    const self = await office.post(`/staff/users/1/status`, { disabled: '1' });
    expect(self.status).toBe(422);
    expect(text(self.html)).toContain('自分自身を無効にすることはできません。');
    const disabled = await office.post(`/staff/users/${kodomoId}/status`, { disabled: '1' });
    expect(disabled.location).toBe('/staff/users?done=user-changed');
    expect((await kodomo.get('/staff')).status).toBe(303);
    expect((await new StaffClient(app).login('kodomo')).status).toBe(401);
    const accountAudit = text((await office.get('/staff/audit')).html);
    expect(accountAudit).toContain('利用者の無効化');
    expect(accountAudit).toContain('利用者の追加');
    expect((await iin2.post('/staff/users', { login: 'x' })).status).toBe(403);
  });

  it('adds departments once', async () => {
    await seedStaff(store());
    const office = await signedIn(testApp(store()), 'office');
    const added = await office.post('/staff/departments', { name: '環境課' });
    expect(text(added.html)).toContain('担当課「環境課」を追加しました。');
    const again = await office.post('/staff/departments', { name: '環境課' });
    expect(again.status).toBe(422);
    expect(text(again.html)).toContain('この名前の担当課はすでにあります。');
    expect(text((await office.get('/staff/departments')).html)).toMatch(/こども課 3/);
  });
});
