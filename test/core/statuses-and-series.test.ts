import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedSeries, runningTotals } from '../../src/core/cumulative.ts';
import { dec, type DecimalString } from '../../src/core/decimal.ts';
import { settingsInForce } from '../../src/core/editions.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { gradeOf } from '../../src/core/grades.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Kpi, Plan, Series } from '../../src/core/plan.ts';
import { DEFAULT_SETTINGS, type EvaluationSettings, type GradeBand } from '../../src/core/settings.ts';
import { gradedPhrase, statusPhraseOf } from '../../src/core/status-phrase.ts';
import { seriesTrend, trendOf, type TrendSettings } from '../../src/core/trend-status.ts';
import { formatSpanOfKind, formatYearLong, formatYearShort } from '../../src/core/year-kind.ts';

/** The value, or a failed test where it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const d = (text: string) => text as DecimalString;
const value = (v: string): FigureEntry => ({ kind: 'value', value: d(v) });
/** Decimals with up to two places, as strings: the figures the engine sees. */
const decimalArb = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) =>
    d(
      dec(d(String(n)))
        .div(100)
        .toFixed(),
    ),
  );

const series = (over: Partial<Series>): Series => ({
  label: null,
  unit: null,
  baseline: null,
  target: { value: d('100'), year: 2024 },
  direction: 'increase',
  actuals: new Map(),
  provisional: new Set(),
  milestones: new Map(),
  revisions: [],
  ...over,
});

const planWith = (s: Series, evaluation: EvaluationSettings = DEFAULT_SETTINGS): Plan => {
  const kpi: Kpi = {
    id: 'k',
    name: 'k',
    goalId: 'g',
    category: [],
    unit: null,
    department: null,
    direction: null,
    series: [s],
    assessments: new Map(),
  };
  return {
    id: null,
    title: 't',
    municipality: 'm',
    period: { from: 2020, to: 2024 },
    evaluation,
    goals: [{ id: 'g', kind: 'basic', number: 1, title: 'g', kpiIds: ['k'] }],
    kpis: new Map([['k', kpi]]),
  };
};

const PROGRESS_TREND: TrendSettings = {
  against: 'previous-year',
  measure: 'change',
  heading: null,
  bands: [
    { label: '進展', reached: null, over: d('0'), min: null, achieved: null, phrase: null },
    { label: '進展せず', reached: null, over: null, min: null, achieved: null, phrase: null },
  ],
};

