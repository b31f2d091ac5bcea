import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Lang } from '../core/language.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';
import { planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';

/** What happened to a KPI that its people are told of. */
export type NoticeKind = 'returned' | 'approved' | 'commented';
/** null: no mail was sent (no server, or no address); failed: the failure is in the mail log. */
export type NoticeMail = 'sent' | 'failed' | null;

export interface NewNotice {
  readonly kind: NoticeKind;
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
  readonly actorId: number | null;
  readonly note: string | null;
}

export interface Recipient {
  readonly userId: number;
  readonly email: string | null;
  readonly mailLang: Lang;
  readonly displayName: string;
}

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly planSlug: string;
  readonly planTitle: string;
  readonly kpiKey: string;
  readonly kpiName: string | null;
  readonly fiscalYear: FiscalYear;
  readonly actor: string | null;
  readonly note: string | null;
  readonly mail: NoticeMail;
  readonly read: boolean;
  readonly createdAt: Date;
}

const recipientColumns = {
  userId: t.users.id,
  email: t.users.email,
  mailLang: t.users.mailLang,
  displayName: t.users.displayName,
};
const asRecipient = (r: { userId: number; email: string | null; mailLang: string; displayName: string }) => ({
  ...r,
  mailLang: r.mailLang === 'en' ? ('en' as const) : ('ja' as const),
});

/**
 * Who hears of a KPI's news: the active users of its department, and for a comment the office too;
 * never the person who acted.
 */
export async function noticeRecipients(
  db: Db,
  planSlug: string,
  kpiKey: string,
  kind: NoticeKind,
  actorId: number | null,
): Promise<Recipient[]> {
  const planId = await planIdOf(db, planSlug);
  const [kpi] = await db
    .select({ departmentId: t.kpis.departmentId })
    .from(t.kpis)
    .where(and(eq(t.kpis.planId, planId), eq(t.kpis.key, kpiKey)));
  const found = new Map<number, Recipient>();
  const add = (rows: Parameters<typeof asRecipient>[0][]) => {
    for (const row of rows) if (row.userId !== actorId) found.set(row.userId, asRecipient(row));
  };
  if (kpi?.departmentId != null) {
    add(
      await db
        .select(recipientColumns)
        .from(t.users)
        .where(and(eq(t.users.departmentId, kpi.departmentId), eq(t.users.disabled, false))),
    );
  }
  if (kind === 'commented') {
    // The office of the plan's own municipality: another municipality's administrators hear nothing of it.
    const [plan] = await db
      .select({ municipalityId: t.plans.municipalityId })
      .from(t.plans)
      .where(eq(t.plans.id, planId));
    add(
      await db
        .select(recipientColumns)
        .from(t.users)
        .where(
          and(
            eq(t.users.role, 'admin'),
            eq(t.users.disabled, false),
            eq(t.users.municipalityId, plan?.municipalityId ?? t.HOME_MUNICIPALITY_ID),
          ),
        ),
    );
  }
  return [...found.values()].sort((a, b) => a.userId - b.userId);
}

/** One notice per recipient, in one statement; their ids in the recipients' order. */
export async function addNotices(db: Db, notice: NewNotice, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const planId = await planIdOf(db, notice.plan);
  const rows = await db
    .insert(t.notices)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: notice.kind,
        planId,
        kpiKey: notice.kpi,
        fiscalYear: notice.year,
        actorId: notice.actorId,
        note: notice.note,
      })),
    )
    .returning({ id: t.notices.id, userId: t.notices.userId });
  const byUser = new Map(rows.map((r) => [r.userId, r.id]));
  return userIds.map((u) => byUser.get(u) ?? 0);
}

export async function markNoticeMail(db: Db, ids: readonly number[], mail: 'sent' | 'failed'): Promise<void> {
  if (ids.length === 0) return;
  await db.update(t.notices).set({ mail }).where(inArray(t.notices.id, ids));
}

export async function unreadNotices(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(t.notices)
    .where(and(eq(t.notices.userId, userId), isNull(t.notices.readAt)));
  return row?.n ?? 0;
}

const actors = alias(t.users, 'actors');

/** A user's notices, newest first, with the KPI's name and the plan's title to word them. */
export async function noticesOf(db: Db, userId: number, limit = 100): Promise<Notice[]> {
  const rows = await db
    .select({
      id: t.notices.id,
      kind: t.notices.kind,
      planSlug: t.plans.slug,
      planTitle: t.plans.title,
      kpiKey: t.notices.kpiKey,
      kpiName: t.kpis.name,
      fiscalYear: t.notices.fiscalYear,
      actor: actors.displayName,
      note: t.notices.note,
      mail: t.notices.mail,
      readAt: t.notices.readAt,
      createdAt: t.notices.createdAt,
    })
    .from(t.notices)
    .innerJoin(t.plans, eq(t.notices.planId, t.plans.id))
    .leftJoin(t.kpis, and(eq(t.kpis.planId, t.notices.planId), eq(t.kpis.key, t.notices.kpiKey)))
    .leftJoin(actors, eq(t.notices.actorId, actors.id))
    .where(eq(t.notices.userId, userId))
    .orderBy(desc(t.notices.createdAt), desc(t.notices.id))
    .limit(limit);
  return rows.map(({ readAt, ...r }) => ({
    ...r,
    kind: r.kind as NoticeKind,
    mail: r.mail as NoticeMail,
    read: readAt !== null,
  }));
}

/** Marks one notice (or, with null, all) of the user read; another user's notice is never touched. */
export async function markNoticesRead(db: Db, userId: number, id: number | null, at: Date): Promise<number> {
  const mine = and(eq(t.notices.userId, userId), isNull(t.notices.readAt));
  const rows = await db
    .update(t.notices)
    .set({ readAt: at })
    .where(id === null ? mine : and(mine, eq(t.notices.id, id)))
    .returning({ id: t.notices.id });
  return rows.length;
}
