import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal, toFixedString, decimalPlacesOf } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { goalSheetLayout, sheetNames } from '../../src/render/xlsx/layout.ts';
import { buildReportWorkbook } from '../../src/render/xlsx/report.ts';
import { statusText } from '../../src/render/xlsx/cells.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';

/**
 * The published examples' workbooks recalculated by LibreOffice: every score against an interim target
 * or on the latest data, and every 目標との差, equals the engine's. Cached results are made stale first,
 * so a figure can only match if LibreOffice computed it.
 */

const run = promisify(execFile);
const ja = messagesFor('ja');
const CASES: ReadonlyMap<string, Evaluation> = new Map([
  ['ibaraki', evaluate(loadExamplePlan(join(ROOT, 'examples/ibaraki/plan.yaml')), 2015)],
  ['ibaraki-h29', evaluate(loadExamplePlan(join(ROOT, 'examples/ibaraki/plan-h29.yaml')), 2017)],
  ['nagano', evaluate(loadExamplePlan(join(ROOT, 'examples/nagano/plan.yaml')), 2017)],
  ['saitama', evaluate(loadExamplePlan(join(ROOT, 'examples/saitama/plan.yaml')), 2016)],
  ['sano', evaluate(loadExamplePlan(join(ROOT, 'examples/sano/plan.yaml')), 2015)],
]);

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load">
    <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
  </item>
</oor:items>
`;

const dir = mkdtempSync(join(tmpdir(), 'shinchoku-xlsx-interim-'));
const recalculated = new Map<string, ExcelJS.Workbook>();

beforeAll(async () => {
  const [inputs, outputs, profile] = ['in', 'out', 'profile'].map((d) => join(dir, d)) as [
    string,
    string,
    string,
  ];
  mkdirSync(inputs);
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  const files: string[] = [];
  for (const [name, evaluation] of CASES) {
    const workbook = buildReportWorkbook(evaluation, ja, { charts: false });
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = { formula: cell.formula, result: -999_999 };
        }),
      ),
    );
    files.push(join(inputs, `${name}.xlsx`));
    await workbook.xlsx.writeFile(join(inputs, `${name}.xlsx`));
  }
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      outputs,
      ...files,
    ],
    { timeout: 90_000 },
  );
  for (const name of CASES.keys()) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(outputs, `${name}.xlsx`));
    recalculated.set(name, workbook);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the examples’ workbooks recalculated by LibreOffice', () => {
  it.each([...CASES.keys()])('%s: every status, score and 目標との差 equals the engine’s', (name) => {
    const e = CASES.get(name);
    const workbook = recalculated.get(name);
    if (!e || !workbook) throw new Error(`${name} was not converted`);
    const names = sheetNames(e, ja);
    const found: string[] = [];
    const expected: string[] = [];
    let statuses = 0;
    const read = (ws: ExcelJS.Worksheet | undefined, row: number, column: number, places: number) => {
      const cell = ws?.getCell(row, column);
      if (!cell?.formula) return `no formula at R${row}C${column}`;
      return typeof cell.result === 'number'
        ? toFixedString(new Decimal(cell.result), places)
        : String(cell.result);
    };
    for (const goal of e.goals) {
      const layout = goalSheetLayout(goal, e);
      const ws = workbook.getWorksheet(names.goals.get(goal.id) ?? goal.id);
      for (const { kpi, series } of layout.kpis) {
        // The status: by formula wherever the sheet holds what decides it (status-formula.ts).
        const status = ws?.getCell(series[0]?.row ?? 0, layout.columns.status);
        if (status?.formula) {
          statuses++;
          expected.push(`${kpi.id} ${statusText(kpi, ja)}`);
          found.push(`${kpi.id} ${String(status.result)}`);
        }
        for (const { series: s, row } of series) {
          if (s.score) {
            expected.push(`${kpi.id} ${s.score.value}`);
            found.push(`${kpi.id} ${read(ws, row, layout.columns.score, e.settings.rounding.places)}`);
          }
          if (s.shortfall && layout.columns.shortfall !== null) {
            expected.push(`${kpi.id} gap ${s.shortfall.value}`);
            found.push(
              `${kpi.id} gap ${read(ws, row, layout.columns.shortfall, decimalPlacesOf(s.shortfall.value))}`,
            );
          }
        }
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(statuses).toBeGreaterThan(0);
    expect(found).toEqual(expected);
  });
});
