import type { FigureEntry } from '../core/figure-text.ts';
import { formatBaseline, formatEntry, formatFigure, NO_FIGURE, type NegativeSign } from '../core/format.ts';
import type { Baseline, Target } from '../core/plan.ts';
import type { Bound } from '../core/target-bound.ts';
import type { KpiResult } from '../core/evaluation.ts';
import type { Messages } from './messages.ts';

/**
 * Targets, actuals and baselines as the published table prints them: 「93%超」, 「維持」, 「75%以上」,
 * 「平均111人(H22~26)」. The printed text a plan keeps is Japanese, so only the Japanese edition uses it;
 * the English one words the bound or the word itself. A plain figure prints as it always has.
 */
export function targetText(
  target: Target,
  unit: string | null,
  messages: Messages,
  negative?: NegativeSign,
): string {
  if (target.none) return messages.targets.noTarget;
  if (target.label !== undefined && messages.lang === 'ja') return target.label;
  if (target.word !== undefined) return messages.targets.word(target.word);
  const figure = formatFigure(target.value, unit, negative);
  return target.bound === undefined ? figure : messages.targets.bounded(figure, target.bound);
}

export function entryText(
  entry: FigureEntry | null,
  unit: string | null,
  messages: Messages,
  negative?: NegativeSign,
): string {
  if (entry?.kind !== 'value') return formatEntry(entry, unit, negative);
  if (entry.label !== undefined && messages.lang === 'ja') return entry.label;
  const figure = formatFigure(entry.value, unit, negative);
  return entry.bound === undefined ? figure : messages.targets.bounded(figure, entry.bound);
}

export function baselineText(
  baseline: Baseline | null,
  unit: string | null,
  messages: Messages,
  negative?: NegativeSign,
): string {
  if (baseline?.label !== undefined && messages.lang === 'ja') return baseline.label;
  return formatBaseline(baseline, unit, negative);
}

/** The grade cell: the computed grade, or the office's, marked as its judgement. */
export function gradeText(kpi: KpiResult, messages: Messages): string {
  if (kpi.judgement) return messages.targets.judged(kpi.judgement.grade);
  return kpi.grade ?? NO_FIGURE;
}

/** What a bound puts before and after its figure in this language: 「…超」, "more than …". */
export function boundAffixes(bound: Bound, messages: Messages): { before: string; after: string } {
  const mark = '\u0000';
  const [before = '', after = ''] = messages.targets.bounded(mark, bound).split(mark);
  return { before, after };
}
