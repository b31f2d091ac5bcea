import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { formatRate } from '../../src/core/format.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { scoreCell } from '../../src/render/score-cells.ts';
import { publishEdition, withdrawEdition } from '../../src/store/editions.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { kitamotoPlan, kitamotoR5Partial } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { KITAMOTO, pinPublicationTimes, setPublicationTime, testApp } from '../support/web.ts';
import type { Store } from '../../src/store/connect.ts';

const page = async (app: ReturnType<typeof testApp>, url: string, init?: RequestInit) => {
  const res = await app.request(url, init);
  return { status: res.status, html: await res.text(), headers: res.headers };
};

/** What a reader sees: tags removed, entities read, spaces folded. */
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

/** The rows of the table labelled by a heading: each row's cells as text. */
function tableRows(html: string, headingId: string): string[][] {
  const start = html.indexOf(`<table class="`, html.indexOf(`id="${headingId}"`));
  const table = html.slice(start, html.indexOf('</table>', start));
  const body = table.slice(table.indexOf('<tbody>'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      text(cell[1] ?? '').trim(),
    ),
  );
}

/**
 * Kitamoto published for R4 (edition 1), R5 (edition 1, with R5's partial figures), then R4 corrected
 * (edition 2: ふるさと納税 7,300件). R5's edition froze the plan before the correction.
 */
