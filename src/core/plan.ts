import type { DecimalString } from './decimal.ts';
import type { FigureEntry } from './figure-text.ts';
import type { FiscalYear, YearSpan } from './fiscal-year.ts';
import type { Cumulative } from './cumulative.ts';
import type { EvaluationSettings } from './settings.ts';
import type { Bound, TargetWord } from './target-bound.ts';
import type { YearKind } from './year-kind.ts';
import type { PlanTranslation } from './translation.ts';
import type { IndicatorCode } from './indicators.ts';

/**
 * The strategy as the engine sees it: every figure exact, every year a fiscal-year number, every
 * reference resolved. Loose input (plan files, forms, workbooks) becomes this once, at the boundary.
 */
export interface Plan {
  /** A short name for URLs and the database (kitamoto-2nd-strategy), where the plan gives one. */
  readonly id: string | null;
  readonly title: string;
  readonly municipality: string;
  readonly period: { readonly from: FiscalYear; readonly to: FiscalYear };
  readonly evaluation: EvaluationSettings;
  readonly goals: readonly Goal[];
  /** Every KPI once, keyed by id, in the order they are defined. */
  readonly kpis: ReadonlyMap<string, Kpi>;
  /** The English the plan gives for its texts (`en:` in the plan file); absent where it gives none. */
  readonly translation?: PlanTranslation;
  /** The municipality's 全国地方公共団体コード (six digits, check digit verified), where the plan gives it. */
  readonly municipalityCode?: string;
  /** The residents a per-capita comparison divides by (`population:`), with the year it was counted. */
  readonly population?: Population;
}

export interface Population {
  /** A whole number of residents, as written. */
  readonly value: DecimalString;
  readonly year: FiscalYear | null;
}

export type GoalKind = 'basic' | 'cross-cutting';

export interface Goal {
  readonly id: string;
  readonly kind: GoalKind;
  readonly number: number;
  readonly title: string;
  /** The KPIs this goal lists, in order; a 再掲 KPI appears here and under the goal that defines it. */
  readonly kpiIds: readonly string[];
}

export type Direction = 'increase' | 'decrease';

export interface Kpi {
  readonly id: string;
  readonly name: string;
  /** The goal that defines the KPI; other goals list it by reference (再掲). */
  readonly goalId: string;
  readonly category: readonly string[];
  readonly unit: string | null;
  /** The department that reports it (担当課), where the plan names one. */
  readonly department: string | null;
  /** The direction the plan states; each series may still derive its own from baseline and target. */
  readonly direction: Direction | null;
  /** One series for a plain KPI (label null), several for 男性/女性 or 児童/生徒. */
  readonly series: readonly Series[];
  readonly assessments: ReadonlyMap<FiscalYear, Assessment>;
  /** The common indicator the KPI measures (core/indicators.ts), for comparison across municipalities. */
  readonly indicator?: IndicatorCode;
}

export interface Series {
  readonly label: string | null;
  readonly unit: string | null;
  readonly baseline: Baseline | null;
  readonly target: Target;
  readonly direction: Direction;
  readonly actuals: ReadonlyMap<FiscalYear, FigureEntry>;
  /** The years whose actual is provisional (見込) rather than final (確定). */
  readonly provisional: ReadonlySet<FiscalYear>;
  /** Interim targets for particular years (中間目標), used by the pace method. */
  readonly milestones: ReadonlyMap<FiscalYear, DecimalString>;
  /**
   * Later changes to the target or baseline (目標値の上方修正), oldest first, each from a fiscal year on.
   * `target` and `baseline` above stay the values the plan first set; a year is evaluated with the
   * values in force then (revisions.ts), so a past year's figures never change.
   */
  readonly revisions: readonly Revision[];
  /** Counted as a running total (累計, 延べ), where the plan says so (cumulative.ts). */
  readonly cumulative?: Cumulative;
  /** What the years count, where not fiscal years (year-kind.ts). */
  readonly yearKind?: YearKind;
}

/** A target or baseline changed from a fiscal year on, and why; a field left null stays as it was. */
export interface Revision {
  readonly from: FiscalYear;
  readonly target: Target | null;
  readonly baseline: Baseline | null;
  readonly note: string;
}

export interface Baseline {
  readonly value: DecimalString;
  /** The year or span as the plan writes it (H30, H30～R2平均値), or null where it gives none. */
  readonly span: YearSpan | null;
  /** The baseline as the published table prints it (「平均111人(H22~26)」), where the plan keeps it. */
  readonly label?: string;
}

export interface Target {
  /** For a word target (維持, 増加), the baseline's value: the mark the word is measured against. */
  readonly value: DecimalString;
  readonly year: FiscalYear;
  /** A target written as a bound (「93%超」, 「以下」); absent for a plain one (target-bound.ts). */
  readonly bound?: Bound;
  /** A target written as a word against the baseline (維持, 増加, 延伸); `bound` then says how. */
  readonly word?: TargetWord;
  /** The target as the published table prints it (「1万7187人超」), where the plan keeps it. */
  readonly label?: string;
  /** No numeric target at all: the KPI is listed as 評価なし unless the office grades it by hand. */
  readonly none?: true;
}

export interface Assessment {
  /** The status phrase, where the office words it differently from the computed one. */
  readonly status: string | null;
  readonly text: string;
  /** The office's own grade for the year, for a KPI without a numeric target (hand-grade.ts). */
  readonly judgement?: Judgement;
  /** A note beside the grade, as 「C (A※1)」 prints one, where the office adds it. */
  readonly gradeNote?: GradeNote;
}

/** A grade the office gives by hand, with its reason; `achieved` null keeps the KPI out of the rate. */
export interface Judgement {
  readonly grade: string;
  readonly reason: string;
  readonly achieved: boolean | null;
}

/** 「C (A※1)」: the grade by another rule (A), its footnote mark (※1) and the footnote. */
export interface GradeNote {
  readonly grade: string;
  readonly mark: string;
  readonly note: string;
}

/** A plan's id as addresses and the database name it (kitamoto-2nd-strategy): a-z, 0-9 and hyphens. */
export const PLAN_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Whether a text can be a plan's id; anything else (a NUL, a space) names no plan and needs no query. */
export const isPlanId = (text: string): boolean => PLAN_ID.test(text);

/** The year a baseline stands for: the end of a span, or, where none is given, the year before the plan. */
export function baselineYear(plan: Pick<Plan, 'period'>, baseline: Baseline | null): FiscalYear {
  return baseline?.span?.to ?? plan.period.from - 1;
}
