/**
 * The public directory's and the comparisons' reads: the municipalities with a published plan, one
 * municipality's published plans by its code, and every plan's latest published edition of a year.
 * The first and last read every plan, so their callers keep the answer in the edition cache (the
 * directory under the plan list's tag, the comparison under every plan's); the second reads by key.
 */
import { and, asc, eq, isNotNull, isNull, max, sql } from 'drizzle-orm';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { EditionCounts } from '../core/kind-tally.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

export interface DirectoryMunicipality {
  /** The 全国地方公共団体コード: a municipality without one is in no directory. */
  readonly code: string;
  readonly name: string;
  /** Its plans with an edition on the public pages. */
  readonly plans: number;
}

const published = and(eq(t.editions.planId, t.plans.id), isNull(t.editions.withdrawnAt));

/** Every municipality with a code and a published plan, by code, with how many plans it publishes. */
export async function publishedMunicipalities(db: Db): Promise<DirectoryMunicipality[]> {
  const rows = await db
    .select({
      code: t.municipalities.code,
      name: t.municipalities.name,
      plans: sql<number>`count(distinct ${t.plans.id})`.mapWith(Number),
    })
    .from(t.municipalities)
    .innerJoin(t.plans, eq(t.plans.municipalityId, t.municipalities.id))
    .innerJoin(t.editions, published)
    .where(isNotNull(t.municipalities.code))
    .groupBy(t.municipalities.id)
    .orderBy(asc(t.municipalities.code));
  return rows.flatMap((row) =>
    row.code === null ? [] : [{ code: row.code, name: row.name, plans: row.plans }],
  );
}

/** How many municipalities (with a code or not) have a published plan: whether the front page shows the directory. */
export async function publishingMunicipalityCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${t.plans.municipalityId})`.mapWith(Number) })
    .from(t.plans)
    .innerJoin(t.editions, published);
  return row?.n ?? 0;
}

export interface MunicipalityPlan {
  readonly slug: string;
  readonly title: string;
  readonly periodFrom: FiscalYear;
  readonly periodTo: FiscalYear;
  readonly latestYear: FiscalYear;
  readonly english: { readonly title: string | null } | null;
}

/** One municipality's published plans, by period, through the code's unique index. */
export async function municipalityPlans(db: Db, code: string): Promise<MunicipalityPlan[]> {
  const rows = await db
    .select({
      slug: t.plans.slug,
      title: t.plans.title,
      periodFrom: t.plans.periodFrom,
      periodTo: t.plans.periodTo,
      latestYear: max(t.editions.fiscalYear),
      englishTitle: sql<string | null>`${t.plans.translation}->>'title'`,
    })
    .from(t.municipalities)
    .innerJoin(t.plans, eq(t.plans.municipalityId, t.municipalities.id))
    .innerJoin(t.editions, published)
    .where(eq(t.municipalities.code, code))
    .groupBy(t.plans.id)
    .orderBy(asc(t.plans.periodFrom), asc(t.plans.slug));
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    latestYear: row.latestYear ?? 0,
    english: row.englishTitle === null ? null : { title: row.englishTitle },
  }));
}

export interface YearEdition {
  readonly planId: number;
  readonly slug: string;
  readonly title: string;
  readonly englishTitle: string | null;
  readonly code: string;
  readonly municipality: string;
  /** The latest edition of the year still on the public pages. */
  readonly number: number;
  /** Its counts as kept when published; null for an edition published before they were kept. */
  readonly counts: EditionCounts | null;
}

/**
 * For every plan of a municipality with a code, its latest edition of `year` still published: one
 * query, by municipality code and plan. The comparison's only read of the plans; what each edition says
 * comes from its Evaluation in the edition cache.
 */
export async function latestEditionsOfYear(db: Db, year: FiscalYear): Promise<YearEdition[]> {
  const rows = await db
    .select({
      planId: t.plans.id,
      slug: t.plans.slug,
      title: t.plans.title,
      englishTitle: sql<string | null>`${t.plans.translation}->>'title'`,
      code: t.municipalities.code,
      municipality: t.municipalities.name,
      number: max(t.editions.number),
    })
    .from(t.plans)
    .innerJoin(t.municipalities, eq(t.municipalities.id, t.plans.municipalityId))
    .innerJoin(t.editions, and(published, eq(t.editions.fiscalYear, year)))
    .where(isNotNull(t.municipalities.code))
    .groupBy(t.plans.id, t.municipalities.id)
    .orderBy(asc(t.municipalities.code), asc(t.plans.periodFrom), asc(t.plans.slug));
  // The editions' kept counts, in one more query: the group above cannot carry the latest edition's column.
  const kept = await db
    .select({ planId: t.editions.planId, number: t.editions.number, counts: t.editions.counts })
    .from(t.editions)
    .where(
      and(isNull(t.editions.withdrawnAt), eq(t.editions.fiscalYear, year), isNotNull(t.editions.counts)),
    );
  const countsOf = new Map(kept.map((k) => [`${k.planId}/${k.number}`, k.counts as EditionCounts]));
  return rows.flatMap((row) =>
    row.code === null || row.number === null
      ? []
      : [
          {
            planId: row.planId,
            slug: row.slug,
            title: row.title,
            englishTitle: row.englishTitle,
            code: row.code,
            municipality: row.municipality,
            number: row.number,
            counts: countsOf.get(`${row.planId}/${row.number}`) ?? null,
          },
        ],
  );
}

/**
 * What changes any plan's public pages, in one short text: the newest edition's id and the latest
 * withdrawal. Another process's publication or withdrawal changes it; read at most once per interval.
 */
export async function allEditionsVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({ newest: max(t.editions.id), withdrawn: max(t.editions.withdrawnAt) })
    .from(t.editions);
  return `${row?.newest ?? 0}:${row?.withdrawn ? new Date(row.withdrawn).getTime() : 0}`;
}

/** The fiscal years with a published edition of a municipality with a code, newest first. */
export async function comparedYears(db: Db): Promise<FiscalYear[]> {
  const rows = await db
    .selectDistinct({ year: t.editions.fiscalYear })
    .from(t.editions)
    .innerJoin(t.plans, eq(t.plans.id, t.editions.planId))
    .innerJoin(t.municipalities, eq(t.municipalities.id, t.plans.municipalityId))
    .where(and(isNull(t.editions.withdrawnAt), isNotNull(t.municipalities.code)))
    .orderBy(sql`${t.editions.fiscalYear} desc`);
  return rows.map((row) => row.year);
}