async function publishedTwoYears(store: Store): Promise<void> {
  await importPlan(store.db, kitamotoR5Partial());
  await publishEdition(store.db, { plan: KITAMOTO, year: 2022, errata: null }, null);
  await publishEdition(store.db, { plan: KITAMOTO, year: 2023, errata: null }, null);
  await saveObservation(
    store.db,
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
  await publishEdition(store.db, { plan: KITAMOTO, year: 2022, errata: 'ふるさと納税寄附件数を訂正' }, null);
  await pinPublicationTimes(store);
  await setPublicationTime(store, 2, new Date('2023-08-01T01:00:00Z'));
}

/** The evaluations the public pages must agree with: each year's latest edition, from its frozen plan. */
function expectedEvaluations(): { r4: Evaluation; r4first: Evaluation; r5: Evaluation } {
  const corrected = kitamotoR5Partial();
  const kpis = new Map(corrected.kpis);
  const furusato = kpis.get('furusato-donations');
  if (!furusato) throw new Error('no furusato-donations');
  kpis.set('furusato-donations', {
    ...furusato,
    series: furusato.series.map((s) => ({
      ...s,
      actuals: new Map([...s.actuals, [2022, { kind: 'value', value: '7300' as DecimalString }]]),
    })),
  });
  return {
    r4: evaluate({ ...corrected, kpis }, 2022),
    r4first: evaluate(kitamotoR5Partial(), 2022),
    r5: evaluate(kitamotoR5Partial(), 2023),
  };
}

const tallyText = (t: { rate: DecimalString | null; achieved: number; evaluated: number }) =>
  t.rate === null ? '—' : `${formatRate(t.rate)}（${t.achieved}／${t.evaluated}指標）`;

describeStores('across years', (store) => {
  it('charts the overall and goal rates over the published years, with a table equal to each year’s evaluation', async () => {
    await publishedTwoYears(store());
    const overview = await page(testApp(store()), `/plans/${KITAMOTO}`);
    expect(overview.status).toBe(200);
    const { r4, r5 } = expectedEvaluations();
    expect(overview.html).toContain('<h2 id="trend-heading">年度ごとの達成率の推移</h2>');
    expect(overview.html).toMatch(
      /<svg class="chart-wide" role="img" aria-label="年度ごとの達成率の推移のグラフ" aria-describedby="chart-\d+-caption"/,
    );
    expect(overview.html).not.toMatch(/\sstyle=/);
    const rows = tableRows(overview.html, 'trend-table-heading');
    const r = messagesFor('ja');
    expect(rows[0]).toEqual(['全体', tallyText(r4.overall), tallyText(r5.overall)]);
    r5.goals.forEach((goal, i) => {
      const before = r4.goals.find((g) => g.id === goal.id);
      if (!before) throw new Error(goal.id);
      expect(rows[i + 1]).toEqual([
        `${r.goalLabel(goal.kind, goal.number)} ${goal.title}`,
        tallyText(before),
        tallyText(goal),
      ]);
    });
    // Each year links to its page; the caption says the same in words.
    expect(overview.html).toContain(`<a href="/plans/${KITAMOTO}/R4">R4</a>`);
    expect(overview.html).toContain(`<a href="/plans/${KITAMOTO}/R5">R5</a>（表示中）`);
    expect(text(overview.html)).toContain(
      `全体：R4 ${formatRate(r4.overall.rate)}、R5 ${formatRate(r5.overall.rate)}`,
    );
    expect(overview.html).toContain(`href="/plans/${KITAMOTO}/compare"`);
  });

  it('says there is no trend yet for a plan published for one year', async () => {
    await importPlan(store().db, kitamotoPlan());
    await publishEdition(store().db, { plan: KITAMOTO, year: 2022, errata: null }, null);
    const overview = await page(testApp(store()), `/plans/${KITAMOTO}/R4`);
    expect(overview.status).toBe(200);
    expect(overview.html).toContain('公表した年度が一つのため、推移のグラフはまだありません。');
    expect(tableRows(overview.html, 'trend-table-heading')[0]).toEqual(['全体', '26.7%（4／15指標）']);
    const compare = await page(testApp(store()), `/plans/${KITAMOTO}/compare`);
    expect(compare.status).toBe(200);
    expect(compare.html).toContain('公表している版が一つだけのため、比較できません。');
    // Even with nothing to compare, an English page names the plan by its English title.
    const english = await page(testApp(store()), `/plans/${KITAMOTO}/compare?lang=en`);
    expect(text(english.html)).toContain("Kitamoto City's 2nd Comprehensive Strategy");
    expect(text(english.html)).not.toContain('第2期北本市');
  });

  it('shows a KPI in every published year, each figure equal to that year’s evaluation', async () => {
    await publishedTwoYears(store());
    const { r4, r5 } = expectedEvaluations();
    const r = messagesFor('ja');
    for (const id of ['furusato-donations', 'healthy-life-expectancy-65', 'births']) {
      const kpi = await page(testApp(store()), `/plans/${KITAMOTO}/R4/kpis/${id}`);
      expect(kpi.status, id).toBe(200);
      const rows = tableRows(kpi.html, 'kpi-years-heading');
      expect(rows).toHaveLength(2);
      [r4, r5].forEach((evaluation, i) => {
        const result = evaluation.kpis.find((k) => k.id === id);
        if (!result) throw new Error(id);
        const row = rows[i] ?? [];
        expect(row[0]).toContain(evaluation === r4 ? '令和4年度' : '令和5年度');
        expect(row[1]).toBe(evaluation === r4 ? '第2版' : '第1版');
        expect(row[3]?.replace(/\s/g, '')).toBe(
          scoreCell(result, evaluation, r).lines.join('').replace(/\s/g, ''),
        );
        expect(row[4]).toBe(r.status(result.status));
      });
    }
    const furusato = tableRows(
      (await page(testApp(store()), `/plans/${KITAMOTO}/R5/kpis/furusato-donations`)).html,
      'kpi-years-heading',
    );
    expect(furusato[0]?.[2]).toBe('7,300件');
    expect(furusato[1]?.[2]).toBe('8,100件');
    expect(furusato[1]?.[0]).toBe('令和5年度 （表示中）');
  });

  it('compares two years: per KPI and per goal, what changed, equal to the evaluations', async () => {
    await publishedTwoYears(store());
    const app = testApp(store());
    const compare = await page(app, `/plans/${KITAMOTO}/compare?from=R4&to=R5`);
    expect(compare.status).toBe(200);
    const { r4, r5 } = expectedEvaluations();
    const rates = tableRows(compare.html, 'compare-rates-heading');
    expect(rates[0]).toEqual([
      '全体',
      '▲ 改善',
      tallyText(r4.overall),
      tallyText(r5.overall),
      '+23.3ポイント',
    ]);
    const kpis = tableRows(compare.html, 'compare-kpis-heading');
    const byName = new Map(kpis.map((row) => [row[0], row]));
    // ふるさと納税: 7,300 → 8,100, achieved in R5 (target 8,000): improved.
    const furusato = byName.get(r5.kpis.find((k) => k.id === 'furusato-donations')?.name);
    expect(furusato?.[2]).toBe('7,300件');
    expect(furusato?.[5]).toBe('8,100件');
    expect(furusato?.[7]).toBe('達成');
    expect(furusato?.[1]).toBe('▲ 改善');
    // 出生数 325 → 310 (an increase KPI): worsened. 健康寿命: 未取得 in both: unchanged.
    expect(byName.get(r5.kpis.find((k) => k.id === 'births')?.name)?.[1]).toBe('▼ 悪化');
    // A KPI evaluated in R4 and not entered for R5 is no longer evaluated.
    expect(byName.get(r5.kpis.find((k) => k.id === 'net-product-per-worker')?.name)?.[1]).toBe(
      '− 評価なしに',
    );
    expect(compare.html).toContain('class="change change-improved"');
    expect(compare.html).toContain('class="change change-worsened"');
    expect(kpis).toHaveLength(r5.kpis.length);
    // The selects keep the choice, so the form shows what is compared.
    expect(compare.html).toMatch(/<option value="R4" selected="">令和4年度（最新の第2版）<\/option>/);
    expect(compare.html).toMatch(/<option value="R5" selected="">/);
    expect(compare.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(compare.headers.get('ETag')).toBeTruthy();
  });

  it('compares two editions of one year: only the corrected KPI changed', async () => {
    await publishedTwoYears(store());
    const compare = await page(testApp(store()), `/plans/${KITAMOTO}/compare?from=R4-1&to=R4-2`);
    expect(compare.status).toBe(200);
    const { r4, r4first } = expectedEvaluations();
    const kpis = tableRows(compare.html, 'compare-kpis-heading');
    const changed = kpis.filter((row) => row[1] !== '＝ 変化なし');
    expect(changed.map((row) => row[0])).toEqual([r4.kpis.find((k) => k.id === 'furusato-donations')?.name]);
    expect(changed[0]?.[2]).toBe('7,295件');
    expect(changed[0]?.[5]).toBe('7,300件');
    expect(changed[0]?.[1]).toBe('▲ 改善');
    const rates = tableRows(compare.html, 'compare-rates-heading');
    expect(rates[0]).toEqual([
      '全体',
      '＝ 変化なし',
      tallyText(r4first.overall),
      tallyText(r4.overall),
      '±0ポイント',
    ]);
  });

  it('uses the latest two years when nothing is chosen, and works in English', async () => {
    await publishedTwoYears(store());
    const compare = await page(testApp(store()), `/plans/${KITAMOTO}/compare?lang=en`);
    expect(compare.status).toBe(200);
    expect(compare.html).toContain('<html lang="en">');
    expect(text(compare.html)).toContain('FY2022 (R4), edition 2 → FY2023 (R5), edition 1');
    expect(text(compare.html)).toContain('Improved');
    expect(compare.html).not.toMatch(/比較元|改善|評価なしに/);
  });

  it('answers hostile choices with a message naming the field, never a 500', async () => {
    await publishedTwoYears(store());
    const app = testApp(store());
    const cases: [string, number, string][] = [
      ['from=R4&to=R4', 400, '比較元と比較先に同じ版が選ばれています。'],
      ['from=R4-2&to=R4', 400, '比較元と比較先に同じ版が選ばれています。'],
      ['from=R9&to=R5', 400, '比較元の令和9年度の実施報告は公表されていません。'],
      ['from=R4-7&to=R5', 400, '比較元の令和4年度に第7版はありません。'],
      ['from=R4&to=abc', 400, '比較先の「abc」は年度として読めません。'],
      [`from=${'9'.repeat(10_000)}&to=R5`, 400, '比較元の指定が長すぎます（40文字まで）。'],
      [`from=R4&to=${encodeURIComponent('R5\u0000')}`, 400, '比較先の「R5」は年度として読めません。'],
      [`from=${encodeURIComponent('\u0007R4')}&to=R5`, 400, '比較元の「R4」は年度として読めません。'],
      [
        `from=${encodeURIComponent('<script>')}&to=R5`,
        400,
        '比較元の「&lt;script&gt;」は年度として読めません。',
      ],
      [`from=${encodeURIComponent('R４')}&to=${encodeURIComponent('令和５年度')}`, 200, ''],
      [`from=${encodeURIComponent('Ｒ４－１')}&to=R5`, 200, ''],
      ['from=&to=', 200, ''],
      ['from=R4&from=R3&to=R5', 200, ''],
    ];
    for (const [query, status, message] of cases) {
      const answer = await page(app, `/plans/${KITAMOTO}/compare?${query}`);
      expect(answer.status, query.slice(0, 60)).toBe(status);
      if (message) {
        expect(answer.html, query.slice(0, 60)).toContain(message);
        expect(answer.html).toContain('role="alert"');
        // The form is there to choose again.
        expect(answer.html).toContain('<select id="compare-from" name="from">');
      }
    }
    const english = await page(app, `/plans/${KITAMOTO}/compare?from=R4&to=R4&lang=en`);
    expect(english.status).toBe(400);
    expect(english.html).toContain('From and To are the same edition.');
    expect((await page(app, '/plans/no-such-plan/compare')).status).toBe(404);
    expect((await page(app, `/plans/${'x'.repeat(10_000)}/compare`)).status).toBe(404);
  });

  it('reads full-width choices as the same editions', async () => {
    await publishedTwoYears(store());
    const app = testApp(store());
    const plain = await page(app, `/plans/${KITAMOTO}/compare?from=R4-1&to=R5`);
    const wide = await page(
      app,
      `/plans/${KITAMOTO}/compare?from=${encodeURIComponent('Ｒ４－１')}&to=${encodeURIComponent('令和５年度')}`,
    );
    expect(tableRows(wide.html, 'compare-kpis-heading')).toEqual(
      tableRows(plain.html, 'compare-kpis-heading'),
    );
    expect(wide.html).toMatch(/<option value="R4-1" selected="">/);
  });

  it('shows a withdrawn edition nowhere across years', async () => {
    await publishedTwoYears(store());
    await withdrawEdition(store().db, { plan: KITAMOTO, year: 2023, number: 1, reason: '誤りのため' }, null);
    const app = testApp(store());
    const overview = await page(app, `/plans/${KITAMOTO}/R4`);
    expect(overview.html).not.toContain(`href="/plans/${KITAMOTO}/R5"`);
    expect(overview.html).toContain('公表した年度が一つのため');
    const compare = await page(app, `/plans/${KITAMOTO}/compare?from=R4-1&to=R5`);
    expect(compare.status).toBe(400);
    expect(compare.html).toContain('比較先の令和5年度の実施報告は公表されていません。');
  });
});
