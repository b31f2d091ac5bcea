import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { datasetCsv } from '../../src/open-data/documents.ts';
import { parseMunicipalityCode } from '../../src/core/municipality-code.ts';
import { openDataset } from '../../src/open-data/records.ts';
import { JsonDecimal } from '../../src/render/json-text.ts';
import { expectGolden } from '../support/golden.ts';
import { KITAMOTO_PATH, kitamotoPlan } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const d = (v: string) => v as DecimalString;

describe('shinchoku export-data', () => {
  it('writes the Kitamoto R4 dataset as CSV with a BOM, JSON with a dictionary, and the dictionary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-open-data-'));
    const run = await runCli(
      'export-data',
      KITAMOTO_PATH,
      '--out',
      dir,
      '--year',
      'R4',
      '--code',
      '11233',
      '--updated',
      '2023-09-30',
    );
    expect(run.code).toBe(0);
    expect(
      run.out
        .split('\n')
        .filter(Boolean)
        .map((p) => p.slice(dir.length + 1)),
    ).toEqual([
      'kitamoto-2nd-strategy_kpi_R4.csv',
      'kitamoto-2nd-strategy_kpi_R4.json',
      'kitamoto-2nd-strategy_kpi_dictionary.csv',
    ]);
    const csv = readFileSync(join(dir, 'kitamoto-2nd-strategy_kpi_R4.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF全国地方公共団体コード,地方公共団体名,')).toBe(true);
    expectGolden('open-data/kitamoto-r4.csv', csv);
    expectGolden(
      'open-data/kitamoto-r4.json',
      readFileSync(join(dir, 'kitamoto-2nd-strategy_kpi_R4.json'), 'utf8'),
    );
    const dictionary = readFileSync(join(dir, 'kitamoto-2nd-strategy_kpi_dictionary.csv'), 'utf8');
    expect(dictionary).toContain(
      '\uFEFF項目名,英語キー,型,単位,説明\r\n全国地方公共団体コード,municipality_code,文字列,,',
    );
    expect(dictionary).toContain('目標進捗率,progress,数値,%,');
    expect(run.err).toBe('published 34 rows (R3, R4)\n');
  });

  it('takes every figure from the evaluation of its year', () => {
    const plan = kitamotoPlan();
    const { records } = openDataset(plan, 2022, null);
    expect(records).toHaveLength(34);
    for (const year of [2021, 2022]) {
      const evaluation = evaluate(plan, year);
      for (const kpi of evaluation.kpis) {
        const rows = records.filter((r) => r.kpi_id === kpi.id && r.fiscal_year === year);
        expect(rows.map((r) => (r.progress as JsonDecimal | null)?.text ?? null)).toEqual(
          kpi.series.map((s) => s.progress?.value ?? null),
        );
        expect(rows.map((r) => r.status)).toEqual(
          kpi.series.map(
            () => ({ achieved: '達成', not_achieved: '未達成', not_evaluated: '未評価' })[kpi.status],
          ),
        );
      }
    }
    const healthy = records.filter(
      (r) => r.kpi_id === 'healthy-life-expectancy-65' && r.fiscal_year === 2022,
    );
    expect(healthy.map((r) => [r.series_label, r.actual, r.missing_reason, r.status])).toEqual([
      ['男性', null, '未取得', '未評価'],
      ['女性', null, '未取得', '未評価'],
    ]);
  });

  it('guards text against formula injection and keeps negative figures as numbers', () => {
    const kpi = {
      ...makeKpi('k1', 'g1', [
        makeSeries({ baseline: d('-40'), target: d('0'), actuals: { 2022: value(d('-12')) } }, '-男性'),
      ]),
      name: '=HYPERLINK("http://example.com","x")',
      category: ['@分類'],
      department: '+課',
    };
    const plan = makePlan([{ id: 'g1', kpis: [kpi] }]);
    const csv = datasetCsv(openDataset(plan, 2022, null));
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`"'=HYPERLINK(""http://example.com"",""x"")"`);
    expect(row).toContain(",'@分類,'+課,'-男性,");
    expect(row).toContain(',-40,,0,2026,-12,確定,,');
  });

  it('checks the municipality code and its check digit', () => {
    expect(parseMunicipalityCode('11233')).toEqual({ ok: true, value: '112330', notes: [] });
    expect(parseMunicipalityCode('１１２３３０')).toMatchObject({ ok: true, value: '112330' });
    expect(parseMunicipalityCode('112331')).toEqual({
      ok: false,
      message: '「112331」 has the check digit 1, but 11233 needs 0.',
    });
    expect(parseMunicipalityCode('北本市').ok).toBe(false);
  });

  it('publishes a stored plan as it publishes the plan file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-open-data-db-'));
    const data = ['--data', join(dir, 'db')];
    expect((await runCli('import', KITAMOTO_PATH, ...data)).code).toBe(0);
    const run = await runCli('export-data', '--out', join(dir, 'out'), '--updated', '2023-09-30', ...data);
    expect(run.code).toBe(0);
    const fromDb = readFileSync(join(dir, 'out', 'kitamoto-2nd-strategy_kpi_R4.csv'), 'utf8');
    const fromFile = readFileSync(
      join(import.meta.dirname, '..', 'golden', 'open-data', 'kitamoto-r4.csv'),
      'utf8',
    );
    expect(fromDb).toBe(fromFile.replaceAll('112330,', ','));
    expect((await runCli('export-data', '--out', dir, '--code', '112331', KITAMOTO_PATH)).code).toBe(2);
    expect((await runCli('export-data', KITAMOTO_PATH)).err).toContain('needs --out');
  }, 60_000);
});
