import type { Evaluation, GoalResult, KpiResult, SeriesResult, Tally } from '../core/evaluation.ts';
import { explainRate, explainScore } from '../core/explain.ts';
import { formatFiscalYear, formatYearSpan } from '../core/fiscal-year.ts';
import { DIAGNOSTIC_SEVERITY } from '../core/diagnostic.ts';
import type { Baseline } from '../core/plan.ts';
import type { AppliedRevision } from '../core/revisions.ts';
import { jsonDecimal, type JsonValue } from './json-text.ts';
import { diagnosticNames } from './names.ts';
import { entryFormJson, kpiTargetJson, seriesFormJson } from './target-json.ts';
import { goalEnJson, kpiEnJson, planEnJson } from './translation-json.ts';
import type { Opinion } from '../core/opinion.ts';
import { opinionItems } from './opinions.ts';
import type { Messages } from './messages.ts';
import { seriesSettingsJson, settingsJson } from './interim-fields.ts';
import type { EvaluationSettings } from '../core/settings.ts';

/**
 * The evaluation as the `evaluate --format json` contract and the web API send it. Every field sent is
 * listed here; the keys named in the contract (issue #2) never change, others may be added.
 */
export function evaluationJson(
  evaluation: Evaluation,
  messages: Messages,
  opinions?: readonly Opinion[],
): JsonValue {
  const names = diagnosticNames(evaluation, messages);
  const kpiJson = (kpi: KpiResult): JsonValue => ({
    id: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    category: kpi.category,
    department: kpi.department,
    status: kpi.status,
    missingReason: kpi.missing?.reason ?? null,
    score: jsonDecimal(kpi.score),
    grade: kpi.grade,
    phrase:
      kpi.assessment?.status ??
      (messages.lang === 'ja' ? kpi.phraseText : undefined) ??
      (kpi.phrase ? messages.phrase(kpi.phrase) : null),
    assessment: kpi.assessment?.text ?? null,
    shared: kpi.listedIn.length > 1,
    listedIn: kpi.listedIn,
    series: kpi.series.map((s) => seriesJson(s, messages, evaluation.settings)),
    trajectory: {
      onTrack: kpi.trajectory.onTrack,
      series: kpi.series.map((s) => ({
        label: s.label,
        expected: jsonDecimal(s.trajectory.expected),
        onTrack: s.trajectory.onTrack,
        projection: s.trajectory.projection
          ? {
              year: formatFiscalYear(s.target.year),
              value: jsonDecimal(s.trajectory.projection.value),
              slope: jsonDecimal(s.trajectory.projection.slope),
              points: s.trajectory.projection.points,
              reachesTarget: s.trajectory.projection.reachesTarget,
            }
          : null,
        noProjection: s.trajectory.noProjection ? { ...s.trajectory.noProjection } : null,
      })),
    },
    diagnostics: kpi.diagnostics.map((d) => ({
      code: d.code,
      severity: DIAGNOSTIC_SEVERITY[d.code],
      message: messages.diagnostic(d, names),
    })),
    ...kpiTargetJson(kpi),
    ...kpiExtensions(kpi),
    ...kpiEnJson(evaluation, messages, kpi),
  });
  const tallyJson = (t: Tally) => ({
    achieved: t.achieved,
    evaluated: t.evaluated,
    notEvaluated: t.notEvaluated,
    rate: jsonDecimal(t.rate),
    formula: explainRate(t),
  });
  const goalJson = (goal: GoalResult): JsonValue => ({
    id: goal.id,
    kind: goal.kind,
    number: goal.number,
    title: goal.title,
    ...tallyJson(goal),
    kpis: goal.kpis.map(kpiJson),
    ...goalEnJson(evaluation, messages, goal),
  });
  return {
    plan: {
      title: evaluation.plan.title,
      municipality: evaluation.plan.municipality,
      period: {
        from: formatFiscalYear(evaluation.plan.period.from),
        to: formatFiscalYear(evaluation.plan.period.to),
      },
      ...planEnJson(evaluation, messages),
    },
    year: formatFiscalYear(evaluation.year),
    fiscalYear: evaluation.year,
    planYear: evaluation.planYear,
    method: evaluation.settings.method,
    ...settingsJson(evaluation.settings),
    columns: evaluation.columns.map(formatFiscalYear),
    goals: evaluation.goals.map(goalJson),
    overall: tallyJson(evaluation.overall),
    // Only an edition that published opinions has the key, so every other file stays as it was.
    ...(opinions && opinions.length > 0
      ? {
          committeeOpinions: opinionItems(evaluation, opinions).map((o) => ({
            kpiId: o.kpiId,
            kpiName: o.kpi,
            text: o.text,
            date: o.date,
          })),
        }
      : {}),
  };
}

