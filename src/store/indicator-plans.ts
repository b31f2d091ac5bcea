/**
 * The comparison's reads: which plans tag a common indicator (through the kpis_indicator index), with
 * the edition each has on the public pages for a year. The candidates come from the stored plan's tags;
 * the edition's frozen plan then decides (the web's indicator rows read the tag and the population from
 * it), so a tag added after publication never shows an unpublished figure.
 */
import { and, countDistinct, desc, eq, inArray, isNotNull, isNull, like, max, sql } from 'drizzle-orm';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { IndicatorCode } from '../core/indicators.ts';
import type { TaggedFigure } from '../core/indicator-figures.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

export interface IndicatorPlan {
  readonly planId: number;
  readonly slug: string;
  readonly title: string;
  readonly municipality: string;
  /** The plan's own code, else its municipality's; null where neither is known. */
  readonly municipalityCode: string | null;
  /** The latest edition of the year on the public pages. */
  readonly number: number;
  /** Its tagged figures as kept when published; null for an edition published before they were kept. */
  readonly figures: readonly TaggedFigure[] | null;
}

const code = sql<string | null>`coalesce(${t.plans.municipalityCode}, ${t.municipalities.code})`;

const published = (year: FiscalYear) =>
  and(eq(t.editions.planId, t.plans.id), eq(t.editions.fiscalYear, year), isNull(t.editions.withdrawnAt));

/**
 * The plans tagging the indicator with an edition of the year on the public pages, each with that
 * year's latest edition, in the prefecture (two digits) or the nation (null), by code then slug.
 */
export async function indicatorPlans(
  db: Db,
  indicator: IndicatorCode,
  year: FiscalYear,
  prefecture: string | null,
): Promise<IndicatorPlan[]> {
  const tagged = db
    .selectDistinct({ planId: t.kpis.planId })
    .from(t.kpis)
    .where(eq(t.kpis.indicator, indicator))
    .as('tagged');
  const rows = await db
    .select({
      planId: t.plans.id,
      slug: t.plans.slug,
      title: t.plans.title,
      municipality: t.plans.municipality,
      municipalityCode: code,
      number: max(t.editions.number),
    })
    .from(tagged)
    .innerJoin(t.plans, eq(t.plans.id, tagged.planId))
    .innerJoin(t.municipalities, eq(t.municipalities.id, t.plans.municipalityId))
    .innerJoin(t.editions, published(year))
    .where(prefecture === null ? undefined : like(code, `${prefecture}%`))
    .groupBy(t.plans.id, t.municipalities.code)
    .orderBy(sql`${code} nulls last`, t.plans.slug);
  if (rows.length === 0) return [];
  // The editions' kept figures, in one more query: the group above cannot carry the latest edition's column.
  const kept = await db
    .select({ planId: t.editions.planId, number: t.editions.number, figures: t.editions.indicatorFigures })
    .from(t.editions)
    .where(
      and(
        eq(t.editions.fiscalYear, year),
        isNull(t.editions.withdrawnAt),
        isNotNull(t.editions.indicatorFigures),
        inArray(
          t.editions.planId,
          rows.map((r) => r.planId),
        ),
      ),
    );
  const figuresOf = new Map(kept.map((k) => [`${k.planId}/${k.number}`, k.figures as TaggedFigure[]]));
  return rows.flatMap((row) =>
    row.number === null
      ? []
      : [{ ...row, number: row.number, figures: figuresOf.get(`${row.planId}/${row.number}`) ?? null }],
  );
}

/** The years with an edition on the public pages among the plans tagging the indicator, newest first. */
export async function indicatorYears(db: Db, indicator: IndicatorCode): Promise<FiscalYear[]> {
  const rows = await db
    .selectDistinct({ year: t.editions.fiscalYear })
    .from(t.kpis)
    .innerJoin(t.editions, and(eq(t.editions.planId, t.kpis.planId), isNull(t.editions.withdrawnAt)))
    .where(eq(t.kpis.indicator, indicator))
    .orderBy(desc(t.editions.fiscalYear));
  return rows.map((r) => r.year);
}

/** How many plans with a published edition tag each indicator (the list of indicators). */
export async function indicatorCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ indicator: t.kpis.indicator, plans: countDistinct(t.kpis.planId) })
    .from(t.kpis)
    .where(
      and(
        isNotNull(t.kpis.indicator),
        sql`exists (select 1 from ${t.editions} where ${t.editions.planId} = ${t.kpis.planId} and ${t.editions.withdrawnAt} is null)`,
      ),
    )
    .groupBy(t.kpis.indicator);
  return new Map(rows.flatMap((r) => (r.indicator === null ? [] : [[r.indicator, r.plans] as const])));
}
