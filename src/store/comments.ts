import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { Opinion } from '../core/opinion.ts';
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
  /** Marked by the planning office for publication with the next edition (委員会意見). */
  readonly opinion: boolean;
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
    return asComment(comment as Parameters<typeof asComment>[0]);
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
      markedAt: t.comments.opinionMarkedAt,
    })
    .from(t.comments)
    .leftJoin(t.users, eq(t.comments.userId, t.users.id));

const asComment = ({ markedAt, ...row }: { markedAt: Date | null } & Omit<Comment, 'opinion'>): Comment => ({
  ...row,
  opinion: markedAt !== null,
});

/** A KPI's comments for a year, oldest first, as a conversation reads. */
export async function listComments(
  db: Db,
  planSlug: string,
  kpiKey: string,
  year: FiscalYear,
): Promise<Comment[]> {
  const planId = await planIdOf(db, planSlug);
  const rows = await commentQuery(db)
    .where(and(eq(t.comments.planId, planId), eq(t.comments.kpiKey, kpiKey), eq(t.comments.fiscalYear, year)))
    .orderBy(asc(t.comments.createdAt), asc(t.comments.id));
  return rows.map(asComment);
}

/** The day a comment was written, in Japan, where the committee sits: 2023-06-30. */
const japanDate = (at: Date): string => new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/**
 * Marks a comment for publication as a committee opinion, or takes the mark off. What the next edition
 * of the year freezes; an edition already published keeps the opinions it froze.
 */
export async function markOpinion(
  db: Db,
  input: { plan: string; kpi: string; year: FiscalYear; comment: number; publish: boolean },
  actorId: number | null,
): Promise<Comment> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, input.plan);
    const [row] = await tx
      .update(t.comments)
      .set(
        input.publish
          ? { opinionMarkedAt: new Date(), opinionMarkedBy: actorId }
          : { opinionMarkedAt: null, opinionMarkedBy: null },
      )
      .where(
        and(
          eq(t.comments.id, input.comment),
          eq(t.comments.planId, planId),
          eq(t.comments.kpiKey, input.kpi),
          eq(t.comments.fiscalYear, input.year),
        ),
      )
      .returning({ id: t.comments.id });
    if (!row) {
      throw new ShinchokuError(
        'not-found',
        `The KPI ${input.kpi} has no comment ${input.comment} that year.`,
      );
    }
    await recordAudit(tx, {
      userId: actorId,
      planId,
      action: 'comment.opinion',
      subject: `${input.kpi}/${formatFiscalYear(input.year)}`,
      field: 'opinion',
      newValue: input.publish ? 'published' : 'internal',
    });
    const [comment] = await commentQuery(tx).where(eq(t.comments.id, row.id));
    return asComment(comment as Parameters<typeof asComment>[0]);
  });
}

/** The opinions marked for a plan's year, in the plan's KPI order then as written: what an edition freezes. */
export async function markedOpinions(db: Db, planId: number, year: FiscalYear): Promise<Opinion[]> {
  const rows = await db
    .select({ kpiId: t.comments.kpiKey, text: t.comments.body, createdAt: t.comments.createdAt })
    .from(t.comments)
    .innerJoin(t.kpis, and(eq(t.kpis.planId, t.comments.planId), eq(t.kpis.key, t.comments.kpiKey)))
    .where(
      and(
        eq(t.comments.planId, planId),
        eq(t.comments.fiscalYear, year),
        isNotNull(t.comments.opinionMarkedAt),
      ),
    )
    .orderBy(asc(t.kpis.position), asc(t.comments.createdAt), asc(t.comments.id));
  return rows.map((r) => ({ kpiId: r.kpiId, text: r.text, date: japanDate(r.createdAt) }));
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

/** The opinions marked now for a plan's year, by its slug: what the staff draft previews. */
export async function markedOpinionsOf(db: Db, planSlug: string, year: FiscalYear): Promise<Opinion[]> {
  return markedOpinions(db, await planIdOf(db, planSlug), year);
}
