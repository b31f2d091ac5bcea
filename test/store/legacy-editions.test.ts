import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Kpi, Plan } from '../../src/core/plan.ts';
import { formatProblem, type Problem } from '../../src/plan-file/problem.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import type { Store } from '../../src/store/connect.ts';
import { editionPlan, publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan, planIdOf } from '../../src/store/plan-repository.ts';
import * as t from '../../src/store/schema.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';

/**
 * What an earlier release stored and the current rules refuse in a file: a reason not on the list, a
 * qualified figure kept as a reason (the old reader took any text as one), and a KPI name past today's
 * 200-character limit. Reading them back must never fail.
 */
const FREE_REASON = 'コロナ影響により未集計';
const QUALIFIED_REASON = '約4000件';
const LONG_NAME = `観光入込客数（${'市内主要観光施設及び行祭事における'.repeat(20)}`.slice(0, 300);

const PLAN = 'legacy-plan';
const YEAR = 2023;

/** The ratio example with the legacy values in year R5, as the plan model has always been able to hold them. */
function legacyPlan(): Plan {
  const plan = loadExamplePlan(join(ROOT, 'examples/methods/ratio.yaml'));
  const withActual = (kpi: Kpi, reason: string, name = kpi.name): Kpi => ({
    ...kpi,
    name,
    series: kpi.series.map((s) => ({
      ...s,
      actuals: new Map([...s.actuals, [YEAR, { kind: 'missing', reason }]]),
    })),
  });
  const kpis = new Map(plan.kpis);
  const visitors = kpis.get('visitors');
  const waste = kpis.get('waste');
  if (!visitors || !waste) throw new Error('the ratio example changed');
  kpis.set('visitors', withActual(visitors, FREE_REASON, LONG_NAME));
  kpis.set('waste', withActual(waste, QUALIFIED_REASON));
  return { ...plan, id: PLAN, kpis };
}

/** An edition row as an earlier release wrote it: the plan file it froze, straight into the table. */
async function insertOldEdition(store: Store): Promise<void> {
  await importPlan(store.db, { ...loadExamplePlan(join(ROOT, 'examples/methods/ratio.yaml')), id: PLAN });
  await store.db.insert(t.editions).values({
    planId: await planIdOf(store.db, PLAN),
    fiscalYear: YEAR,
    number: 1,
    planYaml: planToYaml(legacyPlan()),
  });
}

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

it('refuses the legacy values in a file, and reads them as stored content', () => {
  const { plan, problems } = readPlanText(planToYaml(legacyPlan()));
  expect(plan).toBeNull();
  expect(problems.map((p) => p.code)).toContain('text-too-long');
  const named = { ...legacyPlan(), kpis: new Map(legacyPlan().kpis) };
  const visitors = named.kpis.get('visitors');
  if (visitors) named.kpis.set('visitors', { ...visitors, name: '観光入込客数' });
  const reasons = readPlanText(planToYaml(named)).problems;
  expect(reasons.map((p) => [p.code, p.message])).toEqual([
    ['bad-number', expect.stringContaining(FREE_REASON)],
    ['bad-number', expect.stringContaining(QUALIFIED_REASON)],
  ]);
  const stored = readPlanText(planToYaml(legacyPlan()), { origin: 'stored' });
  expect(stored.problems.filter((p) => p.severity === 'error')).toEqual([]);
  // Only rules added later are set aside: a stored text that is not a plan is still refused.
  expect(readPlanText('plan: {title: x}\n', { origin: 'stored' }).plan).toBeNull();
});

