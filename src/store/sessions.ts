import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { findUser, type User } from './users.ts';

export interface StoredSession {
  /** The SHA-256 of the cookie's token, never the token itself. */
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

const randomToken = (): string => randomBytes(32).toString('base64url');

/** The key a token is stored under: a copy of the table yields no token that a browser could present. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Opens a session; the token goes into the cookie and only its hash into the table. */
export async function createSession(
  db: Db,
  userId: number,
  expiresAt: Date,
): Promise<{ token: string; session: StoredSession }> {
  const token = randomToken();
  const session = { id: sessionIdOf(token), userId, csrfToken: randomToken(), expiresAt };
  await db.insert(t.sessions).values(session);
  return { token, session };
}

/** The live session a cookie's token names, with its user; null when expired, unknown or the user is disabled. */
export async function findSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ session: StoredSession; user: User } | null> {
  const [row] = await db
    .select({
      id: t.sessions.id,
      userId: t.sessions.userId,
      csrfToken: t.sessions.csrfToken,
      expiresAt: t.sessions.expiresAt,
    })
    .from(t.sessions)
    .where(and(eq(t.sessions.id, sessionIdOf(token)), gt(t.sessions.expiresAt, now)));
  if (!row) return null;
  const user = await findUser(db, row.userId);
  if (!user || user.disabled) return null;
  return { session: row, user };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(t.sessions).where(eq(t.sessions.id, id));
}

/** Signs a user out everywhere: used when an account is disabled. */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(t.sessions).where(eq(t.sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const removed = await db
    .delete(t.sessions)
    .where(lte(t.sessions.expiresAt, now))
    .returning({ id: t.sessions.id });
  return removed.length;
}
