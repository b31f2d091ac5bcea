import { describe, expect, it } from 'vitest';
import { dec, roundTo, toFixedString, toPlainString, type DecimalString } from '../../src/core/decimal.ts';
import { evaluate, latestYearWithData, yearsWithData } from '../../src/core/evaluate.ts';
import { METHODS, type MethodInput } from '../../src/core/methods.ts';
import type { Kpi, Series } from '../../src/core/plan.ts';
import { kpiTrajectory, seriesTrajectory, type SeriesTrajectory } from '../../src/core/trajectory.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const d = (v: string) => v as DecimalString;
const HALF_UP = { mode: 'half-up', places: 1 } as const;

/** A series from baseline to target with one actual in 2024; target year 2026, baseline year 2021. */
const series = (
  baseline: string | null,
  target: string,
  actual: string | null,
  label: string | null = null,
) =>
  makeSeries(
    {
      baseline: baseline === null ? null : d(baseline),
      target: d(target),
      actuals: actual ? { 2024: value(d(actual)) } : {},
    },
    label,
  );

describe('a KPI with several series', () => {
  const plan = (a: Series, b: Series) => makePlan([{ id: 'G1', kpis: [makeKpi('k', 'G1', [a, b])] }]);

  it('counts as achieved only when every series reaches its target', () => {
    const both = evaluate(plan(series('10', '20', '20', '男性'), series('10', '20', '25', '女性')), 2024);
    expect(both.kpis[0]?.status).toBe('achieved');
    const one = evaluate(plan(series('10', '20', '20', '男性'), series('10', '20', '19', '女性')), 2024);
    expect(one.kpis[0]?.status).toBe('not_achieved');
    const other = evaluate(plan(series('10', '20', '12', '男性'), series('10', '20', '20', '女性')), 2024);
    expect(other.kpis[0]?.status).toBe('not_achieved');
    expect(other.goals[0]).toMatchObject({ achieved: 0, evaluated: 1, rate: '0.0' });
  });

  it('takes the worst series’ progress as the KPI’s score and phrase', () => {
    const kpi = evaluate(plan(series('10', '20', '18', '男性'), series('10', '20', '11', '女性')), 2024)
      .kpis[0];
    expect(kpi?.score).toBe('10.0');
    expect(kpi?.phrase).toBe('on-track');
    const first = evaluate(plan(series('10', '20', '9', '男性'), series('10', '20', '15', '女性')), 2024)
      .kpis[0];
    expect(first?.score).toBe('-10.0');
    expect(first?.phrase).toBe('not-achieved');
  });

  it('is not evaluated when any series lacks the year’s actual, with that series’ reason', () => {
    const missing = makeSeries({
      baseline: d('10'),
      target: d('20'),
      actuals: { 2024: { kind: 'missing', reason: '未取得' } },
    });
    const kpi = evaluate(plan(series('10', '20', '20', '男性'), missing), 2024).kpis[0];
    expect(kpi).toMatchObject({
      status: 'not_evaluated',
      missing: { reason: '未取得' },
      score: null,
      phrase: null,
    });
    const none = evaluate(plan(series('10', '20', null, '男性'), series('10', '20', '20', '女性')), 2024)
      .kpis[0];
    expect(none).toMatchObject({ status: 'not_evaluated', missing: { reason: null } });
  });
});

