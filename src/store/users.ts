import { and, asc, count, eq, isNotNull, type SQL } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { HOME_MUNICIPALITY_ID } from './schema.ts';
import { inTransaction } from './transaction.ts';

/** The roles of a municipality's staff, which its office gives and its forms offer. */
export type StaffRole = 'admin' | 'department' | 'committee';
export const ROLES: readonly StaffRole[] = ['admin', 'department', 'committee'];
/**
 * `host`: the host administrator of an installation serving many municipalities, who adds municipalities
 * and their first administrators and sees no municipality's data.
 */
export type Role = 'host' | StaffRole;
export const ALL_ROLES: readonly Role[] = ['host', ...ROLES];

export interface User {
  readonly id: number;
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  /** The municipality whose data the user works on; null only for a host administrator. */
  readonly municipalityId: number | null;
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
  /** The user's municipality (the installation's own when not given); ignored for a host administrator. */
  readonly municipalityId?: number;
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
  municipalityId: t.users.municipalityId,
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
    const municipalityId = input.role === 'host' ? null : (input.municipalityId ?? HOME_MUNICIPALITY_ID);
    let departmentId: number | null = null;
    if (input.departmentName && municipalityId !== null) {
      // A department's name is the municipality's own: two cities may each have a こども課.
      await tx
        .insert(t.departments)
        .values({ municipalityId, name: input.departmentName })
        .onConflictDoNothing({ target: [t.departments.municipalityId, t.departments.name] });
      const [dept] = await tx
        .select()
        .from(t.departments)
        .where(
          and(eq(t.departments.municipalityId, municipalityId), eq(t.departments.name, input.departmentName)),
        );
      departmentId = dept?.id ?? null;
    }
    const [row] = await tx
      .insert(t.users)
      .values({
        login: input.login,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        municipalityId,
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
      municipalityId,
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

/** A municipality's users, by login. */
export async function listUsers(db: Db, municipalityId: number): Promise<User[]> {
  return usersWhere(db, eq(t.users.municipalityId, municipalityId));
}

/** A municipality's administrators, by login: those a host administrator may disable or reset. */
export async function listAdministrators(db: Db, municipalityId: number): Promise<User[]> {
  return usersWhere(db, and(eq(t.users.municipalityId, municipalityId), eq(t.users.role, 'admin')));
}

/** Each municipality's administrators, all and not disabled, in one query: the host's list of every municipality. */
export async function administratorCounts(db: Db): Promise<Map<number, { all: number; active: number }>> {
  const rows = await db
    .select({ municipalityId: t.users.municipalityId, disabled: t.users.disabled, n: count() })
    .from(t.users)
    .where(and(eq(t.users.role, 'admin'), isNotNull(t.users.municipalityId)))
    .groupBy(t.users.municipalityId, t.users.disabled);
  const counts = new Map<number, { all: number; active: number }>();
  for (const row of rows) {
    if (row.municipalityId === null) continue;
    const entry = counts.get(row.municipalityId) ?? { all: 0, active: 0 };
    entry.all += row.n;
    if (!row.disabled) entry.active += row.n;
    counts.set(row.municipalityId, entry);
  }
  return counts;
}

/** The host administrators, by login. */
export async function listHostAdministrators(db: Db): Promise<User[]> {
  return usersWhere(db, eq(t.users.role, 'host'));
}

async function usersWhere(db: Db, where: SQL | undefined): Promise<User[]> {
  const rows = await db
    .select(userColumns)
    .from(t.users)
    .leftJoin(t.departments, eq(t.users.departmentId, t.departments.id))
    .where(where)
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
