import type { DecimalString, RoundingMode } from './decimal.ts';
import type { SettingsEdition } from './editions.ts';
import type { TrendSettings } from './trend-status.ts';

/** What the progress column measures (DOMAIN.md, "How other municipalities evaluate"). */
export type MethodName = 'progress' | 'ratio' | 'pace';

export interface GradeBand {
  readonly label: string;
  /** The lowest score (as printed, in %) that earns this band; null for the last, catch-all band. */
  readonly min: DecimalString | null;
  /** Whether a KPI in this band counts as achieved; null leaves achievement to the target itself. */
  readonly achieved: boolean | null;
  /** The status phrase opening the assessment of a KPI in this band (要改善の状況); absent: the seed's. */
  readonly phrase?: string | null;
}

/** What to do with a KPI that has no actual for the evaluation year. */
export type MissingPolicy =
  /** Left out of the count (the seed, and most reports). */
  | 'exclude'
  /** Kept in the count as not achieved. */
  | 'not-achieved'
  /** Left out of the rate like 'exclude', but shown in the summary table under its reason (未取得). */
  | 'bucket';

/** How the overall rate counts a KPI listed under several goals (再掲). */
export type SharedPolicy = 'per-listing' | 'once';

export interface Rounding {
  readonly mode: RoundingMode;
  readonly places: number;
  /** 'places' prints a zero score with its places (0.0%); absent or 'plain' keeps the seed's plain 0%. */
  readonly zero?: ZeroStyle;
}

/** How a zero score is printed: 0% as the seed does, or 0.0% where the plan rounds to a tenth. */
export type ZeroStyle = 'plain' | 'places';

/** The target a score divides by: the final 目標値, or the year's interim target (期待値・年度目標・目安値). */
export type TargetBasis = 'final' | 'interim';

/** Which actual a KPI is judged on: the evaluation year's, or the latest year with data up to it (直近値). */
export type ActualBasis = 'evaluation-year' | 'latest';

export interface EvaluationSettings {
  readonly method: MethodName;
  /** Ordered from best to worst; null when the plan grades nothing beyond 達成/未達成. */
  readonly grades: readonly GradeBand[] | null;
  readonly missing: MissingPolicy;
  readonly shared: SharedPolicy;
  readonly rounding: Rounding;
  /** Absent for the seed's final target; 'interim' divides by the year's milestone, never falling back. */
  readonly against?: TargetBasis;
  /** Absent for the evaluation year's actual; 'latest' judges a lagging statistic on its latest year. */
  readonly data?: ActualBasis;
  /** Whether each series also reports 目標との差, the shortfall in the KPI's own unit. */
  readonly shortfall?: boolean;
  /** A status judged on movement (進展 / ○△× / S–C), where the plan publishes one. */
  readonly trend?: TrendSettings;
  /** Settings changed from a year on; earlier years keep theirs (editions.ts). */
  readonly editions?: readonly SettingsEdition[];
}

export const DEFAULT_SETTINGS: EvaluationSettings = {
  method: 'progress',
  grades: null,
  missing: 'exclude',
  shared: 'per-listing',
  rounding: { mode: 'half-up', places: 1 },
};
