import { eq, inArray } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { Plan } from '../core/plan.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { entryColumns } from './plan-repository.ts';
import * as t from './schema.ts';

/** Storing a whole plan in one transaction: a new plan, or one that replaces the plan with the same id. */

export interface ImportOptions {
  /** Replace a plan already stored under the same id; without it, importing over one is refused. */
  readonly replace?: boolean;
  readonly actorId?: number | null;
}

/** Stores a plan whole, in one transaction: it is there completely or not at all. */
export async function importPlan(
  db: Db,
  plan: Plan,
  options: ImportOptions = {},
): Promise<{ slug: string; replaced: boolean }> {
  const slug = plan.id;
  if (!slug) {
    throw new ShinchokuError(
      'invalid',
      'The plan has no id, so it cannot be stored.',
      'Add `id:` under `plan:` (lower-case letters, digits and hyphens).',
    );
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: t.plans.id }).from(t.plans).where(eq(t.plans.slug, slug));
    if (existing && !options.replace) {
      throw new ShinchokuError(
        'plan-exists',
        `A plan with the id ${slug} is already stored.`,
        'Import with --replace to overwrite it.',
      );
    }
    const row = {
      title: plan.title,
      municipality: plan.municipality,
      periodFrom: plan.period.from,
      periodTo: plan.period.to,
      settings: plan.evaluation,
    };
    let planId: number;
    if (existing) {
      planId = existing.id;
      await tx.delete(t.goals).where(eq(t.goals.planId, planId));
      await tx
        .update(t.plans)
        .set({ ...row, updatedAt: new Date() })
        .where(eq(t.plans.id, planId));
    } else {
      const [inserted] = await tx
        .insert(t.plans)
        .values({ slug, ...row })
        .returning({ id: t.plans.id });
      planId = (inserted as { id: number }).id;
    }
    await insertContents(tx as unknown as Db, planId, plan);
    await recordAudit(tx as unknown as Db, {
      userId: options.actorId ?? null,
      planId,
      action: existing ? 'plan.replace' : 'plan.import',
      subject: slug,
    });
    return { slug, replaced: Boolean(existing) };
  });
}

async function departmentIds(db: Db, names: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  await db
    .insert(t.departments)
    .values(unique.map((name) => ({ name })))
    .onConflictDoNothing();
  const rows = await db.select().from(t.departments).where(inArray(t.departments.name, unique));
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function insertContents(db: Db, planId: number, plan: Plan): Promise<void> {
  const goalRows = await db
    .insert(t.goals)
    .values(
      plan.goals.map((g, i) => ({
        planId,
        key: g.id,
        kind: g.kind,
        number: g.number,
        title: g.title,
        position: i,
      })),
    )
    .returning({ id: t.goals.id, key: t.goals.key });
  const goalId = new Map(goalRows.map((r) => [r.key, r.id]));
  const kpis = [...plan.kpis.values()];
  const departments = await departmentIds(
    db,
    kpis.flatMap((k) => (k.department ? [k.department] : [])),
  );
  const kpiRows =
    kpis.length === 0
      ? []
      : await db
          .insert(t.kpis)
          .values(
            kpis.map((k, i) => ({
              planId,
              key: k.id,
              goalId: goalId.get(k.goalId) as number,
              name: k.name,
              category: [...k.category],
              unit: k.unit,
              departmentId: k.department ? (departments.get(k.department) ?? null) : null,
              direction: k.direction,
              position: i,
            })),
          )
          .returning({ id: t.kpis.id, key: t.kpis.key });
  const kpiId = new Map(kpiRows.map((r) => [r.key, r.id]));
  const listings = plan.goals.flatMap((g) =>
    g.kpiIds.map((id, position) => ({
      goalId: goalId.get(g.id) as number,
      kpiId: kpiId.get(id) as number,
      position,
    })),
  );
  if (listings.length > 0) await db.insert(t.goalKpis).values(listings);

  const seriesInput = kpis.flatMap((k) => k.series.map((s, position) => ({ kpi: k, s, position })));
  if (seriesInput.length === 0) return;
  const seriesRows = await db
    .insert(t.series)
    .values(
      seriesInput.map(({ kpi, s, position }) => ({
        kpiId: kpiId.get(kpi.id) as number,
        position,
        label: s.label,
        unit: s.unit,
        baselineValue: s.baseline?.value ?? null,
        baselineFrom: s.baseline?.span?.from ?? null,
        baselineTo: s.baseline?.span?.to ?? null,
        baselineQualifier: s.baseline?.span?.qualifier ?? null,
        targetValue: s.target.value,
        targetYear: s.target.year,
        direction: s.direction,
      })),
    )
    .returning({ id: t.series.id });
  const observations = seriesInput.flatMap(({ s }, i) =>
    [...s.actuals].map(([fiscalYear, entry]) => ({
      seriesId: (seriesRows[i] as { id: number }).id,
      fiscalYear,
      ...entryColumns(entry),
      state: s.provisional.has(fiscalYear) ? 'provisional' : 'final',
    })),
  );
  if (observations.length > 0) await db.insert(t.observations).values(observations);
  const milestones = seriesInput.flatMap(({ s }, i) =>
    [...s.milestones].map(([fiscalYear, value]) => ({
      seriesId: (seriesRows[i] as { id: number }).id,
      fiscalYear,
      value,
    })),
  );
  if (milestones.length > 0) await db.insert(t.milestones).values(milestones);
  const assessments = kpis.flatMap((k) =>
    [...k.assessments].map(([fiscalYear, a]) => ({
      kpiId: kpiId.get(k.id) as number,
      fiscalYear,
      status: a.status,
      text: a.text,
    })),
  );
  if (assessments.length > 0) await db.insert(t.assessments).values(assessments);
}