describe('achievement rates', () => {
  const kpis = (...actuals: (string | null)[]) =>
    actuals.map((a, i) => makeKpi(`k${i}`, 'G1', [series('10', '20', a)]));

  it('has no rate where nothing was evaluated (0/0), rather than 0% or an error', () => {
    const result = evaluate(makePlan([{ id: 'G1', kpis: kpis(null, null) }]), 2024);
    expect(result.goals[0]).toMatchObject({ achieved: 0, evaluated: 0, notEvaluated: 2, rate: null });
    expect(result.overall).toEqual({ achieved: 0, evaluated: 0, notEvaluated: 2, rate: null });
    const empty = evaluate(makePlan([{ id: 'G1', kpis: [] }]), 2024);
    expect(empty.overall).toEqual({ achieved: 0, evaluated: 0, notEvaluated: 0, rate: null });
    expect(empty.summaryWidth).toBe(0);
  });

  it('divides achieved by evaluated, rounded as the plan says', () => {
    const goals = [{ id: 'G1', kpis: kpis('20', '20', '15', null) }];
    expect(evaluate(makePlan(goals), 2024).overall).toEqual({
      achieved: 2,
      evaluated: 3,
      notEvaluated: 1,
      rate: '66.7',
    });
    expect(evaluate(makePlan(goals, { rounding: { mode: 'truncate', places: 1 } }), 2024).overall.rate).toBe(
      '66.6',
    );
    expect(evaluate(makePlan(goals, { rounding: { mode: 'half-up', places: 2 } }), 2024).overall.rate).toBe(
      '66.67',
    );
    expect(evaluate(makePlan(goals, { rounding: { mode: 'half-up', places: 0 } }), 2024).overall.rate).toBe(
      '67',
    );
    expect(evaluate(makePlan(goals, { missing: 'not-achieved' }), 2024).overall).toEqual({
      achieved: 2,
      evaluated: 4,
      notEvaluated: 0,
      rate: '50.0',
    });
  });

  it('shows an unevaluated KPI in the summary only when the plan buckets it', () => {
    const goals = [{ id: 'G1', kpis: kpis('20', null, '12') }];
    expect(evaluate(makePlan(goals), 2024).goals[0]?.summary.map((k) => k.id)).toEqual(['k0', 'k2']);
    const bucketed = evaluate(makePlan(goals, { missing: 'bucket' }), 2024);
    expect(bucketed.goals[0]?.summary.map((k) => k.id)).toEqual(['k0', 'k1', 'k2']);
    expect(bucketed.summaryWidth).toBe(3);
    expect(bucketed.overall.rate).toBe('50.0');
  });

  it('counts a 再掲 KPI per listing, or once where the plan says so', () => {
    const [a, b] = kpis('20', '12') as [Kpi, Kpi];
    const goals = [
      { id: 'G1', kpis: [a] },
      { id: 'G2', kpis: [b, a] },
    ];
    const per = evaluate(makePlan(goals), 2024);
    expect(per.overall).toMatchObject({ achieved: 2, evaluated: 3, rate: '66.7' });
    expect(per.kpis.find((k) => k.id === 'k0')?.listedIn).toEqual(['G1', 'G2']);
    expect(per.planYear).toBe(3);
    expect(evaluate(makePlan(goals, { shared: 'once' }), 2024).overall).toMatchObject({
      achieved: 1,
      evaluated: 2,
      rate: '50.0',
    });
  });
});

