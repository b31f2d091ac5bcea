import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/plan-file/problem.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { REVISION_R5, revisedKitamotoText } from '../support/revised-kitamoto.ts';

/** A small plan whose one KPI gets the `revisions:` list given; line 17 is the list's first line. */
const plan = (
  revisions: string,
  figures = '        baseline: {value: 100, year: R3}\n        target: 200\n',
) =>
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
        unit: 件
${figures}        revisions:
${revisions}        actuals: {R4: 120}
`;

const problemsOf = (text: string, severity: Problem['severity'] = 'error') =>
  readPlanText(text).problems.filter((p) => p.severity === severity);
const only = (text: string): Problem => {
  const found = problemsOf(text);
  expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
  return found[0] as Problem;
};

describe('revisions in the plan file', () => {
  it('reads a target and a baseline revision, keeping the original values as written', () => {
    const { plan: read, problems } = readPlanText(
      plan(`          - {from: R5, target: 220, note: 上方修正}
          - from: 令和6年度
            baseline: {value: 105, year: R5}
            target: {value: 230, year: R7}
            note: 統計の改訂に合わせ修正
`),
    );
    expect(problems).toEqual([]);
    const series = read?.kpis.get('k1')?.series[0];
    expect(series?.target).toEqual({ value: '200', year: 2025 });
    expect(series?.baseline?.value).toBe('100');
    expect(series?.revisions).toEqual([
      { from: 2023, target: { value: '220', year: 2025 }, baseline: null, note: '上方修正' },
      {
        from: 2024,
        target: { value: '230', year: 2025 },
        baseline: { value: '105', span: { from: 2023, to: 2023, qualifier: '' } },
        note: '統計の改訂に合わせ修正',
      },
    ]);
  });

  it('writes them out and reads them back byte for byte', () => {
    const { plan: first } = readPlanText(revisedKitamotoText());
    if (!first) throw new Error('the revised plan does not read');
    const yaml = planToYaml(first);
    expect(yaml).toContain(
      '        revisions:\n          - from: R5\n            target: { value: 390, year: R7 }\n            note: 子育て支援策の拡充に合わせて上方修正\n',
    );
    const { plan: second } = readPlanText(yaml);
    if (!second) throw new Error('the written plan does not read back');
    expect(planToYaml(second)).toBe(yaml);
    expect(second.kpis.get('births')?.series[0]?.revisions).toEqual(
      first.kpis.get('births')?.series[0]?.revisions,
    );
  });

  it('keeps a series revision inside its series', () => {
    const text = revisedKitamotoText('').replace(
      '{label: 男性, baseline: 18.43, target: 19.00,',
      '{label: 男性, baseline: 18.43, target: 19.00, revisions: [{from: R6, target: 19.20, note: 国の目標に合わせ見直し}],',
    );
    const { plan: read, problems } = readPlanText(text);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const yaml = planToYaml(read as NonNullable<typeof read>);
    expect(yaml).toContain(
      'revisions: [ { from: R6, target: { value: 19.20, year: R7 }, note: 国の目標に合わせ見直し } ]',
    );
    expect(planToYaml(readPlanText(yaml).plan as NonNullable<typeof read>)).toBe(yaml);
  });

  it('a revision before the plan starts, placed at its `from`', () => {
    const problem = only(plan('          - {from: R3, target: 220, note: 上方修正}\n'));
    expect(problem.code).toBe('bad-revision');
    expect(formatProblem('plan.yaml', problem)).toMatch(
      /^plan\.yaml:17:20: error: A revision from R3 lies outside the plan period \(R4～R7\)/,
    );
  });

  it('a revision after the plan ends', () => {
    expect(only(plan('          - {from: R8, target: 220, note: 上方修正}\n')).message).toContain(
      'outside the plan period',
    );
  });

  it('a revision not after the baseline year', () => {
    const problem = only(
      plan(
        '          - {from: R4, target: 220, note: 上方修正}\n',
        '        baseline: {value: 100, year: R4}\n        target: 200\n',
      ),
    );
    expect(problem.message).toContain('does not come after the baseline year (R4)');
    expect(problem.position).toEqual({ line: 17, column: 20 });
  });

  it('two revisions for one year', () => {
    const problem = only(
      plan(`          - {from: R5, target: 220, note: 上方修正}
          - {from: 2023, target: 230, note: 再修正}
`),
    );
    expect(problem.code).toBe('duplicate-year');
    expect(problem.position).toEqual({ line: 18, column: 20 });
  });

  it('revisions out of order', () => {
    const problem = only(
      plan(`          - {from: R6, target: 220, note: 上方修正}
          - {from: R5, target: 210, note: 先に修正}
`),
    );
    expect(problem.message).toContain('oldest first');
    expect(problem.position?.line).toBe(18);
  });

  it('a revision without a note, or with a blank one', () => {
    const missing = only(plan('          - {from: R5, target: 220}\n'));
    expect(missing.code).toBe('missing-key');
    expect(missing.message).toContain('note');
    expect(missing.position?.line).toBe(17);
    const blank = only(plan("          - {from: R5, target: 220, note: '  '}\n"));
    expect(blank.message).toContain('has no note');
    expect(blank.position).toEqual({ line: 17, column: 43 });
  });

  it('a revision that changes nothing named, or turns the KPI around', () => {
    expect(only(plan('          - {from: R5, note: 見直し}\n')).message).toContain(
      'changes neither the target nor the baseline',
    );
    const turned = only(plan('          - {from: R5, target: 90, note: 下方修正}\n'));
    expect(turned.code).toBe('direction-contradicts');
    expect(turned.message).toContain('from increase to decrease');
  });

  it('a revised target for a year before the revision applies', () => {
    expect(
      only(plan('          - {from: R6, target: {value: 220, year: R5}, note: 上方修正}\n')).message,
    ).toContain('before the revision applies');
  });

  it('a revised figure that cannot be read, at its place', () => {
    const problem = only(plan("          - {from: R5, target: '約220', note: 上方修正}\n"));
    expect(problem.code).toBe('bad-number');
    expect(problem.position?.line).toBe(17);
  });

  it('a revision giving the values already in force is read, with a warning', () => {
    const text = plan('          - {from: R5, target: 200, note: 据え置き}\n');
    expect(readPlanText(text).plan).not.toBeNull();
    expect(problemsOf(text, 'warning').map((p) => p.message)).toEqual([
      'The revision from R5 gives the values already in force, so it changes nothing.',
    ]);
  });

  it('a typo in a revision key is named, with the nearest key', () => {
    const found = problemsOf(plan('          - {from: R5, target: 220, nte: 上方修正}\n'));
    expect(found.map((p) => [p.code, p.hint])).toEqual([
      ['missing-key', 'Add `note:`.'],
      ['unknown-key', 'Did you mean 「note」?'],
    ]);
  });

  it('the example revision snippet used by the tests is valid', () => {
    expect(REVISION_R5).toContain('from: R5');
  });
});
