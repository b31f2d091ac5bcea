import { asc, eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { prefectureOf, type Prefecture } from '../core/prefectures.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { isUniqueViolation } from './db-errors.ts';
import * as t from './schema.ts';
import { HOME_MUNICIPALITY_ID } from './schema.ts';
import { inTransaction } from './transaction.ts';

export { HOME_MUNICIPALITY_ID };

/** A municipality served by this installation: the tenant its plans, departments and users belong to. */
export interface Municipality {
  readonly id: number;
  /** The 全国地方公共団体コード, six digits; null only for the installation's own (row 1) until it is known. */
  readonly code: string | null;
  readonly name: string;
  readonly prefecture: Prefecture | null;
}

const columns = { id: t.municipalities.id, code: t.municipalities.code, name: t.municipalities.name };

function municipalityOf(row: { id: number; code: string | null; name: string }): Municipality {
  return { ...row, prefecture: row.code === null ? null : prefectureOf(row.code) };
}

export async function municipalityById(db: Db, id: number): Promise<Municipality | null> {
  const [row] = await db.select(columns).from(t.municipalities).where(eq(t.municipalities.id, id));
  return row ? municipalityOf(row) : null;
}

/** `code` must already be a verified code (core/municipality-code.ts). */
export async function municipalityByCode(db: Db, code: string): Promise<Municipality | null> {
  const [row] = await db.select(columns).from(t.municipalities).where(eq(t.municipalities.code, code));
  return row ? municipalityOf(row) : null;
}

/** Every municipality, by code (row 1 first while it has none). */
export async function listMunicipalities(db: Db): Promise<Municipality[]> {
  const rows = await db
    .select(columns)
    .from(t.municipalities)
    .orderBy(asc(t.municipalities.code), asc(t.municipalities.id));
  return rows.map(municipalityOf);
}

/**
 * Adds a municipality by its verified code. The unique code decides, not a look beforehand, so two hosts
 * adding the same one at once get one row and one conflict.
 */
export async function createMunicipality(
  db: Db,
  input: { readonly code: string; readonly name: string },
  actorId: number | null,
): Promise<Municipality> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(t.municipalities)
      .values({ code: input.code, name: input.name })
      .onConflictDoNothing({ target: t.municipalities.code })
      .returning(columns);
    if (!row) {
      throw new ShinchokuError('conflict', `The municipality ${input.code} already exists.`, null, [], {
        current: input.code,
      });
    }
    await recordAudit(tx, {
      userId: actorId,
      planId: null,
      // In the new municipality's own log too, so its office sees who added it and when.
      municipalityId: row.id,
      action: 'municipality.create',
      subject: input.code,
      field: 'name',
      newValue: input.name,
    });
    return municipalityOf(row);
  });
}

/** Why a municipality's code or name was not changed: data, so each interface words it. */
export type MunicipalityNameRefusal =
  /** Another municipality holds the code (the unique key decided, so two hosts at once get one). */
  | { readonly reason: 'code-taken'; readonly code: string }
  /** The municipality has a code already, and another was given: a code, once set, is its public address. */
  | { readonly reason: 'code-set'; readonly current: string };

/**
 * Names a municipality and gives it its code where it has none: how a host completes row 1 when the
 * installation was made a host before its first start, or corrects a name. A code is set once: it is
 * the municipality's public address (/municipalities/<code>) and what its plan files state, so a
 * different code for one that has a code is refused rather than moved. The row is locked, so two
 * changes at once take turns and each audit line's old value is the one it replaced. `code` must be
 * verified (core/municipality-code.ts); null leaves the code as it is.
 */
export async function nameMunicipality(
  db: Db,
  id: number,
  input: { readonly code: string | null; readonly name: string },
  actorId: number | null,
): Promise<
  { ok: true; municipality: Municipality; changes: number } | { ok: false; refusal: MunicipalityNameRefusal }
> {
  try {
    return await inTransaction(db, async (tx) => {
      const [before] = await tx
        .select(columns)
        .from(t.municipalities)
        .where(eq(t.municipalities.id, id))
        .for('update');
      if (!before) throw new ShinchokuError('not-found', `There is no municipality ${id}.`);
      if (input.code !== null && before.code !== null && before.code !== input.code) {
        return { ok: false as const, refusal: { reason: 'code-set' as const, current: before.code } };
      }
      const code = before.code ?? input.code;
      if (code !== before.code) {
        const [holder] = await tx
          .select({ id: t.municipalities.id })
          .from(t.municipalities)
          .where(eq(t.municipalities.code, code as string));
        if (holder)
          return { ok: false as const, refusal: { reason: 'code-taken' as const, code: code as string } };
      }
      const audit = (field: 'code' | 'name', oldValue: string | null, newValue: string | null) =>
        recordAudit(tx, {
          userId: actorId,
          planId: null,
          municipalityId: id,
          action: field === 'code' ? 'municipality.code' : 'municipality.rename',
          subject: code ?? '',
          field,
          oldValue,
          newValue,
        });
      let changes = 0;
      if (code !== before.code) {
        await audit('code', before.code, code);
        changes++;
      }
      if (input.name !== before.name) {
        await audit('name', before.name === '' ? null : before.name, input.name);
        changes++;
      }
      if (changes === 0) return { ok: true as const, municipality: municipalityOf(before), changes };
      const [row] = await tx
        .update(t.municipalities)
        .set({ code, name: input.name })
        .where(eq(t.municipalities.id, id))
        .returning(columns);
      return { ok: true as const, municipality: municipalityOf(row ?? before), changes };
    });
  } catch (error) {
    // Another municipality took the code between the look and the update (its own transaction committed).
    if (input.code !== null && isUniqueViolation(error)) {
      return { ok: false, refusal: { reason: 'code-taken', code: input.code } };
    }
    throw error;
  }
}

/**
 * Names the installation's own municipality (row 1) where it is still unnamed or without a code: the
 * first start does this from the sample plan, so a single-municipality installation never asks.
 */
export async function nameHomeMunicipality(
  db: Db,
  input: { readonly code: string | null; readonly name: string },
): Promise<void> {
  const [home] = await db
    .select(columns)
    .from(t.municipalities)
    .where(eq(t.municipalities.id, HOME_MUNICIPALITY_ID));
  if (!home) return;
  // A code another municipality already holds stays with it; row 1 then keeps none.
  const taken = input.code !== null && (await municipalityByCode(db, input.code)) !== null;
  const code = home.code ?? (taken ? null : input.code);
  const name = home.name === '' ? input.name : home.name;
  if (code === home.code && name === home.name) return;
  await db.update(t.municipalities).set({ code, name }).where(eq(t.municipalities.id, HOME_MUNICIPALITY_ID));
}