describe('cumulative KPIs (累計, 延べ)', () => {
  it('property: a running total of non-negative yearly figures never falls, and ends at their sum', () => {
    fc.assert(
      fc.property(fc.array(decimalArb(0, 100000), { minLength: 1, maxLength: 12 }), (figures) => {
        const annual = new Map(figures.map((f, i) => [2015 + i, value(f)]));
        const totals = runningTotals(annual, 2015, 2015 + figures.length - 1);
        const values = [...totals.values()].map((e) => (e.kind === 'value' ? dec(e.value) : null));
        expect(values.every((v) => v !== null)).toBe(true);
        for (let i = 1; i < values.length; i++) expect(must(values[i]).gte(must(values[i - 1]))).toBe(true);
        const sum = figures.reduce((s, f) => s.plus(dec(f)), dec(d('0')));
        expect(must(values.at(-1)).eq(sum)).toBe(true);
      }),
    );
  });

  it('property: a missing year leaves every later total blank rather than short', () => {
    fc.assert(
      fc.property(
        fc.array(decimalArb(0, 1000), { minLength: 3, maxLength: 10 }),
        fc.nat(),
        (figures, gapAt) => {
          const gap = 2015 + (gapAt % figures.length);
          const annual = new Map(
            figures.map((f, i): [number, FigureEntry] => [
              2015 + i,
              2015 + i === gap ? { kind: 'missing', reason: '未取得' } : value(f),
            ]),
          );
          const totals = runningTotals(annual, 2015, 2015 + figures.length - 1);
          for (let y = gap; y < 2015 + figures.length; y++) expect(totals.get(y)?.kind).not.toBe('value');
          for (let y = 2015; y < gap; y++) expect(totals.get(y)?.kind).toBe('value');
        },
      ),
    );
  });

  it('keeps a missing year’s reason among the totals, and gives no total for a year never entered', () => {
    const annual = new Map<number, FigureEntry>([
      [2020, value('10')],
      [2021, { kind: 'missing', reason: '集計中' }],
      [2022, value('5')],
      [2024, value('3')],
    ]);
    expect([...runningTotals(annual, 2020, 2024)]).toEqual([
      [2020, value('10')],
      [2021, { kind: 'missing', reason: '集計中' }],
    ]);
  });

  it('prints no total, as nothing to report, for a year after a gap in the yearly figures', () => {
    const s = series({
      actuals: new Map<number, FigureEntry>([
        [2020, value('10')],
        [2021, { kind: 'missing', reason: '未取得' }],
        [2022, value('5')],
      ]),
      cumulative: { from: null, since: null, entered: 'annual' },
    });
    expect([...countedSeries(s, 2020).actuals]).toEqual([
      [2020, value('10')],
      [2021, { kind: 'missing', reason: '未取得' }],
      [2022, { kind: 'none' }],
    ]);
  });

  it('switches from yearly figures to the total from a year on; earlier years keep their own figure', () => {
    const s = series({
      actuals: new Map([
        [2020, value('10')],
        [2021, value('12')],
        [2022, value('7')],
      ]),
      cumulative: { from: 2022, since: 2020, entered: 'annual' },
    });
    const counted = countedSeries(s, 2020);
    expect([...counted.actuals.values()]).toEqual([value('10'), value('12'), value('29')]);
    expect(counted.baseline).toEqual({ value: '0', span: null });
    // A blank baseline is 0, so progress is the total over the target: 29 / 100.
    expect(evaluate(planWith(s), 2022).kpis[0]?.series[0]?.progress?.value).toBe('29.0');
    expect(evaluate(planWith(s), 2021).kpis[0]?.series[0]?.progress?.value).toBe('12.0');
  });

  it('never sums totals a report already printed', () => {
    const s = series({
      actuals: new Map([
        [2020, value('4')],
        [2021, value('6')],
      ]),
      cumulative: { from: null, since: null, entered: 'total' },
    });
    expect([...countedSeries(s, 2020).actuals.values()]).toEqual([value('4'), value('6')]);
  });

  it('keeps published totals as they are and a written baseline as written', () => {
    const s = series({
      baseline: { value: d('2'), span: null },
      actuals: new Map([[2020, value('4')]]),
      cumulative: { from: null, since: null, entered: 'total' },
    });
    expect(countedSeries(s, 2020)).toEqual(s);
  });
});

