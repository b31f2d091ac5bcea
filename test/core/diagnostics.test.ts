import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const d = (v: string) => v as DecimalString;

describe('diagnostics', () => {
  const evaluation = kitamotoR4();
  const codes = (kpiId: string) =>
    evaluation.kpis.find((k) => k.id === kpiId)?.diagnostics.map((x) => x.code);

  it('flags progress driven by a tiny gap: the seed -2850.0% comes from a 0.8-point gap', () => {
    const found = evaluation.diagnostics.find(
      (x) => x.code === 'tiny-gap' && x.kpiId === 'community-activity-participation',
    );
    expect(found).toMatchObject({ gap: '0.8', progress: '-2850.0' });
    expect(codes('greenhouse-gas-emissions')).not.toContain('tiny-gap');
  });

  it('flags a KPI listed under two goals', () => {
    expect(evaluation.diagnostics.find((x) => x.code === 'shared-kpi')).toMatchObject({
      kpiId: 'community-activity-participation',
      goals: ['B4', 'X1'],
    });
  });

  it('flags a missing baseline and a target met at baseline', () => {
    expect(codes('job-openings-ratio')).toContain('missing-baseline');
    expect(codes('disaster-casualties')).toContain('target-met-at-baseline');
  });

  it('flags an actual missing for a year the other KPIs have', () => {
    const missing = evaluation.diagnostics.filter((x) => x.code === 'missing-actual');
    expect(
      missing.map((x) => `${x.kpiId}:${'series' in x ? x.series : ''}:${'year' in x ? x.year : ''}`),
    ).toEqual([
      'job-openings-ratio:null:2021',
      'childcare-support-satisfaction:null:2021',
      'healthy-life-expectancy-65:男性:2022',
      'healthy-life-expectancy-65:女性:2022',
      'local-learning-opportunities:児童:2021',
      'local-learning-opportunities:生徒:2021',
    ]);
  });

  it("flags a value far outside the KPI's own history, and not ordinary movement", () => {
    expect(codes('community-activity-participation')).toContain('outlier');
    expect(codes('births')).not.toContain('outlier');
    expect(codes('women-25-34-net-migration')).not.toContain('outlier');
  });

  it('takes no history that never moved as the measure of a jump: 1, 1 → 0 is no outlier', () => {
    // 協働により実施した事業の件数: baseline 1, R3 1, R4 0; it was flagged 「これまでの最大の変動幅は0」.
    expect(codes('collaborative-projects')).not.toContain('outlier');
    const steady = (actuals: Record<number, string>) =>
      makeKpi('k', 'G', [
        makeSeries({
          baseline: d('10'),
          target: d('20'),
          actuals: Object.fromEntries(Object.entries(actuals).map(([y, v]) => [y, value(d(v))])),
        }),
      ]);
    const outliers = (actuals: Record<number, string>) =>
      evaluate(makePlan([{ id: 'G', kpis: [steady(actuals)] }]), 2024).diagnostics.filter(
        (x) => x.code === 'outlier',
      );
    expect(outliers({ 2022: '10', 2023: '10', 2024: '100' })).toEqual([]);
    // History that did move still measures a jump.
    expect(outliers({ 2022: '11', 2023: '12', 2024: '100' })).toHaveLength(1);
  });

  it('does not miss an actual for a year before the KPI’s baseline year', () => {
    const late = makeSeries({ baseline: d('5'), target: d('9'), actuals: { 2023: value(d('6')) } });
    const lateKpi = makeKpi('late', 'G', [
      { ...late, baseline: { value: d('5'), span: { from: 2022, to: 2022, qualifier: '' } } },
    ]);
    const old = makeKpi('old', 'G', [
      makeSeries({
        baseline: d('1'),
        target: d('2'),
        actuals: { 2018: value(d('1')), 2019: value(d('1')), 2023: value(d('2')) },
      }),
    ]);
    const result = evaluate(makePlan([{ id: 'G', kpis: [lateKpi, old] }]), 2023);
    const missing = result.diagnostics.filter((x) => x.code === 'missing-actual');
    // 'old' has no baseline year, so its baseline stands for the year before the plan (2021).
    expect(missing.map((x) => `${x.kpiId}:${'year' in x ? x.year : ''}`)).toEqual([]);
    expect(result.columns).toEqual([2018, 2019, 2023]);
  });

  it('flags units that differ between series', () => {
    const kpi = makeKpi('mixed', 'G', [
      {
        ...makeSeries({ baseline: d('1'), target: d('2'), actuals: { 2022: value(d('1')) } }, 'a'),
        unit: '人',
      },
      {
        ...makeSeries({ baseline: d('1'), target: d('2'), actuals: { 2022: value(d('1')) } }, 'b'),
        unit: '%',
      },
    ]);
    const result = evaluate(makePlan([{ id: 'G', kpis: [kpi] }]), 2022);
    expect(result.diagnostics).toContainEqual({ code: 'unit-mismatch', kpiId: 'mixed', units: ['人', '%'] });
  });

  it('notes a status phrase the office worded differently from the result', () => {
    expect(codes('safe-streets-satisfaction')).toContain('phrase-override');
  });
});

