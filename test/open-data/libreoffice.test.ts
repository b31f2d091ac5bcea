import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { datasetCsv } from '../../src/open-data/documents.ts';
import { FIELDS } from '../../src/open-data/fields.ts';
import { openDataset } from '../../src/open-data/records.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { makeKpi, makePlan, makeSeries } from '../support/plans.ts';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** Comma-separated, double-quoted, UTF-8 (76), starting at line 1: how a person opens the CSV in Calc. */
const CSV_FILTER = 'CSV:44,34,76,1';

async function sheetRows(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= FIELDS.length; c++) {
      const value = row.getCell(c).value;
      cells.push(
        value && typeof value === 'object' && 'richText' in value
          ? value.richText.map((r) => r.text).join('')
          : String(value ?? ''),
      );
    }
    rows.push(cells);
  });
  return rows;
}

describe.skipIf(!soffice)('the open-data CSV in LibreOffice', () => {
  it('opens with its Japanese text intact and no formula run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-lo-'));
    const records = openDataset(kitamotoPlan(), 2022, '112330').records;
    writeFileSync(join(dir, 'kitamoto.csv'), datasetCsv(openDataset(kitamotoPlan(), 2022, '112330')));
    const injected = {
      ...makeKpi('k1', 'g1', [
        makeSeries({ baseline: '1' as DecimalString, target: '2' as DecimalString, actuals: {} }),
      ]),
      name: '=1+2の割合',
    };
    writeFileSync(
      join(dir, 'injected.csv'),
      datasetCsv(openDataset(makePlan([{ id: 'g1', kpis: [injected] }]), 2022, null)),
    );
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        `--infilter=${CSV_FILTER}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        join(dir, 'kitamoto.csv'),
        join(dir, 'injected.csv'),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const [header, ...rows] = await sheetRows(join(dir, 'kitamoto.xlsx'));
    expect(header).toEqual(FIELDS.map((f) => f.label));
    expect(rows).toHaveLength(records.length);
    const column = (key: string) => FIELDS.findIndex((f) => f.key === key);
    rows.forEach((row, i) => {
      const record = records[i];
      for (const key of [
        'municipality',
        'plan_title',
        'fiscal_year_label',
        'goal_title',
        'kpi_name',
        'unit',
        'status',
      ] as const) {
        expect(row[column(key)]).toBe(record?.[key]);
      }
    });
    expect(rows.map((r) => r[column('missing_reason')]).filter(Boolean)).toEqual(['未取得', '未取得']);
    const [, injectedRow] = await sheetRows(join(dir, 'injected.xlsx'));
    expect(injectedRow?.[column('kpi_name')]).toContain('=1+2の割合');
  }, 180_000);
});
