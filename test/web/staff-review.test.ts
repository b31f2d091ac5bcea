import { expect, it } from 'vitest';
import { listEditions } from '../../src/store/editions.ts';
import { reviewOf } from '../../src/store/reviews.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const kpiPath = (kpi: string, year = 'R5') => `/staff/plans/${PLAN}/${year}/kpis/${kpi}`;
const entry = (value: string, assessment: string) => ({
  's0-value': value,
  's0-state': 'final',
  's0-version': '0',
  's0-original': '',
  's0-original-state': 'final',
  'a-status': '',
  'a-text': assessment,
  'a-version': '0',
  'a-original-status': '',
  'a-original-text': '',
});

async function signedIn(app: ReturnType<typeof testApp>, login: string) {
  const browser = new StaffClient(app);
  await browser.login(login);
  await browser.get('/staff');
  return browser;
}

describeStores('review, comments and publication', (store) => {
  it('takes a complete submission only, then locks it for the department until returned', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = await signedIn(app, 'kodomo');
    const early = await kodomo.post(`${kpiPath('births')}/submit`, {});
    expect(early.status).toBe(422);
    expect(text(early.html)).toContain(
      '提出する前に、未入力の項目を入力してください（実績値 1件、評価の文章）。',
    );

    expect((await kodomo.post(kpiPath('births'), entry('330', '出生数は減少'))).status).toBe(200);
    const submitted = await kodomo.post(`${kpiPath('births')}/submit`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.location).toBe(`${kpiPath('births')}?done=submitted`);
    const page = await kodomo.get(submitted.location ?? '');
    expect(text(page.html)).toContain('提出しました。');
    expect(text(page.html)).toContain('現在の状況：確認待ち');
    expect(text(page.html)).toContain('企画担当の確認待ちのため、編集できません。');
    expect(page.html).not.toContain('name="s0-value"');
    const locked = await kodomo.post(kpiPath('births'), { ...entry('331', '変更'), 's0-version': '1' });
    expect(locked.status).toBe(409);
    expect(text(locked.html)).toContain('確認待ちまたは承認済みのため、編集できません。');

    const office = await signedIn(app, 'office');
    const blank = await office.post(`${kpiPath('births')}/review`, { decision: 'return', comment: ' ' });
    expect(blank.status).toBe(422);
    const returned = await office.post(`${kpiPath('births')}/review`, {
      decision: 'return',
      comment: '前年比も書いてください',
    });
    expect(returned.location).toBe(`${kpiPath('births')}?done=returned`);
    const back = await kodomo.get(kpiPath('births'));
    expect(text(back.html)).toContain('差し戻しの理由 前年比も書いてください');
    expect(back.html).toContain('name="s0-value"');
    expect((await kodomo.post(`${kpiPath('births')}/submit`, {})).status).toBe(303);
    expect((await office.post(`${kpiPath('births')}/review`, { decision: 'approve' })).status).toBe(303);
    expect((await reviewOf(store().db, PLAN, 'births', 2023))?.state).toBe('approved');
    const twice = await office.post(`${kpiPath('births')}/review`, { decision: 'approve' });
    expect(twice.status).toBe(409);
    expect(text(twice.html)).toContain('確認の状況がすでに変わっています。');
    const actions = (await auditRows(store())).map((r) => r.action).filter((a) => a.startsWith('review.'));
    expect(actions).toEqual(['review.submitted', 'review.returned', 'review.submitted', 'review.approved']);
  });

  it('lets only the office approve or return', async () => {
    await seedStaff(store());
    const app = testApp(store());
    for (const login of ['kodomo', 'iin']) {
      const browser = await signedIn(app, login);
      const res = await browser.post(`${kpiPath('births')}/review`, { decision: 'approve' });
      expect(res.status).toBe(403);
      expect(text(res.html)).toContain('この操作を行う権限がありません。');
    }
  });

  it('takes the committee’s comments per KPI and year, and no one else’s but the office’s', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const iin = await signedIn(app, 'iin');
    expect((await iin.post(`${kpiPath('births')}/comments`, { body: '' })).status).toBe(422);
    const posted = await iin.post(`${kpiPath('births')}/comments`, {
      body: '要因の分析を<b>深めて</b>ください',
    });
    expect(posted.location).toBe(`${kpiPath('births')}?done=commented`);
    const kodomo = await signedIn(app, 'kodomo');
    const seen = await kodomo.get(kpiPath('births'));
    expect(text(seen.html)).toContain('要因の分析を<b>深めて</b>ください');
    expect(seen.html).toContain('iin さん・');
    expect(seen.html).not.toContain('name="body"');
    expect((await kodomo.post(`${kpiPath('births')}/comments`, { body: '返信' })).status).toBe(403);
    expect(text((await kodomo.get(kpiPath('births', 'R4'))).html)).toContain('コメントはまだありません。');
    const comment = (await auditRows(store())).find((r) => r.action === 'comment.add');
    expect(comment).toMatchObject({ userId: staff.committee, subject: 'births/R5' });
  });

  it('publishes a year once, and a second edition only with an errata note', async () => {
    await seedStaff(store());
    const app = testApp(store());
    for (const login of ['kodomo', 'iin']) {
      const browser = await signedIn(app, login);
      expect((await browser.get(`/staff/plans/${PLAN}/publish`)).status).toBe(403);
      expect((await browser.post(`/staff/plans/${PLAN}/publish`, { year: 'R4', errata: '' })).status).toBe(
        403,
      );
    }
    expect(await listEditions(store().db, PLAN)).toEqual([]);

    const office = await signedIn(app, 'office');
    const form = await office.get(`/staff/plans/${PLAN}/publish`);
    expect(text(form.html)).toContain('承認済み：15件中0件');
    const first = await office.post(`/staff/plans/${PLAN}/publish`, { year: 'R4', errata: '' });
    expect(first.location).toBe(`/staff/plans/${PLAN}/publish?done=published`);
    const again = await office.post(`/staff/plans/${PLAN}/publish`, { year: 'R4', errata: '' });
    expect(again.status).toBe(422);
    expect(text(again.html)).toContain('この年度はすでに公表しています。');
    expect((await office.post(`/staff/plans/${PLAN}/publish`, { year: 'R9', errata: '' })).status).toBe(422);
    await office.post(`/staff/plans/${PLAN}/publish`, { year: 'R4', errata: '出生数の誤りを訂正' });
    const editions = await listEditions(store().db, PLAN);
    expect(editions.map((e) => [e.fiscalYear, e.number, e.errata])).toEqual([
      [2022, 1, null],
      [2022, 2, '出生数の誤りを訂正'],
    ]);
    const list = text((await office.get(`/staff/plans/${PLAN}/publish`)).html);
    expect(list).toContain('第2版');
    expect(list).toContain('出生数の誤りを訂正');
    const kodomo = await signedIn(app, 'kodomo');
    expect(text((await kodomo.get(kpiPath('births', 'R4'))).html)).toContain(
      '令和4年度はすでに公表しています。',
    );
    expect(text((await kodomo.get(`/staff/plans/${PLAN}`)).html)).toContain('令和5年度の入力状況');
  });

  it('shows the office who changed what, and no one else', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = await signedIn(app, 'kodomo');
    await kodomo.post(kpiPath('births', 'R4'), {
      ...entry('300', ''),
      's0-version': '1',
      's0-original': '325',
      'a-text': '',
      'a-original-text': '',
    });
    expect((await kodomo.get(`/staff/plans/${PLAN}/audit`)).status).toBe(403);
    const office = await signedIn(app, 'office');
    const audit = await office.get(`/staff/plans/${PLAN}/audit`);
    expect(audit.status).toBe(200);
    expect(text(audit.html)).toMatch(/kodomo 実績値の保存 births\/R4 value 325人 300人/);
  });
});
