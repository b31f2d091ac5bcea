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
import { statusText } from '../../src/render/xlsx/cells.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Series } from '../../src/core/plan.ts';
import type { Bound } from '../../src/core/target-bound.ts';
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

/**
 * Ties the status must settle as the engine does: an actual on its target (達成 for a plain or 以上/以下
 * target, 未達成 for 超/未満), written with other digits (380.0 against 380), in either direction, a KPI
 * whose series split, and one without an actual. Under grade bands a score of exactly 100.0 or 50.0 sits
 * on a band's minimum.
 */
function tieEvaluation(settings: Partial<EvaluationSettings>): Evaluation {
  const series = (
    baseline: string,
    target: string,
    actual: FigureEntry,
    bound?: Bound,
    direction?: 'increase' | 'decrease',
  ): Series => {
    const s = makeSeries({
      baseline: dec(baseline),
      target: dec(target),
      actuals: { 2022: actual },
      direction,
    });
    return bound === undefined ? s : { ...s, target: { ...s.target, bound } };
  };
  const kpis = [
    [series('300', '380', value(dec('380.0')))],
    [series('50', '40', value(dec('40')), undefined, 'decrease')],
    [series('10', '20', value(dec('20')), 'more-than')],
    [series('10', '20', value(dec('20')), 'at-least')],
    [series('30', '20', value(dec('20')), 'less-than', 'decrease')],
    [series('30', '20', value(dec('20')), 'at-most', 'decrease')],
    [series('0', '10', value(dec('10'))), series('0', '10', value(dec('9.99')))],
    [series('0', '10', value(dec('10'))), series('5', '1', value(dec('1')), undefined, 'decrease')],
    [series('0', '10', { kind: 'missing', reason: '集計中' })],
    [series('0', '10', value(dec('5')))],
    [series('0', '10', value(dec('4.99')))],
    [series('10', '0', value(dec('-0')), undefined, 'decrease')],
  ].map((s, i) => makeKpi(`t${i}`, `G${i % 2}`, s));
  const goals = [0, 1].map((g) => ({ id: `G${g}`, kpis: kpis.filter((_, i) => i % 2 === g) }));
  return evaluate(makePlan(goals, settings), 2022);
}

interface Case {
  /** What the workbook must show: the engine's evaluation, after the edit where there is one. */
  readonly evaluation: Evaluation;
  readonly messages: Messages;
  /** The evaluation the workbook is written from, where an edit then changes it. */
  readonly source?: Evaluation;
  /** A change a member of staff makes to the written workbook before it is recalculated. */
  readonly edit?: (workbook: ExcelJS.Workbook, source: Evaluation) => void;
}

/** The seed with actuals changed: 出生数 onto its target (a tie), 市民参画 just short, and 健康寿命 entered. */
const CHANGED_ACTUALS: Readonly<Record<string, readonly string[]>> = {
  births: ['380'],
  'civic-participation': ['1740'],
  'healthy-life-expectancy-65': ['19.00', '21.4'],
};

function changedSeed(): Evaluation {
  const plan = kitamotoPlan();
  const kpis = new Map(
    [...plan.kpis].map(([id, kpi]): [string, Kpi] => {
      const changed = CHANGED_ACTUALS[id];
      if (!changed) return [id, kpi];
      const series = kpi.series.map((s, i) => {
        const actuals = new Map(s.actuals);
        actuals.set(2022, value(dec(changed[i] ?? '')));
        return { ...s, actuals };
      });
      return [id, { ...kpi, series }];
    }),
  );
  return evaluate({ ...plan, kpis }, 2022);
}

