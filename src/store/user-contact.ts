import { and, eq, inArray } from 'drizzle-orm';
import type { EmailAddress } from '../core/email-address.ts';
import { ShinchokuError } from '../core/errors.ts';
import { auditUserFields } from './audit.ts';
import type { Lang } from '../core/language.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

/** The language of a user's mail: one of the languages every output is written in. */
export type MailLang = Lang;

export interface Contact {
  readonly email: EmailAddress | null;
  readonly mailLang: MailLang;
}

export async function contactOf(db: Db, userId: number): Promise<Contact> {
  const [row] = await db
    .select({ email: t.users.email, mailLang: t.users.mailLang })
    .from(t.users)
    .where(eq(t.users.id, userId));
  if (!row) throw new ShinchokuError('not-found', `There is no user ${userId}.`);
  return { email: row.email as EmailAddress | null, mailLang: row.mailLang === 'en' ? 'en' : 'ja' };
}

/** Sets a user's address and mail language, one audit line per changed field; the count of changes. */
export async function setContact(
  db: Db,
  userId: number,
  contact: Contact,
  actorId: number | null,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx
      .select({
        login: t.users.login,
        municipalityId: t.users.municipalityId,
        email: t.users.email,
        mailLang: t.users.mailLang,
      })
      .from(t.users)
      .where(eq(t.users.id, userId))
      .for('update');
    if (!before) throw new ShinchokuError('not-found', `There is no user ${userId}.`);
    const changes = await auditUserFields(tx, actorId, before, [
      {
        field: 'email',
        changed: before.email !== contact.email,
        oldValue: before.email,
        newValue: contact.email,
      },
      {
        field: 'mailLang',
        changed: before.mailLang !== contact.mailLang,
        oldValue: before.mailLang,
        newValue: contact.mailLang,
      },
    ]);
    if (changes > 0)
      await tx
        .update(t.users)
        .set({ email: contact.email, mailLang: contact.mailLang })
        .where(eq(t.users.id, userId));
    return changes;
  });
}

export interface DepartmentMember {
  readonly userId: number;
  readonly displayName: string;
  readonly departmentId: number;
  readonly email: EmailAddress | null;
  readonly mailLang: MailLang;
}

/** The active users of some departments: who a reminder goes to. */
export async function departmentMembers(
  db: Db,
  departmentIds: readonly number[],
): Promise<DepartmentMember[]> {
  if (departmentIds.length === 0) return [];
  const rows = await db
    .select({
      userId: t.users.id,
      displayName: t.users.displayName,
      departmentId: t.users.departmentId,
      email: t.users.email,
      mailLang: t.users.mailLang,
    })
    .from(t.users)
    .where(
      and(
        inArray(t.users.departmentId, [...departmentIds]),
        eq(t.users.disabled, false),
        eq(t.users.role, 'department'),
      ),
    )
    .orderBy(t.users.id);
  return rows.map((r) => ({
    ...r,
    departmentId: r.departmentId ?? 0,
    email: r.email as EmailAddress | null,
    mailLang: r.mailLang === 'en' ? 'en' : 'ja',
  }));
}