describe('diagnostics of one series, whatever order its years were entered in', () => {
  it('names the reason of a missing actual, and measures an outlier against the history in year order', () => {
    const series = makeSeries({ baseline: d('10'), target: d('20'), actuals: {} });
    const actuals = new Map([
      [2023, value(d('13'))],
      [2021, value(d('11'))],
      [2022, { kind: 'missing' as const, reason: '未取得' }],
      [2024, value(d('100'))],
    ]);
    const plan = makePlan([{ id: 'G', kpis: [makeKpi('k', 'G', [{ ...series, actuals }])] }]);
    const diagnostics = evaluate(plan, 2024).kpis[0]?.diagnostics;
    expect(diagnostics).toContainEqual({
      code: 'missing-actual',
      kpiId: 'k',
      series: null,
      year: 2022,
      reason: '未取得',
    });
    // The history is 10, 11, 13 by year: the latest earlier value 13, the largest step 2.
    expect(diagnostics).toContainEqual({
      code: 'outlier',
      kpiId: 'k',
      series: null,
      year: 2024,
      value: '100',
      previous: '13',
      usualStep: '2',
    });
  });

  const diagnosticsOf = (baseline: string, target: string, actuals: Record<number, string>, year: number) =>
    evaluate(
      makePlan([
        {
          id: 'G',
          kpis: [
            makeKpi('k', 'G', [
              makeSeries({
                baseline: d(baseline),
                target: d(target),
                actuals: Object.fromEntries(Object.entries(actuals).map(([y, v]) => [y, value(d(v))])),
              }),
            ]),
          ],
        },
      ]),
      year,
    ).kpis[0]?.diagnostics ?? [];

  it('takes a gap as tiny against the larger of baseline and target, and only where progress swings 200% or more', () => {
    // 5 is under 5% of 105 but not of 100: tiny. -400.05% is rounded half up, to -400.1.
    expect(diagnosticsOf('100', '105', { 2024: '79.9975' }, 2024)).toContainEqual(
      expect.objectContaining({ code: 'tiny-gap', gap: '5', progress: '-400.1' }),
    );
    // The same gap with an actual 20% along it: no swing to flag.
    expect(diagnosticsOf('100', '105', { 2024: '101' }, 2024).map((x) => x.code)).not.toContain('tiny-gap');
  });

  it('flags no outlier for a change within a quarter of the previous value, however steady the history', () => {
    // Steps of 1, then 8: more than three steps, but under 25% of 102.
    const codes = diagnosticsOf('100', '200', { 2021: '101', 2022: '102', 2023: '110' }, 2023).map(
      (x) => x.code,
    );
    expect(codes).not.toContain('outlier');
  });
});
