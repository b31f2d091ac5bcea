import { ShinchokuError } from '../../core/errors.ts';
import { evaluate } from '../../core/evaluate.ts';
import type { Evaluation } from '../../core/evaluation.ts';
import type { Opinion } from '../../core/opinion.ts';
import { formatFiscalYear, parseFiscalYear, type FiscalYear } from '../../core/fiscal-year.ts';
import { readPlanText } from '../../plan-file/read.ts';
import { estimateBytes, type EditionCache } from '../../publish/edition-cache.ts';
import { plainEvaluation } from '../../core/lazy-results.ts';
import type { Db } from '../../store/connect.ts';
import type { Edition } from '../../store/editions.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import {
  everyPlanEditions,
  frozenOpinions,
  frozenPlanText,
  planEditions,
  type PlanEditions,
} from '../../store/published-editions.ts';
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
  /** The committee opinions the edition froze when it was published (委員会意見). */
  readonly opinions: readonly Opinion[];
  /** The stored plan's id, where the edition's frozen plan is read from. */
  readonly planId: number;
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

export function publishedOf(found: PlanEditions | null): PublishedPlan | null {
  if (!found) return null;
  // A withdrawn edition is as good as never published here: it is in no list and no link.
  const years = byYear(found.editions.filter((e) => e.withdrawn === null));
  return years.length === 0 ? null : { plan: found.plan, years };
}

/** Every plan with at least one published edition (the API's list; the pages show one page of it). */
export async function publishedPlans(db: Db): Promise<PublishedPlan[]> {
  return (await everyPlanEditions(db)).map(publishedOf).filter((p): p is PublishedPlan => p !== null);
}

/** A plan with its published years; a plan never published is as unknown as one that does not exist. */
export async function publishedPlan(db: Db, slug: string, words: NotFoundWords): Promise<PublishedPlan> {
  const published = publishedOf(await planEditions(db, slug));
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
  return withdrawnOf(await planEditions(db, address.plan), address);
}

function withdrawnOf(found: PlanEditions | null, address: ReportAddress): Edition | null {
  const parsed = parseFiscalYear(address.year);
  if (!found || !parsed.ok) return null;
  const ofYear = found.editions.filter((e) => e.fiscalYear === parsed.value);
  if (address.edition !== undefined) {
    return ofYear.find((e) => String(e.number) === address.edition && e.withdrawn !== null) ?? null;
  }
  return ofYear.some((e) => e.withdrawn === null) ? null : (ofYear.at(-1) ?? null);
}

function refuseWithdrawn(found: PlanEditions | null, address: ReportAddress, words: NotFoundWords): void {
  const edition = withdrawnOf(found, address);
  if (edition?.withdrawn) {
    const { at, reason } = edition.withdrawn;
    throw new ShinchokuError(
      'not-found',
      words.withdrawn(edition.fiscalYear, edition.number, at, reason),
      words.hint,
    );
  }
}

/** The evaluation of an edition from the plan it froze: computed once per edition when a cache is given. */
export async function frozenEvaluation(
  db: Db,
  found: PlanEditions,
  edition: Edition,
  cache: EditionCache | undefined,
): Promise<Evaluation | null> {
  const compute = async () => {
    const evaluation = await evaluateFrozen(db, found.planId, edition.fiscalYear, edition.number);
    // Sized with its lazy parts (history, trajectories, diagnostics) as if read: a page reads them.
    return evaluation === null
      ? null
      : { value: evaluation, bytes: estimateBytes(plainEvaluation(evaluation)) };
  };
  if (!cache) return (await compute())?.value ?? null;
  return cache.remember(
    evaluationKey(found.plan.slug, edition.fiscalYear, edition.number),
    found.plan.slug,
    compute,
  );
}

const evaluationKey = (slug: string, year: FiscalYear, number: number): string =>
  `evaluation ${slug}/${year}/${number}`;

async function evaluateFrozen(
  db: Db,
  planId: number,
  year: FiscalYear,
  number: number,
): Promise<Evaluation | null> {
  const text = await frozenPlanText(db, planId, year, number);
  if (text === null) return null;
  // Frozen by an earlier release, perhaps under fewer rules: read as stored, never refused by a newer rule.
  const { plan } = readPlanText(text, { origin: 'stored' });
  if (!plan) {
    throw new ShinchokuError(
      'internal',
      `Edition ${number} of ${formatFiscalYear(year)} cannot be read back.`,
    );
  }
  return evaluate(plan, year);
}