describeStores('editions frozen by an earlier release', (store) => {
  it('read back with their legacy reasons and long name kept as stored', async () => {
    await insertOldEdition(store());
    const frozen = await editionPlan(store().db, PLAN, YEAR);
    const visitors = frozen?.plan.kpis.get('visitors');
    expect(visitors?.name).toBe(LONG_NAME);
    expect(visitors?.series[0]?.actuals.get(YEAR)).toEqual({ kind: 'missing', reason: FREE_REASON });
    expect(frozen?.plan.kpis.get('waste')?.series[0]?.actuals.get(YEAR)).toEqual({
      kind: 'missing',
      reason: QUALIFIED_REASON,
    });
  });

  it('answer their public pages and downloads with the text as stored', async () => {
    await insertOldEdition(store());
    const app = testApp(store());
    const base = `/plans/${PLAN}/R5`;
    // The year's page shows rates, not KPIs: it must answer, where it answered 500 before.
    const year = await app.request(base);
    expect(year.status).toBe(200);
    expect(text(await year.text())).toContain('実績値がないため評価していません');
    for (const path of [`${base}/goals/G1`, `${base}/kpis/visitors`]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const shown = text(await res.text());
      expect(shown, path).toContain(LONG_NAME);
      expect(shown, path).toContain(FREE_REASON);
    }
    const waste = await app.request(`${base}/kpis/waste`);
    expect(waste.status).toBe(200);
    expect(text(await waste.text())).toContain(QUALIFIED_REASON);

    const html = await app.request(`${base}/report.html`);
    expect(html.status).toBe(200);
    const report = text(await html.text());
    expect(report).toContain(FREE_REASON);
    expect(report).toContain(QUALIFIED_REASON);

    const xlsx = await app.request(`${base}/report.xlsx`);
    expect(xlsx.status).toBe(200);
    const zip = await JSZip.loadAsync(await xlsx.arrayBuffer());
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith('xl/') && name.endsWith('.xml'))
        .map((name) => zip.file(name)?.async('string') ?? ''),
    );
    const cells = parts.join('\n');
    expect(cells).toContain(FREE_REASON);
    expect(cells).toContain(QUALIFIED_REASON);
    expect(cells).toContain(LONG_NAME);
  }, 120_000);
});

describeStores('observations stored by an earlier release', (store) => {
  it('load, evaluate and publish with a legacy reason, and the edition reads back', async () => {
    await importPlan(store().db, { ...loadExamplePlan(join(ROOT, 'examples/methods/ratio.yaml')), id: PLAN });
    const [series] = await store()
      .db.select({ id: t.series.id })
      .from(t.series)
      .innerJoin(t.kpis, eq(t.series.kpiId, t.kpis.id))
      .where(and(eq(t.kpis.key, 'visitors'), eq(t.series.position, 0)));
    if (!series) throw new Error('no series for visitors');
    // As the previous release's forms and workbooks saved free text in a figure's place.
    await store()
      .db.update(t.observations)
      .set({ kind: 'missing', value: null, reason: FREE_REASON })
      .where(and(eq(t.observations.seriesId, series.id), eq(t.observations.fiscalYear, YEAR)));

    const plan = await loadStoredPlan(store().db, PLAN);
    expect(plan.kpis.get('visitors')?.series[0]?.actuals.get(YEAR)).toEqual({
      kind: 'missing',
      reason: FREE_REASON,
    });
    const evaluation = evaluate(plan, YEAR);
    expect(JSON.stringify(evaluation)).toContain(FREE_REASON);

    // Exported, it is a file again: validate names the place and the reasons to choose from.
    const exported = readPlanText(planToYaml(plan));
    expect(exported.plan).toBeNull();
    const [problem] = exported.problems;
    expect(exported.problems).toHaveLength(1);
    expect(formatProblem('plan.yaml', problem as Problem)).toMatch(
      new RegExp(`^plan\\.yaml:\\d+:\\d+: error: 「${FREE_REASON}」 is neither a number nor a reason`),
    );
    expect(problem?.hint).toContain('未取得, 集計中');

    await publishEdition(store().db, { plan: PLAN, year: YEAR, errata: null }, null);
    const frozen = await editionPlan(store().db, PLAN, YEAR);
    expect(frozen?.plan.kpis.get('visitors')?.series[0]?.actuals.get(YEAR)).toEqual({
      kind: 'missing',
      reason: FREE_REASON,
    });
    const page = await testApp(store()).request(`/plans/${PLAN}/R5/kpis/visitors`);
    expect(page.status).toBe(200);
    expect(text(await page.text())).toContain(FREE_REASON);
  });
});
