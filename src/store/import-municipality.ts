import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from './audit.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { HOME_MUNICIPALITY_ID } from './schema.ts';

/**
 * The municipality with this code, added under the given name when it is not there yet: a host's bulk
 * import of many municipalities' plans. Two imports adding the same one at once meet on the unique code
 * and both get the one row. `code` must already be a verified code (core/municipality-code.ts).
 */
export async function municipalityForImport(
  db: Db,
  input: { readonly code: string; readonly name: string },
  actorId: number | null,
): Promise<number> {
  const [added] = await db
    .insert(t.municipalities)
    .values({ code: input.code, name: input.name })
    .onConflictDoNothing({ target: t.municipalities.code })
    .returning({ id: t.municipalities.id });
  if (added) {
    await recordAudit(db, {
      userId: actorId,
      planId: null,
      municipalityId: added.id,
      action: 'municipality.create',
      subject: input.code,
      field: 'name',
      newValue: input.name,
    });
    return added.id;
  }
  const [row] = await db
    .select({ id: t.municipalities.id })
    .from(t.municipalities)
    .where(eq(t.municipalities.code, input.code));
  if (!row) throw new Error(`municipality ${input.code} neither added nor found`);
  return row.id;
}

/**
 * Gives a municipality without a code the code a plan states (and its name, where it has none), if it still has none and no other holds
 * it: true when it took it. The update's condition decides, so of two imports at once one names it.
 */
export async function claimCode(
  db: Db,
  municipalityId: number,
  input: { readonly code: string; readonly name: string },
): Promise<boolean> {
  const { code } = input;
  const taken = await db
    .select({ id: t.municipalities.id })
    .from(t.municipalities)
    .where(eq(t.municipalities.code, code));
  if (taken.length > 0) return false;
  try {
    const named = await db
      .update(t.municipalities)
      // An unnamed one (row 1 before its first start) takes the plan's name with the code.
      .set({
        code,
        name: sql`case when ${t.municipalities.name} = '' then ${input.name} else ${t.municipalities.name} end`,
      })
      .where(and(eq(t.municipalities.id, municipalityId), isNull(t.municipalities.code)))
      .returning({ id: t.municipalities.id });
    return named.length > 0;
  } catch (error) {
    // Another import gave the code to another municipality between the look and the update.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The municipality whose data a user works on; a host's (none) is the installation's own. */
export async function userMunicipalityId(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ municipalityId: t.users.municipalityId })
    .from(t.users)
    .where(eq(t.users.id, userId));
  return row?.municipalityId ?? HOME_MUNICIPALITY_ID;
}
