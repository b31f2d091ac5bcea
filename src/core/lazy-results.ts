import type { Diagnostic } from './diagnostic.ts';
import type { Evaluation, GoalResult, KpiResult, SeriesResult, YearEntry } from './evaluation.ts';
import { deepFreeze } from './freeze.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { DecimalString } from './decimal.ts';
import { exactPercentFromText, type Exact } from './exact.ts';
import type { Calculation, Score } from './methods.ts';
import type { Series } from './plan.ts';
import { kpiTrajectory, seriesTrajectory, type KpiTrajectory, type SeriesTrajectory } from './trajectory.ts';
import { yearEntry } from './year-entry.ts';

/*
 * Results whose parts for reports alone (history columns, trajectories, diagnostics) are computed when
 * first read, then kept and frozen: every later read, and every renderer, gets the same value. They are
 * class instances with the parts as getters on the class, since a getter of the object's own costs V8
 * several microseconds to make, more than the rest of a result. The figures and statuses, which every
 * count needs, are the objects' own fields, frozen with them. The plan a part is computed from is never
 * changed after evaluation (Plan is read-only throughout), so a part read late is the one an eager
 * evaluation would have made.
 *
 * Getters on the class are not own properties: a spread ({...kpi}) or a structured clone leaves them out.
 * A copy that needs them names them (render/plan-text.ts), and a render thread gets plainEvaluation below.
 */

export type SeriesFields = Omit<SeriesResult, 'history' | 'trajectory'>;
export type KpiFields = Omit<KpiResult, 'trajectory' | 'diagnostics'>;
export type EvaluationFields = Omit<Evaluation, 'diagnostics'>;

// The interfaces give each class the fields that Object.assign copies in, without declaring them again.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface LazySeriesResult extends SeriesFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class LazySeriesResult implements SeriesResult {
  readonly #series: Series;
  readonly #columns: readonly FiscalYear[];
  readonly #judged: FiscalYear;
  readonly #fromYear: FiscalYear;
  readonly #value: DecimalString | null;
  #history: readonly YearEntry[] | undefined;
  #trajectory: SeriesTrajectory | undefined;

  /** `series` carries the target and baseline in force in the year; `judged` is the year of its figure. */
  constructor(
    fields: SeriesFields,
    series: Series,
    columns: readonly FiscalYear[],
    judged: FiscalYear,
    fromYear: FiscalYear,
    value: DecimalString | null,
  ) {
    Object.assign(this, fields);
    this.#series = series;
    this.#columns = columns;
    this.#judged = judged;
    this.#fromYear = fromYear;
    this.#value = value;
  }

  get history(): readonly YearEntry[] {
    return (this.#history ??= deepFreeze(this.#columns.map((y) => yearEntry(this.#series, y))));
  }

  get trajectory(): SeriesTrajectory {
    return (this.#trajectory ??= deepFreeze(
      seriesTrajectory(this.#series, this.#judged, this.#fromYear, this.#value),
    ));
  }
}

/**
 * A 目標進捗率 whose exact figure (ten decimals, for audits and the HTML trace) is written when first read:
 * most outputs print only the rounded value, and writing ten decimals for every series and year was about
 * a third of evaluating. `toJSON` writes it as the plain score it stands for; a structured clone gets
 * plainEvaluation's copy, which reads it.
 */
export class LazyScore implements Score {
  readonly value: DecimalString;
  readonly calculation: Calculation;
  readonly #actual: string;
  readonly #from: Exact;
  readonly #by: Exact;
  #exact: DecimalString | undefined;

  /** The score (actual − from) / by × 100, `value` as the plan rounds it. */
  constructor(value: DecimalString, calculation: Calculation, actual: string, from: Exact, by: Exact) {
    this.value = value;
    this.calculation = calculation;
    this.#actual = actual;
    this.#from = from;
    this.#by = by;
  }

  get exact(): DecimalString {
    return (this.#exact ??= exactPercentFromText(this.#actual, this.#from, this.#by) as DecimalString);
  }

  toJSON(): Score {
    return plainScore(this);
  }
}

/** A score as a plain object, its figures in the order methods.ts makes them. */
function plainScore(score: Score): Score {
  return { value: score.value, exact: score.exact, calculation: score.calculation };
}

const plainOrNull = (score: Score | null): Score | null =>
  score instanceof LazyScore ? plainScore(score) : score;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface LazyKpiResult extends KpiFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class LazyKpiResult implements KpiResult {
  readonly #diagnose: () => Diagnostic[];
  #trajectory: KpiTrajectory | undefined;
  #diagnostics: readonly Diagnostic[] | undefined;

  /** `diagnose` makes the KPI's diagnostics from the plan and this result; it is called once at most. */
  constructor(fields: KpiFields, diagnose: () => Diagnostic[]) {
    Object.assign(this, fields);
    this.#diagnose = diagnose;
  }

  get trajectory(): KpiTrajectory {
    return (this.#trajectory ??= deepFreeze(kpiTrajectory(this.series.map((s) => s.trajectory))));
  }

  get diagnostics(): readonly Diagnostic[] {
    return (this.#diagnostics ??= deepFreeze(this.#diagnose()));
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface LazyEvaluation extends EvaluationFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class LazyEvaluation implements Evaluation {
  #diagnostics: readonly Diagnostic[] | undefined;

  constructor(fields: EvaluationFields) {
    Object.assign(this, fields);
  }

  /** Every KPI's diagnostics, in the order of the KPIs. */
  get diagnostics(): readonly Diagnostic[] {
    return (this.#diagnostics ??= Object.freeze(this.kpis.flatMap((k) => k.diagnostics)));
  }
}

/**
 * The evaluation as plain objects and arrays, every lazy part read: what a structured clone (a render
 * thread's job) can carry. A KPI listed by several goals stays one object, as in the evaluation.
 */
export function plainEvaluation(evaluation: Evaluation): Evaluation {
  const copies = new Map<KpiResult, KpiResult>();
  const plainKpi = (kpi: KpiResult): KpiResult => {
    let copy = copies.get(kpi);
    if (!copy) {
      copy = {
        ...kpi,
        series: kpi.series.map((s) => {
          const score = plainOrNull(s.score);
          // One object where the method's score is the progress figure, as in the evaluation.
          const progress = s.progress === s.score ? score : plainOrNull(s.progress);
          return { ...s, score, progress, history: s.history, trajectory: s.trajectory };
        }),
        trajectory: kpi.trajectory,
        diagnostics: kpi.diagnostics,
      };
      copies.set(kpi, copy);
    }
    return copy;
  };
  const plainGoal = (goal: GoalResult): GoalResult => ({
    ...goal,
    kpis: goal.kpis.map(plainKpi),
    summary: goal.summary.map(plainKpi),
  });
  return {
    ...evaluation,
    goals: evaluation.goals.map(plainGoal),
    kpis: evaluation.kpis.map(plainKpi),
    diagnostics: evaluation.diagnostics,
  };
}
