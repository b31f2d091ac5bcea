import { dec, type DecimalString, type RoundingMode } from './decimal.ts';
import { cmpText, Exact, percentFromText, percentText, ROUND_DOWN, ROUND_HALF_UP } from './exact.ts';
import type { Diagnostic } from './diagnostic.ts';
import { diagnoseKpi } from './diagnostics.ts';
import type { Evaluation, GoalResult, KpiResult, KpiStatus, SeriesResult, Tally } from './evaluation.ts';
import type { FigureEntry } from './figure-text.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { gradeOf } from './grades.ts';
import type { Calculation, MethodInput, Score, ScoreResult } from './methods.ts';
import { scoreAgainst } from './interim-target.ts';
import { latestActual } from './latest-data.ts';
import { shortfallOf } from './shortfall.ts';
import type { MethodName, Rounding, TargetBasis } from './settings.ts';
import { baselineYear, type Assessment, type Kpi, type Plan, type Series } from './plan.ts';
import { kpiInForce, type AppliedRevision } from './revisions.ts';
import { gradedPhrase, STATUS_PHRASE_JA, statusPhraseOf, type StatusPhrase } from './status-phrase.ts';
import { countedSeries } from './cumulative.ts';
import { settingsInForce } from './editions.ts';
import { seriesTrend, trendOf, type SeriesTrend } from './trend-status.ts';
import { deepFreeze, freezeParts } from './freeze.ts';
import {
  LazyEvaluation,
  LazyKpiResult,
  LazyScore,
  type EvaluationFields,
  LazySeriesResult,
  type KpiFields,
  type SeriesFields,
} from './lazy-results.ts';
import { handJudged } from './hand-grade.ts';
import { meetsTarget, targetNoScore, type TargetNoScore } from './target-bound.ts';

/** Every fiscal year for which any series has a value, in order. */
export function yearsWithData(plan: Plan): FiscalYear[] {
  const years = new Set<FiscalYear>();
  for (const kpi of plan.kpis.values()) {
    for (const series of kpi.series) {
      for (const [year, entry] of series.actuals) if (entry.kind === 'value') years.add(year);
    }
  }
  return [...years].sort((a, b) => a - b);
}

/** The latest fiscal year for which any series has a value: the year a report is usually for. */
export function latestYearWithData(plan: Plan): FiscalYear | null {
  return yearsWithData(plan).at(-1) ?? null;
}

/**
 * Every fiscal year for which any series has a cell, a value or a reason it has none (未取得, —), in
 * order: the years a report's goal tables and a department's workbook show as columns.
 */
