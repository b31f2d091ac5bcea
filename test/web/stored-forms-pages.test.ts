import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';

/** What a reader sees of a page: tags removed, spaces folded. */
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const MIDORI: Plan = { ...loadExamplePlan(join(ROOT, 'examples/methods/targets.yaml')), id: 'midori' };
const CHIBA = loadExamplePlan(join(ROOT, 'examples/chiba/bounds.yaml'));

describeStores('public pages of a stored plan with targets written as published', (store) => {
  const shown = async (url: string) => {
    const res = await testApp(store()).request(url);
    expect(res.status).toBe(200);
    return text(await res.text());
  };

  it('print bound and worded targets, bound actuals, printed baselines, 評価なし and hand grades', async () => {
    await importPlan(store().db, MIDORI);
    await publishEdition(store().db, { plan: 'midori', year: 2023, errata: null }, null);
    expect(await shown('/plans/midori/R5/kpis/satisfaction')).toContain('目標値 93%超（R8）');
    const survey = await shown('/plans/midori/R5/kpis/survey-rate');
    expect(survey).toContain('R5 75%以上');
    expect(survey).toContain('目標値 75%以上（R8）');
    expect(await shown('/plans/midori/R5/kpis/volunteers')).toContain('目標値 増加（R8）');
    expect(await shown('/plans/midori/R5/kpis/accidents')).toContain('現状値 平均111件(H22~26)');
    expect(await shown('/plans/midori/R5/kpis/exchange')).toContain('目標値 評価なし');
    const graded = await shown('/plans/midori/R5/kpis/consultation');
    expect(graded).toContain('B（担当課の判断）');
    expect(graded).toContain('窓口を増設したが利用は伸びていない');
  });

  it('print the Chiba table’s labels as published (「1万7187人超」, 「1万8740人」)', async () => {
    await importPlan(store().db, CHIBA);
    const slug = CHIBA.id as string;
    await publishEdition(store().db, { plan: slug, year: 2022, errata: null }, null);
    const social = await shown(`/plans/${slug}/R4/kpis/social-increase`);
    expect(social).toContain('目標値 1万7187人超（R6）');
    expect(social).toContain('R4 1万8740人');
    const ratio = await shown(`/plans/${slug}/R4/kpis/expressway-ratio`);
    expect(ratio).toContain('目標値 93%超（R6）');
    expect(ratio).toContain('評価 未達成');
  });

  it('keep the forms in the open data', async () => {
    await importPlan(store().db, MIDORI);
    await publishEdition(store().db, { plan: 'midori', year: 2023, errata: null }, null);
    const res = await testApp(store()).request('/plans/midori/R5/data.csv');
    expect(res.status).toBe(200);
    const [header = '', ...rows] = (await res.text()).split(/\r?\n/);
    expect(header).toMatch(/,目標値の表記,実績値の表記$/);
    expect(rows.find((r) => r.includes(',survey-rate,') && r.includes('令和5年度'))).toMatch(/,以上,以上$/);
    expect(rows.find((r) => r.includes(',volunteers,'))).toMatch(/,増加,$/);
    expect(rows.find((r) => r.includes(',accidents,'))).toContain(',111,H22～H26平均,100,');
  });
});
