import fc from 'fast-check';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Kpi, Plan, Series } from '../../src/core/plan.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';

/** Every free text a plan carries into a report, each a place a renderer lays out, wraps or measures. */
export interface PlanTexts {
  readonly title: string;
  readonly municipality: string;
  readonly goalTitle: string;
  readonly kpiName: string;
  readonly unit: string;
  readonly category: string;
  readonly seriesLabel: string;
  /** What follows a baseline's years (H30～R2平均値). */
  readonly baselineLabel: string;
  /** Why a year has no figure (未取得). */
  readonly reason: string;
  readonly status: string;
  readonly assessment: string;
  readonly grade: string;
}

export const TEXT_FIELDS: readonly (keyof PlanTexts)[] = [
  'title',
  'municipality',
  'goalTitle',
  'kpiName',
  'unit',
  'category',
  'seriesLabel',
  'baselineLabel',
  'reason',
  'status',
  'assessment',
  'grade',
];

export const sameText = (text: string): PlanTexts =>
  Object.fromEntries(TEXT_FIELDS.map((field) => [field, text])) as unknown as PlanTexts;

const d = (text: string) => text as DecimalString;
const value = (v: string): FigureEntry => ({ kind: 'value', value: d(v) });

function series(
  label: string | null,
  unit: string,
  baseline: string,
  qualifier: string,
  actuals: FigureEntry[],
): Series {
  return {
    label,
    unit,
    baseline: { value: d(baseline), span: { from: 2018, to: 2020, qualifier } },
    target: { value: d('120'), year: 2026 },
    direction: 'increase',
    actuals: new Map(actuals.map((entry, i) => [2021 + i, entry])),
    provisional: new Set(),
    milestones: new Map(),
    revisions: [],
  };
}

/** The target raised from FY2022 on (上方修正), with the office's note. */
const revised = (s: Series, note: string): Series => ({
  ...s,
  revisions: [{ from: 2022, target: { value: d('140'), year: 2026 }, baseline: null, note }],
});

/**
 * Two goals and three KPIs with every text set from `t`: a KPI whose year has only a reason, one of two
 * labelled series, and an assessed one listed under both goals (再掲). Evaluated for FY2022.
 */
export function hostilePlan(t: PlanTexts): Plan {
  const kpi = (id: string, goalId: string, list: Series[], assessed: boolean): Kpi => ({
    id,
    name: `${t.kpiName}${id}`,
    goalId,
    category: [t.category, t.category],
    unit: t.unit,
    department: null,
    direction: null,
    series: list,
    assessments: assessed ? new Map([[2022, { status: t.status, text: t.assessment }]]) : new Map(),
  });
  const kpis = [
    kpi(
      'a',
      'g1',
      [series(null, t.unit, '100', t.baselineLabel, [value('101'), { kind: 'missing', reason: t.reason }])],
      true,
    ),
    kpi(
      'b',
      'g1',
      [
        series(t.seriesLabel, t.unit, '18.43', t.baselineLabel, [value('18.9'), value('19.5')]),
        series(`${t.seriesLabel}2`, t.unit, '20.72', t.baselineLabel, [
          { kind: 'missing', reason: t.reason },
          value('20.1'),
        ]),
      ],
      true,
    ),
    kpi(
      'c',
      'g2',
      [revised(series(null, t.unit, '100', t.baselineLabel, [value('130'), value('125')]), t.assessment)],
      true,
    ),
  ];
  return {
    id: 'hostile',
    title: t.title,
    municipality: t.municipality,
    period: { from: 2022, to: 2026 },
    evaluation: {
      ...DEFAULT_SETTINGS,
      missing: 'bucket',
      grades: [
        { label: t.grade, min: d('100'), achieved: true },
        { label: `${t.grade}B`, min: null, achieved: false },
      ],
    },
    goals: [
      { id: 'g1', kind: 'basic', number: 1, title: t.goalTitle, kpiIds: ['a', 'b'] },
      { id: 'g2', kind: 'cross-cutting', number: 1, title: t.goalTitle, kpiIds: ['c', 'a'] },
    ],
    kpis: new Map(kpis.map((k) => [k.id, k])),
  };
}

/**
 * Pieces of hostile text: control characters (NUL aside, which the boundary refuses), a lone surrogate,
 * emoji with joiners and flags, full-width letters and digits, kanji, ideographic and other spaces,
 * newlines, right-to-left and combining marks, markup and formula starts, and a long unbroken word.
 */
const PIECES = [
  '\u0001\u0007\b\t\u000b\f\r\u001b\u001f\u007f\u0085\u009f',
  '\ud800',
  '\udfff',
  '👨‍👩‍👧‍👦🇯🇵🏳️‍🌈',
  'ＡＢＣ１２３４５６７８９０',
  '稼ぐ産業と安定した雇用を創出する',
  '\u3000 \u00a0\u2028\u2029',
  '\n\n',
  '\u202e\u200f\u0301\u0336',
  '<script>&amp;"\'=SUM(A1)',
  'Supercalifragilisticexpialidocious',
  'x',
];

const pieceArb = fc.constantFrom(...PIECES);

/** A text from 0 to `max` characters, built of hostile pieces; cut anywhere, so it may split a pair. */
export const hostileText = (max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(pieceArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max }))
    .map(([pieces, length]) => {
      const unit = pieces.join('');
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    });

export const planTextsArb = (max: number): fc.Arbitrary<PlanTexts> =>
  fc.record(
    Object.fromEntries(TEXT_FIELDS.map((f) => [f, hostileText(max)])) as {
      [K in keyof PlanTexts]: fc.Arbitrary<string>;
    },
  );

/** `length` characters of one piece repeated: a long word, a long Japanese phrase, and so on. */
export const repeated = (piece: string, length: number): string =>
  piece.repeat(Math.ceil(length / Math.max(1, piece.length))).slice(0, length);
