import { expect, it } from 'vitest';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { fieldValue, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const kpiPath = (kpi: string, year = 'R5') => `/staff/plans/${PLAN}/${year}/kpis/${kpi}`;

/** The form as the page serves it, with some fields changed: what a browser would send. */
async function submitForm(browser: StaffClient, kpi: string, changes: Record<string, string>) {
  const page = (await browser.get(kpiPath(kpi))).html;
  const names = [...page.matchAll(/name="((?:s\d+|a)-[a-z-]+)"/g)].map((m) => m[1] ?? '');
  const fields: Record<string, string> = {};
  for (const name of names) {
    const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(page)?.[1];
    fields[name] =
      fieldValue(page, name) ?? (select && /<option value="([^"]*)" selected/.exec(select)?.[1]) ?? '';
  }
  return browser.post(kpiPath(kpi), { ...fields, ...changes });
}

const births = async (store: Parameters<typeof loadStoredPlan>[0]) =>
  (await loadStoredPlan(store, PLAN)).kpis.get('births')?.series[0]?.actuals.get(2023);

describeStores('the entry form refuses what core refuses, worded in Japanese from its code', (store) => {
  it('refuses 約340人 with the number alone as the hint, and stores nothing', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const res = await submitForm(browser, 'births', { 's0-value': '約340人' });
    expect(res.status).toBe(422);
    expect(fieldValue(res.html, 's0-value')).toBe('約340人');
    expect(text(res.html)).toContain(
      '数値だけを入力してください（例: 340）。「約」のような概数・延べ・見込みなどの場合は、その旨を評価の文章に書いてください。',
    );
    expect(await births(store().db)).toBeUndefined();
  });

  it('refuses free text where a figure belongs, in Japanese, and stores nothing', async () => {
    await seedStaff(store());
    const browser = new StaffClient(testApp(store()));
    await browser.login('kodomo');
    const res = await submitForm(browser, 'births', { 's0-value': 'コロナ影響' });
    expect(res.status).toBe(422);
    expect(fieldValue(res.html, 's0-value')).toBe('コロナ影響');
    expect(text(res.html)).toContain('入力内容に問題があるため、何も保存していません。');
    expect(text(res.html)).not.toMatch(/ (is|was|has) not /);
    expect(await births(store().db)).toBeUndefined();
  });
});
