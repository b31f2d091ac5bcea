import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { actual, selected, submitForm } from './entry-form-helpers.ts';
import { auditRows, fieldValue, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const GRID = `/staff/plans/${PLAN}/R5/grid`;

/** The grid's fields as the page serves them, the way a browser sends them (no ticked boxes). */
function gridForm(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of page.matchAll(/name="((?:k\d+-)[a-z0-9-]+|department)"/g)) {
    const name = m[1] ?? '';
    if (name.endsWith('-confirm')) continue;
    fields[name] = fieldValue(page, name) ?? selected(page, name) ?? '';
  }
  return fields;
}

/** The row prefix the page gave a KPI (k0-, k1-, …). */
function rowOf(page: string, kpi: string): string {
  const m = new RegExp(`name="(k\\d+-)key" value="${kpi}"`).exec(page);
  if (!m) throw new Error(`no row for ${kpi}`);
  return m[1] ?? '';
}

async function postGrid(
  browser: StaffClient,
  page: string,
  changes: (row: (kpi: string) => string) => Record<string, string>,
) {
  const row = (kpi: string) => rowOf(page, kpi);
  return browser.post(GRID, { ...gridForm(page), ...changes(row) });
}

const saves = async (store: Parameters<typeof auditRows>[0]) =>
  (await auditRows(store)).filter((r) => r.action.endsWith('.save'));

