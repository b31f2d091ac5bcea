import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal, toDecimalString, toFixedString, type DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation, Tally } from '../../src/core/evaluation.ts';
import { NO_FIGURE, withSeriesLabel } from '../../src/core/format.ts';
import type { Kpi } from '../../src/core/plan.ts';
import type { EvaluationSettings } from '../../src/core/settings.ts';
import { messagesFor, type Messages } from '../../src/render/messages.ts';
import { goalSheetLayout, sheetNames, summaryLayout } from '../../src/render/xlsx/layout.ts';
import { buildReportWorkbook, renderReportXlsx } from '../../src/render/xlsx/report.ts';
import { kitamotoPlan, kitamotoR4 } from '../support/kitamoto.ts';
import { decimalArb, kpiSpecArb, makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

/**
 * The workbook's formulas recalculated by LibreOffice, against the engine. Every cached result is
 * overwritten with a stale one first, so a figure can only match if LibreOffice computed it.
 */

const run = promisify(execFile);

function dec(text: string): DecimalString {
  const d = toDecimalString(text);
  if (d === null) throw new Error(`${text} is not a decimal`);
  return d;
}

/** The seed under other settings, with an interim target for 出生数 so that pace has one to meet. */
function withSettings(settings: Partial<EvaluationSettings>): Evaluation {
  const plan = kitamotoPlan();
  const kpis = new Map(
    [...plan.kpis].map(([id, kpi]): [string, Kpi] => [
      id,
      id === 'births'
        ? { ...kpi, series: kpi.series.map((s) => ({ ...s, milestones: new Map([[2022, dec('350')]]) })) }
        : kpi,
    ]),
  );
  return evaluate({ ...plan, kpis, evaluation: { ...plan.evaluation, ...settings } }, 2022);
}

/**
 * Random KPIs, and scores built to sit exactly on a tie (half-up) or a boundary (truncate) of the
 * printed places: where binary arithmetic lands on the wrong side unless the formula guards against it.
 */
function randomEvaluation(settings: Partial<EvaluationSettings>, seed: number): Evaluation {
  const rounding = settings.rounding ?? { mode: 'half-up', places: 1 };
  const edge = fc.tuple(decimalArb, fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 0, max: 4 }));
  const edges = fc.sample(edge, { numRuns: 80, seed: seed + 1 }).map(([baseline, units, scale]) => {
    const gap = new Decimal(10).pow(scale);
    const target = new Decimal(baseline).plus(gap);
    const score = new Decimal(units)
      .plus(rounding.mode === 'half-up' ? 0.5 : 0)
      .div(new Decimal(10).pow(rounding.places));
    const actual =
      settings.method === 'ratio' ? target.mul(score).div(100) : score.mul(gap).div(100).plus(baseline);
    return { baseline, target: dec(target.toFixed()), actuals: { 2022: value(dec(actual.toFixed())) } };
  });
  const specs = [...fc.sample(kpiSpecArb, { numRuns: 120, seed }), ...edges];
  const kpis = specs.map((spec, i) => makeKpi(`k${i}`, `G${i % 3}`, [makeSeries(spec)]));
  const goals = [0, 1, 2].map((g) => ({ id: `G${g}`, kpis: kpis.filter((_, i) => i % 3 === g) }));
  return evaluate(makePlan(goals, settings), 2022);
}

interface Case {
  readonly evaluation: Evaluation;
  readonly messages: Messages;
}

const ja = messagesFor('ja');
const CASES: ReadonlyMap<string, Case> = new Map([
  ['seed', { evaluation: kitamotoR4(), messages: ja }],
  [
    'ratio-truncate-once-en',
    {
      evaluation: withSettings({
        method: 'ratio',
        rounding: { mode: 'truncate', places: 2 },
        shared: 'once',
        missing: 'not-achieved',
      }),
      messages: messagesFor('en'),
    },
  ],
  [
    'pace-bucket',
    {
      evaluation: withSettings({
        method: 'pace',
        rounding: { mode: 'half-up', places: 0 },
        missing: 'bucket',
      }),
      messages: ja,
    },
  ],
  ['random-progress', { evaluation: randomEvaluation({ method: 'progress' }, 11), messages: ja }],
  [
    'random-truncate',
    { evaluation: randomEvaluation({ rounding: { mode: 'truncate', places: 2 } }, 23), messages: ja },
  ],
  ['random-ratio', { evaluation: randomEvaluation({ method: 'ratio' }, 37), messages: ja }],
  [
    'random-pace-once',
    { evaluation: randomEvaluation({ method: 'pace', shared: 'once' }, 41), messages: ja },
  ],
]);

/** The seed goes through the public renderer, charts and all; the rest are built without charts. */
async function workbookOf(name: string, c: Case): Promise<ExcelJS.Workbook> {
  if (name !== 'seed') return buildReportWorkbook(c.evaluation, c.messages, { charts: false });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(c.evaluation, c.messages)).buffer);
  return workbook;
}

function makeStale(workbook: ExcelJS.Workbook): number {
  let formulas = 0;
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.formula) return;
        cell.value = { formula: cell.formula, result: typeof cell.result === 'string' ? 'stale' : -999_999 };
        formulas++;
      }),
    ),
  );
  return formulas;
}

