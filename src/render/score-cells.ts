import type { Evaluation, KpiResult } from '../core/evaluation.ts';
import { explainScore, explainShortfall } from '../core/explain.ts';
import { formatFigure, formatNumber, NO_FIGURE, withSeriesLabel } from '../core/format.ts';
import { formatScore } from '../core/score-text.ts';
import type { Messages } from './messages.ts';
import type { Cell } from './report-model.ts';

/**
 * The score column's heading: the method's, marked where the score divides by the year's interim
 * target (目標達成度（年度目標比）), so the reader knows which target the figure is against.
 */
export function scoreHeading(evaluation: Pick<Evaluation, 'settings'>, messages: Messages): string {
  const heading = messages.scoreHeading(evaluation.settings.method);
  return evaluation.settings.against === 'interim' ? heading + messages.againstInterim : heading;
}

/**
 * The score cell: a line per series with its formula; a series without an interim target says so rather
 * than printing a bare —; and a series judged on an earlier year's figure says which (直近値（R2）).
 */
export function scoreCell(kpi: KpiResult, evaluation: Evaluation, messages: Messages): Cell {
  const rounding = evaluation.settings.rounding;
  const lines: string[] = [];
  const formula: (string | null)[] = [];
  for (const s of kpi.series) {
    const judged = s.dataYear ?? evaluation.year;
    const text =
      s.noScore === 'no-interim-target'
        ? messages.noInterimTarget(judged)
        : formatScore(s.score?.value ?? null, rounding);
    lines.push(withSeriesLabel(s.label, text));
    formula.push(s.score ? explainScore(s.score, rounding) : null);
    if (judged !== evaluation.year && s.actual?.kind === 'value') {
      lines.push(withSeriesLabel(s.label, messages.latestData(judged)));
      formula.push(null);
    }
  }
  // As the seed prints it: one — for a KPI no series of which has a figure or anything to say.
  if (lines.every((l) => l.endsWith(NO_FIGURE))) return { lines: [NO_FIGURE], formula: null };
  return { lines, formula };
}

/** 目標との差 per series, in the KPI's own unit (17.1ポイント), with its subtraction as the formula. */
export function shortfallCell(kpi: KpiResult, messages: Messages): Cell {
  const shortfalls = kpi.series.map((s) => s.shortfall ?? null);
  if (shortfalls.every((s) => s === null)) return { lines: [NO_FIGURE], formula: null };
  return {
    lines: kpi.series.map((s, i) => {
      const shortfall = shortfalls[i];
      return withSeriesLabel(
        s.label,
        shortfall ? messages.shortfall(formatNumber(shortfall.value), s.unit) : NO_FIGURE,
      );
    }),
    formula: kpi.series.map((s, i) => {
      const shortfall = shortfalls[i];
      return shortfall ? explainShortfall(shortfall, s.direction) : null;
    }),
  };
}

/**
 * Under the target column, the interim target each series's score divides by (※H28の年度目標：1,353.7km),
 * so the figure the reader checks against is printed beside the final one. Empty for other plans.
 */
export function interimTargetLines(
  kpi: KpiResult,
  evaluation: Pick<Evaluation, 'settings' | 'year'>,
  messages: Messages,
): string[] {
  if (evaluation.settings.against !== 'interim') return [];
  return kpi.series.flatMap((s) =>
    s.milestone === null
      ? []
      : [
          `※${withSeriesLabel(s.label, messages.interimTarget(s.dataYear ?? evaluation.year, formatFigure(s.milestone, s.unit)))}`,
        ],
  );
}
