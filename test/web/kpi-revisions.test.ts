import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, fieldValue, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const SETTINGS = `/staff/plans/${PLAN}/kpis/births/settings`;
const NOTE = '子育て支援策の拡充に合わせて上方修正';

/** The births settings form as the page fills it, with the changes given. */
function birthsForm(html: string, changes: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of ['name', 'unit', 't0-value', 't0-year', 'b0-value', 'b0-year']) {
    fields[name] = fieldValue(html, name) ?? '';
  }
  fields.department =
    /<select[^>]*name="department"[\s\S]*?<option value="([^"]*)" selected/.exec(html)?.[1] ?? '';
  fields.from = /<select[^>]*name="from"[\s\S]*?<option value="([^"]*)" selected/.exec(html)?.[1] ?? '';
  fields.note = '';
  return { ...fields, ...changes };
}

describeStores('revising a target on the KPI settings page', (store) => {
  it('records the change from a year with its reason, shows the history, and keeps earlier years as they were', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    const page = await office.get(SETTINGS);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('まだ見直しはありません。');
    // The change applies from the year being collected (R5) unless another is chosen.
    expect(birthsForm(page.html, {}).from).toBe('2023');
    expect(fieldValue(page.html, 't0-value')).toBe('380');
    expect(fieldValue(page.html, 'b0-value')).toBe('340');

    const noReason = await office.post(SETTINGS, birthsForm(page.html, { 't0-value': '390' }));
    expect(noReason.status).toBe(422);
    expect(text(noReason.html)).toContain('見直しの理由');
    expect(fieldValue(noReason.html, 't0-value')).toBe('390');
    expect((await loadStoredPlan(store().db, PLAN)).kpis.get('births')?.series[0]?.revisions).toEqual([]);

    const saved = await office.post(SETTINGS, birthsForm(page.html, { 't0-value': '390', note: NOTE }));
    expect(saved.status).toBe(200);
    const history = text(saved.html);
    expect(history).toContain('保存しました。');
    expect(history).toContain('当初（計画策定時） 380人（R7） 340人');
    expect(history).toContain(`令和5年度から 390人（R7） 変更なし ${NOTE}`);
    expect(fieldValue(saved.html, 't0-value')).toBe('390');
    const births = (await loadStoredPlan(store().db, PLAN)).kpis.get('births')?.series[0];
    expect(births?.target).toEqual({ value: '380', year: 2025 });
    expect(births?.revisions).toEqual([
      { from: 2023, target: { value: '390', year: 2025 }, baseline: null, note: NOTE },
    ]);
    expect((await auditRows(store())).filter((r) => r.action === 'kpi.revise').map((r) => r.field)).toEqual([
      'target',
      'revision-note',
    ]);
    // Saving the same form again changes nothing and needs no reason.
    const again = await office.post(SETTINGS, birthsForm(saved.html, {}));
    expect(text(again.html)).toContain('変更はありませんでした。');

    // R4, published again after the change, keeps its target and its −37.5%; R5 uses 390 and says so.
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'births',
        series: 0,
        year: 2023,
        entry: { kind: 'value', value: '345' as DecimalString },
        state: 'final',
        expectedVersion: 0,
      },
      null,
    );
    await publishEdition(store().db, { plan: PLAN, year: 2023, errata: null, reason: 'テスト' }, null);
    const visitor = new StaffClient(app);
    const r4 = text((await visitor.get(`/plans/${PLAN}/R4/kpis/births`)).html);
    expect(r4).toContain('-37.5%');
    expect(r4).not.toContain('上方修正');
    const r5 = text((await visitor.get(`/plans/${PLAN}/R5/kpis/births`)).html);
    expect(r5).toContain('10.0%');
    expect(r5).toContain('※目標値を上方修正（390人、令和5年度から）');
    expect(r5).toContain(`※目標値を上方修正（390人、令和5年度から）。理由：${NOTE}`);
    const r5en = text((await visitor.get(`/plans/${PLAN}/R5/kpis/births?lang=en`)).html);
    expect(r5en).toContain(`* Target raised to 390 births from R5. Reason: ${NOTE}`);
  });

  it('refuses a revision that would turn the KPI around, or remove the baseline, beside the field', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    const page = await office.get(SETTINGS);
    const turned = await office.post(
      SETTINGS,
      birthsForm(page.html, { 't0-value': '300', note: '下方修正' }),
    );
    expect(turned.status).toBe(422);
    expect(text(turned.html)).toContain('向き（増やす／減らす）が変わってしまいます');
    const removed = await office.post(SETTINGS, birthsForm(page.html, { 'b0-value': '', note: '見直し' }));
    expect(removed.status).toBe(422);
    expect(text(removed.html)).toContain('現状値は空欄にできません');
    const forged = await office.post(
      SETTINGS,
      birthsForm(page.html, { 't0-value': '390', note: '見直し', from: '2030' }),
    );
    expect(forged.status).toBe(422);
    expect(text(forged.html)).toContain('選択肢から選んでください');
    expect((await loadStoredPlan(store().db, PLAN)).kpis.get('births')?.series[0]?.revisions).toEqual([]);
  });
});
