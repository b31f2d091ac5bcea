import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { listEditions } from '../../src/store/editions.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const publishPath = `/staff/plans/${PLAN}/publish`;
const yearPath = (year: string) => `${publishPath}/${year}`;
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

async function bytesOf(app: ReturnType<typeof testApp>, browser: StaffClient, path: string) {
  const res = await app.request(`http://localhost${path}`, {
    headers: { Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describeStores('publication as a deliberate act', (store) => {
  it('asks for the year instead of assuming one, and names it everywhere', async () => {
    await seedStaff(store());
    const app = testApp(store());
    for (const login of ['kodomo', 'iin']) {
      const browser = await signedIn(app, login);
      expect((await browser.get(publishPath)).status).toBe(403);
      expect((await browser.get(yearPath('R4'))).status).toBe(403);
      expect((await browser.post(yearPath('R4'), { errata: '' })).status).toBe(403);
    }
    const office = await signedIn(app, 'office');
    const chooser = await office.get(publishPath);
    expect(chooser.status).toBe(200);
    expect(chooser.html).toContain('<form method="get"');
    expect(chooser.html).not.toContain('method="post" action="/staff/plans/kitamoto-2nd-strategy/publish');
    // Nothing is chosen until the office chooses: the only selected option asks for a year.
    expect(chooser.html.match(/<option[^>]*selected[^>]*>[^<]*/g)).toEqual([
      expect.stringContaining('年度を選んでください'),
    ]);
    const unchosen = await office.get(`${publishPath}?year=`);
    expect(unchosen.status).toBe(422);
    expect(text(unchosen.html)).toContain('公表する年度：選択肢から選んでください。');
    const chosen = await office.get(`${publishPath}?year=R5`);
    expect(chosen.status).toBe(303);
    expect(chosen.location).toBe(yearPath('R5'));
    expect((await office.get(`${publishPath}?year=nonsense`)).status).toBe(404);
    expect((await office.get(yearPath('R9'))).status).toBe(404);
    const page = text((await office.get(yearPath('R5'))).html);
    expect(page).toContain('令和5年度の実施報告の公表');
    expect(page).toContain('令和5年度の承認済み：15件中0件');
  });

  it('refuses a year with nothing entered', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const page = await office.get(yearPath('R5'));
    expect(text(page.html)).toContain('この年度の実績値はまだ1件も入力されていないため、公表できません。');
    expect(page.html).not.toContain(`action="${yearPath('R5')}"`);
    const refused = await office.post(yearPath('R5'), { errata: '', confirm: '1', reason: '急ぎ' });
    expect(refused.status).toBe(422);
    expect(text(refused.html)).toContain('公表できません');
    expect(await listEditions(store().db, PLAN)).toEqual([]);
  });

  it('shows what would go public and publishes unapproved KPIs only with a confirmation and a reason', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = await signedIn(app, 'kodomo');
    await kodomo.post(kpiPath('births'), entry('390', '出生数は増加'));
    await kodomo.post(`${kpiPath('births')}/submit`, {});
    const office = await signedIn(app, 'office');
    await office.post(`${kpiPath('births')}/review`, { decision: 'approve' });

    const page = await office.get(yearPath('R5'));
    const words = text(page.html);
    expect(words).toContain('令和5年度の承認済み：15件中1件');
    // Counts by state, each KPI not approved with a link to it, and the rate R5 would show now.
    expect(words).toMatch(/承認済み 1 確認待ち 0 入力中・差し戻し 0 未入力 14 合計 15/);
    expect(words).toContain('承認していない数値目標（14件）');
    expect(page.html).toContain(`href="${kpiPath('furusato-donations')}"`);
    expect(page.html).not.toContain(`<a href="${kpiPath('births')}"`);
    expect(words).toMatch(/全体 1 1 100%/);
    expect(page.html).toContain('name="confirm"');

    const bare = await office.post(yearPath('R5'), { errata: '', reason: '' });
    expect(bare.status).toBe(422);
    const bareWords = text(bare.html);
    expect(bareWords).toContain('承認していない数値目標が14件あります。');
    expect(bareWords).toContain('承認前に公表する理由：入力してください。');
    expect(await listEditions(store().db, PLAN)).toEqual([]);
    const noReason = await office.post(yearPath('R5'), { errata: '', confirm: '1', reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.html).toMatch(/<input[^>]*name="confirm"[^>]*checked/);

    const published = await office.post(yearPath('R5'), {
      errata: '',
      confirm: '1',
      reason: '委員会の日程に合わせ、確認済みの分を先に公表する',
    });
    expect(published.status).toBe(303);
    expect(published.location).toBe(`${yearPath('R5')}?done=published`);
    const [edition] = await listEditions(store().db, PLAN);
    expect(edition).toMatchObject({
      fiscalYear: 2023,
      number: 1,
      publishReason: '委員会の日程に合わせ、確認済みの分を先に公表する',
      withdrawn: null,
    });
    const audit = (await auditRows(store())).filter((r) => r.action === 'edition.publish');
    expect(audit.map((r) => [r.subject, r.field, r.newValue])).toEqual([
      ['R5#1', null, null],
      ['R5#1', 'reason', '委員会の日程に合わせ、確認済みの分を先に公表する'],
    ]);
    const publicPage = await app.request('http://localhost/plans/kitamoto-2nd-strategy/R5');
    expect(publicPage.status).toBe(200);
    // A second edition is a correction: it says what it corrects.
    const again = await office.post(yearPath('R5'), { errata: '', confirm: '1', reason: '再掲' });
    expect(again.status).toBe(422);
    expect(text(again.html)).toContain('この年度はすでに公表しています。');
  });

  it('publishes a fully approved year without asking for a reason', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const { db } = store();
    const { moveReview } = await import('../../src/store/reviews.ts');
    const { kpiSheets } = await import('../../src/store/department-kpis.ts');
    for (const sheet of await kpiSheets(db, PLAN, 2022)) {
      await moveReview(
        db,
        { plan: PLAN, kpi: sheet.key, year: 2022, to: 'approved', from: [null], comment: null },
        null,
      );
    }
    const page = await office.get(yearPath('R4'));
    expect(text(page.html)).toContain('すべての数値目標を承認済みです。');
    expect(page.html).not.toContain('name="confirm"');
    // The seed's own figures: 4 of 15 achieved, 26.7%.
    expect(text(page.html)).toMatch(/全体 4 15 26\.7%/);
    expect((await office.post(yearPath('R4'), { errata: '' })).status).toBe(303);
    expect((await listEditions(db, PLAN))[0]?.publishReason).toBeNull();
  });

  it('withdraws a mistaken edition: the public sees a notice, the records keep it', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    await office.post(yearPath('R4'), { errata: '', confirm: '1', reason: '試験公開' });
    const withdrawPath = `${publishPath}/R4/editions/1/withdraw`;
    const kodomo = await signedIn(app, 'kodomo');
    expect((await kodomo.post(withdrawPath, { 'withdraw-2022-1': '誤り' })).status).toBe(403);

    await office.get(publishPath);
    const blank = await office.post(withdrawPath, { 'withdraw-2022-1': '  ' });
    expect(blank.status).toBe(422);
    expect(text(blank.html)).toContain('撤回の理由');
    const done = await office.post(withdrawPath, { 'withdraw-2022-1': '承認前の数値を公表したため' });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${publishPath}?done=withdrawn`);
    const list = text((await office.get(done.location ?? '')).html);
    expect(list).toContain('版を撤回しました。');
    expect(list).toContain('承認前の数値を公表したため');
    expect((await office.post(withdrawPath, { 'withdraw-2022-1': 'もう一度' })).status).toBe(422);
    expect(
      (await office.post(`${publishPath}/R4/editions/7/withdraw`, { 'withdraw-2022-7': 'x' })).status,
    ).toBe(404);

    const year = await app.request('http://localhost/plans/kitamoto-2nd-strategy/R4');
    expect(year.status).toBe(410);
    const notice = text(await year.text());
    expect(notice).toContain('この版は撤回されました');
    expect(notice).toContain('承認前の数値を公表したため');
    expect(notice).toContain('令和4年度の実施報告の第1版は、');
    const pinned = await app.request('http://localhost/plans/kitamoto-2nd-strategy/R4?edition=1');
    expect(pinned.status).toBe(410);
    const download = await app.request('http://localhost/plans/kitamoto-2nd-strategy/R4/data.csv');
    expect(download.status).toBe(404);
    expect(text(await download.text())).toContain('撤回されました（理由：承認前の数値を公表したため）');
    const plans = text(await (await app.request('http://localhost/')).text());
    expect(plans).not.toContain('第2期北本市まち・ひと・しごと創生総合戦略');
    const withdrawals = (await auditRows(store())).filter((r) => r.action === 'edition.withdraw');
    expect(withdrawals.map((r) => [r.subject, r.newValue])).toEqual([['R4#1', '承認前の数値を公表したため']]);
    // Publishing the year again corrects nothing public, so it needs no errata.
    expect((await office.post(yearPath('R4'), { errata: '', confirm: '1', reason: '再公表' })).status).toBe(
      303,
    );
    const again = await app.request('http://localhost/plans/kitamoto-2nd-strategy/R4');
    expect(again.status).toBe(200);
    expect((await app.request('http://localhost/plans/kitamoto-2nd-strategy/R4?edition=1')).status).toBe(410);
  });

  it('renders a draft of the year in every format, marked 案 throughout, for the office and committee only', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = await signedIn(app, 'kodomo');
    expect((await kodomo.get(`/staff/plans/${PLAN}/R4/draft`)).status).toBe(403);
    expect((await bytesOf(app, kodomo, `/staff/plans/${PLAN}/R4/draft/report.html`)).status).toBe(403);
    const anonymous = await app.request(`http://localhost/staff/plans/${PLAN}/R4/draft/report.html`);
    expect([302, 303]).toContain(anonymous.status);

    const office = await signedIn(app, 'office');
    const page = await office.get(`/staff/plans/${PLAN}/R4/draft`);
    expect(text(page.html)).toContain('令和4年度の実施報告（案）');
    const html = await bytesOf(app, office, `/staff/plans/${PLAN}/R4/draft/report.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('cache-control')).toBe('no-store');
    const doc = new TextDecoder().decode(html.bytes);
    const sections = doc.match(/<section class="slide/g) ?? [];
    expect(sections.length).toBeGreaterThan(5);
    expect(doc.match(/<p class="draft-mark">案<\/p>/g)).toHaveLength(sections.length);
    expect(doc).toContain('<title>案：');
    expect(doc).toContain('点検事項');
    // The public download of the same year has neither the mark nor the reviewers' pages.
    await office.post(yearPath('R4'), { errata: '', confirm: '1', reason: '試験' });
    const publicHtml = await (
      await app.request('http://localhost/plans/kitamoto-2nd-strategy/R4/report.html')
    ).text();
    expect(publicHtml).not.toContain('class="draft-mark"');
    expect(publicHtml).not.toContain('点検事項');

    const pptx = await bytesOf(app, office, `/staff/plans/${PLAN}/R4/draft/report.pptx`);
    expect(pptx.status).toBe(200);
    const zip = await JSZip.loadAsync(pptx.bytes);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBe(sections.length);
    for (const name of slides) expect(await zip.file(name)?.async('string')).toContain('<a:t>案</a:t>');

    const xlsx = await bytesOf(app, office, `/staff/plans/${PLAN}/R4/draft/report.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(2);
    for (const sheet of workbook.worksheets) {
      const first = sheet.getRow(1).values as unknown[];
      expect(
        first.some((v) => typeof v === 'string' && v.includes('案')),
        sheet.name,
      ).toBe(true);
      expect(sheet.headerFooter.oddHeader).toContain('案');
    }
    // PowerPoint and Excel with every chart take seconds each on a busy machine.
  }, 240_000);
});
