import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../support/golden.ts';
import { KITAMOTO_PATH, ROOT } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';

describe('shinchoku evaluate', () => {
  it('prints the seed layout in a terminal, goal by goal, then the summary', async () => {
    const run = await runCli('evaluate', KITAMOTO_PATH, '--year', 'R4');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expectGolden('cli/kitamoto-r4-table.txt', run.out);
    expect(run.out).toContain('令和4年度における達成率  26.7%  ※計画1年目');
  });

  it('defaults to the latest year with data', async () => {
    const explicit = await runCli('evaluate', KITAMOTO_PATH, '--year', '令和4年度', '--format', 'json');
    const implicit = await runCli('evaluate', KITAMOTO_PATH, '--format', 'json');
    expect(implicit.out).toBe(explicit.out);
  });

  it('writes the JSON contract, every figure as a number rounded as printed', async () => {
    const run = await runCli('evaluate', KITAMOTO_PATH, '--year', 'R4', '--format', 'json');
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({
      plan: { title: '第2期北本市まち・ひと・しごと創生総合戦略' },
      year: 'R4',
      fiscalYear: 2022,
    });
    expect(json.overall).toMatchObject({ achieved: 4, evaluated: 15, rate: 26.7 });
    const b1 = json.goals[0];
    expect(Object.keys(b1)).toEqual(
      expect.arrayContaining(['id', 'kind', 'title', 'achieved', 'evaluated', 'rate', 'kpis']),
    );
    const kpi = b1.kpis[0];
    expect(Object.keys(kpi)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'unit',
        'status',
        'series',
        'grade',
        'trajectory',
        'diagnostics',
      ]),
    );
    expect(kpi.series).toEqual([
      expect.objectContaining({
        label: null,
        baseline: 431.5,
        target: 438.3,
        actual: 385.9,
        progress: -670.6,
      }),
    ]);
    expect(kpi.series[0].formula).toBe('(385.9 − 431.5) / (438.3 − 431.5) = −670.6%');
    const shared = json.goals
      .flatMap((g: { kpis: { id: string }[] }) => g.kpis)
      .filter((k: { id: string }) => k.id === 'community-activity-participation');
    expect(shared).toHaveLength(2);
    const health = json.goals[3].kpis[0];
    expect(health).toMatchObject({ status: 'not_evaluated', missingReason: '未取得' });
    expect(health.series.map((s: { label: string }) => s.label)).toEqual(['男性', '女性']);
    expect(run.out).toContain('"target": 19.00');
    expectGolden('cli/kitamoto-r4.json', run.out);
  });

  it('writes CSV with one row per goal × KPI × series', async () => {
    const run = await runCli('evaluate', KITAMOTO_PATH, '--year', 'R4', '--format', 'csv');
    const rows = run.out.trimEnd().split('\r\n');
    expect(rows[0]?.startsWith('year,goal_id,goal_kind')).toBe(true);
    // 15 KPIs, the shared one listed twice, and two KPIs with two series each.
    expect(rows).toHaveLength(1 + 18);
    expect(rows).toContainEqual(
      expect.stringContaining('R4,B1,basic,1,稼ぐ産業と安定した雇用を創出する,0.0,net-product-per-worker'),
    );
    expectGolden('cli/kitamoto-r4.csv', run.out);
  });

  it('prints labels in English on request', async () => {
    const run = await runCli('evaluate', KITAMOTO_PATH, '--lang', 'en');
    expect(run.out).toContain('Basic goal 1');
    expect(run.out).toContain('Progress');
  });
});

describe('errors reach the user as messages, never stack traces', () => {
  it('a missing file', async () => {
    const run = await runCli('evaluate', 'no/such/plan.yaml');
    expect(run.code).toBe(66);
    expect(run.err).toBe(
      'error: There is no file no/such/plan.yaml.\nhint: Check the path; plan files usually end in .yaml.\n',
    );
  });

  it('a file that is not UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-'));
    const path = join(dir, 'sjis.yaml');
    writeFileSync(path, Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a]));
    const run = await runCli('validate', path);
    expect(run.code).toBe(1);
    expect(run.err).toContain('is not UTF-8');
    expect(run.err).toContain('Shift_JIS');
  });

  it('an invalid plan lists every problem with its place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(
      path,
      'plan:\n  title: t\n  municipality: m\n  period: {from: R4, to: R9x}\ngoals:\n  - {id: B1, kind: basic, number: 1, title: g, kpis: []}\n',
    );
    const run = await runCli('evaluate', path);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${path}:4:`);
    expect(run.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('bad options and unknown commands are usage errors', async () => {
    expect((await runCli('evaluate', KITAMOTO_PATH, '--format', 'xml')).code).toBe(2);
    expect((await runCli('evaluate', KITAMOTO_PATH, '--year', 'H32')).err).toContain('H32');
    expect((await runCli('evaluate', KITAMOTO_PATH, '--colour')).code).toBe(2);
    expect((await runCli('frobnicate')).err).toContain('shinchoku help');
    expect((await runCli('evaluate')).code).toBe(2);
  });

  it('help lists the commands', async () => {
    const run = await runCli('help');
    expect(run.out).toContain('evaluate');
    expect((await runCli('help', 'evaluate')).out).toContain('--format');
  });
});

describe('the installed command', () => {
  it('runs as `shinchoku` from the package bin, as the README shows', () => {
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'bin', 'shinchoku.js'), 'evaluate', KITAMOTO_PATH, '--format', 'json'],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).overall.rate).toBe(26.7);
  });
});
