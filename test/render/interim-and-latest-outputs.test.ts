import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { evaluationCsv } from '../../src/render/evaluation-csv.ts';
import { evaluationJson } from '../../src/render/evaluation-json.ts';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { toJsonText } from '../../src/render/json-text.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { goalSheetLayout } from '../../src/render/xlsx/layout.ts';
import { buildReportWorkbook } from '../../src/render/xlsx/report.ts';
import { kitamotoR4, loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { openDataset } from '../../src/open-data/records.ts';
import { datasetCsv, dictionaryCsv } from '../../src/open-data/documents.ts';
import { runCli } from '../support/io.ts';

const path = (name: string) => join(ROOT, 'examples', name);
const ja = messagesFor('ja');
const en = messagesFor('en');
const H27 = 2015;
const H28 = 2016;
const H29 = 2017;
const EXAMPLES = [
  'ibaraki/plan.yaml',
  'ibaraki/plan-h29.yaml',
  'nagano/plan.yaml',
  'saitama/plan.yaml',
  'sano/plan.yaml',
];

describe('the plan file keeps the settings through export → import', () => {
  it.each(EXAMPLES)('%s: written, read back and written again byte for byte, evaluating alike', (name) => {
    const plan = loadExamplePlan(path(name));
    const text = planToYaml(plan);
    const { plan: again, problems } = readPlanText(text);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    if (!again) throw new Error('the exported plan did not read back');
    expect(planToYaml(again)).toBe(text);
    expect(again.evaluation).toEqual(plan.evaluation);
    expect(toJsonText(evaluationJson(evaluate(again, H28), ja))).toBe(
      toJsonText(evaluationJson(evaluate(plan, H28), ja)),
    );
  });

  it('keeps them through the database: import → export → evaluate gives the same JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-interim-db-'));
    for (const [name, year] of [
      ['nagano/plan.yaml', 'H29'],
      ['sano/plan.yaml', 'H27'],
    ] as const) {
      const data = ['--data', join(dir, name.replace('/', '-'))];
      expect((await runCli('import', path(name), ...data)).code).toBe(0);
      const exported = join(dir, name.replace('/', '-') + '.yaml');
      expect((await runCli('export', ...data, '--out', exported)).code).toBe(0);
      const again = await runCli('evaluate', exported, '--year', year, '--format', 'json');
      const original = await runCli('evaluate', path(name), '--year', year, '--format', 'json');
      expect(again.out).toBe(original.out);
      expect(again.out).toMatch(/"(dataYear|shortfall)"/);
    }
  }, 180_000);

  it('writes each setting only where the plan has it', () => {
    expect(planToYaml(loadExamplePlan(path('nagano/plan.yaml')))).toMatch(
      /against: interim\n\s+data: latest/,
    );
    expect(planToYaml(loadExamplePlan(path('sano/plan.yaml')))).toMatch(/zero: places[\s\S]*shortfall: true/);
    const seed = planToYaml(loadExamplePlan(path('kitamoto/plan.yaml')));
    expect(seed).not.toMatch(/against|data:|shortfall|zero/);
  });

  it('warns, at the KPI, where an interim basis meets a KPI with no interim target at all', () => {
    const text = readFileSync(path('saitama/plan.yaml'), 'utf8').replace(
      '        milestones: {H28: 100}\n',
      '',
    );
    const warning = readPlanText(text).problems.find((p) => p.code === 'no-interim-targets');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('新規の企業立地件数');
    expect(warning?.position?.line).toBe(text.split('\n').findIndex((l) => l.includes('id: new-plants')) + 1);
  });

  it('validate names the place of a mistaken setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-interim-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(
      file,
      readFileSync(path('nagano/plan.yaml'), 'utf8')
        .replace('against: interim', 'against: interm')
        .replace('data: latest', 'data: newest'),
    );
    const run = await runCli('validate', file);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`${file}:\\d+:\\d+: error: 「interm」 is not allowed here`));
    expect(run.err).toContain('hint: Use one of: final, interim.');
    expect(run.err).toContain('hint: Use one of: evaluation-year, latest.');
  });
});

