import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

export interface AuditEntry {
  readonly userId: number | null;
  readonly planId: number | null;
  /** For a change that belongs to no plan: the municipality whose account log shows it. */
  readonly municipalityId?: number | null;
  readonly action: string;
  readonly subject: string;
  readonly field?: string | null;
  readonly oldValue?: string | null;
  readonly newValue?: string | null;
}

/** Written in the same transaction as the change it records, so the log and the data never disagree. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(t.auditLog).values(auditRow(entry));
}

/** The row an entry is stored as; a batch inserts many at once. */
export function auditRow(entry: AuditEntry) {
  return {
    userId: entry.userId,
    planId: entry.planId,
    municipalityId: entry.municipalityId ?? null,
    action: entry.action,
    subject: entry.subject,
    field: entry.field ?? null,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue ?? null,
  };
}

export async function auditTrail(db: Db, planId: number, limit = 200) {
  return db
    .select({
      id: t.auditLog.id,
      at: t.auditLog.at,
      user: t.users.login,
      action: t.auditLog.action,
      subject: t.auditLog.subject,
      field: t.auditLog.field,
      oldValue: t.auditLog.oldValue,
      newValue: t.auditLog.newValue,
    })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.auditLog.userId, t.users.id))
    .where(eq(t.auditLog.planId, planId))
    .orderBy(desc(t.auditLog.id))
    .limit(limit);
}

/** Each KPI's name by its key, so the log can name KPIs as people know them rather than by their keys. */
export async function kpiNamesOf(db: Db, planId: number): Promise<ReadonlyMap<string, string>> {
  const rows = await db
    .select({ key: t.kpis.key, name: t.kpis.name })
    .from(t.kpis)
    .where(eq(t.kpis.planId, planId));
  return new Map(rows.map((row) => [row.key, row.name]));
}

/** One row of the log, as both trails read it. */
export type AuditRow = Awaited<ReturnType<typeof auditTrail>>[number];

/** One field of a user's record as an edit leaves it: whether it changed, and its old and new words. */
export interface UserFieldChange {
  readonly field: string;
  readonly changed: boolean;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/** Audits each changed field of a user's record as one `user.update` line; the number that changed. */
export async function auditUserFields(
  db: Db,
  actorId: number | null,
  user: { readonly login: string; readonly municipalityId: number | null },
  fields: readonly UserFieldChange[],
): Promise<number> {
  const changed = fields.filter((f) => f.changed);
  for (const { field, oldValue, newValue } of changed) {
    await recordAudit(db, {
      userId: actorId,
      planId: null,
      municipalityId: user.municipalityId,
      action: 'user.update',
      subject: user.login,
      field,
      oldValue,
      newValue,
    });
  }
  return changed.length;
}

const actor = alias(t.users, 'actor');

/**
 * The host's log: what host administrators did on the host pages, and what the command line (who runs it
 * has the whole installation) did outside any plan: municipalities added or named, administrators added,
 * disabled, enabled or reset, host administrators added. Each entry is also in the affected
 * municipality's own account log (its municipality_id), so an office sees what the host did to it; this
 * reads the same rows, not a copy. Newest first; with `municipalityId`, one municipality's only.
 */
export async function hostAuditTrail(db: Db, options: { municipalityId?: number; limit?: number } = {}) {
  const byHost = or(isNull(t.auditLog.userId), eq(actor.role, 'host'));
  const where =
    options.municipalityId === undefined
      ? and(isNull(t.auditLog.planId), byHost)
      : and(isNull(t.auditLog.planId), byHost, eq(t.auditLog.municipalityId, options.municipalityId));
  return db
    .select({
      id: t.auditLog.id,
      at: t.auditLog.at,
      user: actor.login,
      action: t.auditLog.action,
      subject: t.auditLog.subject,
      field: t.auditLog.field,
      oldValue: t.auditLog.oldValue,
      newValue: t.auditLog.newValue,
      municipalityId: t.auditLog.municipalityId,
      municipalityName: t.municipalities.name,
      municipalityCode: t.municipalities.code,
    })
    .from(t.auditLog)
    .leftJoin(actor, eq(t.auditLog.userId, actor.id))
    .leftJoin(t.municipalities, eq(t.auditLog.municipalityId, t.municipalities.id))
    .where(where)
    .orderBy(desc(t.auditLog.id))
    .limit(options.limit ?? 200);
}

export type HostAuditRow = Awaited<ReturnType<typeof hostAuditTrail>>[number];
