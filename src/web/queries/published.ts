import { ShinchokuError } from '../../core/errors.ts';
import { evaluate } from '../../core/evaluate.ts';
import type { Evaluation } from '../../core/evaluation.ts';
import { parseFiscalYear, type FiscalYear } from '../../core/fiscal-year.ts';
import type { Db } from '../../store/connect.ts';
import { editionPlan, listEditions, type Edition } from '../../store/editions.ts';
import { listPlans, type PlanSummary } from '../../store/plan-repository.ts';
import type { WebMessages } from '../i18n/index.ts';

/**
 * What the public sees: only published editions, each evaluated from the plan frozen at publication.
 * Nothing here reads a plan's current, unpublished figures.
 */

export interface PublishedYear {
  readonly year: FiscalYear;
  /** Oldest first; the last is the one shown by default. */
  readonly editions: readonly Edition[];
}

export interface PublishedPlan {
  readonly plan: PlanSummary;
  /** Newest year first. */
  readonly years: readonly PublishedYear[];
}

export interface PublishedReport {
  readonly published: PublishedPlan;
  readonly edition: Edition;
  readonly latest: Edition;
  /** The edition number to keep in links: null when the latest edition is shown. */
  readonly pinned: number | null;
  readonly evaluation: Evaluation;
}

export type NotFoundWords = WebMessages['notFound'];

function byYear(editions: readonly Edition[]): PublishedYear[] {
  const years = new Map<FiscalYear, Edition[]>();
  for (const edition of editions) {
    const list = years.get(edition.fiscalYear) ?? [];
    list.push(edition);
    years.set(edition.fiscalYear, list);
  }
  return [...years]
    .map(([year, list]) => ({ year, editions: list.sort((a, b) => a.number - b.number) }))
    .sort((a, b) => b.year - a.year);
}

async function publishedOf(db: Db, plan: PlanSummary): Promise<PublishedPlan | null> {
  // A withdrawn edition is as good as never published here: it is in no list and no link.
  const years = byYear((await listEditions(db, plan.slug)).filter((e) => e.withdrawn === null));
  return years.length === 0 ? null : { plan, years };
}

/** Every plan with at least one published edition. */
export async function publishedPlans(db: Db): Promise<PublishedPlan[]> {
  const plans = await listPlans(db);
  const published = await Promise.all(plans.map((plan) => publishedOf(db, plan)));
  return published.filter((p): p is PublishedPlan => p !== null);
}

/** A plan with its published years; a plan never published is as unknown as one that does not exist. */
export async function publishedPlan(db: Db, slug: string, words: NotFoundWords): Promise<PublishedPlan> {
  const plan = (await listPlans(db)).find((p) => p.slug === slug);
  const published = plan ? await publishedOf(db, plan) : null;
  if (!published) throw new ShinchokuError('not-found', words.plan(slug), words.hint);
  return published;
}

export interface ReportAddress {
  readonly plan: string;
  /** As written in the URL: R4, 2022, 令和4年度. */
  readonly year: string;
  /** The `edition` query parameter, if any. */
  readonly edition: string | undefined;
}

/**
 * The withdrawn edition an address names, if that is why it shows nothing: the edition asked for by
 * number, or, for a year with no edition left on the public pages, its latest withdrawn one. So a
 * reader who follows an old link learns that the report was withdrawn and why, not just "not found".
 */
export async function withdrawnAt(db: Db, address: ReportAddress): Promise<Edition | null> {
  const plan = (await listPlans(db)).find((p) => p.slug === address.plan);
  const parsed = parseFiscalYear(address.year);
  if (!plan || !parsed.ok) return null;
  const ofYear = (await listEditions(db, plan.slug)).filter((e) => e.fiscalYear === parsed.value);
  if (address.edition !== undefined) {
    return ofYear.find((e) => String(e.number) === address.edition && e.withdrawn !== null) ?? null;
  }
  return ofYear.some((e) => e.withdrawn === null) ? null : (ofYear.at(-1) ?? null);
}

async function refuseWithdrawn(db: Db, address: ReportAddress, words: NotFoundWords): Promise<void> {
  const edition = await withdrawnAt(db, address);
  if (edition?.withdrawn) {
    const { at, reason } = edition.withdrawn;
    throw new ShinchokuError(
      'not-found',
      words.withdrawn(edition.fiscalYear, edition.number, at, reason),
      words.hint,
    );
  }
}

/** The evaluation of a published edition: the latest of its year unless an edition is named. */
export async function publishedReport(
  db: Db,
  address: ReportAddress,
  words: NotFoundWords,
): Promise<PublishedReport> {
  // Withdrawn editions are looked for only once nothing public answers, off the readers' usual path.
  const published = await publishedPlan(db, address.plan, words).catch(async (error: unknown) => {
    await refuseWithdrawn(db, address, words);
    throw error;
  });
  const parsed = parseFiscalYear(address.year);
  const year = parsed.ok ? published.years.find((y) => y.year === parsed.value) : undefined;
  const latest = year?.editions.at(-1);
  if (!year || !latest) {
    await refuseWithdrawn(db, address, words);
    throw new ShinchokuError('not-found', words.year(address.year), words.hint);
  }
  const wanted =
    address.edition === undefined ? latest : year.editions.find((e) => String(e.number) === address.edition);
  if (!wanted) {
    await refuseWithdrawn(db, address, words);
    throw new ShinchokuError('not-found', words.edition(address.year, address.edition ?? ''), words.hint);
  }
  const frozen = await editionPlan(db, address.plan, year.year, wanted.number);
  if (!frozen)
    throw new ShinchokuError('not-found', words.edition(address.year, String(wanted.number)), words.hint);
  return {
    published,
    edition: frozen.edition,
    latest,
    pinned: wanted.number === latest.number ? null : wanted.number,
    evaluation: evaluate(frozen.plan, year.year),
  };
}
