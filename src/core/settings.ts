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
}

export interface EvaluationSettings {
  readonly method: MethodName;
  /** Ordered from best to worst; null when the plan grades nothing beyond 達成/未達成. */
  readonly grades: readonly GradeBand[] | null;
  readonly missing: MissingPolicy;
  readonly shared: SharedPolicy;
  readonly rounding: Rounding;
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
