import { and, eq } from 'drizzle-orm';
import type { CalendarDate } from '../core/calendar-date.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

/** The collection deadline (提出期限) of a plan's year, or null when the office has set none. */
export async function deadlineOf(db: Db, planSlug: string, year: FiscalYear): Promise<CalendarDate | null> {
  const planId = await planIdOf(db, planSlug);
  const [row] = await db
    .select({ dueOn: t.collectionDeadlines.dueOn })
    .from(t.collectionDeadlines)
    .where(and(eq(t.collectionDeadlines.planId, planId), eq(t.collectionDeadlines.fiscalYear, year)));
  return (row?.dueOn ?? null) as CalendarDate | null;
}

/** Every deadline a plan has, by year. */
export async function deadlinesOf(db: Db, planSlug: string): Promise<Map<FiscalYear, CalendarDate>> {
  const planId = await planIdOf(db, planSlug);
  const rows = await db
    .select({ year: t.collectionDeadlines.fiscalYear, dueOn: t.collectionDeadlines.dueOn })
    .from(t.collectionDeadlines)
    .where(eq(t.collectionDeadlines.planId, planId));
  return new Map(rows.map((r) => [r.year, r.dueOn as CalendarDate]));
}

/**
 * Sets (or moves) a year's deadline, with its audit line. Two offices setting it at once meet on the
 * (plan, year) key: the upsert leaves one row, the last writer's, and each change is in the log.
 */
export async function setDeadline(
  db: Db,
  planSlug: string,
  year: FiscalYear,
  dueOn: CalendarDate,
  actorId: number | null,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, planSlug);
    const where = and(eq(t.collectionDeadlines.planId, planId), eq(t.collectionDeadlines.fiscalYear, year));
    const [before] = await tx
      .select({ dueOn: t.collectionDeadlines.dueOn })
      .from(t.collectionDeadlines)
      .where(where)
      .for('update');
    if (before?.dueOn === dueOn) return;
    await tx
      .insert(t.collectionDeadlines)
      .values({ planId, fiscalYear: year, dueOn, setBy: actorId })
      .onConflictDoUpdate({
        target: [t.collectionDeadlines.planId, t.collectionDeadlines.fiscalYear],
        set: { dueOn, setBy: actorId, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      userId: actorId,
      planId,
      action: 'deadline.set',
      subject: formatFiscalYear(year),
      field: 'deadline',
      oldValue: before?.dueOn ?? null,
      newValue: dueOn,
    });
  });
}
