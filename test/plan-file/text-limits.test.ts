import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShinchokuError } from '../../src/core/errors.ts';
import { loadPlan } from '../../src/plan-file/load.ts';
import { formatProblem, type Problem } from '../../src/plan-file/problem.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planJsonSchema } from '../../src/plan-file/schema.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';

const kitamoto = readFileSync(KITAMOTO_PATH, 'utf8');

const errors = (text: string): Problem[] => readPlanText(text).problems.filter((p) => p.severity === 'error');
const only = (text: string): Problem => {
  const found = errors(text);
  expect(found.map((p) => formatProblem('plan.yaml', p))).toHaveLength(1);
  return found[0] as Problem;
};
const replaced = (from: string, to: string): string => {
  expect(kitamoto).toContain(from);
  return kitamoto.replace(from, to);
};

describe('text in a plan file is held to the text-field rule', () => {
  it('refuses a 1.6-million-character title quickly, stating the limit and the place', () => {
    const started = Date.now();
    const problem = only(
      replaced('title: 第2期北本市まち・ひと・しごと創生総合戦略', `title: ${'戦'.repeat(1_600_000)}`),
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(problem.code).toBe('text-too-long');
    expect(problem.position).toEqual({ line: 6, column: 10 });
    expect(formatProblem('plan.yaml', problem)).toBe(
      'plan.yaml:6:10: error: This text is more than 2,000 characters long; a plan title may be at most 200. (at plan.title)\n  hint: Shorten it.',
    );
    expect(problem.text).toMatchObject({ code: 'text-too-long', field: 'plan-title', max: 200 });
  });

  it('refuses a NUL, written as an escape or raw, naming the character and where it stands', () => {
    const escaped = only(replaced('municipality: 北本市', 'municipality: "北本\\0市"'));
    expect(formatProblem('plan.yaml', escaped)).toContain(
      'plan.yaml:7:17: error: This text has a control character (U+0000) at character 3 of the text',
    );
    const raw = only(replaced('name: 市内有効求人倍率', 'name: 市内\u0000有効求人倍率'));
    expect(raw).toMatchObject({ code: 'text-character', path: ['goals', 0, 'kpis', 1, 'name'] });
    expect(raw.position?.line).toBe(42);
  });

  it('refuses direction overrides, lone surrogates and line breaks in one-line fields', () => {
    const bidi = only(replaced('unit: 万円', 'unit: "万\\u202E円"'));
    expect(bidi.text).toMatchObject({ character: 'bidi-control', codePoint: 0x202e });
    const json = JSON.stringify({
      plan: { title: 'x', municipality: 'y', period: { from: 'R4', to: 'R7' } },
      goals: [{ id: 'g', kind: 'basic', number: 1, title: 'a\ud800b', kpis: [] }],
    });
    expect(only(json).text).toMatchObject({ character: 'surrogate', at: { index: 2 } });
    const broken = only(
      replaced('title: 稼ぐ産業と安定した雇用を創出する', 'title: "稼ぐ産業と\\n安定した雇用"'),
    );
    expect(broken).toMatchObject({ code: 'text-line-break', path: ['goals', 0, 'title'] });
  });

  it('places a bad year key at the key', () => {
    const problem = only(
      replaced('actuals: {R3: 385.9, R4: 385.9}', 'actuals: {"R\\x003": 385.9, R4: 385.9}'),
    );
    expect(problem.code).toBe('text-character');
    expect(problem.position).toEqual({ line: 38, column: 19 });
    expect(formatProblem('plan.yaml', problem)).toContain('(at goals[0].kpis[0].actuals.R\uFFFD3)');
  });

  it('takes multi-line assessments, tabs in them and Windows line ends', () => {
    const text = replaced(
      'R4: 新型コロナウイルス感染症の影響により現状値から悪化',
      'R4: "一行目\\r\\n\\t二行目"',
    );
    const { plan } = readPlanText(text);
    expect(plan?.kpis.get('net-product-per-worker')?.assessments.get(2022)?.text).toBe('一行目\n\t二行目');
  });

  it('refuses a control character in an assessment at its line within the text', () => {
    const problem = only(
      replaced(
        'R4: 新型コロナウイルス感染症の影響により現状値から悪化',
        'R4: |\n            一行目\n            二行\u0007目',
      ),
    );
    expect(problem.text).toMatchObject({ at: { line: 2, column: 3 }, codePoint: 7 });
  });

  it('keeps every limit in the published JSON Schema', () => {
    const schema = JSON.stringify(planJsonSchema());
    expect(schema).toContain('"title":{"type":"string","minLength":1,"maxLength":200}');
    expect(schema).toContain('"maxLength":4000');
  });
});

describe('deep nesting is refused before anything recursive reads it', () => {
  const cases: [string, string][] = [
    ['flow sequences', `plan: ${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['flow mappings', `plan: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ['indentation', `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1`],
    ['JSON', `{"plan":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['nested lists on one line', `goals:\n  ${'- '.repeat(200)}x`],
  ];
  for (const [name, text] of cases) {
    it(`in ${name}, with the place`, () => {
      const started = Date.now();
      const problem = only(text);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(problem.code).toBe('too-deep');
      expect(problem.message).not.toContain('call stack');
      expect(problem.message).toContain('32');
      expect(problem.position?.line).toBeGreaterThan(0);
    });
  }

  it('reads a plan nested as deep as a real one, and reports where a file goes too deep', () => {
    expect(readPlanText(kitamoto).plan).not.toBeNull();
    const problem = only(`${kitamoto}\nextra: ${'['.repeat(40)}`);
    expect(formatProblem('plan.yaml', problem)).toMatch(/^plan\.yaml:\d+:\d+: error: The file nests more/);
  });

  it('is refused by the command line with the place, not an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deep-'));
    const path = join(dir, 'plan.yaml');
    writeFileSync(path, `plan: ${'['.repeat(50_000)}`);
    const error = await loadPlan(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShinchokuError);
    expect((error as ShinchokuError).details.join('\n')).toMatch(/plan\.yaml:1:\d+: error: The file nests/);
  });
});
