import type { KpiResult, SeriesResult } from '../../core/evaluation.ts';
import type { EvaluationSettings, GradeBand } from '../../core/settings.ts';
import { targetBoundOf, type Bound } from '../../core/target-bound.ts';
import type { Messages } from '../messages.ts';
import { formulaString } from './formulas.ts';

/** The cells one series's status reads: its actual, the mark it must meet, and its score. */
export interface StatusRefs {
  readonly series: SeriesResult;
  readonly actual: string;
  /** The final target, or under evaluation.against: interim the year's interim target where there is one. */
  readonly mark: string;
  /** The score cell, where the series has a score formula. */
  readonly score: string | null;
}

/** The comparison meetsTarget makes for an exact actual against a target of this bound. */
const COMPARISON: Readonly<Record<Bound, string>> = {
  'at-least': '>=',
  'more-than': '>',
  'at-most': '<=',
  'less-than': '<',
};

/**
 * Whether every series reached its mark, over the cells. Comparing the doubles of two decimals keeps
 * their order and equality (each is the nearest double to its decimal), so a tie on the target is met
 * exactly as the engine meets it.
 */
function reachedExpression(refs: readonly StatusRefs[], interim: boolean): string {
  const parts = refs.map(({ series: s, actual, mark }) => {
    const onMilestone = interim && s.milestone !== null;
    const bound = targetBoundOf(onMilestone ? undefined : s.target.bound, s.direction);
    return `${actual}${COMPARISON[bound]}${mark}`;
  });
  return parts.length === 1 ? (parts[0] ?? 'FALSE') : `AND(${parts.join(',')})`;
}

/** The band a score falls in as gradeOf finds it: the first whose minimum the printed score reaches. */
function bandExpression(
  bands: readonly GradeBand[],
  score: string,
  word: (achieved: boolean | null) => string,
): string {
  const last = bands[bands.length - 1];
  if (!last) return word(null);
  return bands
    .slice(0, -1)
    .reduceRight(
      (otherwise, band) =>
        band.min === null
          ? word(band.achieved)
          : `IF(${score}>=${band.min},${word(band.achieved)},${otherwise})`,
      word(last.achieved),
    );
}

/**
 * The KPI's status (達成 / 未達成, or why it is not evaluated) as a formula over its series's cells, so
 * the status and every count and rate built on it follow an actual changed in the workbook. Null where
 * the engine decides by something the sheet does not hold as a live figure: a trend band, a hand grade,
 * a worded or absent target, an actual known only as a bound (「75%以上」), or grade bands that settle
 * achievement while a series has no score to band; the status is then written as the engine's text.
 */
export function statusFormula(
  kpi: KpiResult,
  refs: readonly StatusRefs[],
  settings: EvaluationSettings,
  messages: Messages,
  missingText: string,
): string | null {
  if (kpi.unscored || kpi.judgement || settings.trend || refs.length === 0) return null;
  for (const { series: s } of refs) {
    if (s.target.none || s.target.word !== undefined) return null;
    if (s.actual?.kind === 'value' && s.actual.bound !== undefined) return null;
  }
  const achieved = formulaString(messages.status('achieved'));
  const notAchieved = formulaString(messages.status('not_achieved'));
  const reached = reachedExpression(refs, settings.against === 'interim');
  const byTarget = `IF(${reached},${achieved},${notAchieved})`;
  let judged = byTarget;
  const bands = settings.grades;
  if (bands && bands.some((b) => b.achieved !== null)) {
    const scores = refs.map((r) => r.score);
    if (scores.some((s) => s === null)) return null;
    const worst = scores.length === 1 ? (scores[0] ?? '') : `MIN(${scores.join(',')})`;
    const word = (a: boolean | null) => (a === null ? byTarget : a ? achieved : notAchieved);
    judged = bandExpression(bands, worst, word);
  }
  const present = refs.map((r) => `ISNUMBER(${r.actual})`);
  const allPresent = present.length === 1 ? (present[0] ?? 'FALSE') : `AND(${present.join(',')})`;
  return `IF(${allPresent},${judged},${formulaString(missingText)})`;
}
