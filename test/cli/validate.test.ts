import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';

const write = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'shinchoku-')), 'plan.yaml');
  writeFileSync(path, text);
  return path;
};

describe('shinchoku validate', () => {
  it('accepts the Kitamoto plan', async () => {
    const run = await runCli('validate', KITAMOTO_PATH);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('OK — 6 goals, 15 KPIs');
  });

  it('lists every problem as file:line:column with a hint and exits 1', async () => {
    const path = write(`plan:
  title: t
  municipality: m
  period: {from: R4, to: R7}
goals:
  - id: B1
    kind: basic
    number: 1
    title: g
    kpis:
      - {id: a, name: A, baseline: 0, target: 0}
      - {id: b, name: B, baseline: 1, targt: 2}
      - ref: c
`);
    const run = await runCli('validate', path);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${path}:12:39: error: Unknown key 「targt」.`);
    expect(run.err).toContain('hint: Did you mean 「target」?');
    expect(run.err).toMatch(/errors?, 0 warnings/);
  });

  it("reports every problem past a typo'd key, not the typo alone", async () => {
    const path = write(`plan:
  title: t
  municipality: m
  period: {from: R4, to: R7}
goals:
  - id: B1
    kind: basic
    number: 1
    title: g
    kpis:
      - {id: a, name: A, baseline: 1, targt: 2}
      - {id: b, name: B, baseline: abc, target: 2}
      - {id: c, name: C, baseline: 1, target: 2, actuals: {R99x: 1}}
      - {id: d, name: D, baseline: 0, target: 0}
      - {id: d, name: E, baseline: 1, target: 2}
      - ref: nowhere
`);
    const run = await runCli('validate', path);
    expect(run.code).toBe(1);
    const errors = run.err.split('\n').filter((l) => l.includes(': error: '));
    expect(errors[0]).toContain(`${path}:11:39: error: Unknown key 「targt」.`);
    // The five problems the typo used to hide, each at its place.
    expect(run.err).toContain(`${path}:12:`);
    expect(run.err).toMatch(/abc/);
    expect(run.err).toMatch(/R99x/);
    expect(run.err).toMatch(/direction/);
    expect(run.err).toMatch(/duplicate|twice|already/i);
    expect(run.err).toMatch(/nowhere/);
    expect(errors.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a figure with a qualifier and a reason that is not on the list, with a hint', async () => {
    const path = write(`plan: {title: t, municipality: m, period: {from: R4, to: R7}}
goals:
  - id: B1
    kind: basic
    number: 1
    title: g
    kpis:
      - {id: a, name: A, unit: 件, baseline: 1, target: 2, actuals: {R4: about 40, R5: 約4000件, R6: コロナ影響, R7: 集計中}}
`);
    const run = await runCli('validate', path);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      '「about 40」 is a figure with 「about」; enter the number alone (for example 40). (at goals[0].kpis[0].actuals.R4)',
    );
    expect(run.err).toContain(
      '「約4000件」 is a figure with 「約」; enter the number alone (for example 4000).',
    );
    expect(run.err).toContain(
      'hint: If the figure is approximate, cumulative or provisional, say so in the assessment text.',
    );
    expect(run.err).toContain('「コロナ影響」 is neither a number nor a reason a value may be missing.');
    expect(run.err).toContain(
      'hint: Enter the figure, — for nothing to report, or one of the reasons: 未取得, 集計中',
    );
    expect(run.err).toContain('3 errors, 0 warnings.');
  });

  it('counts goals and KPIs in the singular when there is one', async () => {
    const path = write(`plan: {title: t, municipality: m, period: {from: R4, to: R7}}
goals:
  - {id: B1, kind: basic, number: 1, title: g, kpis: [{id: a, name: A, baseline: 1, target: 2}]}
`);
    const run = await runCli('validate', path);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`${path}: OK — 1 goal, 1 KPI.\n`);
  });

  it('passes a plan whose only problems are normalised values, showing the warnings', async () => {
    const path = write(`plan: {title: t, municipality: m, period: {from: R4, to: R7}}
goals:
  - id: B1
    kind: basic
    number: 1
    title: g
    kpis:
      - {id: a, name: A, unit: 件, baseline: '３,９０８', target: 8000}
`);
    const run = await runCli('validate', path);
    expect(run.code).toBe(0);
    expect(run.err).toContain(`${path}:8:45: warning:`);
    expect(run.out).toContain('1 warning.');
  });
});
