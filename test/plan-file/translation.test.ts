import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/plan-file/problem.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import type { Plan } from '../../src/core/plan.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';

/** The plan a text reads as, which these tests' texts always have. */
const planOf = (text: string): Plan => {
  const { plan } = readPlanText(text);
  if (!plan) throw new Error('the plan did not read');
  return plan;
};

const PLAN = `plan:
  title: みどり町総合戦略
  municipality: みどり町
  period: {from: R4, to: R7}
  en: {title: Midori Town Strategy}
goals:
  - id: B1
    kind: basic
    number: 1
    title: しごとをつくる
    en: {title: Create jobs}
    kpis:
      - id: startups
        name: 創業件数
        category: [成果, 比較]
        unit: 件
        en:
          name: Number of start-ups
          unit: start-ups
          category: [Outcome, Comparable]
          assessment:
            R4: {status: on track, text: Support continues}
        baseline: 10
        target: 30
        actuals: {R4: 20}
        assessment:
          R4: {status: 順調, text: 支援を続ける}
      - id: rate
        name: 満足度
        series:
          - {label: 男性, unit: '%', baseline: 50, target: 60, actuals: {R4: 55}, en: {label: Men}}
          - {label: 女性, unit: '%', baseline: 50, target: 60, actuals: {R4: 58}}
`;

const errorsOf = (text: string) => readPlanText(text).problems.filter((p) => p.severity === 'error');
const placed = (text: string) => errorsOf(text).map((p) => formatProblem('plan.yaml', p));

describe('English texts in the plan file (en:)', () => {
  it('reads every en: object into the plan’s translation, keyed by its ids', () => {
    const { plan, problems } = readPlanText(PLAN);
    expect(problems).toEqual([]);
    const t = plan?.translation;
    expect(t?.title).toBe('Midori Town Strategy');
    expect(t?.municipality).toBeNull();
    expect(t?.goals.get('B1')).toEqual({ title: 'Create jobs' });
    const kpi = t?.kpis.get('startups');
    expect(kpi).toMatchObject({
      name: 'Number of start-ups',
      unit: 'start-ups',
      category: ['Outcome', 'Comparable'],
    });
    expect(kpi?.assessments.get(2022)).toEqual({ status: 'on track', text: 'Support continues' });
    expect(t?.kpis.get('rate')?.series).toEqual([{ label: 'Men', unit: null }, null]);
  });

  it('writes the translations back where they were, so export → import → export is byte-identical', () => {
    const first = planToYaml(planOf(PLAN));
    expect(first).toContain('  en:\n    title: Midori Town Strategy\n');
    expect(first).toContain('    en:\n      title: Create jobs\n');
    expect(first).toContain('          assessment:\n            R4:\n              status: on track\n');
    expect(first).toContain('en: { label: Men } }');
    const second = planToYaml(planOf(first));
    expect(second).toBe(first);
    expect(readPlanText(first).plan?.translation).toEqual(readPlanText(PLAN).plan?.translation);
  });

  it('keeps the Kitamoto example’s translation through a round trip', () => {
    const plan = kitamotoPlan();
    expect(plan.translation?.kpis.get('births')?.name).toBe('Number of births');
    const yaml = planToYaml(plan);
    expect(readPlanText(yaml).plan?.translation).toEqual(plan.translation);
  });

  it('gives a plan without en: no translation and writes none', () => {
    const plain = PLAN.replace(/^ *en:.*\n(?: {10}.*\n)*/gm, '').replace(/, en: \{label: Men\}/, '');
    const { plan, problems } = readPlanText(plain);
    expect(problems).toEqual([]);
    expect(plan?.translation).toBeUndefined();
    expect(planToYaml(planOf(plain))).not.toContain('en:');
  });

  it('places an English text that has no Japanese text to translate', () => {
    const text = PLAN.replace(
      '        name: 満足度\n',
      '        name: 満足度\n        en: {unit: percent}\n',
    );
    expect(placed(text)).toEqual([
      expect.stringMatching(
        /^plan\.yaml:30:20: error: There is an English unit here but no Japanese unit beside it to translate\./,
      ),
    ]);
    const status = PLAN.replace('R4: {status: 順調, text: 支援を続ける}', 'R4: 支援を続ける');
    expect(placed(status)[0]).toMatch(/^plan\.yaml:22:26: error: There is an English status here/);
    const year = PLAN.replace('            R4: {status: on track', '            R5: {status: on track');
    expect(placed(year)[0]).toMatch(/^plan\.yaml:22:17: error: There is an English assessment here/);
  });

  it('wants one English category tag for each Japanese one', () => {
    const text = PLAN.replace('category: [Outcome, Comparable]', 'category: [Outcome]');
    expect(placed(text)).toEqual([
      expect.stringMatching(
        /^plan\.yaml:20:21: error: The English category has 1 tag; the Japanese one has 2\./,
      ),
    ]);
  });

  it('holds English texts to the text-field rule, at their place', () => {
    const long = PLAN.replace('name: Number of start-ups', `name: ${'x'.repeat(201)}`);
    const [tooLong] = errorsOf(long);
    expect(tooLong).toMatchObject({ code: 'text-too-long', position: { line: 18, column: 17 } });
    const nul = PLAN.replace('title: Create jobs', 'title: "Create\\0jobs"');
    const [control] = errorsOf(nul);
    expect(control).toMatchObject({ code: 'text-character', path: ['goals', 0, 'en', 'title'] });
    const empty = PLAN.replace('{title: Create jobs}', '{title: ""}');
    expect(errorsOf(empty)[0]?.path).toEqual(['goals', 0, 'en', 'title']);
    const unknown = PLAN.replace('en: {title: Create jobs}', 'en: {titel: Create jobs}');
    expect(errorsOf(unknown)[0]).toMatchObject({ code: 'unknown-key' });
  });

  it('allows an empty English unit (倍 of a ratio reads as the bare number)', () => {
    const text = PLAN.replace('unit: start-ups', 'unit: ""');
    expect(errorsOf(text)).toEqual([]);
  });
});
