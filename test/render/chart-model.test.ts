import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation, KpiResult } from '../../src/core/evaluation.ts';
import { baselineYear } from '../../src/core/plan.ts';
import { kpiChartModel, numberFormatCode, valueAxis, type ChartModel } from '../../src/render/chart-model.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';

const ja = messagesFor('ja');
const en = messagesFor('en');

function kpiOf(evaluation: Evaluation, id: string): KpiResult {
  const kpi = evaluation.kpis.find((k) => k.id === id);
  if (!kpi) throw new Error(`no KPI ${id}`);
  return kpi;
}

const line = (model: ChartModel, role: string, series = 0) => {
  const found = model.lines.find((l) => l.role === role && l.series === series);
  if (!found) throw new Error(`no ${role} line`);
  return found;
};

/** Where a line has points: the category of each, and its text. */
const placed = (model: ChartModel, role: string, series = 0) =>
  line(model, role, series).points.flatMap((p, i) => (p ? [`${model.categories[i]} ${p.text}`] : []));

/** A one-KPI plan for R4–R7, evaluated in `year`. */
function onePlan(kpi: string, year: number): Evaluation {
  const text = `plan:
  id: chart-test
  title: テスト戦略
  municipality: テスト市
  period: {from: R4, to: R7}
goals:
  - id: B1
    kind: basic
    number: 1
    title: テスト
    kpis:
      - id: k
        name: テスト指標
        unit: 人
${kpi
  .split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
`;
  const { plan, problems } = readPlanText(text);
  if (!plan) throw new Error(problems.map((p) => p.message).join('; '));
  return evaluate(plan, year);
}

