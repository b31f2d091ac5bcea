import type { DecimalString } from './decimal.ts';
import type { Evaluation, KpiResult, KpiStatus, Tally } from './evaluation.ts';
import { Exact, ROUND_DOWN, ROUND_HALF_UP } from './exact.ts';

/**
 * What changed between two evaluations of one plan (two years, or two editions of one year): per KPI,
 * per goal and overall. Judged on the evaluations' own results, so a comparison never disagrees with the
 * pages of either edition.
 *
 * - improved / worsened: the status moved (未達成 → 達成 or back), or, with the same status, the KPI's
 *   score (the worst series's 目標進捗率 or the plan's method figure) rose or fell;
 * - new: the KPI is evaluated in the later one only (newly in the plan, or newly with an actual);
 * - dropped: evaluated in the earlier one only;
 * - changed: neither better nor worse by score, but an actual differs (a KPI without a score);
 * - unchanged: the same status, score and actuals.
 */
export type Change = 'improved' | 'worsened' | 'new' | 'dropped' | 'changed' | 'unchanged';

export interface KpiComparison {
  readonly id: string;
  /** null where the KPI is not in that evaluation's plan. */
  readonly before: KpiResult | null;
  readonly after: KpiResult | null;
  readonly change: Change;
}

export interface TallyComparison {
  /** The goal's id; null for the plan's overall tally. */
  readonly goalId: string | null;
  readonly before: Tally | null;
  readonly after: Tally | null;
  readonly change: Change;
  /** after − before in percentage points, at the later plan's places; null unless both have a rate. */
  readonly difference: DecimalString | null;
}

export interface EvaluationComparison {
  /** The later evaluation's KPIs in its order, then those only the earlier one has. */
  readonly kpis: readonly KpiComparison[];
  readonly overall: TallyComparison;
  /** The later evaluation's goals in its order, then those only the earlier one has. */
  readonly goals: readonly TallyComparison[];
}

const evaluated = (status: KpiStatus): boolean => status !== 'not_evaluated';

/** Higher is better: signed −1, 0 or 1. */
function movement(before: DecimalString | null, after: DecimalString | null): number {
  if (before === null || after === null) return 0;
  return Math.sign(new Exact(after).cmp(before));
}

const bySign = (sign: number): Change => (sign > 0 ? 'improved' : sign < 0 ? 'worsened' : 'unchanged');

/** Whether the figures printed for the KPI differ: each series's actual as written. */
function sameActuals(before: KpiResult, after: KpiResult): boolean {
  if (before.series.length !== after.series.length) return false;
  return before.series.every(
    (s, i) => JSON.stringify(s.actual) === JSON.stringify(after.series[i]?.actual ?? null),
  );
}

export function kpiChange(before: KpiResult | null, after: KpiResult | null): Change {
  const was = before !== null && evaluated(before.status);
  const is = after !== null && evaluated(after.status);
  if (!was && is) return 'new';
  if (was && !is) return 'dropped';
  if (before === null || after === null) return before === after ? 'unchanged' : 'changed';
  if (was && before.status !== after.status) return after.status === 'achieved' ? 'improved' : 'worsened';
  const sign = movement(before.score, after.score);
  if (sign !== 0) return bySign(sign);
  return sameActuals(before, after) ? 'unchanged' : 'changed';
}

function tallyComparison(
  goalId: string | null,
  before: Tally | null,
  after: Tally | null,
  places: number,
  mode: number,
): TallyComparison {
  const was = before?.rate ?? null;
  const is = after?.rate ?? null;
  if (was === null || is === null) {
    const change: Change = was === null && is !== null ? 'new' : was !== null ? 'dropped' : 'unchanged';
    return { goalId, before, after, change, difference: null };
  }
  const difference = new Exact(is).minus(was).toFixed(places, mode) as DecimalString;
  const counts =
    before?.achieved === after?.achieved &&
    before?.evaluated === after?.evaluated &&
    before?.notEvaluated === after?.notEvaluated;
  const sign = movement(was, is);
  const change = sign === 0 && !counts ? 'changed' : bySign(sign);
  return { goalId, before, after, change, difference };
}

/** Compares `before` with `after`; both must be evaluations of one plan (any two years or editions). */
export function compareEvaluations(before: Evaluation, after: Evaluation): EvaluationComparison {
  const earlier = new Map(before.kpis.map((k) => [k.id, k]));
  const later = new Set(after.kpis.map((k) => k.id));
  const kpis: KpiComparison[] = [
    ...after.kpis.map((k) => {
      const was = earlier.get(k.id) ?? null;
      return { id: k.id, before: was, after: k, change: kpiChange(was, k) };
    }),
    ...before.kpis
      .filter((k) => !later.has(k.id))
      .map((k) => ({ id: k.id, before: k, after: null, change: kpiChange(k, null) })),
  ];
  const rounding = after.settings.rounding;
  const mode = rounding.mode === 'half-up' ? ROUND_HALF_UP : ROUND_DOWN;
  const goalsBefore = new Map(before.goals.map((g) => [g.id, g]));
  const goalsAfter = new Set(after.goals.map((g) => g.id));
  const goals = [
    ...after.goals.map((g) => tallyComparison(g.id, goalsBefore.get(g.id) ?? null, g, rounding.places, mode)),
    ...before.goals
      .filter((g) => !goalsAfter.has(g.id))
      .map((g) => tallyComparison(g.id, g, null, rounding.places, mode)),
  ];
  return {
    kpis,
    overall: tallyComparison(null, before.overall, after.overall, rounding.places, mode),
    goals,
  };
}
