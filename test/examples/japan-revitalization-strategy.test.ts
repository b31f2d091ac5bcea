import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { goalTable, summaryTable } from '../../src/render/report-model.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';

/**
 * 日本再興戦略 参考資料2 「KPIの進捗状況について」 (examples/japan-revitalization-strategy/plan.yaml): the
 * office grades each KPI A (ahead of the elapsed share of its period), B (behind), F (the measure itself is
 * the KPI, no numeric target) or N (no data yet). Only the legend and row No.1 could be read: 設備投資
 * 64.9兆円 (2012年度) → 69.4兆円 (2014年度) against 約70兆円 by 2015年度 is printed A, and the legend's own F
 * example, 電力システム改革, has no numeric target.
 */
const PATH = join(ROOT, 'examples', 'japan-revitalization-strategy', 'plan.yaml');
const plan = loadExamplePlan(PATH);
const H26 = 2014;
const evaluation = evaluate(plan, H26);
const ja = messagesFor('ja');

function kpi(id: string) {
  const found = evaluation.kpis.find((k) => k.id === id);
  if (found === undefined) throw new Error(`KPI ${id} is missing`);
  return found;
}

describe('日本再興戦略: A/B by the elapsed share of the period, F as the office grade', () => {
  it('reads the printed figures of row No.1 exactly', () => {
    const series = plan.kpis.get('capital-investment')?.series[0];
    expect(series?.baseline).toMatchObject({ value: '64.9' });
    expect(series?.target).toMatchObject({ value: '70' });
    expect(series?.actuals.get(2013)).toMatchObject({ value: '68.2' });
    expect(series?.actuals.get(H26)).toMatchObject({ value: '69.4' });
  });

  it('grades 設備投資 A as published: 88.2% of the gap with 2 of 3 years gone', () => {
    const capital = kpi('capital-investment');
    // (69.4 − 64.9) / (70 − 64.9) = 88.235…%, against 2/3 of the period: 132.4% of the pace.
    expect(capital.score).toBe('132.4');
    expect(capital.grade).toBe('A');
    // A is about pace, not the target: 69.4 is still short of 70.
    expect(capital.status).toBe('not_achieved');
  });

  it('would grade B a figure behind the elapsed share (not published: the boundary of A)', () => {
    const text = readFileSync(PATH, 'utf8').replace('H26: 69.4', 'H26: 67.0');
    const { plan: behind } = readPlanText(text);
    if (behind === undefined || behind === null) throw new Error('the changed plan did not read');
    // (67.0 − 64.9) / 5.1 = 41.2% of the gap, against 2/3 of the period: 61.8% of the pace.
    const capital = evaluate(behind, H26).kpis.find((k) => k.id === 'capital-investment');
    expect(capital?.score).toBe('61.8');
    expect(capital?.grade).toBe('B');
  });

  it('prints the F KPI as the office grade, out of the rate, with 評価なし as its target', () => {
    const reform = kpi('electricity-system-reform');
    expect(reform.status).toBe('not_evaluated');
    expect(reform.grade).toBe('F');
    const goal = evaluation.goals[0];
    if (goal === undefined) throw new Error('goal is missing');
    const rows = goalTable(goal, evaluation, ja).rows.map((r) => r.cells.map((c) => c.lines.join('/')));
    expect(rows[1]?.[3]).toBe('評価なし');
    expect(rows[1]?.at(-1)).toBe('F（担当課の判断）');
    expect(rows[0]?.at(-1)).toBe('A');
    expect(summaryTable(evaluation, ja).rows[0]?.statuses).toEqual(['未達成', '評価なし']);
    expect(goal).toMatchObject({ achieved: 0, evaluated: 1, notEvaluated: 1 });
  });
});
