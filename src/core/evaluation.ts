import type { DecimalString } from './decimal.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { FigureEntry } from './figure-text.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { NoScore, Score } from './methods.ts';
import type { Assessment, Baseline, Direction, GoalKind, Judgement, Target } from './plan.ts';
import type { EvaluationSettings } from './settings.ts';
import type { AppliedRevision } from './revisions.ts';
import type { StatusPhrase } from './status-phrase.ts';
import type { TargetNoScore } from './target-bound.ts';
import type { KpiTrend, SeriesTrend } from './trend-status.ts';
import type { Cumulative } from './cumulative.ts';
import type { YearKind } from './year-kind.ts';
import type { GradeNote } from './plan.ts';
import type { PlanTranslation } from './translation.ts';
import type { KpiTrajectory, SeriesTrajectory } from './trajectory.ts';
import type { Shortfall } from './shortfall.ts';

export type KpiStatus = 'achieved' | 'not_achieved' | 'not_evaluated';

/** Whether a figure is 見込 (provisional: it will be replaced) or 確定 (final). */
export type FigureState = 'provisional' | 'final';

/** One year's cell of a series, as the report's year columns show it. */
export interface YearEntry {
  readonly year: FiscalYear;
  /** null where the plan records nothing for that year at all. */
  readonly entry: FigureEntry | null;
  /** 見込 or 確定, where the entry is a value (core/year-entry.ts). */
  readonly state?: FigureState;
}

export interface SeriesResult {
  readonly label: string | null;
  readonly unit: string | null;
  /** The baseline and target in force in the evaluation year: the plan's own, or as revised since. */
  readonly baseline: Baseline | null;
  readonly target: Target;
  /** The revisions in force in the evaluation year, oldest first, each with its note; empty when none. */
  readonly revisions: readonly AppliedRevision[];
  readonly direction: Direction;
  /** The evaluation year's cell. */
  readonly actual: FigureEntry | null;
  /** The interim target (中間目標) the plan sets for the evaluation year, if any. */
  readonly milestone: DecimalString | null;
  /** The report's year columns, in order. */
  readonly history: readonly YearEntry[];
  /** The figure of the plan's method (目標進捗率 by default), or null with the reason. */
  readonly score: Score | null;
  readonly noScore: NoScore | TargetNoScore | null;
  /** 目標進捗率 whatever the method, since the status phrase follows it (DOMAIN rule 9). */
  readonly progress: Score | null;
  /** Whether the actual is at or beyond the target in the series's direction; null without an actual. */
  readonly reached: boolean | null;
  readonly trajectory: SeriesTrajectory;
  /**
   * The year of the figure judged, under evaluation.data: latest (直近値（R2）); then `actual` and
   * `milestone` are that year's. Absent for plans judging the evaluation year's figure.
   */
  readonly dataYear?: FiscalYear;
  /** 目標との差, under evaluation.shortfall; null without an actual or interim target; absent otherwise. */
  readonly shortfall?: Shortfall | null;
  /** The movement the plan's trend status judges, where the plan has one. */
  readonly trend?: SeriesTrend | null;
  /** Where the series is counted as a running total; `history` and `actual` then hold the totals. */
  readonly cumulative?: Cumulative;
  /** Where the years are calendar or census years rather than fiscal years. */
  readonly yearKind?: YearKind;
}

export interface KpiResult {
  readonly id: string;
  readonly name: string;
  readonly unit: string | null;
  readonly category: readonly string[];
  readonly department: string | null;
  /** The goal that defines it, and every goal that lists it (more than one for a 再掲 KPI). */
  readonly goalId: string;
  readonly listedIn: readonly string[];
  readonly status: KpiStatus;
  /** Why the KPI has no actual for the year (未取得), where it has none. */
  readonly missing: { readonly reason: string | null } | null;
  /** The worst series score: the one that decides the grade. */
  readonly score: DecimalString | null;
  readonly grade: string | null;
  /** The phrase opening the assessment, computed from the result; null when not evaluated. */
  readonly phrase: StatusPhrase | null;
  /** The plan's own words for the phrase, from the KPI's grade or trend band, where the band has them. */
  readonly phraseText?: string;
  /** The trend status (進展, ○, S), where the plan has one; null when nothing decides it. */
  readonly trend?: KpiTrend | null;
  /** 「C (A※1)」: the office's note beside the grade for the year. */
  readonly gradeNote?: GradeNote;
  readonly assessment: Assessment | null;
  readonly series: readonly SeriesResult[];
  readonly trajectory: KpiTrajectory;
  readonly diagnostics: readonly Diagnostic[];
  /** Present only for a KPI without a numeric target: listed as 評価なし, never scored. */
  readonly unscored?: 'no-target';
  /** Present only where the office graded the KPI by hand; `grade` above is then its grade. */
  readonly judgement?: Judgement;
  /** The plan's English for its texts, for the English outputs; absent where the plan gives none. */
  readonly translation?: PlanTranslation;
}

export interface Tally {
  readonly achieved: number;
  /** The denominator: KPIs counted in the rate. */
  readonly evaluated: number;
  /** KPIs left out of the rate for want of an actual. */
  readonly notEvaluated: number;
  /** Achieved / evaluated in %, rounded per the plan; null where nothing was evaluated. */
  readonly rate: DecimalString | null;
}

export interface GoalResult extends Tally {
  readonly id: string;
  readonly kind: GoalKind;
  readonly number: number;
  readonly title: string;
  readonly kpis: readonly KpiResult[];
  /** The summary table's row: the KPIs it shows, in order (the evaluated ones, and any bucketed ones). */
  readonly summary: readonly KpiResult[];
}

export interface Evaluation {
  readonly plan: {
    readonly title: string;
    readonly municipality: string;
    readonly period: { readonly from: FiscalYear; readonly to: FiscalYear };
  };
  readonly settings: EvaluationSettings;
  readonly year: FiscalYear;
  /** 1 in the plan's first year (※計画1年目). */
  readonly planYear: number;
  /** The years the goal tables show: those with data up to the evaluation year. */
  readonly columns: readonly FiscalYear[];
  readonly goals: readonly GoalResult[];
  /** Every KPI once, in the order the plan defines them. */
  readonly kpis: readonly KpiResult[];
  readonly overall: Tally;
  /** The width of the summary table: the most KPIs any goal shows. */
  readonly summaryWidth: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The plan's English for its texts, for the English outputs; absent where the plan gives none. */
  readonly translation?: PlanTranslation;
}
