import { type DecimalString } from './decimal.ts';
import type { KpiStatus, Tally } from './evaluation.ts';
import { cmpText, Exact, percentFromText, percentText, ROUND_DOWN, ROUND_HALF_UP } from './exact.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { evaluate } from './evaluate.ts';
import type { Evaluation } from './evaluation.ts';
import { gradeOf } from './grades.ts';
import { METHODS } from './methods.ts';
import { baselineYear, type Plan, type Series } from './plan.ts';
import { kpiInForce } from './revisions.ts';
import type { Rounding } from './settings.ts';

/** One KPI in one year: its status and each series's 目標進捗率 (null where it has none). */
export interface KpiRates {
  readonly status: KpiStatus;
  readonly progress: readonly (DecimalString | null)[];
}

/** What a year's evaluation counts, without what reports add to it. */
export interface YearRates {
  readonly year: FiscalYear;
  /** In the plan's order of goals. */
  readonly goals: readonly Tally[];
  readonly overall: Tally;
  /** In the plan's order of KPIs. */
  readonly kpis: readonly KpiRates[];
}

/**
 * The achievement rates of a plan for many years at once: each series's progress and whether it reached
 * its target, each KPI's status, each goal's and the plan's tally. The same rules as {@link evaluate}
 * (the tests hold the two equal on every figure), without trajectories, diagnostics, history columns or
 * phrases, and with each series's baseline, target and gap read once for all years: for the national
 * comparison and for anything that needs only the counts.
 */
export function evaluateRates(plan: Plan, years: readonly FiscalYear[]): YearRates[] {
  if (!countedByCommonRules(plan)) return years.map((year) => ratesOf(evaluate(plan, year)));
  const kpis = [...plan.kpis.values()];
  const index = new Map(kpis.map((k, i) => [k.id, i]));
  const listings = plan.goals.map((g) =>
    g.kpiIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined),
  );
  const counted = plan.evaluation.shared === 'once' ? [...new Set(listings.flat())] : listings.flat();
  // KPI by KPI, each for every year: a series's figures are read once, then its years in turn.
  const statuses: KpiStatus[][] = years.map(() => []);
  const results: KpiRates[][] = years.map(() => []);
  for (const kpi of kpis) {
    // A revised target or baseline is in force from its year on: such a KPI reads each year's series afresh.
    const revised = kpi.series.some((s) => s.revisions.length > 0);
    const prepared = revised ? null : kpi.series.map((s) => prepare(plan, s));
    for (let y = 0; y < years.length; y++) {
      const year = years[y] as FiscalYear;
      const series = prepared ? kpi.series : kpiInForce(kpi, year).kpi.series;
      const result = kpiRates(plan, series, prepared ?? series.map((s) => prepare(plan, s)), year);
      (statuses[y] as KpiStatus[]).push(result.status);
      (results[y] as KpiRates[]).push(result);
    }
  }
  const rounding = plan.evaluation.rounding;
  return years.map((year, y) => {
    const status = statuses[y] as KpiStatus[];
    return {
      year,
      goals: listings.map((listed) => tally(listed, status, rounding)),
      overall: tally(counted, status, rounding),
      kpis: results[y] as KpiRates[],
    };
  });
}

/** What a series contributes to every year, read once: its figures as exact fractions. */
interface PreparedSeries {
  readonly baseline: Exact | null;
  /** target − baseline; null without baseline or where they are equal (no progress figure). */
  readonly gap: Exact | null;
  readonly target: Exact;
  readonly increase: boolean;
}

function prepare(plan: Plan, series: Series): PreparedSeries {
  const target = new Exact(series.target.value);
  const baseline = series.baseline ? new Exact(series.baseline.value) : null;
  const gap = baseline ? target.minus(baseline) : null;
  return {
    baseline,
    gap: gap && !gap.isZero() ? gap : null,
    target,
    increase: series.direction === 'increase',
  };
}

function modeOf(rounding: Rounding): number {
  return rounding.mode === 'half-up' ? ROUND_HALF_UP : ROUND_DOWN;
}