/**
 * An edition's Evaluation for a comparison across plans: the cache's when it holds it, else evaluated
 * and not kept, since a nation's worth of Evaluations would push every page out of the cache (the
 * comparison keeps only its own counts).
 */
export async function comparedEvaluation(
  db: Db,
  edition: { readonly planId: number; readonly slug: string; readonly number: number },
  year: FiscalYear,
  cache: EditionCache,
): Promise<Evaluation> {
  const kept = cache.peek<Evaluation>(evaluationKey(edition.slug, year, edition.number));
  if (kept !== undefined) return kept;
  const evaluation = await evaluateFrozen(db, edition.planId, year, edition.number);
  if (evaluation === null) {
    throw new ShinchokuError('internal', `Edition ${edition.number} of ${edition.slug} has no frozen plan.`);
  }
  return evaluation;
}

/** The opinions an edition froze: read once per edition when a cache is given, like its evaluation. */
async function editionOpinions(
  db: Db,
  found: PlanEditions,
  edition: Edition,
  cache: EditionCache | undefined,
): Promise<readonly Opinion[]> {
  const compute = async () => {
    const opinions = await frozenOpinions(db, found.planId, edition.fiscalYear, edition.number);
    return { value: opinions, bytes: estimateBytes(opinions) };
  };
  if (!cache) return (await compute()).value;
  const key = `opinions ${found.plan.slug}/${edition.fiscalYear}/${edition.number}`;
  return (await cache.remember(key, found.plan.slug, compute)) ?? [];
}

/**
 * The evaluation of a published edition: the latest of its year unless an edition is named. Two reads
 * by key (the plan's editions, then the one frozen plan), and none of the second with a cache.
 */
export async function publishedReport(
  db: Db,
  address: ReportAddress,
  words: NotFoundWords,
  cache?: EditionCache,
): Promise<PublishedReport> {
  const found = await planEditions(db, address.plan);
  const published = publishedOf(found);
  if (!published) {
    refuseWithdrawn(found, address, words);
    throw new ShinchokuError('not-found', words.plan(address.plan), words.hint);
  }
  const parsed = parseFiscalYear(address.year);
  const year = parsed.ok ? published.years.find((y) => y.year === parsed.value) : undefined;
  const latest = year?.editions.at(-1);
  if (!found || !year || !latest) {
    refuseWithdrawn(found, address, words);
    throw new ShinchokuError('not-found', words.year(address.year), words.hint);
  }
  const wanted =
    address.edition === undefined ? latest : year.editions.find((e) => String(e.number) === address.edition);
  if (!wanted) {
    refuseWithdrawn(found, address, words);
    throw new ShinchokuError('not-found', words.edition(address.year, address.edition ?? ''), words.hint);
  }
  const evaluation = await frozenEvaluation(db, found, wanted, cache);
  if (!evaluation)
    throw new ShinchokuError('not-found', words.edition(address.year, String(wanted.number)), words.hint);
  return {
    published,
    edition: wanted,
    latest,
    pinned: wanted.number === latest.number ? null : wanted.number,
    evaluation,
    opinions: await editionOpinions(db, found, wanted, cache),
    planId: found.planId,
  };
}

/**
 * Each year the edition's data covers, evaluated from the plan the edition froze, as the open-data file
 * lists them (each year's progress and status as that year's report printed them); once per edition
 * with a cache.
 */
export async function publishedYearly(
  db: Db,
  report: Pick<PublishedReport, 'planId' | 'edition' | 'evaluation' | 'published'>,
  cache?: EditionCache,
): Promise<readonly Evaluation[]> {
  const { edition, evaluation } = report;
  const compute = async () => {
    const text = await frozenPlanText(db, report.planId, edition.fiscalYear, edition.number);
    const plan = text === null ? null : readPlanText(text, { origin: 'stored' }).plan;
    if (!plan) {
      throw new ShinchokuError(
        'internal',
        `Edition ${edition.number} of ${formatFiscalYear(edition.fiscalYear)} cannot be read back.`,
      );
    }
    const value = evaluation.columns.map((y) => (y === evaluation.year ? evaluation : evaluate(plan, y)));
    return { value, bytes: value.reduce((n, e) => n + estimateBytes(plainEvaluation(e)), 0) };
  };
  if (!cache) return (await compute()).value;
  const key = `yearly ${report.published.plan.slug}/${edition.fiscalYear}/${edition.number}`;
  return (await cache.remember(key, report.published.plan.slug, compute)) ?? [];
}
