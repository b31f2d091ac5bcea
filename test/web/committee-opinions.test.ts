import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { listComments } from '../../src/store/comments.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const KPI = `/staff/plans/${PLAN}/R4/kpis/births`;
const PUBLISH = `/staff/plans/${PLAN}/publish/R4`;
const OPINION = '出生数の減少は転出超過とあわせて分析すべきである。\n子育て支援の効果を次年度に示されたい。';
const INTERNAL = '内部の検討用メモ（公表しない）';

async function signedIn(app: ReturnType<typeof testApp>, login: string) {
  const browser = new StaffClient(app);
  await browser.login(login);
  await browser.get('/staff');
  return browser;
}

/** The opinion form's address for the comment whose text is given, as the office's page shows it. */
function opinionAction(html: string, body: string): string {
  const at = html.indexOf(body.split('\n')[0] ?? body);
  const action = /action="([^"]*\/comments\/\d+\/opinion)"/.exec(html.slice(at))?.[1];
  if (!action) throw new Error('no opinion form after the comment');
  return action;
}

async function publishR4(office: StaffClient, errata = '') {
  await office.get(PUBLISH);
  const res = await office.post(PUBLISH, { errata, confirm: '1', reason: '委員会の確認済み' });
  expect(res.status).toBe(303);
}

describeStores('committee opinions (委員会意見)', (store) => {
  it('are marked by the office only, frozen with the edition, and shown on the public pages', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const iin = await signedIn(app, 'iin');
    await iin.get(KPI);
    expect((await iin.post(`${KPI}/comments`, { body: OPINION })).status).toBe(303);
    expect((await iin.post(`${KPI}/comments`, { body: INTERNAL })).status).toBe(303);
    const [first] = await listComments(store().db, PLAN, 'births', 2022);
    expect(first?.opinion).toBe(false);

    // Published before anything is marked: edition 1 has no opinions.
    const office = await signedIn(app, 'office');
    await publishR4(office);
    expect(text(await (await app.request(`/plans/${PLAN}/R4`)).text())).not.toContain('委員会意見');

    // The committee and the departments cannot mark; the office can.
    const officePage = await office.get(KPI);
    const action = opinionAction(officePage.html, OPINION);
    expect((await iin.get(KPI)).html).not.toContain('/opinion"');
    expect((await iin.post(action, { publish: 'yes' })).status).toBe(403);
    const kodomo = await signedIn(app, 'kodomo');
    expect((await kodomo.post(action, { publish: 'yes' })).status).toBe(403);
    await office.get(KPI);
    expect((await office.post(action, { publish: 'maybe' })).status).toBe(404);
    expect(
      (await office.post(action.replace(/\/\d+\/opinion$/, '/999999/opinion'), { publish: 'yes' })).status,
    ).toBe(404);
    const marked = await office.post(action, { publish: 'yes' });
    expect(marked.status).toBe(303);
    const after = text((await office.get(marked.location ?? '')).html);
    expect(after).toContain('委員会意見として公表することにしました。');
    expect(after).toContain('委員会意見として公表予定');
    expect((await auditRows(store())).map((r) => r.action)).toContain('comment.opinion');

    // Still not public: edition 1 is frozen without it.
    expect(await (await app.request(`/plans/${PLAN}/R4`)).text()).not.toContain('転出超過');

    // Edition 2 freezes it; the public plan and KPI pages show it, the unmarked comment never.
    await publishR4(office, '委員会意見を追加');
    const overview = await (await app.request(`/plans/${PLAN}/R4`)).text();
    expect(text(overview)).toContain('委員会意見');
    expect(overview).toContain('出生数の減少は転出超過とあわせて分析すべきである。');
    expect(overview).toContain(`href="/plans/${PLAN}/R4/kpis/births"`);
    expect(overview).not.toContain(INTERNAL);
    const kpiPage = await (await app.request(`/plans/${PLAN}/R4/kpis/births`)).text();
    expect(kpiPage).toContain('子育て支援の効果を次年度に示されたい。');
    expect(await (await app.request(`/plans/${PLAN}/R4/kpis/job-openings-ratio`)).text()).not.toContain(
      '転出超過',
    );
    expect(await (await app.request(`/plans/${PLAN}/R4?edition=1`)).text()).not.toContain('転出超過');

    // In the report: JSON, HTML and the workbook and deck of the edition.
    const json = JSON.parse(await (await app.request(`/plans/${PLAN}/R4/data.json`)).text()) as {
      committeeOpinions?: { kpiId: string; kpiName: string; text: string; date: string }[];
    };
    // The day it was written, in Japan.
    const written = new Date((first?.createdAt.getTime() ?? 0) + 9 * 3600_000).toISOString().slice(0, 10);
    expect(json.committeeOpinions).toEqual([
      { kpiId: 'births', kpiName: '出生数', text: OPINION, date: written },
    ]);
    const html = await (await app.request(`/plans/${PLAN}/R4/report.html`)).text();
    expect(html).toContain('<h2 id="');
    expect(html).toContain('委員会意見</h2>');
    expect(html).toContain('出生数の減少は転出超過とあわせて分析すべきである。');
    expect(html).not.toContain(INTERNAL);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await app.request(`/plans/${PLAN}/R4/report.xlsx`)).arrayBuffer());
    const sheet = workbook.getWorksheet('委員会意見');
    expect(sheet?.getRow(2).values).toEqual([undefined, '出生数', OPINION, written]);
    const deck = await JSZip.loadAsync(
      await (await app.request(`/plans/${PLAN}/R4/report.pptx`)).arrayBuffer(),
    );
    const slides = await Promise.all(
      Object.keys(deck.files)
        .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
        .map((f) => deck.file(f)?.async('string') ?? ''),
    );
    expect(
      slides.some((s) => s.includes('委員会意見') && s.includes('子育て支援の効果を次年度に示されたい。')),
    ).toBe(true);

    // Unmarking later changes no edition already published.
    await office.get(KPI);
    expect((await office.post(action, { publish: 'no' })).status).toBe(303);
    const fresh = testApp(store());
    expect(await (await fresh.request(`/plans/${PLAN}/R4`)).text()).toContain('転出超過');
    const english = await (await fresh.request(`/plans/${PLAN}/R4?lang=en`)).text();
    expect(english).toContain('Committee opinions');
    expect(english).toContain('<blockquote lang="ja">');
  }, 120_000);

  it('previews the marked opinions in the staff draft, and nothing when none is marked', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const iin = await signedIn(app, 'iin');
    await iin.get(KPI);
    await iin.post(`${KPI}/comments`, { body: OPINION });
    const office = await signedIn(app, 'office');
    const draft = `/staff/plans/${PLAN}/R4/draft/report.html`;
    expect((await office.get(draft)).html).not.toContain('委員会意見');
    const page = await office.get(KPI);
    await office.post(opinionAction(page.html, OPINION), { publish: 'yes' });
    const marked = (await office.get(draft)).html;
    expect(marked).toContain('委員会意見</h2>');
    expect(marked).toContain('子育て支援の効果を次年度に示されたい。');
  }, 60_000);
});
