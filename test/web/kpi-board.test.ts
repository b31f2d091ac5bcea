import { expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { KpiResult } from '../../src/core/evaluation.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const BOARD = `/staff/plans/${PLAN}/R4/board`;
const PUBLIC_BOARD = `/plans/${PLAN}/R4/board`;
/** The R4 evaluation the seed's figures give: what every row must come from, never recomputed. */
const r4 = evaluate(kitamotoPlan(), 2022);

/** The KPI ids of the board's rows, in the order shown. */
const rowIds = (html: string): string[] =>
  [...html.matchAll(/<th scope="row"><a href="[^"]*\/kpis\/([^"?/]+)[^"]*">/g)].map((m) =>
    decodeURIComponent(m[1] ?? ''),
  );

const byId = (id: string): KpiResult => {
  const kpi = r4.kpis.find((k) => k.id === id);
  if (!kpi) throw new Error(`no KPI ${id}`);
  return kpi;
};

/** A file as its bytes say: Response.text() drops the BOM, which is what is tested. */
async function fileText(res: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

async function signedIn(app: ReturnType<typeof testApp>, login: string) {
  const browser = new StaffClient(app);
  await browser.login(login);
  return browser;
}

describeStores('the KPI board', (store) => {
  it('shows every KPI of the year to the office, with goal, department, entry state, status and checks', async () => {
    await seedStaff(store());
    const office = await signedIn(testApp(store()), 'office');
    const page = await office.get(BOARD);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(rowIds(page.html)).toEqual(r4.kpis.map((k) => k.id));
    const words = text(page.html);
    expect(words).toContain(`${r4.kpis.length}件中 ${r4.kpis.length}件を表示しています。`);
    expect(words).toContain('就業者一人当たり市内純生産');
    expect(words).toContain('-670.6%');
    expect(words).toContain('商工課');
    expect(words).toContain('入力状況');
    expect(words).toContain('点検事項');
    // The seed's R4 figures are in the plan, not entered through the app: every KPI reads 未入力 or better.
    expect(page.html).toMatch(/class="state state-entry-[a-z-]+">/);
    expect(page.html).toContain('class="state state-achieved">達成<');
    expect(page.html).toContain('class="state state-not-achieved">未達成<');
  });

  it('filters by status, goal, department and entry state with plain GET parameters', async () => {
    await seedStaff(store());
    const office = await signedIn(testApp(store()), 'office');
    const achieved = await office.get(`${BOARD}?status=achieved`);
    expect(rowIds(achieved.html)).toEqual(r4.kpis.filter((k) => k.status === 'achieved').map((k) => k.id));
    const goal = r4.goals[3];
    const ofGoal = await office.get(`${BOARD}?goal=${goal?.id ?? ''}`);
    const own = r4.kpis.filter((k) => k.goalId === goal?.id || k.listedIn.includes(goal?.id ?? ''));
    expect(rowIds(ofGoal.html)).toEqual(own.map((k) => k.id));
    expect(ofGoal.html).toContain(`<option value="${goal?.id}" selected="">`);
    const shoko = await office.get(`${BOARD}?department=${encodeURIComponent('商工課')}`);
    expect(rowIds(shoko.html).sort()).toEqual(
      ['net-product-per-worker', 'job-openings-ratio', 'furusato-donations'].sort(),
    );
    const none = await office.get(`${BOARD}?entry=approved`);
    expect(rowIds(none.html)).toEqual([]);
    expect(text(none.html)).toContain('条件に合う数値目標はありません。');
  });

  it('sorts by progress exactly, blanks last, and by name, either way', async () => {
    await seedStaff(store());
    const office = await signedIn(testApp(store()), 'office');
    const score = (id: string) =>
      byId(id).score ?? byId(id).series.find((s) => s.score)?.score?.value ?? null;
    for (const dir of ['asc', 'desc'] as const) {
      const page = await office.get(`${BOARD}?sort=progress&dir=${dir}`);
      const ids = rowIds(page.html);
      expect(ids.length).toBe(r4.kpis.length);
      const scores = ids.map(score);
      const firstBlank = scores.indexOf(null);
      if (firstBlank >= 0) expect(scores.slice(firstBlank).every((s) => s === null)).toBe(true);
      const scored = scores.filter((s) => s !== null);
      for (let i = 1; i < scored.length; i++) {
        const c = dec(scored[i - 1] as never).cmp(dec(scored[i] as never));
        expect(dir === 'asc' ? c <= 0 : c >= 0).toBe(true);
      }
      expect(page.html).toContain(`aria-sort="${dir === 'asc' ? 'ascending' : 'descending'}"`);
    }
    const byName = rowIds((await office.get(`${BOARD}?sort=kpi`)).html).map((id) => byId(id).name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'ja')));
  });

  it('downloads the rows shown as CSV with a BOM and headers in the reader’s language', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = await signedIn(app, 'office');
    const cookie = [...office.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const download = (query: string) =>
      app.request(`http://localhost/staff/plans/${PLAN}/R4/board.csv${query}`, { headers: { cookie } });
    const res = await download('?status=not-achieved');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const csv = { html: await fileText(res) };
    expect(
      csv.html.startsWith('\uFEFF目標,数値目標,担当課,入力状況,実績値,目標進捗率（%）,達成状況,点検事項\r\n'),
    ).toBe(true);
    const lines = csv.html
      .trim()
      .split('\r\n')
      .filter((l) => /^"?基本目標|^"?横断的/.test(l));
    expect(lines.length).toBe(r4.kpis.filter((k) => k.status === 'not_achieved').length);
    expect(csv.html).toContain('就業者一人当たり市内純生産,商工課,');
    expect(csv.html).toContain(',-670.6,未達成,');
    const en = { html: await fileText(await download('?lang=en')) };
    expect(en.html.startsWith('\uFEFFGoal,KPI,Department,Entry,Actual,')).toBe(true);
  });

  it('is for the office and the committee only', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const anonymous = await new StaffClient(app).get(BOARD);
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.location).toContain('/staff/login');
    const csv = await new StaffClient(app).get(`/staff/plans/${PLAN}/R4/board.csv`);
    expect(csv.html).not.toContain('就業者');
    const kodomo = await signedIn(app, 'kodomo');
    expect((await kodomo.get(BOARD)).status).toBe(403);
    expect((await kodomo.get(`/staff/plans/${PLAN}/R4/board.csv`)).status).toBe(403);
    expect((await kodomo.get('/staff')).html).not.toContain('href="/staff/board"');
    const iin = await signedIn(app, 'iin');
    expect((await iin.get(BOARD)).status).toBe(200);
    const home = await iin.get('/staff/board');
    expect(home.status).toBe(303);
    expect(home.location).toMatch(new RegExp(`^/staff/plans/${PLAN}/R[0-9]+/board$`));
    const office = await signedIn(app, 'office');
    const overview = await office.get(`/staff/plans/${PLAN}?year=R4`);
    expect(overview.html).toContain(`href="${BOARD}"`);
    expect(overview.html).toContain('href="/staff/board"');
  });

  it('answers a hostile query with 400 and says which filter, never 500', async () => {
    await seedStaff(store());
    const office = await signedIn(testApp(store()), 'office');
    const cases: [string, string][] = [
      ['status=bogus', '「達成状況」の指定は一覧の選択肢にありません。'],
      [`goal=${'x'.repeat(10_000)}`, '「目標」の指定が長すぎます。'],
      ['department=%00', '「担当課」の指定は一覧の選択肢にありません。'],
      ['sort=__proto__', '「並べ替え」の指定は一覧の選択肢にありません。'],
      ['dir=%EF%BC%91', '「順序」の指定は一覧の選択肢にありません。'],
      ['entry=constructor', '「入力状況」の指定は一覧の選択肢にありません。'],
    ];
    for (const [query, message] of cases) {
      const page = await office.get(`${BOARD}?${query}`);
      expect(page.status, query.slice(0, 40)).toBe(400);
      expect(text(page.html)).toContain(message);
      expect(page.html).toContain('name="status"');
      const csv = await office.get(`/staff/plans/${PLAN}/R4/board.csv?${query}`);
      expect(csv.status).toBe(400);
      expect(csv.html).toBe(message.replace(/。$/, '') + '。一覧の選択肢から選び直してください。');
    }
    expect((await office.get(`/staff/plans/${PLAN}/XX/board`)).status).toBe(404);
    // Repeated parameters: the first counts, as for any GET form.
    expect((await office.get(`${BOARD}?status=achieved&status=bogus`)).status).toBe(200);
  });

  it('shows the same board for a published edition, without internal states, with its CSV', async () => {
    await seedStaff(store());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    const app = testApp(store());
    const page = await app.request(PUBLIC_BOARD);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(rowIds(html)).toEqual(r4.kpis.map((k) => k.id));
    expect(html).toContain(`href="/plans/${PLAN}/R4/kpis/net-product-per-worker"`);
    expect(text(html)).not.toContain('入力状況');
    expect(text(html)).not.toContain('点検事項');
    expect(html).not.toContain('name="entry"');
    const filtered = await (
      await app.request(`${PUBLIC_BOARD}?status=achieved&sort=progress&dir=desc`)
    ).text();
    expect(rowIds(filtered).sort()).toEqual(
      r4.kpis
        .filter((k) => k.status === 'achieved')
        .map((k) => k.id)
        .sort(),
    );
    const csv = await app.request(`/plans/${PLAN}/R4/board.csv`);
    expect(csv.status).toBe(200);
    const body = await fileText(csv);
    expect(body.startsWith('\uFEFF目標,数値目標,担当課,実績値,目標進捗率（%）,達成状況\r\n')).toBe(true);
    for (const query of ['entry=approved', 'status=bogus', `department=${'部'.repeat(10_000)}`]) {
      const refused = await app.request(`${PUBLIC_BOARD}?${query}`);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('一覧の選択肢から選び直してください。');
    }
    const overview = await (await app.request(`/plans/${PLAN}/R4`)).text();
    expect(overview).toContain(`href="${PUBLIC_BOARD}"`);
    // The summary's numbered cells name their KPIs.
    expect(overview).toContain(
      `<a class="summary-kpi" href="/plans/${PLAN}/R4/kpis/net-product-per-worker">`,
    );
  });
});
