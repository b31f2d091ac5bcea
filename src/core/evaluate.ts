import { Decimal, dec, roundTo, type DecimalString } from './decimal.ts';
import type { Diagnostic } from './diagnostic.ts';
import { diagnoseKpi } from './diagnostics.ts';
import type { Evaluation, GoalResult, KpiResult, KpiStatus, SeriesResult, Tally } from './evaluation.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { gradeOf } from './grades.ts';
import { type MethodInput, type ScoreResult } from './methods.ts';
import { scoreAgainst } from './interim-target.ts';
import { latestActual } from './latest-data.ts';
import { shortfallOf } from './shortfall.ts';
import type { MethodName, TargetBasis } from './settings.ts';
import { baselineYear, type Assessment, type Kpi, type Plan, type Series } from './plan.ts';
import { kpiInForce, type AppliedRevision } from './revisions.ts';
import { gradedPhrase, STATUS_PHRASE_JA, statusPhraseOf, type StatusPhrase } from './status-phrase.ts';
import { countedSeries } from './cumulative.ts';
import { settingsInForce } from './editions.ts';
import { seriesTrend, trendOf, type SeriesTrend } from './trend-status.ts';
import { freezeParts } from './freeze.ts';
import {
  LazyEvaluation,
  LazyKpiResult,
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

/** The years the goal tables show: every year up to the evaluation year that any KPI reports. */
export function reportColumns(plan: Plan, year: FiscalYear): FiscalYear[] {
  const years = new Set<FiscalYear>([year]);
  for (const kpi of plan.kpis.values()) {
    for (const series of kpi.series) for (const y of series.actuals.keys()) if (y <= year) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Evaluates every KPI of the plan for one fiscal year. Every output Shinchoku writes renders from the
 * value returned here, so no two of them can disagree.
 */
export function evaluate(planAsWritten: Plan, year: FiscalYear): Evaluation {
  // Grades, rounding and trend bands as they stood in the year (editions.ts); the same object without editions.
  const inForceSettings = settingsInForce(planAsWritten.evaluation, year);
  const plan =
    inForceSettings === planAsWritten.evaluation
      ? planAsWritten
      : { ...planAsWritten, evaluation: inForceSettings };
  const columns = reportColumns(plan, year);
  const listings = new Map<string, string[]>();
  for (const goal of plan.goals) {
    for (const id of goal.kpiIds) listings.set(id, [...(listings.get(id) ?? []), goal.id]);
  }
  const kpis = new Map<string, KpiResult>();
  for (const kpi of plan.kpis.values()) {
    kpis.set(kpi.id, evaluateKpi(plan, kpi, year, columns, listings.get(kpi.id) ?? [kpi.goalId]));
  }
  const goals: GoalResult[] = plan.goals.map((goal) => {
    const listed = goal.kpiIds.map((id) => kpis.get(id)).filter((k): k is KpiResult => k !== undefined);
    return freezeParts<GoalResult>(
      {
        id: goal.id,
        kind: goal.kind,
        number: goal.number,
        title: goal.title,
        kpis: listed,
        summary: listed.filter(
          (k) =>
            k.status !== 'not_evaluated' || plan.evaluation.missing === 'bucket' || k.unscored !== undefined,
        ),
        ...tally(listed, plan),
      },
      GOAL_PARTS,
    );
  });
  const everyListing = goals.flatMap((g) => g.kpis);
  const counted =
    plan.evaluation.shared === 'once'
      ? [...new Map(everyListing.map((k) => [k.id, k])).values()]
      : everyListing;
  const all = [...kpis.values()];
  const evaluation = new LazyEvaluation({
    plan: { title: plan.title, municipality: plan.municipality, period: plan.period },
    settings: plan.evaluation,
    year,
    planYear: year - plan.period.from + 1,
    columns,
    goals,
    kpis: all,
    overall: tally(counted, plan),
    summaryWidth: Math.max(0, ...goals.map((g) => g.summary.length)),
    ...(plan.translation ? { translation: plan.translation } : {}),
  });
  // Goals and KPIs were frozen as they were made; the rest holds plan parts and fresh values.
  return freezeParts<Evaluation>(evaluation, EVALUATION_PARTS);
}

/**
 * The parts of each result that hold objects, frozen with it (freeze.ts). The lazy parts (diagnostics,
 * trajectories, history) are not among them: their getters freeze what they compute. A part missing here
 * would stay mutable, which test/core/evaluation-frozen.test.ts catches.
 */
const EVALUATION_PARTS = ['plan', 'settings', 'columns', 'goals', 'kpis', 'overall', 'translation'] as const;
const GOAL_PARTS = ['kpis', 'summary'] as const;
const KPI_PARTS = [
  'category',
  'listedIn',
  'missing',
  'assessment',
  'series',
  'trend',
  'gradeNote',
  'judgement',
  'translation',
] as const;
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

function tally(kpis: readonly KpiResult[], plan: Plan): Tally {
  const achieved = kpis.filter((k) => k.status === 'achieved').length;
  const evaluated = kpis.filter((k) => k.status !== 'not_evaluated').length;
  const rate =
    evaluated === 0
      ? null
      : roundTo(
          new Decimal(achieved).div(evaluated).mul(100),
          plan.evaluation.rounding.places,
          plan.evaluation.rounding.mode,
        );
  return { achieved, evaluated, notEvaluated: kpis.length - evaluated, rate };
}

function evaluateKpi(
  plan: Plan,
  kpi: Kpi,
  year: FiscalYear,
  columns: readonly FiscalYear[],
  listedIn: readonly string[],
): KpiResult {
  const settings = plan.evaluation;
  // Everything below, diagnostics included, sees the target and baseline in force in the year.
  const counted = kpi.series.some((s) => s.cumulative)
    ? { ...kpi, series: kpi.series.map((s) => countedSeries(s, plan.period.from)) }
    : kpi;
  const inForce = kpiInForce(counted, year);
  const series = inForce.kpi.series.map((s, i) =>
    evaluateSeries(plan, s, inForce.applied[i] ?? [], year, columns),
  );
  const missingSeries = series.find((s) => s.actual?.kind !== 'value');
  const reached = series.every((s) => s.reached === true);
  const score = worst(series.map((s) => s.score?.value ?? null));
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
  const progress = worst(series.map((s) => s.progress?.value ?? null));
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

  const fields: KpiFields = {
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
    // New keys only where the plan uses the feature, so other plans' evaluations stay as they were.
    ...(phraseText === null ? {} : { phraseText }),
    ...(settings.trend ? { trend } : {}),
    ...(assessment?.gradeNote ? { gradeNote: assessment.gradeNote } : {}),
  };
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

/** The lowest of the series' figures, or null when any series has none. */
function worst(values: readonly (DecimalString | null)[]): DecimalString | null {
  if (values.length === 0 || values.includes(null)) return null;
  return (values as DecimalString[]).reduce((low, v) => (dec(v).lt(dec(low)) ? v : low));
}

function evaluateSeries(
  plan: Plan,
  series: Series,
  revisions: readonly AppliedRevision[],
  year: FiscalYear,
  columns: readonly FiscalYear[],
): SeriesResult {
  const settings = plan.evaluation;
  const fromYear = baselineYear(plan, series.baseline);
  // 直近値: a lagging statistic is judged on its latest year, and against that year's interim target.
  const latest = settings.data === 'latest' ? latestActual(series, year, fromYear) : null;
  const judged = latest?.year ?? year;
  const actual = latest?.entry ?? series.actuals.get(year) ?? null;
  const value = actual?.kind === 'value' ? actual.value : null;
  const input =
    value === null
      ? null
      : { series, actual: value, year: judged, baselineYear: fromYear, rounding: settings.rounding };
  const against = settings.against ?? 'final';
  const unscorable = targetNoScore(series);
  const result: ScoreResult | { score: null; reason: TargetNoScore } = unscorable
    ? { score: null, reason: unscorable }
    : scoreWith(settings.method, input, against);
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
  const fields: SeriesFields = {
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
    progress:
      unscorable || settings.method === 'progress'
        ? result.score
        : scoreWith('progress', input, 'final').score,
    // Under an interim basis 達成 means the year's target is met (埼玉県: 「103.5%と目標を達成」); a year
    // without one is judged on the final target, and the no-interim-target diagnostic says why.
    reached:
      actual?.kind !== 'value' || series.target.none
        ? null
        : meetsTarget(
            actual,
            against === 'interim' && milestone !== null ? { value: milestone, year: judged } : series.target,
            series.direction,
          ),
    ...(settings.data === 'latest' ? { dataYear: judged } : {}),
    ...(settings.shortfall
      ? {
          shortfall: shortfallFor(
            value,
            against === 'interim' ? milestone : series.target.value,
            series.direction,
            against === 'interim' ? judged : null,
          ),
        }
      : {}),
    ...(trendSettings ? { trend } : {}),
    ...(series.cumulative ? { cumulative: series.cumulative } : {}),
    ...(series.yearKind && series.yearKind !== 'fiscal' ? { yearKind: series.yearKind } : {}),
  };
  return freezeParts(new LazySeriesResult(fields, series, columns, judged, fromYear, value), SERIES_PARTS);
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
