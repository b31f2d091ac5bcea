import { and, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { reviewsOf } from '../../src/store/reviews.ts';
import * as t from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { actual, kpiPath, selected, submitForm } from './entry-form-helpers.ts';
import { auditRows, fieldValue, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const R5 = 2023;

describeStores('the entry form keeps and checks what was typed', (store) => {
  it('saves what was typed when 企画担当に提出 is clicked without saving first, then submits it', async () => {
    await seedStaff(store());
    const kodomo = new StaffClient(testApp(store()));
    await kodomo.login('kodomo');
    const page = (await kodomo.get(kpiPath('births'))).html;
    expect(page).toContain(`formaction="${kpiPath('births')}/submit"`);
    expect(text(page)).toContain('入力した内容を保存してから提出します。');
    const res = await submitForm(
      kodomo,
      'births',
      { 's0-value': '330', 'a-text': '減少傾向' },
      page,
      '/submit',
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${kpiPath('births')}?done=submitted`);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '330' });
    expect((await reviewsOf(store().db, PLAN, R5)).get('births')?.state).toBe('submitted');
  });

  it('keeps every typed value when a submission is refused, and saves what could be saved', async () => {
    await seedStaff(store());
    const kodomo = new StaffClient(testApp(store()));
    await kodomo.login('kodomo');
    // The assessment is missing: the figure is saved, the submission refused, the form shows both.
    const incomplete = await submitForm(kodomo, 'births', { 's0-value': '３３０' }, undefined, '/submit');
    expect(incomplete.status).toBe(422);
    expect(fieldValue(incomplete.html, 's0-value')).toBe('330');
    expect(text(incomplete.html)).toContain('保存しました。');
    expect(text(incomplete.html)).toContain('提出する前に、未入力の項目を入力してください');
    expect(incomplete.html).toContain('<a href="#submit">');
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '330' });
    expect((await reviewsOf(store().db, PLAN, R5)).get('births')).toBeUndefined();

    // A refused figure: nothing saved, nothing submitted, every field as typed.
    const refused = await submitForm(
      kodomo,
      'women-25-34-net-migration',
      { 's0-value': '約40人', 'a-text': '転入が増えた' },
      undefined,
      '/submit',
    );
    expect(refused.status).toBe(422);
    expect(fieldValue(refused.html, 's0-value')).toBe('約40人');
    expect(fieldValue(refused.html, 'a-text')).toBe('転入が増えた');
    expect(await actual(store().db, 'women-25-34-net-migration')).toBeUndefined();
    expect((await reviewsOf(store().db, PLAN, R5)).get('women-25-34-net-migration')).toBeUndefined();
  });

  it('refuses 約4000件 with a hint to enter the number alone, keeping the text as typed', async () => {
    await seedStaff(store());
    const shoko = new StaffClient(testApp(store()));
    await shoko.login('shoko');
    for (const typed of ['約4000件', '4000件以上', '延べ4,000件', '４０００件程度']) {
      const res = await submitForm(shoko, 'furusato-donations', { 's0-value': typed });
      expect(res.status).toBe(422);
      expect(fieldValue(res.html, 's0-value')).toBe(typed);
      expect(text(res.html)).toMatch(
        /数値だけを入力してください（例: [\d,]+）。「.+」のような概数・延べ・見込みなどの場合は/,
      );
      expect(res.html).toContain('<a href="#s0-value">');
    }
    const english = await shoko.get(`${kpiPath('furusato-donations')}?lang=en`);
    const inEnglish = await submitForm(shoko, 'furusato-donations', { 's0-value': '約4000件' }, english.html);
    expect(text(inEnglish.html)).toContain('Enter the number alone (for example 4000).');
    expect(await actual(store().db, 'furusato-donations')).toBeUndefined();
    expect(await auditRows(store())).toHaveLength(1);
  });

  it('takes a missing value’s reason from the list, never from the figure field', async () => {
    await seedStaff(store());
    const kodomo = new StaffClient(testApp(store()));
    await kodomo.login('kodomo');
    const page = (await kodomo.get(kpiPath('births'))).html;
    expect(selected(page, 's0-reason')).toBe('');
    for (const reason of ['未取得', '集計中', '報告する値なし（—）']) expect(text(page)).toContain(reason);

    const typedReason = await submitForm(kodomo, 'births', { 's0-value': '未取得' });
    expect(typedReason.status).toBe(422);
    expect(text(typedReason.html)).toContain('「値がない場合の理由」の一覧から選んでください。');
    const word = await submitForm(kodomo, 'births', { 's0-value': 'コロナ影響' });
    expect(word.status).toBe(422);
    expect(fieldValue(word.html, 's0-value')).toBe('コロナ影響');
    const both = await submitForm(kodomo, 'births', { 's0-value': '330', 's0-reason': '集計中' });
    expect(both.status).toBe(422);
    expect(text(both.html)).toContain('どちらか一方にしてください。');
    expect(selected(both.html, 's0-reason')).toBe('集計中');
    const forged = await submitForm(kodomo, 'births', { 's0-reason': 'コロナ影響' });
    expect(forged.status).toBe(422);
    expect(text(forged.html)).toContain('選択肢から選んでください。');
    expect(await actual(store().db, 'births')).toBeUndefined();

    const chosen = await submitForm(kodomo, 'births', { 's0-reason': '集計中' });
    expect(chosen.status).toBe(200);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'missing', reason: '集計中' });
    expect(selected(chosen.html, 's0-reason')).toBe('集計中');
    expect(fieldValue(chosen.html, 's0-value')).toBe('');
    const none = await submitForm(kodomo, 'births', { 's0-reason': 'none' }, chosen.html);
    expect(none.status).toBe(200);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'none' });
    const value = await submitForm(kodomo, 'births', { 's0-value': '330', 's0-reason': '' }, none.html);
    expect(value.status).toBe(200);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'value', value: '330' });
  });

  it('keeps a reason an earlier release stored as free text when an unrelated change is saved', async () => {
    const FREE_REASON = 'コロナ影響により未集計';
    await seedStaff(store());
    const kodomo = new StaffClient(testApp(store()));
    await kodomo.login('kodomo');
    expect((await submitForm(kodomo, 'births', { 's0-reason': '集計中' })).status).toBe(200);
    // As the previous release's forms saved free text in a figure's place.
    const births = store()
      .db.select({ id: t.series.id })
      .from(t.series)
      .innerJoin(t.kpis, eq(t.series.kpiId, t.kpis.id))
      .where(and(eq(t.kpis.key, 'births'), eq(t.series.position, 0)));
    await store()
      .db.update(t.observations)
      .set({ reason: FREE_REASON })
      .where(and(inArray(t.observations.seriesId, births), eq(t.observations.fiscalYear, R5)));

    const page = (await kodomo.get(kpiPath('births'))).html;
    expect(selected(page, 's0-reason')).toBe(FREE_REASON);
    expect(text(page)).toContain(`${FREE_REASON}（以前の記録のまま）`);
    const english = (await kodomo.get(`${kpiPath('births')}?lang=en`)).html;
    expect(text(english)).toContain(`${FREE_REASON} (kept as recorded)`);
    await kodomo.get(`${kpiPath('births')}?lang=ja`);

    const assessed = await submitForm(kodomo, 'births', { 'a-text': '減少傾向' }, page);
    expect(assessed.status).toBe(200);
    expect(fieldValue(assessed.html, 'a-text')).toBe('減少傾向');
    expect(await actual(store().db, 'births')).toEqual({ kind: 'missing', reason: FREE_REASON });
    // A change to the same series's state saves the reason as it was stored.
    const provisional = await submitForm(kodomo, 'births', { 's0-state': 'provisional' }, assessed.html);
    expect(provisional.status).toBe(200);
    expect(selected(provisional.html, 's0-state')).toBe('provisional');
    expect(await actual(store().db, 'births')).toEqual({ kind: 'missing', reason: FREE_REASON });

    // Only the stored text is taken back: other free text is still no choice.
    const other = await submitForm(kodomo, 'births', { 's0-reason': 'コロナ影響' }, provisional.html);
    expect(other.status).toBe(422);
    expect(text(other.html)).toContain('選択肢から選んでください。');
    expect(await actual(store().db, 'births')).toEqual({ kind: 'missing', reason: FREE_REASON });

    // Once a reason from the list replaces it, the old text is gone and cannot be posted back.
    const chosen = await submitForm(kodomo, 'births', { 's0-reason': '未取得' }, provisional.html);
    expect(chosen.status).toBe(200);
    expect(text(chosen.html)).not.toContain('以前の記録のまま');
    const back = await submitForm(kodomo, 'births', { 's0-reason': FREE_REASON }, chosen.html);
    expect(back.status).toBe(422);
    expect(await actual(store().db, 'births')).toEqual({ kind: 'missing', reason: '未取得' });
  });

  it('saves a negative or fractional count, or a far jump, only once it is confirmed', async () => {
    await seedStaff(store());
    const shoko = new StaffClient(testApp(store()));
    await shoko.login('shoko');
    const negative = await submitForm(shoko, 'furusato-donations', { 's0-value': '△5' });
    expect(negative.status).toBe(422);
    expect(text(negative.html)).toContain('数（単位：件）がマイナス（-5件）になっています。');
    expect(fieldValue(negative.html, 's0-value')).toBe('△5');
    expect(negative.html).toMatch(/<input type="checkbox" id="s0-confirm" name="s0-confirm" value="-5"/);
    expect(await actual(store().db, 'furusato-donations')).toBeUndefined();

    // A box ticked for another value confirms nothing.
    const other = await submitForm(
      shoko,
      'furusato-donations',
      { 's0-value': '-6', 's0-confirm': '-5' },
      negative.html,
    );
    expect(other.status).toBe(422);
    expect(await actual(store().db, 'furusato-donations')).toBeUndefined();

    const confirmed = await submitForm(shoko, 'furusato-donations', { 's0-confirm': '-5' }, negative.html);
    expect(confirmed.status).toBe(200);
    expect(await actual(store().db, 'furusato-donations')).toEqual({ kind: 'value', value: '-5' });

    const fraction = await submitForm(shoko, 'furusato-donations', { 's0-value': '7300.5' }, confirmed.html);
    expect(fraction.status).toBe(422);
    expect(text(fraction.html)).toContain('数（単位：件）に小数（7,300.5件）があります。');

    // 3,908 → 6,128 → 7,295: a step of 2,220 at most, so 40,000 stands out; 7,500 does not.
    const jump = await submitForm(shoko, 'furusato-donations', { 's0-value': '40000' }, confirmed.html);
    expect(jump.status).toBe(422);
    expect(text(jump.html)).toContain(
      '前回の値（7,295件）からの変化が、これまでの最大の変化（2,220件）を大きく超えています。',
    );
    const ordinary = await submitForm(shoko, 'furusato-donations', { 's0-value': '7500' }, confirmed.html);
    expect(ordinary.status).toBe(200);
    expect(await actual(store().db, 'furusato-donations')).toEqual({ kind: 'value', value: '7500' });
  });
});