describe('kpiChartModel', () => {
  const seed = kitamotoR4();

  it('puts a baseline with a year at that year, and runs the axis from it to the target year, every year a category', () => {
    const model = kpiChartModel(kpiOf(seed, 'net-product-per-worker'), seed, ja);
    expect(model.categories).toEqual(['H30', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(placed(model, 'baseline')).toEqual(['H30 基準値 431.5 (H30)']);
    expect(placed(model, 'target')).toEqual(['R7 目標値 438.3']);
    // Years without a figure are blank, not zero.
    expect(placed(model, 'actual')).toEqual(['R3 385.9', 'R4 385.9']);
    expect(model.notes).toEqual([]);
  });

  it('puts a span baseline (H30～R2平均値) at the year the evaluation measures the path from: its end', () => {
    const kpi = kpiOf(seed, 'women-25-34-net-migration');
    const model = kpiChartModel(kpi, seed, ja);
    const engineYear = baselineYear(seed.plan, kpi.series[0]?.baseline ?? null);
    expect(model.years[0]).toBe(engineYear);
    expect(model.categories).toEqual(['R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(placed(model, 'baseline')).toEqual(['R2 基準値 -40 (H30～R2平均値)']);
    // The path starts there, as the evaluation's expected value does.
    expect(placed(model, 'path').map((p) => p.split(' ')[0])).toEqual(['R2', 'R7']);
  });

  it('puts a baseline without a year at the year before the plan, says so on the chart, and keeps it apart from that year’s actual', () => {
    const model = kpiChartModel(kpiOf(seed, 'healthy-life-expectancy-65'), seed, ja);
    expect(model.categories).toEqual(['R3', 'R4', 'R5', 'R6', 'R7']);
    expect(placed(model, 'baseline', 0)).toEqual(['R3 基準値 18.43']);
    expect(placed(model, 'actual', 0)).toEqual(['R3 18.88']);
    expect(line(model, 'baseline').label).toBe('below');
    expect(line(model, 'actual').label).toBe('above');
    expect(model.notes).toEqual([
      '※基準値は年度の記載がないため、計画開始の前年度（R3）の値として評価しています',
    ]);
  });

  it('never moves a yearless baseline to the first actual’s year', () => {
    const evaluation = onePlan('baseline: 100\ntarget: 200\nactuals: {R5: 120, R6: 150}', 2024);
    const model = kpiChartModel(kpiOf(evaluation, 'k'), evaluation, ja);
    expect(model.categories).toEqual(['R3', 'R4', 'R5', 'R6', 'R7']);
    expect(placed(model, 'baseline')).toEqual(['R3 基準値 100']);
    expect(placed(model, 'actual')).toEqual(['R5 120', 'R6 150']);
  });

  it('groups thousands in every label and sentence, with the figures’ own decimals', () => {
    const model = kpiChartModel(kpiOf(seed, 'greenhouse-gas-emissions'), seed, ja);
    expect(placed(model, 'actual')).toEqual(['R3 254,000', 'R4 242,000']);
    expect(placed(model, 'baseline')).toEqual(['R3 基準値 272,000']);
    expect(placed(model, 'target')).toEqual(['R7 目標値 246,500']);
    expect(model.statements[0]).toBe(
      'R4 の実績値 242,000t は、基準値から目標値への経路上の値 265,625t に達しています：経路どおりのペース',
    );
    const donations = kpiChartModel(kpiOf(seed, 'furusato-donations'), seed, ja);
    expect(placed(donations, 'actual')).toEqual(['R3 6,128', 'R4 7,295']);
    const life = kpiChartModel(kpiOf(seed, 'healthy-life-expectancy-65'), seed, ja);
    expect(life.places).toBe(2);
    expect(placed(life, 'target', 1)).toEqual(['R7 目標値 21.50']);
  });

  it('states the projection and the pace in words, in the KPI’s decimals', () => {
    const model = kpiChartModel(kpiOf(seed, 'net-product-per-worker'), seed, ja);
    expect(model.statements).toEqual([
      'R4 の実績値 385.9万円 は、基準値から目標値への経路上の値 435.4万円 に達していません：経路より遅れているペース',
      'このままのペースでは R7 に 343.8万円（目標 438.3万円）の見込み：目標に届かないペース',
    ]);
    const english = kpiChartModel(kpiOf(seed, 'women-25-34-net-migration'), seed, en);
    expect(english.statements).toEqual([
      'The R4 actual 59人 is at or beyond -24人, where the straight path from baseline to target stands: on track',
      'At this pace, 145人 is expected in R7 (target 0人): on pace to reach the target',
    ]);
  });

  it('labels each series’s statements with its label', () => {
    const model = kpiChartModel(kpiOf(seed, 'local-learning-opportunities'), seed, ja);
    expect(model.statements.every((s) => /^(児童|生徒)：/.test(s))).toBe(true);
  });

  it('puts the baseline and target labels on the side away from the path between them', () => {
    const falling = kpiChartModel(kpiOf(seed, 'greenhouse-gas-emissions'), seed, ja);
    expect([line(falling, 'baseline').label, line(falling, 'target').label]).toEqual(['above', 'below']);
    const rising = kpiChartModel(kpiOf(seed, 'net-product-per-worker'), seed, ja);
    expect([line(rising, 'baseline').label, line(rising, 'target').label]).toEqual(['below', 'above']);
  });

  it('gives every chart of the seed a value axis holding all its points, with room above and below', () => {
    for (const kpi of seed.kpis) {
      const model = kpiChartModel(kpi, seed, ja);
      const values = model.lines.flatMap((l) => l.points.flatMap((p) => (p ? [p.value] : [])));
      const { min, max, step } = model.axis;
      // Zero is the floor of figures that never go below it (no casualties: 0, 0).
      if (min === 0) expect(Math.min(...values), kpi.id).toBeGreaterThanOrEqual(0);
      else expect(Math.min(...values), kpi.id).toBeGreaterThan(min);
      expect(Math.max(...values), kpi.id).toBeLessThan(max);
      expect(Math.abs(Math.round((max - min) / step) - (max - min) / step), kpi.id).toBeLessThan(1e-9);
    }
  });
});

describe('valueAxis and numberFormatCode', () => {
  it('steps by round numbers and keeps positive figures above zero', () => {
    expect(valueAxis([242000, 272000], 0)).toEqual({ min: 230000, max: 280000, step: 10000, places: 0 });
    expect(valueAxis([0.48, 1.24], 2)).toEqual({ min: 0.25, max: 1.5, step: 0.25, places: 2 });
    expect(valueAxis([1, 100]).min).toBe(0);
    expect(valueAxis([-40, 145]).min).toBeLessThan(-40);
    expect(valueAxis([18.43, 21.5], 2).places).toBe(0);
    expect(valueAxis([5, 5])).toMatchObject({ places: 0 });
    // No casualties, 0 and 0: whole numbers, not 0.0 and 0.5.
    expect(valueAxis([0, 0], 0)).toEqual({ min: 0, max: 1, step: 1, places: 0 });
    expect(valueAxis([0, 0], 1)).toMatchObject({ step: 0.5, places: 1 });
  });

  it('writes Excel and PowerPoint number formats with separators and the places', () => {
    expect(numberFormatCode(0)).toBe('#,##0');
    expect(numberFormatCode(2)).toBe('#,##0.00');
  });
});

describe('kpiChartModel: series sharing a mark', () => {
  it('labels a target two series share once', () => {
    const seed = kitamotoR4();
    const model = kpiChartModel(kpiOf(seed, 'local-learning-opportunities'), seed, ja);
    const targets = model.lines.filter((l) => l.role === 'target');
    expect(targets.map((l) => l.points.find((p) => p)?.text)).toEqual(['目標値 60.0', '目標値 60.0']);
    expect(targets.map((l) => l.label)).toEqual(['above', null]);
  });
});

describe('kpiChartModel: labels clear of the axes', () => {
  it('labels a baseline at the foot of the axis above it, not over the years', () => {
    const evaluation = onePlan('baseline: 0\ntarget: 300\nactuals: {R4: 139, R5: 237}', 2023);
    const model = kpiChartModel(kpiOf(evaluation, 'k'), evaluation, ja);
    expect(model.axis.min).toBe(0);
    expect(line(model, 'baseline').label).toBe('above');
    expect(line(model, 'target').label).toBe('above');
  });

  it('says a target in words on the chart, and draws no point or path for it', () => {
    const evaluation = onePlan(
      'baseline: {value: 57277, year: H28}\ntarget: {word: 減少, year: R7}\nactuals: {R4: 50000}',
      2022,
    );
    const model = kpiChartModel(kpiOf(evaluation, 'k'), evaluation, ja);
    expect(model.lines.map((l) => l.role)).toEqual(['actual', 'baseline']);
    expect(model.notes).toEqual(['目標値：減少（R7）']);
    expect(model.categories[0]).toBe('H28');
    expect(model.categories.at(-1)).toBe('R7');
  });
});

describe('kpiChartModel: a baseline beside an actual of its year', () => {
  it('labels the baseline on the far side from the actual, whose label stands above it', () => {
    const seed = kitamotoR4();
    // R3: baseline 34.2, actual 29.6 below it.
    const below = kpiChartModel(kpiOf(seed, 'community-activity-participation'), seed, ja);
    expect(line(below, 'baseline').label).toBe('above');
    // R3: baseline 18.43, actual 18.88 above it.
    const above = kpiChartModel(kpiOf(seed, 'healthy-life-expectancy-65'), seed, ja);
    expect(line(above, 'baseline').label).toBe('below');
  });
});
