import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

/** A file kept between two requests: its name and its bytes. */
export interface StashedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface StashLimits {
  /** How long a stash waits to be taken. */
  readonly keepMs: number;
  /** Stashes kept at most, everyone's together; the oldest are dropped first. */
  readonly maxStashes: number;
}

const tokenKey = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Keeps files for one user and returns the token that takes them back. Expired stashes and, past the
 * bound, the oldest are deleted first, in the same transaction, so the table holds at most maxStashes.
 */
export async function stashFiles(
  db: Db,
  userId: number,
  files: readonly StashedFile[],
  limits: StashLimits,
  now: Date,
): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + limits.keepMs);
  await inTransaction(db, async (tx) => {
    const s = t.uploadStash;
    await tx.delete(s).where(lte(s.expiresAt, now));
    const kept = await tx
      .selectDistinct({ token: s.token, expiresAt: s.expiresAt })
      .from(s)
      .orderBy(asc(s.expiresAt), asc(s.token));
    const excess = kept.length - (limits.maxStashes - 1);
    if (excess > 0) {
      const oldest = kept.slice(0, excess).map((k) => k.token);
      await tx.delete(s).where(inArray(s.token, oldest));
    }
    if (files.length === 0) return;
    await tx.insert(s).values(
      files.map((file, position) => ({
        token: tokenKey(token),
        userId,
        position,
        name: file.name,
        bytes: file.bytes,
        expiresAt,
      })),
    );
  });
  return token;
}

/**
 * The files under the token, if they are this user's and not expired, deleted as they are read: two
 * requests with one token (two processes, a double click) cannot both have them.
 */
export async function takeStash(
  db: Db,
  userId: number,
  token: string,
  now: Date,
): Promise<StashedFile[] | null> {
  if (token === '' || token.length > 100) return null;
  const s = t.uploadStash;
  const rows = await db
    .delete(s)
    .where(and(eq(s.token, tokenKey(token)), eq(s.userId, userId), gt(s.expiresAt, now)))
    .returning({ position: s.position, name: s.name, bytes: s.bytes });
  if (rows.length === 0) return null;
  return rows
    .sort((a, b) => a.position - b.position)
    .map((r) => ({ name: r.name, bytes: new Uint8Array(r.bytes) }));
}

/** Stashes kept now (for tests and the bound). */
export async function countStashes(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${t.uploadStash.token})::int` })
    .from(t.uploadStash);
  return row?.count ?? 0;
}