describe('trend statuses (進展 / 進展せず, ○△×, S/A/B/C)', () => {
  it('property: 進展 exactly when the actual moved the better way since the previous year', () => {
    fc.assert(
      fc.property(
        decimalArb(-1000, 1000),
        decimalArb(-1000, 1000),
        fc.constantFrom('increase' as const, 'decrease' as const),
        (previous, actual, direction) => {
          const s = series({
            direction,
            target: { value: d(direction === 'increase' ? '5000' : '-5000'), year: 2024 },
            actuals: new Map([
              [2021, value(previous)],
              [2022, value(actual)],
            ]),
          });
          const trend = evaluate(planWith(s, { ...DEFAULT_SETTINGS, trend: PROGRESS_TREND }), 2022).kpis[0]
            ?.trend;
          const better =
            direction === 'increase' ? dec(actual).gt(dec(previous)) : dec(actual).lt(dec(previous));
          expect(trend?.label).toBe(better ? '進展' : '進展せず');
        },
      ),
    );
  });

  it('property: the bands are compared with the exact change, so a threshold is never missed by rounding', () => {
    const bands: TrendSettings = {
      against: 'baseline',
      measure: 'percent',
      heading: null,
      bands: [
        { label: 'B', reached: null, over: null, min: d('-10'), achieved: null, phrase: null },
        { label: 'C', reached: null, over: null, min: null, achieved: null, phrase: null },
      ],
    };
    fc.assert(
      fc.property(decimalArb(1, 10000), decimalArb(0, 20000), (baseline, actual) => {
        const t = seriesTrend(bands, {
          actual,
          direction: 'increase',
          year: 2022,
          baseline: { value: baseline, year: 2019 },
          actuals: new Map(),
          rounding: { mode: 'half-up', places: 0 },
        });
        const label = trendOf(bands, [t], false)?.label;
        const ratio = dec(actual).minus(dec(baseline)).div(dec(baseline)).mul(100);
        expect(label).toBe(ratio.gte(-10) ? 'B' : 'C');
      }),
    );
  });

  it('gives no status where there is nothing to compare with, unless a reached-only band takes it', () => {
    const s: TrendSettings = {
      against: 'baseline',
      measure: 'change',
      heading: null,
      bands: [
        { label: 'S', reached: true, over: null, min: null, achieved: null, phrase: null },
        { label: 'C', reached: null, over: null, min: null, achieved: null, phrase: null },
      ],
    };
    expect(trendOf(s, [null], false)).toBeNull();
    expect(trendOf(s, [null], true)?.label).toBe('S');
  });

  it('measures a change in the unit with the figures’ decimals, and a percentage at the plan’s places', () => {
    const input = {
      actual: d('12.25'),
      direction: 'increase' as const,
      year: 2022,
      baseline: { value: d('10'), year: 2019 },
      actuals: new Map([[2021, value('12.5')]]),
      rounding: { mode: 'half-up' as const, places: 1 },
    };
    expect(seriesTrend(PROGRESS_TREND, input)).toEqual({
      referenceYear: 2021,
      reference: '12.5',
      exact: '-0.25',
      change: '-0.25',
    });
    const percent: TrendSettings = { ...PROGRESS_TREND, against: 'baseline', measure: 'percent' };
    expect(seriesTrend(percent, input)).toEqual({
      referenceYear: 2019,
      reference: '10',
      exact: '22.5',
      change: '22.5',
    });
    expect(seriesTrend(percent, { ...input, rounding: { mode: 'half-up', places: 0 } })?.change).toBe('23');
  });

  it('has no movement against a baseline the series does not have', () => {
    const against: TrendSettings = { ...PROGRESS_TREND, against: 'baseline' };
    const input = {
      actual: d('12'),
      direction: 'increase' as const,
      year: 2022,
      baseline: null,
      actuals: new Map([[2021, value('10')]]),
      rounding: { mode: 'half-up' as const, places: 1 },
    };
    expect(seriesTrend(against, input)).toBeNull();
  });

  it('bands a KPI of several series by its worst movement, in whichever order they come', () => {
    const up = { referenceYear: 2021, reference: d('1'), exact: d('3'), change: d('3') };
    const down = { referenceYear: 2021, reference: d('5'), exact: d('-0.5'), change: d('-0.5') };
    for (const series of [
      [up, down],
      [down, up],
    ]) {
      expect(trendOf(PROGRESS_TREND, series, false)).toMatchObject({ label: '進展せず', change: down });
    }
  });

  it('gives a KPI no band that asks for a change while one of its series has none', () => {
    const moved = { referenceYear: 2021, reference: d('1'), exact: d('3'), change: d('3') };
    expect(trendOf(PROGRESS_TREND, [moved, null], false)).toBeNull();
    expect(trendOf(PROGRESS_TREND, [null, moved], false)).toBeNull();
    expect(trendOf(PROGRESS_TREND, [], false)).toBeNull();
  });

  it("lets a band decide achievement and word the KPI's status phrase", () => {
    const trend: TrendSettings = {
      ...PROGRESS_TREND,
      bands: [
        { label: '進展', reached: null, over: d('0'), min: null, achieved: true, phrase: '前年度から進展' },
        { label: '進展せず', reached: null, over: null, min: null, achieved: false, phrase: null },
      ],
    };
    const s = series({
      actuals: new Map([
        [2021, value('1')],
        [2022, value('2')],
      ]),
    });
    const kpi = must(evaluate(planWith(s, { ...DEFAULT_SETTINGS, trend }), 2022).kpis[0]);
    expect(kpi.status).toBe('achieved');
    expect(kpi.phraseText).toBe('前年度から進展');
  });

  it('adds no key to a plan without trend statuses', () => {
    const kpi = must(evaluate(planWith(series({ actuals: new Map([[2022, value('2')]]) })), 2022).kpis[0]);
    expect(Object.keys(kpi)).not.toContain('trend');
    expect(Object.keys(must(kpi.series[0]))).not.toContain('trend');
  });
});