describe('methods at their edges', () => {
  const input = (s: Series, actual: string, year: number, baselineYear = 2021): MethodInput => ({
    series: s,
    actual: d(actual),
    year,
    baselineYear,
    rounding: HALF_UP,
  });
  const withMilestone = (s: Series, year: number, m: string): Series => ({
    ...s,
    milestones: new Map([[year, d(m)]]),
  });

  it('pace has no figure in or before the baseline year, or for a target due in it', () => {
    const s = series('100', '200', '150');
    expect(METHODS.pace(input(s, '150', 2021))).toEqual({ score: null, reason: 'no-pace-yet' });
    expect(METHODS.pace(input(s, '150', 2019))).toEqual({ score: null, reason: 'no-pace-yet' });
    expect(METHODS.pace(input(s, '150', 2024, 2026))).toEqual({ score: null, reason: 'no-pace-yet' });
    expect(METHODS.pace(input(s, '150', 2024, 2027))).toEqual({ score: null, reason: 'no-pace-yet' });
  });

  it('pace measures against the share of the gap due, and the whole gap once the target year is past', () => {
    const s = series('100', '200', '150');
    expect(METHODS.pace(input(s, '120', 2022))).toMatchObject({
      score: { value: '100.0', exact: '100', calculation: { share: { elapsed: 1, span: 5 } } },
    });
    expect(METHODS.pace(input(s, '150', 2029))).toMatchObject({
      score: { value: '50.0', calculation: { target: '200', share: { elapsed: 5, span: 5 } } },
    });
  });

  it('pace and progress have no figure for a zero gap; pace takes an interim target where one is set', () => {
    const flat = series('100', '100', '150');
    expect(METHODS.pace(input(flat, '150', 2023))).toEqual({ score: null, reason: 'target-equals-baseline' });
    expect(METHODS.progress(input(flat, '150', 2023))).toEqual({
      score: null,
      reason: 'target-equals-baseline',
    });
    const s = series('100', '200', '150');
    expect(METHODS.pace(input(withMilestone(s, 2023, '100'), '150', 2023))).toEqual({
      score: null,
      reason: 'target-equals-baseline',
    });
    expect(METHODS.pace(input(withMilestone(s, 2021, '140'), '130', 2021))).toMatchObject({
      score: { value: '75.0', calculation: { target: '140', share: null } },
    });
    expect(METHODS.pace(input(series(null, '200', '150'), '150', 2023))).toEqual({
      score: null,
      reason: 'no-baseline',
    });
    expect(METHODS.progress(input(series(null, '200', '150'), '150', 2023))).toEqual({
      score: null,
      reason: 'no-baseline',
    });
  });

  it('ratio turns over where lower is better and has no figure for a zero denominator', () => {
    expect(METHODS.ratio(input(series('10', '20', '15'), '15', 2024))).toMatchObject({
      score: { value: '75.0', calculation: { numerator: '15', denominator: '20' } },
    });
    expect(METHODS.ratio(input(series('30', '20', '25'), '25', 2024))).toMatchObject({
      score: { value: '80.0', calculation: { numerator: '20', denominator: '25' } },
    });
    expect(METHODS.ratio(input(series('30', '20', '0'), '0', 2024))).toEqual({
      score: null,
      reason: 'zero-denominator',
    });
    expect(METHODS.ratio(input(series('-5', '0', '3'), '3', 2024))).toEqual({
      score: null,
      reason: 'zero-denominator',
    });
  });

  it('keeps the exact quotient to ten places beside the printed figure', () => {
    expect(METHODS.progress(input(series('0', '3', '1'), '1', 2024))).toMatchObject({
      score: { value: '33.3', exact: '33.3333333333' },
    });
    expect(METHODS.progress(input(series('0', '3', '2'), '2', 2024))).toMatchObject({
      score: { value: '66.7', exact: '66.6666666667' },
    });
  });
});

describe('exactness at the bounds of a figure (18 digits before the point, 12 after)', () => {
  const big = '123456789012345678.123456789012';

  it('adds, subtracts and multiplies the largest figures without losing a digit', () => {
    expect(toPlainString(dec(d(big)).plus(dec(d('0.000000000001'))))).toBe('123456789012345678.123456789013');
    expect(toPlainString(dec(d(big)).minus(dec(d('-123456789012345678.123456789012'))))).toBe(
      '246913578024691356.246913578024',
    );
    expect(toPlainString(dec(d(big)).mul(dec(d(big))))).toBe(
      '15241578753238836558451457271672004.479353759025153483936144',
    );
    expect(toFixedString(dec(d('-0.000000000001')), 3)).toBe('0.000');
    expect(toFixedString(dec(d('2.5')), 3)).toBe('2.500');
  });

  it('rounds a quotient of large figures on the right side of a tie', () => {
    // 123456789012345678.0005 / 1 × 100 lies exactly on a half tenth, 21 digits in.
    const progress = METHODS.progress({
      series: series('0', '1', null),
      actual: d('123456789012345678.0005'),
      year: 2024,
      baselineYear: 2021,
      rounding: HALF_UP,
    });
    expect(progress).toMatchObject({
      score: { value: '12345678901234567800.1', exact: '12345678901234567800.05' },
    });
    const third = METHODS.progress({
      series: series('0', '3', null),
      actual: d('100000000000000000.000000000001'),
      year: 2024,
      baselineYear: 2021,
      rounding: HALF_UP,
    });
    expect(third).toMatchObject({
      score: { value: '3333333333333333333.3', exact: '3333333333333333333.3333333334' },
    });
    expect(roundTo(dec(d('-116.25')), 1, 'half-up')).toBe('-116.3');
    expect(roundTo(dec(d('-116.25')), 1, 'truncate')).toBe('-116.2');
    expect(roundTo(dec(d('-0.04')), 1, 'half-up')).toBe('0.0');
  });
});

