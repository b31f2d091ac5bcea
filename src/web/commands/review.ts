import { ShinchokuError } from '../../core/errors.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Store } from '../../store/connect.ts';
import { missingOf } from '../../store/department-kpis.ts';
import { moveReview, type Review, type ReviewState } from '../../store/reviews.ts';
import type { User } from '../../store/users.ts';
import { assertMayEditKpi, assertRole } from './access.ts';
import { accepted, rejected, requiredText, unixLines, type FormOutcome } from './form-problem.ts';
import { assertYearInPlan, loadSheet } from './sheets.ts';

export interface KpiYear {
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
}

export const MAX_REVIEW_COMMENT = 2000;

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
  const problem = requiredText(comment, MAX_REVIEW_COMMENT);
  if (problem) return rejected({ comment: problem });
  return accepted(
    await move(store, user, at, 'returned', ['submitted', 'approved'], unixLines(comment).trim()),
  );
}