/** Types the changed actuals into the goal sheets' R4 column, as a member of staff would. */
function typeChangedActuals(workbook: ExcelJS.Workbook, source: Evaluation): void {
  const names = sheetNames(source, ja);
  for (const goal of source.goals) {
    const layout = goalSheetLayout(goal, source);
    const ws = workbook.getWorksheet(names.goals.get(goal.id) ?? goal.id);
    for (const { kpi, series } of layout.kpis) {
      const changed = CHANGED_ACTUALS[kpi.id];
      if (!changed) continue;
      series.forEach(({ row }, i) => {
        const cell = ws?.getCell(row, layout.columns.actual);
        if (cell) cell.value = Number(changed[i]);
      });
    }
  }
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
  ['ties', { evaluation: tieEvaluation({}), messages: ja }],
  [
    'ties-grades-truncate',
    {
      evaluation: tieEvaluation({
        rounding: { mode: 'truncate', places: 1 },
        grades: [
          { label: 'A', min: dec('100'), achieved: true },
          { label: 'B', min: dec('50'), achieved: false },
          { label: 'C', min: null, achieved: null },
        ],
      }),
      messages: ja,
    },
  ],
  [
    'changed-actuals',
    { evaluation: changedSeed(), source: kitamotoR4(), edit: typeChangedActuals, messages: ja },
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
  if (c.source && c.edit) {
    const workbook = buildReportWorkbook(c.source, c.messages, { charts: false });
    c.edit(workbook, c.source);
    return workbook;
  }
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
  readonly kind: 'score' | 'status' | 'count' | 'rate';
  readonly where: string;
  readonly expected: string;
  readonly actual: string;
}

/**
 * The statuses left as the engine's word: under grade bands, a KPI with no actual has no score for a
 * band to read, so its status cannot follow one typed in later (status-formula.ts).
 */
function written(name: string, kpiId: string): boolean {
  return name === 'ties-grades-truncate' && kpiId === 't8';
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
      const first = series[0]?.row ?? 0;
      const cell = ws?.getCell(first, layout.columns.status);
      out.push({
        kind: 'status',
        where: `${goal.id} ${kpi.id}`,
        expected: statusText(kpi, c.messages) + (written(name, kpi.id) ? ' (written, no formula)' : ''),
        actual: cell?.formula ? String(cell.result) : `${String(cell?.value)} (written, no formula)`,
      });
      // An edited workbook keeps the written score text where the engine had none to compute.
      if (c.edit) continue;
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
  // Cells are where the workbook was written them: an edit moves no cell.
  const s = summaryLayout(c.source ?? e);
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
  it.each([...CASES.keys()])('%s: every status, score, count and rate equals the engine’s', (name) => {
    const all = figures(name);
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((f) => f.actual !== f.expected)).toEqual([]);
  });

  it('computes every status by formula, ties on the target included', () => {
    // In sheet order: goal G0 holds t0, t2, …, t10, and G1 t1, t3, …, t11.
    const ties = figures('ties').filter((f) => f.kind === 'status');
    expect(ties.map((f) => f.actual)).toEqual(
      '達成 未達成 未達成 未達成 集計中 未達成 達成 達成 達成 達成 未達成 達成'.split(' '),
    );
    // Bands settle it where they say: 100.0 earns A (達成) even on a 超 target; 50.0 and 49.9 do not.
    const graded = figures('ties-grades-truncate').filter((f) => f.kind === 'status');
    expect(graded.map((f) => f.actual)).toEqual(
      ['達成', '達成', '達成', '未達成', '集計中 (written, no formula)', '未達成'].concat(
        '達成 達成 達成 達成 未達成 達成'.split(' '),
      ),
    );
  });

  it('follows actuals typed into the workbook: statuses, counts and rates move with them', () => {
    const before = figures('seed');
    const after = figures('changed-actuals');
    const status = (all: Figure[], id: string) =>
      all.find((f) => f.kind === 'status' && f.where.endsWith(id));
    expect(status(before, 'births')?.actual).toBe('未達成');
    expect(status(after, 'births')?.actual).toBe('達成');
    expect(status(before, 'civic-participation')?.actual).toBe('達成');
    expect(status(after, 'civic-participation')?.actual).toBe('未達成');
    expect(status(before, 'healthy-life-expectancy-65')?.actual).toBe('未取得');
    expect(status(after, 'healthy-life-expectancy-65')?.actual).toBe('未達成');
    const overall = (all: Figure[]) => all.filter((f) => f.where === 'summary overall').map((f) => f.actual);
    expect(overall(before)).toEqual(['4', '15', '26.7']);
    const engine = changedSeed().overall;
    expect(overall(after)).toEqual([String(engine.achieved), String(engine.evaluated), engine.rate]);
    expect(overall(after)).not.toEqual(overall(before));
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
