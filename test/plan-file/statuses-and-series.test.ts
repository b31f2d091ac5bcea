import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { formatProblem } from '../../src/plan-file/problem.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { assessmentBullets, goalTable } from '../../src/render/report-model.ts';

/** The value, or a failed test where it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** A plan using every form of trend statuses, editions, cumulative KPIs, year kinds and grade notes. */
const FULL = `plan:
  title: 例
  municipality: 例町
  period: {from: R2, to: R6}
  evaluation:
    method: progress
    grades:
      - {label: A, min: 100, phrase: 達成に向け順調な状況}
      - {label: B, min: 60}
      - {label: C}
    trend:
      against: baseline
      measure: percent
      heading: 策定時比
      bands:
        - {label: S, reached: true}
        - {label: A, over: 0, achieved: true}
        - {label: B, min: -10.0}
        - {label: C}
    editions:
      - from: R5
        grades:
          - {label: 順調, min: 100}
          - {label: 遅れ}
        rounding: {mode: truncate, places: 0}
goals:
  - id: G1
    kind: basic
    number: 1
    title: 目標
    kpis:
      - id: workers
        name: 就業率
        unit: '%'
        yearKind: census
        baseline: {value: 60.0, year: H27}
        target: 65.0
        actuals: {R2: 61.5}
        assessment:
          R2:
            text: 国勢調査による。
            gradeNote: {grade: A, mark: ※1, note: 中間目標で評価した場合}
      - id: visits
        name: 延べ来訪者数
        unit: 人
        target: 1000
        cumulative: {from: R3, since: R2}
        actuals: {R2: 100, R3: 150, R4: 200}
      - id: crimes
        name: 刑法犯認知件数
        unit: 件
        series:
          - {label: 市内, yearKind: calendar, baseline: {value: 500, year: R1}, target: 400, actuals: {R2: 450}}
`;

const read = (text: string) => readPlanText(text);

describe('the plan-file forms of trend statuses, editions, cumulative KPIs, year kinds and grade notes', () => {
  it('reads every form and writes it back unchanged (export → import → export)', () => {
    const first = read(FULL);
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const yaml = planToYaml(must(first.plan));
    const again = read(yaml);
    expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(planToYaml(must(again.plan))).toBe(yaml);
    for (const year of [2020, 2021, 2022, 2023]) {
      expect(JSON.stringify(evaluate(must(again.plan), year))).toBe(
        JSON.stringify(evaluate(must(first.plan), year)),
      );
    }
    expect(yaml).toContain('yearKind: census');
    expect(yaml).toContain('gradeNote:');
    expect(yaml).toMatch(/cumulative:\s*\n\s*from: R3\n\s*since: R2\n\s*actuals: annual/);
  });

  it('prints an annotated grade as 「C (A※1)」 with its footnote, and the census year in words', () => {
    const plan = must(read(FULL).plan);
    const evaluation = evaluate(plan, 2020);
    const ja = messagesFor('ja');
    const table = goalTable(must(evaluation.goals[0]), evaluation, ja);
    const workers = must(table.rows[0]);
    expect(table.header.slice(-2)).toEqual(['評価', '策定時比']);
    // (61.5 − 60.0) / (65.0 − 60.0) = 30% → C; +2.5% against the baseline → A.
    expect(workers.cells.at(-2)?.lines).toEqual(['C (A※1)']);
    expect(workers.cells.at(-1)?.lines).toEqual(['A']);
    expect(workers.cells[0]?.lines).toEqual(['就業率', '（国勢調査）']);
    expect(workers.cells[2]?.lines).toEqual(['60.0% (H27国調)']);
    const bullet = must(assessmentBullets(must(evaluation.goals[0]), evaluation, ja)[0]);
    expect(bullet.text).toBe('国勢調査による。\n※1 中間目標で評価した場合');
    // The trend band counts A as achieved, whatever the grade says.
    expect(evaluation.kpis[0]?.status).toBe('achieved');
  });

  it('words a calendar-year KPI without an actual as 令和3年, not 令和3年度', () => {
    const plan = must(read(FULL).plan);
    const evaluation = evaluate(plan, 2021);
    const bullet = must(assessmentBullets(must(evaluation.goals[0]), evaluation, messagesFor('ja'))[2]);
    expect(bullet.lead).toBe('刑法犯認知件数については、令和3年の実績値が未入力のため評価していません');
  });

  it('explains each mistake in a new form with its line and column', () => {
    const cases: [string, string, RegExp][] = [
      [
        '        - {label: B, min: -10.0}',
        '        - {label: B}',
        /^plan\.yaml:18:11: error: Trend band 「B」 has no condition/,
      ],
      [
        '        cumulative: {from: R3, since: R2}',
        '        cumulative: {from: R3, since: R4}',
        /^plan\.yaml:47:39: error: The running total starts summing in R4, after R3/,
      ],
      [
        '        yearKind: census',
        '        yearKind: decade',
        /^plan\.yaml:35:19: error: .*\n {2}hint: Use one of: fiscal, calendar, census\./,
      ],
      [
        '        - {label: S, reached: true}',
        '        - {label: S, reached: yes}',
        /^plan\.yaml:16:31: error: /,
      ],
      [
        '        - {label: A, over: 0, achieved: true}',
        '        - {label: A, over: 約10, achieved: true}',
        /^plan\.yaml:17:28: error: 「約10」/,
      ],
      [
        '            gradeNote: {grade: A, mark: ※1, note: 中間目標で評価した場合}',
        '            gradeNote: {grade: A, mark: ※1}',
        /^plan\.yaml:42:24: error: The key 「note」 is missing/,
      ],
    ];
    for (const [from, to, expected] of cases) {
      const text = FULL.replace(from, to);
      expect(text).not.toBe(FULL);
      const errors = read(text).problems.filter((p) => p.severity === 'error');
      expect(errors.length, to).toBe(1);
      expect(formatProblem('plan.yaml', must(errors[0]))).toMatch(expected);
    }
  });

  it('refuses editions out of order with where they are', () => {
    const text = FULL.replace(
      '        rounding: {mode: truncate, places: 0}\n',
      '        rounding: {mode: truncate, places: 0}\n      - from: R4\n        rounding: {mode: half-up, places: 1}\n',
    );
    const errors = read(text).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => formatProblem('plan.yaml', p))).toEqual([
      expect.stringMatching(/^plan\.yaml:26:15: error: The edition from R4 comes after the one from R5\./),
    ]);
  });
});
