import { expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { JAPANESE_ONLY } from '../../src/render/plan-text.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { KITAMOTO, publishedKitamoto, testApp } from '../support/web.ts';

const page = async (app: ReturnType<typeof testApp>, url: string) => (await app.request(url)).text();

describeStores('the plan’s texts on the English pages', (store) => {
  it('shows the plan’s English on every public page, and the Japanese pages as before', async () => {
    await publishedKitamoto(store());
    const app = testApp(store());
    const list = await page(app, '/?lang=en');
    expect(list).toContain('2nd Comprehensive Strategy for Vitalizing Towns, People and Jobs');
    expect(list).not.toContain(JAPANESE_ONLY);
    const overview = await page(app, `/plans/${KITAMOTO}/R4?lang=en`);
    expect(overview).toContain('Basic goal 1: Create industries that earn and stable employment');
    expect(overview).not.toContain(JAPANESE_ONLY);
    const kpi = await page(app, `/plans/${KITAMOTO}/R4/kpis/births?lang=en`);
    expect(kpi).toContain('Number of births');
    expect(kpi).toContain('325 births');
    expect(kpi).not.toContain('出生数');
    const japanese = await page(app, `/plans/${KITAMOTO}/R4/kpis/births`);
    expect(japanese).toContain('出生数');
    expect(japanese).not.toContain('Number of births');
  });

  it('marks each text a plan gives no English for, and says how many there are', async () => {
    const plain: Plan = { ...kitamotoPlan() };
    delete (plain as { translation?: unknown }).translation;
    await importPlan(store().db, plain);
    await publishEdition(store().db, { plan: KITAMOTO, year: 2022, errata: null }, null);
    const app = testApp(store());
    const list = await page(app, '/?lang=en');
    expect(list).toContain(
      `<span lang="ja">第2期北本市まち・ひと・しごと創生総合戦略</span> ${JAPANESE_ONLY}`,
    );
    const overview = await page(app, `/plans/${KITAMOTO}/R4?lang=en`);
    expect(overview).toContain(`Basic goal 1: 稼ぐ産業と安定した雇用を創出する ${JAPANESE_ONLY}`);
    expect(overview).toContain(
      `60 texts of this plan have no English translation and are shown in Japanese, marked ${JAPANESE_ONLY}.`,
    );
    const kpi = await page(app, `/plans/${KITAMOTO}/R4/kpis/births?lang=en`);
    expect(kpi).toContain(`出生数 ${JAPANESE_ONLY}`);
  });
});
