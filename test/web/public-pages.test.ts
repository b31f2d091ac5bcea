import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { Plan } from '../../src/core/plan.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { saveAssessment, saveObservation } from '../../src/store/figures.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { expectGolden } from '../support/golden.ts';
import { kitamotoPlan, loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import {
  KITAMOTO,
  pinPublicationTimes,
  publishedKitamoto,
  setPublicationTime,
  testApp,
} from '../support/web.ts';
import { join } from 'node:path';

const page = async (app: ReturnType<typeof testApp>, url: string, init?: RequestInit) => {
  const res = await app.request(url, init);
  return { status: res.status, html: await res.text() };
};

/** The text of an element's content, tags removed: what a reader sees. */
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describeStores('public pages', (store, engine) => {
  it('lists only plans with a published edition', async () => {
    await publishedKitamoto(store());
    const pace: Plan = {
      ...loadExamplePlan(join(ROOT, 'examples/methods/pace.yaml')),
      id: 'unpublished-plan',
    };
    await importPlan(store().db, pace);
    const app = testApp(store());
    const list = await page(app, '/');
    expect(list.status).toBe(200);
    expect(list.html).toContain(`href="/plans/${KITAMOTO}"`);
    expect(list.html).toContain('第2期北本市まち・ひと・しごと創生総合戦略');
    expect(list.html).not.toContain('unpublished-plan');
    expect((await page(app, '/plans/unpublished-plan')).status).toBe(404);
  });

  it('shows the overall rate and each goal’s rate of the latest published year', async () => {
    await publishedKitamoto(store());
    const overview = await page(testApp(store()), `/plans/${KITAMOTO}`);
    expect(overview.status).toBe(200);
    expect(overview.html).toContain('<h2 id="overall-heading">全体の達成率</h2>');
    expect(overview.html).toMatch(
      /aria-describedby="formula-1">26\.7%<\/span><span class="formula" role="tooltip" id="formula-1">4 \/ 15 = 26\.7%/,
    );
    expect(text(overview.html)).toContain('評価した15指標のうち、4指標が目標を達成しました。');
    expect(overview.html).toContain(`href="/plans/${KITAMOTO}/R4/goals/B1"`);
    expect(overview.html).toContain(`href="/plans/${KITAMOTO}/R4/report.pdf"`);
    expect(overview.html).toContain(`href="/plans/${KITAMOTO}/R4/data.csv"`);
    expect(text(overview.html)).toContain('令和4年度 （表示中）');
  });

  it('renders a goal page with the seed’s table and the assessments', async () => {
    await publishedKitamoto(store());
    const goal = await page(testApp(store()), `/plans/${KITAMOTO}/R4/goals/B1`);
    expect(goal.status).toBe(200);
    const header = [...goal.html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(header).toEqual(['数値目標', '区分', '現状値', '目標値', 'R3', 'R4', '目標進捗率']);
    expect(goal.html).toContain('(385.9 − 431.5) / (438.3 − 431.5) = −670.6%');
    expect(goal.html).toContain('就業者一人当たり市内純生産については、未達成の状況');
    expect(goal.html).toContain('新型コロナウイルス感染症の影響により現状値から悪化');
    // One tag a line, so a change shows as a readable diff; asset versions change with every style edit.
    const golden = goal.html.replace(/>(?=<)/g, '>\n').replace(/\?v=[0-9a-f]{12}/g, '?v=VERSION');
    if (engine === 'pglite') expectGolden('web/goal-kitamoto-r4-b1-ja.html', golden);
  });

  it('renders a KPI page with its chart, data table and assessment', async () => {
    await publishedKitamoto(store());
    const kpi = await page(testApp(store()), `/plans/${KITAMOTO}/R4/kpis/furusato-donations`);
    expect(kpi.status).toBe(200);
    expect(kpi.html).toMatch(
      /<svg role="img" aria-labelledby="kpi-heading" aria-describedby="chart-1-caption"/,
    );
    // The app's policy forbids inline styles, so the chart carries none.
    expect(kpi.html).not.toMatch(/\sstyle=/);
    expect(kpi.html).not.toContain('<style');
    expect(text(kpi.html)).toContain('R4 7,295件');
    expect(text(kpi.html)).toContain('8,000件（R7）');
    expect(kpi.html).toContain('ふるさと納税ポータルサイトの充実やPR広報の実施により、毎年増加傾向');
    expect(kpi.html).toContain('(7,295 − 3,908) / (8,000 − 3,908) = 82.8%');
  });

  it('never shows a year that is not published, nor figures entered after publication', async () => {
    await publishedKitamoto(store());
    const edit = { plan: KITAMOTO, kpi: 'furusato-donations', series: 0, state: 'final' as const };
    await saveObservation(
      store().db,
      { ...edit, year: 2023, entry: { kind: 'value', value: '9000' as DecimalString }, expectedVersion: 0 },
      null,
    );
    await saveObservation(
      store().db,
      { ...edit, year: 2022, entry: { kind: 'value', value: '1' as DecimalString }, expectedVersion: 1 },
      null,
    );
    const app = testApp(store());
    for (const url of [
      `/plans/${KITAMOTO}/R5`,
      `/plans/${KITAMOTO}/R5/goals/B2`,
      `/plans/${KITAMOTO}/R3`,
      `/plans/${KITAMOTO}/R5/data.csv`,
      `/api/plans/${KITAMOTO}/R5`,
    ]) {
      expect((await page(app, url)).status, url).toBe(404);
    }
    const r4 = await page(app, `/plans/${KITAMOTO}/R4/kpis/furusato-donations`);
    expect(text(r4.html)).toContain('R4 7,295件');
    expect(text(r4.html)).not.toContain('9,000件');
  });

  it('shows a correction as a new edition with its errata, and the older edition on request', async () => {
    await publishedKitamoto(store());
    await saveObservation(
      store().db,
      {
        plan: KITAMOTO,
        kpi: 'furusato-donations',
        series: 0,
        year: 2022,
        entry: { kind: 'value', value: '7300' as DecimalString },
        state: 'final',
        expectedVersion: 1,
      },
      null,
    );
    await publishEdition(
      store().db,
      { plan: KITAMOTO, year: 2022, errata: 'ふるさと納税寄附件数を訂正' },
      null,
    );
    await pinPublicationTimes(store());
    await setPublicationTime(store(), 2, new Date('2023-08-01T01:00:00Z'));
    const app = testApp(store());
    const latest = await page(app, `/plans/${KITAMOTO}/R4/kpis/furusato-donations`);
    expect(text(latest.html)).toContain('R4 7,300件');
    expect(text(latest.html)).toContain('訂正内容： ふるさと納税寄附件数を訂正');
    expect(text(latest.html)).toContain('第2版・2023年8月1日公表');
    const first = await page(app, `/plans/${KITAMOTO}/R4/kpis/furusato-donations?edition=1`);
    expect(text(first.html)).toContain('R4 7,295件');
    expect(text(first.html)).toContain('この画面は第1版（訂正前）です。最新は第2版です。');
    expect(first.html).toContain(`href="/plans/${KITAMOTO}/R4/goals/B2?edition=1"`);
    expect(first.html).toContain(`<a href="/plans/${KITAMOTO}/R4/kpis/furusato-donations">最新版を見る</a>`);
    for (const edition of ['3', 'abc', '01']) {
      expect((await page(app, `/plans/${KITAMOTO}/R4?edition=${edition}`)).status).toBe(404);
    }
  });

  it('shows plan text as text: a <script> in an assessment or a name is never markup', async () => {
    const seed = kitamotoPlan();
    const kpis = new Map(seed.kpis);
    const births = kpis.get('births');
    if (!births) throw new Error('the seed has no births KPI');
    kpis.set('births', { ...births, name: '<img src=x onerror=alert(2)>出生数' });
    await importPlan(store().db, { ...seed, kpis });
    await saveAssessment(
      store().db,
      {
        plan: KITAMOTO,
        kpi: 'births',
        year: 2022,
        status: null,
        text: '<script>alert(1)</script>',
        expectedVersion: 1,
      },
      null,
    );
    await publishEdition(store().db, { plan: KITAMOTO, year: 2022, errata: null }, null);
    const app = testApp(store());
    for (const url of [`/plans/${KITAMOTO}/R4/goals/B3`, `/plans/${KITAMOTO}/R4/kpis/births`]) {
      const { html } = await page(app, url);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
      expect(html).not.toContain('<img');
    }
  });

  it('speaks English when asked', async () => {
    await publishedKitamoto(store());
    const { html } = await page(testApp(store()), `/plans/${KITAMOTO}/R4/goals/B1?lang=en`);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<th scope="col">KPI</th>');
    expect(html).toContain('<th scope="col">Progress</th>');
    expect(text(html)).toContain('Implementation status, FY2022 (R4)');
  });
});
