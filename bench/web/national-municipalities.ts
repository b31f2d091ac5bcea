import { inArray } from 'drizzle-orm';
import type { Plan } from '../../src/core/plan.ts';
import type { Db } from '../../src/store/connect.ts';
import * as t from '../../src/store/schema.ts';
import { municipalityCodes } from '../data/national-municipalities.ts';

/** Rows per INSERT or UPDATE batch. */
const BATCH = 200;

/**
 * Gives each stored national plan its municipality: one row per code (named as the plan names its
 * municipality), and the plan's municipality_id set to it. The plans must be stored already.
 */
export async function assignMunicipalities(db: Db, plans: readonly Plan[]): Promise<number> {
  const codes = municipalityCodes(plans.length);
  const pairs = codes.map((code, i) => ({ code, plan: plans[i] as Plan }));
  for (let i = 0; i < pairs.length; i += BATCH) {
    const batch = pairs.slice(i, i + BATCH);
    const rows = await db
      .insert(t.municipalities)
      .values(batch.map((p) => ({ code: p.code, name: p.plan.municipality })))
      .onConflictDoNothing({ target: t.municipalities.code })
      .returning({ id: t.municipalities.id, code: t.municipalities.code });
    const known = await db
      .select({ id: t.municipalities.id, code: t.municipalities.code })
      .from(t.municipalities)
      .where(
        inArray(
          t.municipalities.code,
          batch.map((p) => p.code),
        ),
      );
    const idOf = new Map([...rows, ...known].map((r) => [r.code, r.id]));
    for (const pair of batch) {
      const id = idOf.get(pair.code);
      if (id === undefined) throw new Error(`municipality ${pair.code} was not stored`);
      await db
        .update(t.plans)
        .set({ municipalityId: id })
        .where(inArray(t.plans.slug, [pair.plan.id ?? '']));
    }
  }
  return codes.length;
}
