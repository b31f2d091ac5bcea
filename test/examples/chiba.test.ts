import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { evaluationCsv } from '../../src/render/evaluation-csv.ts';
import { evaluationJson } from '../../src/render/evaluation-json.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { goalTable, summaryTable } from '../../src/render/report-model.ts';
import { kitamotoR4, loadExamplePlan, ROOT } from '../support/kitamoto.ts';

/** The value, which the test has just made sure of; a failure names what was missing. */
function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/**
 * 千葉県 第2期地方創生総合戦略, 2022年度 (examples/chiba/bounds.yaml, from 日刊建設タイムズ's report of the
 * 2023年度推進会議): the targets 「1万7187人超」 and 「93%超」 and the figures in 万 notation as printed.
 * The article prints 進展 / 進展せず, not 達成; what it says of achievement — 人口の社会増 now above the
 * 2019 figure it must exceed, the 整備率 still at 93% — is what the bound targets give.
 */
const plan = loadExamplePlan(join(ROOT, 'examples', 'chiba', 'bounds.yaml'));
const R4 = 2022;
const evaluation = evaluate(plan, R4);
const ja = messagesFor('ja');

describe('千葉県: bound targets and 万 notation as a newspaper summary prints them', () => {
  it('reads the printed figures exactly', () => {
    const social = plan.kpis.get('social-increase')?.series[0];
    expect(social?.target).toMatchObject({ value: '17187', bound: 'more-than', label: '1万7187人超' });
    expect(social?.actuals.get(2021)).toMatchObject({ value: '18225' });
    expect(social?.actuals.get(R4)).toMatchObject({ value: '18740' });
  });

  it('meets 「1万7187人超」 with 1万8740人, and not 「93%超」 with 93%', () => {
    const status = Object.fromEntries(evaluation.kpis.map((k) => [k.id, k.status]));
    expect(status).toEqual({
      'social-increase': 'achieved',
      'plant-sites': 'not_achieved',
      'vacant-facilities': 'achieved',
      'expressway-ratio': 'not_achieved',
    });
    // 1万7187 is both the 2019 figure and the bound, so there is no gap to measure progress against.
    expect(evaluation.kpis[0]?.series[0]?.noScore).toBe('target-equals-baseline');
  });

  it('prints the targets and actuals as published in the goal table and the summary', () => {
    const goal = must(evaluation.goals[0]);
    const rows = goalTable(goal, evaluation, ja).rows.map((r) => r.cells.map((c) => c.lines.join('/')));
    // 数値目標, 区分, 現状値, 目標値, R3, R4, 目標進捗率
    expect(rows[0]?.slice(3, 6)).toEqual(['1万7187人超', '1万8225人', '1万8740人']);
    expect(rows[3]?.slice(3, 6)).toEqual(['93%超', '93%', '93%']);
    expect(summaryTable(evaluation, ja).rows[0]?.statuses).toEqual(['達成', '未達成', '達成', '未達成']);
  });

  it('words the bound in English without the Japanese label', () => {
    const en = messagesFor('en');
    const rows = goalTable(must(evaluation.goals[0]), evaluation, en).rows.map((r) =>
      r.cells[3]?.lines.join('/'),
    );
    expect(rows).toEqual(['more than 17,187人', '300件', '53件', 'more than 93%']);
  });

  it('adds JSON keys and CSV columns only for the plan that uses the forms', () => {
    const json = JSON.stringify(evaluationJson(evaluation, ja));
    expect(json).toContain('"targetBound":"more-than"');
    expect(json).toContain('"targetText":"93%超"');
    expect(json).toContain('"actualLabel":"1万8740人"');
    const seed = JSON.stringify(evaluationJson(kitamotoR4(), ja));
    expect(seed).not.toMatch(/targetBound|targetWord|targetLabel|actualBound|unscored|judgement|noTarget/);
    expect(evaluationCsv(evaluation).split('\n')[0]).toContain('target_bound');
    expect(evaluationCsv(kitamotoR4()).split('\n')[0]).not.toContain('target_bound');
  });
});
