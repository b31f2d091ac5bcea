import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/plan-file/problem.ts';
import { readPlanText } from '../../src/plan-file/read.ts';

/**
 * A valid plan; each test changes one part of it. The evaluation block starts on line 5, the first
 * goal on the line after it, and the first KPI's lines follow `kpis:` on the goal's sixth line.
 */
const plan = ({
  evaluation = '',
  kpis = `      - id: k1
        name: 指標
        baseline: 1
        target: 2
`,
  goals = '',
} = {}) => `plan:
  title: テスト戦略
  municipality: テスト市
  period: {from: R4, to: R7}
${evaluation}goals:
  - id: B1
    kind: basic
    number: 1
    title: 目標
    kpis:
${kpis}${goals}`;

const problems = (text: string, severity: Problem['severity'] = 'error') =>
  readPlanText(text).problems.filter((p) => p.severity === severity);
const where = (p: Problem) => ({
  code: p.code,
  path: p.path.join('.'),
  line: p.position?.line,
  detail: p.detail,
});

describe('ids are unique', () => {
  it('refuses a goal id used twice, at the second goal’s id', () => {
    const text = plan({
      goals: `  - id: B1
    kind: basic
    number: 2
    title: 目標2
    kpis:
      - ref: k1
`,
    });
    expect(problems(text).map(where)).toEqual([
      { code: 'duplicate-id', path: 'goals.1.id', line: 15, detail: { code: 'goal-id-twice', id: 'B1' } },
    ]);
  });

  it('refuses a KPI defined twice at its second id, and does not report that definition again as a listing', () => {
    const text = plan({
      kpis: `      - id: k1
        name: 指標
        baseline: 1
        target: 2
      - id: k1
        name: 別の指標
        baseline: 3
        target: 4
`,
    });
    expect(problems(text).map(where)).toEqual([
      {
        code: 'duplicate-id',
        path: 'goals.0.kpis.1.id',
        line: 15,
        detail: { code: 'kpi-id-twice', id: 'k1' },
      },
    ]);
  });

  it('keeps the first definition and lists a KPI defined under one goal and referred to from another', () => {
    const read = readPlanText(
      plan({
        goals: `  - id: B2
    kind: basic
    number: 2
    title: 目標2
    kpis:
      - ref: k1
`,
      }),
    );
    expect(read.problems).toEqual([]);
    expect(read.plan?.goals.map((g) => [g.id, g.kpiIds])).toEqual([
      ['B1', ['k1']],
      ['B2', ['k1']],
    ]);
    expect(read.plan?.kpis.get('k1')?.goalId).toBe('B1');
  });
});

describe('interim targets', () => {
  const interim = '  evaluation:\n    against: interim\n';

  it('warns, at the KPI, when a plan judged against interim targets has a series without any', () => {
    const text = plan({ evaluation: interim });
    expect(problems(text)).toEqual([]);
    expect(problems(text, 'warning').map(where)).toEqual([
      {
        code: 'no-interim-targets',
        path: 'goals.0.kpis.0',
        line: 13,
        detail: { code: 'no-interim-targets', name: '指標' },
      },
    ]);
  });

  it('does not warn where every series has one, nor where the plan judges against the final target', () => {
    const withMilestones = plan({
      evaluation: interim,
      kpis: '      - id: k1\n        name: 指標\n        baseline: 1\n        target: 2\n        milestones: {R5: 1.5}\n',
    });
    expect(problems(withMilestones, 'warning')).toEqual([]);
    expect(problems(plan(), 'warning')).toEqual([]);
  });
});

describe('settings editions', () => {
  const editions = (list: string) => plan({ evaluation: `  evaluation:\n    editions:\n${list}` });

  it('takes editions in the order of their years, each with what it changes', () => {
    const read = readPlanText(
      editions(
        '      - {from: R5, rounding: {mode: truncate, places: 0}}\n      - from: R6\n        grades: [{label: A}]\n',
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.plan?.evaluation.editions).toEqual([
      { from: 2023, rounding: { mode: 'truncate', places: 0 } },
      { from: 2024, grades: [{ label: 'A', min: null, achieved: null }] },
    ]);
  });

  it('refuses an edition from a year not after the one before, at its year, naming both years', () => {
    const same = problems(editions('      - {from: R5}\n      - {from: R5}\n'));
    expect(same.map(where)).toEqual([
      {
        code: 'bad-editions',
        path: 'plan.evaluation.editions.1.from',
        line: 8,
        detail: { code: 'edition-order', from: 2023, previous: 2023 },
      },
    ]);
    const earlier = problems(editions('      - {from: R6}\n      - {from: R5}\n      - {from: R7}\n'));
    expect(earlier.map((p) => [p.path.join('.'), p.detail])).toEqual([
      ['plan.evaluation.editions.1.from', { code: 'edition-order', from: 2023, previous: 2024 }],
    ]);
  });

  it('reports an edition’s unreadable year at that year, and judges the next against the last readable one', () => {
    const found = problems(editions('      - {from: R5}\n      - {from: X1}\n      - {from: R4}\n'));
    expect(found.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['bad-year', 'plan.evaluation.editions.1.from'],
      ['bad-editions', 'plan.evaluation.editions.2.from'],
    ]);
  });
});

