import { and, eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { kpiRow, planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

/** submitted: waiting for the office; approved: ready to publish; returned: back with the department. */
export type ReviewState = 'submitted' | 'approved' | 'returned';

export interface Review {
  readonly kpiKey: string;
  readonly fiscalYear: FiscalYear;
  readonly state: ReviewState;
  /** The office's reason when it returns a submission. */
  readonly comment: string | null;
  readonly updatedBy: string | null;
  readonly updatedAt: Date;
}

const columns = {
  kpiKey: t.reviews.kpiKey,
  fiscalYear: t.reviews.fiscalYear,
  state: t.reviews.state,
  comment: t.reviews.comment,
  updatedBy: t.users.displayName,
  updatedAt: t.reviews.updatedAt,
};

const asReview = (row: { state: string } & Omit<Review, 'state'>): Review => ({
  ...row,
  state: row.state as ReviewState,
});

/** Every KPI's review for a year, by KPI key; a KPI never submitted has none. */
export async function reviewsOf(db: Db, planSlug: string, year: FiscalYear): Promise<Map<string, Review>> {
  const planId = await planIdOf(db, planSlug);
  const rows = await db
    .select(columns)
    .from(t.reviews)
    .leftJoin(t.users, eq(t.reviews.updatedBy, t.users.id))
    .where(and(eq(t.reviews.planId, planId), eq(t.reviews.fiscalYear, year)));
  return new Map(rows.map((r) => [r.kpiKey, asReview(r)]));
}

export async function reviewOf(
  db: Db,
  planSlug: string,
  kpiKey: string,
  year: FiscalYear,
): Promise<Review | null> {
  return (await reviewsOf(db, planSlug, year)).get(kpiKey) ?? null;
}

/**
 * A KPI's review state read under a row lock, inside the caller's transaction: a save that checks it
 * cannot slip in while a submission or approval of the same KPI is being written.
 */
export async function lockedReviewState(
  db: Db,
  planSlug: string,
  kpiKey: string,
  year: FiscalYear,
): Promise<ReviewState | null> {
  const planId = await planIdOf(db, planSlug);
  const [row] = await db
    .select({ state: t.reviews.state })
    .from(t.reviews)
    .where(and(eq(t.reviews.planId, planId), eq(t.reviews.kpiKey, kpiKey), eq(t.reviews.fiscalYear, year)))
    .for('update');
  return (row?.state ?? null) as ReviewState | null;
}

export interface ReviewTransition {
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
  readonly to: ReviewState;
  /** The states this move starts from; null stands for a KPI never submitted. */
  readonly from: readonly (ReviewState | null)[];
  readonly comment: string | null;
}

/**
 * Moves a KPI's review from one state to the next. The current state is read under a row lock, so two
 * reviewers acting at once cannot both approve and return: the second is told what happened first.
 */
export async function moveReview(db: Db, move: ReviewTransition, actorId: number | null): Promise<Review> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, move.plan);
    await kpiRow(tx, planId, move.kpi);
    const where = and(
      eq(t.reviews.planId, planId),
      eq(t.reviews.kpiKey, move.kpi),
      eq(t.reviews.fiscalYear, move.year),
    );
    const [current] = await tx.select().from(t.reviews).where(where).for('update');
    const state = (current?.state ?? null) as ReviewState | null;
    const moved = (now: ReviewState | null) =>
      new ShinchokuError(
        'conflict',
        `The review of ${move.kpi}/${formatFiscalYear(move.year)} is ${now ?? 'not submitted'}; it cannot become ${move.to}.`,
        'Reload the page to see its current state.',
        [],
        { current: now, attempted: move.to },
      );
    if (!move.from.includes(state)) throw moved(state);
    const values = { state: move.to, comment: move.comment, updatedBy: actorId, updatedAt: new Date() };
    if (current) await tx.update(t.reviews).set(values).where(eq(t.reviews.id, current.id));
    else {
      // A first submission has no row to lock: two at once meet on the unique key, and the second is told.
      const [inserted] = await tx
        .insert(t.reviews)
        .values({ planId, kpiKey: move.kpi, fiscalYear: move.year, ...values })
        .onConflictDoNothing({ target: [t.reviews.planId, t.reviews.kpiKey, t.reviews.fiscalYear] })
        .returning({ id: t.reviews.id });
      if (!inserted) {
        const [winner] = await tx.select({ state: t.reviews.state }).from(t.reviews).where(where);
        throw moved((winner?.state ?? null) as ReviewState | null);
      }
    }
    await recordAudit(tx, {
      userId: actorId,
      planId,
      action: `review.${move.to}`,
      subject: `${move.kpi}/${formatFiscalYear(move.year)}`,
      field: 'state',
      oldValue: state,
      newValue: move.comment ? `${move.to}: ${move.comment}` : move.to,
    });
    const [after] = await tx
      .select(columns)
      .from(t.reviews)
      .leftJoin(t.users, eq(t.reviews.updatedBy, t.users.id))
      .where(where);
    return asReview(after as NonNullable<typeof after>);
  });
}
