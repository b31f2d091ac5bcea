import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/plan-file/problem.ts';
import { MAX_PLAN_BYTES, readPlanText } from '../../src/plan-file/read.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';

const kitamoto = readFileSync(KITAMOTO_PATH, 'utf8');

/** A small valid plan; each test breaks one thing in it. */
const base = (kpis: string, evaluation = '') => `plan:
  title: テスト戦略
  municipality: テスト市
  period: {from: R4, to: R7}
${evaluation}goals:
  - id: B1
    kind: basic
    number: 1
    title: 目標
    kpis:
${kpis}`;

const kpi = (fields: string) => `      - id: k1
        name: 指標
        unit: 件
${fields}`;

const read = (text: string) => readPlanText(text);
const errors = (text: string): Problem[] => read(text).problems.filter((p) => p.severity === 'error');
const only = (text: string): Problem => {
  const found = errors(text);
  expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
  return found[0] as Problem;
};

describe('bad plan files get a message at the right place', () => {
  it('reads the valid base plan', () => {
    expect(read(base(kpi('        baseline: 1\n        target: 2\n'))).plan).not.toBeNull();
  });

  it('an unknown key (a typo), with a suggestion', () => {
    const problem = only(base(kpi('        baseline: 1\n        targt: 2\n')));
    expect(problem.code).toBe('unknown-key');
    expect(problem.message).toContain('targt');
    expect(problem.hint).toContain('target');
    expect(problem.position).toEqual({ line: 15, column: 9 });
  });

  it('a number typed as text is normalised with a warning where the meaning is certain', () => {
    const result = read(
      base(
        kpi("        baseline: '３,９０８'\n        target: '８,０００件'\n        actuals: {R4: '△40'}\n"),
      ),
    );
    expect(result.plan).not.toBeNull();
    const series = result.plan?.kpis.get('k1')?.series[0];
    expect(series?.baseline?.value).toBe('3908');
    expect(series?.target.value).toBe('8000');
    expect(series?.actuals.get(2022)).toEqual({ kind: 'value', value: '-40' });
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    expect(warnings.map((w) => w.code)).toEqual([
      'normalized-number',
      'normalized-number',
      'normalized-number',
    ]);
    expect(warnings[0]?.position?.line).toBe(14);
    expect(warnings[2]?.message).toContain('△');
  });

  it('a unit inside the value is removed when it is the KPI unit, and refused when it is not', () => {
    const ok = read(base(kpi("        baseline: '431.5件'\n        target: 438.3\n")));
    expect(ok.plan?.kpis.get('k1')?.series[0]?.baseline?.value).toBe('431.5');
    const problem = only(base(kpi("        baseline: '431.5万円'\n        target: 438.3\n")));
    expect(problem.code).toBe('bad-number');
    expect(problem.message).toContain('万円');
    expect(problem.position?.line).toBe(14);
  });

  it('text in a number field is refused, never read as zero', () => {
    const problem = only(base(kpi("        baseline: 'about 40'\n        target: 50\n")));
    expect(problem.code).toBe('bad-number');
    expect(problem.message).toContain('enter the number alone (for example 40)');
    const words = only(base(kpi("        baseline: 'forty'\n        target: 50\n")));
    expect(words.hint).toContain('digits');
  });

  it('a KPI with no direction whose target equals its baseline', () => {
    const problem = only(base(kpi('        baseline: 0\n        target: 0\n')));
    expect(problem.code).toBe('direction-needed');
    expect(problem.hint).toContain('direction: decrease');
    expect(problem.position?.line).toBe(11);
  });

  it('a direction that contradicts baseline and target', () => {
    const problem = only(base(kpi('        baseline: 10\n        target: 5\n        direction: increase\n')));
    expect(problem.code).toBe('direction-contradicts');
    expect(problem.position?.line).toBe(16);
  });

  it('a ref to a KPI that does not exist, with the nearest id', () => {
    const problem = only(
      base(`${kpi('        baseline: 1\n        target: 2\n')}      - ref: k2\n`).replace(
        'id: k1',
        'id: k2x',
      ),
    );
    expect(problem.code).toBe('unknown-ref');
    expect(problem.hint).toContain('k2x');
    expect(problem.position?.line).toBe(16);
  });

  it('a duplicate id', () => {
    const problem = only(
      base(
        `${kpi('        baseline: 1\n        target: 2\n')}${kpi('        baseline: 1\n        target: 3\n')}`,
      ),
    );
    expect(problem.code).toBe('duplicate-id');
    expect(problem.hint).toContain('ref: k1');
    expect(problem.position?.line).toBe(16);
  });

  it('a year label that is not a fiscal year', () => {
    const problem = only(base(kpi('        baseline: 1\n        target: 2\n        actuals: {H32: 1}\n')));
    expect(problem.code).toBe('bad-year');
    expect(problem.message).toContain('H32');
    expect(problem.position?.line).toBe(16);
  });

  it('the same year written twice in two ways', () => {
    const problem = only(
      base(kpi('        baseline: 1\n        target: 2\n        actuals: {R4: 1, 2022: 2}\n')),
    );
    expect(problem.code).toBe('duplicate-year');
  });

  it('an empty file', () => {
    expect(only('').code).toBe('file-empty');
    expect(only('   \n\n').code).toBe('file-empty');
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const huge = `# ${'x'.repeat(MAX_PLAN_BYTES)}\n${kitamoto}`;
    const problem = only(huge);
    expect(problem.code).toBe('file-too-large');
  });

  it('a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(',')}]`,
        ),
      )
      .join('\n');
    expect(only(bomb).code).toBe('alias-bomb');
  });

  it('broken YAML, with its line', () => {
    const problem = errors('plan:\n  title: [unclosed\ngoals: []\n')[0];
    expect(problem?.code).toBe('syntax');
    expect(problem?.position?.line).toBeGreaterThan(0);
  });

  it('a missing required key', () => {
    const problem = only(
      base(kpi('        baseline: 1\n        target: 2\n')).replace('    title: 目標\n', ''),
    );
    expect(problem.code).toBe('missing-key');
    expect(problem.message).toContain('title');
  });

  it('a missing enumerated key is missing, not the value "undefined"', () => {
    const problem = only(
      base(kpi('        baseline: 1\n        target: 2\n')).replace('    kind: basic\n', ''),
    );
    expect(problem.code).toBe('missing-key');
    expect(problem.message).toContain('kind');
    expect(problem.message).not.toContain('undefined');
  });

  it('a wrong value for an enumerated key', () => {
    const problem = only(
      base(kpi('        baseline: 1\n        target: 2\n')).replace('kind: basic', 'kind: basics'),
    );
    expect(problem.code).toBe('bad-value');
    expect(problem.hint).toContain('cross-cutting');
  });

  it('prints problems as file:line:column with a hint', () => {
    const problem = only(base(kpi('        baseline: 1\n        targt: 2\n')));
    expect(formatProblem('plan.yaml', problem)).toBe(
      'plan.yaml:15:9: error: Unknown key 「targt」. (at goals[0].kpis[0].targt)\n  hint: Did you mean 「target」?',
    );
  });
});
