import { count, countDistinct, eq, max } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

/**
 * The year departments are collecting figures for: the year after the latest published edition, or,
 * before anything is published, the year after the latest year every series has an entry for. A
 * department's first entries for a new year do not move it on, so everyone keeps working on one year.
 * Kept within the plan's period.
 */
export async function collectionYear(db: Db, planSlug: string): Promise<FiscalYear> {
  const [plan] = await db
    .select({ id: t.plans.id, from: t.plans.periodFrom, to: t.plans.periodTo })
    .from(t.plans)
    .where(eq(t.plans.slug, planSlug));
  if (!plan) throw new ShinchokuError('plan-not-found', `No plan has the id ${planSlug}.`);
  const [published] = await db
    .select({ year: max(t.editions.fiscalYear) })
    .from(t.editions)
    .where(eq(t.editions.planId, plan.id));
  const latest = published?.year ?? null;
  const next = latest !== null ? latest + 1 : await afterLatestComplete(db, plan.id);
  return Math.min(Math.max(next ?? plan.from, plan.from), plan.to);
}

async function afterLatestComplete(db: Db, planId: number): Promise<FiscalYear | null> {
  const [total] = await db
    .select({ n: count() })
    .from(t.series)
    .innerJoin(t.kpis, eq(t.series.kpiId, t.kpis.id))
    .where(eq(t.kpis.planId, planId));
  const perYear = await db
    .select({ year: t.observations.fiscalYear, n: countDistinct(t.observations.seriesId) })
    .from(t.observations)
    .innerJoin(t.series, eq(t.observations.seriesId, t.series.id))
    .innerJoin(t.kpis, eq(t.series.kpiId, t.kpis.id))
    .where(eq(t.kpis.planId, planId))
    .groupBy(t.observations.fiscalYear);
  const complete = perYear.filter((r) => r.n === total?.n).map((r) => r.year);
  return complete.length === 0 ? null : Math.max(...complete) + 1;
}
