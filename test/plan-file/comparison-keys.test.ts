import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMunicipalityCode } from '../../src/core/municipality-code.ts';
import { INDICATOR_CODES } from '../../src/core/indicators.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { describePlanProblem } from '../../src/plan-file/problem-en.ts';
import { jaPlanFileProblem } from '../../src/web/i18n/staff-plan-file-words-ja.ts';

const KITAMOTO = new URL('../../examples/kitamoto/plan.yaml', import.meta.url);

function planWith(header: string, kpiExtra = ''): string {
  return `plan:
  id: midori
  title: みどり町総合戦略
  municipality: みどり町
${header}
  period: {from: R4, to: R8}
goals:
  - id: g1
    kind: basic
    number: 1
    title: しごと
    kpis:
      - id: births
        name: 出生数
        unit: 人${kpiExtra}
        baseline: 300
        target: 320
`;
}

function planOf(text: string) {
  const { plan, problems } = readPlanText(text);
  if (!plan) throw new Error(problems.map((p) => p.message).join('; '));
  return plan;
}

describe('the keys for comparison across municipalities', () => {
  it('reads the code as written, a YAML number keeping its leading 0, and completes five digits', () => {
    expect(readPlanText(planWith('  municipalityCode: "112330"')).plan?.municipalityCode).toBe('112330');
    expect(readPlanText(planWith('  municipalityCode: 012025')).plan?.municipalityCode).toBe('012025');
    expect(readPlanText(planWith('  municipalityCode: "11233"')).plan?.municipalityCode).toBe('112330');
    expect(readPlanText(planWith('  municipalityCode: "１１２３３０"')).plan?.municipalityCode).toBe(
      '112330',
    );
  });

  it('refuses a mistyped check digit, naming the digit it should be, at the key', () => {
    const { plan, problems } = readPlanText(planWith('  municipalityCode: "112331"'));
    expect(plan).toBeNull();
    const [problem] = problems;
    expect(problem?.code).toBe('bad-municipality-code');
    expect(problem?.position?.line).toBe(5);
    expect(problem?.detail).toMatchObject({
      problem: { reason: 'check-digit', written: '1', expected: '0' },
    });
    const detail = problem?.detail;
    if (!detail) throw new Error('no detail');
    expect(jaPlanFileProblem(detail)).toContain('検査数字は0');
    expect(describePlanProblem(detail).message).toContain('check digit is 0');
  });

  it('refuses text that is no code at all', () => {
    for (const text of ['"北本市"', '"1123"', '"1123300"', '""']) {
      const { plan, problems } = readPlanText(planWith(`  municipalityCode: ${text}`));
      expect(plan, text).toBeNull();
      expect(problems.map((p) => p.path.join('.'))).toContain('plan.municipalityCode');
    }
  });

  it('reads the population as a whole number with its year, and refuses anything else', () => {
    const read = readPlanText(planWith('  population: {value: "６５,２１６人", year: R2}'));
    expect(read.plan?.population).toEqual({ value: '65216', year: 2020 });
    expect(readPlanText(planWith('  population: {value: 65216}')).plan?.population).toEqual({
      value: '65216',
      year: null,
    });
    for (const bad of ['0', '-5', '65216.5', '"約6万人"']) {
      const { plan, problems } = readPlanText(planWith(`  population: {value: ${bad}}`));
      expect(plan, bad).toBeNull();
      expect(
        problems.some((p) => p.path.join('.').startsWith('plan.population')),
        bad,
      ).toBe(true);
    }
  });

  it('takes an indicator only from the documented list', () => {
    expect(
      readPlanText(planWith('', '\n        indicator: births')).plan?.kpis.get('births')?.indicator,
    ).toBe('births');
    const { plan, problems } = readPlanText(planWith('', '\n        indicator: birth-rate'));
    expect(plan).toBeNull();
    expect(problems[0]?.path.join('.')).toBe('goals.0.kpis.0.indicator');
  });

  it('writes the keys back so that export and import agree, and a plan without them is unchanged', async () => {
    const text = planWith(
      '  municipalityCode: "012025"\n  population: {value: 9876, year: R2}',
      '\n        indicator: births',
    );
    const plan = planOf(text);
    const again = planOf(planToYaml(plan));
    expect(again.municipalityCode).toBe('012025');
    expect(again.population).toEqual({ value: '9876', year: 2020 });
    expect(again.kpis.get('births')?.indicator).toBe('births');
    const bare = planOf(planWith(''));
    expect(planToYaml(bare)).not.toMatch(/municipalityCode|population|indicator/);
  });

  it('tags the seed’s comparable KPIs and gives its code', async () => {
    const plan = planOf(await readFile(KITAMOTO, 'utf8'));
    expect(plan.municipalityCode).toBe('112330');
    const tagged = [...plan.kpis.values()].filter((k) => k.indicator).map((k) => k.indicator);
    expect(tagged.sort()).toEqual(['births', 'furusato-donations', 'job-openings-ratio']);
  });

  it('accepts every valid code and refuses every other sixth digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}$/), (five) => {
        const full = readMunicipalityCode(five);
        if (!full.ok) return false;
        const wrong = [...'0123456789'].filter((d) => d !== full.value[5]);
        return wrong.every((d) => !readMunicipalityCode(five + d).ok) && readMunicipalityCode(full.value).ok;
      }),
    );
    expect(INDICATOR_CODES.length).toBeGreaterThan(10);
  });
});
