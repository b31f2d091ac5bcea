import type { Cumulative } from '../core/cumulative.ts';
import type { Assessment, Baseline, GradeNote, Judgement, Series, Target } from '../core/plan.ts';
import type { Bound, TargetWord } from '../core/target-bound.ts';
import type { YearKind } from '../core/year-kind.ts';

/**
 * The published forms of a plan's figures (a target as 「93%超」 or 維持, none, printed labels, cumulative
 * counting, year kind, hand grades) as one small JSON value per row. Null where a row uses none of them,
 * so rows stored before these forms existed, and plans that never use them, read exactly as before.
 */

interface TargetForms {
  readonly bound?: Bound;
  readonly word?: TargetWord;
  readonly label?: string;
  readonly none?: true;
}

export interface SeriesForms {
  readonly target?: TargetForms;
  readonly baselineLabel?: string;
  readonly cumulative?: Cumulative;
  readonly yearKind?: YearKind;
}

export interface RevisionForms {
  readonly target?: TargetForms;
  readonly baselineLabel?: string;
}

export interface AssessmentForms {
  readonly judgement?: Judgement;
  readonly gradeNote?: GradeNote;
}

/** Drops absent keys, and the whole value where nothing is left: null is what a plain row stores. */
function compact<T extends object>(value: T): T | null {
  const kept = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(kept).length === 0 ? null : kept;
}

function targetForms(target: Target | null): TargetForms | undefined {
  if (!target) return undefined;
  return (
    compact({ bound: target.bound, word: target.word, label: target.label, none: target.none }) ?? undefined
  );
}

export function seriesForms(series: Series): SeriesForms | null {
  return compact({
    target: targetForms(series.target),
    baselineLabel: series.baseline?.label,
    cumulative: series.cumulative,
    yearKind: series.yearKind,
  });
}

export function revisionForms(revision: {
  target: Target | null;
  baseline: Baseline | null;
}): RevisionForms | null {
  return compact({ target: targetForms(revision.target), baselineLabel: revision.baseline?.label });
}

export function assessmentForms(assessment: Assessment): AssessmentForms | null {
  return compact({ judgement: assessment.judgement, gradeNote: assessment.gradeNote });
}

/** A stored target with its forms put back; the keys come back only where they were stored. */
export function withTargetForms(target: Target, forms: TargetForms | undefined): Target {
  return forms ? { ...target, ...forms } : target;
}

/** A stored baseline with its printed label put back. */
export function withBaselineLabel(baseline: Baseline | null, label: string | undefined): Baseline | null {
  return baseline && label !== undefined ? { ...baseline, label } : baseline;
}

/** The series-wide forms (cumulative, year kind) as keys to spread into a series. */
export function seriesExtras(forms: SeriesForms | null): Pick<Series, 'cumulative' | 'yearKind'> {
  return compact({ cumulative: forms?.cumulative, yearKind: forms?.yearKind }) ?? {};
}

/** The assessment's forms as keys to spread into it. */
export function assessmentExtras(forms: AssessmentForms | null): Pick<Assessment, 'judgement' | 'gradeNote'> {
  return forms ? (compact({ judgement: forms.judgement, gradeNote: forms.gradeNote }) ?? {}) : {};
}
