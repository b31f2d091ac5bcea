import { and, eq, inArray } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { Plan } from '../core/plan.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { entryColumns } from './plan-repository.ts';
import { revisionColumns } from './revision-rows.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';
import { batchesOf, inBatches, insertInBatches } from './batches.ts';
import { storedTranslation } from './plan-translation.ts';
import { assessmentForms, seriesForms } from './stored-forms.ts';

/** Storing a whole plan in one transaction: a new plan, or one that replaces the plan with the same id. */

export interface ImportOptions {
  /** Replace a plan already stored under the same id; without it, importing over one is refused. */
  readonly replace?: boolean;
  readonly actorId?: number | null;
  /** The municipality the plan belongs to: the installation's own (row 1) when not given. */
  readonly municipalityId?: number;
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
  const exists = () =>
    new ShinchokuError(
      'plan-exists',
      `A plan with the id ${slug} is already stored.`,
      'Import with --replace to overwrite it.',
    );
  const municipalityId = options.municipalityId ?? t.HOME_MUNICIPALITY_ID;
  // Slugs are every municipality's public addresses: one used by another municipality is not this one's to replace.
  const otherMunicipality = () =>
    new ShinchokuError(
      'plan-exists',
      `Another municipality's plan has the id ${slug}.`,
      'Give the plan another id.',
      [],
      { reason: 'other-municipality' },
    );
  return inTransaction(db, async (tx) => {
    const row = {
      municipalityId,
      title: plan.title,
      municipality: plan.municipality,
      periodFrom: plan.period.from,
      periodTo: plan.period.to,
      settings: plan.evaluation,
      translation: storedTranslation(plan.translation),
      municipalityCode: plan.municipalityCode ?? null,
      population: plan.population ?? null,
    };
    // The plan's row is locked, so two imports of the same id take turns instead of interleaving.
    let stored = await storedPlan(tx, slug);
    let planId: number | null = null;
    if (stored === null) {
      const [inserted] = await tx
        .insert(t.plans)
        .values({ slug, ...row })
        .onConflictDoNothing({ target: t.plans.slug })
        .returning({ id: t.plans.id });
      // Null when another import of the same id committed since the look above: it is there now.
      if (inserted) planId = inserted.id;
      else stored = await storedPlan(tx, slug);
    }
    if (stored !== null && stored.municipalityId !== municipalityId) throw otherMunicipality();
    const existing = stored?.id ?? null;
    if (existing !== null) {
      if (!options.replace) throw exists();
      planId = existing;
      await tx.delete(t.goals).where(eq(t.goals.planId, planId));
      await tx
        .update(t.plans)
        .set({ ...row, updatedAt: new Date() })
        .where(eq(t.plans.id, planId));
    }
    if (planId === null) throw exists();
    await insertContents(tx, planId, plan, municipalityId);
    await recordAudit(tx, {
      userId: options.actorId ?? null,
      planId,
      action: existing !== null ? 'plan.replace' : 'plan.import',
      subject: slug,
    });
    return { slug, replaced: existing !== null };
  });
}

async function storedPlan(db: Db, slug: string): Promise<{ id: number; municipalityId: number } | null> {
  const [row] = await db
    .select({ id: t.plans.id, municipalityId: t.plans.municipalityId })
    .from(t.plans)
    .where(eq(t.plans.slug, slug))
    .for('update');
  return row ?? null;
}

/**
 * The ids of the departments KPIs name, adding the new ones. Names go in sorted, so two imports adding
 * the same departments take the same locks in the same order and cannot deadlock.
 */
async function departmentIds(
  db: Db,
  municipalityId: number,
  names: readonly string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(names)].sort();
  const ids = new Map<string, number>();
  for (const batch of batchesOf(unique.map((name) => ({ municipalityId, name })))) {
    await db
      .insert(t.departments)
      .values(batch)
      .onConflictDoNothing({ target: [t.departments.municipalityId, t.departments.name] });
    const rows = await db
      .select()
      .from(t.departments)
      .where(
        and(
          eq(t.departments.municipalityId, municipalityId),
          inArray(
            t.departments.name,
            batch.map((b) => b.name),
          ),
        ),
      );
    for (const r of rows) ids.set(r.name, r.id);
  }
  return ids;
}

