import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import type { Store } from '../../src/store/connect.ts';
import { reviewOf } from '../../src/store/reviews.ts';
import { decodeMail, mailerAt, startSmtpSink, type SmtpSink } from '../support/smtp.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

/** SMTP ports of this file (the tests' range is 2500–2599); nothing ever listens on DOWN. */
const SMTP_PORT = 2531;
const DOWN = 2599;

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

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink(SMTP_PORT);
}, 30_000);
afterAll(async () => {
  await sink?.stop();
});

async function signedIn(app: ReturnType<typeof testApp>, login: string) {
  const browser = new StaffClient(app);
  await browser.login(login);
  await browser.get('/staff');
  return browser;
}

async function setAddress(store: Store, id: number, email: string, mailLang: 'ja' | 'en' = 'ja') {
  await store.db.update(schema.users).set({ email, mailLang }).where(eq(schema.users.id, id));
}

/** Births entered and submitted by its department, ready for the office. */
async function submittedBirths(app: ReturnType<typeof testApp>) {
  const kodomo = await signedIn(app, 'kodomo');
  expect((await kodomo.post(kpiPath('births'), entry('330', '出生数は減少'))).status).toBe(200);
  expect((await kodomo.post(`${kpiPath('births')}/submit`, {})).status).toBe(303);
  return kodomo;
}

/** The mail's text without the link line, where the page's address (with its ids) belongs. */
const withoutLink = (body: string) =>
  body
    .split('\n')
    .filter((line) => !line.includes('https://'))
    .join('\n');

