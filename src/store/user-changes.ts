import { eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { auditUserFields, recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { hashPassword, verifyPassword } from './password.ts';
import * as t from './schema.ts';
import { deleteUserSessions } from './sessions.ts';
import { inTransaction } from './transaction.ts';
import { assertAnotherActiveAdmin } from './user-status.ts';
import { findUser, type StaffRole, type User } from './users.ts';

const noUser = (id: number) => new ShinchokuError('not-found', `There is no user ${id}.`);

/** Whether `password` is the user's current one; false for an unknown or disabled user. */
export async function checkPassword(db: Db, userId: number, password: string): Promise<boolean> {
  const [row] = await db
    .select({ hash: t.users.passwordHash, disabled: t.users.disabled })
    .from(t.users)
    .where(eq(t.users.id, userId));
  if (!row || row.disabled) return false;
  return verifyPassword(password, row.hash);
}

export interface PasswordSet {
  readonly userId: number;
  readonly password: string;
  /** True for a reset: the password is one the office saw, so the user must replace it at sign-in. */
  readonly mustChange: boolean;
  readonly actorId: number | null;
}

/**
 * Replaces a password (the caller has checked it against the policy) and ends every session of the
 * user, in one transaction: a stolen session does not outlive the change. The web keeps the changer
 * signed in by opening a new session afterwards. Only the hash is stored; the audit says that the
 * password changed, never what to.
 */
export async function setPassword(db: Db, change: PasswordSet): Promise<User> {
  const passwordHash = await hashPassword(change.password);
  return inTransaction(db, async (tx) => {
    const [user] = await tx
      .update(t.users)
      .set({ passwordHash, mustChangePassword: change.mustChange })
      .where(eq(t.users.id, change.userId))
      .returning({ login: t.users.login, municipalityId: t.users.municipalityId });
    if (!user) throw noUser(change.userId);
    await deleteUserSessions(tx, change.userId);
    await recordAudit(tx, {
      userId: change.actorId,
      planId: null,
      municipalityId: user.municipalityId,
      action: change.mustChange ? 'user.reset-password' : 'user.change-password',
      subject: user.login,
      field: 'password',
    });
    return (await findUser(tx, change.userId)) as User;
  });
}

export interface ProfileEdit {
  readonly displayName: string;
  readonly role: StaffRole;
  readonly departmentId: number | null;
}

/**
 * Changes a user's name, role and department, one audit line per changed field. The last active
 * administrator keeps the role; a department user keeps a department.
 */
export async function updateProfile(
  db: Db,
  userId: number,
  edit: ProfileEdit,
  actorId: number | null,
): Promise<{ user: User; changes: number }> {
  return inTransaction(db, async (tx) => {
    if (edit.role !== 'admin') await assertAnotherActiveAdmin(tx, userId);
    const before = await findUser(tx, userId);
    // A host administrator is no municipality's staff: the office's form cannot reach one.
    if (!before || before.role === 'host') throw noUser(userId);
    let departmentName: string | null = null;
    if (edit.departmentId !== null) {
      const [department] = await tx
        .select({ name: t.departments.name, municipalityId: t.departments.municipalityId })
        .from(t.departments)
        .where(eq(t.departments.id, edit.departmentId));
      // Another municipality's department is as good as none: its id says nothing to this one.
      if (!department || department.municipalityId !== before.municipalityId)
        throw new ShinchokuError('not-found', `There is no department ${edit.departmentId}.`);
      departmentName = department.name;
    }
    if (edit.role === 'department' && edit.departmentId === null) {
      throw new ShinchokuError('invalid', 'A department user needs a department.');
    }
    const changes = await auditUserFields(tx, actorId, before, [
      {
        field: 'displayName',
        changed: before.displayName !== edit.displayName,
        oldValue: before.displayName,
        newValue: edit.displayName,
      },
      { field: 'role', changed: before.role !== edit.role, oldValue: before.role, newValue: edit.role },
      {
        field: 'department',
        changed: before.departmentId !== edit.departmentId,
        oldValue: before.departmentName,
        newValue: departmentName,
      },
    ]);
    if (changes > 0) {
      await tx
        .update(t.users)
        .set({ displayName: edit.displayName, role: edit.role, departmentId: edit.departmentId })
        .where(eq(t.users.id, userId));
    }
    return { user: (await findUser(tx, userId)) as User, changes };
  });
}