describe('the status phrase follows the grade', () => {
  const bands: GradeBand[] = [
    { label: 'A', min: d('100'), achieved: null },
    { label: 'B', min: d('60'), achieved: null },
    { label: 'C', min: null, achieved: null },
  ];

  it('property: a KPI in the worst band is never 順調に推移; other bands keep the seed phrase', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(decimalArb(-500, 500), { nil: null }),
        fc.nat(2),
        (achieved, score, index) => {
          const phrase = gradedPhrase(achieved, score, { index, count: bands.length });
          if (index === bands.length - 1) expect(phrase).not.toBe('on-track');
          else expect(phrase).toBe(statusPhraseOf(achieved, score));
        },
      ),
    );
  });

  it('refuses to grade against no bands at all, rather than invent one', () => {
    expect(() => gradeOf([], d('50'), false)).toThrow(new RangeError('grade bands must not be empty'));
  });

  it("uses the band's own words where it has them", () => {
    const s = series({ baseline: { value: d('0'), span: null }, actuals: new Map([[2022, value('10')]]) });
    const graded = [...bands.slice(0, 2), { label: 'C', min: null, achieved: null, phrase: '要改善の状況' }];
    const kpi = must(evaluate(planWith(s, { ...DEFAULT_SETTINGS, grades: graded }), 2022).kpis[0]);
    expect(kpi.grade).toBe('C');
    expect(kpi.phrase).toBe('not-achieved');
    expect(kpi.phraseText).toBe('要改善の状況');
  });
});

describe('settings that change between editions', () => {
  const renamed: EvaluationSettings = {
    ...DEFAULT_SETTINGS,
    grades: [
      { label: '順調', min: d('100'), achieved: null },
      { label: '遅れ', min: null, achieved: null },
    ],
    editions: [
      {
        from: 2023,
        grades: [
          { label: 'A', min: d('100'), achieved: null },
          { label: 'B', min: null, achieved: null },
        ],
        rounding: { mode: 'truncate', places: 0 },
      },
    ],
  };

  it('property: a year before an edition keeps the settings it was published with', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        const inForce = settingsInForce(renamed, year);
        expect(inForce.grades?.[0]?.label).toBe(year >= 2023 ? 'A' : '順調');
        expect(inForce.rounding.places).toBe(year >= 2023 ? 0 : 1);
      }),
    );
  });

  it('grades and rounds each year by its own edition', () => {
    const s = series({
      baseline: { value: d('0'), span: null },
      actuals: new Map([
        [2022, value('55.55')],
        [2023, value('55.55')],
      ]),
    });
    const plan = planWith(s, renamed);
    const at = (year: number) => must(evaluate(plan, year).kpis[0]);
    expect([at(2022).grade, at(2022).series[0]?.progress?.value]).toEqual(['遅れ', '55.6']);
    expect([at(2023).grade, at(2023).series[0]?.progress?.value]).toEqual(['B', '55']);
  });
});

describe('year kinds', () => {
  it('words a calendar year without 度 and a census year as the census', () => {
    expect(formatYearLong(2022, 'fiscal')).toBe('令和4年度');
    expect(formatYearLong(2022, 'calendar')).toBe('令和4年');
    expect(formatYearLong(2019, 'calendar')).toBe('令和元年');
    expect(formatYearLong(2020, 'census')).toBe('令和2年国勢調査');
    expect(formatYearShort(2016, 'calendar')).toBe('H28年');
    expect(formatSpanOfKind({ from: 2015, to: 2020, qualifier: '平均' }, 'calendar')).toBe('H27年～R2年平均');
  });
});
