import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

export type MailKind = 'reminder' | 'notice';

export interface MailAttempt {
  readonly kind: MailKind;
  readonly recipient: string;
  readonly ok: boolean;
  readonly error: string | null;
}

export interface LoggedMail extends MailAttempt {
  readonly at: Date;
}

/** Longer answers from a mail server are cut: the log says what happened, not the whole conversation. */
const MAX_ERROR = 300;

export async function logMail(db: Db, attempt: MailAttempt): Promise<void> {
  await db.insert(t.mailLog).values({ ...attempt, error: attempt.error?.slice(0, MAX_ERROR) ?? null });
}

/**
 * The latest attempts to a municipality's users, newest first; with `failedOnly`, the failures the office
 * should know of. Mails go to users, so a municipality's are those to its users' addresses.
 */
export async function recentMail(
  db: Db,
  municipalityId: number,
  limit: number,
  failedOnly = false,
): Promise<LoggedMail[]> {
  const addresses = db
    .select({ email: t.users.email })
    .from(t.users)
    .where(eq(t.users.municipalityId, municipalityId));
  const own = inArray(t.mailLog.recipient, addresses);
  const query = db
    .select({
      at: t.mailLog.at,
      kind: t.mailLog.kind,
      recipient: t.mailLog.recipient,
      ok: t.mailLog.ok,
      error: t.mailLog.error,
    })
    .from(t.mailLog);
  const rows = await query
    .where(failedOnly ? and(own, eq(t.mailLog.ok, false)) : own)
    .orderBy(desc(t.mailLog.at), desc(t.mailLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, kind: r.kind as MailKind }));
}
