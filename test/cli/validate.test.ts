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
    expect(run.out).toContain('1 warnings');
  });
});
