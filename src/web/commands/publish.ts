import { ShinchokuError } from '../../core/errors.ts';
import type { Evaluation } from '../../core/evaluation.ts';
import { parseFiscalYear, type FiscalYear } from '../../core/fiscal-year.ts';
import { TEXT_FIELDS } from '../../core/text-field.ts';
import type { Db, Store } from '../../store/connect.ts';
import { kpiSheets, type KpiSheet } from '../../store/department-kpis.ts';
import { listEditions, publishEdition, withdrawEdition, type Edition } from '../../store/editions.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { currentEvaluation } from './current-results.ts';
import { accepted, rejected, fieldText, type FormOutcome, type FormProblem } from './form-problem.ts';
import { planSummary } from './sheets.ts';

export const MAX_ERRATA = TEXT_FIELDS['errata-note'].max;
export const MAX_PUBLISH_REASON = TEXT_FIELDS['publication-reason'].max;

/**
 * Where a KPI stands on the way to publication. "in-progress" has some figure or text but was not
 * submitted (or was returned); "not-entered" has nothing at all for the year.
 */
export type Readiness = 'approved' | 'submitted' | 'in-progress' | 'not-entered';

export function readinessOf(sheet: KpiSheet): Readiness {
  const state = sheet.review?.state;
  if (state === 'approved') return 'approved';
  if (state === 'submitted') return 'submitted';
  const anything =
    sheet.series.some((s) => s.observation !== null) || (sheet.assessment?.text.trim() ?? '') !== '';
  return anything ? 'in-progress' : 'not-entered';
}

/** What publishing a year now would put before the public, and what it would leave unchecked. */
export interface PublicationPreview {
  readonly plan: PlanSummary;
  readonly year: FiscalYear;
  readonly counts: Readonly<Record<Readiness, number>>;
  readonly total: number;
  /** Every KPI not approved, in the plan's order. */
  readonly pending: readonly { readonly sheet: KpiSheet; readonly readiness: Readiness }[];
  /** No series has a figure for the year: there is nothing to publish. */
  readonly empty: boolean;
  /** The year evaluated from the current data: the rates the edition would show. */
  readonly evaluation: Evaluation;
  /** Editions of the year still on the public pages. */
  readonly live: readonly Edition[];
}

/** How far the office's review of a year has come: approved KPIs out of all. */
export async function approvalsOf(db: Db, plan: string, year: FiscalYear) {
  const sheets = await kpiSheets(db, plan, year);
  return { approved: sheets.filter((s) => s.review?.state === 'approved').length, total: sheets.length };
}

export function yearInPlan(summary: PlanSummary, text: string): FiscalYear | null {
  const year = parseFiscalYear(text);
  return year.ok && year.value >= summary.periodFrom && year.value <= summary.periodTo ? year.value : null;
}

export async function publicationPreview(
  db: Db,
  plan: string,
  year: FiscalYear,
): Promise<PublicationPreview> {
  const summary = await planSummary(db, plan);
  const sheets = await kpiSheets(db, plan, year);
  const counts: Record<Readiness, number> = {
    approved: 0,
    submitted: 0,
    'in-progress': 0,
    'not-entered': 0,
  };
  const pending: { sheet: KpiSheet; readiness: Readiness }[] = [];
  for (const sheet of sheets) {
    const readiness = readinessOf(sheet);
    counts[readiness] += 1;
    if (readiness !== 'approved') pending.push({ sheet, readiness });
  }
  const editions = await listEditions(db, plan);
  return {
    plan: summary,
    year,
    counts,
    total: sheets.length,
    pending,
    empty: !sheets.some((s) => s.series.some((x) => x.observation !== null)),
    evaluation: await currentEvaluation(db, plan, year),
    live: editions.filter((e) => e.fiscalYear === year && e.withdrawn === null),
  };
}

export interface PublishForm {
  readonly year: string;
  readonly errata: string;
  /** The box saying "publish although some KPIs are not approved" was ticked. */
  readonly confirm: boolean;
  readonly reason: string;
}

/**
 * Publishes a year as a frozen edition. A year published before needs an errata note saying what the
 * new edition corrects; the store enforces that too, inside its transaction. A year with KPIs not
 * approved is published only when the office ticks that it knows and says why, which the edition and
 * the audit log keep; a year with no figure at all is never published.
 */
export async function publishYear(
  store: Store,
  user: User,
  plan: string,
  form: PublishForm,
): Promise<FormOutcome<Edition>> {
  assertRole(user, 'admin');
  const summary = await planSummary(store.db, plan);
  const year = yearInPlan(summary, form.year);
  if (year === null) return rejected({ year: { kind: 'year' } });
  const errataRead = fieldText('errata-note', form.errata);
  if (errataRead.problem) return rejected({ errata: errataRead.problem });
  const errata = errataRead.value;
  const preview = await publicationPreview(store.db, plan, year);
  if (preview.empty) return rejected({ year: { kind: 'nothing-entered' } });
  if (preview.live.length > 0 && errata === '') return rejected({ errata: { kind: 'errata-required' } });
  const reasonRead = fieldText('publication-reason', form.reason, preview.pending.length > 0);
  const reason = reasonRead.value ?? '';
  if (preview.pending.length > 0) {
    const problems: Record<string, FormProblem> = {};
    if (!form.confirm) problems.confirm = { kind: 'confirm-unapproved', count: preview.pending.length };
    if (reasonRead.problem) problems.reason = reasonRead.problem;
    if (Object.keys(problems).length > 0) return rejected(problems);
  } else if (reasonRead.problem) {
    return rejected({ reason: reasonRead.problem });
  }
  try {
    return accepted(
      await publishEdition(
        store.db,
        { plan, year, errata: errata === '' ? null : errata, reason: reason === '' ? null : reason },
        user.id,
      ),
    );
  } catch (error) {
    // Another administrator published the year a moment before: now this one is a correction.
    if (error instanceof ShinchokuError && error.id === 'invalid') {
      return rejected({ errata: { kind: 'errata-required' } });
    }
    throw error;
  }
}

/** Takes a mistaken edition off the public pages, with the reason the public page will show. */
export async function withdrawPublished(
  store: Store,
  user: User,
  plan: string,
  form: { year: string; number: string; reason: string },
): Promise<FormOutcome<Edition>> {
  assertRole(user, 'admin');
  const summary = await planSummary(store.db, plan);
  const year = yearInPlan(summary, form.year);
  const number = /^[1-9][0-9]{0,5}$/.test(form.number) ? Number(form.number) : null;
  const edition =
    year === null || number === null
      ? undefined
      : (await listEditions(store.db, plan)).find((e) => e.fiscalYear === year && e.number === number);
  if (year === null || number === null || !edition) {
    throw new ShinchokuError('not-found', `There is no edition ${form.year}#${form.number} of ${plan}.`);
  }
  const read = fieldText('publication-reason', form.reason, true);
  if (read.problem) return rejected({ [withdrawReasonField(year, number)]: read.problem });
  const reason = read.value;
  if (edition.withdrawn) return rejected({ [withdrawReasonField(year, number)]: { kind: 'withdrawn' } });
  try {
    return accepted(await withdrawEdition(store.db, { plan, year, number, reason }, user.id));
  } catch (error) {
    // Withdrawn by another administrator a moment before.
    if (error instanceof ShinchokuError && error.id === 'conflict') {
      return rejected({ [withdrawReasonField(year, number)]: { kind: 'withdrawn' } });
    }
    throw error;
  }
}

/** One reason field per edition, so a refused withdrawal points at its own row. */
export const withdrawReasonField = (year: FiscalYear, number: number): string => `withdraw-${year}-${number}`;
