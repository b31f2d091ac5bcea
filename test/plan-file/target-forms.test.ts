import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { formatProblem, type Problem } from '../../src/plan-file/problem.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { describePlanProblem } from '../../src/plan-file/problem-en.ts';
import { jaPlanFileProblem } from '../../src/web/i18n/staff-plan-file-words-ja.ts';
import { ROOT } from '../support/kitamoto.ts';

/** The value, which the test has just made sure of; a failure names what was missing. */
function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

const EXAMPLES = ['methods/targets.yaml', 'chiba/bounds.yaml', 'chiba-general-plan/plan.yaml'].map((p) =>
  join(ROOT, 'examples', p),
);

/** A one-KPI plan; the KPI's figure lines start on line 13. */
const plan = (figures: string) =>
  `plan:
  title: テスト戦略
  municipality: テスト市
  period: {from: R4, to: R7}
goals:
  - id: B1
    kind: basic
    number: 1
    title: 目標
    kpis:
      - id: k1
        name: 指標
${figures}`;

const errors = (text: string): Problem[] => readPlanText(text).problems.filter((p) => p.severity === 'error');

describe('targets as bounds and words, 評価なし, hand grades and printed labels in the plan file', () => {
  it.each(EXAMPLES)('keeps every form through export → import, byte for byte (%s)', (path) => {
    const first = readPlanText(readFileSync(path, 'utf8'));
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const written = planToYaml(must(first.plan));
    const again = readPlanText(written);
    expect(again.problems).toEqual([]);
    expect(again.plan).toEqual(first.plan);
    expect(planToYaml(must(again.plan))).toBe(written);
    // And the evaluation of what was written back is the evaluation of the original.
    expect(evaluate(must(again.plan), 2023)).toEqual(evaluate(must(first.plan), 2023));
  });

  it('reads each form into the strict target', () => {
    const read = readPlanText(
      plan(`        unit: 人
        baseline: 平均111人(H22~26)
        target: {value: 100, bound: at-most, label: 100人以下}
        actuals: {R4: {value: 98, bound: at-most, state: provisional}}
      - id: k2
        name: 言葉
        baseline: 50
        target: 維持
        direction: decrease
      - id: k3
        name: なし
        target: null
        assessment:
          R4: {text: 文, judgement: {grade: A, reason: 理由}}
`),
    );
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const k1 = read.plan?.kpis.get('k1')?.series[0];
    expect(k1?.baseline).toEqual({
      value: '111',
      span: { from: 2010, to: 2014, qualifier: '平均' },
      label: '平均111人(H22~26)',
    });
    expect(k1?.target).toEqual({ value: '100', year: 2025, bound: 'at-most', label: '100人以下' });
    expect(k1?.direction).toBe('decrease');
    expect(k1?.actuals.get(2022)).toEqual({ kind: 'value', value: '98', bound: 'at-most' });
    expect(k1?.provisional.has(2022)).toBe(true);
    const k2 = read.plan?.kpis.get('k2')?.series[0];
    expect(k2?.target).toEqual({ value: '50', year: 2025, word: '維持', bound: 'at-most' });
    const k3 = read.plan?.kpis.get('k3');
    expect(k3?.series[0]?.target.none).toBe(true);
    expect(k3?.assessments.get(2022)?.judgement).toEqual({ grade: 'A', reason: '理由', achieved: null });
  });

  it('explains each mistake with file:line:column, in English and Japanese', () => {
    const cases: [string, RegExp][] = [
      [
        '        baseline: 10\n        target: {value: 20, word: 増加}\n',
        /^plan\.yaml:14:17: error: The target of KPI 「k1」 must be exactly one of/,
      ],
      ['        target: 増加\n', /^plan\.yaml:13:17: error: The target of KPI 「k1」 is the word 「増加」/],
      [
        '        baseline: 10\n        target: {value: 20, bound: at-most}\n        direction: increase\n',
        /^plan\.yaml:15:20: error: direction is increase, but the target 「at-most」/,
      ],
      [
        '        baseline: 10\n        target: 20\n        assessment:\n          R4: {text: 文, judgement: {grade: A, reason: 理由}}\n',
        /^plan\.yaml:16:\d+: error: KPI 「k1」 has a numeric target/,
      ],
      [
        '        target: 20\n        direction: increase\n        actuals: {R4: {value: 未取得, bound: at-least}}\n',
        /^plan\.yaml:15:\d+: error: A bound or printed label is given for a year with no figure/,
      ],
      ['        target: {value: 20, bound: above}\n', /^plan\.yaml:13:\d+: error: /],
    ];
    for (const [figures, expected] of cases) {
      const found = errors(plan(figures));
      expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
      const problem = found[0] as Problem;
      expect(formatProblem('plan.yaml', problem)).toMatch(expected);
      expect(describePlanProblem(problem.detail).message).not.toMatch(/undefined/);
      expect(jaPlanFileProblem(problem.detail)).toMatch(/[ぁ-ん]/);
    }
  });

  it('still refuses 約 and a bound written into the figure itself', () => {
    expect(errors(plan('        target: 約4000\n        direction: increase\n'))[0]?.detail).toMatchObject({
      code: 'figure',
      problem: { code: 'qualified', qualifier: '約' },
    });
    expect(
      errors(plan('        target: 20\n        direction: increase\n        actuals: {R4: 75%以上}\n'))[0]
        ?.detail,
    ).toMatchObject({ code: 'figure', problem: { code: 'qualified', qualifier: '以上' } });
  });

  it('flags no target met at baseline for a word, and nothing missing for a KPI without a numeric target', () => {
    const read = readPlanText(readFileSync(EXAMPLES[0] as string, 'utf8'));
    const codes = evaluate(must(read.plan), 2023).kpis.map((k) => [k.id, k.diagnostics.map((d) => d.code)]);
    for (const [id, found] of codes) {
      expect(found, String(id)).not.toContain('target-met-at-baseline');
      expect(found, String(id)).not.toContain('missing-baseline');
    }
  });

  it('writes a plan that uses none of the forms exactly as before', () => {
    const text = readFileSync(join(ROOT, 'examples', 'kitamoto', 'plan.yaml'), 'utf8');
    const written = planToYaml(must(readPlanText(text).plan));
    expect(written).not.toMatch(/bound:|word:|judgement:|target: null|none:/);
  });
});
