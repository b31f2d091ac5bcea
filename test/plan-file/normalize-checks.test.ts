import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/plan-file/problem.ts';
import { readPlanText } from '../../src/plan-file/read.ts';

/** A valid plan; each test changes one part of it. Line numbers in the comments are the file's. */
const plan = ({
  period = '{from: R4, to: R7}',
  evaluation = '',
  kpis = `      - id: k1
        name: 指標
        baseline: 1
        target: 2
`,
} = {}) => `plan:
  title: テスト戦略
  municipality: テスト市
  period: ${period}
${evaluation}goals:
  - id: B1
    kind: basic
    number: 1
    title: 目標
    kpis:
${kpis}`;

const errors = (text: string): Problem[] => readPlanText(text).problems.filter((p) => p.severity === 'error');
const where = (p: Problem) => ({
  code: p.code,
  path: p.path.join('.'),
  position: p.position,
  detail: p.detail,
});

describe('the plan period', () => {
  it('refuses a period that ends before it starts, at the period', () => {
    expect(errors(plan({ period: '{from: R7, to: R4}' })).map(where)).toEqual([
      {
        code: 'bad-period',
        path: 'plan.period',
        position: { line: 4, column: 11 },
        detail: { code: 'period-reversed' },
      },
    ]);
  });

  it('takes a period of one year, and sets the plan’s default target year to its end', () => {
    const read = readPlanText(plan({ period: '{from: R4, to: R4}' }));
    expect(read.problems).toEqual([]);
    expect(read.plan?.period).toEqual({ from: 2022, to: 2022 });
    expect(read.plan?.kpis.get('k1')?.series[0]?.target).toEqual({ value: '2', year: 2022 });
  });

  it('reports a bad year at its own place', () => {
    expect(errors(plan({ period: '{from: R4, to: X9}' })).map((p) => [p.code, p.path.join('.')])).toEqual([
      ['bad-year', 'plan.period.to'],
    ]);
  });
});

describe('grade bands', () => {
  const grades = (bands: string) => plan({ evaluation: `  evaluation:\n    grades:\n${bands}` });

  it('takes bands from the best down, the last without a minimum', () => {
    const read = readPlanText(
      grades(
        '      - {label: A, min: 100, achieved: true}\n      - {label: B, min: 50}\n      - {label: C}\n',
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.plan?.evaluation.grades).toEqual([
      { label: 'A', min: '100', achieved: true },
      { label: 'B', min: '50', achieved: null },
      { label: 'C', min: null, achieved: null },
    ]);
  });

  it('refuses a band whose minimum is not below the band before it, at that minimum', () => {
    const equal = errors(
      grades('      - {label: A, min: 50}\n      - {label: B, min: 50}\n      - {label: C}\n'),
    );
    expect(equal.map(where)).toEqual([
      {
        code: 'bad-grades',
        path: 'plan.evaluation.grades.1.min',
        position: { line: 8, column: 25 },
        detail: { code: 'grade-order' },
      },
    ]);
    const rising = errors(
      grades('      - {label: A, min: 50}\n      - {label: B, min: 80}\n      - {label: C}\n'),
    );
    expect(rising.map((p) => p.path.join('.'))).toEqual(['plan.evaluation.grades.1.min']);
    const decimals = errors(grades('      - {label: A, min: 50.1}\n      - {label: B, min: 50.05}\n'));
    expect(decimals).toEqual([]);
  });

  it('refuses a band without a minimum anywhere but last, at that band', () => {
    const found = errors(
      grades('      - {label: A, min: 80}\n      - {label: B}\n      - {label: C, min: 10}\n'),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'bad-grades',
        path: 'plan.evaluation.grades.1',
        position: { line: 8, column: 9 },
        detail: { code: 'grade-min-not-last', label: 'B' },
      },
    ]);
  });
});

describe('figures and years are refused at their own place', () => {
  it('a bad actual inside a series, at that year’s value', () => {
    const found = errors(
      plan({
        kpis: `      - id: k1
        name: 指標
        series:
          - label: 男性
            baseline: 1
            target: 2
            actuals: {R4: 1}
          - label: 女性
            baseline: 1
            target: 2
            actuals: {R4: {value: 'x1', state: final}}
`,
      }),
    );
    expect(found.map((p) => [p.code, p.path.join('.'), p.position?.line])).toEqual([
      ['bad-number', 'goals.0.kpis.0.series.1.actuals.R4.value', 21],
    ]);
  });

  it('a series without a target, naming the KPI and series', () => {
    const found = errors(
      plan({
        kpis: `      - id: k1
        name: 指標
        series:
          - label: 男性
            baseline: 1
`,
      }),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'missing-key',
        path: 'goals.0.kpis.0.series.0',
        position: { line: 14, column: 13 },
        detail: { code: 'no-target', name: 'k1 (男性)' },
      },
    ]);
  });

  it('figures beside series, at the KPI', () => {
    const found = errors(
      plan({
        kpis: `      - id: k1
        name: 指標
        target: 2
        series:
          - {label: 男性, baseline: 1, target: 2}
`,
      }),
    );
    expect(found.map((p) => [p.code, p.path.join('.'), p.position?.line])).toEqual([
      ['series-and-figures', 'goals.0.kpis.0', 11],
    ]);
  });

  it('a baseline year span that is not one, at the year', () => {
    const found = errors(
      plan({
        kpis: `      - id: k1
        name: 指標
        baseline: {value: 1, year: R2～H30}
        target: 2
`,
      }),
    );
    expect(found.map((p) => [p.code, p.path.join('.'), p.position])).toEqual([
      ['bad-year', 'goals.0.kpis.0.baseline.year', { line: 13, column: 36 }],
    ]);
  });

  it('a hexadecimal number, at the baseline', () => {
    const found = errors(
      plan({ kpis: '      - id: k1\n        name: 指標\n        baseline: 0x10\n        target: 20\n' }),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'bad-number',
        path: 'goals.0.kpis.0.baseline',
        position: { line: 13, column: 19 },
        detail: { code: 'not-decimal', text: '0x10' },
      },
    ]);
  });

  it('a milestone or assessment year written twice, at the key read second', () => {
    const found = errors(
      plan({
        kpis: `      - id: k1
        name: 指標
        baseline: 10
        target: 20
        milestones: {R5: 15, 2023: 16}
        assessment: {R4: 良い, 2022: 悪い}
`,
      }),
    );
    // Keys that are numbers come first in a YAML mapping read as an object, so R5 and R4 are the repeats.
    expect(found.map((p) => [p.code, p.path.join('.'), p.position?.line, p.detail])).toEqual([
      [
        'duplicate-year',
        'goals.0.kpis.0.milestones.R5',
        15,
        { code: 'duplicate-year', key: 'R5', year: 2023 },
      ],
      [
        'duplicate-year',
        'goals.0.kpis.0.assessment.R4',
        16,
        { code: 'duplicate-year', key: 'R4', year: 2022 },
      ],
    ]);
  });

  it('a KPI listed twice under one goal, at the second listing', () => {
    const found = errors(
      plan({
        kpis: `      - id: k1
        name: 指標
        baseline: 1
        target: 2
      - ref: k1
`,
      }),
    );
    expect(found.map(where)).toEqual([
      {
        code: 'duplicate-id',
        path: 'goals.0.kpis.1',
        position: { line: 15, column: 9 },
        detail: { code: 'kpi-listed-twice', goal: 'B1', id: 'k1' },
      },
    ]);
  });
});
