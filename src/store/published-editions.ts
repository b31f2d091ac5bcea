/**
 * The public side's reads, each by key: one plan's editions by its slug, one edition's frozen plan text
 * by plan, year and number, and a page of the plan list. None of them lists every plan to find one, so a
 * public page costs the same with one plan stored as with two thousand.
 */
import { and, asc, count, eq, ilike, isNull, max, or, sql, type SQL } from 'drizzle-orm';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Db } from './connect.ts';
import { opinionsOf, type Edition } from './editions.ts';
import type { Opinion } from '../core/opinion.ts';
import type { PlanSummary } from './plan-repository.ts';
import * as t from './schema.ts';
import { isPlanId } from '../core/plan.ts';

export interface PlanEditions {
  readonly planId: number;
  readonly plan: PlanSummary;
  /** Every edition, withdrawn ones too: newest year first, then by number. */
  readonly editions: readonly Edition[];
}

const summaryColumns = {
  planId: t.plans.id,
  slug: t.plans.slug,
  title: t.plans.title,
  municipality: t.plans.municipality,
  periodFrom: t.plans.periodFrom,
  periodTo: t.plans.periodTo,
};

const editionColumns = {
  ...summaryColumns,
  fiscalYear: t.editions.fiscalYear,
  number: t.editions.number,
  errata: t.editions.errata,
  publishedAt: t.editions.publishedAt,
  publishReason: t.editions.publishReason,
  withdrawnAt: t.editions.withdrawnAt,
  withdrawnReason: t.editions.withdrawnReason,
};

type EditionRow = {
  [K in keyof typeof editionColumns]: (typeof editionColumns)[K]['_']['data'] | null;
};

/** Rows of plans joined to their editions, grouped by plan in the rows' order. */
function plansOf(rows: readonly EditionRow[]): PlanEditions[] {
  const plans = new Map<number, { planId: number; plan: PlanSummary; editions: Edition[] }>();
  for (const row of rows) {
    if (row.planId === null || row.slug === null) continue;
    let found = plans.get(row.planId);
    if (!found) {
      found = {
        planId: row.planId,
        plan: {
          slug: row.slug,
          title: row.title ?? '',
          municipality: row.municipality ?? '',
          periodFrom: row.periodFrom ?? 0,
          periodTo: row.periodTo ?? 0,
        },
        editions: [],
      };
      plans.set(row.planId, found);
    }
    if (row.fiscalYear === null || row.number === null || row.publishedAt === null) continue;
    found.editions.push({
      planSlug: row.slug,
      fiscalYear: row.fiscalYear,
      number: row.number,
      errata: row.errata,
      publishedAt: row.publishedAt,
      publishReason: row.publishReason,
      withdrawn: row.withdrawnAt ? { at: row.withdrawnAt, reason: row.withdrawnReason ?? '' } : null,
    });
  }
  return [...plans.values()];
}

const editionOrder = [sql`${t.editions.fiscalYear} desc nulls last`, asc(t.editions.number)];

/** A plan and its editions' facts (not their frozen text), in one query by the plan's slug. */
export async function planEditions(db: Db, slug: string): Promise<PlanEditions | null> {
  if (!isPlanId(slug)) return null;
  const rows = await db
    .select(editionColumns)
    .from(t.plans)
    .leftJoin(t.editions, eq(t.editions.planId, t.plans.id))
    .where(eq(t.plans.slug, slug))
    .orderBy(...editionOrder);
  return plansOf(rows)[0] ?? null;
}

/** Every plan with its editions' facts, in one query, in the plan list's order (the API's list). */
export async function everyPlanEditions(db: Db): Promise<PlanEditions[]> {
  const rows = await db
    .select(editionColumns)
    .from(t.plans)
    .leftJoin(t.editions, eq(t.editions.planId, t.plans.id))
    .orderBy(asc(t.plans.municipality), asc(t.plans.periodFrom), asc(t.plans.slug), ...editionOrder);
  return plansOf(rows);
}