describeStores('notices and mail', (store) => {
  it('tells the department of a return, an approval and a comment, in the app and by mail in their language', async () => {
    const staff = await seedStaff(store());
    await setAddress(store(), staff.kodomo, 'kodomo@city.example.lg.jp');
    await setAddress(store(), staff.admin, 'office@city.example.lg.jp', 'en');
    const app = testApp(store(), { mailer: mailerAt(SMTP_PORT) });
    const before = sink.messages.length;
    const kodomo = await submittedBirths(app);
    const office = await signedIn(app, 'office');

    const returned = await office.post(`${kpiPath('births')}/review`, {
      decision: 'return',
      comment: '前年比も書いてください',
    });
    expect(returned.location).toBe(`${kpiPath('births')}?done=returned`);
    const header = await kodomo.get('/staff');
    expect(text(header.html)).toContain('お知らせ（未読1件）');

    const mails = (await sink.waitFor(before + 1)).slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0] ?? { to: [], from: null, raw: '' };
    expect(mail.to).toEqual(['kodomo@city.example.lg.jp']);
    expect(mail.from).toBe('shinchoku@city.example.lg.jp');
    // On the wire every header is ASCII; the Japanese subject travels as UTF-8 encoded words.
    expect(/^[\x20-\x7e\r\n\t]*$/.test(mail.raw)).toBe(true);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    const decoded = decodeMail(mail.raw);
    expect(decoded.headers.get('content-type')).toMatch(/charset=utf-8/i);
    expect(decoded.subject).toBe('【進捗】差し戻し：出生数（令和5年度）');
    expect(decoded.text).toContain('kodomo さん 様');
    expect(decoded.text).toContain('office さんが、次の数値目標を差し戻しました。');
    expect(decoded.text).toContain('差し戻しの理由：\n前年比も書いてください');
    expect(decoded.text).toContain(`確認はこちら：https://shinchoku.city.example.lg.jp${kpiPath('births')}`);
    for (const code of ['births', 'returned', 'R5', 'kitamoto', 'undefined', 'null']) {
      expect(withoutLink(decoded.text)).not.toContain(code);
    }

    // The committee comments: the department and the office hear of it, the office in English.
    const iin = await signedIn(app, 'iin');
    expect(
      (await iin.post(`${kpiPath('births')}/comments`, { body: '要因の分析をお願いします' })).status,
    ).toBe(303);
    const commented = (await sink.waitFor(before + 3)).slice(before + 1);
    expect(commented.map((m) => m.to[0]).sort()).toEqual([
      'kodomo@city.example.lg.jp',
      'office@city.example.lg.jp',
    ]);
    const english = decodeMail(commented.find((m) => m.to[0] === 'office@city.example.lg.jp')?.raw ?? '');
    expect(english.subject).toBe('[Shinchoku] Comment: Number of births (FY2023 (R5))');
    expect(english.text).toContain("Plan: Kitamoto City's 2nd Comprehensive Strategy");
    expect(english.text).toContain('Dear office さん,');
    expect(english.text).toContain('iin さん commented on this KPI.');
    expect(english.text).toContain('Comment:\n要因の分析をお願いします');
    expect(english.text).not.toMatch(/しました|してください|こちら|令和/);

    // Submitted again and approved: a third notice for the department.
    expect((await kodomo.post(`${kpiPath('births')}/submit`, {})).status).toBe(303);
    expect((await office.post(`${kpiPath('births')}/review`, { decision: 'approve' })).status).toBe(303);
    const approved = (await sink.waitFor(before + 4)).slice(before + 3);
    expect(decodeMail(approved[0]?.raw ?? '').subject).toBe('【進捗】承認：出生数（令和5年度）');

    const page = await kodomo.get('/staff/notices');
    const words = text(page.html);
    expect(words).toContain('お知らせ（未読3件）');
    expect(words).toContain('office さんが「出生数」（令和5年度）を差し戻しました。');
    expect(words).toContain('iin さんが「出生数」（令和5年度）にコメントしました。');
    expect(words).toContain('office さんが「出生数」（令和5年度）を承認しました。');
    expect(words).toContain('差し戻しの理由：前年比も書いてください');
    expect(words).toContain('メールでも送りました。');
    const read = await kodomo.post('/staff/notices/read', { id: 'all' });
    expect(read.status).toBe(303);
    const after = await kodomo.get(read.location ?? '');
    expect(text(after.html)).toContain('3件を既読にしました。');
    expect(text(after.html)).not.toContain('未読');
  });

  it('keeps the action and the notice when the mail server is down, and shows the office why', async () => {
    const staff = await seedStaff(store());
    await setAddress(store(), staff.kodomo, 'kodomo@city.example.lg.jp');
    const app = testApp(store(), { mailer: mailerAt(DOWN) });
    const kodomo = await submittedBirths(app);
    const office = await signedIn(app, 'office');
    const returned = await office.post(`${kpiPath('births')}/review`, {
      decision: 'return',
      comment: '再確認',
    });
    expect(returned.status).toBe(303);
    expect(returned.location).toBe(`${kpiPath('births')}?done=returned&mail=failed`);
    expect((await reviewOf(store().db, PLAN, 'births', 2023))?.state).toBe('returned');
    const shown = await office.get(returned.location ?? '');
    expect(text(shown.html)).toContain('差し戻しました。');
    expect(text(shown.html)).toContain(
      '関係者への通知メールを送れませんでした。お知らせはアプリ内に残っています。',
    );

    const notices = await kodomo.get('/staff/notices');
    expect(text(notices.html)).toContain('office さんが「出生数」（令和5年度）を差し戻しました。');
    expect(text(notices.html)).toContain('メールは送れませんでした。このお知らせはアプリ内に残っています。');

    const settings = await office.get('/staff/settings');
    const words = text(settings.html);
    expect(words).toContain(`メールサーバー 127.0.0.1:${DOWN} から`);
    expect(words).toContain('kodomo@city.example.lg.jp');
    expect(words).toContain('メールサーバーに接続できませんでした');
    expect(words).not.toContain('ECONNREFUSED');
  });

  it('says on the settings page, to the office only, that notices stay in the app without a mail server', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const page = await office.get('/staff/settings');
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain(
      'メールサーバーが設定されていません。お知らせはアプリ内（「お知らせ」）にだけ表示され',
    );
    expect(page.html).toContain(`href="/staff/settings"`);
    const deadlines = await office.get(`/staff/plans/${PLAN}/deadlines`);
    expect(text(deadlines.html)).toContain('メールサーバーが設定されていないため、督促メールは送れません。');
    const kodomo = await signedIn(app, 'kodomo');
    expect((await kodomo.get('/staff/settings')).status).toBe(403);
    expect((await kodomo.get('/staff')).html).not.toContain('href="/staff/settings"');
  });

  it('sets a deadline, marks what is overdue on the boards, and reminds the departments by mail', async () => {
    const staff = await seedStaff(store());
    await setAddress(store(), staff.kodomo, 'kodomo@city.example.lg.jp');
    await setAddress(store(), staff.shoko, 'refuse-shoko@city.example.lg.jp', 'en');
    // A second person in こども課, without an address: listed, not mailed.
    await store().db.insert(schema.users).values({
      login: 'kodomo2',
      displayName: '子ども 次郎',
      passwordHash: 'x',
      role: 'department',
      departmentId: staff.departments.kodomo,
    });
    const app = testApp(store(), { mailer: mailerAt(SMTP_PORT) });
    const office = await signedIn(app, 'office');
    const set = await office.post(`/staff/plans/${PLAN}/deadlines`, {
      year: 'R5',
      date: '２０２３年６月３０日',
    });
    expect(set.status).toBe(303);
    const page = await office.get(set.location ?? '');
    expect(text(page.html)).toContain('提出期限を保存しました。');
    expect(text(page.html)).toContain('2023年6月30日');

    // The test clock stands at 1 July 2023, 09:00 in Japan: the deadline has passed.
    const board = text((await office.get(`/staff/plans/${PLAN}?year=R5`)).html);
    expect(board).toContain('期限超過 提出期限（2023年6月30日）を過ぎて、');
    expect(board).toContain('こども課：3件');
    expect(board).toContain('商工課：3件');
    const queue = text((await office.get(`/staff/plans/${PLAN}/R5/review-queue`)).html);
    expect(queue).toContain('提出期限（2023年6月30日）を過ぎて');
    expect(queue).toContain('こども課：3件');
    const kodomoBoard = await signedIn(app, 'kodomo');
    const own = text((await kodomoBoard.get(`/staff/plans/${PLAN}?year=R5`)).html);
    expect(own).toContain('こども課：3件');
    expect(own).not.toContain('商工課');

    const before = sink.messages.length;
    const reminded = await office.post(`/staff/plans/${PLAN}/reminders`, { 'remind-year': 'R5' });
    expect(reminded.status).toBe(200);
    const result = text(reminded.html);
    expect(result).toContain('督促メールを1人に送りました。1人には送れませんでした');
    expect(result).toContain('メールアドレスのない利用者：子ども 次郎');
    const mails = (await sink.waitFor(before + 1)).slice(before);
    expect(mails.map((m) => m.to)).toEqual([['kodomo@city.example.lg.jp']]);
    const mail = decodeMail(mails[0]?.raw ?? '');
    expect(mail.subject).toBe('【進捗】提出期限を過ぎています：令和5年度の実績値と評価');
    expect(mail.text).toContain('提出期限（2023年6月30日）を過ぎています。');
    for (const name of ['出生数', '25歳から34歳までの女性の社会増減', '65歳健康寿命'])
      expect(mail.text).toContain(`\n・${name}\n`);
    expect(mail.text).not.toContain('就業者一人当たり');
    expect(withoutLink(mail.text)).not.toMatch(/births|R5|kitamoto/);
    // The refused mailbox is in the office's log with the server's answer.
    const settings = text((await office.get('/staff/settings')).html);
    expect(settings).toContain('refuse-shoko@city.example.lg.jp');
    expect(settings).toContain('メールサーバーが受け取りを拒否しました。');
    expect(settings).toContain('550');
  });

  it('refuses a deadline that is not a day, saying why, and never a 500', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const post = (fields: Record<string, string>) => office.post(`/staff/plans/${PLAN}/deadlines`, fields);
    const cases: [Record<string, string>, string][] = [
      [{ year: 'R5', date: '2'.repeat(10_000) }, '提出期限が長すぎます。'],
      [{ year: 'R5', date: '2023-02-30' }, 'その日付はありません'],
      [
        { year: 'R5', date: '来週の金曜日' },
        '提出期限を 2024-06-30、2024/6/30、2024年6月30日 のように入力してください。',
      ],
      [{ year: 'R5', date: '' }, '提出期限を入力してください。'],
      [{ year: 'R5', date: '2023-06-30\u0000' }, '提出期限を 2024-06-30'],
      [
        { year: 'R99', date: '2023-06-30' },
        '年度を R5、令和5年度、2023 のように入力してください（計画期間内）。',
      ],
      [{ year: 'x'.repeat(10_000), date: '2023-06-30' }, '年度を R5'],
    ];
    for (const [fields, message] of cases) {
      const res = await post(fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(422);
      expect(text(res.html)).toContain(message);
    }
    const rows = await store().db.select().from(schema.collectionDeadlines);
    expect(rows).toEqual([]);
    const kodomo = await signedIn(app, 'kodomo');
    expect(
      (await kodomo.post(`/staff/plans/${PLAN}/deadlines`, { year: 'R5', date: '2023-06-30' })).status,
    ).toBe(403);
  });

  it('lets each user set their own address, the office anyone’s, checked', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const kodomo = await signedIn(app, 'kodomo');
    const form = await kodomo.get('/staff/account/contact');
    expect(text(form.html)).toContain('メールアドレスと通知');
    const bad = await kodomo.post('/staff/account/contact', { email: 'kodomo at city', mailLang: 'ja' });
    expect(bad.status).toBe(422);
    expect(text(bad.html)).toContain(
      'メールアドレスを name@example.lg.jp のように、1件だけ入力してください。',
    );
    expect(bad.html).toContain('value="kodomo at city"');
    const list = await kodomo.post('/staff/account/contact', {
      email: 'a@example.jp, b@example.jp',
      mailLang: 'ja',
    });
    expect(list.status).toBe(422);
    const long = await kodomo.post('/staff/account/contact', {
      email: `${'a'.repeat(10_000)}@example.jp`,
      mailLang: 'ja',
    });
    expect(long.status).toBe(422);
    expect(text(long.html)).toContain('メールアドレスが長すぎます');
    const ok = await kodomo.post('/staff/account/contact', {
      email: ' ｋｏｄｏｍｏ＠ｃｉｔｙ．ｅｘａｍｐｌｅ．ｌｇ．ｊｐ ',
      mailLang: 'en',
    });
    expect(ok.status).toBe(303);
    const [row] = await store().db.select().from(schema.users).where(eq(schema.users.id, staff.kodomo));
    expect([row?.email, row?.mailLang]).toEqual(['kodomo@city.example.lg.jp', 'en']);
    expect(
      (await kodomo.post(`/staff/users/${staff.shoko}/contact`, { email: 'x@example.jp', mailLang: 'ja' }))
        .status,
    ).toBe(403);
    const office = await signedIn(app, 'office');
    const byOffice = await office.post(`/staff/users/${staff.shoko}/contact`, {
      email: 'shoko@example.jp',
      mailLang: 'ja',
    });
    expect(byOffice.status).toBe(303);
    const audit = text((await office.get('/staff/audit')).html);
    expect(audit).toContain('shoko@example.jp');
  });
});
