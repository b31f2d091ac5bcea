import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';
import type { Opinion } from '../core/opinion.ts';
import type { Plan } from '../core/plan.ts';
import { evaluate } from '../core/evaluate.ts';
import { editionCounts } from '../core/kind-tally.ts';
import { taggedFigures } from '../core/indicator-figures.ts';
import { readPlanText } from '../plan-file/read.ts';
import { planToYaml } from '../plan-file/write.ts';
import { recordAudit } from './audit.ts';
import { markedOpinions } from './comments.ts';
import { announceEditions } from './edition-notice.ts';
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
  /** Why it was published with KPIs not approved or not entered; null when all were approved. */
  readonly publishReason: string | null;
  /** Set when an administrator withdrew the edition: it leaves the public pages, which say why. */
  readonly withdrawn: { readonly at: Date; readonly reason: string } | null;
}

type EditionRow = typeof t.editions.$inferSelect;

function editionOf(planSlug: string, row: EditionRow): Edition {
  return {
    planSlug,
    fiscalYear: row.fiscalYear,
    number: row.number,
    errata: row.errata,
    publishedAt: row.publishedAt,
    publishReason: row.publishReason,
    withdrawn: row.withdrawnAt ? { at: row.withdrawnAt, reason: row.withdrawnReason ?? '' } : null,
  };
}

/**
 * Publishes the plan as it stands for a year. The edition keeps the whole plan as a plan file, so it
 * renders the same forever; a later correction is a new edition, which must say what it corrects
 * (unless every earlier edition of the year was withdrawn: then nothing public is being corrected).
 */
/**
 * What comparisons across municipalities read of an edition, worked out from the plan it freezes and kept
 * in its row, so that they never evaluate it again: its counts and its tagged indicator figures.
 */
export function comparedColumns(plan: Plan, year: FiscalYear, number: number) {
  const evaluation = evaluate(plan, year);
  return {
    counts: editionCounts(evaluation),
    indicatorFigures: taggedFigures(plan, evaluation, year, {
      slug: plan.id ?? '',
      number,
      municipalityCode: plan.municipalityCode ?? null,
    }),
  };
}

export async function publishEdition(
  db: Db,
  input: { plan: string; year: FiscalYear; errata: string | null; reason?: string | null },
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
    const [live] = await tx
      .select({ number: max(t.editions.number) })
      .from(t.editions)
      .where(
        and(
          eq(t.editions.planId, planId),
          eq(t.editions.fiscalYear, input.year),
          isNull(t.editions.withdrawnAt),
        ),
      );
    const errata = input.errata?.trim() || null;
    const reason = input.reason?.trim() || null;
    if ((live?.number ?? null) !== null && !errata) {
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
        // Frozen with the plan: an opinion marked or unmarked later changes the next edition, not this one.
        opinions: await frozenOpinionsText(tx, planId, input.year),
        ...comparedColumns(plan, input.year, number),
        errata,
        publishReason: reason,
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
    if (reason) {
      await recordAudit(tx, {
        userId: actorId,
        planId,
        action: 'edition.publish',
        subject: `${formatFiscalYear(input.year)}#${number}`,
        field: 'reason',
        newValue: reason,
      });
    }
    await announceEditions(tx, input.plan);
    return editionOf(input.plan, row as EditionRow);
  });
}

async function frozenOpinionsText(db: Db, planId: number, year: FiscalYear): Promise<string | null> {
  const opinions = await markedOpinions(db, planId, year);
  return opinions.length === 0 ? null : JSON.stringify(opinions);
}

/** An edition's frozen opinions read back; an edition from before opinions existed, or without any, has none. */
export function opinionsOf(text: string | null): Opinion[] {
  if (text === null) return [];
  const read: unknown = JSON.parse(text);
  if (!Array.isArray(read)) return [];
  return read.flatMap((o: unknown) => {
    if (typeof o !== 'object' || o === null) return [];
    const { kpiId, text: body, date } = o as Record<string, unknown>;
    return typeof kpiId === 'string' && typeof body === 'string' && typeof date === 'string'
      ? [{ kpiId, text: body, date }]
      : [];
  });
}

/**
 * Takes a mistaken edition off the public pages. The row stays, with who withdrew it, when and why,
 * and the audit log records it; withdrawing twice is refused, so the first reason is never replaced.
 */
export async function withdrawEdition(
  db: Db,
  input: { plan: string; year: FiscalYear; number: number; reason: string },
  actorId: number | null,
): Promise<Edition> {
  const reason = input.reason.trim();
  if (reason === '') throw new ShinchokuError('invalid', 'A withdrawal needs a reason.');
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, input.plan);
    const where = and(
      eq(t.editions.planId, planId),
      eq(t.editions.fiscalYear, input.year),
      eq(t.editions.number, input.number),
    );
    const [row] = await tx.select().from(t.editions).where(where).for('update');
    const subject = `${formatFiscalYear(input.year)}#${input.number}`;
    if (!row) throw new ShinchokuError('not-found', `There is no edition ${subject} of ${input.plan}.`);
    if (row.withdrawnAt) {
      throw new ShinchokuError(
        'conflict',
        `Edition ${subject} of ${input.plan} is already withdrawn.`,
        null,
        [],
        {
          reason: 'edition-withdrawn',
        },
      );
    }
    const [after] = await tx
      .update(t.editions)
      .set({ withdrawnAt: new Date(), withdrawnBy: actorId, withdrawnReason: reason })
      .where(eq(t.editions.id, row.id))
      .returning();
    await recordAudit(tx, {
      userId: actorId,
      planId,
      action: 'edition.withdraw',
      subject,
      field: 'reason',
      newValue: reason,
    });
    await announceEditions(tx, input.plan);
    return editionOf(input.plan, after as EditionRow);
  });
}

export async function listEditions(db: Db, planSlug: string): Promise<Edition[]> {
  const planId = await planIdOf(db, planSlug);
  const rows = await db
    .select()
    .from(t.editions)
    .where(eq(t.editions.planId, planId))
    .orderBy(desc(t.editions.fiscalYear), asc(t.editions.number));
  return rows.map((r) => editionOf(planSlug, r));
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
  // Frozen by an earlier release, perhaps under fewer rules: read as stored, never refused by a newer rule.
  const { plan } = readPlanText(row.planYaml, { origin: 'stored' });
  if (!plan)
    throw new ShinchokuError(
      'internal',
      `Edition ${row.number} of ${formatFiscalYear(year)} cannot be read back.`,
    );
  return { edition: editionOf(planSlug, row), plan };
}
