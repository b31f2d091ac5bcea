import { expect, it } from 'vitest';
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

  it('queues submitted KPIs oldest first with their results, and approves several at once', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = await signedIn(app, 'kodomo');
    const shoko = await signedIn(app, 'shoko');
    await kodomo.post(kpiPath('births'), entry('360', '出生数は増加'));
    await shoko.post(kpiPath('furusato-donations'), entry('9000', '寄附は増加'));
    await kodomo.post(kpiPath('women-25-34-net-migration'), entry('10', '転入超過'));
    expect((await kodomo.post(`${kpiPath('births')}/submit`, {})).status).toBe(303);
    expect((await shoko.post(`${kpiPath('furusato-donations')}/submit`, {})).status).toBe(303);
    const queuePath = `/staff/plans/${PLAN}/R5/review-queue`;
    expect((await kodomo.get(queuePath)).status).toBe(403);
    expect((await kodomo.post(queuePath, { kpi: 'births' })).status).toBe(403);

    const office = await signedIn(app, 'office');
    expect(text((await office.get(`/staff/plans/${PLAN}?year=R5`)).html)).toContain('確認待ちの一覧（2件）');
    const queue = await office.get(queuePath);
    expect(queue.status).toBe(200);
    const words = text(queue.html);
    // Oldest submission first; not submitted is not waiting; each with what the entry produces.
    expect(words.indexOf('出生数')).toBeLessThan(words.indexOf('ふるさと'));
    expect(words).not.toContain('25～34歳');
    expect(words).toMatch(/出生数 360人 50\.0% .* 未達成 こども課/);
    expect(queue.html).toContain('name="kpi" value="births"');

    const none = await office.post(queuePath, {});
    expect(none.status).toBe(422);
    expect(text(none.html)).toContain('承認する数値目標を選んでください。');

    // Another reviewer returns one meanwhile: the others still go through, and each is reported.
    await office.post(`${kpiPath('furusato-donations')}/review`, { decision: 'return', comment: '内訳を' });
    const body = new URLSearchParams([
      ['kpi', 'births'],
      ['kpi', 'furusato-donations'],
      ['kpi', 'no-such-kpi'],
      ['_csrf', office.csrf ?? ''],
    ]);
    const approved = await office.request(queuePath, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    });
    expect(approved.status).toBe(409);
    const report = text(approved.html);
    expect(report).toContain('出生数 ：承認しました。');
    expect(report).toMatch(/ふるさと.*：ほかの人がすでに確認の状況を変えていたため、承認しませんでした。/);
    expect(report).toContain('この数値目標は見つかりませんでした。');
    expect(report).not.toContain('no-such-kpi');
    expect(report).toContain('この年度に確認待ちの数値目標はありません。');
    expect((await reviewOf(store().db, PLAN, 'births', 2023))?.state).toBe('approved');
    expect((await reviewOf(store().db, PLAN, 'furusato-donations', 2023))?.state).toBe('returned');
    const approvals = (await auditRows(store())).filter((r) => r.action === 'review.approved');
    expect(approvals.map((r) => r.subject)).toEqual(['births/R5']);
  });

  it('shows the results an entry produces where it is entered, reviewed and listed', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = await signedIn(app, 'kodomo');
    const saved = await kodomo.post(kpiPath('births'), entry('360', '出生数は増加'));
    const words = text(saved.html);
    expect(words).toContain('計算結果（公表前）');
    expect(words).toMatch(/達成状況 未達成 目標進捗率 50\.0%/);
    expect(words).toContain('目標達成に向け順調に推移している状況');
    // Baseline, past actuals and target, and the chart with its words.
    expect(words).toMatch(/現状値 340人 R3 351人 R4 325人 R5 360人 目標値 380人/);
    expect(saved.html).toMatch(/<svg role="img"/);
    expect(words).toContain('点検事項');
    const office = await signedIn(app, 'office');
    const review = text((await office.get(kpiPath('births'))).html);
    expect(review).toMatch(/達成状況 未達成 目標進捗率 50\.0%/);
    const list = text((await kodomo.get(`/staff/plans/${PLAN}?year=R5`)).html);
    expect(list).toMatch(/出生数 .* 50\.0% .* 未達成/);
    expect(list).not.toContain('ふるさと');
    await kodomo.post(kpiPath('births'), {
      ...entry('390', '出生数は増加'),
      's0-version': '1',
      's0-original': '360',
      'a-version': '1',
      'a-original-text': '出生数は増加',
    });
    expect(text((await kodomo.get(`/staff/plans/${PLAN}?year=R5`)).html)).toMatch(
      /出生数 .* 125\.0% .* 達成/,
    );
  });

  it('keeps naming the year of the approvals line, and tells the department a year is published', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    expect(text((await office.get(`/staff/plans/${PLAN}/publish/R4`)).html)).toContain(
      '令和4年度の承認済み：15件中0件',
    );
    await office.post(`/staff/plans/${PLAN}/publish/R4`, { errata: '', confirm: '1', reason: '試験' });
    expect(text((await office.get(`/staff/plans/${PLAN}/publish/R5`)).html)).toContain(
      '令和5年度の承認済み：15件中0件',
    );
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
    expect(text(audit.html)).toMatch(/kodomo 実績値の保存 出生数 令和4年度 実績値 325人 300人/);
  });
});
