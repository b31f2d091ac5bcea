import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';
import { revisedKitamotoText } from '../support/revised-kitamoto.ts';

describe('shinchoku import / export / plans', () => {
  it('round-trips a plan through the embedded database byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-cli-'));
    const data = ['--data', join(dir, 'nested', 'db')];
    expect(await runCli('import', KITAMOTO_PATH, ...data)).toMatchObject({
      code: 0,
      out: 'imported kitamoto-2nd-strategy: 6 goals, 15 KPIs\n',
    });
    const again = await runCli('import', KITAMOTO_PATH, ...data);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--replace');
    const first = await runCli('export', ...data);
    expect(first.code).toBe(0);
    const exported = join(dir, 'exported.yaml');
    expect((await runCli('export', ...data, '--out', exported)).code).toBe(0);
    expect(readFileSync(exported, 'utf8')).toBe(first.out);
    expect((await runCli('import', exported, '--replace', ...data)).out).toContain('replaced');
    const second = await runCli('export', ...data, '--plan', 'kitamoto-2nd-strategy');
    expect(second.out).toBe(first.out);
    expect((await runCli('plans', ...data)).out).toContain('kitamoto-2nd-strategy  北本市');
    expect((await runCli('export', ...data, '--plan', 'nowhere')).err).toContain(
      'No plan has the id nowhere',
    );
  }, 120_000);

  it('keeps a revised target with its year and note through export → import → export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-cli-'));
    const data = ['--data', join(dir, 'db')];
    const file = join(dir, 'revised.yaml');
    writeFileSync(file, revisedKitamotoText());
    expect((await runCli('import', file, ...data)).code).toBe(0);
    const first = await runCli('export', ...data);
    expect(first.out).toContain(
      '        revisions:\n          - from: R5\n            target: { value: 390, year: R7 }\n            note: 子育て支援策の拡充に合わせて上方修正\n',
    );
    const exported = join(dir, 'exported.yaml');
    writeFileSync(exported, first.out);
    expect((await runCli('import', exported, '--replace', ...data)).code).toBe(0);
    expect((await runCli('export', ...data)).out).toBe(first.out);
    const r4 = await runCli('evaluate', exported, '--year', 'R4', '--format', 'json');
    const births = (json: string) =>
      (
        JSON.parse(json) as {
          goals: { kpis: { id: string; series: { progress: number; target: number }[] }[] }[];
        }
      ).goals
        .flatMap((g) => g.kpis)
        .find((k) => k.id === 'births')?.series[0];
    expect(births(r4.out)).toMatchObject({ progress: -37.5, target: 380 });
    const r5 = await runCli('evaluate', exported, '--year', 'R5', '--format', 'json');
    expect(births(r5.out)).toMatchObject({ progress: 10, target: 390 });
  }, 120_000);

  it('counts one goal and one KPI in the singular', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-cli-'));
    const file = join(dir, 'one.yaml');
    writeFileSync(
      file,
      `plan: {id: one, title: t, municipality: m, period: {from: R4, to: R7}}
goals:
  - {id: B1, kind: basic, number: 1, title: g, kpis: [{id: a, name: A, baseline: 1, target: 2}]}
`,
    );
    const run = await runCli('import', file, '--data', join(dir, 'db'));
    expect(run).toMatchObject({ code: 0, out: 'imported one: 1 goal, 1 KPI\n' });
  }, 120_000);
});
