import fc from 'fast-check';
import { toDecimalString, type DecimalString } from '../../src/core/decimal.ts';
import { impliedDirection } from '../../src/core/direction.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Direction, Goal, Kpi, Plan, Series } from '../../src/core/plan.ts';
import { DEFAULT_SETTINGS, type EvaluationSettings } from '../../src/core/settings.ts';

/** A decimal figure with up to three places, as department figures are. */
export const decimalArb: fc.Arbitrary<DecimalString> = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, places]) => {
    const negative = units < 0;
    const digits = String(Math.abs(units)).padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return toDecimalString((negative ? '-' : '') + text) as DecimalString;
  });

export interface SeriesSpec {
  baseline: DecimalString | null;
  target: DecimalString;
  direction?: Direction;
  actuals: Record<number, FigureEntry>;
}

export function makeSeries(spec: SeriesSpec, label: string | null = null): Series {
  const implied = spec.baseline === null ? null : impliedDirection(spec.baseline, spec.target);
  return {
    label,
    unit: null,
    baseline: spec.baseline === null ? null : { value: spec.baseline, span: null },
    target: { value: spec.target, year: 2026 },
    direction: spec.direction ?? implied ?? 'increase',
    actuals: new Map(Object.entries(spec.actuals).map(([y, e]) => [Number(y), e])),
    provisional: new Set(),
    milestones: new Map(),
    revisions: [],
  };
}

export function makeKpi(id: string, goalId: string, series: Series[]): Kpi {
  return {
    id,
    name: id,
    goalId,
    category: [],
    unit: null,
    department: null,
    direction: null,
    series,
    assessments: new Map(),
  };
}

/** A plan from goals given as lists of KPIs; a KPI id repeated under a later goal is a 再掲 listing. */
export function makePlan(
  goals: { id: string; kpis: Kpi[] }[],
  settings: Partial<EvaluationSettings> = {},
): Plan {
  const kpis = new Map<string, Kpi>();
  const planGoals: Goal[] = goals.map((g, i) => {
    for (const k of g.kpis) if (!kpis.has(k.id)) kpis.set(k.id, k);
    return { id: g.id, kind: 'basic', number: i + 1, title: g.id, kpiIds: g.kpis.map((k) => k.id) };
  });
  return {
    id: 'test-plan',
    title: 'Test plan',
    municipality: 'テスト市',
    period: { from: 2022, to: 2026 },
    evaluation: { ...DEFAULT_SETTINGS, ...settings },
    goals: planGoals,
    kpis,
  };
}

export const value = (v: DecimalString): FigureEntry => ({ kind: 'value', value: v });

/** A KPI with a distinct baseline and target and an actual for 2022. */
export const kpiSpecArb = fc
  .tuple(decimalArb, decimalArb, decimalArb)
  .filter(([b, t]) => Number(b) !== Number(t))
  .map(
    ([baseline, target, actual]) => ({ baseline, target, actuals: { 2022: value(actual) } }) as SeriesSpec,
  );