describe('every output says which figure was judged and against what', () => {
  const nagano = evaluate(loadExamplePlan(path('nagano/plan.yaml')), H29);
  const sano = evaluate(loadExamplePlan(path('sano/plan.yaml')), H27);

  it('the CLI table: 直近値（H27） under the score, the interim target under the target', async () => {
    const run = await runCli('evaluate', path('nagano/plan.yaml'), '--year', 'H29');
    expect(run.out).toContain('計画進捗率（年度目標比）');
    expect(run.out).toContain('直近値（H27）');
    expect(run.out).toContain('※H27の年度目標：8,137千円/人');
    expect(run.out).toContain('-320.0%');
    const english = await runCli('evaluate', path('nagano/plan.yaml'), '--year', 'H29', '--lang', 'en');
    expect(english.out).toContain('latest figure (H28)');
    expect(english.out).not.toContain('直近値');
  });

  it('the JSON: the year judged, the interim target and 目標との差, only where used', () => {
    const json = JSON.parse(toJsonText(evaluationJson(nagano, ja)));
    expect(json).toMatchObject({ against: 'interim', data: 'latest' });
    const productivity = json.goals[0].kpis.find((k: { id: string }) => k.id === 'productivity').series[0];
    expect(productivity).toMatchObject({ dataYear: 'H27', interimTarget: 8137, actual: 7612, score: -320 });
    expect(productivity.formula).toBe('(7,612 − 8,012) / (8,137 − 8,012) = −320.0%');
    const sanoJson = JSON.parse(toJsonText(evaluationJson(sano, ja)));
    expect(sanoJson.goals[0].kpis[0].series[0].shortfall).toEqual({
      value: 17.1,
      target: 75.0,
      formula: '75.0 − 57.9 = 17.1',
    });
    const seed = toJsonText(evaluationJson(kitamotoR4(), ja));
    expect(seed).not.toMatch(/"(against|data|dataYear|interimTarget|shortfall|zero)"/);
  });

  it("the CSV: extra columns after the contract's, only where used", () => {
    const [header, ...rows] = evaluationCsv(nagano).trim().split('\r\n');
    expect(header?.endsWith(',on_track,interim_target,data_year')).toBe(true);
    expect(rows.find((r) => r.includes(',productivity,'))?.endsWith(',8137,H27')).toBe(true);
    expect(evaluationCsv(sano).split('\r\n')[1]?.endsWith(',17.1')).toBe(true);
    expect(evaluationCsv(kitamotoR4()).split('\r\n')[0]?.endsWith(',on_track')).toBe(true);
  });

  it('the HTML report: 直近値, the interim target, 目標との差 in points', () => {
    const html = renderReportHtml(nagano, ja);
    expect(html).toContain('直近値（H28）');
    expect(html).toContain('※H28の年度目標：49.3回/人');
    const sanoHtml = renderReportHtml(sano, ja);
    expect(sanoHtml).toContain('目標との差');
    expect(sanoHtml).toContain('17.1ポイント');
    expect(sanoHtml).toContain('75.0 − 57.9 = 17.1');
    expect(renderReportHtml(sano, en)).toContain('17.1 points');
  });

  it("the open data: each row keeps its own year's actual, and names the year judged", () => {
    const plan = loadExamplePlan(path('nagano/plan.yaml'));
    const dataset = openDataset(plan, H29, null);
    const row = (id: string, year: number) =>
      dataset.records.find((r) => r.kpi_id === id && r.fiscal_year === year);
    const h29 = row('productivity', H29) as Record<string, unknown> | undefined;
    expect(h29?.actual).toBeNull(); // H29 has no figure of its own: the H27 figure is judged, not copied
    expect(h29?.judged_year).toBe(H27);
    expect(h29?.interim_score).toEqual({ text: '-320.0' });
    expect(datasetCsv(dataset).split('\r\n')[0]).toContain(
      ',評価に用いた実績値の年度,年度目標,年度目標に対する達成度',
    );
    expect(dictionaryCsv(dataset)).toContain('judged_year');
    const kitamoto = loadExamplePlan(path('kitamoto/plan.yaml'));
    expect(dictionaryCsv(openDataset(kitamoto, 2022, null))).toBe(dictionaryCsv());
  });

  it('the workbook: formulas over the interim target and the year judged', () => {
    const workbook = buildReportWorkbook(nagano, ja, { charts: false });
    const goal = nagano.goals[0];
    if (!goal) throw new Error('no goal');
    const layout = goalSheetLayout(goal, nagano);
    const sheet = workbook.worksheets.find(
      (w) => w.getCell(layout.headerRow, layout.columns.score).value === '計画進捗率（年度目標比）',
    );
    if (!sheet) throw new Error('no goal sheet');
    const rowOf = (id: string) => layout.kpis.find((k) => k.kpi.id === id)?.series[0]?.row ?? 0;
    const column = (year: number) => layout.columns.years.find((y) => y.year === year)?.column ?? 0;
    const productivity = sheet.getCell(rowOf('productivity'), layout.columns.score);
    const letter = (c: number) => String.fromCharCode(64 + c);
    const r = rowOf('productivity');
    expect(productivity.formula).toContain(`${letter(column(H27))}${r}-C${r}`);
    expect(productivity.formula).toContain(`${letter(layout.columns.milestone ?? 0)}${r}-C${r}`);
    expect(sheet.getCell(r, layout.columns.judged ?? 0).value).toBe('直近値（H27）');
    expect(sheet.getCell(r, layout.columns.milestone ?? 0).value).toBe(8137);
  });
});
