import { ShinchokuError } from '../core/errors.ts';
import type { Plan } from '../core/plan.ts';
import type { Db } from '../store/connect.ts';
import { listPlans, loadStoredPlan } from '../store/plan-repository.ts';

/** The stored plan named, or the only one stored; anything else is a question for the person. */
export async function onlyStoredPlan(db: Db, requested: string | undefined): Promise<Plan & { id: string }> {
  if (requested) return withId(await loadStoredPlan(db, requested));
  const plans = await listPlans(db);
  const [only] = plans;
  if (!only || plans.length > 1) {
    throw new ShinchokuError(
      'usage',
      only
        ? `The database holds ${plans.length} plans; name one with --plan.`
        : 'The database holds no plan.',
      only
        ? `Plans: ${plans.map((p) => p.slug).join(', ')}`
        : 'Import one with `shinchoku import PLAN`, or name a plan file.',
    );
  }
  return withId(await loadStoredPlan(db, only.slug));
}

/** A plan that workbooks or open data can name: one with an id. */
export function withId(plan: Plan): Plan & { id: string } {
  if (plan.id === null) {
    throw new ShinchokuError(
      'invalid',
      'The plan has no id, so workbooks made from it could not be read back into the database.',
      'Add `id:` under `plan:` (lower-case letters, digits and hyphens).',
    );
  }
  return plan as Plan & { id: string };
}
