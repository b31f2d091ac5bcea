import { and, asc, desc, eq, max } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import { readPlanText } from '../plan-file/read.ts';
import { planToYaml } from '../plan-file/write.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { loadStoredPlan, planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export interface Edition {
  readonly planSlug: string;
  readonly fiscalYear: FiscalYear;
  readonly number: number;
  readonly errata: string | null;
  readonly publishedAt: Date;
}

/**
 * Publishes the plan as it stands for a year. The edition keeps the whole plan as a plan file, so it
 * renders the same forever; a later correction is a new edition, which must say what it corrects.
 */
export async function publishEdition(
  db: Db,
  input: { plan: string; year: FiscalYear; errata: string | null },
  actorId: number | null,
): Promise<Edition> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, input.plan);
    const plan = await loadStoredPlan(tx, input.plan);
    const [latest] = await tx
      .select({ number: max(t.editions.number) })
      .from(t.editions)
      .where(and(eq(t.editions.planId, planId), eq(t.editions.fiscalYear, input.year)));
    const number = (latest?.number ?? 0) + 1;
    const errata = input.errata?.trim() || null;
    if (number > 1 && !errata) {
      throw new ShinchokuError(
        'invalid',
        `${formatFiscalYear(input.year)} is already published; a new edition needs an errata note saying what it corrects.`,
      );
    }
    const [row] = await tx
      .insert(t.editions)
      .values({
        planId,
        fiscalYear: input.year,
        number,
        planYaml: planToYaml(plan),
        errata,
        publishedBy: actorId,
      })
      .onConflictDoNothing({ target: [t.editions.planId, t.editions.fiscalYear, t.editions.number] })
      .returning();
    if (!row) {
      // Two publications of the same year at once both counted the same number; the first one stands.
      throw new ShinchokuError(
        'conflict',
        `Someone else published edition ${number} of ${formatFiscalYear(input.year)} at the same moment; yours was not published.`,
        'Reload to see the published edition; publish again with an errata note only if it needs a correction.',
        [],
        { current: number },
      );
    }
    await recordAudit(tx, {
      userId: actorId,
      planId,
      action: 'edition.publish',
      subject: `${formatFiscalYear(input.year)}#${number}`,
      newValue: errata,
    });
    const published = row;
    return {
      planSlug: input.plan,
      fiscalYear: published.fiscalYear,
      number,
      errata,
      publishedAt: published.publishedAt,
    };
  });
}

export async function listEditions(db: Db, planSlug: string): Promise<Edition[]> {
  const planId = await planIdOf(db, planSlug);
  const rows = await db
    .select()
    .from(t.editions)
    .where(eq(t.editions.planId, planId))
    .orderBy(desc(t.editions.fiscalYear), asc(t.editions.number));
  return rows.map((r) => ({
    planSlug,
    fiscalYear: r.fiscalYear,
    number: r.number,
    errata: r.errata,
    publishedAt: r.publishedAt,
  }));
}

/** The frozen plan of an edition: the latest edition of the year unless a number is given. */
export async function editionPlan(
  db: Db,
  planSlug: string,
  year: FiscalYear,
  number?: number,
): Promise<{ edition: Edition; plan: Plan } | null> {
  const planId = await planIdOf(db, planSlug);
  const conditions = [eq(t.editions.planId, planId), eq(t.editions.fiscalYear, year)];
  if (number !== undefined) conditions.push(eq(t.editions.number, number));
  const [row] = await db
    .select()
    .from(t.editions)
    .where(and(...conditions))
    .orderBy(desc(t.editions.number))
    .limit(1);
  if (!row) return null;
  const { plan } = readPlanText(row.planYaml);
  if (!plan)
    throw new ShinchokuError(
      'internal',
      `Edition ${row.number} of ${formatFiscalYear(year)} cannot be read back.`,
    );
  return {
    edition: {
      planSlug,
      fiscalYear: row.fiscalYear,
      number: row.number,
      errata: row.errata,
      publishedAt: row.publishedAt,
    },
    plan,
  };
}
