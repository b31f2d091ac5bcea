import { inArray } from 'drizzle-orm';
import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import type { Db } from '../../src/store/connect.ts';
import { comparedColumns } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import * as t from '../../src/store/schema.ts';

/** Editions written per INSERT: a few MB of frozen plan text at a time. */
const BATCH = 100;
/** Imports under way at once: each waits on the database most of the time (PGlite runs them in turn). */
const IMPORTS_AT_ONCE = 4;

export interface StoredNational {
  readonly plans: number;
  readonly importMs: number;
  readonly publishMs: number;
}

/**
 * Stores the plans (each imported whole, as `shinchoku import` does) and publishes edition 1 of `year`
 * for every one: the same row publishEdition writes (the plan as a plan file, frozen), but a hundred
 * rows to an INSERT instead of a transaction each, since nothing is being corrected or audited here.
 */
export async function storeNational(
  db: Db,
  plans: readonly Plan[],
  year: FiscalYear,
): Promise<StoredNational> {
  const start = performance.now();
  let next = 0;
  const importer = async () => {
    while (next < plans.length) {
      const plan = plans[next++];
      if (plan) await importPlan(db, plan);
    }
  };
  await Promise.all(Array.from({ length: IMPORTS_AT_ONCE }, importer));
  const imported = performance.now();
  for (let i = 0; i < plans.length; i += BATCH) {
    const batch = plans.slice(i, i + BATCH);
    const ids = await db
      .select({ id: t.plans.id, slug: t.plans.slug })
      .from(t.plans)
      .where(
        inArray(
          t.plans.slug,
          batch.map((p) => p.id ?? ''),
        ),
      );
    const idOf = new Map(ids.map((row) => [row.slug, row.id]));
    await db.insert(t.editions).values(
      batch.map((plan) => {
        const planId = idOf.get(plan.id ?? '');
        if (planId === undefined) throw new Error(`plan ${plan.id} was not stored`);
        return {
          planId,
          fiscalYear: year,
          number: 1,
          planYaml: planToYaml(plan),
          ...comparedColumns(plan, year, 1),
        };
      }),
    );
  }
  return { plans: plans.length, importMs: imported - start, publishMs: performance.now() - imported };
}