async function insertContents(db: Db, planId: number, plan: Plan, municipalityId: number): Promise<void> {
  const goalRows = await inBatches(
    plan.goals.map((g, i) => ({
      planId,
      key: g.id,
      kind: g.kind,
      number: g.number,
      title: g.title,
      position: i,
    })),
    (batch) => db.insert(t.goals).values(batch).returning({ id: t.goals.id, key: t.goals.key }),
  );
  const goalId = new Map(goalRows.map((r) => [r.key, r.id]));
  const kpis = [...plan.kpis.values()];
  const departments = await departmentIds(
    db,
    municipalityId,
    kpis.flatMap((k) => (k.department ? [k.department] : [])),
  );
  const kpiRows = await inBatches(
    kpis.map((k, i) => ({
      planId,
      key: k.id,
      goalId: goalId.get(k.goalId) as number,
      name: k.name,
      category: [...k.category],
      unit: k.unit,
      departmentId: k.department ? (departments.get(k.department) ?? null) : null,
      direction: k.direction,
      indicator: k.indicator ?? null,
      position: i,
    })),
    (batch) => db.insert(t.kpis).values(batch).returning({ id: t.kpis.id, key: t.kpis.key }),
  );
  const kpiId = new Map(kpiRows.map((r) => [r.key, r.id]));
  const listings = plan.goals.flatMap((g) =>
    g.kpiIds.map((id, position) => ({
      goalId: goalId.get(g.id) as number,
      kpiId: kpiId.get(id) as number,
      position,
    })),
  );
  await insertInBatches(listings, (batch) => db.insert(t.goalKpis).values(batch));

  const seriesInput = kpis.flatMap((k) => k.series.map((s, position) => ({ kpi: k, s, position })));
  const seriesRows = await inBatches(
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
      forms: seriesForms(s),
    })),
    (batch) =>
      db
        .insert(t.series)
        .values(batch)
        .returning({ id: t.series.id, kpiId: t.series.kpiId, position: t.series.position }),
  );
  // By (KPI, position), the series's unique key: no reliance on the order rows come back in.
  const seriesId = new Map(seriesRows.map((r) => [`${r.kpiId}/${r.position}`, r.id]));
  const idOf = (kpi: string, position: number) =>
    seriesId.get(`${kpiId.get(kpi) as number}/${position}`) as number;
  const observations = seriesInput.flatMap(({ kpi, s, position }) =>
    [...s.actuals].map(([fiscalYear, entry]) => ({
      seriesId: idOf(kpi.id, position),
      fiscalYear,
      ...entryColumns(entry),
      state: s.provisional.has(fiscalYear) ? 'provisional' : 'final',
    })),
  );
  await insertInBatches(observations, (batch) => db.insert(t.observations).values(batch));
  const milestones = seriesInput.flatMap(({ kpi, s, position }) =>
    [...s.milestones].map(([fiscalYear, value]) => ({
      seriesId: idOf(kpi.id, position),
      fiscalYear,
      value,
    })),
  );
  await insertInBatches(milestones, (batch) => db.insert(t.milestones).values(batch));
  const revisions = seriesInput.flatMap(({ kpi, s, position }) =>
    s.revisions.map((r) => ({ seriesId: idOf(kpi.id, position), ...revisionColumns(r) })),
  );
  await insertInBatches(revisions, (batch) => db.insert(t.seriesRevisions).values(batch));
  const assessments = kpis.flatMap((k) =>
    [...k.assessments].map(([fiscalYear, a]) => ({
      kpiId: kpiId.get(k.id) as number,
      fiscalYear,
      status: a.status,
      text: a.text,
      forms: assessmentForms(a),
    })),
  );
  await insertInBatches(assessments, (batch) => db.insert(t.assessments).values(batch));
}
