import { ShinchokuError } from '../../core/errors.ts';
import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Db, Store } from '../../store/connect.ts';
import { kpiSheets, missingOf, type KpiSheet } from '../../store/department-kpis.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import { moveReview, type Review, type ReviewState } from '../../store/reviews.ts';
import type { User } from '../../store/users.ts';
import { assertMayEditKpi, assertRole } from './access.ts';
import { TEXT_FIELDS } from '../../core/text-field.ts';
import { accepted, fieldText, rejected, type FormOutcome } from './form-problem.ts';
import { currentEvaluation, resultOf } from './current-results.ts';
import { assertYearInPlan, loadSheet } from './sheets.ts';

export interface KpiYear {
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
}

export const MAX_REVIEW_COMMENT = TEXT_FIELDS['review-note'].max;

/** Moves the review; losing a race to another reviewer is reported as such, not as a generic conflict. */
async function move(
  store: Store,
  user: User,
  at: KpiYear,
  to: ReviewState,
  from: readonly (ReviewState | null)[],
  comment: string | null,
): Promise<Review> {
  try {
    return await moveReview(store.db, { ...at, to, from, comment }, user.id);
  } catch (error) {
    if (error instanceof ShinchokuError && error.id === 'conflict') {
      throw new ShinchokuError('conflict', error.message, error.hint, [], {
        ...error.context,
        reason: 'review-moved',
      });
    }
    throw error;
  }
}

/**
 * A department hands its KPI to the office: only its own KPI, and only once every series has an entry
 * and the assessment is written, so the office never reviews half a sheet.
 */
export async function submitForReview(store: Store, user: User, at: KpiYear): Promise<FormOutcome<Review>> {
  assertRole(user, 'admin', 'department');
  await assertYearInPlan(store.db, at.plan, at.year);
  const sheet = await loadSheet(store.db, at.plan, at.kpi, at.year);
  assertMayEditKpi(user, sheet);
  const missing = missingOf(sheet);
  if (missing.figures > 0 || missing.assessment) {
    return rejected({ submit: { kind: 'incomplete', ...missing } });
  }
  return accepted(await move(store, user, at, 'submitted', [null, 'returned'], null));
}

export async function approve(store: Store, user: User, at: KpiYear): Promise<Review> {
  assertRole(user, 'admin');
  await assertYearInPlan(store.db, at.plan, at.year);
  return move(store, user, at, 'approved', ['submitted'], null);
}

/** Sends a KPI back to its department with the reason, which the department sees on the KPI's page. */
export async function returnToDepartment(
  store: Store,
  user: User,
  at: KpiYear,
  comment: string,
): Promise<FormOutcome<Review>> {
  assertRole(user, 'admin');
  await assertYearInPlan(store.db, at.plan, at.year);
  const read = fieldText('review-note', comment, true);
  if (read.problem) return rejected({ comment: read.problem });
  return accepted(await move(store, user, at, 'returned', ['submitted', 'approved'], read.value));
}

/** A KPI waiting for the office, with what its entry produces. */
export interface QueueItem {
  readonly sheet: KpiSheet;
  readonly submittedAt: Date;
  readonly result: KpiResult | null;
}

export interface ReviewQueue {
  readonly plan: PlanSummary;
  readonly year: FiscalYear;
  /** Oldest submission first: the one that has waited longest is reviewed first. */
  readonly items: readonly QueueItem[];
  readonly evaluation: Evaluation;
}

/** What waits for the office in a year: every submitted KPI, with its computed result. */
export async function reviewQueue(db: Db, user: User, plan: string, year: FiscalYear): Promise<ReviewQueue> {
  assertRole(user, 'admin');
  const summary = await assertYearInPlan(db, plan, year);
  const sheets = await kpiSheets(db, plan, year);
  const evaluation = await currentEvaluation(db, plan, year);
  const items = sheets
    .flatMap((sheet) =>
      sheet.review?.state === 'submitted'
        ? [{ sheet, submittedAt: sheet.review.updatedAt, result: resultOf(evaluation, sheet.key) }]
        : [],
    )
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return { plan: summary, year, items, evaluation };
}

/** How one KPI of a batch approval went: approved, or left as it was and why. */
export type BatchOutcome = 'approved' | 'moved' | 'missing';

export interface BatchResult {
  readonly kpi: string;
  /** The KPI's name; null for a key the plan does not have, which is never echoed back. */
  readonly name: string | null;
  readonly outcome: BatchOutcome;
}

/**
 * Approves several KPIs of a year, one transaction (and one audit entry) each: a KPI another reviewer
 * moved meanwhile, or one that no longer exists, is reported and skipped, and the others still go
 * through. The list is capped by the plan's own KPIs, so the loop ends however long the form was.
 */
export async function approveSeveral(
  store: Store,
  user: User,
  plan: string,
  year: FiscalYear,
  kpis: readonly string[],
): Promise<BatchResult[]> {
  assertRole(user, 'admin');
  await assertYearInPlan(store.db, plan, year);
  const known = new Map((await kpiSheets(store.db, plan, year)).map((s) => [s.key, s.name]));
  const wanted = [...new Set(kpis)].slice(0, Math.max(known.size, 1));
  const outcomes: BatchResult[] = [];
  for (const kpi of wanted) {
    const name = known.get(kpi) ?? null;
    if (name === null) {
      outcomes.push({ kpi, name, outcome: 'missing' });
      continue;
    }
    try {
      await move(store, user, { plan, kpi, year }, 'approved', ['submitted'], null);
      outcomes.push({ kpi, name, outcome: 'approved' });
    } catch (error) {
      if (!(error instanceof ShinchokuError)) throw error;
      if (error.id === 'conflict') outcomes.push({ kpi, name, outcome: 'moved' });
      else if (error.id === 'not-found') outcomes.push({ kpi, name, outcome: 'missing' });
      else throw error;
    }
  }
  return outcomes;
}
