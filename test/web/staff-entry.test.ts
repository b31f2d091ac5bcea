import { expect, it } from 'vitest';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { actual, kpiPath, submitForm } from './entry-form-helpers.ts';
import { auditRows, fieldValue, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

describeStores('entering figures', (store) => {
  it('lists a department’s own KPIs with what is missing, for the year being collected', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const todo = await browser.get(`/staff/plans/${PLAN}`);
    expect(todo.status).toBe(200);
    const seen = text(todo.html);
    expect(seen).toContain('令和5年度の入力状況');
    expect(seen).toContain('出生数');
    expect(seen).toContain('65歳健康寿命');
    expect(seen).toContain('未入力 2件');
    expect(seen).not.toContain('ふるさと納税寄附件数');
    expect(seen).not.toContain('市内有効求人倍率');
    expect(todo.html).toContain(`href="${kpiPath('births')}"`);
    const r4 = text((await browser.get(`/staff/plans/${PLAN}?year=R4`)).html);
    expect(r4).toContain('令和4年度の入力状況');
    expect((await browser.get(`/staff/plans/${PLAN}?year=R12`)).status).toBe(404);
  });

  it('reads figures as the plan file does, saves them, and says how they were read', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const shoko = new StaffClient(app);
    await shoko.login('shoko');
    const saved = await submitForm(shoko, 'furusato-donations', {
      's0-value': '３,９０８',
      'a-text': '増加傾向',
    });
    expect(saved.status).toBe(200);
    const seen = text(saved.html);
    expect(seen).toContain('保存しました。');
    expect(seen).toContain('「３,９０８」を「3,908件」として読み取りました。');
    expect(seen).toContain('桁区切りのカンマを取り除きました。');
    expect(fieldValue(saved.html, 's0-value')).toBe('3908');
    expect(fieldValue(saved.html, 's0-version')).toBe('1');
    expect(await actual(store().db, 'furusato-donations')).toEqual({ kind: 'value', value: '3908' });

    const kodomo = new StaffClient(app);
    await kodomo.login('kodomo');
    const negative = await submitForm(kodomo, 'women-25-34-net-migration', {
      's0-value': '△40',
      's0-state': 'provisional',
    });
    expect(text(negative.html)).toContain('「△40」を「-40人」として読み取りました。');
    expect(text(negative.html)).toContain('「△」をマイナスの記号として読みました。');
    expect(await actual(store().db, 'women-25-34-net-migration')).toEqual({ kind: 'value', value: '-40' });
    const missing = await submitForm(kodomo, 'births', { 's0-reason': '未取得' });
    expect(missing.status).toBe(200);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'missing', reason: '未取得' });

    const audit = (await auditRows(store())).filter((r) => r.action.endsWith('.save'));
    expect(audit.map((r) => [r.userId, r.subject, r.oldValue, r.newValue])).toEqual([
      [staff.shoko, 'furusato-donations/R5', null, '3,908件'],
      [staff.shoko, 'furusato-donations/R5', null, '増加傾向'],
      [staff.kodomo, 'women-25-34-net-migration/R5', null, '-40人 (見込)'],
      [staff.kodomo, 'births/R5', null, '未取得'],
    ]);
  });

  it('refuses a doubtful figure beside its field, keeps what was typed and saves nothing', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const res = await submitForm(browser, 'healthy-life-expectancy-65', {
      's0-value': '18.9',
      's1-value': '21,5',
      'a-text': '評価',
    });
    expect(res.status).toBe(422);
    expect(fieldValue(res.html, 's1-value')).toBe('21,5');
    expect(fieldValue(res.html, 's0-value')).toBe('18.9');
    expect(res.html).toMatch(
      /<input id="s1-value"[^>]*aria-describedby="s1-value-help s1-value-error" aria-invalid="true"/,
    );
    expect(res.html).toContain('<a href="#s1-value">');
    expect(text(res.html)).toContain('カンマが桁区切りの位置にありません。');
    expect(text(res.html)).toContain('入力内容に問題があるため、何も保存していません。');
    expect(await actual(store().db, 'healthy-life-expectancy-65', 0)).toBeUndefined();
    expect(await auditRows(store())).toHaveLength(1);
  });

  it('refuses emptying a figure that was entered', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const r4 = await browser.get(kpiPath('births', 'R4'));
    const cleared = await browser.post(kpiPath('births', 'R4'), {
      's0-value': '',
      's0-state': 'final',
      's0-version': fieldValue(r4.html, 's0-version') ?? '',
      's0-original': fieldValue(r4.html, 's0-original') ?? '',
      's0-original-state': 'final',
    });
    expect(cleared.status).toBe(422);
    expect(text(cleared.html)).toContain('空欄にはできません。');
  });

  it('shows both values when two people edit the same figure, and saves the second only when sent again', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const first = new StaffClient(app);
    await first.login('kodomo');
    const second = new StaffClient(app);
    await second.login('office');
    const firstForm = (await first.get(kpiPath('births'))).html;
    const secondForm = (await second.get(kpiPath('births'))).html;
    expect((await submitForm(first, 'births', { 's0-value': '330' }, firstForm)).status).toBe(200);
    const conflict = await submitForm(
      second,
      'births',
      { 's0-value': '331', 'a-text': '減少傾向' },
      secondForm,
    );
    expect(conflict.status).toBe(409);
    const seen = text(conflict.html);
    expect(seen).toContain('ほかの人の変更と重なったため、何も保存していません。');
    expect(seen).toContain('あなたが編集している間に、ほかの人がこの値を変更しました。');
    expect(seen).toMatch(/保存されている値 330人 入力した値 331人/);
    expect(fieldValue(conflict.html, 's0-value')).toBe('331');
    expect(fieldValue(conflict.html, 's0-version')).toBe('1');
    expect(fieldValue(conflict.html, 'a-text')).toBe('減少傾向');
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '330' });
    expect(
      (await loadStoredPlan(store().db, PLAN)).kpis.get('births')?.assessments.get(2023),
    ).toBeUndefined();

    const again = await submitForm(second, 'births', {}, conflict.html);
    expect(again.status).toBe(200);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '331' });
    const saves = (await auditRows(store())).filter((r) => r.action === 'observation.save');
    expect(saves.map((r) => [r.userId, r.oldValue, r.newValue])).toEqual([
      [staff.kodomo, null, '330人'],
      [staff.admin, '330人', '331人'],
    ]);
  });

  it('leaves untouched fields alone, so another person’s change to them is no conflict', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = new StaffClient(app);
    await kodomo.login('kodomo');
    const office = new StaffClient(app);
    await office.login('office');
    const form = (await kodomo.get(kpiPath('births'))).html;
    await submitForm(office, 'births', { 'a-text': '事務局の記入' });
    const res = await submitForm(kodomo, 'births', { 's0-value': '330' }, form);
    expect(res.status).toBe(200);
    const plan = await loadStoredPlan(store().db, PLAN);
    expect(plan.kpis.get('births')?.assessments.get(2023)?.text).toBe('事務局の記入');
  });

  it('lets a department edit only its own KPIs, whatever the request says', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    await browser.get(kpiPath('births'));
    const others = ['net-product-per-worker', 'childcare-support-satisfaction'];
    for (const kpi of others) {
      expect((await browser.get(kpiPath(kpi))).status).toBe(403);
      const write = await browser.post(kpiPath(kpi), {
        's0-value': '1',
        's0-state': 'final',
        's0-version': '0',
      });
      expect(write.status).toBe(403);
      expect(text(write.html)).toContain('この数値目標は、ほかの担当課が担当しています。');
      expect((await browser.post(`${kpiPath(kpi)}/submit`, {})).status).toBe(403);
      expect(await actual(store().db, kpi)).toBeUndefined();
    }
    const forged = await submitForm(browser, 'births', { 's9-value': '1', 's9-state': 'final' });
    expect(forged.status).toBe(200);
    expect(text(forged.html)).toContain('変更はありませんでした。');
    expect(await auditRows(store())).toHaveLength(1);
  });

  it('lets the committee read every KPI but edit none', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('iin');
    const page = await browser.get(kpiPath('net-product-per-worker', 'R4'));
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('この数値目標を編集する権限はありません。');
    expect(text(page.html)).toContain('385.9万円（確定）');
    expect(page.html).not.toContain('name="s0-value"');
    const write = await browser.post(kpiPath('net-product-per-worker', 'R4'), {
      's0-value': '1',
      's0-state': 'final',
    });
    expect(write.status).toBe(403);
  });

  it('shows a <script> typed into an assessment as text, everywhere it appears', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = new StaffClient(app);
    await kodomo.login('kodomo');
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const saved = await submitForm(kodomo, 'births', { 'a-text': attack, 'a-status': '<b>状況</b>' });
    expect(saved.status).toBe(200);
    const office = new StaffClient(app);
    await office.login('iin');
    const pages = [saved.html, (await office.get(kpiPath('births'))).html];
    const admin = new StaffClient(app);
    await admin.login('office');
    pages.push((await admin.get(`/staff/plans/${PLAN}/audit`)).html);
    for (const html of pages) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>状況');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });
});
