import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';
import { deleteUserSessions } from './sessions.ts';

/**
 * Locks the active administrators' rows and refuses when `userId` is the only one of them, so the office can
 * never lock itself out. Two admins demoting each other at once queue on these locks: the second sees
 * the first's change and is refused. The rows are locked in one order, so no two callers deadlock.
 */
export async function assertAnotherActiveAdmin(tx: Db, userId: number): Promise<void> {
  // Each municipality keeps an administrator of its own: another municipality's do not count.
  const [target] = await tx
    .select({ municipalityId: t.users.municipalityId })
    .from(t.users)
    .where(eq(t.users.id, userId));
  if (!target || target.municipalityId === null) return;
  const admins = await tx
    .select({ id: t.users.id })
    .from(t.users)
    .where(
      and(
        eq(t.users.role, 'admin'),
        eq(t.users.disabled, false),
        eq(t.users.municipalityId, target.municipalityId),
      ),
    )
    .orderBy(asc(t.users.id))
    .for('update');
  const isAdmin = admins.some((admin) => admin.id === userId);
  if (!isAdmin || admins.length > 1) return;
  throw new ShinchokuError(
    'conflict',
    'This is the last active administrator; make another user an administrator first.',
    null,
    [],
    { reason: 'last-admin' },
  );
}

/**
 * Disables or re-enables an account; disabling also ends its sessions, so it is locked out at once.
 * The last active administrator cannot be disabled.
 */
export async function setUserDisabled(
  db: Db,
  userId: number,
  disabled: boolean,
  actorId: number | null,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (disabled) await assertAnotherActiveAdmin(tx, userId);
    const [user] = await tx.select().from(t.users).where(eq(t.users.id, userId)).for('update');
    if (!user) throw new ShinchokuError('not-found', `There is no user ${userId}.`);
    if (user.disabled === disabled) return;
    await tx.update(t.users).set({ disabled }).where(eq(t.users.id, userId));
    if (disabled) await deleteUserSessions(tx, userId);
    await recordAudit(tx, {
      userId: actorId,
      planId: null,
      municipalityId: user.municipalityId,
      action: disabled ? 'user.disable' : 'user.enable',
      subject: user.login,
      field: 'disabled',
      oldValue: String(user.disabled),
      newValue: String(disabled),
    });
  });
}

/** A municipality's changes that belong to no plan (accounts, departments), newest first. */
export async function accountAuditTrail(db: Db, municipalityId: number, limit = 200) {
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
    .where(and(isNull(t.auditLog.planId), eq(t.auditLog.municipalityId, municipalityId)))
    .orderBy(desc(t.auditLog.id))
    .limit(limit);
}
