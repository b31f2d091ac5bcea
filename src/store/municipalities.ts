import { asc, eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { prefectureOf, type Prefecture } from '../core/prefectures.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
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
      action: 'municipality.create',
      subject: input.code,
    });
    return municipalityOf(row);
  });
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
