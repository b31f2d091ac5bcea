import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate, yearsWithData } from '../../src/core/evaluate.ts';
import type { Series } from '../../src/core/plan.ts';
import type { EvaluationSettings, GradeBand } from '../../src/core/settings.ts';
import type { PlanTranslation } from '../../src/core/translation.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const d = (v: string) => v as DecimalString;
const series = (baseline: string, target: string, actuals: Record<number, string | null>): Series =>
  makeSeries({
    baseline: d(baseline),
    target: d(target),
    actuals: Object.fromEntries(
      Object.entries(actuals).map(([y, v]) => [
        y,
        v === null ? { kind: 'missing' as const, reason: '未取得' } : value(d(v)),
      ]),
    ),
  });
const one = (s: Series[], settings: Partial<EvaluationSettings> = {}, year = 2024) =>
  evaluate(makePlan([{ id: 'G', kpis: [makeKpi('k', 'G', s)] }], settings), year).kpis[0];

describe('the years with data', () => {
  it('are in order whatever order the KPIs hold them in', () => {
    const plan = makePlan([
      {
        id: 'G',
        kpis: [
          makeKpi('a', 'G', [series('1', '2', { 2025: '1', 2022: '1' })]),
          makeKpi('b', 'G', [series('1', '2', { 2023: '1', 2021: '1' })]),
        ],
      },
    ]);
    expect(yearsWithData(plan)).toEqual([2021, 2022, 2023, 2025]);
  });
});

describe('a KPI’s several series', () => {
  it('sums the cumulative series only, even when a KPI mixes cumulative and yearly series', () => {
    const counted = { ...series('0', '100', { 2022: '10', 2023: '10', 2024: '10' }) };
    const yearly = series('0', '100', { 2024: '10' });
    const kpi = one([{ ...counted, cumulative: { from: null, since: null, entered: 'annual' } }, yearly]);
    expect(kpi?.series[0]?.actual).toEqual(value(d('30')));
    expect(kpi?.series[0]?.cumulative).toEqual({ from: null, since: null, entered: 'annual' });
    expect(kpi?.series[1]?.actual).toEqual(value(d('10')));
    expect(kpi?.series[1]).not.toHaveProperty('cumulative');
  });

  it('has no progress when one series lacks its actual, and is then scored by no series', () => {
    const kpi = one([series('10', '20', { 2024: '15' }), series('10', '20', { 2024: null })], {
      missing: 'not-achieved',
    });
    expect(kpi).toMatchObject({ status: 'not_achieved', score: null, phrase: 'not-achieved' });
  });

  it('is judged by hand when any one of its series has no numeric target', () => {
    const base = series('10', '20', { 2024: '15' });
    const none: Series = { ...base, target: { ...base.target, none: true } };
    const kpi = evaluate(
      makePlan([
        {
          id: 'G',
          kpis: [
            {
              ...makeKpi('k', 'G', [series('10', '20', { 2024: '25' }), none]),
              assessments: new Map([
                [
                  2024,
                  { status: null, text: '所見', judgement: { grade: 'B', reason: '理由', achieved: false } },
                ],
              ]),
            },
          ],
        },
      ]),
      2024,
    ).kpis[0];
    expect(kpi).toMatchObject({ status: 'not_achieved', grade: 'B', unscored: 'no-target', score: null });
  });
});

