import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Series } from '../../src/core/plan.ts';
import { kpiInForce, seriesInForce } from '../../src/core/revisions.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';
import { revisedKitamoto } from '../support/revised-kitamoto.ts';

const births = (plan = revisedKitamoto(), year: number) => {
  const kpi = evaluate(plan, year).kpis.find((k) => k.id === 'births');
  if (!kpi) throw new Error('no births KPI');
  return kpi;
};

describe('a target revised from a year on (目標値を上方修正)', () => {
  it('leaves the years before the revision with the target then in force: R4 stays −37.5%', () => {
    expect(births(kitamotoPlan(), 2022).series[0]?.progress?.value).toBe('-37.5');
    const r4 = births(revisedKitamoto(), 2022);
    expect(r4.series[0]?.progress?.value).toBe('-37.5');
    expect(r4.series[0]?.target).toEqual({ value: '380', year: 2025 });
    expect(r4.series[0]?.revisions).toEqual([]);
    expect(r4.series[0]?.progress?.calculation).toMatchObject({ target: '380', baseline: '340' });
  });

  it('evaluates R5 and later with the revised target, and says so with the note', () => {
    const r5 = births(revisedKitamoto(), 2023).series[0];
    // (345 − 340) / (390 − 340) = 10.0%; with the old target it would be 12.5%.
    expect(r5?.progress?.value).toBe('10.0');
    expect(r5?.target).toEqual({ value: '390', year: 2025 });
    expect(r5?.revisions).toEqual([
      {
        from: 2023,
        note: '子育て支援策の拡充に合わせて上方修正',
        target: {
          before: { value: '380', year: 2025 },
          after: { value: '390', year: 2025 },
          change: 'raised',
        },
        baseline: null,
      },
    ]);
    // Halfway from R3 to R7 along the revised path: 340 + (390 − 340) × 2/4 (the old path gave 360.0).
    expect(r5?.trajectory.expected).toBe('365.0');
  });

  it('reproduces R4 after the plan is written out and read back, as a republished edition is', () => {
    const { plan } = readPlanText(planToYaml(revisedKitamoto()));
    expect(plan).not.toBeNull();
    expect(births(plan ?? undefined, 2022).series[0]?.progress?.value).toBe('-37.5');
    expect(births(plan ?? undefined, 2023).series[0]?.progress?.value).toBe('10.0');
  });

  it('leaves every other KPI and the rates untouched', () => {
    const before = evaluate(kitamotoPlan(), 2022);
    const after = evaluate(revisedKitamoto(), 2022);
    expect(after.overall).toEqual(before.overall);
    expect(after.goals.map((g) => g.rate)).toEqual(before.goals.map((g) => g.rate));
  });
});

describe('values in force', () => {
  const d = (v: string) => v as DecimalString;
  const revised = (revisions: Series['revisions']): Series => ({
    ...makeSeries({ baseline: d('100'), target: d('200'), actuals: { 2022: value(d('150')) } }),
    revisions,
  });

  it('applies several revisions in the order of their years, whatever order they are given in', () => {
    const series = revised([
      { from: 2025, target: { value: d('260'), year: 2026 }, baseline: null, note: 'b' },
      {
        from: 2023,
        target: { value: d('240'), year: 2026 },
        baseline: { value: d('110'), span: null },
        note: 'a',
      },
    ]);
    expect(seriesInForce(series, 2022).series).toBe(series);
    const y2024 = seriesInForce(series, 2024);
    expect(y2024.series.target.value).toBe('240');
    expect(y2024.series.baseline?.value).toBe('110');
    const y2025 = seriesInForce(series, 2025);
    expect(y2025.series.target.value).toBe('260');
    expect(y2025.series.baseline?.value).toBe('110');
    expect(y2025.applied.map((a) => [a.from, a.target?.before.value, a.target?.after.value])).toEqual([
      [2023, '200', '240'],
      [2025, '240', '260'],
    ]);
  });

  it('names how each revision moved the target: raised, lowered, or only its year', () => {
    const series = revised([
      { from: 2023, target: { value: d('180'), year: 2026 }, note: '下方修正', baseline: null },
      { from: 2024, target: { value: d('180.0'), year: 2027 }, note: '期間延長', baseline: null },
      { from: 2025, target: { value: d('180.01'), year: 2027 }, note: '上方修正', baseline: null },
    ]);
    expect(seriesInForce(series, 2025).applied.map((a) => [a.note, a.target?.change])).toEqual([
      ['下方修正', 'lowered'],
      ['期間延長', 'year'],
      ['上方修正', 'raised'],
    ]);
  });

  it('revises each series of a KPI on its own, and passes a KPI never revised on as it is', () => {
    const kept = makeSeries({ baseline: d('5'), target: d('9'), actuals: {} });
    const series = revised([
      { from: 2023, target: { value: d('240'), year: 2026 }, baseline: null, note: 'a' },
    ]);
    const both = makeKpi('k', 'G', [series, kept]);
    const inForce = kpiInForce(both, 2023);
    expect(inForce.kpi.series.map((s) => s.target.value)).toEqual(['240', '9']);
    expect(inForce.applied.map((a) => a.map((r) => r.note))).toEqual([['a'], []]);
    const never = makeKpi('n', 'G', [kept, kept]);
    expect(kpiInForce(never, 2023).kpi).toBe(never);
    expect(kpiInForce(never, 2023).applied).toEqual([[], []]);
  });

  it('a revised baseline moves progress and the diagnostics with it', () => {
    const series = revised([
      { from: 2023, target: null, baseline: { value: d('199.5'), span: null }, note: '統計の改訂' },
    ]);
    const withActual = { ...series, actuals: new Map([[2023, value(d('260'))]]) };
    const plan = makePlan([{ id: 'G', kpis: [makeKpi('k', 'G', [withActual])] }]);
    const kpi = evaluate(plan, 2023).kpis[0];
    expect(kpi?.series[0]?.baseline?.value).toBe('199.5');
    // A 0.5 gap: the tiny-gap flag now applies, as it would have for a plan written with 199.5.
    expect(kpi?.diagnostics.map((x) => x.code)).toContain('tiny-gap');
    expect(kpi?.series[0]?.revisions[0]?.baseline).toEqual({
      before: { value: '100', span: null },
      after: { value: '199.5', span: null },
    });
  });
});