describe('trajectories', () => {
  const track = (onTrack: boolean | null): SeriesTrajectory => ({
    expected: null,
    onTrack,
    projection: null,
    noProjection: null,
  });

  it('rolls a KPI up as on track only when every series is, and off track when any is off', () => {
    expect(kpiTrajectory([track(true), track(true)])).toEqual({ onTrack: true });
    expect(kpiTrajectory([track(true), track(false)])).toEqual({ onTrack: false });
    expect(kpiTrajectory([track(null), track(false)])).toEqual({ onTrack: false });
    expect(kpiTrajectory([track(true), track(null)])).toEqual({ onTrack: null });
    expect(kpiTrajectory([])).toEqual({ onTrack: null });
    expect(kpiTrajectory([track(true)])).toEqual({ onTrack: true });
  });

  it('writes the expected value with one place more than baseline or target has', () => {
    const s = series('1.25', '2', '1.4');
    expect(seriesTrajectory(s, 2022, 2021, d('1.4'))).toMatchObject({ expected: '1.400', onTrack: true });
    expect(seriesTrajectory(series('10', '20.5', null), 2022, 2021, d('12'))).toMatchObject({
      expected: '12.10',
    });
    expect(seriesTrajectory(series('10', '20', null), 2023, 2021, d('13.9'))).toMatchObject({
      expected: '14.0',
      onTrack: false,
    });
  });

  it('rounds the expected value half away from zero', () => {
    // Two thirds of the way from 0 to 2 by 2025: 1.333…, and five sixths by 2026 of 0 to 1: 0.8333…
    expect(seriesTrajectory(series('0', '2', null), 2025, 2023, null)).toMatchObject({ expected: '1.3' });
    expect(seriesTrajectory(series('0', '-2', null), 2024, 2023, null)).toMatchObject({ expected: '-0.7' });
    expect(seriesTrajectory(series('0', '2', null), 2024, 2023, null)).toMatchObject({ expected: '0.7' });
  });

  it('holds the expected value at the baseline before its year and at the target after the target year', () => {
    expect(seriesTrajectory(series('10', '20', null), 2019, 2021, null)).toMatchObject({
      expected: '10.0',
      onTrack: null,
    });
    expect(seriesTrajectory(series('10', '20', null), 2030, 2021, d('20'))).toMatchObject({
      expected: '20.0',
      onTrack: true,
    });
    expect(seriesTrajectory(series('10', '20', null), 2024, 2026, d('20'))).toMatchObject({
      expected: '20.0',
    });
    expect(seriesTrajectory(series(null, '20', null), 2024, 2021, d('20'))).toMatchObject({
      expected: null,
      onTrack: null,
    });
  });

  it('projects from the baseline’s own year, at the middle of its span, and needs two distinct years', () => {
    const s: Series = {
      ...series('10', '20', null),
      baseline: { value: d('10'), span: { from: 2019, to: 2021, qualifier: '平均値' } },
      actuals: new Map([
        [2022, value(d('12'))],
        [2023, value(d('14'))],
        [2025, value(d('99'))],
      ]),
    };
    const t = seriesTrajectory(s, 2023, 2021, d('14'));
    // Points (2020, 10), (2022, 12), (2023, 14): slope 9/7 per year, 17.57… in 2026.
    expect(t.projection).toEqual({ value: '17.6', slope: '1.3', points: 3, reachesTarget: false });
    // A baseline of one year stands at that year: with actuals in it and the next, two distinct years.
    const twoYears: Series = {
      ...series('10', '20', null),
      baseline: { value: d('10'), span: { from: 2021, to: 2021, qualifier: '' } },
      actuals: new Map([
        [2021, value(d('11'))],
        [2022, { kind: 'missing', reason: '未取得' }],
        [2023, value(d('13'))],
      ]),
    };
    expect(seriesTrajectory(twoYears, 2023, 2021, d('13')).projection).toMatchObject({ points: 3 });
    const same: Series = { ...series(null, '20', null), actuals: new Map([[2022, value(d('12'))]]) };
    expect(seriesTrajectory(same, 2023, 2021, null).noProjection).toEqual({
      reason: 'too-few-points',
      points: 1,
    });
    const falling = makeSeries({
      baseline: d('50'),
      target: d('30'),
      actuals: { 2022: value(d('45')), 2023: value(d('40')), 2024: value(d('35')) },
    });
    expect(seriesTrajectory(falling, 2024, 2021, d('35')).projection).toEqual({
      value: '25.0',
      slope: '-5.0',
      points: 3,
      reachesTarget: true,
    });
  });
});