describe('grades and trend bands decide the status and the phrase', () => {
  const grades: GradeBand[] = [
    { label: 'A', min: d('100'), achieved: true },
    { label: 'B', min: d('50'), achieved: false },
    { label: 'C', min: null, achieved: false },
  ];

  it('opens a KPI in the last of several grades with “not achieved” even while it moves toward its target', () => {
    expect(one([series('0', '100', { 2024: '10' })], { grades })).toMatchObject({
      grade: 'C',
      phrase: 'not-achieved',
    });
    expect(one([series('0', '100', { 2024: '60' })], { grades })).toMatchObject({
      grade: 'B',
      phrase: 'on-track',
    });
    expect(one([series('0', '100', { 2024: '100' })], { grades })).toMatchObject({
      grade: 'A',
      status: 'achieved',
      phrase: 'achieved',
    });
  });

  it('counts a trend band’s own verdict, and falls back to the target where the band has none', () => {
    const trend = (achieved: boolean | null) => ({
      trend: {
        against: 'baseline' as const,
        measure: 'change' as const,
        heading: null,
        bands: [{ label: '進展', reached: null, over: null, min: null, achieved, phrase: null }],
      },
    });
    expect(one([series('0', '100', { 2024: '10' })], trend(true))?.status).toBe('achieved');
    expect(one([series('0', '100', { 2024: '100' })], trend(false))?.status).toBe('not_achieved');
    expect(one([series('0', '100', { 2024: '100' })], trend(null))?.status).toBe('achieved');
    expect(one([series('0', '100', { 2024: '10' })], trend(null))?.status).toBe('not_achieved');
  });

  it('adds the band’s wording only where a band has one', () => {
    const plain = one([series('0', '100', { 2024: '10' })], { grades });
    expect(plain).not.toHaveProperty('phraseText');
    const worded = one([series('0', '100', { 2024: '10' })], {
      grades: [grades[0] as GradeBand, { label: 'C', min: null, achieved: false, phrase: '遅れている' }],
    });
    expect(worded?.phraseText).toBe('遅れている');
  });
});

describe('what the evaluation reports about a series', () => {
  it('names only the diagnostics that apply: none about interim targets or latest data in a plain plan', () => {
    const kpi = one([series('10', '20', { 2024: '15' })]);
    expect(kpi?.diagnostics).toEqual([{ code: 'no-assessment', kpiId: 'k', year: 2024 }]);
  });

  it('judges “reached” against the final target unless the plan judges against interim targets', () => {
    const withMilestone = { ...series('10', '20', { 2024: '18' }), milestones: new Map([[2024, d('17')]]) };
    expect(one([withMilestone])?.series[0]?.reached).toBe(false);
    expect(one([withMilestone], { against: 'interim' })?.series[0]?.reached).toBe(true);
  });

  it('keeps progress on the interim basis when progress is the method', () => {
    const withMilestone = { ...series('10', '20', { 2024: '15' }), milestones: new Map([[2024, d('20')]]) };
    const s = one([{ ...withMilestone, milestones: new Map([[2024, d('30')]]) }], { against: 'interim' })
      ?.series[0];
    // (15 − 10) / (30 − 10): against the year's interim target, not the final one (50.0).
    expect(s?.score?.value).toBe('25.0');
    expect(s?.progress?.value).toBe('25.0');
  });

  it('has no shortfall for a year without an actual', () => {
    const s = one([series('10', '20', { 2024: null })], { shortfall: true })?.series[0];
    expect(s?.shortfall).toBeNull();
    expect(
      one([series('10', '20', { 2024: '15' })], { shortfall: true })?.series[0]?.shortfall,
    ).not.toBeNull();
  });

  it('carries a calendar or census year kind, and nothing for a fiscal one', () => {
    const base = series('10', '20', { 2024: '15' });
    expect(one([{ ...base, yearKind: 'calendar' }])?.series[0]?.yearKind).toBe('calendar');
    expect(one([{ ...base, yearKind: 'fiscal' }])?.series[0]).not.toHaveProperty('yearKind');
    expect(one([base])?.series[0]).not.toHaveProperty('yearKind');
  });

  it('carries the plan’s English edition to the reports', () => {
    const translation: PlanTranslation = {
      title: 'Strategy',
      municipality: 'Town',
      goals: new Map(),
      kpis: new Map(),
      grades: new Map(),
    };
    const plan = makePlan([{ id: 'G', kpis: [makeKpi('k', 'G', [series('1', '2', { 2024: '1' })])] }]);
    expect(evaluate({ ...plan, translation }, 2024).translation).toEqual(translation);
    expect(evaluate(plan, 2024)).not.toHaveProperty('translation');
  });
});
