import { asc, eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export type Role = 'admin' | 'department' | 'committee';
export const ROLES: readonly Role[] = ['admin', 'department', 'committee'];

export interface User {
  readonly id: number;
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  readonly departmentId: number | null;
  readonly departmentName: string | null;
  readonly disabled: boolean;
  /** The password is one someone else knows: every staff page leads to the change-password page. */
  readonly mustChangePassword: boolean;
}

export interface NewUser {
  readonly login: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
  /** Required for a department user: the 担当課 whose KPIs they may edit. */
  readonly departmentName?: string | null;
  /** For a password someone else chose or saw: the user must replace it at the first sign-in. */
  readonly mustChangePassword?: boolean;
}

const MIN_PASSWORD = 12;

const userColumns = {
  id: t.users.id,
  login: t.users.login,
  displayName: t.users.displayName,
  role: t.users.role,
  departmentId: t.users.departmentId,
  departmentName: t.departments.name,
  disabled: t.users.disabled,
  mustChangePassword: t.users.mustChangePassword,
};

export async function createUser(db: Db, input: NewUser, actorId: number | null): Promise<User> {
  if (!/^[a-z0-9._-]{3,40}$/.test(input.login)) {
    throw new ShinchokuError(
      'invalid',
      'A login is 3–40 lower-case letters, digits, dots, hyphens or underscores.',
    );
  }
  if (input.password.length < MIN_PASSWORD) {
    throw new ShinchokuError('invalid', `A password needs at least ${MIN_PASSWORD} characters.`);
  }
  if (input.role === 'department' && !input.departmentName) {
    throw new ShinchokuError('invalid', 'A department user needs a department.');
  }
  const passwordHash = await hashPassword(input.password);
  const taken = () =>
    new ShinchokuError('conflict', `The login ${input.login} is taken.`, 'Choose another login.');
  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: t.users.id })
      .from(t.users)
      .where(eq(t.users.login, input.login));
    if (existing) throw taken();
    let departmentId: number | null = null;
    if (input.departmentName) {
      await tx.insert(t.departments).values({ name: input.departmentName }).onConflictDoNothing();
      const [dept] = await tx
        .select()
        .from(t.departments)
        .where(eq(t.departments.name, input.departmentName));
      departmentId = dept?.id ?? null;
    }
    const [row] = await tx
      .insert(t.users)
      .values({
        login: input.login,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        departmentId,
        mustChangePassword: input.mustChangePassword ?? false,
      })
      // Two creations of the same login at once both find it free; the unique key decides.
      .onConflictDoNothing({ target: t.users.login })
      .returning({ id: t.users.id });
    if (!row) throw taken();
    const id = row.id;
    await recordAudit(tx, {
      userId: actorId,
      planId: null,
      action: 'user.create',
      subject: input.login,
      field: 'role',
      newValue: input.role,
    });
    return (await findUser(tx, id)) as User;
  });
}

export async function findUser(db: Db, id: number): Promise<User | null> {
  const [row] = await db
    .select(userColumns)
    .from(t.users)
    .leftJoin(t.departments, eq(t.users.departmentId, t.departments.id))
    .where(eq(t.users.id, id));
  return row ? { ...row, role: row.role as Role } : null;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db
    .select(userColumns)
    .from(t.users)
    .leftJoin(t.departments, eq(t.users.departmentId, t.departments.id))
    .orderBy(asc(t.users.login));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function countUsers(db: Db): Promise<number> {
  return (await db.select({ id: t.users.id }).from(t.users)).length;
}

/** The user for a login and password, or null; the same work is done for an unknown login, so timing tells nothing. */
export async function authenticate(db: Db, login: string, password: string): Promise<User | null> {
  const [row] = await db
    .select({ id: t.users.id, hash: t.users.passwordHash, disabled: t.users.disabled })
    .from(t.users)
    .where(eq(t.users.login, login));
  const ok = await verifyPassword(password, row?.hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled) return null;
  return findUser(db, row.id);
}

// A real scrypt hash of a random password, so a missing login costs as much as a wrong password.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