describe('what an evaluation carries for the reports', () => {
  const s = makeSeries({
    baseline: d('10'),
    target: d('20'),
    actuals: {
      2021: value(d('11')),
      2023: { kind: 'missing', reason: '未取得' },
      2024: value(d('20')),
      2025: value(d('30')),
    },
  });
  const k1 = makeKpi('k1', 'G1', [{ ...s, milestones: new Map([[2024, d('18')]]) }]);
  const k2 = {
    ...makeKpi('k2', 'G1', [series('10', '20', '15')]),
    assessments: new Map([[2024, { status: '順調です', text: '所見' }]]),
  };
  const k3 = {
    ...makeKpi('k3', 'G1', [series('10', '20', '15')]),
    assessments: new Map([[2024, { status: '目標達成に向け順調に推移している状況', text: '所見' }]]),
  };
  const base = makePlan([{ id: 'G1', kpis: [k1, k2, k3] }]);
  const plan = { ...base, goals: base.goals.map((g) => ({ ...g, kpiIds: ['k1', 'nowhere', 'k2'] })) };

  it('names the plan, the years with data and the columns up to the year', () => {
    const e = evaluate(plan, 2024);
    expect(e.plan).toEqual({
      title: 'Test plan',
      municipality: 'テスト市',
      period: { from: 2022, to: 2026 },
    });
    expect(yearsWithData(plan)).toEqual([2021, 2024, 2025]);
    expect(latestYearWithData(plan)).toBe(2025);
    expect(latestYearWithData(makePlan([{ id: 'G', kpis: [] }]))).toBeNull();
    expect(e.columns).toEqual([2021, 2023, 2024]);
    expect(evaluate(plan, 2022).columns).toEqual([2021, 2022]);
    expect(e.kpis[0]?.series[0]?.history).toEqual([
      { year: 2021, entry: value(d('11')), state: 'final' },
      { year: 2023, entry: { kind: 'missing', reason: '未取得' } },
      { year: 2024, entry: value(d('20')), state: 'final' },
    ]);
    expect(e.kpis[0]?.series[0]?.milestone).toBe('18');
    expect(evaluate(plan, 2023).kpis[0]?.series[0]).toMatchObject({
      milestone: null,
      noScore: 'no-actual',
      score: null,
    });
  });

  it('lists only the KPIs that exist, and a KPI no goal lists under its own goal', () => {
    const e = evaluate(plan, 2024);
    expect(e.goals[0]?.kpis.map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(e.kpis.find((k) => k.id === 'k3')?.listedIn).toEqual(['G1']);
  });

  it('opens an achieved KPI with the achieved phrase, and notes a phrase worded otherwise or a missing assessment', () => {
    const e = evaluate(plan, 2024);
    expect(e.kpis.map((k) => k.phrase)).toEqual(['achieved', 'on-track', 'on-track']);
    expect(e.kpis[1]?.assessment).toEqual({ status: '順調です', text: '所見' });
    expect(e.kpis[0]?.assessment).toBeNull();
    const codes = e.diagnostics.map((x) => `${x.code} ${x.kpiId}`);
    expect(codes).toContain('no-assessment k1');
    expect(codes).not.toContain('no-assessment k2');
    expect(e.diagnostics).toContainEqual({
      code: 'phrase-override',
      kpiId: 'k2',
      year: 2024,
      written: '順調です',
    });
    expect(codes).not.toContain('phrase-override k3');
    expect(e.diagnostics).toContainEqual({ code: 'no-assessment', kpiId: 'k1', year: 2024 });
  });

  it('keeps progress beside the score of another method, and names each method in its calculation', () => {
    const e = evaluate({ ...plan, evaluation: { ...plan.evaluation, method: 'ratio' } }, 2024);
    const series0 = e.kpis[1]?.series[0];
    expect(series0?.score).toMatchObject({ value: '75.0', calculation: { method: 'ratio' } });
    expect(series0?.progress).toMatchObject({ value: '50.0', calculation: { method: 'progress' } });
    const paced = evaluate({ ...plan, evaluation: { ...plan.evaluation, method: 'pace' } }, 2024);
    expect(paced.kpis[0]?.series[0]?.score?.calculation.method).toBe('pace');
    expect(paced.kpis[1]?.series[0]?.score?.calculation.method).toBe('pace');
  });
});
