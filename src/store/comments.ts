import { and, asc, count, eq } from 'drizzle-orm';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { kpiRow, planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

/** A committee member's remark on one KPI's year (有識者会議の意見). */
export interface Comment {
  readonly id: number;
  readonly kpiKey: string;
  readonly fiscalYear: FiscalYear;
  readonly author: string | null;
  readonly body: string;
  readonly createdAt: Date;
}

export interface NewComment {
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
  readonly body: string;
}

export async function addComment(db: Db, input: NewComment, userId: number | null): Promise<Comment> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, input.plan);
    await kpiRow(tx, planId, input.kpi);
    const [row] = await tx
      .insert(t.comments)
      .values({ planId, kpiKey: input.kpi, fiscalYear: input.year, userId, body: input.body })
      .returning({ id: t.comments.id });
    await recordAudit(tx, {
      userId,
      planId,
      action: 'comment.add',
      subject: `${input.kpi}/${formatFiscalYear(input.year)}`,
      field: 'comment',
      newValue: input.body,
    });
    const [comment] = await commentQuery(tx).where(eq(t.comments.id, (row as { id: number }).id));
    return comment as Comment;
  });
}

const commentQuery = (db: Db) =>
  db
    .select({
      id: t.comments.id,
      kpiKey: t.comments.kpiKey,
      fiscalYear: t.comments.fiscalYear,
      author: t.users.displayName,
      body: t.comments.body,
      createdAt: t.comments.createdAt,
    })
    .from(t.comments)
    .leftJoin(t.users, eq(t.comments.userId, t.users.id));

/** A KPI's comments for a year, oldest first, as a conversation reads. */
export async function listComments(
  db: Db,
  planSlug: string,
  kpiKey: string,
  year: FiscalYear,
): Promise<Comment[]> {
  const planId = await planIdOf(db, planSlug);
  return commentQuery(db)
    .where(and(eq(t.comments.planId, planId), eq(t.comments.kpiKey, kpiKey), eq(t.comments.fiscalYear, year)))
    .orderBy(asc(t.comments.createdAt), asc(t.comments.id));
}

/** How many comments each KPI has for a year, for the overview. */
export async function commentCounts(
  db: Db,
  planSlug: string,
  year: FiscalYear,
): Promise<Map<string, number>> {
  const planId = await planIdOf(db, planSlug);
  const rows = await db
    .select({ kpiKey: t.comments.kpiKey, n: count() })
    .from(t.comments)
    .where(and(eq(t.comments.planId, planId), eq(t.comments.fiscalYear, year)))
    .groupBy(t.comments.kpiKey);
  return new Map(rows.map((r) => [r.kpiKey, r.n]));
}
