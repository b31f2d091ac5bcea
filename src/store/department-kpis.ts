import { and, asc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { DecimalString } from '../core/decimal.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Db } from './connect.ts';
import type { FigureState } from '../core/evaluation.ts';
import { entryOf, planIdOf } from './plan-repository.ts';
import { reviewsOf, type Review } from './reviews.ts';
import * as t from './schema.ts';

export interface SeriesSheet {
  readonly position: number;
  readonly label: string | null;
  /** The series's own unit, or the KPI's: what a typed figure may end in. */
  readonly unit: string | null;
  readonly target: { readonly value: DecimalString; readonly year: FiscalYear };
  readonly baseline: DecimalString | null;
  readonly direction: string;
  readonly observation: {
    readonly entry: FigureEntry;
    readonly state: FigureState;
    readonly version: number;
  } | null;
}

/** One KPI as an editor sees it for one year: what is entered, what is missing, where its review stands. */
export interface KpiSheet {
  readonly key: string;
  readonly name: string;
  readonly unit: string | null;
  readonly goal: {
    readonly key: string;
    readonly number: number;
    readonly title: string;
    readonly kind: string;
  };
  readonly departmentId: number | null;
  readonly departmentName: string | null;
  readonly series: readonly SeriesSheet[];
  readonly assessment: {
    readonly status: string | null;
    readonly text: string;
    readonly version: number;
  } | null;
  readonly review: Review | null;
}

/**
 * The KPIs of a plan for a year, in the plan's order; with a department, only the KPIs it reports. The
 * filter is in the query, so a department's list can never show another's KPI by mistake.
 */
export async function kpiSheets(
  db: Db,
  planSlug: string,
  year: FiscalYear,
  filter: { departmentId?: number; kpiKey?: string } = {},
): Promise<KpiSheet[]> {
  const planId = await planIdOf(db, planSlug);
  const conditions: SQL[] = [eq(t.kpis.planId, planId)];
  if (filter.departmentId !== undefined) conditions.push(eq(t.kpis.departmentId, filter.departmentId));
  if (filter.kpiKey !== undefined) conditions.push(eq(t.kpis.key, filter.kpiKey));
  const kpiRows = await db
    .select({ kpi: t.kpis, goal: t.goals, department: t.departments.name })
    .from(t.kpis)
    .innerJoin(t.goals, eq(t.kpis.goalId, t.goals.id))
    .leftJoin(t.departments, eq(t.kpis.departmentId, t.departments.id))
    .where(and(...conditions))
    .orderBy(asc(t.kpis.position));
  if (kpiRows.length === 0) return [];
  const kpiIds = kpiRows.map((r) => r.kpi.id);
  const seriesRows = await db
    .select()
    .from(t.series)
    .where(inArray(t.series.kpiId, kpiIds))
    .orderBy(asc(t.series.position));
  const revisionRows = seriesRows.length
    ? await db
        .select()
        .from(t.seriesRevisions)
        .where(
          and(
            inArray(
              t.seriesRevisions.seriesId,
              seriesRows.map((s) => s.id),
            ),
            lte(t.seriesRevisions.fromYear, year),
          ),
        )
        .orderBy(asc(t.seriesRevisions.fromYear))
    : [];
  const observationRows = seriesRows.length
    ? await db
        .select()
        .from(t.observations)
        .where(
          and(
            inArray(
              t.observations.seriesId,
              seriesRows.map((s) => s.id),
            ),
            eq(t.observations.fiscalYear, year),
          ),
        )
    : [];
  const assessmentRows = await db
    .select()
    .from(t.assessments)
    .where(and(inArray(t.assessments.kpiId, kpiIds), eq(t.assessments.fiscalYear, year)));
  const reviews = await reviewsOf(db, planSlug, year);
  const observed = new Map(observationRows.map((o) => [o.seriesId, o]));
  return kpiRows.map(({ kpi, goal, department }) => {
    const assessment = assessmentRows.find((a) => a.kpiId === kpi.id);
    return {
      key: kpi.key,
      name: kpi.name,
      unit: kpi.unit,
      goal: { key: goal.key, number: goal.number, title: goal.title, kind: goal.kind },
      departmentId: kpi.departmentId,
      departmentName: department,
      series: seriesRows
        .filter((s) => s.kpiId === kpi.id)
        .map((s) => {
          const o = observed.get(s.id);
          return {
            position: s.position,
            label: s.label,
            unit: s.unit ?? kpi.unit,
            // The values in force in the year: a revision from this year or earlier replaces the plan's own.
            ...valuesInForce(
              s,
              revisionRows.filter((r) => r.seriesId === s.id),
            ),
            direction: s.direction,
            observation: o ? { entry: entryOf(o), state: o.state as FigureState, version: o.version } : null,
          };
        }),
      assessment: assessment
        ? { status: assessment.status, text: assessment.text, version: assessment.version }
        : null,
      review: reviews.get(kpi.key) ?? null,
    };
  });
}

/** What a sheet still lacks for the year: series without any entry, and whether the assessment is missing. */
export function missingOf(sheet: KpiSheet): { figures: number; assessment: boolean } {
  return {
    figures: sheet.series.filter((s) => s.observation === null).length,
    assessment: sheet.assessment === null || sheet.assessment.text.trim() === '',
  };
}

/** The target and baseline after the revisions given (those in force in the sheet's year), in year order. */
function valuesInForce(
  s: typeof t.series.$inferSelect,
  revisions: readonly (typeof t.seriesRevisions.$inferSelect)[],
): Pick<SeriesSheet, 'target' | 'baseline'> {
  let target = { value: s.targetValue as DecimalString, year: s.targetYear };
  let baseline = s.baselineValue as DecimalString | null;
  for (const r of revisions) {
    if (r.targetValue !== null && r.targetYear !== null) {
      target = { value: r.targetValue as DecimalString, year: r.targetYear };
    }
    if (r.baselineValue !== null) baseline = r.baselineValue as DecimalString;
  }
  return { target, baseline };
}
