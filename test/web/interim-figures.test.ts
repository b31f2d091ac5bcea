import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { IdSource } from '../../src/render/html/ids.ts';
import { ProgressFigures } from '../../src/web/components/score-figures.tsx';
import { ShortfallFact } from '../../src/web/components/interim-facts.tsx';
import { KpiResults } from '../../src/web/routes/staff/kpi-results.tsx';
import { kitamotoR4, loadExamplePlan, ROOT } from '../support/kitamoto.ts';

const example = (name: string, year: number) => evaluate(loadExamplePlan(join(ROOT, 'examples', name)), year);
const kpi = (e: Evaluation, id: string) => {
  const found = e.kpis.find((k) => k.id === id);
  if (!found) throw new Error(`no KPI ${id}`);
  return found;
};

describe('the KPI pages’ figures under the interim, latest-data and shortfall settings', () => {
  const nagano = example('nagano/plan.yaml', 2017);

  it('names the year judged under the score, in the reader’s language', () => {
    const productivity = kpi(nagano, 'productivity');
    const ja = String(
      ProgressFigures({ kpi: productivity, ids: new IdSource(), lang: 'ja', evaluation: nagano }),
    );
    expect(ja).toContain('-320.0%');
    expect(ja).toContain('直近値（H27）');
    expect(ja).toContain('(7,612 − 8,012) / (8,137 − 8,012) = −320.0%');
    const en = String(
      ProgressFigures({ kpi: productivity, ids: new IdSource(), lang: 'en', evaluation: nagano }),
    );
    expect(en).toContain('latest figure (H27)');
    expect(en).not.toContain('直近値');
    // Pages without the evaluation at hand still name it, from the KPI's own columns.
    expect(String(ProgressFigures({ kpi: productivity, ids: new IdSource(), lang: 'ja' }))).toContain(
      '直近値（H27）',
    );
    expect(
      String(ProgressFigures({ kpi: kpi(nagano, 'fertility'), ids: new IdSource(), lang: 'ja' })),
    ).not.toContain('直近値');
  });

  it('says plainly where a year has no interim target', () => {
    const text = readFileSync(join(ROOT, 'examples/saitama/plan.yaml'), 'utf8').replace(
      'actuals: {H28: 32369}',
      'actuals: {H28: 32369, H29: 33000}',
    );
    const plan = readPlanText(text).plan;
    if (!plan) throw new Error('the plan reads');
    const e = evaluate(plan, 2017); // H29: an actual, but the article gives the 16年度 targets only
    const html = String(
      ProgressFigures({ kpi: kpi(e, 'nursing-homes'), ids: new IdSource(), lang: 'ja', evaluation: e }),
    );
    expect(html).toContain('H29の年度目標なし');
  });

  it('shows 目標との差 with its unit and formula, and nothing for a plan without it', () => {
    const sano = example('sano/plan.yaml', 2015);
    const html = String(
      ShortfallFact({
        kpi: kpi(sano, 'evacuation-sites'),
        evaluation: sano,
        lang: 'ja',
        ids: new IdSource(),
      }),
    );
    expect(html).toContain('<dt>目標との差</dt>');
    expect(html).toContain('17.1ポイント');
    expect(html).toContain('75.0 − 57.9 = 17.1');
    const seed = kitamotoR4();
    const first = seed.kpis[0];
    if (!first) throw new Error('the seed has KPIs');
    expect(ShortfallFact({ kpi: first, evaluation: seed, lang: 'ja', ids: new IdSource() })).toBeNull();
  });

  it('the staff results name the interim basis in the heading', () => {
    const html = String(KpiResults({ lang: 'ja', evaluation: nagano, kpi: kpi(nagano, 'transit') }));
    expect(html).toContain('計画進捗率（年度目標比）');
    expect(html).toContain('直近値（H28）');
    expect(html).toContain('<dt>年度目標</dt>');
    expect(html).toContain('H28の年度目標：49.3回/人');
  });
});