/** The committee opinions an edition froze, by the edition's unique key: none when it froze none. */
export async function frozenOpinions(
  db: Db,
  planId: number,
  year: FiscalYear,
  number: number,
): Promise<Opinion[]> {
  const [row] = await db
    .select({ opinions: t.editions.opinions })
    .from(t.editions)
    .where(
      and(eq(t.editions.planId, planId), eq(t.editions.fiscalYear, year), eq(t.editions.number, number)),
    );
  return opinionsOf(row?.opinions ?? null);
}

/** The plan file an edition froze, by the edition's unique key. */
export async function frozenPlanText(
  db: Db,
  planId: number,
  year: FiscalYear,
  number: number,
): Promise<string | null> {
  const [row] = await db
    .select({ planYaml: t.editions.planYaml })
    .from(t.editions)
    .where(
      and(eq(t.editions.planId, planId), eq(t.editions.fiscalYear, year), eq(t.editions.number, number)),
    );
  return row?.planYaml ?? null;
}

/**
 * What changes a plan's public pages, in one short text: how many editions it has, the newest one's id
 * and the latest withdrawal. Another process publishing or withdrawing changes it; null for no plan.
 */
export async function editionsVersion(db: Db, slug: string): Promise<string | null> {
  if (!isPlanId(slug)) return null;
  const [row] = await db
    .select({
      editions: count(t.editions.id),
      newest: max(t.editions.id),
      withdrawn: max(t.editions.withdrawnAt),
    })
    .from(t.plans)
    .leftJoin(t.editions, eq(t.editions.planId, t.plans.id))
    .where(eq(t.plans.slug, slug))
    .groupBy(t.plans.id);
  if (!row) return null;
  return `${row.editions}:${row.newest ?? 0}:${row.withdrawn ? new Date(row.withdrawn).getTime() : 0}`;
}

export interface ListedPlan extends PlanSummary {
  /** The latest fiscal year with an edition on the public pages. */
  readonly latestYear: FiscalYear;
}

export interface PlanListPage {
  /** Plans with a published edition that match the search, on every page. */
  readonly total: number;
  readonly plans: readonly ListedPlan[];
}

/** LIKE's own characters in a search term match themselves. */
const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the plans with a published (not withdrawn) edition, by municipality, then period, then id.
 * Each search term must appear in the plan's title or its municipality's name, case-insensitively.
 */
export async function publishedPlanPage(
  db: Db,
  query: { readonly terms: readonly string[]; readonly limit: number; readonly offset: number },
): Promise<PlanListPage> {
  const matches: SQL[] = query.terms.map(
    (term) =>
      or(ilike(t.plans.title, likePattern(term)), ilike(t.plans.municipality, likePattern(term))) as SQL,
  );
  const published = and(eq(t.editions.planId, t.plans.id), isNull(t.editions.withdrawnAt));
  const where = matches.length === 0 ? undefined : and(...matches);
  const [counted] = await db
    .select({ n: sql<number>`count(distinct ${t.plans.id})`.mapWith(Number) })
    .from(t.plans)
    .innerJoin(t.editions, published)
    .where(where);
  const total = counted?.n ?? 0;
  if (total === 0 || query.offset >= total) return { total, plans: [] };
  const rows = await db
    .select({
      ...summaryColumns,
      latestYear: max(t.editions.fiscalYear),
      // The plan's English (store/plan-translation.ts), for the list's English edition.
      englishTitle: sql<string | null>`${t.plans.translation}->>'title'`,
      englishMunicipality: sql<string | null>`${t.plans.translation}->>'municipality'`,
    })
    .from(t.plans)
    .innerJoin(t.editions, published)
    .where(where)
    .groupBy(t.plans.id)
    .orderBy(asc(t.plans.municipality), asc(t.plans.periodFrom), asc(t.plans.slug))
    .limit(query.limit)
    .offset(query.offset);
  return {
    total,
    plans: rows.map((row) => ({
      slug: row.slug,
      title: row.title,
      municipality: row.municipality,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      latestYear: row.latestYear ?? 0,
      ...(row.englishTitle !== null || row.englishMunicipality !== null
        ? { english: { title: row.englishTitle, municipality: row.englishMunicipality } }
        : {}),
    })),
  };
}