describe('trend bands', () => {
  const trend = (bands: string) =>
    plan({ evaluation: `  evaluation:\n    trend:\n      against: previous-year\n      bands:\n${bands}` });

  it('takes bands best first, the last without a condition, with the defaults filled in', () => {
    const read = readPlanText(
      trend(
        '        - {label: S, reached: true, achieved: true}\n        - {label: ○, over: 0}\n        - {label: ×}\n',
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.plan?.evaluation.trend).toEqual({
      against: 'previous-year',
      measure: 'change',
      heading: null,
      bands: [
        { label: 'S', reached: true, over: null, min: null, achieved: true, phrase: null },
        { label: '○', reached: null, over: '0', min: null, achieved: null, phrase: null },
        { label: '×', reached: null, over: null, min: null, achieved: null, phrase: null },
      ],
    });
  });

  it('refuses a band without a condition anywhere but last, at that band', () => {
    const found = problems(
      trend('        - {label: ○}\n        - {label: △, min: -10}\n        - {label: ×}\n'),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'bad-trend',
        path: 'plan.evaluation.trend.bands.0',
        line: 9,
        detail: { code: 'trend-open-not-last', label: '○' },
      },
    ]);
  });

  it('counts a band with a refused figure as having a condition, so reports only the figure', () => {
    const found = problems(trend('        - {label: ○, min: abc}\n        - {label: ×}\n'));
    expect(found.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['bad-number', 'plan.evaluation.trend.bands.0.min'],
    ]);
  });
});

describe('what belongs to a KPI’s figures', () => {
  const kpi = (lines: string) => plan({ kpis: `      - id: k1\n        name: 指標\n${lines}` });

  it('refuses an office grade beside a numeric target, at the judgement', () => {
    const found = problems(
      kpi(
        '        baseline: 1\n        target: 2\n        assessment:\n          R4: {text: 所見, judgement: {grade: A, reason: 理由}}\n',
      ),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'bad-target',
        path: 'goals.0.kpis.0.assessment.R4.judgement',
        line: 16,
        detail: { code: 'judgement-with-target', name: 'k1' },
      },
    ]);
  });

  it('takes an office grade where the target is none', () => {
    const read = readPlanText(
      kpi(
        '        target: null\n        assessment:\n          R4: {text: 所見, judgement: {grade: A, reason: 理由}}\n',
      ),
    );
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.plan?.kpis.get('k1')?.assessments.get(2022)?.judgement).toEqual({
      grade: 'A',
      reason: '理由',
      achieved: null,
    });
  });

  it('refuses a bound or printed label on a year without a figure, at its value', () => {
    const found = problems(
      kpi(
        '        baseline: 1\n        target: 2\n        actuals:\n          R4: {value: 未取得, bound: at-least}\n',
      ),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'bad-number',
        path: 'goals.0.kpis.0.actuals.R4.value',
        line: 16,
        detail: { code: 'bound-without-figure' },
      },
    ]);
  });

  it('keeps a year’s bound, label and provisional state, with or without a bound', () => {
    const read = readPlanText(
      kpi(
        '        baseline: 1\n        target: 2\n        actuals:\n          R4: {value: 75, bound: at-least, label: 75%以上, state: provisional}\n          R5: {value: 1.5, state: provisional}\n          R6: {value: 1.8, state: final}\n',
      ),
    );
    expect(read.problems).toEqual([]);
    const series = read.plan?.kpis.get('k1')?.series[0];
    expect(series?.actuals.get(2022)).toEqual({
      kind: 'value',
      value: '75',
      bound: 'at-least',
      label: '75%以上',
    });
    expect(series?.actuals.get(2023)).toEqual({ kind: 'value', value: '1.5' });
    expect([...(series?.provisional ?? [])]).toEqual([2022, 2023]);
  });

  it('refuses a cumulative total summed from a year after the one it is judged from, at `since`', () => {
    const found = problems(
      kpi('        baseline: 0\n        target: 100\n        cumulative: {from: R5, since: R6}\n'),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'bad-cumulative',
        path: 'goals.0.kpis.0.cumulative.since',
        line: 15,
        detail: { code: 'cumulative-since-after-from', since: 2024, from: 2023 },
      },
    ]);
    const same = readPlanText(
      kpi('        baseline: 0\n        target: 100\n        cumulative: {from: R5, since: R5}\n'),
    );
    expect(same.problems).toEqual([]);
    expect(same.plan?.kpis.get('k1')?.series[0]?.cumulative).toEqual({
      from: 2023,
      since: 2023,
      entered: 'annual',
    });
  });
});
