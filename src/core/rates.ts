import { type DecimalString } from './decimal.ts';
import type { KpiStatus, Tally } from './evaluation.ts';
import {
  cmpRead,
  cmpText,
  Exact,
  percentFromText,
  percentRead,
  percentText,
  readText,
  ROUND_DOWN,
  ROUND_HALF_UP,
} from './exact.ts';
import type { FigureEntry } from './figure-text.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { evaluate } from './evaluate.ts';
import type { Evaluation } from './evaluation.ts';
import { gradeOf } from './grades.ts';
import { METHODS } from './methods.ts';
import { baselineYear, type Kpi, type Plan, type Series } from './plan.ts';
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
  return (
    (countedByCommonRules(plan) ? ratesByCommonRules(plan, years) : null) ??
    years.map((year) => ratesOf(evaluate(plan, year)))
  );
}

/**
 * {@link evaluateRates} by the rules this file repeats, or null for a plan with an actual known only as a
 * bound (found while reading the actuals, so that each is read once): evaluate counts that one.
 */
function ratesByCommonRules(plan: Plan, years: readonly FiscalYear[]): YearRates[] | null {
  // The goal listings as indices of KPIs, by loops: the maps and arrays in between were a tenth of the time.
  const kpis: Kpi[] = [];
  const index = new Map<string, number>();
  for (const kpi of plan.kpis.values()) {
    index.set(kpi.id, kpis.length);
    kpis.push(kpi);
  }
  const listings: number[][] = [];
  const flat: number[] = [];
  for (const goal of plan.goals) {
    const listed: number[] = [];
    for (const id of goal.kpiIds) {
      const k = index.get(id);
      if (k === undefined) continue;
      listed.push(k);
      flat.push(k);
    }
    listings.push(listed);
  }
  const counted = plan.evaluation.shared === 'once' ? [...new Set(flat)] : flat;
  // KPI by KPI, each for every year: a series's figures are read once, then its years in turn. Each
  // year's list is filled by index (every KPI has its place), the tallies read the statuses from it.
  const results: KpiRates[][] = [];
  for (let y = 0; y < years.length; y++) results.push(new Array<KpiRates>(kpis.length));
  const settings = plan.evaluation;
  const { places } = settings.rounding;
  const mode = modeOf(settings.rounding);
  const missingStatus: KpiStatus = settings.missing === 'not-achieved' ? 'not_achieved' : 'not_evaluated';
  // Years one after another (as the bench and the reports ask) index a series's actuals by arithmetic.
  const first = years[0];
  const consecutive = first !== undefined && years.every((year, y) => year === first + y) ? first : null;
  for (let k = 0; k < kpis.length; k++) {
    const kpi = kpis[k] as Kpi;
    const series = kpi.series;
    const entries: (readonly (FigureEntry | undefined)[])[] = [];
    for (const s of series) {
      const read = yearEntries(s, years, consecutive);
      if (read === null) return null;
      entries.push(read);
    }
    // A revised target or baseline is in force from its year on: such a KPI reads each year's series afresh.
    const revised = series.some((s) => s.revisions.length > 0);
    if (revised || settings.grades) {
      const prepared = revised ? null : series.map((s) => prepare(plan, s));
      for (let y = 0; y < years.length; y++) {
        const year = years[y] as FiscalYear;
        const inForce = prepared ? series : kpiInForce(kpi, year).kpi.series;
        const result = kpiRates(plan, inForce, prepared ?? inForce.map((s) => prepare(plan, s)), year);
        (results[y] as KpiRates[])[k] = result;
      }
      continue;
    }
    // Without grades or revisions, the status is that of the series's figures alone: each is read once
    // (readText) for both its comparison with the target and its progress, with the settings read above.
    const prepared = series.map((s) => prepare(plan, s));
    if (series.length === 1) {
      // Most KPIs have one series: its progress list is made at its length, not grown by push.
      const p = prepared[0] as PreparedSeries;
      const read = entries[0] as readonly (FigureEntry | undefined)[];
      for (let y = 0; y < years.length; y++) {
        const entry = read[y];
        if (entry?.kind !== 'value') {
          (results[y] as KpiRates[])[k] = { status: missingStatus, progress: [null] };
          continue;
        }
        const progress = figureRates(entry.value, p, places, mode);
        const status: KpiStatus = figureReached ? 'achieved' : 'not_achieved';
        (results[y] as KpiRates[])[k] = { status, progress: [progress] };
      }
      continue;
    }
    for (let y = 0; y < years.length; y++) {
      let missing = false;
      let reached = true;
      const progress: (DecimalString | null)[] = [];
      for (let i = 0; i < series.length; i++) {
        const entry = (entries[i] as readonly (FigureEntry | undefined)[])[y];
        if (entry?.kind !== 'value') {
          missing = true;
          progress.push(null);
          continue;
        }
        progress.push(figureRates(entry.value, prepared[i] as PreparedSeries, places, mode));
        if (!figureReached) reached = false;
      }
      const status: KpiStatus = missing ? missingStatus : reached ? 'achieved' : 'not_achieved';
      (results[y] as KpiRates[])[k] = { status, progress };
    }
  }
  const rounding = plan.evaluation.rounding;
  return years.map((year, y) => {
    const rates = results[y] as KpiRates[];
    return {
      year,
      goals: listings.map((listed) => tally(listed, rates, rounding)),
      overall: tally(counted, rates, rounding),
      kpis: rates,
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

/** Whether the figure {@link figureRates} read last reached its series's target. */
let figureReached = false;

/**
 * A figure's 目標進捗率 in its series (null without one), and in {@link figureReached} whether it reached the
 * target: the figure's text is read once (readText) for both.
 */
function figureRates(
  text: DecimalString,
  p: PreparedSeries,
  places: number,
  mode: number,
): DecimalString | null {
  if (readText(text)) {
    const cmp = cmpRead(p.target);
    figureReached = p.increase ? cmp >= 0 : cmp <= 0;
    return p.gap && p.baseline ? (percentRead(p.baseline, p.gap, places, mode) as DecimalString) : null;
  }
  const cmp = cmpText(text, p.target);
  figureReached = p.increase ? cmp >= 0 : cmp <= 0;
  return p.gap && p.baseline
    ? (percentFromText(text, p.baseline, p.gap, places, mode) as DecimalString)
    : null;
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

function tally(listed: readonly number[], kpis: readonly KpiRates[], rounding: Rounding): Tally {
  let achieved = 0;
  let evaluated = 0;
  for (const k of listed) {
    const s = (kpis[k] as KpiRates).status;
    if (s === 'achieved') achieved++;
    if (s !== 'not_evaluated') evaluated++;
  }
  const rate =
    evaluated === 0
      ? null
      : // Counts are whole: n/1 made directly (new Exact(n) makes a second fraction to copy it from).
        (percentText(
          new Exact(achieved, 1),
          new Exact(evaluated, 1),
          rounding.places,
          modeOf(rounding),
        ) as DecimalString);
  return { achieved, evaluated, notEvaluated: listed.length - evaluated, rate };
}

/**
 * Whether the plan counts by the rules this file repeats: the seed's and the common methods. A plan that
 * uses a form other municipalities publish (an interim or latest basis, trend statuses, editions, bound,
 * word or missing targets, cumulative series, hand grades) is counted by evaluate itself, so the two can
 * never disagree; so is one with bound actuals, which {@link yearEntries} finds.
 */
function countedByCommonRules(plan: Plan): boolean {
  const s = plan.evaluation;
  if (s.against === 'interim' || s.data === 'latest' || s.trend || s.editions) return false;
  for (const kpi of plan.kpis.values()) {
    for (const a of kpi.assessments.values()) if (a.judgement) return false;
    for (const series of kpi.series) {
      const t = series.target;
      if (series.cumulative || t.bound !== undefined || t.word !== undefined || t.none) return false;
      for (const r of series.revisions) if (r.target?.bound !== undefined) return false;
    }
  }
  return true;
}

/**
 * The series's actual in each of the years (undefined where it has none), or null where any of its
 * actuals, in these years or not, is known only as a bound. Read in one pass over the actuals: a separate
 * pass for the bounds was an eighth of evaluateRates' time on national plans, most of it in touching each
 * entry a first time.
 */
function yearEntries(
  series: Series,
  years: readonly FiscalYear[],
  consecutive: FiscalYear | null,
): (FigureEntry | undefined)[] | null {
  // At its length from the start (a list grown by push reserves 17 places).
  const entries: (FigureEntry | undefined)[] = years.map(() => undefined);
  let bound = false;
  series.actuals.forEach((entry, year) => {
    if (entry.kind === 'value' && entry.bound) bound = true;
    if (consecutive !== null) {
      const y = year - consecutive;
      if (y >= 0 && y < entries.length) entries[y] = entry;
    }
  });
  if (bound) return null;
  if (consecutive === null)
    for (let y = 0; y < years.length; y++) entries[y] = series.actuals.get(years[y] as FiscalYear);
  return entries;
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