/** One KPI in one year, from its series in force in the year and what each contributes to every year. */
function kpiRates(
  plan: Plan,
  series: readonly Series[],
  prepared: readonly PreparedSeries[],
  year: FiscalYear,
): KpiRates {
  const settings = plan.evaluation;
  const { places } = settings.rounding;
  const mode = modeOf(settings.rounding);
  let missing = false;
  let reached = true;
  const progress: (DecimalString | null)[] = [];
  for (let i = 0; i < series.length; i++) {
    const entry = (series[i] as Series).actuals.get(year);
    const p = prepared[i] as PreparedSeries;
    if (entry?.kind !== 'value') {
      missing = true;
      progress.push(null);
      continue;
    }
    const cmp = cmpText(entry.value, p.target);
    if (p.increase ? cmp < 0 : cmp > 0) reached = false;
    progress.push(
      p.gap && p.baseline
        ? (percentFromText(entry.value, p.baseline, p.gap, places, mode) as DecimalString)
        : null,
    );
  }
  let status: KpiStatus;
  if (missing) {
    status = settings.missing === 'not-achieved' ? 'not_achieved' : 'not_evaluated';
  } else if (settings.grades) {
    const band = gradeOf(settings.grades, worstScore(plan, series, year), reached);
    status =
      band.achieved === null
        ? reached
          ? 'achieved'
          : 'not_achieved'
        : band.achieved
          ? 'achieved'
          : 'not_achieved';
  } else {
    status = reached ? 'achieved' : 'not_achieved';
  }
  return { status, progress };
}

/** The lowest score of the plan's method over the series, or null when any series has none. */
function worstScore(plan: Plan, series: readonly Series[], year: FiscalYear): DecimalString | null {
  let worst: DecimalString | null = null;
  for (const s of series) {
    const entry = s.actuals.get(year);
    if (entry?.kind !== 'value') return null;
    const actual = entry.value;
    const result = METHODS[plan.evaluation.method]({
      series: s,
      actual,
      year,
      baselineYear: baselineYear(plan, s.baseline),
      rounding: plan.evaluation.rounding,
    });
    if (!result.score) return null;
    if (worst === null || new Exact(result.score.value).lt(worst)) worst = result.score.value;
  }
  return worst;
}

function tally(listed: readonly number[], status: readonly KpiStatus[], rounding: Rounding): Tally {
  let achieved = 0;
  let evaluated = 0;
  for (const k of listed) {
    const s = status[k];
    if (s === 'achieved') achieved++;
    if (s !== 'not_evaluated') evaluated++;
  }
  const rate =
    evaluated === 0
      ? null
      : (percentText(
          new Exact(achieved),
          new Exact(evaluated),
          rounding.places,
          modeOf(rounding),
        ) as DecimalString);
  return { achieved, evaluated, notEvaluated: listed.length - evaluated, rate };
}

/**
 * Whether the plan counts by the rules this file repeats: the seed's and the common methods. A plan that
 * uses a form other municipalities publish (an interim or latest basis, trend statuses, editions, bound,
 * word or missing targets, bound actuals, cumulative series, hand grades) is counted by evaluate itself,
 * so the two can never disagree.
 */
function countedByCommonRules(plan: Plan): boolean {
  const s = plan.evaluation;
  if (s.against === 'interim' || s.data === 'latest' || s.trend || s.editions) return false;
  for (const kpi of plan.kpis.values()) {
    for (const a of kpi.assessments.values()) if (a.judgement) return false;
    for (const series of kpi.series) {
      const t = series.target;
      if (series.cumulative || t.bound !== undefined || t.word !== undefined || t.none) return false;
      for (const entry of series.actuals.values()) if (entry.kind === 'value' && entry.bound) return false;
      for (const r of series.revisions) if (r.target?.bound !== undefined) return false;
    }
  }
  return true;
}

function ratesOf(evaluation: Evaluation): YearRates {
  return {
    year: evaluation.year,
    goals: evaluation.goals.map(({ achieved, evaluated, notEvaluated, rate }) => ({
      achieved,
      evaluated,
      notEvaluated,
      rate,
    })),
    overall: evaluation.overall,
    kpis: evaluation.kpis.map((k) => ({
      status: k.status,
      progress: k.series.map((s) => s.progress?.value ?? null),
    })),
  };
}
