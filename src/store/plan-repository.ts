import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DecimalString } from '../core/decimal.ts';
import { ShinchokuError } from '../core/errors.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Assessment, Direction, Goal, GoalKind, Kpi, Plan, Series } from '../core/plan.ts';
import type { EvaluationSettings } from '../core/settings.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

export interface PlanSummary {
  readonly slug: string;
  readonly title: string;
  readonly municipality: string;
  readonly periodFrom: FiscalYear;
  readonly periodTo: FiscalYear;
}

export async function listPlans(db: Db): Promise<PlanSummary[]> {
  return db
    .select({
      slug: t.plans.slug,
      title: t.plans.title,
      municipality: t.plans.municipality,
      periodFrom: t.plans.periodFrom,
      periodTo: t.plans.periodTo,
    })
    .from(t.plans)
    .orderBy(asc(t.plans.municipality), asc(t.plans.periodFrom), asc(t.plans.slug));
}

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

export function entryColumns(entry: FigureEntry): {
  kind: string;
  value: string | null;
  reason: string | null;
} {
  if (entry.kind === 'value') return { kind: 'value', value: entry.value, reason: null };
  if (entry.kind === 'missing') return { kind: 'missing', value: null, reason: entry.reason };
  return { kind: 'none', value: null, reason: null };
}

export function entryOf(row: { kind: string; value: string | null; reason: string | null }): FigureEntry {
  if (row.kind === 'value') return { kind: 'value', value: row.value as DecimalString };
  if (row.kind === 'missing') return { kind: 'missing', reason: row.reason ?? '' };
  return { kind: 'none' };
}

export async function planIdOf(db: Db, slug: string): Promise<number> {
  const [row] = await db.select({ id: t.plans.id }).from(t.plans).where(eq(t.plans.slug, slug));
  if (!row)
    throw new ShinchokuError(
      'plan-not-found',
      `No plan has the id ${slug}.`,
      'Run `shinchoku import` first, or check the id.',
    );
  return row.id;
}

/** Reads a stored plan back into the core model, exactly as it was imported or edited since. */
export async function loadStoredPlan(db: Db, slug: string): Promise<Plan> {
  const [plan] = await db.select().from(t.plans).where(eq(t.plans.slug, slug));
  if (!plan)
    throw new ShinchokuError(
      'plan-not-found',
      `No plan has the id ${slug}.`,
      'Run `shinchoku import` first, or check the id.',
    );
  const goalRows = await db
    .select()
    .from(t.goals)
    .where(eq(t.goals.planId, plan.id))
    .orderBy(asc(t.goals.position));
  const kpiRows = await db
    .select({ kpi: t.kpis, department: t.departments.name })
    .from(t.kpis)
    .leftJoin(t.departments, eq(t.kpis.departmentId, t.departments.id))
    .where(eq(t.kpis.planId, plan.id))
    .orderBy(asc(t.kpis.position));
  const kpiIds = kpiRows.map((r) => r.kpi.id);
  const goalIds = goalRows.map((g) => g.id);
  const listings = goalIds.length
    ? await db
        .select()
        .from(t.goalKpis)
        .where(inArray(t.goalKpis.goalId, goalIds))
        .orderBy(asc(t.goalKpis.position))
    : [];
  const seriesRows = kpiIds.length
    ? await db
        .select()
        .from(t.series)
        .where(inArray(t.series.kpiId, kpiIds))
        .orderBy(asc(t.series.kpiId), asc(t.series.position))
    : [];
  const seriesIds = seriesRows.map((s) => s.id);
  const observationRows = seriesIds.length
    ? await db
        .select()
        .from(t.observations)
        .where(inArray(t.observations.seriesId, seriesIds))
        .orderBy(asc(t.observations.fiscalYear))
    : [];
  const milestoneRows = seriesIds.length
    ? await db
        .select()
        .from(t.milestones)
        .where(inArray(t.milestones.seriesId, seriesIds))
        .orderBy(asc(t.milestones.fiscalYear))
    : [];
  const assessmentRows = kpiIds.length
    ? await db
        .select()
        .from(t.assessments)
        .where(inArray(t.assessments.kpiId, kpiIds))
        .orderBy(asc(t.assessments.fiscalYear))
    : [];

  const goalKey = new Map(goalRows.map((g) => [g.id, g.key]));
  const kpiKey = new Map(kpiRows.map((r) => [r.kpi.id, r.kpi.key]));
  const seriesOf = (id: number): Series[] =>
    seriesRows
      .filter((s) => s.kpiId === id)
      .map((s) => {
        const observed = observationRows.filter((o) => o.seriesId === s.id);
        return {
          label: s.label,
          unit: s.unit,
          baseline:
            s.baselineValue === null
              ? null
              : {
                  value: s.baselineValue as DecimalString,
                  span:
                    s.baselineFrom === null || s.baselineTo === null
                      ? null
                      : { from: s.baselineFrom, to: s.baselineTo, qualifier: s.baselineQualifier ?? '' },
                },
          target: { value: s.targetValue as DecimalString, year: s.targetYear },
          direction: s.direction as Direction,
          actuals: new Map(observed.map((o) => [o.fiscalYear, entryOf(o)])),
          provisional: new Set(observed.filter((o) => o.state === 'provisional').map((o) => o.fiscalYear)),
          milestones: new Map(
            milestoneRows
              .filter((m) => m.seriesId === s.id)
              .map((m) => [m.fiscalYear, m.value as DecimalString]),
          ),
        };
      });
  const kpis = new Map<string, Kpi>(
    kpiRows.map(({ kpi, department }) => [
      kpi.key,
      {
        id: kpi.key,
        name: kpi.name,
        goalId: goalKey.get(kpi.goalId) ?? '',
        category: kpi.category as string[],
        unit: kpi.unit,
        department,
        direction: kpi.direction as Direction | null,
        series: seriesOf(kpi.id),
        assessments: new Map<FiscalYear, Assessment>(
          assessmentRows
            .filter((a) => a.kpiId === kpi.id)
            .map((a) => [a.fiscalYear, { status: a.status, text: a.text }]),
        ),
      },
    ]),
  );
  const goals: Goal[] = goalRows.map((g) => ({
    id: g.key,
    kind: g.kind as GoalKind,
    number: g.number,
    title: g.title,
    kpiIds: listings.filter((l) => l.goalId === g.id).map((l) => kpiKey.get(l.kpiId) ?? ''),
  }));
  return {
    id: plan.slug,
    title: plan.title,
    municipality: plan.municipality,
    period: { from: plan.periodFrom, to: plan.periodTo },
    evaluation: plan.settings as EvaluationSettings,
    goals,
    kpis,
  };
}

/** The KPI row for a plan's KPI key, for the edits that address one. */
export async function kpiRow(db: Db, planId: number, key: string) {
  const [row] = await db
    .select()
    .from(t.kpis)
    .where(and(eq(t.kpis.planId, planId), eq(t.kpis.key, key)));
  if (!row) throw new ShinchokuError('not-found', `The plan has no KPI ${key}.`);
  return row;
}