/** Keys only a plan using trend statuses or grade notes has, so every other plan's output stays as it was. */
function kpiExtensions(kpi: KpiResult): Record<string, JsonValue> {
  return {
    ...(kpi.trend === undefined
      ? {}
      : {
          trend: kpi.trend
            ? {
                label: kpi.trend.label,
                change: jsonDecimal(kpi.trend.change?.change ?? null),
                reference: jsonDecimal(kpi.trend.change?.reference ?? null),
                referenceYear:
                  kpi.trend.change?.referenceYear == null
                    ? null
                    : formatFiscalYear(kpi.trend.change.referenceYear),
              }
            : null,
        }),
    ...(kpi.gradeNote ? { gradeNote: { ...kpi.gradeNote } } : {}),
  };
}

/** Keys only a series counted cumulatively, in calendar years or under a trend status has. */
function seriesExtensions(series: SeriesResult): Record<string, JsonValue> {
  return {
    ...(series.cumulative
      ? {
          cumulative: {
            from: series.cumulative.from === null ? null : formatFiscalYear(series.cumulative.from),
            since: series.cumulative.since === null ? null : formatFiscalYear(series.cumulative.since),
            actuals: series.cumulative.entered,
          },
        }
      : {}),
    ...(series.yearKind ? { yearKind: series.yearKind } : {}),
    ...(series.trend === undefined
      ? {}
      : {
          trendChange: jsonDecimal(series.trend?.change ?? null),
          trendChangeExact: jsonDecimal(series.trend?.exact ?? null),
        }),
  };
}

function seriesJson(series: SeriesResult, messages: Messages, settings: EvaluationSettings): JsonValue {
  const actual = series.actual;
  return {
    label: series.label,
    unit: series.unit,
    baseline: jsonDecimal(series.baseline?.value ?? null),
    baselineYear: series.baseline?.span ? formatYearSpan(series.baseline.span) : null,
    target: series.target.none ? null : jsonDecimal(series.target.value),
    targetYear: formatFiscalYear(series.target.year),
    direction: series.direction,
    actual: jsonDecimal(actual?.kind === 'value' ? actual.value : null),
    missingReason: actual?.kind === 'missing' ? actual.reason : null,
    progress: jsonDecimal(series.progress?.value ?? null),
    progressFormula: series.progress ? explainScore(series.progress, settings.rounding) : null,
    score: jsonDecimal(series.score?.value ?? null),
    scoreExact: jsonDecimal(series.score?.exact ?? null),
    formula: series.score ? explainScore(series.score, settings.rounding) : null,
    noScore: series.noScore,
    reached: series.reached,
    history: series.history.map((h) => ({
      year: formatFiscalYear(h.year),
      value: jsonDecimal(h.entry?.kind === 'value' ? h.entry.value : null),
      missingReason: h.entry?.kind === 'missing' ? h.entry.reason : null,
      ...entryFormJson(h.entry, series.unit, messages),
    })),
    // Only where the plan writes a target, actual or baseline as published (target-text.ts).
    ...seriesFormJson(series, messages),
    // Only where something was revised, so the output for a plan without revisions stays as it was.
    ...(series.revisions.length === 0 ? {} : { revisions: series.revisions.map(revisionJson) }),
    ...seriesSettingsJson(series, settings),
    ...seriesExtensions(series),
  };
}

function revisionJson(revision: AppliedRevision): JsonValue {
  const baselineYear = (b: Baseline | null) => (b?.span ? formatYearSpan(b.span) : null);
  return {
    from: formatFiscalYear(revision.from),
    note: revision.note,
    target: revision.target
      ? {
          before: jsonDecimal(revision.target.before.value),
          beforeYear: formatFiscalYear(revision.target.before.year),
          after: jsonDecimal(revision.target.after.value),
          afterYear: formatFiscalYear(revision.target.after.year),
          change: revision.target.change,
        }
      : null,
    baseline: revision.baseline
      ? {
          before: jsonDecimal(revision.baseline.before?.value ?? null),
          beforeYear: baselineYear(revision.baseline.before),
          after: jsonDecimal(revision.baseline.after.value),
          afterYear: baselineYear(revision.baseline.after),
        }
      : null,
  };
}
