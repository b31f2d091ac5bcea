import { desc, eq, isNull } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';
import { deleteUserSessions } from './sessions.ts';

/** Disables or re-enables an account; disabling also ends its sessions, so it is locked out at once. */
export async function setUserDisabled(
  db: Db,
  userId: number,
  disabled: boolean,
  actorId: number | null,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [user] = await tx.select().from(t.users).where(eq(t.users.id, userId)).for('update');
    if (!user) throw new ShinchokuError('not-found', `There is no user ${userId}.`);
    if (user.disabled === disabled) return;
    await tx.update(t.users).set({ disabled }).where(eq(t.users.id, userId));
    if (disabled) await deleteUserSessions(tx, userId);
    await recordAudit(tx, {
      userId: actorId,
      planId: null,
      action: disabled ? 'user.disable' : 'user.enable',
      subject: user.login,
      field: 'disabled',
      oldValue: String(user.disabled),
      newValue: String(disabled),
    });
  });
}

/** Changes that belong to no plan (accounts, departments), newest first. */
export async function accountAuditTrail(db: Db, limit = 200) {
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
    .where(isNull(t.auditLog.planId))
    .orderBy(desc(t.auditLog.id))
    .limit(limit);
}