export function yearsWithCells(plan: Plan): FiscalYear[] {
  const years = new Set<FiscalYear>();
  for (const kpi of plan.kpis.values()) {
    for (const series of kpi.series) for (const y of series.actuals.keys()) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Evaluates every KPI of the plan for one fiscal year. Every output Shinchoku writes renders from the
 * value returned here, so no two of them can disagree.
 */
export function evaluate(plan: Plan, year: FiscalYear): Evaluation {
  return evaluateYears(plan, [year])[0] as Evaluation;
}

/**
 * The plan's evaluation for each of `years`, each the one {@link evaluate} gives for that year (it is the
 * same code), with what does not change between years read once for all of them: the listings, each
 * series's baseline, target and gap, the years that have data, the plan's parts frozen. For callers that
 * want many years of one plan (the national comparison, open data, the figures across years).
 */
export function evaluateYears(planAsWritten: Plan, years: readonly FiscalYear[]): Evaluation[] {
  // Grades, rounding and trend bands as they stood in the year (editions.ts); the same object without editions.
  const editions = (planAsWritten.evaluation.editions?.length ?? 0) > 0;
  let shared: Prepared | null = null;
  return years.map((year) => {
    if (!editions) return evaluateYear((shared ??= prepare(planAsWritten)), year);
    const inForce = settingsInForce(planAsWritten.evaluation, year);
    return evaluateYear(prepare({ ...planAsWritten, evaluation: inForce }), year);
  });
}

/** What every year's evaluation of a plan reads alike, made once for all the years evaluated. */
interface Prepared {
  /** The plan with the settings in force in the years evaluated. */
  readonly plan: Plan;
  readonly header: Evaluation['plan'];
  /** Every year any series has a cell for, ascending: the report's columns come from these. */
  readonly cellYears: readonly FiscalYear[];
  readonly kpis: readonly PreparedKpi[];
}

interface PreparedKpi {
  /** The KPI as the evaluation judges it: cumulative series as running totals (cumulative.ts). */
  readonly counted: Kpi;
  readonly listedIn: readonly string[];
  /** Per series, what is the same every year; null where a revision changes the series from some year. */
  readonly series: readonly PreparedSeries[] | null;
}

interface PreparedSeries {
  readonly fromYear: FiscalYear;
  readonly unscorable: TargetNoScore | null;
  /**
   * The baseline and target − baseline as fractions, for 目標進捗率: read at the first actual, as methods.ts
   * reads them, so a series without one never reads its target; the gap null where the two are equal.
   */
  figures?: { readonly baseline: Exact; readonly gap: Exact | null };
  /** The final target as a fraction, read at the first actual. */
  target?: Exact;
}

/** A result's fields while they are put together, before the result is made and frozen. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

const NO_REVISIONS: readonly AppliedRevision[] = Object.freeze([]);

function prepare(plan: Plan): Prepared {
  const listings = new Map<string, string[]>();
  for (const goal of plan.goals) {
    for (const id of goal.kpiIds) {
      const listed = listings.get(id);
      if (listed) listed.push(goal.id);
      else listings.set(id, [goal.id]);
    }
  }
  const kpis: PreparedKpi[] = [];
  for (const kpi of plan.kpis.values()) {
    const counted = kpi.series.some((s) => s.cumulative)
      ? { ...kpi, series: kpi.series.map((s) => countedSeries(s, plan.period.from)) }
      : kpi;
    const revised = counted.series.some((s) => s.revisions.length > 0);
    // The plan's parts a result holds, frozen once here rather than looked at in every year's result.
    deepFreeze(kpi.category);
    for (const assessment of kpi.assessments.values()) deepFreeze(assessment);
    if (!revised) for (const s of counted.series) freezeSeriesParts(s);
    kpis.push({
      counted,
      listedIn: Object.freeze(listings.get(kpi.id) ?? [kpi.goalId]),
      series: revised ? null : counted.series.map((s) => prepareSeries(plan, s)),
    });
  }
  return {
    plan,
    header: deepFreeze({ title: plan.title, municipality: plan.municipality, period: plan.period }),
    cellYears: yearsWithCells(plan),
    kpis,
  };
}

/** The parts of a series a result holds as they are: its baseline, target, cells and cumulative rule. */
function freezeSeriesParts(series: Series): void {
  deepFreeze(series.baseline);
  deepFreeze(series.target);
  deepFreeze(series.cumulative);
  for (const entry of series.actuals.values()) deepFreeze(entry);
}

function prepareSeries(plan: Plan, series: Series): PreparedSeries {
  return { fromYear: baselineYear(plan, series.baseline), unscorable: targetNoScore(series) };
}

function evaluateYear(prepared: Prepared, year: FiscalYear): Evaluation {
  const plan = prepared.plan;
  // Every year up to this one that any series has a cell for, and this one in any case.
  const columns: FiscalYear[] = [];
  for (const y of prepared.cellYears) {
    if (y >= year) break;
    columns.push(y);
  }
  columns.push(year);
  Object.freeze(columns);
  const kpis = new Map<string, KpiResult>();
  for (const kpi of prepared.kpis) {
    kpis.set(kpi.counted.id, evaluateKpi(plan, kpi, year, columns));
  }
  const bucket = plan.evaluation.missing === 'bucket';
  const goals: GoalResult[] = plan.goals.map((goal) => {
    const listed: KpiResult[] = [];
    for (const id of goal.kpiIds) {
      const k = kpis.get(id);
      if (k !== undefined) listed.push(k);
    }
    const counts = tally(listed, plan);
    // The KPIs are frozen as made: freezing the lists is enough.
    return Object.freeze({
      id: goal.id,
      kind: goal.kind,
      number: goal.number,
      title: goal.title,
      kpis: Object.freeze(listed),
      summary: Object.freeze(
        listed.filter((k) => k.status !== 'not_evaluated' || bucket || k.unscored !== undefined),
      ),
      achieved: counts.achieved,
      evaluated: counts.evaluated,
      notEvaluated: counts.notEvaluated,
      rate: counts.rate,
    });
  });
  const everyListing = goals.flatMap((g) => g.kpis);
  const counted =
    plan.evaluation.shared === 'once'
      ? [...new Map(everyListing.map((k) => [k.id, k])).values()]
      : everyListing;
  const all = [...kpis.values()];
  let summaryWidth = 0;
  for (const g of goals) if (g.summary.length > summaryWidth) summaryWidth = g.summary.length;
  const fields: Writable<EvaluationFields> = {
    plan: prepared.header,
    settings: plan.evaluation,
    year,
    planYear: year - plan.period.from + 1,
    columns,
    goals: Object.freeze(goals),
    kpis: Object.freeze(all),
    overall: Object.freeze(tally(counted, plan)),
    summaryWidth,
  };
  if (plan.translation) fields.translation = plan.translation;
  const evaluation = new LazyEvaluation(fields);
  // Goals and KPIs were frozen as they were made; the settings and translation are the plan's.
  return freezeParts<Evaluation>(evaluation, EVALUATION_PARTS);
}

/**
 * The parts of each result that may hold objects not frozen yet, frozen with it (freeze.ts). The lazy parts
 * (diagnostics, trajectories, history) are not among them: their getters freeze what they compute. A part
 * missing here would stay mutable, which test/core/evaluation-frozen.test.ts catches.
 */
const EVALUATION_PARTS = ['settings', 'translation'] as const;
// A KPI's category, assessment (with its grade note and judgement) and listings are frozen in prepare.
const KPI_PARTS = ['missing', 'series', 'trend'] as const;
const SERIES_PARTS = [
  'baseline',
  'target',
  'revisions',
  'actual',
  'score',
  'progress',
  'shortfall',
  'trend',
  'cumulative',
] as const;
/** A series read once in prepare: its plan parts are frozen there, and it has no revisions in force. */
const SERIES_FRESH_PARTS = ['score', 'progress', 'shortfall', 'trend'] as const;

function tally(kpis: readonly KpiResult[], plan: Plan): Tally {
  let achieved = 0;
  let evaluated = 0;
  for (const k of kpis) {
    if (k.status === 'achieved') achieved++;
    if (k.status !== 'not_evaluated') evaluated++;
  }
  const { places, mode } = plan.evaluation.rounding;
  const rate =
    evaluated === 0
      ? null
      : (percentText(new Exact(achieved), new Exact(evaluated), places, modeOf(mode)) as DecimalString);
  return { achieved, evaluated, notEvaluated: kpis.length - evaluated, rate };
}

function modeOf(mode: RoundingMode): number {
  return mode === 'half-up' ? ROUND_HALF_UP : ROUND_DOWN;
}

function evaluateKpi(
  plan: Plan,
  prepared: PreparedKpi,
  year: FiscalYear,
  columns: readonly FiscalYear[],
): KpiResult {
  const settings = plan.evaluation;
  const { counted, listedIn } = prepared;
  const kpi = counted;
  // Everything below, diagnostics included, sees the target and baseline in force in the year.
  const inForce = prepared.series ? { kpi: counted, applied: null } : kpiInForce(counted, year);
  const series = inForce.kpi.series.map((s, i) =>
    evaluateSeries(
      plan,
      s,
      prepared.series?.[i] ?? null,
      inForce.applied?.[i] ?? NO_REVISIONS,
      year,
      columns,
    ),
  );
  const missingSeries = series.find((s) => s.actual?.kind !== 'value');
  const reached = series.every((s) => s.reached === true);
  const score = worstOf(series, 'score');
  const band = settings.grades && !missingSeries ? gradeOf(settings.grades, score, reached) : null;
  const trend =
    settings.trend && !missingSeries
      ? trendOf(
          settings.trend,
          series.map((s) => s.trend ?? null),
          reached,
        )
      : null;

  let status: KpiStatus;
  if (missingSeries) {
    status = settings.missing === 'not-achieved' ? 'not_achieved' : 'not_evaluated';
  } else if (trend && trend.band.achieved !== null) {
    status = trend.band.achieved ? 'achieved' : 'not_achieved';
  } else if (band && band.achieved !== null) {
    status = band.achieved ? 'achieved' : 'not_achieved';
  } else {
    status = reached ? 'achieved' : 'not_achieved';
  }
  const missing = missingSeries
    ? { reason: missingSeries.actual?.kind === 'missing' ? missingSeries.actual.reason : null }
    : null;
  const progress = worstOf(series, 'progress');
  const bandIndex = band && settings.grades ? settings.grades.indexOf(band) : -1;
  const phrase =
    status === 'not_evaluated'
      ? null
      : band && settings.grades
        ? gradedPhrase(status === 'achieved', progress, { index: bandIndex, count: settings.grades.length })
        : statusPhraseOf(status === 'achieved', progress);
  const phraseText = status === 'not_evaluated' ? null : (band?.phrase ?? trend?.band.phrase ?? null);
  const assessment = kpi.assessments.get(year) ?? null;

  // Diagnostics and trajectories are for the reports that show them: computed when first read.

  const fields: Writable<KpiFields> = {
    id: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    category: kpi.category,
    department: kpi.department,
    goalId: kpi.goalId,
    listedIn,
    status,
    missing,
    score: missingSeries ? null : score,
    grade: band?.label ?? null,
    phrase,
    assessment,
    series,
  };
  // New keys only where the plan uses the feature, so other plans' evaluations stay as they were.
  if (phraseText !== null) fields.phraseText = phraseText;
  if (settings.trend) fields.trend = trend;
  if (assessment?.gradeNote) fields.gradeNote = assessment.gradeNote;
  // A KPI without a numeric target is never scored; the office's hand grade, if any, stands instead.
  const judged = inForce.kpi.series.some((s) => s.target.none) ? handJudged(fields, assessment) : fields;
  return freezeParts(
    new LazyKpiResult(judged, () =>
      diagnoseResult(plan, inForce.kpi, { year, columns, listedIn, series, phrase, phraseText, assessment }),
    ),
    KPI_PARTS,
  );
}

/** What a KPI's diagnostics read of its evaluation, besides the plan. */
interface DiagnosisInput {
  readonly year: FiscalYear;
  readonly columns: readonly FiscalYear[];
  readonly listedIn: readonly string[];
  readonly series: readonly SeriesResult[];
  readonly phrase: StatusPhrase | null;
  readonly phraseText: string | null;
  readonly assessment: Assessment | null;
}

/** `kpi` with the target and baseline in force in the year, as the series were evaluated. */
function diagnoseResult(plan: Plan, kpi: Kpi, input: DiagnosisInput): Diagnostic[] {
  const { year, columns, listedIn, series, phrase, phraseText, assessment } = input;
  const found: Diagnostic[] = diagnoseKpi(kpi, { year, columns, listedIn, period: plan.period });
  if (phrase && assessment?.status && assessment.status !== (phraseText ?? STATUS_PHRASE_JA[phrase])) {
    found.push({ code: 'phrase-override', kpiId: kpi.id, year, written: assessment.status });
  }
  if (!assessment) found.push({ code: 'no-assessment', kpiId: kpi.id, year });
  for (const s of series) {
    const judged = s.dataYear ?? year;
    if (s.noScore === 'no-interim-target') {
      found.push({ code: 'no-interim-target', kpiId: kpi.id, series: s.label, year: judged });
    }
    if (judged !== year) {
      found.push({ code: 'latest-data', kpiId: kpi.id, series: s.label, year, dataYear: judged });
    }
  }
  return found;
}

/** The lowest of the series' figures, or null when any series has none; the first of equal ones. */
function worstOf(series: readonly SeriesResult[], part: 'score' | 'progress'): DecimalString | null {
  let low: DecimalString | null = null;
  for (const s of series) {
    const v = s[part]?.value;
    if (v === undefined) return null;
    if (low === null || dec(v).lt(dec(low))) low = v;
  }
  return low;
}

function evaluateSeries(
  plan: Plan,
  series: Series,
  prepared: PreparedSeries | null,
  revisions: readonly AppliedRevision[],
  year: FiscalYear,
  columns: readonly FiscalYear[],
): SeriesResult {
  const settings = plan.evaluation;
  const fromYear = prepared ? prepared.fromYear : baselineYear(plan, series.baseline);
  // 直近値: a lagging statistic is judged on its latest year, and against that year's interim target.
  const latest = settings.data === 'latest' ? latestActual(series, year, fromYear) : null;
  const judged = latest?.year ?? year;
  const actual = latest?.entry ?? series.actuals.get(year) ?? null;
  const value = actual?.kind === 'value' ? actual.value : null;
  const against = settings.against ?? 'final';
  const unscorable = prepared ? prepared.unscorable : targetNoScore(series);
  let result: ScoreResult | { score: null; reason: TargetNoScore };
  let progress: Score | null;
  if (unscorable) {
    result = { score: null, reason: unscorable };
    progress = null;
  } else if (prepared && value !== null) {
    // 目標進捗率 against the final target from the series's figures read once (prepare), as methods.ts has it.
    const quick = progressOf(prepared, series, value, settings.rounding);
    result =
      settings.method === 'progress' && against === 'final'
        ? quick
        : scoreWith(settings.method, scoreInput(series, value, judged, fromYear, settings.rounding), against);
    progress = settings.method === 'progress' ? result.score : quick.score;
  } else {
    const input = value === null ? null : scoreInput(series, value, judged, fromYear, settings.rounding);
    result = scoreWith(settings.method, input, against);
    progress = settings.method === 'progress' ? result.score : scoreWith('progress', input, 'final').score;
  }
  const milestone = series.milestones.get(judged) ?? null;
  const trendSettings = settings.trend;
  const trend: SeriesTrend | null =
    trendSettings && value !== null
      ? seriesTrend(trendSettings, {
          actual: value,
          direction: series.direction,
          year: judged,
          baseline: series.baseline ? { value: series.baseline.value, year: fromYear } : null,
          actuals: series.actuals,
          rounding: settings.rounding,
        })
      : null;
  const fields: Writable<SeriesFields> = {
    label: series.label,
    unit: series.unit,
    baseline: series.baseline,
    target: series.target,
    revisions,
    direction: series.direction,
    actual,
    milestone,
    score: result.score,
    noScore: result.score ? null : result.reason,
    progress,
    // Under an interim basis 達成 means the year's target is met (埼玉県: 「103.5%と目標を達成」); a year
    // without one is judged on the final target, and the no-interim-target diagnostic says why.
    reached:
      actual?.kind !== 'value' || series.target.none
        ? null
        : prepared && against === 'final'
          ? reachedOf(prepared, series, actual)
          : meetsTarget(
              actual,
              against === 'interim' && milestone !== null
                ? { value: milestone, year: judged }
                : series.target,
              series.direction,
            ),
  };
  // New keys only where the plan uses the feature, added one by one: a spread in the literal above made
  // every series result through the slow path of copying properties, for keys that are mostly absent.
  if (settings.data === 'latest') fields.dataYear = judged;
  if (settings.shortfall) {
    fields.shortfall = shortfallFor(
      value,
      against === 'interim' ? milestone : series.target.value,
      series.direction,
      against === 'interim' ? judged : null,
    );
  }
  if (trendSettings) fields.trend = trend;
  if (series.cumulative) fields.cumulative = series.cumulative;
  if (series.yearKind && series.yearKind !== 'fiscal') fields.yearKind = series.yearKind;
  const made = new LazySeriesResult(fields, series, columns, judged, fromYear, value);
  return freezeParts(made, prepared ? SERIES_FRESH_PARTS : SERIES_PARTS);
}

/** meetsTarget against the final target, the target read once; figures without bounds compared from text. */
function reachedOf(
  prepared: PreparedSeries,
  series: Series,
  actual: FigureEntry & { kind: 'value' },
): boolean {
  const target = series.target;
  if (actual.bound !== undefined || target.bound !== undefined)
    return meetsTarget(actual, target, series.direction);
  const cmp = cmpText(actual.value, (prepared.target ??= new Exact(target.value)));
  // On the mark counts as met, as meetsTarget has it for a target without a bound.
  return series.direction === 'increase' ? cmp >= 0 : cmp <= 0;
}

function scoreInput(
  series: Series,
  actual: DecimalString,
  year: FiscalYear,
  baselineYear: FiscalYear,
  rounding: Rounding,
): MethodInput {
  return { series, actual, year, baselineYear, rounding };
}

/**
 * 目標進捗率 as methods.ts's progress method gives it (the same reasons, figures and calculation), from the
 * baseline and gap read once for every year: the value and its exact figure straight from the actual's text.
 */
function progressOf(
  prepared: PreparedSeries,
  series: Series,
  actual: DecimalString,
  rounding: Rounding,
): ScoreResult {
  if (!series.baseline) return { score: null, reason: 'no-baseline' };
  if (!prepared.figures) {
    const baseline = new Exact(series.baseline.value);
    const gap = new Exact(series.target.value).minus(baseline);
    prepared.figures = { baseline, gap: gap.isZero() ? null : gap };
  }
  const { baseline, gap } = prepared.figures;
  if (!gap) return { score: null, reason: 'target-equals-baseline' };
  const calculation: Calculation = Object.freeze({
    method: 'progress' as const,
    actual,
    baseline: series.baseline.value,
    target: series.target.value,
  });
  const value = percentFromText(
    actual,
    baseline,
    gap,
    rounding.places,
    modeOf(rounding.mode),
  ) as DecimalString;
  return { score: Object.freeze(new LazyScore(value, calculation, actual, baseline, gap)) };
}

function scoreWith(method: MethodName, input: MethodInput | null, basis: TargetBasis): ScoreResult {
  return input === null ? { score: null, reason: 'no-actual' } : scoreAgainst(method, input, basis);
}

function shortfallFor(
  value: DecimalString | null,
  target: DecimalString | null,
  direction: Series['direction'],
  interim: FiscalYear | null,
) {
  return value === null || target === null ? null : shortfallOf(value, target, direction, interim);
}