/** LibreOffice keeps an xlsx file's cached results unless told to recalculate every file it loads. */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load">
    <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
  </item>
</oor:items>
`;

const dir = mkdtempSync(join(tmpdir(), 'shinchoku-xlsx-'));
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
  for (const [name, c] of CASES) {
    const workbook = await workbookOf(name, c);
    expect(makeStale(workbook), name).toBeGreaterThan(0);
    files.push(join(inputs, `${name}.xlsx`));
    await workbook.xlsx.writeFile(join(inputs, `${name}.xlsx`));
  }
  const profileUrl = `-env:UserInstallation=file://${profile}`;
  await run('soffice', [profileUrl, '--headless', '--convert-to', 'xlsx', '--outdir', outputs, ...files], {
    timeout: 90_000,
  });
  for (const name of CASES.keys()) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(outputs, `${name}.xlsx`));
    recalculated.set(name, workbook);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The achieved, evaluated and rate cells of a tally, each as row and column. */
type TallyCells = readonly [readonly [number, number], readonly [number, number], readonly [number, number]];

interface Figure {
  readonly kind: 'score' | 'count' | 'rate';
  readonly where: string;
  readonly expected: string;
  readonly actual: string;
}

/** Every score, count and rate LibreOffice computed, beside the engine's, as decimal strings. */
function figures(name: string): Figure[] {
  const workbook = recalculated.get(name);
  const c = CASES.get(name);
  if (!workbook || !c) throw new Error(`${name} was not converted`);
  const e = c.evaluation;
  const places = e.settings.rounding.places;
  const names = sheetNames(e, c.messages);
  const out: Figure[] = [];
  const computed = (ws: ExcelJS.Worksheet | undefined, row: number, column: number, p: number) => {
    const cell = ws?.getCell(row, column);
    if (!cell?.formula) return `no formula at ${ws?.name ?? '?'}!R${row}C${column}`;
    return typeof cell.result === 'number' ? toFixedString(new Decimal(cell.result), p) : String(cell.result);
  };
  const tally = (ws: ExcelJS.Worksheet | undefined, where: string, t: Tally, cells: TallyCells) => {
    const [achieved, evaluated, rate] = cells;
    out.push({ kind: 'count', where, expected: String(t.achieved), actual: computed(ws, ...achieved, 0) });
    out.push({ kind: 'count', where, expected: String(t.evaluated), actual: computed(ws, ...evaluated, 0) });
    out.push({ kind: 'rate', where, expected: t.rate ?? NO_FIGURE, actual: computed(ws, ...rate, places) });
  };

  for (const goal of e.goals) {
    const layout = goalSheetLayout(goal, e);
    const ws = workbook.getWorksheet(names.goals.get(goal.id) ?? goal.id);
    for (const { kpi, series } of layout.kpis) {
      for (const { series: s, row } of series) {
        const where = `${goal.id} ${kpi.id} ${s.label ?? ''}`;
        const actual = s.score
          ? computed(ws, row, layout.columns.score, places)
          : String(ws?.getCell(row, layout.columns.score).value);
        const expected = s.score?.value ?? withSeriesLabel(s.label, NO_FIGURE);
        out.push({ kind: 'score', where, expected, actual });
      }
    }
    const { achieved, evaluated, rate } = layout.tally;
    const col = layout.tallyColumn;
    tally(ws, `${goal.id} sheet`, goal, [
      [achieved, col],
      [evaluated, col],
      [rate, col],
    ]);
  }
  const s = summaryLayout(e);
  const summary = workbook.getWorksheet(names.summary);
  const rows: [string, Tally, number][] = [
    ...e.goals.map((g): [string, Tally, number] => [g.id, g, s.goalRows.get(g.id) ?? 0]),
    ['overall', e.overall, s.overallRow],
  ];
  for (const [id, t, row] of rows) {
    tally(summary, `summary ${id}`, t, [
      [row, s.achievedColumn],
      [row, s.evaluatedColumn],
      [row, s.rateColumn],
    ]);
  }
  return out;
}

describe('the workbook recalculated by LibreOffice', () => {
  it.each([...CASES.keys()])('%s: every score, count and rate equals the engine’s', (name) => {
    const all = figures(name);
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((f) => f.actual !== f.expected)).toEqual([]);
  });

  it('gives the seed’s figures: its progress, its goals’ rates and 26.7% overall', () => {
    const all = figures('seed');
    const scores = all.filter((f) => f.kind === 'score' && /^-?\d/.test(f.expected)).map((f) => f.actual);
    expect(scores).toEqual(
      '-670.6 82.8 247.5 0.0 -37.5 -2850.0 55.6 117.6 -63.2 -10.1 174.1 -100.0 -2850.0 66.7'.split(' '),
    );
    const rates = all.filter((f) => f.kind === 'rate' && f.where.startsWith('summary')).map((f) => f.actual);
    expect(rates).toEqual(['0.0', '50.0', '0.0', '50.0', '25.0', '0.0', '26.7']);
  });
});