describeStores('grid entry', (store) => {
  it('shows a department its own KPIs only, each input labelled with the KPI and the field', async () => {
    const staff = await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const home = await browser.get(`/staff/plans/${PLAN}`);
    expect(home.html).toContain(`href="${GRID}"`);
    const page = await browser.get(`${GRID}?department=${staff.departments.shoko}`);
    expect(page.status).toBe(200);
    const seen = text(page.html);
    expect(seen).toContain('令和5年度の一括入力');
    expect(seen).toContain('出生数');
    expect(seen).toContain('65歳健康寿命');
    expect(seen).not.toContain('ふるさと納税寄附件数');
    expect(page.html).not.toContain('value="furusato-donations"');
    const ids = [...page.html.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(12);
    for (const id of ids) expect(page.html).toContain(`<label for="${id}"`);
    expect(page.html).toMatch(
      /<label for="k\d+-s1-value" class="cell-label">65歳健康寿命（[^<]+）：R5の実績値/,
    );
  });

  it('saves every KPI typed on the page in one submit, read as the single form reads them, with audit rows', async () => {
    const staff = await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const page = (await browser.get(GRID)).html;
    const res = await postGrid(browser, page, (row) => ({
      [`${row('births')}s0-value`]: '３３０',
      [`${row('births')}s0-state`]: 'provisional',
      [`${row('births')}a-text`]: '減少傾向が続いている',
      [`${row('women-25-34-net-migration')}s0-value`]: '△40',
      [`${row('healthy-life-expectancy-65')}s0-reason`]: '集計中',
    }));
    expect(res.status).toBe(200);
    const seen = text(res.html);
    expect(seen).toContain('実績値3件、評価1件を保存しました。');
    expect(seen).toContain('「３３０」を「330人」として読み取りました。');
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '330' });
    expect(await actual(store().db, 'women-25-34-net-migration')).toEqual({ kind: 'value', value: '-40' });
    expect(await actual(store().db, 'healthy-life-expectancy-65')).toEqual({
      kind: 'missing',
      reason: '集計中',
    });
    expect(fieldValue(res.html, `${rowOf(res.html, 'births')}s0-version`)).toBe('1');
    const audit = await saves(store());
    expect(audit.map((r) => [r.userId, r.subject, r.newValue])).toEqual([
      [staff.kodomo, 'women-25-34-net-migration/R5', '-40人'],
      [staff.kodomo, 'births/R5', '330人 (見込)'],
      [staff.kodomo, 'healthy-life-expectancy-65:男性/R5', '集計中'],
      [staff.kodomo, 'births/R5', '減少傾向が続いている'],
    ]);
    const again = await postGrid(browser, res.html, () => ({}));
    expect(again.status).toBe(200);
    expect(text(again.html)).toContain('変更はありませんでした。');
    expect(await saves(store())).toHaveLength(4);
  });

  it('refuses hostile cells beside their KPI and field, keeps everything typed and saves nothing', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const page = (await browser.get(GRID)).html;
    const long = '1'.repeat(10_000);
    const births = rowOf(page, 'births');
    const women = rowOf(page, 'women-25-34-net-migration');
    const health = rowOf(page, 'healthy-life-expectancy-65');
    const res = await postGrid(browser, page, () => ({
      [`${births}s0-value`]: long,
      [`${births}a-text`]: 'before\u0000after',
      [`${women}s0-value`]: '約40',
      [`${health}s0-value`]: '１８．９',
      [`${health}s1-value`]: '21.5',
      [`${health}s1-state`]: 'nonsense',
    }));
    expect(res.status).toBe(422);
    const seen = text(res.html);
    expect(seen).toContain('問題のある欄があるため、何も保存していません。');
    // Each problem is listed by KPI and field, and linked to its cell.
    expect(res.html).toContain(`<a href="#${births}s0-value">`);
    expect(seen).toMatch(/出生数：R5の実績値（単位：人）：/);
    expect(seen).toMatch(/出生数：評価の文章：/);
    expect(seen).toMatch(
      /25歳から34歳までの女性の社会増減：R5の実績値（単位：人）：数値だけを入力してください/,
    );
    expect(seen).toMatch(/65歳健康寿命（女性）：数値の状態：選択肢から選んでください。/);
    expect(res.html).toMatch(new RegExp(`id="${health}s1-state"[^>]*aria-invalid="true"`));
    // Nothing typed is lost: the cells come back as typed (a NUL shown as U+FFFD).
    expect(fieldValue(res.html, `${births}s0-value`)).toBe(long);
    expect(fieldValue(res.html, `${births}a-text`)).toBe('before\uFFFDafter');
    expect(fieldValue(res.html, `${women}s0-value`)).toBe('約40');
    expect(fieldValue(res.html, `${health}s0-value`)).toBe('１８．９');
    expect(fieldValue(res.html, `${health}s1-value`)).toBe('21.5');
    expect(await actual(store().db, 'births')).toBeUndefined();
    expect(await actual(store().db, 'healthy-life-expectancy-65')).toBeUndefined();
    expect(await saves(store())).toHaveLength(0);
  });

  it('asks to confirm an unusual value in its cell, and saves it once ticked', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const page = (await browser.get(GRID)).html;
    const births = rowOf(page, 'births');
    const asked = await postGrid(browser, page, () => ({ [`${births}s0-value`]: '-5' }));
    expect(asked.status).toBe(422);
    expect(asked.html).toContain(`name="${births}s0-confirm" value="-5"`);
    expect(await actual(store().db, 'births')).toBeUndefined();
    const confirmed = await browser.post(GRID, { ...gridForm(asked.html), [`${births}s0-confirm`]: '-5' });
    expect(confirmed.status).toBe(200);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '-5' });
  });

  it('takes the same grid sent twice at once once, and tells the second it conflicts', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const a = new StaffClient(app);
    await a.login('kodomo');
    const b = new StaffClient(app);
    await b.login('kodomo');
    const pageA = (await a.get(GRID)).html;
    const pageB = (await b.get(GRID)).html;
    const change = (row: (kpi: string) => string) => ({
      [`${row('births')}s0-value`]: '330',
      [`${row('births')}a-text`]: '評価',
    });
    const [ra, rb] = await Promise.all([postGrid(a, pageA, change), postGrid(b, pageB, change)]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const lost = ra.status === 409 ? ra : rb;
    expect(text(lost.html)).toContain('ほかの人の変更と重なった欄があるため、何も保存していません。');
    expect(text(lost.html)).toContain('あなたが編集している間に、ほかの人がこの値を変更しました。');
    const births = await store()
      .db.select()
      .from(schema.observations)
      .innerJoin(schema.series, eq(schema.observations.seriesId, schema.series.id))
      .innerJoin(schema.kpis, eq(schema.series.kpiId, schema.kpis.id))
      .where(eq(schema.kpis.key, 'births'));
    expect(births.filter((r) => r.observations.fiscalYear === 2023)).toHaveLength(1);
    expect(await saves(store())).toHaveLength(2);
  });

  it('shows both values when a cell changed since the grid was loaded, and replaces it when sent again', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = new StaffClient(app);
    await kodomo.login('kodomo');
    const office = new StaffClient(app);
    await office.login('office');
    const page = (await kodomo.get(GRID)).html;
    await submitForm(office, 'births', { 's0-value': '320' });
    const births = rowOf(page, 'births');
    const women = rowOf(page, 'women-25-34-net-migration');
    const res = await postGrid(kodomo, page, () => ({
      [`${births}s0-value`]: '331',
      [`${women}s0-value`]: '12',
    }));
    expect(res.status).toBe(409);
    expect(text(res.html)).toMatch(/保存されている値 320人 入力した値 331/);
    expect(fieldValue(res.html, `${births}s0-value`)).toBe('331');
    expect(fieldValue(res.html, `${births}s0-version`)).toBe('1');
    expect(fieldValue(res.html, `${women}s0-value`)).toBe('12');
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '320' });
    expect(await actual(store().db, 'women-25-34-net-migration')).toBeUndefined();
    const again = await kodomo.post(GRID, gridForm(res.html));
    expect(again.status).toBe(200);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '331' });
    expect(await actual(store().db, 'women-25-34-net-migration')).toEqual({ kind: 'value', value: '12' });
  });

  it('lets only the office and departments use it, and a department only for its own KPIs', async () => {
    const staff = await seedStaff(store());
    const app = testApp(store());
    const iin = new StaffClient(app);
    await iin.login('iin');
    expect((await iin.get(GRID)).status).toBe(403);
    expect((await iin.post(GRID, { 'k0-key': 'births', 'k0-s0-value': '1' })).status).toBe(403);

    // A department posting a row of another department's KPI is refused beside that row; nothing is saved.
    const shoko = new StaffClient(app);
    await shoko.login('shoko');
    const page = (await shoko.get(GRID)).html;
    const own = rowOf(page, 'furusato-donations');
    const forged = await shoko.post(GRID, {
      ...gridForm(page),
      [`${own}s0-value`]: '4000',
      'k9-key': 'births',
      'k9-s0-value': '1',
      'k9-s0-state': 'final',
      'k9-s0-version': '0',
      'k9-a-version': '0',
    });
    expect(forged.status).toBe(422);
    expect(text(forged.html)).toContain('この数値目標は担当課が変わったため、保存しませんでした。');
    expect(await actual(store().db, 'births')).toBeUndefined();
    expect(await actual(store().db, 'furusato-donations')).toBeUndefined();

    // A KPI waiting for the office is shown read-only to its department, and refused if posted anyway.
    await store()
      .db.insert(schema.reviews)
      .values({
        planId: (await store().db.select({ id: schema.plans.id }).from(schema.plans))[0]?.id ?? 0,
        kpiKey: 'furusato-donations',
        fiscalYear: 2023,
        state: 'submitted',
        updatedBy: staff.shoko,
        updatedAt: new Date(),
      });
    const locked = (await shoko.get(GRID)).html;
    expect(text(locked)).toContain('確認待ちまたは承認済みのため、ここでは編集できません。');
    expect(locked).not.toContain('value="furusato-donations"');
    const posted = await shoko.post(GRID, { ...gridForm(page), [`${own}s0-value`]: '4000' });
    expect(posted.status).toBe(422);
    expect(text(posted.html)).toContain('確認待ちか承認済みになったため、保存しませんでした。');
    expect(text(posted.html)).toContain('入力した内容（保存していません）：4000');
    expect(await actual(store().db, 'furusato-donations')).toBeUndefined();

    // The office picks any department, or the KPIs of none.
    const office = new StaffClient(app);
    await office.login('office');
    const none = await office.get(`${GRID}?department=none`);
    expect(text(none.html)).toContain('担当課なし（企画担当）の数値目標');
    expect(none.html).toContain('value="childcare-support-satisfaction"');
    expect(none.html).not.toContain('value="births"');
    const kodomo = await office.get(`${GRID}?department=${staff.departments.kodomo}`);
    expect(kodomo.html).toContain('value="births"');
  });

  it('takes a whole department’s long assessments in one post, up to the grid’s own size limit', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const page = (await browser.get(GRID)).html;
    // Four assessments of 4,000 kanji each, sent percent-encoded, pass an ordinary form's 256 KB.
    const long = '評'.repeat(4000);
    const rows = ['births', 'women-25-34-net-migration', 'healthy-life-expectancy-65'];
    const fields: Record<string, string> = { ...gridForm(page), padding: 'x'.repeat(200_000) };
    for (const kpi of rows) fields[`${rowOf(page, kpi)}a-text`] = long;
    const saved = await browser.post(GRID, fields);
    expect(saved.status).toBe(200);
    expect(text(saved.html)).toContain('評価3件を保存しました。');
    const huge = await browser.post(GRID, { ...gridForm(saved.html), padding: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    const iin = new StaffClient(testApp(store()));
    await iin.login('iin');
    await iin.get('/staff');
    expect((await iin.post(GRID, { padding: 'x'.repeat(300_000) })).status).toBe(413);
  });
});
